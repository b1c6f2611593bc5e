//! Cutting a document into sentences and clauses: what negation, intensity and
//! contrast may reach across, and what they may not.

use crate::lexicon::{EntryKind, Hit};
use crate::tokenize::{Token, TokenKind};

/// A document cut into sentences and clauses, token by token.
#[derive(Debug, Default)]
pub(super) struct Cuts {
    /// Per token.
    pub(super) slots: Vec<Slot>,
    /// The last punctuation token of each sentence, if any.
    pub(super) closing: Vec<Option<usize>>,
    /// The first and last token of each sentence that has tokens, in order.
    pub(super) spans: Vec<(usize, usize)>,
    /// Tokens that are not punctuation.
    pub(super) words: usize,
}

/// What the document knows of one token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    pub(super) sentence: u32,
    /// Clauses never cross sentences.
    pub(super) clause: u32,
    /// The hit covering the token, or [`NO_HIT`].
    pub(super) hit: u32,
}

pub(super) const NO_HIT: u32 = u32::MAX;

/// Where a punctuation token cuts the text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cut {
    None,
    /// Negation and intensity stop there.
    Clause,
    Sentence,
}

/// The strongest cut among the characters of a punctuation token (`?!` ends a
/// sentence, `»` a clause, `-` nothing).
fn cut_of(punctuation: &str) -> Cut {
    // Most punctuation tokens are one ASCII character.
    if let &[byte] = punctuation.as_bytes() {
        return cut_of_char(char::from(byte));
    }
    punctuation
        .chars()
        .fold(Cut::None, |cut, c| cut.max(cut_of_char(c)))
}

/// The cut one character makes.
fn cut_of_char(c: char) -> Cut {
    match c {
        '.' | '!' | '?' | '…' => Cut::Sentence,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '–' | '—' | '«' | '»' | '“' | '”' | '"' => {
            Cut::Clause
        }
        _ => Cut::None,
    }
}

/// Whether a line break lies in `text[from..to]`, the gap before a token.
///
/// The gap is mostly one space or none, and which of the two is not predictable:
/// its first byte is read whatever its length (with no gap, it is the token's own
/// first byte, never a line break), so that only a longer gap takes a branch.
#[inline]
fn line_break_in(text: &[u8], from: usize, to: usize) -> bool {
    let first = text.get(from) == Some(&b'\n');
    first
        || (to > from + 1
            && text
                .get(from + 1..to)
                .is_some_and(|rest| rest.contains(&b'\n')))
}

/// Each token's slot (sentence, clause, hit), the closing punctuation of each
/// sentence and the word count, in one pass over the tokens; `cuts` lends its
/// emptied vectors.
///
/// A line break ends a sentence (comments use them as full stops); a contrast word
/// (`mais`) opens a clause.
pub(super) fn cut(text: &str, tokens: &[Token<'_>], hits: &[Hit<'_>], cuts: Cuts) -> Cuts {
    let Cuts {
        mut slots,
        mut closing,
        mut spans,
        ..
    } = cuts;
    let mut words = 0;
    slots.clear();
    slots.reserve(tokens.len());
    closing.clear();
    spans.clear();
    let (mut s, mut c) = (0u32, 0u32);
    let mut previous_end = 0;
    let mut contrasts = hits.iter().filter(|hit| hit.kinds.has(EntryKind::Contrast));
    let mut next_contrast = || contrasts.next().map_or(usize::MAX, |hit| hit.first);
    let mut contrast = next_contrast();
    // The first token of sentence `s`, once it has one: its span is pushed when it
    // ends, rather than the last span stretched at every token.
    let mut opened: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && line_break_in(text.as_bytes(), previous_end, token.start) {
            if let Some(first) = opened.take() {
                spans.push((first, i - 1));
            }
            s += 1;
            c += 1;
        }
        if i == contrast {
            if slots.last().is_some_and(|last: &Slot| last.clause == c) {
                c += 1;
            }
            contrast = next_contrast();
        }
        let first = *opened.get_or_insert(i);
        slots.push(Slot {
            sentence: s,
            clause: c,
            hit: NO_HIT,
        });
        if token.kind != TokenKind::Punct {
            words += 1;
        } else {
            closing.resize(s as usize + 1, None);
            closing[s as usize] = Some(i);
            match cut_of(token.text) {
                Cut::Sentence => {
                    spans.push((first, i));
                    opened = None;
                    (s, c) = (s + 1, c + 1);
                }
                Cut::Clause => c += 1,
                Cut::None => {}
            }
        }
        previous_end = token.end;
    }
    if let Some(first) = opened {
        spans.push((first, tokens.len() - 1));
    }
    for (index, hit) in hits.iter().enumerate() {
        for slot in &mut slots[hit.first..hit.end] {
            slot.hit = index as u32;
        }
    }
    // Sentence indices may skip (a line break after a full stop): every index up to
    // the last token's has its entry.
    let sentences = slots.last().map_or(0, |last| last.sentence as usize + 1);
    closing.resize(sentences, None);
    Cuts {
        slots,
        closing,
        spans,
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{matcher, read};
    use crate::lexicon::EntryKind;

    #[test]
    fn punctuation_cuts_clauses_and_sentences() {
        let m = matcher(&[]);
        let doc = read("Oui, non ; peut-être ?! Enfin « bon ».", &m);
        let clauses: Vec<u32> = (0..doc.tokens.len()).map(|i| doc.clause(i)).collect();
        // Oui , non ; peut-être ?! Enfin « bon » .
        assert_eq!(clauses, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
        assert_eq!(doc.sentence(6), 1);
        assert_eq!(doc.sentence_count(), 2);
    }

    #[test]
    fn a_line_break_ends_a_sentence_whatever_the_gap() {
        let m = matcher(&[]);
        // No gap, one space, a break alone, a break among spaces, a break after a
        // full stop (no sentence left empty), text that starts with a break.
        let doc = read("\nbon,mal \nbien  \r\n  oui.\nnon", &m);
        let sentences: Vec<u32> = (0..doc.tokens.len()).map(|i| doc.sentence(i)).collect();
        // bon , mal | bien | oui . | non
        assert_eq!(sentences, [0, 0, 0, 1, 2, 2, 4]);
        assert_eq!(doc.sentence_count(), 5);
        // Spans only for the sentences that have tokens, the last one included.
        assert_eq!(doc.sentence_spans(), [(0, 2), (3, 3), (4, 5), (6, 6)]);
    }

    #[test]
    fn a_contrast_word_opens_a_clause() {
        let m = matcher(&[("mais", EntryKind::Contrast, 1.5)]);
        let doc = read("bien mais cher", &m);
        assert_eq!(doc.clause(0), 0);
        assert_eq!(doc.clause(1), 1);
        assert_eq!(doc.clause(2), 1);
    }
}
