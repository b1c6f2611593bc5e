//! The entry kinds of word lexicons, declared once: one row of [`KINDS`] per kind says
//! its name in files, the valences it takes, the role of its evidence and whether it
//! matches inflected forms. A new kind is one variant, one row, and the rule that
//! reads it (`src/rules/`).

use std::fmt;
use std::str::FromStr;

use crate::analysis::Role;

/// What a lexicon entry does. Its `valence` means something different per kind.
///
/// ```
/// use avis_fr::EntryKind;
///
/// let kind: EntryKind = "intensifier".parse().unwrap();
/// assert_eq!(kind, EntryKind::Intensifier);
/// assert_eq!(kind.to_string(), "intensifier");
/// assert!(EntryKind::all().any(|k| k == EntryKind::Negator));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// A word or expression that carries feeling; valence in [-4, 4], not 0.
    Sentiment,
    /// Negates by itself (`pas`, `jamais`, `sans`); valence 0.
    Negator,
    /// Laments an absence (`à quand`, `quid de`, `où sont`): negates the rest of its
    /// clause; valence 0.
    Absence,
    /// The particle `ne` / `n'`: negates once completed by a negator; valence 0.
    Ne,
    /// Negates only together with `ne` (`plus`, `point`, `personne`); valence 0.
    NeNegator,
    /// Turns `ne` into a restriction (`ne … que`); valence 0.
    Restriction,
    /// Strengthens what follows: the valence `v` in (0, 2] multiplies by `1 + v`.
    Intensifier,
    /// Weakens what follows: the valence `v` in (0, 1) multiplies by `1 - v`.
    Diminisher,
    /// Contrast (`mais`): valence in [1, 2] weighs the clause after; the clause before
    /// gets `2 - valence`.
    Contrast,
    /// Concedes (`même si`, `bien que`, `avoir beau`, `malgré`): valence in [1, 2];
    /// the clause it opens gets `2 - valence`, the rest of its sentence `valence`.
    Concession,
    /// An explicit irony cue (`hein`, `mouhaha`): flips the praise of its sentence;
    /// valence in [-4, 0] is its own contribution.
    Irony,
    /// A praise formula (`merci`, `vive`, `bravo`) that turns ironic in a negative
    /// comment; valence 0 (the feeling comes from sentiment entries).
    Praise,
    /// States a stance toward the target named next (`favoriser`, `lutter contre`);
    /// valence in [-1, 1], not 0.
    StanceCue,
    /// Compares two targets (`mieux que`): valence in [-1, 1], not 0, is the stance
    /// toward the target named before it; the one after gets the opposite.
    Comparative,
    /// States a stance toward the target named just before it (`X dégage`,
    /// `X démission`); valence in [-1, 1], not 0.
    StanceAfter,
    /// Concludes or recommends (`bref`, `au final`, `je recommande`): its sentence
    /// is the writer's verdict, which outweighs description; valence 0.
    Verdict,
    /// A set phrase with no feeling, whose words carry none either: a politeness
    /// formula (`merci d'avance`, `cordialement`, `bien à vous`), a locution
    /// (`au moins` is no `moins`); valence 0.
    Formula,
    /// Says that something happens again (`encore`, `de plus`, `une nouvelle`,
    /// `énième`): after a praising interjection (`Super, une taxe de plus`), the
    /// interjection is irony; valence 0.
    Repetition,
    /// Asks in order to blame (`pourquoi`, `à quoi sert`, `comment se fait-il`): in a
    /// sentence that ends with `?` a reproach of its valence in [-4, 0), not 0;
    /// elsewhere (`c'est pourquoi`, `je comprends pourquoi`) nothing.
    Reproach,
    /// A harm of the world named as a fact (`changement climatique`, `émissions`,
    /// `déchets`): no feeling by itself, news mention harms without judging them;
    /// acted against by a remedy (`lutter contre`, `réduire`) it is good news. The
    /// valence in [-4, 0) is the harm's weight; the remedy turns it positive.
    Harm,
    /// Acts against what follows (`lutter contre`, `réduire`, `réduction de`,
    /// `traiter`): a harm or a negative word after it in its clause turns to good
    /// news; valence 0.
    Remedy,
    /// Waits (`attendu`, `attente`, `au bout de`): with a length of time counted in
    /// its sentence (`on a attendu 45 minutes`, `au bout d'une heure`) a complaint of
    /// its valence in [-4, 0), not 0; elsewhere (`le film attendu`) nothing.
    Wait,
    /// Makes what it names grow or advance (`accroître`, `essor`, `montée en
    /// puissance`, `s'accélère`): mild good news of its valence in (0, 4], unless
    /// what grows is a harm or a bad thing (`l'acidification s'accélère`), whose own
    /// weight then says the news (`src/rules/remedy.rs`).
    Growth,
}

/// The valences a kind takes: an interval, open or closed at each end, with or
/// without 0.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Valences {
    min: f64,
    max: f64,
    min_open: bool,
    max_open: bool,
    nonzero: bool,
}

impl Valences {
    const ZERO: Valences = Valences::closed(0.0, 0.0);

    const fn closed(min: f64, max: f64) -> Valences {
        Valences {
            min,
            max,
            min_open: false,
            max_open: false,
            nonzero: false,
        }
    }

    const fn open_below(self) -> Valences {
        Valences {
            min_open: true,
            ..self
        }
    }

    const fn open_above(self) -> Valences {
        Valences {
            max_open: true,
            ..self
        }
    }

    const fn not_zero(self) -> Valences {
        Valences {
            nonzero: true,
            ..self
        }
    }

    pub(crate) fn contains(&self, v: f64) -> bool {
        let above = if self.min_open {
            v > self.min
        } else {
            v >= self.min
        };
        let below = if self.max_open {
            v < self.max
        } else {
            v <= self.max
        };
        above && below && !(self.nonzero && v == 0.0)
    }
}

impl fmt::Display for Valences {
    /// As error messages state it: `0`, `a number in (0, 2]`, `… [-4, 4], not 0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            return write!(f, "{}", self.min);
        }
        let open = if self.min_open { '(' } else { '[' };
        let close = if self.max_open { ')' } else { ']' };
        write!(f, "a number in {open}{}, {}{close}", self.min, self.max)?;
        if self.nonzero {
            f.write_str(", not 0")?;
        }
        Ok(())
    }
}

/// One row of the kinds table.
#[derive(Debug)]
pub(crate) struct KindSpec {
    pub(crate) kind: EntryKind,
    /// As written in lexicon files.
    pub(crate) name: &'static str,
    pub(crate) valences: Valences,
    /// The role of its evidence (and so its class in the HTML report); none for a
    /// kind that leaves no evidence of its own.
    pub(crate) role: Option<Role>,
    /// Whether the sentiment stage scores its words (their evidence comes from
    /// there, with the rules that weighed them) rather than reporting them as markers.
    pub(crate) scored: bool,
    /// Whether its entries match inflected forms (content words), or only as
    /// written (a closed class: a stem must not turn `telles` into `tellement`).
    pub(crate) inflects: bool,
}

const fn row(
    kind: EntryKind,
    name: &'static str,
    valences: Valences,
    role: Option<Role>,
    scored: bool,
    inflects: bool,
) -> KindSpec {
    KindSpec {
        kind,
        name,
        valences,
        role,
        scored,
        inflects,
    }
}

const FEELING: Valences = Valences::closed(-4.0, 4.0).not_zero();
const STANCE: Valences = Valences::closed(-1.0, 1.0).not_zero();

/// Every kind, in the order of [`EntryKind`]'s variants: name in files, valences,
/// evidence role, scored by the sentiment stage, matches inflected forms.
#[rustfmt::skip]
pub(crate) const KINDS: [KindSpec; 23] = {
    use EntryKind::*;
    let zero = Valences::ZERO;
    let intensity = Valences::closed(0.0, 2.0).open_below();
    let diminishing = Valences::closed(0.0, 1.0).open_below().open_above();
    let contrast = Valences::closed(1.0, 2.0);
    let irony = Valences::closed(-4.0, 0.0);
    let reproach = Valences::closed(-4.0, 0.0).not_zero();
    let harm = Valences::closed(-4.0, 0.0).open_above();
    let growth = Valences::closed(0.0, 4.0).open_below();
    [
        row(Sentiment,   "sentiment",   FEELING,     Some(Role::Sentiment),    true,  true),
        row(Negator,     "negator",     zero,        Some(Role::Negator),      false, false),
        row(Absence,     "absence",     zero,        Some(Role::Negator),      false, false),
        row(Ne,          "ne",          zero,        Some(Role::Negator),      false, false),
        row(NeNegator,   "ne_negator",  zero,        Some(Role::Negator),      false, false),
        // A restriction is no marker of its own: it only stops a negation.
        row(Restriction, "restriction", zero,        None,                     false, false),
        row(Intensifier, "intensifier", intensity,   Some(Role::Intensifier),  false, false),
        row(Diminisher,  "diminisher",  diminishing, Some(Role::Diminisher),   false, false),
        row(Contrast,    "contrast",    contrast,    Some(Role::Contrast),     false, false),
        row(Concession,  "concession",  contrast,    Some(Role::Contrast),     false, false),
        row(Irony,       "irony",       irony,       Some(Role::Irony),        true,  false),
        row(Praise,      "praise",      zero,        Some(Role::Irony),        false, false),
        row(StanceCue,   "stance_cue",  STANCE,      Some(Role::StanceMarker), false, false),
        row(Comparative, "comparative", STANCE,      Some(Role::StanceMarker), false, false),
        row(StanceAfter, "stance_after", STANCE,     Some(Role::StanceMarker), false, false),
        row(Verdict,     "verdict",     zero,        Some(Role::Verdict),      false, false),
        // A formula is no marker: it only hides the feeling of its words.
        row(Formula,     "formula",     zero,        None,                     false, false),
        row(Repetition,  "repetition",  zero,        Some(Role::Irony),        false, false),
        // Scored as a sentiment word, in questions only (`sentiment::collect`).
        row(Reproach,    "reproach",    reproach,    None,                     true,  false),
        row(Harm,        "harm",        harm,        Some(Role::Sentiment),    true,  true),
        row(Remedy,      "remedy",      zero,        Some(Role::Negator),      false, true),
        // Scored as a sentiment word when its sentence counts a time (`sentiment::wait`).
        row(Wait,        "wait",        reproach,    None,                     true,  false),
        row(Growth,      "growth",      growth,      Some(Role::Sentiment),    true,  true),
    ]
};

// The table is in variant order: `spec` indexes it by the variant.
const _: () = {
    let mut i = 0;
    while i < KINDS.len() {
        assert!(KINDS[i].kind as usize == i, "KINDS is out of variant order");
        i += 1;
    }
};

impl EntryKind {
    /// Every kind, in declaration order.
    pub fn all() -> impl Iterator<Item = EntryKind> {
        KINDS.iter().map(|spec| spec.kind)
    }

    /// The kind's name as written in lexicon files (`ne_negator`).
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The kind's name, as the other public enums spell theirs: the same as
    /// [`name`](Self::name) and `Display`.
    ///
    /// ```
    /// assert_eq!(avis_fr::EntryKind::NeNegator.as_str(), "ne_negator");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    /// The kind's row of the table.
    pub(crate) fn spec(self) -> &'static KindSpec {
        &KINDS[self as usize]
    }

    /// The role of its evidence as a marker: none for the words the sentiment stage
    /// scores (their evidence is their score) and for restrictions.
    pub(crate) fn marker_role(self) -> Option<Role> {
        let spec = self.spec();
        spec.role.filter(|_| !spec.scored)
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A kind name that is not one of [`EntryKind::all`]'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = EntryKind::all().map(EntryKind::name).collect();
        write!(
            f,
            "unknown kind `{}`: use one of {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for EntryKind {
    type Err = UnknownKind;

    fn from_str(name: &str) -> Result<EntryKind, UnknownKind> {
        EntryKind::all()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| UnknownKind(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for kind in EntryKind::all() {
            assert_eq!(kind.name().parse::<EntryKind>(), Ok(kind));
        }
        assert!("feeling".parse::<EntryKind>().is_err());
    }

    #[test]
    fn ranges_say_what_they_take() {
        let intensifier = EntryKind::Intensifier.spec().valences;
        assert!(!intensifier.contains(0.0) && intensifier.contains(2.0));
        assert_eq!(intensifier.to_string(), "a number in (0, 2]");
        let sentiment = EntryKind::Sentiment.spec().valences;
        assert!(!sentiment.contains(0.0) && sentiment.contains(-4.0));
        assert_eq!(sentiment.to_string(), "a number in [-4, 4], not 0");
        assert_eq!(EntryKind::Ne.spec().valences.to_string(), "0");
        assert!(!EntryKind::Contrast.spec().valences.contains(0.5));
    }
}
