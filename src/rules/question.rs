//! Questions: praise inside a question is not asserted.
//!
//! `Macron est-il compétent ?` asks whether he is, `Et il serait le favori des
//! Français ?` doubts it, `Vous voulez dire qu'il va évoluer, en mieux ???` mocks
//! it: a question raises its positive words without claiming them, and a
//! rhetorical question claims the opposite. Blame survives the question mark:
//! `Pourquoi ce scandale ?`, `Qui paie ?` take the scandal and the bill for granted
//! (a question presupposes what it asks about), so negative words keep their weight.

use super::{feelings, Reading, Weighed, WordRule};
use crate::explain::{Rule, RuleKind};

/// Positive words of a sentence that ends with `?` weigh
/// [`RuleWeights::questioned_praise`](crate::RuleWeights) as much.
pub(crate) struct Question;

impl WordRule for Question {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        for word in feelings(words).filter(|word| word.value > 0.0) {
            let Some(last) = doc.closing_punctuation(word.first) else {
                continue;
            };
            if last.text.contains('?') {
                word.apply(Rule {
                    kind: RuleKind::Question,
                    factor: weights.rules.questioned_praise,
                    by: Some(last.text.into()),
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
    use crate::weights::Weights;

    #[test]
    fn praise_in_a_question_weighs_less() {
        let m = matcher(&[
            ("compétent", EntryKind::Sentiment, 2.0),
            ("scandale", EntryKind::Sentiment, -3.0),
        ]);
        let factor = |text: &str| {
            let words = weigh_alone(&Question, &read(text, &m));
            words[0].rules.first().map_or(1.0, |r| r.factor)
        };
        let questioned = Weights::default().rules.questioned_praise;
        assert!(questioned < 1.0);
        assert_eq!(factor("est-il compétent ?"), questioned);
        assert_eq!(factor("compétent ?!"), questioned);
        // Not a question, or not this sentence's.
        assert_eq!(factor("il est compétent."), 1.0);
        assert_eq!(factor("il est compétent. Vraiment ?"), 1.0);
        // Blame is presupposed, not asked.
        assert_eq!(factor("pourquoi ce scandale ?"), 1.0);
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("Et il serait le favori des Français ?", "favori");
        let rule = rules.iter().find(|r| r.0 == RuleKind::Question);
        assert_eq!(rule.and_then(|r| r.2.as_deref()), Some("?"));
    }
}
