//! The analyzer: compiled lexicons and topic, shared across threads.

use crate::analysis::{Analysis, Evidence, Role};
use crate::lexicon::{EntryKind, Hit, Matcher, Payload, DEFAULT_LEXICONS, DEFAULT_TOPIC};
use crate::rules::Layout;
use crate::sentiment::{self, Thresholds};
use crate::stance::{self, TopicIndex};
use crate::workspace::{Pool, Workspace};
use crate::{tokenize, Error, Lexicon, Topic};

/// Analyses French texts: sentiment, stance toward the topic's targets, frames, and
/// the evidence for each.
///
/// Building compiles every lexicon and the topic into one matcher; after that an
/// `Analyzer` is immutable, `Send + Sync`, and cheap to share by reference or `Arc`.
///
/// ```
/// use avis_fr::{Analyzer, Label};
///
/// let analyzer = Analyzer::default();
/// let analysis = analyzer.analyze("Cet accord est une honte !");
/// assert_eq!(analysis.sentiment.label, Label::Negative);
/// assert!(analysis.evidence.iter().any(|e| e.text == "honte"));
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    matcher: Matcher,
    topic: Topic,
    index: TopicIndex,
    thresholds: Thresholds,
    workspaces: Pool<Workspace>,
}

impl Default for Analyzer {
    /// The embedded lexicons and the default topic (the bundled consultation).
    fn default() -> Self {
        // The embedded data is checked by the test suite; it cannot fail here.
        match Analyzer::builder().build() {
            Ok(analyzer) => analyzer,
            Err(error) => panic!("embedded lexicons are invalid: {error}"),
        }
    }
}

/// Configures an [`Analyzer`]: extra lexicons, a topic, label thresholds.
///
/// ```
/// use avis_fr::{Analyzer, Label, Lexicon};
///
/// let mine = Lexicon::from_tsv("mine.tsv", "term\tkind\tvalence\tnote\ncalamiteux\tsentiment\t-3\t\n")?;
/// let analyzer = Analyzer::builder().lexicon(mine).build()?;
/// assert_eq!(analyzer.analyze("Un projet calamiteux.").sentiment.label, Label::Negative);
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    defaults: bool,
    lexicons: Vec<Lexicon>,
    topic: Option<Topic>,
    thresholds: Thresholds,
}

impl AnalyzerBuilder {
    /// Add a lexicon over the defaults: its entries add to them, and override a
    /// default entry of the same term and kind.
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicons.push(lexicon);
        self
    }

    /// Use this topic instead of the default one.
    pub fn topic(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Leave out the embedded lexicons (and the default topic, unless one is given):
    /// only what is added with [`lexicon`](Self::lexicon) is used.
    pub fn without_defaults(mut self) -> Self {
        self.defaults = false;
        self
    }

    /// Label thresholds: a score at or below `negative` is negative, at or above
    /// `positive` is positive. Defaults: -0.05 and 0.05.
    ///
    /// # Errors
    /// At [`build`](Self::build) time, unless `-1 <= negative < positive <= 1`.
    pub fn thresholds(mut self, negative: f64, positive: f64) -> Self {
        self.thresholds = Thresholds { negative, positive };
        self
    }

    /// Compile the analyzer.
    pub fn build(self) -> Result<Analyzer, Error> {
        let Thresholds { negative, positive } = self.thresholds;
        if !(-1.0 <= negative && negative < positive && positive <= 1.0) {
            return Err(Error::Config(format!(
                "thresholds must satisfy -1 <= negative < positive <= 1, got {negative} and {positive}"
            )));
        }
        let mut lexicons = Vec::new();
        if self.defaults {
            for (name, text) in DEFAULT_LEXICONS {
                lexicons.push(Lexicon::from_tsv(name, text)?);
            }
        }
        lexicons.extend(self.lexicons);
        let topic = match self.topic {
            Some(topic) => topic,
            None if self.defaults => Topic::from_toml(DEFAULT_TOPIC.0, DEFAULT_TOPIC.1)?,
            None => Topic::default(),
        };
        let mut matcher = Matcher::default();
        for lexicon in &lexicons {
            for entry in lexicon.entries() {
                matcher.add(
                    &entry.term,
                    Payload::Word {
                        kind: entry.kind,
                        valence: entry.valence,
                    },
                );
            }
        }
        let index = compile_topic(&topic, &mut matcher);
        Ok(Analyzer {
            matcher,
            topic,
            index,
            thresholds: self.thresholds,
            workspaces: Pool::default(),
        })
    }
}

fn compile_topic(topic: &Topic, matcher: &mut Matcher) -> TopicIndex {
    let targets: Vec<String> = topic.target_ids().into_iter().map(String::from).collect();
    let position = |id: &str| targets.iter().position(|t| t == id);
    for (target, t) in topic.targets().iter().enumerate() {
        for (names, polarity) in [(&t.names, 1.0), (&t.against, -1.0)] {
            for name in names {
                matcher.add(name, Payload::Target { target, polarity });
            }
        }
    }
    for (frame, f) in topic.frames().iter().enumerate() {
        for marker in &f.markers {
            matcher.add(marker, Payload::Frame { frame });
        }
    }
    for group in topic.stance_markers() {
        if let Some(target) = position(&group.target) {
            for marker in &group.markers {
                matcher.add(
                    marker,
                    Payload::Stance {
                        target,
                        weight: group.weight,
                    },
                );
            }
        }
    }
    TopicIndex {
        rivals: topic
            .targets()
            .iter()
            .map(|t| t.rivals.iter().filter_map(|r| position(r)).collect())
            .collect(),
        frames: topic.frames().iter().map(|f| f.id.clone()).collect(),
        objections: topic
            .frames()
            .iter()
            .map(|f| {
                let (target, weight) = f.objection.as_ref()?;
                Some((position(target)?, *weight))
            })
            .collect(),
        subject: topic.subject().and_then(position),
        targets,
    }
}

impl Analyzer {
    /// Start configuring an analyzer.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder {
            defaults: true,
            lexicons: Vec::new(),
            topic: None,
            thresholds: Thresholds::default(),
        }
    }

    /// The topic this analyzer reads stance and frames against.
    pub fn topic(&self) -> &Topic {
        &self.topic
    }

    /// Analyse one text. Any `&str` is valid input; the time is linear in its length.
    ///
    /// The analysis borrows from `text` and from the analyzer.
    pub fn analyze<'a>(&'a self, text: &'a str) -> Analysis<'a> {
        let mut lease = self.workspaces.take();
        let space: &mut Workspace = &mut lease;
        let (mut tokens, items) = (space.tokens(), space.items());
        // Each token's word is looked up as it is scanned, its bytes still at hand.
        let (words, ids) = (&mut space.words, &mut space.ids);
        tokenize(text).push_all(&mut tokens, |token| {
            ids.push(words.id(&self.matcher, token))
        });
        let (hits, nested) = (&mut space.hits, &mut space.nested);
        self.matcher.find(&space.words, &space.ids, hits, nested);
        let buffers = std::mem::take(&mut space.layout);
        let layout = Layout::new(text, &tokens, &space.hits, &self.matcher, buffers);
        let (sentiment, mut items) = sentiment::score(&layout, self.thresholds, items);
        let assessment = stance::assess(
            &layout,
            &space.nested,
            &items,
            &sentiment,
            &self.index,
            &mut space.stance,
        );
        let evidence = self.evidence(&layout, &space.nested, &mut items, &mut space.stance.parts);
        space.layout = layout.into_buffers();
        space.finish(tokens, items);
        Analysis {
            sentiment,
            stance: assessment.stance,
            frames: assessment.frames,
            evidence,
        }
    }

    /// Every matched marker, in text order: by span, and on the same span, the
    /// scored words first, then what the hit means. Built in that order rather than
    /// sorted: hits do not overlap, and an expression nested in a hit lies inside it.
    fn evidence<'a>(
        &'a self,
        layout: &Layout<'_, 'a>,
        nested: &[Hit],
        items: &mut Vec<sentiment::Scored<'a>>,
        parts: &mut [(usize, usize, f64)],
    ) -> Vec<Evidence<'a>> {
        // By hit, then target, each hit's parts in the order they were found.
        parts.sort_by_key(|&(hit, target, _)| (hit, target));
        let mut evidence = Vec::with_capacity(items.len() + layout.hits.len() + nested.len());
        let mut items = items.drain(..).peekable();
        let mut nested = nested.iter().peekable();
        for (index, hit) in layout.hits.iter().enumerate() {
            // One nested at its start is shorter, so it comes first.
            while let Some(inner) = nested.next_if(|inner| inner.first == hit.first) {
                self.nested_evidence(layout, inner, &mut evidence);
            }
            while let Some(item) = items.next_if(|item| item.hit == index) {
                evidence.push(Evidence {
                    valence: item.valence,
                    rules: item.rules,
                    contribution: item.value,
                    ..marker(layout, hit, item.role, self.term(hit))
                });
            }
            // Feelings are scored items already.
            if hit.beyond_feeling() {
                self.hit_evidence(layout, index, parts, &mut evidence);
            }
            while let Some(inner) = nested.next_if(|inner| inner.first < hit.end) {
                self.nested_evidence(layout, inner, &mut evidence);
            }
        }
        // Every item is a hit's, every nested hit inside one: none is left over.
        debug_assert!(items.next().is_none() && nested.next().is_none());
        evidence
    }

    /// What hit `index` means beyond a feeling: rule words, targets, frames, stance
    /// markers, with the stance `parts` it contributed.
    fn hit_evidence<'a>(
        &'a self,
        layout: &Layout<'_, 'a>,
        index: usize,
        parts: &[(usize, usize, f64)],
        evidence: &mut Vec<Evidence<'a>>,
    ) {
        let hit = &layout.hits[index];
        let entry = self.term(hit);
        for payload in self.matcher.payloads(hit) {
            let (role, target, valence) = match *payload {
                Payload::Word { kind, valence } => match rule_role(kind) {
                    Some(role) => (role, None, valence),
                    None => continue,
                },
                Payload::Target { target, polarity } => (Role::Target, Some(target), polarity),
                Payload::Frame { frame } => {
                    evidence.push(Evidence {
                        id: Some(&self.index.frames[frame]),
                        ..marker(layout, hit, Role::Frame, entry)
                    });
                    continue;
                }
                Payload::Stance { target, weight } => (Role::StanceMarker, Some(target), weight),
            };
            let contribution = target.map_or(0.0, |target| {
                let key = (index, target);
                let from = parts.partition_point(|&(h, t, _)| (h, t) < key);
                parts[from..]
                    .iter()
                    .take_while(|&&(h, t, _)| (h, t) == key)
                    .fold(0.0, |sum, (_, _, v)| sum + v)
            });
            evidence.push(Evidence {
                id: target.map(|t| self.index.targets[t].as_str()),
                valence,
                contribution,
                ..marker(layout, hit, role, entry)
            });
        }
    }

    /// The targets and frames named inside a longer expression.
    fn nested_evidence<'a>(
        &'a self,
        layout: &Layout<'_, 'a>,
        hit: &Hit,
        evidence: &mut Vec<Evidence<'a>>,
    ) {
        for payload in self.matcher.payloads(hit) {
            let (role, id, valence) = match *payload {
                Payload::Target { target, polarity } => {
                    (Role::Target, &self.index.targets[target], polarity)
                }
                Payload::Frame { frame } => (Role::Frame, &self.index.frames[frame], 0.0),
                _ => continue,
            };
            evidence.push(Evidence {
                id: Some(id),
                valence,
                ..marker(layout, hit, role, self.term(hit))
            });
        }
    }

    fn term(&self, hit: &Hit) -> &str {
        self.matcher.term(hit.expr)
    }
}

/// The evidence of a hit in some role, its values yet to fill in.
fn marker<'a>(layout: &Layout<'_, 'a>, hit: &Hit, role: Role, entry: &'a str) -> Evidence<'a> {
    let (start, end) = (
        layout.tokens[hit.first].start,
        layout.tokens[hit.end - 1].end,
    );
    Evidence {
        text: &layout.text[start..end],
        start,
        end,
        role,
        entry,
        id: None,
        valence: 0.0,
        rules: Vec::new(),
        contribution: 0.0,
    }
}

/// The evidence role of a rule word; sentiment and irony words are reported as scored.
fn rule_role(kind: EntryKind) -> Option<Role> {
    Some(match kind {
        EntryKind::Negator | EntryKind::Absence | EntryKind::Ne | EntryKind::NeNegator => {
            Role::Negator
        }
        EntryKind::Intensifier => Role::Intensifier,
        EntryKind::Diminisher => Role::Diminisher,
        EntryKind::Contrast => Role::Contrast,
        EntryKind::Praise => Role::Irony,
        EntryKind::StanceCue | EntryKind::Comparative => Role::StanceMarker,
        _ => return None,
    })
}
