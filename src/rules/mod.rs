//! Stage 4: the French rules that weigh each matched sentiment word.
//!
//! Each rule is a small function over the [`Layout`] of a document (its sentences,
//! clauses and matched expressions) and says by how much it changes one sentiment
//! hit, and why. [`crate::sentiment`] applies them in a fixed order: intensity,
//! negation, capitals, contrast, exclamation, then irony over the whole comment.

pub(crate) mod emphasis;
pub(crate) mod irony;
mod negation;

pub(crate) use emphasis::{capitals_factor, exclamation_factor};
pub(crate) use irony::IronyContext;

use crate::lexicon::{EntryKind, Hit, Matcher, Payload};
use crate::{Token, TokenKind};

/// Tokens before a sentiment word in which an intensifier or diminisher counts.
const INTENSITY_WINDOW: usize = 3;

/// A document cut into sentences and clauses, with its matched expressions.
pub(crate) struct Layout<'t, 'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'t [Token<'a>],
    pub(crate) hits: &'t [Hit],
    pub(crate) matcher: &'t Matcher,
    /// Sentence index of each token.
    pub(crate) sentence: Vec<u32>,
    /// Token range of each sentence.
    sentences: Vec<std::ops::Range<usize>>,
    /// Clause index of each token (clauses never cross sentences).
    pub(crate) clause: Vec<u32>,
    /// The hit covering each token, if any.
    pub(crate) hit_at: Vec<Option<u32>>,
    /// Contrast weight of each token (1 when no contrast word is near).
    pub(crate) contrast: Vec<f64>,
    /// Whether the token lies in the scope of an odd number of negations.
    pub(crate) negated: Vec<bool>,
}

/// Whether a punctuation token ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.contains(['.', '!', '?', '…'])
}

/// Whether a punctuation token ends a clause (negation and intensity stop there).
fn ends_clause(text: &str) -> bool {
    text.contains([
        '.', '!', '?', '…', ',', ';', ':', '(', ')', '[', ']', '–', '—', '«', '»', '“', '”', '"',
    ])
}

impl<'t, 'a> Layout<'t, 'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'t [Token<'a>],
        hits: &'t [Hit],
        matcher: &'t Matcher,
    ) -> Self {
        let mut hit_at = vec![None; tokens.len()];
        for (index, hit) in hits.iter().enumerate() {
            for slot in &mut hit_at[hit.first..hit.end] {
                *slot = Some(index as u32);
            }
        }
        let mut sentence = Vec::with_capacity(tokens.len());
        let mut clause = Vec::with_capacity(tokens.len());
        let (mut s, mut c) = (0u32, 0u32);
        let mut previous_end = 0;
        for (i, token) in tokens.iter().enumerate() {
            // A line break ends a sentence: comments use them as full stops.
            if i > 0 && text[previous_end..token.start].contains('\n') {
                s += 1;
                c += 1;
            }
            let starts_contrast = hit_at[i].is_some_and(|h| {
                let hit = &hits[h as usize];
                hit.first == i && matcher.has_kind(hit, EntryKind::Contrast)
            });
            if starts_contrast && i > 0 && clause.last() == Some(&c) {
                c += 1;
            }
            sentence.push(s);
            clause.push(c);
            if token.kind == TokenKind::Punct {
                if ends_sentence(token.text) {
                    s += 1;
                    c += 1;
                } else if ends_clause(token.text) {
                    c += 1;
                }
            }
            previous_end = token.end;
        }
        let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, &s) in sentence.iter().enumerate() {
            match sentences.get_mut(s as usize) {
                Some(range) => range.end = i + 1,
                None => {
                    // Sentence indices may skip (a line break after a full stop).
                    sentences.resize(s as usize, 0..0);
                    sentences.push(i..i + 1);
                }
            }
        }
        let mut layout = Layout {
            sentences,
            text,
            tokens,
            hits,
            matcher,
            sentence,
            clause,
            hit_at,
            contrast: vec![1.0; tokens.len()],
            negated: vec![false; tokens.len()],
        };
        layout.contrast = layout.contrast_weights();
        layout.negated = negation::scopes(&layout);
        layout
    }

    /// The word-lexicon kinds and valences of the hit covering token `i`.
    pub(crate) fn word_kinds(&self, i: usize) -> impl Iterator<Item = (EntryKind, f64)> + '_ {
        self.hit_at[i]
            .into_iter()
            .flat_map(move |h| self.matcher.payloads(&self.hits[h as usize]))
            .filter_map(|p| match p {
                Payload::Word { kind, valence } => Some((*kind, *valence)),
                _ => None,
            })
    }

    /// Whether the hit covering token `i` has a word entry of `kind`.
    pub(crate) fn is(&self, i: usize, kind: EntryKind) -> bool {
        self.hit_at[i].is_some_and(|h| self.matcher.has_kind(&self.hits[h as usize], kind))
    }

    /// Tokens of the sentence that holds token `i`.
    pub(crate) fn sentence_range(&self, i: usize) -> std::ops::Range<usize> {
        self.sentences[self.sentence[i] as usize].clone()
    }

    /// Intensifiers and diminishers just before the hit starting at token `first`.
    pub(crate) fn intensity(&self, first: usize) -> (f64, Vec<String>) {
        let mut factor = 1.0;
        let mut why = Vec::new();
        let mut i = first;
        let mut seen = 0;
        while i > 0 && seen < INTENSITY_WINDOW {
            i -= 1;
            if self.clause[i] != self.clause[first] {
                break;
            }
            seen += 1;
            for (kind, valence) in self.word_kinds(i) {
                let (f, name) = match kind {
                    EntryKind::Intensifier => (1.0 + valence, "intensifier"),
                    EntryKind::Diminisher => (1.0 - valence, "diminisher"),
                    _ => continue,
                };
                factor *= f;
                why.push(format!("{name} `{}` ×{f:.2}", self.hit_text(i)));
            }
            // A multi-word hit counts once: jump to its first token.
            if let Some(h) = self.hit_at[i] {
                i = self.hits[h as usize].first;
            }
        }
        (factor, why)
    }

    /// The text of the hit covering token `i` (or the token itself).
    pub(crate) fn hit_text(&self, i: usize) -> &'a str {
        match self.hit_at[i] {
            Some(h) => {
                let hit = &self.hits[h as usize];
                &self.text[self.tokens[hit.first].start..self.tokens[hit.end - 1].end]
            }
            None => self.tokens[i].text,
        }
    }

    /// Contrast weights: a contrast word weighs the rest of its sentence by its
    /// valence `w`, and what came before it in the sentence by `2 - w`.
    fn contrast_weights(&self) -> Vec<f64> {
        let mut weights = vec![1.0; self.tokens.len()];
        for hit in self.hits {
            let Some(w) = self.matcher.payloads(hit).find_map(|p| match p {
                Payload::Word {
                    kind: EntryKind::Contrast,
                    valence,
                } => Some(*valence),
                _ => None,
            }) else {
                continue;
            };
            let sentence = self.sentence_range(hit.first);
            for weight in &mut weights[sentence.start..hit.first] {
                *weight *= 2.0 - w;
            }
            for weight in &mut weights[hit.end..sentence.end] {
                *weight *= w;
            }
        }
        weights
    }
}
