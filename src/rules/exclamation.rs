//! Exclamation: a sentence ending with `!`, `!!!!` or `?!` says its words louder.

use super::{feelings, Reading, Weighed, WordRule};
use crate::explain::{Rule, RuleKind};

/// Each `!` of the punctuation that ends the word's sentence adds
/// [`RuleWeights::per_bang`](crate::RuleWeights) to its factor, up to
/// [`RuleWeights::max_bangs`](crate::RuleWeights) of them.
pub(crate) struct Exclamation;

impl WordRule for Exclamation {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        for word in feelings(words) {
            let Some(last) = doc.closing_punctuation(word.first) else {
                continue;
            };
            let bangs = last
                .text
                .bytes()
                .filter(|&b| b == b'!')
                .count()
                .min(weights.rules.max_bangs);
            if bangs > 0 {
                word.apply(Rule {
                    kind: RuleKind::Exclamation,
                    factor: 1.0 + weights.rules.per_bang * bangs as f64,
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

    #[test]
    fn bangs_add_up_to_a_bound() {
        let m = matcher(&[("honte", EntryKind::Sentiment, -3.0)]);
        let factor = |text: &str| {
            let words = weigh_alone(&Exclamation, &read(text, &m));
            words[0].rules.first().map_or(1.0, |r| r.factor)
        };
        assert_eq!(factor("une honte."), 1.0);
        assert!((factor("une honte !") - 1.12).abs() < 1e-12);
        assert!((factor("une honte ?!") - 1.12).abs() < 1e-12);
        assert!((factor("une honte !!!!!!!!") - 1.48).abs() < 1e-12);
        // Only the sentence's own punctuation counts.
        assert_eq!(factor("une honte. Oui !"), 1.0);
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("Cet accord est scandaleux !!!", "scandaleux");
        let rule = rules.iter().find(|r| r.0 == RuleKind::Exclamation);
        assert_eq!(rule.and_then(|r| r.2.as_deref()), Some("!!!"));
    }
}
