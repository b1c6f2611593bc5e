//! A matched expression, and what it means as bits, so that the rules' many
//! questions (is this a negator? does it name a target?) cost a test, not a lookup.

use super::EntryKind;

/// How closely a match fits: lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Exact,
    Folded,
    Stemmed,
}

/// One matched expression over tokens `first..end` (token indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) expr: u32,
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) level: Level,
    /// What it means, as bits: copied from its expression when it is found, so that
    /// the rules' questions ([`Hit::has`]) do not reach into the matcher.
    pub(super) kinds: u16,
}

impl Hit {
    /// Whether the hit means a word entry of `kind` (at its match level).
    pub(crate) fn has(&self, kind: EntryKind) -> bool {
        self.kinds & kind_bit(kind) != 0
    }

    /// Whether the hit names a target of the topic.
    pub(crate) fn names_target(&self) -> bool {
        self.kinds & NAMES_TARGET != 0
    }

    /// Whether the hit means something to the topic: names a target, raises a
    /// frame or marks a stance.
    pub(crate) fn concerns_topic(&self) -> bool {
        self.kinds & (NAMES_TARGET | RAISES_FRAME | MARKS_STANCE) != 0
    }

    /// Whether the hit means anything but a feeling (sentiment and irony words):
    /// a rule word or something to the topic.
    pub(crate) fn beyond_feeling(&self) -> bool {
        self.kinds & !(kind_bit(EntryKind::Sentiment) | kind_bit(EntryKind::Irony)) != 0
    }
}

/// The bit of an entry kind in [`Hit::kinds`] (and in the matcher's expressions).
pub(super) fn kind_bit(kind: EntryKind) -> u16 {
    // The last three bits are the topic's (see below): room for 13 kinds.
    1 << kind as u16
}
const _: () = assert!(
    (EntryKind::Comparative as u16) < 13,
    "kinds overflow Hit::kinds"
);

/// The bits of [`Hit::kinds`] past every entry kind: the topic's meanings.
pub(super) const NAMES_TARGET: u16 = 1 << 15;
pub(super) const RAISES_FRAME: u16 = 1 << 14;
pub(super) const MARKS_STANCE: u16 = 1 << 13;
