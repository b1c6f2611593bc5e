//! Stage 3: the French rules that weigh each sentiment word.
//!
//! Each rule is one type in one file, behind [`WordRule`]: it may first work out
//! something once for the whole document ([`WordRule::mark`]: which hits lie in a
//! negation's scope, what a `mais` weighs), then weighs the document's sentiment
//! words ([`WordRule::weigh`]), multiplying each word's value and recording why.
//! [`RULES`] is their order of application, written once. What the rules mark on
//! each hit ([`Marks`]) is also read by the stance stage: a negated stance marker
//! turns around.

mod capitals;
mod contrast;
mod elongation;
mod exclamation;
mod intensity;
mod irony;
mod negation;
mod question;
mod remedy;
mod verdict;

use crate::analysis::Role;
use crate::document::Document;
use crate::explain::Rule;
use crate::weights::Weights;

pub(crate) use capitals::Capitals;
pub(crate) use contrast::Contrast;
pub(crate) use elongation::Elongation;
pub(crate) use exclamation::Exclamation;
pub(crate) use intensity::Intensity;
pub(crate) use irony::Irony;
pub(crate) use negation::Negation;
pub(crate) use question::Question;
pub(crate) use remedy::Remedy;
pub(crate) use verdict::Verdict;

/// One French rule over a document's sentiment words.
pub(crate) trait WordRule: Sync {
    /// Work out, once per document, what the rule knows of each hit.
    fn mark(&self, _doc: &Document<'_>, _weights: &Weights, _marks: &mut Marks) {}

    /// Weigh the document's words (in text order): multiply the value of those the
    /// rule concerns, and push the [`Rule`] that says by how much and why.
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]);
}

/// What a rule reads to weigh a document's words: the document, what the marking
/// rules found on its hits, and the tuning constants. One value, so that every
/// rule's signature is one line.
#[derive(Clone, Copy)]
pub(crate) struct Reading<'d, 'a> {
    pub(crate) doc: &'d Document<'a>,
    pub(crate) marks: &'d Marks,
    pub(crate) weights: &'d Weights,
}

/// The rules, in the order they apply to each word. A word's value is its valence
/// times the factors of the rules that fired, in this order; irony comes last
/// because it reads the weighed values of the other words.
pub(crate) const RULES: [&dyn WordRule; 10] = [
    &Intensity,
    &Remedy,
    &Negation,
    &Capitals,
    &Elongation,
    &Contrast,
    &Verdict,
    &Exclamation,
    &Question,
    &Irony,
];

/// One word the sentiment stage scores: where it is, what it was and what it became.
#[derive(Clone, Debug)]
pub(crate) struct Weighed<'a> {
    /// Hit index: the hit of the word, or the longer expression it lies in (whose
    /// marks, negation and contrast, are the word's).
    pub(crate) hit: usize,
    /// Its tokens.
    pub(crate) first: usize,
    pub(crate) end: usize,
    /// Its lexicon term.
    pub(crate) entry: &'a str,
    /// The kind of entry that gave the feeling (sentiment, irony or harm).
    pub(crate) kind: crate::lexicon::EntryKind,
    /// Sentiment for a feeling; irony for an irony cue's own valence (which the
    /// rules do not weigh).
    pub(crate) role: Role,
    pub(crate) valence: f64,
    pub(crate) value: f64,
    pub(crate) rules: Vec<Rule<'a>>,
    /// Whether `rules` records what the rules did (not for an analysis of scores
    /// only).
    pub(crate) explain: bool,
}

impl<'a> Weighed<'a> {
    /// Multiply the value by `rule`'s factor and record it.
    pub(crate) fn apply(&mut self, rule: Rule<'a>) {
        self.value *= rule.factor;
        self.record(rule);
    }

    /// Record a rule whose factor is already applied.
    pub(crate) fn record(&mut self, rule: Rule<'a>) {
        if self.explain {
            self.rules.push(rule);
        }
    }
}

/// The words the rules weigh: feelings, not irony cues.
pub(crate) fn feelings<'w, 'a>(
    words: &'w mut [Weighed<'a>],
) -> impl Iterator<Item = &'w mut Weighed<'a>> {
    words.iter_mut().filter(|w| w.role == Role::Sentiment)
}

/// What the rules know of each hit of a document: each marking rule's own marks
/// (and the memory it works them out in), composed here, kept from one document
/// to the next. The stance stage reads them too: a negated stance marker turns
/// around.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    negation: negation::NegationMarks,
    contrast: contrast::ContrastMarks,
}

impl Marks {
    /// Unmarked, for a document of `hits` hits.
    fn reset(&mut self, hits: usize) {
        self.negation.reset(hits);
        self.contrast.reset(hits);
    }

    /// Whether hit `h` starts in the scope of an odd number of negations.
    pub(crate) fn negated(&self, h: usize) -> bool {
        self.negation.negated(h)
    }

    /// The hit whose negation covers hit `h`, if one does.
    pub(crate) fn negator(&self, h: usize) -> Option<usize> {
        self.negation.negator(h)
    }

    /// Contrast weight of hit `h` (1 when no contrast word is near), and the
    /// contrast word nearest to it.
    pub(crate) fn contrast(&self, h: usize) -> (f64, Option<usize>) {
        self.contrast.contrast(h)
    }
}

/// A hit index in marks, or none.
const NONE: u32 = u32::MAX;

fn some(index: u32) -> Option<usize> {
    (index != NONE).then_some(index as usize)
}

/// Stage 3, first half: every rule's marks on the document's hits.
pub(crate) fn mark<'m>(doc: &Document<'_>, weights: &Weights, marks: &'m mut Marks) -> &'m Marks {
    marks.reset(doc.hits.len());
    for rule in RULES {
        rule.mark(doc, weights, marks);
    }
    marks
}

/// Stage 3, second half: every rule, in order, on the document's sentiment words.
pub(crate) fn weigh<'a>(
    doc: &Document<'a>,
    marks: &Marks,
    weights: &Weights,
    words: &mut [Weighed<'a>],
) {
    // The rules only weigh words: with none, there is nothing for them to do (but
    // read the document).
    if words.is_empty() {
        return;
    }
    let read = Reading {
        doc,
        marks,
        weights,
    };
    for rule in RULES {
        rule.weigh(&read, words);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! One rule alone on a hand-built document: its sentiment words at their
    //! valence, marked and weighed by that rule only.

    use super::*;
    use crate::explain::RuleKind;

    /// The sentiment words of `doc`, weighed by `rule` alone: the same words as in
    /// the pipeline (the sentiment stage's), marked by that rule only.
    pub(crate) fn weigh_alone<'a>(rule: &dyn WordRule, doc: &Document<'a>) -> Vec<Weighed<'a>> {
        let marks = marks_alone(rule, doc);
        let mut cache = crate::sentiment::SentimentCache::default();
        let mut words = crate::sentiment::feelings(doc, true, &mut cache);
        let weights = Weights::default();
        let read = Reading {
            doc,
            marks: &marks,
            weights: &weights,
        };
        rule.weigh(&read, &mut words);
        words
    }

    /// The rules the default analyzer applied to `word` (as written) in `text`,
    /// each as `(kind, factor, by)`: the rule inside the whole pipeline.
    pub(crate) fn in_pipeline(text: &str, word: &str) -> Vec<(RuleKind, f64, Option<String>)> {
        let analyzer = crate::Analyzer::default();
        let analysis = analyzer.analyze(text);
        let evidence = analysis.evidence.iter().filter(|e| e.text == word);
        evidence
            .flat_map(|e| &e.rules)
            .map(|r| (r.kind, r.factor, r.by.as_deref().map(str::to_string)))
            .collect()
    }

    /// The marks of `rule` alone on `doc`.
    pub(crate) fn marks_alone(rule: &dyn WordRule, doc: &Document<'_>) -> Marks {
        let mut marks = Marks::default();
        marks.reset(doc.hits.len());
        rule.mark(doc, &Weights::default(), &mut marks);
        marks
    }
}
