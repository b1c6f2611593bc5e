//! Sentence boundaries: one forward pass, a bracket depth per line, bounded look-behind.

use super::classify::{abbreviation, char_at, skip_space, Abbrev, CLASS, STOP};

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
    /// The sentence text, `&input[start..end]`, trimmed of surrounding whitespace.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
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
    pos: usize,
}

/// Split a text into sentences (or, for comments that do not punctuate, lines).
///
/// A sentence ends after a run of `.` `!` `?` `…` (with any closing quote or
/// bracket that follows) when whitespace or the end of the text comes next, and
/// at every line break. It does not end:
///
/// - inside `« … »`, `“ … ”`, `( … )` or `[ … ]` opened on the same line;
/// - after a title (`M.`, `Mme.`, `Dr.`), or after another abbreviation of the
///   tokenizer's list (`etc.`, `cf.`, `ex.`) followed by a lowercase word;
/// - after an ellipsis (`...`, `…`) followed by a lowercase word (`c'est… compliqué`);
/// - inside a number (`13.5`) or a URL, since no whitespace follows those dots.
///
/// Sentences are trimmed, in order, never overlap, and together cover every
/// non-whitespace byte of the text.
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
    Sentences { text, pos: 0 }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        let text = self.text;
        let start = skip_space(text, self.pos);
        if start >= text.len() {
            self.pos = text.len();
            return None;
        }
        let (end, resume) = sentence_end(text, start);
        self.pos = resume;
        let end = start + text[start..end].trim_end().len();
        Some(Sentence {
            text: &text[start..end],
            start,
            end,
        })
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

/// The end of the sentence starting at `start`, and where to resume.
fn sentence_end(text: &str, start: usize) -> (usize, usize) {
    // A list marker (`1.`, `12)`) opening the sentence does not end it.
    let digits = text.as_bytes()[start..]
        .iter()
        .take(4)
        .take_while(|x| x.is_ascii_digit())
        .count();
    let marker = digits > 0 && digits < 4 && text.as_bytes().get(start + digits) == Some(&b'.');
    let b = text.as_bytes();
    let mut depth = 0u32;
    let mut i = start;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            match x {
                b'\n' | b'\r' => return (i, i + 1),
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                // `:(` `;-)` `:'(` are faces, not brackets.
                b':' | b';' | b'=' => i = skip_face(b, i),
                _ if CLASS[x as usize] & STOP != 0 => {
                    if marker && i == start + digits && b.get(i + 1) != Some(&b'.') {
                        i += 1;
                        continue;
                    }
                    match terminator(text, i, depth) {
                        Ok(end) => return (end, end),
                        Err(next) => i = next,
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        match c {
            '\u{2028}' | '\u{2029}' | '\u{85}' => return (i, i + c.len_utf8()),
            '«' | '“' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            '…' => {
                match terminator(text, i, depth) {
                    Ok(end) => return (end, end),
                    Err(next) => i = next,
                }
                continue;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    (b.len(), b.len())
}

/// Offset of the last byte of an emoticon starting with `:` `;` `=` at `i`, else `i`.
fn skip_face(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    if matches!(b.get(j), Some(b'-' | b'\'')) {
        j += 1;
    }
    if matches!(b.get(j), Some(b'(' | b')')) {
        j
    } else {
        i
    }
}

/// At a run of terminators starting at `i`: `Ok(end)` if the sentence ends
/// there (after the run and its closing quotes), `Err(next)` where to go on.
fn terminator(text: &str, i: usize, depth: u32) -> Result<usize, usize> {
    let b = text.as_bytes();
    let mut r = i;
    let mut only_dots = true;
    while r < b.len() {
        if CLASS[b[r] as usize] & STOP != 0 {
            only_dots &= b[r] == b'.';
            r += 1;
        } else if super::scan::is_ellipsis(b, r) {
            r += 3;
        } else {
            break;
        }
    }
    if depth > 0 {
        return Err(r);
    }
    // Closing quotes and brackets after the run belong to this sentence.
    let mut j = r;
    while j < b.len() {
        match b[j] {
            b'"' | b'\'' | b')' | b']' => j += 1,
            0xC2 if b.get(j + 1) == Some(&0xBB) => j += 2, // »
            0xE2 if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(0x9D | 0x99)) => {
                j += 3; // ” ’
            }
            _ => break,
        }
    }
    let next = skip_space(text, j);
    if next == b.len() {
        return Ok(j);
    }
    if next == j {
        return Err(j); // `13.5`, `www.ac.fr`, `?!»x`: no whitespace, no boundary
    }
    let after = char_at(text, next);
    if !after.is_lowercase() {
        // A capital, digit or symbol follows: only a title keeps the sentence going.
        if r == i + 1
            && b[i] == b'.'
            && word_before(text, i).and_then(abbreviation) == Some(Abbrev::Title)
        {
            return Err(j);
        }
        return Ok(j);
    }
    // A lowercase word follows: an abbreviation or an ellipsis continues the sentence.
    let single_dot = r == i + 1 && b[i] == b'.';
    if (single_dot && word_before(text, i).and_then(abbreviation).is_some())
        || (only_dots && !single_dot)
    {
        return Err(j);
    }
    Ok(j)
}

/// The short word right before the `.` at `dot`, if it is all letters.
fn word_before(text: &str, dot: usize) -> Option<&str> {
    let head = &text[..dot];
    let mut start = dot;
    for (k, c) in head.char_indices().rev().take(6) {
        if !c.is_alphabetic() {
            break;
        }
        start = k;
    }
    let whole = !matches!(head[..start].chars().next_back(), Some(c) if c.is_alphanumeric());
    (start < dot && whole).then(|| &text[start..dot])
}
