//! The one sentence splitter: where a sentence ends, decided token by token over
//! the tokenizer's tokens.
//!
//! The document runs it over the tokenizer's tokens as it cuts its stops and
//! clauses (`cut`; or here, [`spans`], before hashtags are cut into their words
//! when the text has some), and [`sentences`] over a text's tokens as they come,
//! for callers that want the sentences alone: the two always agree, and an
//! analysis's [`sentences`](crate::Analysis::sentences) are these.

use crate::tokenize::{abbreviation, tokenize, Abbrev, Token, TokenKind, Tokens};

/// A sentence: a slice of the input and its byte span.
///
/// ```
/// use avis_fr::sentences;
///
/// let text = "Bravo ! On attend la suite.";
/// let s: Vec<_> = sentences(text).collect();
/// assert_eq!(s[1].text, "On attend la suite.");
/// assert_eq!(&text[s[1].start..s[1].end], s[1].text);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence text, `&input[start..end]`: from its first token to its last.
    pub text: &'a str,
    /// Byte offset of the first byte (of its first token).
    pub start: usize,
    /// Byte offset one past the last byte (of its last token).
    pub end: usize,
}

/// Iterator over the sentences of a text; see [`sentences`].
///
/// ```
/// use avis_fr::sentences;
///
/// assert_eq!(sentences("Non.\nOui.").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    tokens: Tokens<'a>,
    spans: SentenceSpans<'a>,
}

/// Split a text into sentences (or, for comments that do not punctuate, lines):
/// the sentences an analysis scores ([`Analysis::sentences`](crate::Analysis)).
///
/// A sentence ends after a run of `.` `!` `?` `…` (with the closing quotes or
/// brackets right after it) when whitespace and another token follow, at the end
/// of the text, and at every line break. It does not end:
///
/// - inside `« … »`, `“ … ”`, `( … )` or `[ … ]` opened on the same line;
/// - after a title (`M.`, `Mme`, `Dr.`), or after an abbreviation (`etc.`, `cf.`,
///   `ex.`) followed by a lowercase word; `etc.` before a capital ends it;
/// - after an ellipsis (`...`, `…`) followed by a lowercase word (`c'est… compliqué`);
/// - after the number of a list item that opens it (`1. L'engagement`);
/// - inside a number (`13.5`) or a URL, nor where no whitespace follows (`fin.Mais`).
///
/// Sentences are in order, never overlap, run from their first token to their
/// last (so they are trimmed) and together cover every token of the text.
///
/// ```
/// use avis_fr::sentences;
///
/// let text = "M. Dupont a dit « Non ! » hier, etc. et alors ?! Voir www.ac.fr.\nMerci";
/// let got: Vec<&str> = sentences(text).map(|s| s.text).collect();
/// assert_eq!(got, [
///     "M. Dupont a dit « Non ! » hier, etc. et alors ?!",
///     "Voir www.ac.fr.",
///     "Merci",
/// ]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        tokens: tokenize(text),
        spans: SentenceSpans::default(),
    }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        let (start, end) = loop {
            let Some(token) = self.tokens.next() else {
                break self.spans.finish()?;
            };
            if let Some(span) = self.spans.read(self.text, &token) {
                break span;
            }
        };
        Some(Sentence {
            text: &self.text[start..end],
            start,
            end,
        })
    }
}

/// The byte span of each sentence of `text`, whose tokens (the tokenizer's, in
/// order) are `tokens`, pushed to `out`: the same as [`sentences`], in one pass
/// over tokens already read.
pub(super) fn spans(text: &str, tokens: &[Token<'_>], out: &mut Vec<(usize, usize)>) {
    let Some(first) = tokens.first() else {
        return;
    };
    let mut splitter = Splitter::at(first.start);
    splitter.read(None, first, false);
    let mut start = first.start;
    for pair in tokens.windows(2) {
        let (previous, token) = (&pair[0], &pair[1]);
        let line_break = line_break_in(text.as_bytes(), previous.end, token.start);
        if splitter.read(Some(previous), token, line_break) {
            out.push((start, previous.end));
            start = token.start;
        }
    }
    if let Some(last) = tokens.last() {
        out.push((start, last.end));
    }
}

/// The splitter fed a text's tokens one by one, giving the byte span of each
/// sentence as the next one starts.
#[derive(Clone, Debug, Default)]
struct SentenceSpans<'a> {
    splitter: Splitter,
    /// The last token read, and where its sentence starts.
    last: Option<(Token<'a>, usize)>,
}

impl<'a> SentenceSpans<'a> {
    /// Read the next token of `text`: the span of the sentence that ends before it,
    /// if it starts a new one.
    fn read(&mut self, text: &str, token: &Token<'a>) -> Option<(usize, usize)> {
        let Some((last, start)) = self.last else {
            self.splitter = Splitter::at(token.start);
            self.splitter.read(None, token, false);
            self.last = Some((*token, token.start));
            return None;
        };
        let line_break = line_break_in(text.as_bytes(), last.end, token.start);
        if self.splitter.read(Some(&last), token, line_break) {
            self.last = Some((*token, token.start));
            return Some((start, last.end));
        }
        self.last = Some((*token, start));
        None
    }

    /// The span of the last sentence, once every token was read (then nothing).
    fn finish(&mut self) -> Option<(usize, usize)> {
        let (last, start) = self.last.take()?;
        Some((start, last.end))
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

/// Whether a line break (`\n`, U+2028, U+2029 or U+0085; `\r\n` holds one, a `\r`
/// alone, long out of use, is not one) lies in `text[from..to]`, the gap before a
/// token.
///
/// The gap is mostly one space or none, and which of the two is not predictable:
/// its first byte is read whatever its length (with no gap, it is the token's own
/// first byte, never a line break), so that only a longer gap takes a branch.
#[inline]
pub(super) fn line_break_in(text: &[u8], from: usize, to: usize) -> bool {
    let first = text.get(from) == Some(&b'\n');
    first
        || (to > from + 1
            && text.get(from..to).is_some_and(|gap| {
                gap.contains(&b'\n')
                    // U+2028 and U+2029 (E2 80 A8/A9), U+0085 (C2 85): rare, and
                    // only in a gap of several bytes. A gap holds only whitespace,
                    // and no other whitespace has these byte pairs.
                    || gap.windows(2).any(|w| w == [0xC2, 0x85] || w == [0x80, 0xA8] || w == [0x80, 0xA9])
            }))
}

/// Where the splitter stands: a bracket depth on the current line and whether the
/// sentence may end before the next token.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Splitter {
    /// Quotes and brackets open in the current sentence.
    depth: u32,
    /// A terminator was read at depth 0: the sentence ends before the next token
    /// that follows whitespace, unless that token starts with a lowercase letter
    /// and `lowercase_goes_on` (after an ellipsis or an abbreviation).
    pending: Option<Pending>,
    /// Where the current sentence's first token starts (a list number is one).
    start: usize,
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    lowercase_goes_on: bool,
}

impl Splitter {
    /// Whether `token` changes nothing unless a terminator came before it or a
    /// line break: a word not ending with a period, a comma, a dash…
    #[inline(always)]
    pub(super) fn quiet(token: &Token<'_>) -> bool {
        let bytes = token.text.as_bytes();
        if token.kind == TokenKind::Punct {
            // Not `.` `!` `?`, a bracket, `«` `»` (C2 …), `…` `“` `”` (E2 …).
            !matches!(
                bytes.first(),
                Some(b'.' | b'!' | b'?' | b'(' | b')' | b'[' | b']' | 0xC2 | 0xE2)
            )
        } else {
            bytes.last() != Some(&b'.')
        }
    }

    /// Whether a terminator was read and the sentence may end before the next
    /// token.
    #[inline(always)]
    pub(super) fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// A splitter for a text whose first token starts at `start`.
    pub(super) fn at(start: usize) -> Splitter {
        Splitter {
            start,
            ..Splitter::default()
        }
    }

    /// Read the next token (`previous` is the one before it, `line_break` whether a
    /// line break lies between them): whether it starts a new sentence.
    #[inline(always)]
    pub(super) fn read(
        &mut self,
        previous: Option<&Token<'_>>,
        token: &Token<'_>,
        line_break: bool,
    ) -> bool {
        // Most tokens are words, commas and the like, that neither end a sentence
        // nor follow an end: they take this path, inlined into the loop over the
        // tokens.
        if self.pending.is_none() && !line_break && Splitter::quiet(token) {
            return false;
        }
        self.read_other(previous, token, line_break)
    }

    /// [`read`](Self::read) for a punctuation token, a token after a line break or
    /// a terminator, or a word ending with a period.
    #[inline(never)]
    fn read_other(
        &mut self,
        previous: Option<&Token<'_>>,
        token: &Token<'_>,
        line_break: bool,
    ) -> bool {
        let starts = match (previous, self.pending) {
            (None, _) => false,
            (Some(_), _) if line_break => true,
            (Some(_), None) => false,
            (Some(previous), Some(pending)) => {
                if previous.end == token.start {
                    // `?!»`: a closer right after the run is still this sentence's;
                    // `fin.Mais`, `13.5`: no whitespace, no boundary.
                    if !(token.kind == TokenKind::Punct && is_closer(token.text)) {
                        self.pending = None;
                    }
                    false
                } else {
                    self.pending = None;
                    !(pending.lowercase_goes_on && starts_lowercase(token.text))
                }
            }
        };
        if starts {
            *self = Splitter::at(token.start);
        }
        match token.kind {
            TokenKind::Punct => self.punctuation(previous, token),
            // An abbreviation that keeps its period (`etc.`) ends a sentence before
            // a capital; a title (`M.`) never does.
            TokenKind::Word if token.text.ends_with('.') && self.depth == 0 => {
                let word = &token.text[..token.text.len() - 1];
                if abbreviation(word) == Some(Abbrev::Always) {
                    self.pending = Some(Pending {
                        lowercase_goes_on: true,
                    });
                }
            }
            _ => {}
        }
        starts
    }

    /// A punctuation token: a bracket, or a run of terminators.
    fn punctuation(&mut self, previous: Option<&Token<'_>>, token: &Token<'_>) {
        let run = token.text;
        match run.as_bytes() {
            b"(" | b"[" | [0xC2, 0xAB] | [0xE2, 0x80, 0x9C] => self.depth += 1, // « “
            b")" | b"]" | [0xC2, 0xBB] | [0xE2, 0x80, 0x9D] => {
                self.depth = self.depth.saturating_sub(1) // » ”
            }
            _ if self.depth == 0 && is_terminator(run) => {
                let single_dot = run == ".";
                let adjacent = previous.filter(|p| p.end == token.start);
                // `1. L'engagement`: the number of a list item, not a full stop.
                let opens = |p: &&Token<'_>| p.start == self.start && is_list_number(p);
                if single_dot && adjacent.is_some_and(|p| opens(&p)) {
                    return;
                }
                let dots = run.chars().all(|c| c == '.' || c == '…');
                // `M. dupont`: the tokenizer leaves a title's period apart before a
                // lowercase word; an abbreviation goes on before one.
                let abbreviated = single_dot
                    && adjacent.is_some_and(|p| {
                        p.kind == TokenKind::Word && abbreviation(p.text).is_some()
                    });
                self.pending = Some(Pending {
                    lowercase_goes_on: (dots && !single_dot) || abbreviated,
                });
            }
            _ => {}
        }
    }
}

/// A run of `.` `!` `?` `…` (the tokenizer keeps a run in one token).
fn is_terminator(run: &str) -> bool {
    !run.is_empty() && run.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// A closing quote or bracket that stays with the run of terminators before it.
fn is_closer(text: &str) -> bool {
    matches!(text, "\"" | "'" | ")" | "]" | "»" | "”" | "’")
}

/// One to three digits: the number of a list item.
fn is_list_number(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Number
        && (1..=3).contains(&token.text.len())
        && token.text.bytes().all(|b| b.is_ascii_digit())
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_kind() {
        for gap in [
            "\n",
            "\r\n",
            " \n ",
            "  \r\n",
            " \u{2028} ",
            " \u{2029}",
            " \u{85} ",
        ] {
            let text = format!("a{gap}b");
            let b = text.len() - 1;
            assert!(line_break_in(text.as_bytes(), 1, b), "{gap:?}");
        }
        for gap in ["", " ", "\r", "\u{a0}", "  \u{202f} "] {
            let text = format!("a{gap}b");
            let b = text.len() - 1;
            assert!(!line_break_in(text.as_bytes(), 1, b), "{gap:?}");
        }
    }

    #[test]
    fn the_issue_example() {
        let text = "M. Dupont a dit « Non ! » hier, c'est nul. Bravo.";
        let got: Vec<&str> = sentences(text).map(|s| s.text).collect();
        assert_eq!(
            got,
            ["M. Dupont a dit « Non ! » hier, c'est nul.", "Bravo."]
        );
    }
}
