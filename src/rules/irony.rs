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
use crate::lexicon::{EntryKind, Hit};

/// Which sentences hold praise formulas and irony cues.
pub(crate) struct IronyContext {
    praise: Vec<bool>,
    cue: Vec<bool>,
}

impl IronyContext {
    pub(crate) fn new(layout: &Layout<'_, '_>) -> Self {
        let either = |hit: &Hit| hit.has(EntryKind::Praise) || hit.has(EntryKind::Irony);
        // Most comments have neither: then no sentence is marked, and nothing allocated.
        if !layout.hits.iter().any(either) {
            return IronyContext {
                praise: Vec::new(),
                cue: Vec::new(),
            };
        }
        let sentences = layout.sentence_count();
        let mut praise = vec![false; sentences];
        let mut cue = vec![false; sentences];
        for hit in layout.hits {
            for (kind, sentences) in [
                (EntryKind::Praise, &mut praise),
                (EntryKind::Irony, &mut cue),
            ] {
                if hit.has(kind) {
                    for i in [hit.first, hit.end - 1] {
                        sentences[layout.sentence(i) as usize] = true;
                    }
                }
            }
        }
        IronyContext { praise, cue }
    }

    /// Whether positive words of sentence `s` are praise that the context may turn.
    pub(crate) fn in_praise(&self, s: u32) -> bool {
        self.praise.get(s as usize) == Some(&true)
    }

    /// Why a positive word of sentence `s` is flipped, if it is; `negative_context`
    /// says whether the rest of the comment is negative.
    pub(crate) fn flip(&self, s: u32, negative_context: bool) -> Option<Rule<'static>> {
        if self.cue.get(s as usize) == Some(&true) {
            Some(Rule::IronyCue)
        } else if self.in_praise(s) && negative_context {
            Some(Rule::IronyPraise)
        } else {
            None
        }
    }
}
