//! Contrast: `mais`, `cependant`, `pourtant` shift the weight of a sentence toward
//! what follows them. "C'est joli mais trop cher" is mostly about the price.
//! Concession does the same from the other side: `même si`, `bien que`, `avoir
//! beau`, `malgré` open a clause the writer grants and does not hold (`Même si le
//! personnel est charmant, je ne reviendrai pas`): that clause weighs less, the
//! rest of the sentence more.

use super::{feelings, some, Marks, Reading, Weighed, WordRule, NONE};
use crate::document::Document;
use crate::explain::{Rule, RuleKind};
use crate::lexicon::{EntryKind, Hit};
use crate::weights::Weights;

/// What contrast knows of each hit.
#[derive(Debug, Default)]
pub(super) struct ContrastMarks {
    hits: Vec<Contrasted>,
}

/// What contrast knows of one hit.
#[derive(Clone, Copy, Debug)]
struct Contrasted {
    /// Contrast weight (1 when no contrast word is near).
    contrast: f64,
    /// The nearest contrast word of its sentence, or [`NONE`].
    contrast_by: u32,
}

impl ContrastMarks {
    /// No contrast, for a document of `hits` hits.
    pub(super) fn reset(&mut self, hits: usize) {
        self.hits.clear();
        self.hits.resize(
            hits,
            Contrasted {
                contrast: 1.0,
                contrast_by: NONE,
            },
        );
    }

    /// Contrast weight of hit `h` (1 when no contrast word is near), and the
    /// contrast word nearest to it.
    pub(super) fn contrast(&self, h: usize) -> (f64, Option<usize>) {
        let marks = &self.hits[h];
        (marks.contrast, some(marks.contrast_by))
    }
}

/// Each concession marker of valence `w` weighs the words after it in its clause by
/// `2 - w` and the words of its sentence's other clauses by `w` (`La cuisine est
/// bonne, même si le service est lent` holds the cooking). A hit takes the nearest
/// marker of its sentence before it, else the first after it: one pass each way,
/// linear however many markers a sentence holds.
fn concede(doc: &Document<'_>, bound: f64, marks: &mut [Contrasted]) {
    let hits = &doc.hits;
    let weight = |h: usize| hits[h].meaning.valence(EntryKind::Concession);
    // The nearest marker at or after each hit, in its sentence (backward pass),
    // kept in `contrast_by` until the forward pass reads it: no vector of its own.
    let mut next = NONE;
    for h in (0..hits.len()).rev() {
        let sentence = doc.sentence(hits[h].first);
        if next != NONE && doc.sentence(hits[next as usize].first) != sentence {
            next = NONE;
        }
        if weight(h).is_some() {
            next = h as u32;
        }
        marks[h].contrast_by = next;
    }
    let mut last = NONE;
    for (h, hit) in hits.iter().enumerate() {
        let after = std::mem::replace(&mut marks[h].contrast_by, NONE);
        let sentence = doc.sentence(hit.first);
        if last != NONE && doc.sentence(hits[last as usize].first) != sentence {
            last = NONE;
        }
        if weight(h).is_some() {
            last = h as u32;
            continue;
        }
        let marker = if last != NONE { last } else { after };
        let Some(w) = some(marker).and_then(weight) else {
            continue;
        };
        let at = &hits[marker as usize];
        let same_clause = doc.clause(hit.first) == doc.clause(at.first);
        let factor = match (same_clause, marker == last) {
            // Granted: after the marker in its clause.
            (true, true) => 2.0 - w,
            // Before the marker in its clause (`Le cadre a beau …`): its subject.
            (true, false) => continue,
            (false, _) => w,
        };
        marks[h].contrast = (marks[h].contrast * factor).clamp(1.0 / bound, bound);
        marks[h].contrast_by = marker;
    }
}

/// A contrast word of valence `w` weighs the rest of its sentence by `w`, and what
/// came before it in the sentence by `2 - w`; one that opens its sentence weighs
/// the sentence before by `2 - w` (`Les acteurs sont bons. Mais …`).
pub(crate) struct Contrast;

impl WordRule for Contrast {
    /// A hit's weight is the product over the contrast words of its sentence
    /// (within [`RuleWeights::contrast_bound`](crate::RuleWeights): a side weighs
    /// at most that many times more, or less, than without them, and a wall of
    /// `mais` cannot overflow the weight to infinity and the score to NaN), found
    /// in one pass each way over the hits, so that a sentence of many `mais` stays
    /// linear.
    fn mark(&self, doc: &Document<'_>, weights: &Weights, marks: &mut Marks) {
        let bound = weights.rules.contrast_bound;
        let weight = |hit: &Hit<'_>| hit.meaning.valence(EntryKind::Contrast);
        let hits = &doc.hits;
        let concedes = hits.iter().any(|hit| hit.kinds.has(EntryKind::Concession));
        if !concedes && !hits.iter().any(|hit| hit.kinds.has(EntryKind::Contrast)) {
            return;
        }
        let marks = &mut marks.contrast.hits;
        if concedes {
            concede(doc, bound, marks);
        }
        // Forward: the contrast words before the hit, in its sentence.
        let (mut after, mut last, mut current) = (1.0, NONE, u32::MAX);
        for (h, hit) in hits.iter().enumerate() {
            let sentence = doc.sentence(hit.first);
            if sentence != current {
                (after, last, current) = (1.0, NONE, sentence);
            }
            marks[h].contrast = (marks[h].contrast * after).min(bound);
            if last != NONE {
                marks[h].contrast_by = last;
            }
            if let Some(w) = weight(hit) {
                after = (after * w).min(bound);
                last = h as u32;
            }
        }
        // Backward: the contrast words after the hit, in its sentence, and one that
        // opens the next sentence (`… sont bons. Mais quel scénario raté !`).
        let (mut before, mut next, mut current) = (1.0, NONE, u32::MAX);
        let mut carried = (1.0, NONE);
        for (h, hit) in hits.iter().enumerate().rev() {
            let sentence = doc.sentence(hit.first);
            if sentence != current {
                ((before, next), current) = (carried, sentence);
                carried = (1.0, NONE);
            }
            marks[h].contrast *= before;
            if marks[h].contrast_by == NONE {
                marks[h].contrast_by = next;
            }
            if let Some(w) = weight(hit) {
                before = (before * (2.0 - w)).max(1.0 / bound);
                next = h as u32;
                if doc.opens_sentence(hit.first) {
                    carried = ((2.0 - w).max(1.0 / bound), h as u32);
                }
            }
        }
    }

    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, marks, .. } = *read;
        for word in feelings(words) {
            let (factor, by) = marks.contrast(word.hit);
            if factor != 1.0 {
                word.apply(Rule {
                    kind: RuleKind::Contrast,
                    factor,
                    by: by.map(|h| doc.span_text(&doc.hits[h]).into()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::testing::{matcher, read};
    use crate::rules::testing::{in_pipeline, weigh_alone};

    #[test]
    fn after_weighs_more_before_less() {
        let m = matcher(&[
            ("joli", EntryKind::Sentiment, 2.0),
            ("cher", EntryKind::Sentiment, -2.0),
            ("mais", EntryKind::Contrast, 1.5),
        ]);
        let words = weigh_alone(&Contrast, &read("joli mais cher. joli", &m));
        let factors: Vec<f64> = words.iter().map(|w| w.value / w.valence).collect();
        assert_eq!(factors, [0.5, 1.5, 1.0]);
        assert_eq!(words[0].rules[0].by.as_deref(), Some("mais"));
        assert_eq!(
            words[0].rules[0].to_string(),
            "contrast: before `mais` ×0.50"
        );
        // A contrast word that opens its sentence weighs the sentence before.
        let words = weigh_alone(&Contrast, &read("joli. mais cher", &m));
        let factors: Vec<f64> = words.iter().map(|w| w.value / w.valence).collect();
        assert_eq!(factors, [0.5, 1.5]);
    }

    #[test]
    fn a_concession_grants_its_clause_and_holds_the_rest() {
        let m = matcher(&[
            ("charmant", EntryKind::Sentiment, 2.0),
            ("lent", EntryKind::Sentiment, -2.0),
            ("bon", EntryKind::Sentiment, 2.0),
            ("même si", EntryKind::Concession, 1.5),
        ]);
        let factors = |text: &str| -> Vec<f64> {
            let words = weigh_alone(&Contrast, &read(text, &m));
            words.iter().map(|w| w.value / w.valence).collect()
        };
        // Granted first, held after the comma.
        assert_eq!(factors("même si charmant, lent"), [0.5, 1.5]);
        // Held first, granted after: the marker reaches back to other clauses.
        assert_eq!(factors("bon, même si lent"), [1.5, 0.5]);
        // Another sentence is not conceded.
        assert_eq!(factors("même si charmant. bon"), [0.5, 1.0]);
    }

    #[test]
    fn many_contrasts_stay_bounded() {
        let m = matcher(&[
            ("cher", EntryKind::Sentiment, -2.0),
            ("mais", EntryKind::Contrast, 2.0),
        ]);
        let text = "mais ".repeat(100) + "cher";
        let words = weigh_alone(&Contrast, &read(&text, &m));
        assert_eq!(
            words[0].value,
            -2.0 * Weights::default().rules.contrast_bound
        );
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("C'est joli mais scandaleux.", "scandaleux");
        assert!(rules.iter().any(|r| r.0 == RuleKind::Contrast && r.1 > 1.0));
    }
}
