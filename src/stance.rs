//! Stage 6: stance toward the topic's targets, and the frames a comment argues with.
//!
//! A target's stance score adds up, in this order:
//! 1. stance markers (`honte` → against the thread's subject), negation-aware;
//! 2. sentiment words in a clause that names a target, given to the nearest name in
//!    the clause, with the name's polarity (naming `logiciel propriétaire` in a
//!    negative clause is being for free software);
//! 3. stance cues just before a name (`favoriser le logiciel libre`);
//! 4. comparatives between two names (`Microsoft n'apporte rien de plus que les
//!    logiciels libres`: against the first, for the second);
//! 5. frames declared as objections (`objection = { target, weight }`): raising the
//!    argument at all, negated or not (`Quid de l'argent public ?`);
//! 6. for the thread's subject, the comment's overall sentiment: a comment posted
//!    under a proposal that condemns without naming it is against it;
//! 7. rivals: favouring a target's rival is opposing it, and a comment against the
//!    subject that discusses its rival is for the rival.
//!
//! Frames are the frame markers found, whatever their clause's sentiment.
//!
//! Overlaps: at each position the longest expression wins (see the matcher), and it
//! alone gives the words their lexicon meaning; targets and frames named *inside* it
//! are still counted as named (`utiliser des logiciels libres`, a stance marker,
//! still names free software and uses the free-software frame).

use std::collections::BTreeMap;

use crate::analysis::{Sentiment, Stance, StanceLabel};
use crate::explain::Reason;
use crate::lexicon::{EntryKind, Hit, Payload};
use crate::rules::Layout;
use crate::sentiment::Scored;
use crate::workspace::recycle;

/// Scale from a word's weighed valence (about ±4) to a stance contribution.
const PER_VALENCE: f64 = 0.25;
/// Tokens after a stance cue in which the target name must start.
const CUE_WINDOW: usize = 4;
/// Weight of the overall sentiment on the stance toward the subject.
const SUBJECT_DEFAULT: f64 = 0.8;
/// Weight of a rival's stance.
const RIVALRY: f64 = 0.5;
/// Scores at or beyond this are a stance.
const THRESHOLD: f64 = 0.1;
/// A stance marker or cue under negation.
const NEGATED: f64 = -0.75;

/// The topic's ids, resolved to indices once when the analyzer is built.
#[derive(Clone, Debug, Default)]
pub(crate) struct TopicIndex {
    pub(crate) targets: Vec<String>,
    pub(crate) frames: Vec<String>,
    pub(crate) subject: Option<usize>,
    /// For each frame, the stance that raising it states: (target, weight).
    pub(crate) objections: Vec<Option<(usize, f64)>>,
    /// For each target, the targets it rivals.
    pub(crate) rivals: Vec<Vec<usize>>,
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
    because: Vec<Reason<'a>>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, why: Reason<'a>) {
        self.direct += why.value();
        self.because.push(why);
    }
}

/// A target named in the text.
#[derive(Debug)]
struct Mention {
    target: usize,
    polarity: f64,
    first: usize,
    end: usize,
}

/// What a stance assessment found: labels per target, and frames.
pub(crate) struct Assessment<'a> {
    pub(crate) stance: BTreeMap<&'a str, Stance<'a>>,
    pub(crate) frames: Vec<&'a str>,
}

/// The working vectors of an assessment, kept from one document to the next (see
/// [`crate::workspace`]).
#[derive(Debug, Default)]
pub(crate) struct StanceBuffers {
    mentions: Vec<Mention>,
    /// Which frames the document raises.
    raised: Vec<bool>,
    /// What the assessment leaves for the evidence: (hit index, target,
    /// contribution) of each marker, cue and comparative.
    pub(crate) parts: Vec<(usize, usize, f64)>,
    /// Always empty between documents.
    tallies: Vec<Tally<'static>>,
}

pub(crate) fn assess<'a>(
    layout: &Layout<'_, 'a>,
    nested: &[Hit],
    items: &[Scored<'a>],
    sentiment: &Sentiment,
    topic: &'a TopicIndex,
    buffers: &mut StanceBuffers,
) -> Assessment<'a> {
    let StanceBuffers {
        mentions,
        raised: frames,
        parts,
        tallies,
    } = buffers;
    let mut tally: Vec<Tally<'a>> = recycle(std::mem::take(tallies));
    tally.extend(topic.targets.iter().map(|_| Tally::default()));
    mentions.clear();
    parts.clear();
    frames.clear();
    frames.resize(topic.frames.len(), false);
    // Top-level hits name targets, raise frames and carry stance markers; hits
    // nested inside a longer expression only name targets and raise frames.
    let top = layout.hits.iter().enumerate().map(|(i, h)| (Some(i), h));
    let hits = top.chain(nested.iter().map(|h| (None, h)));
    for (index, hit) in hits.filter(|(_, hit)| hit.concerns_topic()) {
        for payload in layout.matcher.payloads(hit) {
            match *payload {
                Payload::Target { target, polarity } => {
                    tally[target].mentioned = true;
                    mentions.push(Mention {
                        target,
                        polarity,
                        first: hit.first,
                        end: hit.end,
                    });
                }
                Payload::Frame { frame } => frames[frame] = true,
                Payload::Stance { target, weight } => {
                    let Some(index) = index else { continue };
                    let negated = layout.negated(index);
                    let value = if negated { weight * NEGATED } else { weight };
                    parts.push((index, target, value));
                    tally[target].add(Reason::StanceMarker {
                        marker: layout.span_text(hit),
                        negated,
                        value,
                    });
                }
                _ => {}
            }
        }
    }
    mentions.sort_by_key(|m| m.first);
    let mut add = |target: usize, why: Reason<'a>| tally[target].add(why);
    // 2. Sentiment of the clauses that name a target.
    for item in items {
        if let Some(m) = nearest_in_clause(layout, mentions, item.first) {
            add(
                m.target,
                Reason::ClauseSentiment {
                    word: layout.hit_text(item.first),
                    weighed: item.value,
                    name: layout.hit_text(m.first),
                    value: m.polarity * item.value * PER_VALENCE,
                },
            );
        }
    }
    // 3 and 4. Stance cues and comparatives.
    let cues = layout.hits.iter().enumerate().filter(|(_, hit)| {
        let has = |kind| hit.has(kind);
        has(EntryKind::StanceCue) || has(EntryKind::Comparative)
    });
    for (index, hit) in cues {
        for payload in layout.matcher.payloads(hit) {
            let Payload::Word { kind, valence } = *payload else {
                continue;
            };
            let sign = if layout.negated(index) { NEGATED } else { 1.0 };
            match kind {
                EntryKind::StanceCue => {
                    let next = mentions
                        .get(mentions.partition_point(|m| m.first < hit.end))
                        .filter(|m| m.first <= hit.end + CUE_WINDOW);
                    if let Some(m) = next {
                        let value = sign * valence * m.polarity;
                        parts.push((index, m.target, value));
                        add(m.target, cue_reason(layout, hit, m, value));
                    }
                }
                EntryKind::Comparative => {
                    let sentence = layout.sentence(hit.first);
                    let same = |m: &&Mention| layout.sentence(m.first) == sentence;
                    let start = mentions.partition_point(|m| m.first < hit.first);
                    let before = mentions[..start]
                        .iter()
                        .rev()
                        .take_while(same)
                        .find(|m| m.end <= hit.first);
                    let after = mentions
                        .get(mentions.partition_point(|m| m.first < hit.end))
                        .filter(same);
                    if let (Some(b), Some(a)) = (before, after) {
                        let value = sign * valence;
                        parts.push((index, b.target, value * b.polarity));
                        add(b.target, cue_reason(layout, hit, b, value * b.polarity));
                        add(a.target, cue_reason(layout, hit, a, -value * a.polarity));
                    }
                }
                _ => {}
            }
        }
    }
    // Arguments that are objections by themselves, once per frame.
    for (frame, found) in frames.iter().enumerate() {
        if let (true, Some((target, weight))) = (*found, topic.objections[frame]) {
            add(
                target,
                Reason::Objection {
                    frame: &topic.frames[frame],
                    value: weight,
                },
            );
        }
    }
    // 5 and 6. The subject default and rivalries.
    for t in tally.iter_mut() {
        t.total = t.direct;
    }
    if let Some(subject) = topic.subject {
        let value = sentiment.score * SUBJECT_DEFAULT;
        tally[subject].total += value;
        tally[subject].because.push(Reason::Subject {
            sentiment: sentiment.score,
            value,
        });
    }
    for t in tally.iter_mut() {
        t.before_rivalry = t.total;
    }
    for (rival, rivalled) in topic.rivals.iter().enumerate() {
        for &target in rivalled {
            let direct = tally[rival].direct;
            if direct != 0.0 {
                let value = -RIVALRY * direct;
                tally[target].total += value;
                tally[target].because.push(Reason::Rival {
                    rival: &topic.targets[rival],
                    value,
                });
            }
            let before = tally[target].before_rivalry;
            if tally[rival].mentioned && before < 0.0 {
                let value = -RIVALRY * before;
                tally[rival].total += value;
                tally[rival].because.push(Reason::AgainstRival {
                    rival: &topic.targets[target],
                    value,
                });
            }
        }
    }
    // Inserted one by one: collecting would sort a vector of them first.
    let mut stance = BTreeMap::new();
    for (id, t) in topic.targets.iter().zip(tally.drain(..)) {
        let score = t.total.clamp(-1.0, 1.0);
        let label = if score <= -THRESHOLD {
            StanceLabel::Against
        } else if score >= THRESHOLD {
            StanceLabel::Favor
        } else {
            StanceLabel::None
        };
        let because = t.because;
        stance.insert(
            id.as_str(),
            Stance {
                score,
                label,
                because,
            },
        );
    }
    let frames = topic
        .frames
        .iter()
        .zip(frames.iter())
        .filter(|(_, found)| **found)
        .map(|(id, _)| id.as_str())
        .collect();
    *tallies = recycle(tally);
    Assessment { stance, frames }
}

/// The mention nearest to token `at` in its clause (the earlier one on a tie).
/// `mentions` are sorted by position, so the candidates are the two around `at`.
fn nearest_in_clause<'m>(
    layout: &Layout<'_, '_>,
    mentions: &'m [Mention],
    at: usize,
) -> Option<&'m Mention> {
    let clause = layout.clause(at);
    let split = mentions.partition_point(|m| m.first < at);
    let left = mentions[..split]
        .last()
        .filter(|m| layout.clause(m.first) == clause)
        .map(|last| &mentions[mentions.partition_point(|m| m.first < last.first)]);
    let right = mentions
        .get(split)
        .filter(|m| layout.clause(m.first) == clause);
    match (left, right) {
        (Some(l), Some(r)) if r.first - at < at - l.first => Some(r),
        (Some(l), _) => Some(l),
        (None, r) => r,
    }
}

fn cue_reason<'a>(layout: &Layout<'_, 'a>, cue: &Hit, mention: &Mention, value: f64) -> Reason<'a> {
    Reason::Cue {
        cue: layout.span_text(cue),
        name: layout.hit_text(mention.first),
        value,
    }
}
