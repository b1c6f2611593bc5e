//! Verdict: what a writer concludes outweighs what they describe.
//!
//! A review tells its story (`une histoire de guerre, de deuil et de trahison`)
//! and then says what it thinks of it (`Je l'ai lu d'une traite`, `Bref, ennuyeux
//! à mourir`); counting every word alike reads the plot as the verdict, and the
//! longer the description, the more it drowns the verdict out. So the words of a
//! sentence that concludes or recommends (a `verdict` entry: `bref`, `au final`,
//! `en résumé`, `je recommande`, `à éviter`) weigh
//! [`VerdictWeights::conclusion`](crate::VerdictWeights) times more, and those of
//! the last sentence of a text of three sentences or more
//! [`VerdictWeights::last_sentence`](crate::VerdictWeights) times more (reviews end
//! on their verdict); a word in both takes the larger. The words of the sentences
//! before a verdict that ends the text (its own words aside) weigh
//! [`VerdictWeights::description`](crate::VerdictWeights): what the writer told
//! before saying what they think of it is the story, not the judgement. A
//! reader's experience (`je l'ai lu d'une traite`, `je me suis ennuyé`) is a
//! verdict too: it says how the reading went, whatever the story.

use super::{feelings, Reading, Weighed, WordRule};
use crate::explain::{Rule, RuleKind};
use crate::lexicon::EntryKind;

/// Texts with fewer sentences have no description to outweigh: their last sentence
/// is most of what they say.
const LONG_TEXT: usize = 3;

/// Weighs the words of the sentences that conclude or recommend, and of the last.
pub(crate) struct Verdict;

impl WordRule for Verdict {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        let w = weights.verdict;
        // The stop of the last token, when the text has at least three: the rules
        // read stops (every `.`, `!`, `?`, `…`, line break), worked out at every
        // depth of analysis, where the splitter's sentences are not.
        let last = doc
            .tokens
            .len()
            .checked_sub(1)
            .map(|i| doc.sentence(i))
            .filter(|&stop| stop as usize + 1 >= LONG_TEXT && w.last_sentence != 1.0);
        // Most texts have no verdict word: nothing is allocated for them.
        let mut verdicts: Vec<(u32, usize)> = Vec::new();
        if w.conclusion != 1.0 || w.description != 1.0 {
            // The kind first: the stop of a hit is read only for verdict words.
            let verdict_words = doc.hits.iter().enumerate();
            for (h, hit) in verdict_words.filter(|(_, hit)| hit.kinds.has(EntryKind::Verdict)) {
                let sentence = doc.sentence(hit.first);
                if verdicts.last().map_or(true, |&(s, _)| s != sentence) {
                    verdicts.push((sentence, h));
                }
            }
        }
        if verdicts.is_empty() && last.is_none() {
            return;
        }
        // When the text ends on its verdict, the sentences before it describe; the
        // verdict's marker says why they weigh less. A marker in the middle of a
        // long letter (`il s'agit au final de…`) concludes nothing yet.
        let end = doc.tokens.len().checked_sub(1).map(|i| doc.sentence(i));
        let told = verdicts
            .last()
            .copied()
            .filter(|&(s, _)| w.description != 1.0 && Some(s) == end);
        let mut next = 0;
        for word in feelings(words) {
            let sentence = doc.sentence(word.first);
            // Words come in text order, so their sentences do too.
            while next < verdicts.len() && verdicts[next].0 < sentence {
                next += 1;
            }
            let marker = verdicts.get(next).filter(|&&(s, _)| s == sentence);
            let conclusion = marker.map(|&(_, h)| (w.conclusion, Some(h)));
            let closing = (last == Some(sentence)).then_some((w.last_sentence, None));
            let described = told
                .filter(|&(s, _)| marker.is_none() && sentence < s)
                .map(|(_, h)| (w.description, Some(h)));
            let best = match (conclusion, closing) {
                (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
                (a, b) => a.or(b),
            };
            if let Some((factor, by)) = described.or(best) {
                word.apply(Rule {
                    kind: RuleKind::Verdict,
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
    use crate::rules::testing::in_pipeline;
    use crate::weights::Weights;
    use crate::Analyzer;

    /// The verdict factor of each sentiment word of `text`, with a conclusion
    /// weighing 2 and a last sentence 1.5.
    fn factors(text: &str) -> Vec<f64> {
        let mut weights = Weights::default();
        weights.verdict.conclusion = 2.0;
        weights.verdict.last_sentence = 1.5;
        let analyzer = Analyzer::builder().weights(weights).build();
        let analyzer = analyzer.expect("the weights are in range");
        let analysis = analyzer.analyze(text);
        let verdict = |e: &crate::Evidence<'_>| {
            let rule = e.rules.iter().find(|r| r.kind == RuleKind::Verdict);
            rule.map_or(1.0, |r| r.factor)
        };
        let words = analysis.evidence.iter();
        let words = words.filter(|e| e.role == crate::Role::Sentiment);
        words.map(verdict).collect()
    }

    #[test]
    fn a_concluding_sentence_and_the_last_weigh_more() {
        // One sentence: only the conclusion counts.
        assert_eq!(factors("Bref, génial."), [2.0]);
        assert_eq!(factors("Un film horrible."), [1.0]);
        // Three sentences: the last weighs more, the description does not.
        assert_eq!(
            factors("Un film horrible. Puis un autre. Génial."),
            [1.0, 1.5]
        );
        assert_eq!(
            factors("Bref, génial. Un film horrible. Puis un autre."),
            [2.0, 1.0]
        );
    }

    #[test]
    fn the_description_before_a_verdict_weighs_less() {
        let described = Weights::default().verdict.description;
        // Before the verdict, the story; after it, words weigh as they are.
        assert_eq!(factors("Un film horrible. Bref, génial."), [described, 2.0]);
        // A reader's experience is a verdict of its own.
        let read = factors("Une histoire horrible. Je l'ai lu d'une traite.");
        assert_eq!(read, [described, 2.0]);
    }

    #[test]
    fn through_the_pipeline() {
        let text = "L'histoire est horrible et sinistre. Bref, un très bon livre.";
        let rules = in_pipeline(text, "bon");
        let verdict = rules.iter().find(|r| r.0 == RuleKind::Verdict);
        assert_eq!(verdict.and_then(|r| r.2.as_deref()), Some("Bref"));
    }
}
