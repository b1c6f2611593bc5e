//! Emphasis: words in capitals inside lower-case text, and `!`, `!!!!`, `?!`.

use super::Layout;
use crate::explain::Rule;
use crate::TokenKind;

/// Boost of a sentiment word written in capitals (`HONTE`) in lower-case text.
const CAPITALS: f64 = 1.3;
/// Boost per `!` ending the sentence, up to [`MAX_BANGS`].
const PER_BANG: f64 = 0.12;
const MAX_BANGS: usize = 4;

/// Whether the text is mostly capitals, in which case capitals emphasise nothing.
pub(crate) fn mostly_capitals(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
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

/// The capitals boost of the hit over tokens `first..end`.
pub(crate) fn capitals_rule(
    layout: &Layout<'_, '_>,
    first: usize,
    end: usize,
    shouting_text: &dyn Fn() -> bool,
) -> Option<Rule<'static>> {
    let shouted = layout.tokens[first..end]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .all(|t| is_shouted(t.text))
        && !shouting_text();
    shouted.then_some(Rule::Capitals { factor: CAPITALS })
}

/// The exclamation boost of the sentence holding token `i`: the `!` of the
/// punctuation that ends it (`!`, `!!!!`, `?!`).
pub(crate) fn exclamation_rule<'a>(layout: &Layout<'_, 'a>, i: usize) -> Option<Rule<'a>> {
    let last = layout.closing_punctuation(i)?;
    let bangs = last
        .text
        .bytes()
        .filter(|&b| b == b'!')
        .count()
        .min(MAX_BANGS);
    (bangs > 0).then_some(Rule::Exclamation {
        marks: last.text,
        factor: 1.0 + PER_BANG * bangs as f64,
    })
}
