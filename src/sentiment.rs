//! Stage 4: the sentiment score, from the document's weighed sentiment words.
//!
//! Each sentiment word starts at its lexicon valence (in [-4, 4]) and goes through
//! the rules of [`crate::rules`], in their order; the comment's score is the sum `s`
//! of the weighed values squashed into [-1, 1] as `s / sqrt(s² + 15)` (VADER's
//! normalisation: one strong word gives about ±0.6, several agreeing words
//! approach ±1).

use crate::analysis::{Label, Role, SentenceSentiment, Sentiment};
use crate::document::Document;
use crate::lexicon::EntryKind;
use crate::reuse::recycle;
use crate::rules::{self, Marks, Weighed};

/// Normalisation constant of the sum of contributions.
const ALPHA: f64 = 15.0;

/// Label thresholds on the score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Thresholds {
    pub(crate) negative: f64,
    pub(crate) positive: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            negative: -0.05,
            positive: 0.05,
        }
    }
}

impl Thresholds {
    pub(crate) fn label(&self, score: f64) -> Label {
        if score <= self.negative {
            Label::Negative
        } else if score >= self.positive {
            Label::Positive
        } else {
            Label::Neutral
        }
    }
}

/// What the sentiment stage returns: the score, and every word it weighed, in text
/// order, with the rules that weighed it.
#[derive(Debug)]
pub(crate) struct Scored<'a> {
    pub(crate) sentiment: Sentiment,
    pub(crate) sentences: Vec<SentenceSentiment>,
    pub(crate) words: Vec<Weighed<'a>>,
}

/// The vector of weighed words, kept from one document to the next.
#[derive(Debug, Default)]
pub(crate) struct SentimentCache {
    words: Vec<Weighed<'static>>,
}

impl SentimentCache {
    /// Keep the (emptied) vector of a finished document's words.
    pub(crate) fn keep(&mut self, words: Vec<Weighed<'_>>) {
        self.words = recycle(words);
    }
}

/// Weigh every sentiment word of the document and score it. Unless `explain`, the
/// words keep no record of the rules and the sentences are not scored: the same
/// score, with nothing that says why.
pub(crate) fn score<'a>(
    doc: &Document<'a>,
    marks: &Marks,
    thresholds: Thresholds,
    explain: bool,
    cache: &mut SentimentCache,
) -> Scored<'a> {
    let mut words = recycle(std::mem::take(&mut cache.words));
    collect(doc, explain, &mut words);
    rules::weigh(doc, marks, &mut words);
    Scored {
        sentiment: summarise(doc, &words, thresholds),
        sentences: if explain {
            sentences(doc, &words, thresholds)
        } else {
            Vec::new()
        },
        words,
    }
}

/// The document's feelings at their valence, in text order: sentiment words, and
/// irony cues with a valence of their own.
fn collect<'a>(doc: &Document<'a>, explain: bool, words: &mut Vec<Weighed<'a>>) {
    let feeling = |kinds: crate::lexicon::Kinds| {
        kinds.has(EntryKind::Sentiment) || kinds.has(EntryKind::Irony)
    };
    for (h, hit) in doc
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h)| feeling(h.kinds))
    {
        // Naming a target is not a feeling: `libre` in `logiciel libre` carries none.
        let names_target = hit.kinds.names_target();
        for &(kind, valence) in hit.meaning.words.iter() {
            let role = match kind {
                EntryKind::Sentiment if !names_target => Role::Sentiment,
                EntryKind::Irony if valence != 0.0 => Role::Irony,
                _ => continue,
            };
            words.push(Weighed {
                hit: h,
                first: hit.first,
                end: hit.end,
                role,
                valence,
                value: valence,
                rules: Vec::new(),
                explain,
            });
        }
    }
}

/// Each sentence's span and score, in one pass over the sentences and the words.
fn sentences(
    doc: &Document<'_>,
    words: &[Weighed<'_>],
    thresholds: Thresholds,
) -> Vec<SentenceSentiment> {
    let spans = doc.sentence_spans();
    let mut out: Vec<SentenceSentiment> = spans
        .iter()
        .map(|&(start, end)| SentenceSentiment {
            start,
            end,
            score: 0.0,
            label: Label::Neutral,
        })
        .collect();
    // Words come in text order, so their sentences do too; the sums are kept in
    // `score` until they are squashed.
    let mut at = 0;
    for word in words {
        let start = doc.tokens[word.first].start;
        while at + 1 < out.len() && out[at].end <= start {
            at += 1;
        }
        out[at].score += word.value;
    }
    for sentence in &mut out {
        sentence.score = squash(sentence.score);
        sentence.label = thresholds.label(sentence.score);
    }
    out
}

/// A sum of weighed values as a score in [-1, 1].
fn squash(total: f64) -> f64 {
    if total == 0.0 {
        0.0
    } else {
        total / (total * total + ALPHA).sqrt()
    }
}

fn summarise(doc: &Document<'_>, words: &[Weighed<'_>], thresholds: Thresholds) -> Sentiment {
    let total: f64 = words.iter().map(|w| w.value).fold(0.0, |a, b| a + b);
    let score = squash(total);
    let positive = words.iter().fold(0.0, |sum, w| sum + w.value.max(0.0));
    let negative = words.iter().fold(0.0, |sum, w| sum + (-w.value).max(0.0));
    let carried: usize = words.iter().map(|w| w.end - w.first).sum();
    let neutral = doc.words().saturating_sub(carried) as f64;
    let mass = positive + negative + neutral;
    let share = |x: f64| if mass > 0.0 { x / mass } else { 0.0 };
    Sentiment {
        score,
        label: thresholds.label(score),
        positive: share(positive),
        negative: share(negative),
        neutral: if mass > 0.0 { share(neutral) } else { 1.0 },
    }
}
