//! Elongation: a sentiment word written with drawn-out letters (`nuuuul`,
//! `géniaaal`) is said louder, as VADER-like engines read it.

use super::{feelings, Reading, Weighed, WordRule};
use crate::explain::{Rule, RuleKind};

/// A sentiment word found only once its drawn-out letters were squeezed (see
/// [`crate::lexicon`]) weighs [`RuleWeights::elongation`](crate::RuleWeights) times
/// more: by default the boost of one `!` (see [`super::exclamation`]), since drawing
/// a word out stresses how it is said, not what it says; less than capitals, which
/// shout. A word whose entry is
/// written with its repeated letters (`grrr`) or a pattern (`/mdr+/`) is not boosted:
/// its valence already says what its spelling means.
pub(crate) struct Elongation;

impl WordRule for Elongation {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        for word in feelings(words) {
            if doc.hits[word.hit].elongated {
                word.apply(Rule {
                    kind: RuleKind::Elongation,
                    factor: weights.rules.elongation,
                    by: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::testing::{matcher, read};
    use crate::lexicon::EntryKind;
    use crate::rules::testing::{in_pipeline, weigh_alone};

    #[test]
    fn drawn_out_words_weigh_more() {
        let m = matcher(&[
            ("nul", EntryKind::Sentiment, -2.0),
            ("grrr", EntryKind::Sentiment, -1.8),
            ("/mdr+/", EntryKind::Sentiment, 1.0),
        ]);
        let words = weigh_alone(&Elongation, &read("c'est nuuuul", &m));
        assert!((words[0].value - -2.24).abs() < 1e-12);
        for text in ["c'est nul", "grrr", "mdrrrr"] {
            let words = weigh_alone(&Elongation, &read(text, &m));
            assert!(words[0].rules.is_empty(), "{text}");
        }
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("Ce film est nuuuul.", "nuuuul");
        assert!(rules.iter().any(|r| r.0 == RuleKind::Elongation));
    }
}
