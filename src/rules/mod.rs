//! Stage 4: the French rules that weigh each matched sentiment word.
//!
//! Each rule is a small function over the [`Layout`] of a document (its sentences,
//! clauses and matched expressions) and says by how much it changes one sentiment
//! hit, and why. [`crate::sentiment`] applies them in a fixed order: intensity,
//! negation, capitals, contrast, exclamation, then irony over the whole comment.

pub(crate) mod emphasis;
pub(crate) mod irony;
mod negation;

pub(crate) use emphasis::{capitals_rule, exclamation_rule};
pub(crate) use irony::IronyContext;

use crate::explain::Rule;
use crate::lexicon::{EntryKind, Hit, Matcher, Payload};
use crate::{Token, TokenKind};

/// Contrast words compound (`mais … mais …`), within these bounds: a side weighs
/// at most this many times more, or less, than without them (and a wall of `mais`
/// cannot overflow the weight to infinity and the score to NaN).
const CONTRAST_BOUND: f64 = 8.0;

/// Tokens before a sentiment word in which an intensifier or diminisher counts.
const INTENSITY_WINDOW: usize = 3;

/// A document cut into sentences and clauses, with its matched expressions.
///
/// What the rules ask of each token (its sentence, clause and hit) is computed once,
/// in one array; what they ask only of matched expressions (negation, contrast), in
/// one array of hits.
pub(crate) struct Layout<'t, 'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'t [Token<'a>],
    pub(crate) hits: &'t [Hit],
    pub(crate) matcher: &'t Matcher,
    slots: Vec<Slot>,
    /// Per hit.
    marks: Vec<Marks>,
    /// The last punctuation token of each sentence, if any.
    closing: Vec<Option<usize>>,
    /// Tokens that are not punctuation.
    words: usize,
    /// Working memory of [`negation::count_scopes`].
    scopes: negation::Scopes,
}

/// The vectors of a [`Layout`], kept from one document to the next (see
/// [`crate::workspace`]).
#[derive(Debug, Default)]
pub(crate) struct LayoutBuffers {
    slots: Vec<Slot>,
    marks: Vec<Marks>,
    closing: Vec<Option<usize>>,
    scopes: negation::Scopes,
}

/// What the rules know of one token.
#[derive(Clone, Copy, Debug)]
struct Slot {
    sentence: u32,
    /// Clauses never cross sentences.
    clause: u32,
    /// The hit covering the token, or [`NO_HIT`].
    hit: u32,
}

/// What the rules know of one hit.
#[derive(Clone, Copy, Debug)]
struct Marks {
    /// Negation scopes covering its first token.
    negations: u32,
    /// Contrast weight (1 when no contrast word is near).
    contrast: f64,
}

const NO_HIT: u32 = u32::MAX;

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
fn cut(punctuation: &str) -> Cut {
    punctuation.chars().fold(Cut::None, |cut, c| {
        cut.max(match c {
            '.' | '!' | '?' | '…' => Cut::Sentence,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '–' | '—' | '«' | '»' | '“' | '”' | '"' => {
                Cut::Clause
            }
            _ => Cut::None,
        })
    })
}

impl<'t, 'a> Layout<'t, 'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'t [Token<'a>],
        hits: &'t [Hit],
        matcher: &'t Matcher,
        buffers: LayoutBuffers,
    ) -> Self {
        let LayoutBuffers {
            mut slots,
            mut marks,
            mut closing,
            scopes,
        } = buffers;
        marks.clear();
        marks.resize(
            hits.len(),
            Marks {
                negations: 0,
                contrast: 1.0,
            },
        );
        slots.clear();
        closing.clear();
        let (mut s, mut c, mut words) = (0u32, 0u32, 0);
        let mut previous_end = 0;
        let mut contrasts = hits.iter().filter(|hit| hit.has(EntryKind::Contrast));
        let mut next_contrast = || contrasts.next().map_or(usize::MAX, |hit| hit.first);
        let mut contrast = next_contrast();
        for (i, token) in tokens.iter().enumerate() {
            // A line break ends a sentence: comments use them as full stops. The gap
            // is mostly one space or none, tested without a call.
            let line_break = match &text.as_bytes()[previous_end..token.start] {
                [] => false,
                [one] => *one == b'\n',
                gap => gap.contains(&b'\n'),
            };
            if i > 0 && line_break {
                s += 1;
                c += 1;
            }
            // A contrast word opens a clause.
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
            if token.kind != TokenKind::Punct {
                words += 1;
            } else {
                closing.resize(s as usize + 1, None);
                closing[s as usize] = Some(i);
                match cut(token.text) {
                    Cut::Sentence => (s, c) = (s + 1, c + 1),
                    Cut::Clause => c += 1,
                    Cut::None => {}
                }
            }
            previous_end = token.end;
        }
        for (index, hit) in hits.iter().enumerate() {
            for slot in &mut slots[hit.first..hit.end] {
                slot.hit = index as u32;
            }
        }
        // Sentence indices may skip (a line break after a full stop): every index up
        // to the last token's has its entry.
        let sentences = slots.last().map_or(0, |last| last.sentence as usize + 1);
        closing.resize(sentences, None);
        let mut layout = Layout {
            closing,
            words,
            scopes,
            text,
            tokens,
            hits,
            matcher,
            slots,
            marks,
        };
        layout.weigh_contrasts();
        negation::count_scopes(&mut layout);
        layout
    }

    /// Its vectors, for the next document.
    pub(crate) fn into_buffers(self) -> LayoutBuffers {
        LayoutBuffers {
            slots: self.slots,
            marks: self.marks,
            closing: self.closing,
            scopes: self.scopes,
        }
    }

    /// Sentence index of token `i`.
    pub(crate) fn sentence(&self, i: usize) -> u32 {
        self.slots[i].sentence
    }

    /// How many tokens are not punctuation.
    pub(crate) fn words(&self) -> usize {
        self.words
    }

    /// How many sentence indices the document uses.
    pub(crate) fn sentence_count(&self) -> usize {
        self.closing.len()
    }

    /// Clause index of token `i`.
    pub(crate) fn clause(&self, i: usize) -> u32 {
        self.slots[i].clause
    }

    /// Index of the hit covering token `i`, if any.
    pub(crate) fn hit_at(&self, i: usize) -> Option<u32> {
        Some(self.slots[i].hit).filter(|&h| h != NO_HIT)
    }

    /// Contrast weight of hit `h` (1 when no contrast word is near).
    pub(crate) fn contrast(&self, h: usize) -> f64 {
        self.marks[h].contrast
    }

    /// Whether hit `h` starts in the scope of an odd number of negations.
    pub(crate) fn negated(&self, h: usize) -> bool {
        self.marks[h].negations % 2 == 1
    }

    /// The last punctuation token of the sentence that holds token `i`.
    pub(crate) fn closing_punctuation(&self, i: usize) -> Option<&Token<'a>> {
        let closing = self.closing[self.sentence(i) as usize]?;
        Some(&self.tokens[closing])
    }

    /// Intensifiers and diminishers just before the hit starting at token `first`:
    /// their product, each one's rule pushed to `why`.
    pub(crate) fn intensity(&self, first: usize, why: &mut Vec<Rule<'a>>) -> f64 {
        let mut factor = 1.0;
        let mut i = first;
        let mut seen = 0;
        while i > 0 && seen < INTENSITY_WINDOW {
            i -= 1;
            if self.clause(i) != self.clause(first) {
                break;
            }
            seen += 1;
            let Some(h) = self.hit_at(i) else { continue };
            let hit = &self.hits[h as usize];
            if hit.has(EntryKind::Intensifier) || hit.has(EntryKind::Diminisher) {
                let word = self.span_text(hit);
                for payload in self.matcher.payloads(hit) {
                    let (f, rule) = match *payload {
                        Payload::Word {
                            kind: EntryKind::Intensifier,
                            valence,
                        } => {
                            let f = 1.0 + valence;
                            (f, Rule::Intensifier { word, factor: f })
                        }
                        Payload::Word {
                            kind: EntryKind::Diminisher,
                            valence,
                        } => {
                            let f = 1.0 - valence;
                            (f, Rule::Diminisher { word, factor: f })
                        }
                        _ => continue,
                    };
                    factor *= f;
                    why.push(rule);
                }
            }
            // A multi-word hit counts once: jump to its first token.
            i = hit.first;
        }
        factor
    }

    /// The text of the hit covering token `i` (or the token itself).
    pub(crate) fn hit_text(&self, i: usize) -> &'a str {
        match self.hit_at(i) {
            Some(h) => self.span_text(&self.hits[h as usize]),
            None => self.tokens[i].text,
        }
    }

    /// The text a hit covers, as written.
    pub(crate) fn span_text(&self, hit: &Hit) -> &'a str {
        &self.text[self.tokens[hit.first].start..self.tokens[hit.end - 1].end]
    }

    /// Contrast weights: a contrast word weighs the rest of its sentence by its
    /// valence `w`, and what came before it in the sentence by `2 - w`. A hit's
    /// weight is the product over the contrast words of its sentence (within
    /// [`CONTRAST_BOUND`]), found in one pass each way over the hits, so that a
    /// sentence of many `mais` stays linear.
    fn weigh_contrasts(&mut self) {
        let matcher = self.matcher;
        let weight = |hit: &Hit| {
            if !hit.has(EntryKind::Contrast) {
                return None;
            }
            matcher.payloads(hit).find_map(|p| match p {
                Payload::Word {
                    kind: EntryKind::Contrast,
                    valence,
                } => Some(*valence),
                _ => None,
            })
        };
        if !self.hits.iter().any(|hit| weight(hit).is_some()) {
            return;
        }
        // Forward: the contrast words before the hit, in its sentence.
        let (mut after, mut current) = (1.0, u32::MAX);
        for (h, hit) in self.hits.iter().enumerate() {
            let sentence = self.sentence(hit.first);
            if sentence != current {
                (after, current) = (1.0, sentence);
            }
            self.marks[h].contrast = after;
            if let Some(w) = weight(hit) {
                after = (after * w).min(CONTRAST_BOUND);
            }
        }
        // Backward: the contrast words after the hit, in its sentence.
        let (mut before, mut current) = (1.0, u32::MAX);
        for (h, hit) in self.hits.iter().enumerate().rev() {
            let sentence = self.sentence(hit.first);
            if sentence != current {
                (before, current) = (1.0, sentence);
            }
            self.marks[h].contrast *= before;
            if let Some(w) = weight(hit) {
                before = (before * (2.0 - w)).max(1.0 / CONTRAST_BOUND);
            }
        }
    }
}
