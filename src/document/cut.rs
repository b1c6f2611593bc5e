//! Cutting a document into stops and clauses, and into sentences in the same pass:
//! what negation, intensity and contrast may reach across, and what they may not.
//!
//! The **stops** are cut at every run of `.` `!` `?` `…` and every line break; the
//! **sentences** (the one splitter's, [`super::sentences`]: what an analysis scores
//! one by one and `avis explain` shows) by the splitter, fed each token (unless
//! the text has hashtags, which the document cuts into their words first: then the
//! splitter has read the tokenizer's tokens before, `sentences::spans`). A
//! sentence holds one stop or several (`Il dit « Non ! » puis part.`, `Si… non.`),
//! and a stop ends at most one token past a sentence (`etc. Puis`). The rules read
//! stops: they reach up to the next `!`, `?` or full stop, as they did before the
//! splitter was one. (Whether they should read sentences instead is a change of
//! answers, left to the engine's rules.)

use super::sentences::{line_break_in, Splitter};
use crate::lexicon::{EntryKind, Hit};
use crate::tokenize::{Token, TokenKind};

/// A document cut into stops and clauses, token by token.
#[derive(Debug, Default)]
pub(super) struct Cuts {
    /// Per token.
    pub(super) slots: Vec<Slot>,
    /// The last punctuation token of each stop, if any.
    pub(super) closing: Vec<Option<usize>>,
    /// Tokens that are not punctuation.
    pub(super) words: usize,
}

/// What the document knows of one token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    /// The stop that holds the token (what the rules call its sentence).
    pub(super) sentence: u32,
    /// Clauses never cross stops.
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

/// Each token's slot (stop, clause, hit), the closing punctuation of each stop
/// and the word count, in one pass over the tokens; `cuts` lends its emptied
/// vectors. With `SENTENCES`, the byte span of each sentence is pushed to
/// `sentences` too (the tokens must then be the tokenizer's: no hashtag cut into
/// its words), in the same pass: its line breaks are the stops'. (A constant, so
/// that a pass without sentences has no test for them at each token.)
///
/// A line break ends a stop (comments use them as full stops); a contrast word
/// (`mais`) opens a clause.
pub(super) fn cut<const SENTENCES: bool>(
    text: &str,
    tokens: &[Token<'_>],
    hits: &[Hit<'_>],
    cuts: Cuts,
    sentences: &mut Vec<(usize, usize)>,
) -> Cuts {
    let Cuts {
        mut slots,
        mut closing,
        ..
    } = cuts;
    // Counted in the punctuation branch, the rarer one: one variable less live
    // across the loop, where the compiler had kept the word count in memory.
    let mut punctuation = 0;
    slots.clear();
    slots.reserve(tokens.len());
    closing.clear();
    let (mut s, mut c) = (0u32, 0u32);
    let mut contrasts = hits.iter().filter(|hit| hit.kinds.has(EntryKind::Contrast));
    let mut next_contrast = || contrasts.next().map_or(usize::MAX, |hit| hit.first);
    let mut contrast = next_contrast();
    let mut sentence_start = tokens.first().map_or(0, |first| first.start);
    // The gap before the first token is then empty: its first byte is the token's
    // own, never a line break, so the first token needs no test of its own.
    let mut previous_end = sentence_start;
    let mut splitter = Splitter::at(sentence_start);
    // Kept here rather than read from the splitter at each token.
    let mut pending = false;
    for (i, token) in tokens.iter().enumerate() {
        let line_break = line_break_in(text.as_bytes(), previous_end, token.start);
        if line_break {
            s += 1;
            c += 1;
        }
        if SENTENCES && (pending || line_break || !Splitter::quiet(token)) {
            let previous = i.checked_sub(1).and_then(|p| tokens.get(p));
            if splitter.read(previous, token, line_break) {
                sentences.push((sentence_start, previous_end));
                sentence_start = token.start;
            }
            pending = splitter.is_pending();
        }
        if i == contrast {
            if slots.last().is_some_and(|last: &Slot| last.clause == c) {
                c += 1;
            }
            contrast = next_contrast();
        }
        slots.push(Slot {
            sentence: s,
            clause: c,
            hit: NO_HIT,
        });
        if token.kind == TokenKind::Punct {
            punctuation += 1;
            closing.resize(s as usize + 1, None);
            closing[s as usize] = Some(i);
            match cut_of(token.text) {
                Cut::Sentence => (s, c) = (s + 1, c + 1),
                Cut::Clause => c += 1,
                Cut::None => {}
            }
        }
        previous_end = token.end;
    }
    if SENTENCES && !tokens.is_empty() {
        sentences.push((sentence_start, previous_end));
    }
    for (index, hit) in hits.iter().enumerate() {
        for slot in &mut slots[hit.first..hit.end] {
            slot.hit = index as u32;
        }
    }
    // Stop indices may skip (a line break after a full stop): every index up to the
    // last token's has its entry.
    let sentences = slots.last().map_or(0, |last| last.sentence as usize + 1);
    closing.resize(sentences, None);
    Cuts {
        slots,
        closing,
        words: tokens.len() - punctuation,
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
        // The splitter's sentences, as byte spans: the same four.
        assert_eq!(doc.sentence_spans(), [(1, 8), (10, 14), (20, 24), (25, 28)]);
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
