//! Stage 4: stance toward the topic's targets.
//!
//! A target's stance score adds up, in this order:
//! 1. stance markers (`honte` → against the thread's subject), negation-aware;
//! 2. sentiment words in a clause that names a target, given to the nearest name in
//!    the clause and the names coordinated with it, with the name's polarity
//!    (naming `logiciel propriétaire` in a negative clause is being for free
//!    software); a name in a clause without feeling takes the feeling near it in
//!    its sentence (see [`clauses`]);
//! 3. stance cues just before a name (`favoriser le logiciel libre`, `voter pour`,
//!    `non à`) or just after it (`X dégage`);
//! 4. comparatives between two names (`Microsoft n'apporte rien de plus que les
//!    logiciels libres`: against the first, for the second);
//! 5. frames declared as objections (`objection = { target, weight }`): raising the
//!    argument at all, negated or not (`Quid de l'argent public ?`);
//! 6. the comment's overall sentiment, toward what it is about: the thread's
//!    subject when the topic declares one (a comment posted under a proposal that
//!    condemns without naming it is against it), else the one target it names
//!    when it names only one (a tweet that insults a candidate is against them);
//! 7. rivals, only between targets the comment names: favouring a target's rival
//!    is opposing it, and a comment against the subject that discusses its rival
//!    is for the rival.
//!
//! Overlaps: at each position the longest expression wins (see the matcher), and it
//! gives the words their lexicon meaning; targets named *inside* it are still
//! counted as named (`utiliser des logiciels libres`, a stance marker, still names
//! free software), and a stance marker, cue or comparative keeps the feeling of the
//! words it covers (`bravo` in `bravo à`: see the sentiment stage).

mod clauses;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::analysis::{Stance, StanceLabel};
use crate::document::Document;
use crate::explain::Reason;
use crate::frames::Frames;
use crate::lexicon::{CompiledTopic, EntryKind, Hit, TopicMeaning};
use crate::reuse::recycle;
use crate::rules::{Marks, Weighed};
use crate::sentiment::Scored;
use crate::weights::StanceWeights;

/// What one marker, cue or comparative (hit `hit`) contributed toward `target`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Contribution {
    pub(crate) hit: usize,
    pub(crate) target: usize,
    pub(crate) value: f64,
}

/// What the stance stage returns.
#[derive(Debug)]
pub(crate) struct Assessment<'a, 'c> {
    /// Stance per target id.
    pub(crate) by_target: BTreeMap<Cow<'a, str>, Stance<'a>>,
    /// What each marker, cue and comparative contributed, by hit then target, for
    /// the evidence.
    pub(crate) contributions: &'c [Contribution],
}

/// The working vectors of an assessment, kept from one document to the next.
#[derive(Debug, Default)]
pub(crate) struct StanceCache {
    mentions: Vec<Mention>,
    contributions: Vec<Contribution>,
    /// The first token of each contrast word.
    contrasts: Vec<usize>,
    /// Always empty between documents.
    tallies: Vec<Tally<'static>>,
}

/// What adds up toward one target.
#[derive(Debug, Default)]
struct Tally<'a> {
    /// Markers, clause sentiment, cues, comparatives and objections.
    direct: f64,
    /// With the subject default, then the rivalries.
    total: f64,
    before_rivalry: f64,
    mentioned: bool,
    /// The clause whose neighbours' feeling it took
    /// last as a name in a clause without feeling: once per clause.
    took_sentence: Option<u32>,
    /// The last clause one of whose words it took as its own.
    took_clause: Option<u32>,
    because: Vec<Reason<'a>>,
    /// Whether the reasons are kept (not for an analysis of scores only).
    explain: bool,
}

impl<'a> Tally<'a> {
    fn add(&mut self, why: Reason<'a>) {
        self.direct += why.value();
        self.note(why);
    }

    /// Keep a reason whose value is already counted.
    fn note(&mut self, why: Reason<'a>) {
        if self.explain {
            self.because.push(why);
        }
    }
}

/// A target named in the text.
#[derive(Debug)]
struct Mention {
    target: usize,
    polarity: f64,
    first: usize,
    end: usize,
    /// Named inside a longer expression that means something else (a stance
    /// marker, `problème du logiciel libre`): that expression says what the clause
    /// thinks of it.
    inside: bool,
}

/// The stance toward every target of the topic.
// Each argument is what one earlier stage returned, or one setting of the
// analyzer: bundled, they would hide which stage feeds the stance.
#[allow(clippy::too_many_arguments)]
pub(crate) fn assess<'a, 'c>(
    doc: &Document<'a>,
    marks: &Marks,
    scored: &Scored<'a>,
    frames: Frames<'_>,
    topic: &'a CompiledTopic,
    weights: &StanceWeights,
    explain: bool,
    cache: &'c mut StanceCache,
) -> Assessment<'a, 'c> {
    let mut tally: Vec<Tally<'a>> = recycle(std::mem::take(&mut cache.tallies));
    start(topic, explain, &mut tally);
    tally_window(doc, marks, &scored.words, weights, cache, &mut tally);
    let by_target = finish(frames, scored.sentiment.score, topic, weights, &mut tally);
    cache.tallies = recycle(tally);
    Assessment {
        by_target,
        contributions: &cache.contributions,
    }
}

/// One tally per target of the topic, empty.
fn start<'a>(topic: &CompiledTopic, explain: bool, tally: &mut Vec<Tally<'a>>) {
    tally.extend(topic.targets.iter().map(|_| Tally {
        explain,
        ..Tally::default()
    }));
}

/// What one document (or one window of a long text) adds to the tallies: markers,
/// clause sentiment, cues (steps 1 to 3); its contributions in the cache, sorted.
fn tally_window<'a>(
    doc: &Document<'a>,
    marks: &Marks,
    words: &[Weighed<'a>],
    weights: &StanceWeights,
    cache: &mut StanceCache,
    tally: &mut [Tally<'a>],
) {
    let StanceCache {
        mentions,
        contributions,
        contrasts,
        ..
    } = cache;
    mentions.clear();
    contributions.clear();
    markers_and_mentions(doc, marks, weights, tally, mentions, contributions);
    mentions.sort_by_key(|m| m.first);
    clauses::clause_sentiment(doc, mentions, words, weights, contrasts, tally);
    cues(doc, marks, weights, mentions, tally, contributions);
    contributions.sort_by_key(|c| (c.hit, c.target));
}

/// The stance toward every target once the whole text is tallied: objections,
/// the subject's default and the rivalries (steps 4 and 5), then the labels.
fn finish<'a>(
    frames: Frames<'_>,
    sentiment: f64,
    topic: &'a CompiledTopic,
    weights: &StanceWeights,
    tally: &mut Vec<Tally<'a>>,
) -> BTreeMap<Cow<'a, str>, Stance<'a>> {
    objections(frames, topic, tally);
    subject_and_rivals(sentiment, topic, weights, tally);
    labels(topic, weights.threshold, tally)
}

/// The stance of a long text read window by window (see `crate::windows`): the
/// tallies carried from one window to the next.
pub(crate) struct Windowed<'a> {
    tally: Vec<Tally<'a>>,
    cache: StanceCache,
    /// Whether reasons were left out.
    truncated: bool,
}

impl<'a> Windowed<'a> {
    pub(crate) fn new(topic: &CompiledTopic, explain: bool) -> Self {
        let mut tally = Vec::new();
        start(topic, explain, &mut tally);
        Windowed {
            tally,
            cache: StanceCache::default(),
            truncated: false,
        }
    }

    /// Tally one window; its contributions (for its evidence). A clause or
    /// sentence number is the window's own: what a target took from one is
    /// forgotten between windows. At most `keep` reasons are kept per target.
    pub(crate) fn add(
        &mut self,
        doc: &Document<'a>,
        marks: &Marks,
        words: &[Weighed<'a>],
        weights: &StanceWeights,
        keep: usize,
    ) -> &[Contribution] {
        for t in &mut self.tally {
            t.took_sentence = None;
            t.took_clause = None;
        }
        tally_window(doc, marks, words, weights, &mut self.cache, &mut self.tally);
        for t in &mut self.tally {
            self.truncated |= t.because.len() > keep;
            t.because.truncate(keep);
        }
        &self.cache.contributions
    }

    /// Whether reasons were left out (a target had more than `keep`).
    pub(crate) fn truncated(&self) -> bool {
        self.truncated
    }

    /// The stance toward every target, from all the windows.
    pub(crate) fn finish(
        mut self,
        frames: Frames<'_>,
        sentiment: f64,
        topic: &'a CompiledTopic,
        weights: &StanceWeights,
    ) -> BTreeMap<Cow<'a, str>, Stance<'a>> {
        finish(frames, sentiment, topic, weights, &mut self.tally)
    }
}

/// Targets named, and stance markers (step 1). Top-level hits name targets and
/// carry stance markers; hits nested in a longer expression only name targets.
fn markers_and_mentions<'a>(
    doc: &Document<'a>,
    marks: &Marks,
    weights: &StanceWeights,
    tally: &mut [Tally<'a>],
    mentions: &mut Vec<Mention>,
    contributions: &mut Vec<Contribution>,
) {
    let top = doc.hits.iter().enumerate().map(|(i, h)| (Some(i), h));
    let hits = top.chain(doc.nested.iter().map(|h| (None, h)));
    for (index, hit) in hits.filter(|(_, hit)| hit.kinds.concerns_topic()) {
        for meaning in hit.meaning.topic.iter() {
            match *meaning {
                TopicMeaning::Target { target, polarity } => {
                    tally[target].mentioned = true;
                    let outer = doc.hit_at(hit.first).map(|h| doc.hits[h].kinds);
                    mentions.push(Mention {
                        target,
                        polarity,
                        first: hit.first,
                        end: hit.end,
                        inside: index.is_none() && !outer.is_some_and(|k| k.names_target()),
                    });
                }
                TopicMeaning::Stance { target, weight } => {
                    let Some(index) = index else { continue };
                    let negated = marks.negated(index);
                    let value = if negated {
                        weight * weights.negated
                    } else {
                        weight
                    };
                    contributions.push(Contribution {
                        hit: index,
                        target,
                        value,
                    });
                    tally[target].add(Reason::StanceMarker {
                        marker: doc.span_text(hit).into(),
                        negated,
                        value,
                    });
                }
                TopicMeaning::Frame { .. } => {}
            }
        }
    }
}

/// Stance cues before a name, comparatives between two names (steps 3 and 4).
fn cues<'a>(
    doc: &Document<'a>,
    marks: &Marks,
    weights: &StanceWeights,
    mentions: &[Mention],
    tally: &mut [Tally<'a>],
    contributions: &mut Vec<Contribution>,
) {
    let is_cue = |hit: &Hit<'_>| {
        let kinds = [
            EntryKind::StanceCue,
            EntryKind::Comparative,
            EntryKind::StanceAfter,
        ];
        kinds.iter().any(|&kind| hit.kinds.has(kind))
    };
    for (index, hit) in doc.hits.iter().enumerate().filter(|(_, hit)| is_cue(hit)) {
        let sign = if marks.negated(index) {
            weights.negated
        } else {
            1.0
        };
        let mut add = |m: &Mention, value: f64, evidence: bool| {
            if evidence {
                let target = m.target;
                contributions.push(Contribution {
                    hit: index,
                    target,
                    value,
                });
            }
            tally[m.target].add(Reason::Cue {
                cue: doc.span_text(hit).into(),
                name: doc.hit_text(m.first).into(),
                value,
            });
        };
        for &(kind, valence) in hit.meaning.words.iter() {
            match kind {
                EntryKind::StanceCue => {
                    let next = mentions
                        .get(mentions.partition_point(|m| m.first < hit.end))
                        .filter(|m| m.first <= hit.end + weights.cue_window);
                    if let Some(m) = next {
                        add(m, sign * valence * m.polarity, true);
                    }
                }
                EntryKind::StanceAfter => {
                    let before = mentions[..mentions.partition_point(|m| m.first < hit.first)]
                        .last()
                        .filter(|m| {
                            m.end <= hit.first && hit.first <= m.end + weights.after_window
                        });
                    if let Some(m) = before {
                        add(m, sign * valence * m.polarity, true);
                    }
                }
                EntryKind::Comparative => {
                    if let Some((b, a)) = compared(doc, mentions, hit) {
                        let value = sign * valence;
                        add(b, value * b.polarity, true);
                        add(a, -value * a.polarity, false);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The names a comparative compares: the nearest before it and the next after it,
/// in its sentence.
fn compared<'m>(
    doc: &Document<'_>,
    mentions: &'m [Mention],
    hit: &Hit<'_>,
) -> Option<(&'m Mention, &'m Mention)> {
    let sentence = doc.sentence(hit.first);
    let same = |m: &&Mention| doc.sentence(m.first) == sentence;
    let start = mentions.partition_point(|m| m.first < hit.first);
    let before = mentions[..start]
        .iter()
        .rev()
        .take_while(same)
        .find(|m| m.end <= hit.first);
    let after = mentions
        .get(mentions.partition_point(|m| m.first < hit.end))
        .filter(same);
    before.zip(after)
}

/// Arguments that are objections by themselves, once per frame (step 5).
fn objections<'a>(frames: Frames<'_>, topic: &'a CompiledTopic, tally: &mut [Tally<'a>]) {
    for (frame, raised) in frames.raised.iter().enumerate() {
        if let (true, Some((target, weight))) = (*raised, topic.objections[frame]) {
            tally[target].add(Reason::Objection {
                frame: topic.frames[frame].as_str().into(),
                value: weight,
            });
        }
    }
}

/// The subject default and rivalries (steps 6 and 7).
fn subject_and_rivals<'a>(
    sentiment: f64,
    topic: &'a CompiledTopic,
    weights: &StanceWeights,
    tally: &mut [Tally<'a>],
) {
    for t in tally.iter_mut() {
        t.total = t.direct;
    }
    // Only clearly evaluative language says what a comment thinks of its subject:
    // a notice that mentions a `salle des fêtes` takes no stance.
    let value = if sentiment.abs() >= weights.clearly_evaluative {
        sentiment * weights.subject
    } else {
        0.0
    };
    // What the comment is about: the thread's subject, else the one target it names.
    let about = match topic.subject {
        Some(subject) => Some((subject, Reason::Subject { sentiment, value })),
        None => match mentioned(tally)[..] {
            [only] => Some((only, Reason::OnlyTarget { sentiment, value })),
            _ => None,
        },
    };
    if let (Some((target, reason)), true) = (about, value != 0.0) {
        tally[target].total += value;
        tally[target].note(reason);
    }
    for t in tally.iter_mut() {
        t.before_rivalry = t.total;
    }
    for (rival, rivalled) in topic.rivals.iter().enumerate() {
        for &target in rivalled {
            let direct = tally[rival].direct;
            // A rival's stance says nothing of a target the comment does not name.
            if direct != 0.0 && tally[target].mentioned {
                let value = -weights.rivalry * direct;
                tally[target].total += value;
                tally[target].note(Reason::Rival {
                    rival: topic.targets[rival].as_str().into(),
                    value,
                });
            }
            let before = tally[target].before_rivalry;
            if tally[rival].mentioned && before < 0.0 {
                let value = -weights.rivalry * before;
                tally[rival].total += value;
                tally[rival].note(Reason::AgainstRival {
                    rival: topic.targets[target].as_str().into(),
                    value,
                });
            }
        }
    }
}

/// The targets the comment names.
fn mentioned(tally: &[Tally<'_>]) -> Vec<usize> {
    (0..tally.len()).filter(|&t| tally[t].mentioned).collect()
}

/// Each target's score, label and reasons.
fn labels<'a>(
    topic: &'a CompiledTopic,
    threshold: f64,
    tally: &mut Vec<Tally<'a>>,
) -> BTreeMap<Cow<'a, str>, Stance<'a>> {
    // Inserted one by one: collecting would sort a vector of them first.
    let mut stance = BTreeMap::new();
    for (id, t) in topic.targets.iter().zip(tally.drain(..)) {
        let score = t.total.clamp(-1.0, 1.0);
        let label = if score <= -threshold {
            StanceLabel::Against
        } else if score >= threshold {
            StanceLabel::Favor
        } else {
            StanceLabel::None
        };
        let because = t.because;
        stance.insert(
            Cow::Borrowed(id.as_str()),
            Stance {
                score,
                label,
                because,
            },
        );
    }
    stance
}
