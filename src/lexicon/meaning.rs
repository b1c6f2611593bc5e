//! What a matched expression means, worked out once when the analyzer is built: its
//! kinds as bits (so that the rules' many questions, is this a negator? does it name
//! a target?, cost a test), its valence per kind, and what it means to the topic.
//! Every stage reads meanings from here; none goes back to the lexicon entries.

use super::kind::KINDS;
use super::EntryKind;

/// A set of entry kinds, and the topic's meanings, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Kinds(u32);

/// The bits past every entry kind: the topic's meanings.
const NAMES_TARGET: u32 = 1 << 31;
const RAISES_FRAME: u32 = 1 << 30;
const MARKS_STANCE: u32 = 1 << 29;
const _: () = assert!(KINDS.len() <= 29, "entry kinds overflow Kinds");

/// The kinds whose words the sentiment stage scores (sentiment and irony).
const SCORED: u32 = {
    let (mut bits, mut i) = (0, 0);
    while i < KINDS.len() {
        if KINDS[i].scored {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
};

impl Kinds {
    fn bit(kind: EntryKind) -> u32 {
        1 << kind as u32
    }

    /// Whether the set holds `kind`.
    pub(crate) fn has(self, kind: EntryKind) -> bool {
        self.0 & Kinds::bit(kind) != 0
    }

    /// Whether it names a target of the topic.
    pub(crate) fn names_target(self) -> bool {
        self.0 & NAMES_TARGET != 0
    }

    /// Whether the words it covers keep their own feeling under it: a stance marker,
    /// a stance cue, a comparative, a praise formula or a verdict says something
    /// more of its words (`bravo à`, `pire que`, `je le conseille`), where a rule word (`sans doute`), a target's
    /// name (`logiciel libre`) or a frame's marker (`esprit critique`) means
    /// something else than its words.
    pub(crate) fn layers(self) -> bool {
        let stance = Kinds::bit(EntryKind::StanceCue)
            | Kinds::bit(EntryKind::StanceAfter)
            | Kinds::bit(EntryKind::Verdict)
            | Kinds::bit(EntryKind::Comparative)
            | Kinds::bit(EntryKind::Praise)
            | MARKS_STANCE;
        self.0 & stance != 0 && self.0 & !stance == 0
    }

    /// Whether it means something to the topic: names a target, raises a frame or
    /// marks a stance.
    pub(crate) fn concerns_topic(self) -> bool {
        self.0 & (NAMES_TARGET | RAISES_FRAME | MARKS_STANCE) != 0
    }

    /// Whether it means anything but a feeling the sentiment stage scores: a rule
    /// word or something to the topic.
    pub(crate) fn beyond_feeling(self) -> bool {
        self.0 & !SCORED != 0
    }
}

/// What an expression means to the topic. Targets and frames are indices into the
/// topic's lists, resolved when the analyzer is built.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum TopicMeaning {
    /// Names a target; `polarity` is -1 for an expression naming its opposite.
    Target { target: usize, polarity: f64 },
    /// A frame marker.
    Frame { frame: usize },
    /// A stance marker toward a target.
    Stance { target: usize, weight: f64 },
}

impl TopicMeaning {
    fn bit(&self) -> u32 {
        match self {
            TopicMeaning::Target { .. } => NAMES_TARGET,
            TopicMeaning::Frame { .. } => RAISES_FRAME,
            TopicMeaning::Stance { .. } => MARKS_STANCE,
        }
    }
}

/// Everything one expression means at one match level.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meaning {
    /// The lexicon term, as first written.
    pub(crate) term: Box<str>,
    pub(crate) kinds: Kinds,
    /// Its word-lexicon meanings, in the order the lexicons gave them.
    pub(crate) words: Box<[(EntryKind, f64)]>,
    /// Its meanings to the topic, in the order the topic gave them.
    pub(crate) topic: Box<[TopicMeaning]>,
}

impl Meaning {
    pub(crate) fn new(
        term: &str,
        words: impl IntoIterator<Item = (EntryKind, f64)>,
        topic: impl IntoIterator<Item = TopicMeaning>,
    ) -> Meaning {
        let words: Box<[(EntryKind, f64)]> = words.into_iter().collect();
        let topic: Box<[TopicMeaning]> = topic.into_iter().collect();
        let bits = words
            .iter()
            .fold(0, |bits, (kind, _)| bits | Kinds::bit(*kind));
        let bits = topic
            .iter()
            .fold(bits, |bits, meaning| bits | meaning.bit());
        Meaning {
            term: term.into(),
            kinds: Kinds(bits),
            words,
            topic,
        }
    }

    /// The valence of its entry of `kind`, if it has one.
    pub(crate) fn valence(&self, kind: EntryKind) -> Option<f64> {
        if !self.kinds.has(kind) {
            return None;
        }
        self.words.iter().find(|(k, _)| *k == kind).map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_answer_for_kinds_and_topic() {
        let meaning = Meaning::new(
            "pas",
            [(EntryKind::Negator, 0.0), (EntryKind::Intensifier, 0.5)],
            [TopicMeaning::Frame { frame: 0 }],
        );
        assert!(meaning.kinds.has(EntryKind::Negator));
        assert!(!meaning.kinds.has(EntryKind::Sentiment));
        assert!(meaning.kinds.concerns_topic() && !meaning.kinds.names_target());
        assert_eq!(meaning.valence(EntryKind::Intensifier), Some(0.5));
        assert_eq!(meaning.valence(EntryKind::Contrast), None);
        let feeling = Meaning::new("honte", [(EntryKind::Sentiment, -3.0)], []);
        assert!(!feeling.kinds.beyond_feeling() && meaning.kinds.beyond_feeling());
    }
}
