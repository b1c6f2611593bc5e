//! Hashtags read as the words they are written with: `#ToutSaufMacron` is `Tout`,
//! `Sauf`, `Macron`; `#Macron2017` is `Macron`, `2017`; `#honte` is `honte`. Each
//! word keeps its own span inside the hashtag, so evidence points at it.

use crate::lexicon::{Matcher, WordId, WordMemo};
use crate::tokenize::{Token, TokenKind};

/// Replace each hashtag of `tokens` by its words (and their ids in `ids`).
/// Hashtags are rare, so this rebuilds the vectors only when there are some.
pub(super) fn split<'a>(
    tokens: &mut Vec<Token<'a>>,
    ids: &mut Vec<WordId>,
    words: &mut WordMemo,
    matcher: &Matcher,
) {
    let mut split_tokens = Vec::with_capacity(tokens.len() + 8);
    let mut split_ids = Vec::with_capacity(ids.len() + 8);
    for (token, &id) in tokens.iter().zip(ids.iter()) {
        if token.kind != TokenKind::Hashtag {
            split_tokens.push(*token);
            split_ids.push(id);
            continue;
        }
        for piece in pieces(token) {
            split_ids.push(words.id(matcher, &piece));
            split_tokens.push(piece);
        }
    }
    *tokens = split_tokens;
    *ids = split_ids;
}

/// The words of a hashtag token: cut after `#`, at `_`, where lower case turns to
/// upper case, where letters turn to digits and back, and before the last capital
/// of a run of capitals followed by lower case (`#MLPVote`: `MLP`, `Vote`).
fn pieces<'a>(hashtag: &Token<'a>) -> Vec<Token<'a>> {
    let text = hashtag.text;
    let body = text.trim_start_matches('#');
    let offset = hashtag.start + (text.len() - body.len());
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut start = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                out.push(piece(body, offset, s, at));
            }
            continue;
        }
        if let (Some(s), Some(&(_, before))) = (start, i.checked_sub(1).map(|p| &chars[p])) {
            let next_lower = chars.get(i + 1).is_some_and(|&(_, n)| n.is_lowercase());
            let cut = (before.is_lowercase() && c.is_uppercase())
                || (before.is_alphabetic() != c.is_alphabetic())
                || (before.is_uppercase() && c.is_uppercase() && next_lower);
            if cut {
                out.push(piece(body, offset, s, at));
                start = Some(at);
            }
        }
        start.get_or_insert(at);
    }
    if let Some(s) = start {
        out.push(piece(body, offset, s, body.len()));
    }
    out
}

fn piece<'a>(body: &'a str, offset: usize, from: usize, to: usize) -> Token<'a> {
    let text = &body[from..to];
    let kind = if text.chars().all(|c| c.is_numeric()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token {
        text,
        start: offset + from,
        end: offset + to,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn words(text: &str) -> Vec<(&str, usize)> {
        let token = tokenize(text).next().unwrap();
        pieces(&token).iter().map(|t| (t.text, t.start)).collect()
    }

    #[test]
    fn hashtags_cut_into_words_with_their_spans() {
        assert_eq!(
            words("#ToutSaufMacron"),
            [("Tout", 1), ("Sauf", 5), ("Macron", 9)]
        );
        assert_eq!(words("#Macron2017"), [("Macron", 1), ("2017", 7)]);
        assert_eq!(words("#SansMoiLe7Mai").len(), 5);
        assert_eq!(words("#MLPVote"), [("MLP", 1), ("Vote", 4)]);
        assert_eq!(words("#non_merci"), [("non", 1), ("merci", 5)]);
        assert_eq!(words("#honte"), [("honte", 1)]);
        assert_eq!(words("#ÉcoleNumérique"), [("École", 1), ("Numérique", 7)]);
    }

    #[test]
    fn a_hashtag_names_a_target_and_carries_feeling() {
        let analyzer = crate::Analyzer::default();
        let analysis = analyzer.analyze("#honte");
        assert_eq!(analysis.sentiment.label, crate::Label::Negative);
        assert_eq!(analysis.evidence[0].start, 1);
    }
}
