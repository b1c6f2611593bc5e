//! A matched expression: where it is, how well it matched, and what it means.

use super::forms::Level;
use super::meaning::{Kinds, Meaning};

/// One matched expression over tokens `first..end` (token indices).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<'a> {
    pub(crate) expr: u32,
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) level: Level,
    /// Whether a word of it was found only with its drawn-out letters squeezed
    /// (`nuuuul` for `nul`): emphasis the rules may weigh.
    pub(crate) elongated: bool,
    /// What it means, as bits: copied from its meaning when it is found, so that
    /// the rules' questions do not reach for the meaning itself.
    pub(crate) kinds: Kinds,
    /// What it means at its match level (at the stemmed level, only what inflects).
    pub(crate) meaning: &'a Meaning,
}

impl PartialEq for Hit<'_> {
    /// The same expression over the same tokens at the same level: the meaning
    /// follows from those.
    fn eq(&self, other: &Self) -> bool {
        (self.expr, self.first, self.end, self.level)
            == (other.expr, other.first, other.end, other.level)
    }
}
