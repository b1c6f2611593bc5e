//! Capitals: a sentiment word written in capitals (`HONTE`) in lower-case text is
//! shouted, and weighs more. In a text mostly in capitals, capitals say nothing.

use super::{feelings, Reading, Weighed, WordRule};
use crate::document::Document;
use crate::explain::{Rule, RuleKind};
use crate::tokenize::TokenKind;

/// Shouted words weigh [`RuleWeights::capitals`](crate::RuleWeights) times more.
pub(crate) struct Capitals;

impl WordRule for Capitals {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        // Counted once, and only when a word is in capitals.
        let mut shouting_text = None;
        for word in feelings(words) {
            // Only words shout: an emoji, an emoticon or a mark (`20/20`) has no
            // case, and `all` of nothing would call it shouted.
            let mut letters = doc.tokens[word.first..word.end]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .peekable();
            let shouted = letters.peek().is_some() && letters.all(|t| is_shouted(t.text));
            if shouted && !*shouting_text.get_or_insert_with(|| mostly_capitals(doc)) {
                word.apply(Rule {
                    kind: RuleKind::Capitals,
                    factor: weights.rules.capitals,
                    by: None,
                });
            }
        }
    }
}

/// Whether the text is mostly capitals, in which case capitals emphasise nothing:
/// more of its words of two letters or more are shouted than not. Counted by
/// words, not letters: in a short text one long shouted word (`Un vrai SCANDALE.`)
/// outweighs the letters of the others, and is still one shouted word.
fn mostly_capitals(doc: &Document<'_>) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    let words = doc.tokens.iter().filter(|t| t.kind == TokenKind::Word);
    for token in words.filter(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2) {
        if is_shouted(token.text) {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    upper > lower
}

/// A word of two letters or more, all capitals.
fn is_shouted(word: &str) -> bool {
    // Most words fail on their first letter: test for lower case first.
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::testing::{matcher, read};
    use crate::lexicon::EntryKind;
    use crate::rules::testing::{in_pipeline, weigh_alone};

    #[test]
    fn shouted_words_weigh_more_in_lower_case_text() {
        let m = matcher(&[("honte", EntryKind::Sentiment, -3.0)]);
        let words = weigh_alone(&Capitals, &read("c'est une HONTE", &m));
        assert!((words[0].value - -3.9).abs() < 1e-12);
        let words = weigh_alone(&Capitals, &read("C'EST UNE HONTE", &m));
        assert!(words[0].rules.is_empty(), "all capitals: no emphasis");
        let words = weigh_alone(&Capitals, &read("c'est une honte", &m));
        assert!(words[0].rules.is_empty());
        // Words are counted, not letters: one long shouted word is one word.
        let words = weigh_alone(&Capitals, &read("Une HONTE", &m));
        assert!(!words[0].rules.is_empty(), "one shouted word of two");
    }

    #[test]
    fn only_words_shout() {
        let m = matcher(&[(":)", EntryKind::Sentiment, 2.0)]);
        let words = weigh_alone(&Capitals, &read("bien :)", &m));
        assert!(words[0].rules.is_empty(), "an emoticon has no case");
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("Ce projet est une HONTE.", "HONTE");
        assert!(rules.iter().any(|r| r.0 == RuleKind::Capitals));
    }
}
