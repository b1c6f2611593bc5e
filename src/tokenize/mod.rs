//! Stage 1: cut a French text into tokens that borrow from it.
//!
//! PLACEHOLDER implementation (whitespace and punctuation split) until the real
//! tokenizer lands; the public types and signatures are final.

use std::borrow::Cow;

use serde::Serialize;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word, elided word (`l'`), hyphenated compound or inversion clitic (`-t-il`).
    Word,
    /// A number, ordinal or decimal (`13,5`, `1er`, `XXe` is a word).
    Number,
    /// A run of punctuation (`!!!!`, `?!`, `…`).
    Punct,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// An `@mention`.
    Mention,
    /// A `#hashtag`.
    Hashtag,
    /// An emoticon such as `:-(` or `^^`.
    Emoticon,
    /// An emoji: one whole grapheme cluster.
    Emoji,
    /// Any other symbol.
    Symbol,
}

/// A token: a slice of the input, its byte span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The exact text, `&input[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl<'a> Token<'a> {
    /// Lowercase form with typographic apostrophes read as `'` and `œ`/`æ` expanded.
    pub fn norm(&self) -> Cow<'a, str> {
        crate::normalize::normalize(self.text)
    }

    /// The normalized form with accents removed: the lookup key of last resort.
    pub fn folded(&self) -> Cow<'a, str> {
        crate::normalize::fold(self.text)
    }
}

/// Iterator over the tokens of a text; see [`tokenize`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Tokenize a French text.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.text[self.pos..];
        let skip = rest.len() - rest.trim_start().len();
        self.pos += skip;
        let rest = &self.text[self.pos..];
        let first = rest.chars().next()?;
        let (len, kind) = if first.is_alphanumeric() {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let len = match rest[..len].find(['\'', '’']) {
                Some(i) => i + rest[i..].chars().next().map_or(1, char::len_utf8),
                None => len,
            };
            let apostrophe_end = rest[..len.min(rest.len())].len();
            let kind = if first.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (apostrophe_end, kind)
        } else {
            let len = rest
                .find(|c: char| c.is_alphanumeric() || c.is_whitespace())
                .unwrap_or(rest.len());
            (len, TokenKind::Punct)
        };
        let start = self.pos;
        self.pos += len;
        Some(Token {
            text: &self.text[start..self.pos],
            start,
            end: self.pos,
            kind,
        })
    }
}

/// A sentence: a slice of the input and its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence text, `&input[start..end]`, trimmed of surrounding whitespace.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Iterator over the sentences of a text; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
}

/// Split a text into sentences.
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { text, pos: 0 }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        let rest = &self.text[self.pos..];
        let skip = rest.len() - rest.trim_start().len();
        self.pos += skip;
        let rest = &self.text[self.pos..];
        if rest.is_empty() {
            return None;
        }
        let len = rest
            .find(['.', '!', '?', '\n'])
            .map_or(rest.len(), |i| i + 1);
        let start = self.pos;
        self.pos += len;
        let text = self.text[start..self.pos].trim_end();
        Some(Sentence {
            text,
            start,
            end: start + text.len(),
        })
    }
}
