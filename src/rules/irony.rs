//! Irony: praise turned against the addressee.
//!
//! French comments often praise in order to blame: "Merci Madame la ministre pour
//! n'écouter que ces lobbyistes", "Vive la pensée unique !", "Quelle intégrité de
//! votre part !", "Heureusement que …, hein…", "Mouhahahaha".
//!
//! The rule, in two parts:
//! 1. An explicit irony cue (`hein`, `ben voyons`, mocking laughter such as
//!    `mouhahaha`) flips the positive words of its sentence, and adds its own
//!    (negative) valence.
//! 2. A praise formula (`merci`, `bravo`, `vive`, `quelle …`, `heureusement`) flips
//!    the positive words of its sentence when the rest of the comment is negative.
//!
//! Limits: a sincere thank-you in an otherwise critical comment is read as ironic;
//! irony with no cue and no negative context (deadpan) is not seen; a cue only
//! reaches its own sentence.

use super::Layout;
use crate::explain::Rule;
use crate::lexicon::EntryKind;
use crate::{fold, Token, TokenKind};

/// Valence of mocking laughter (`mouhahaha`, `hahaha`), an irony cue of its own.
pub(crate) const LAUGHTER: f64 = -1.0;

/// Which sentences hold praise formulas and irony cues.
pub(crate) struct IronyContext {
    praise: Vec<bool>,
    cue: Vec<bool>,
}

impl IronyContext {
    pub(crate) fn new(layout: &Layout<'_, '_>) -> Self {
        let sentences = layout.sentence_count();
        let mut praise = vec![false; sentences];
        let mut cue = vec![false; sentences];
        for i in 0..layout.tokens.len() {
            let s = layout.sentence(i) as usize;
            if layout.is(i, EntryKind::Praise) {
                praise[s] = true;
            }
            if layout.is(i, EntryKind::Irony) || layout.laughter(i) {
                cue[s] = true;
            }
        }
        IronyContext { praise, cue }
    }

    /// Whether positive words of sentence `s` are praise that the context may turn.
    pub(crate) fn in_praise(&self, s: u32) -> bool {
        self.praise[s as usize]
    }

    /// Why a positive word of sentence `s` is flipped, if it is; `negative_context`
    /// says whether the rest of the comment is negative.
    pub(crate) fn flip(&self, s: u32, negative_context: bool) -> Option<Rule<'static>> {
        if self.cue[s as usize] {
            Some(Rule::IronyCue)
        } else if self.praise[s as usize] && negative_context {
            Some(Rule::IronyPraise)
        } else {
            None
        }
    }
}

/// Mocking laughter written out: `hahaha`, `mouhahaha`, `mouarf`-style runs of `ha`.
pub(crate) fn is_laughter(token: &Token<'_>) -> bool {
    let has_ha = |w: &[u8]| w[0] | 0x20 == b'h' && w[1] | 0x20 == b'a';
    if token.kind != TokenKind::Word
        || token.text.len() < 6
        || !token.text.as_bytes().windows(2).any(has_ha)
    {
        return false;
    }
    let key = fold(token.text);
    let rest = key
        .strip_prefix("mou")
        .or_else(|| key.strip_prefix("mw"))
        .unwrap_or(&key);
    let rest = rest.trim_end_matches('h');
    rest.len() >= 4
        && rest.bytes().all(|b| b == b'a' || b == b'h')
        && rest.matches("ha").count() >= 2
}
