//! Stage 3: lexicons as data, and matching them against tokens.
//!
//! A [`Lexicon`] is a list of entries read from a TSV file, one entry per line, its
//! fields separated by tabs (shown here as `→`):
//!
//! ```text
//! term → kind → valence → note
//! honte → sentiment → -3 → indignation
//! très → intensifier → 0.3
//! mais → contrast → 1.5
//! ```
//!
//! A [`Topic`] (see [`Topic::from_toml`]) declares what one consultation is about: its
//! targets, its argument frames and its stance markers. Both are compiled by the
//! [`Analyzer`](crate::Analyzer) into one matcher; the format is described in
//! `lexicons/README.md`.

mod hit;
mod matcher;
mod topic;
mod words;

use std::fmt;
use std::path::Path;

pub(crate) use hit::Hit;
pub(crate) use matcher::{Matcher, Payload};
pub use topic::Topic;
pub(crate) use words::{WordId, Words};

use crate::Error;

/// What a lexicon entry does. Its `valence` means something different per kind.
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
}

impl EntryKind {
    const ALL: [(&'static str, EntryKind); 13] = [
        ("sentiment", EntryKind::Sentiment),
        ("negator", EntryKind::Negator),
        ("absence", EntryKind::Absence),
        ("ne", EntryKind::Ne),
        ("ne_negator", EntryKind::NeNegator),
        ("restriction", EntryKind::Restriction),
        ("intensifier", EntryKind::Intensifier),
        ("diminisher", EntryKind::Diminisher),
        ("contrast", EntryKind::Contrast),
        ("irony", EntryKind::Irony),
        ("praise", EntryKind::Praise),
        ("stance_cue", EntryKind::StanceCue),
        ("comparative", EntryKind::Comparative),
    ];

    /// The kind's name as written in lexicon files.
    pub fn name(self) -> &'static str {
        EntryKind::ALL
            .iter()
            .find(|(_, kind)| *kind == self)
            .map_or("sentiment", |(name, _)| name)
    }

    fn parse(name: &str) -> Option<EntryKind> {
        EntryKind::ALL
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, kind)| *kind)
    }

    /// Checks a valence against the kind's range; returns the expected range on error.
    fn check(self, valence: f64) -> Result<(), &'static str> {
        let ok = match self {
            EntryKind::Sentiment => (-4.0..=4.0).contains(&valence) && valence != 0.0,
            EntryKind::Negator
            | EntryKind::Absence
            | EntryKind::Ne
            | EntryKind::NeNegator
            | EntryKind::Restriction
            | EntryKind::Praise => valence == 0.0,
            EntryKind::Intensifier => valence > 0.0 && valence <= 2.0,
            EntryKind::Diminisher => valence > 0.0 && valence < 1.0,
            EntryKind::Contrast => (1.0..=2.0).contains(&valence),
            EntryKind::Irony => (-4.0..=0.0).contains(&valence),
            EntryKind::StanceCue | EntryKind::Comparative => {
                (-1.0..=1.0).contains(&valence) && valence != 0.0
            }
        };
        if ok {
            return Ok(());
        }
        Err(match self {
            EntryKind::Sentiment => "a number in [-4, 4], not 0",
            EntryKind::Intensifier => "a number in (0, 2]",
            EntryKind::Diminisher => "a number in (0, 1)",
            EntryKind::Contrast => "a number in [1, 2]",
            EntryKind::Irony => "a number in [-4, 0]",
            EntryKind::StanceCue | EntryKind::Comparative => "a number in [-1, 1], not 0",
            _ => "0",
        })
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The word or expression, as written in the file.
    pub term: String,
    /// What it does.
    pub kind: EntryKind,
    /// Its value; see [`EntryKind`] for what it means per kind.
    pub valence: f64,
    /// Free text: source, reason.
    pub note: String,
}

/// A word lexicon: sentiment words, negators, intensifiers, contrast words, irony cues.
///
/// ```
/// use avis_fr::Lexicon;
///
/// let lexicon = Lexicon::from_tsv(
///     "mine.tsv",
///     "term\tkind\tvalence\tnote\nchouette\tsentiment\t2\tfamilier\n",
/// )?;
/// assert_eq!(lexicon.len(), 1);
///
/// let err = Lexicon::from_tsv("bad.tsv", "term\tkind\tvalence\tnote\nx\tfeeling\t1\t\n")
///     .unwrap_err();
/// assert!(err.to_string().starts_with("bad.tsv:2:"));
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    name: String,
    entries: Vec<Entry>,
}

const HEADER: &str = "term\tkind\tvalence\tnote";

impl Lexicon {
    /// Parse a lexicon from TSV text; `name` is used in error messages.
    ///
    /// Lines starting with `#` and blank lines are skipped; the first other line must
    /// be the header `term`, `kind`, `valence`, `note` (tab-separated). The note column may be omitted.
    /// A term may appear once per kind.
    pub fn from_tsv(name: &str, text: &str) -> Result<Lexicon, Error> {
        let error = |line: usize, column: usize, message: String| Error::Parse {
            source_name: name.to_string(),
            line,
            column,
            message,
        };
        let header = || HEADER.replace('\t', "<TAB>");
        let mut entries = Vec::new();
        let mut seen = rustc_hash::FxHashMap::default();
        let mut header_seen = false;
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            if !header_seen {
                if raw.trim_end() != HEADER {
                    return Err(error(
                        line,
                        1,
                        format!("expected the header line `{}`", header()),
                    ));
                }
                header_seen = true;
                continue;
            }
            let fields: Vec<&str> = raw.split('\t').collect();
            if !(3..=4).contains(&fields.len()) {
                return Err(error(
                    line,
                    1,
                    format!(
                        "expected 3 or 4 tab-separated fields (term, kind, valence, note), found {}",
                        fields.len()
                    ),
                ));
            }
            // The 1-based character column where field `i` starts.
            let column = |i: usize| {
                let offset: usize = fields[..i].iter().map(|f| f.len() + 1).sum();
                raw[..offset].chars().count() + 1
            };
            let term = fields[0].trim();
            if term.is_empty() || crate::tokenize(term).next().is_none() {
                return Err(error(line, 1, "empty term".to_string()));
            }
            let kind = EntryKind::parse(fields[1].trim()).ok_or_else(|| {
                let known: Vec<_> = EntryKind::ALL.iter().map(|(n, _)| *n).collect();
                error(
                    line,
                    column(1),
                    format!(
                        "unknown kind `{}`: use one of {}",
                        fields[1].trim(),
                        known.join(", ")
                    ),
                )
            })?;
            let valence: f64 = fields[2].trim().parse().map_err(|_| {
                let written = fields[2].trim();
                // French spreadsheets write `-2,5`: say what to write instead.
                let pointed = written.replace(',', ".");
                let hint = if pointed.parse::<f64>().is_ok() {
                    format!(": write {pointed} (a decimal point, not a comma)")
                } else {
                    String::new()
                };
                error(
                    line,
                    column(2),
                    format!("valence `{written}` is not a number{hint}"),
                )
            })?;
            kind.check(valence).map_err(|range| {
                error(
                    line,
                    column(2),
                    format!("valence {valence} out of range for kind {kind}: expected {range}"),
                )
            })?;
            let key = (crate::normalize(term).into_owned(), kind);
            if let Some(first) = seen.insert(key, line) {
                return Err(error(
                    line,
                    1,
                    format!("duplicate entry `{term}` ({kind}): first given on line {first}"),
                ));
            }
            entries.push(Entry {
                term: term.to_string(),
                kind,
                valence,
                note: fields.get(3).map_or("", |n| n.trim()).to_string(),
            });
        }
        if !header_seen {
            return Err(error(
                1,
                1,
                format!("empty lexicon: expected the header `{}`", header()),
            ));
        }
        Ok(Lexicon {
            name: name.to_string(),
            entries,
        })
    }

    /// Read and parse a lexicon file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let text = read_to_string(path)?;
        Lexicon::from_tsv(&path.display().to_string(), &text)
    }

    /// The name given when loading (a file path for files).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub(crate) fn read_to_string(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|error| Error::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// The lexicons embedded in the crate, in override order.
pub(crate) const DEFAULT_LEXICONS: [(&str, &str); 3] = [
    (
        "lexicons/imported.tsv",
        include_str!("../../lexicons/imported.tsv"),
    ),
    (
        "lexicons/sentiment.tsv",
        include_str!("../../lexicons/sentiment.tsv"),
    ),
    (
        "lexicons/rules.tsv",
        include_str!("../../lexicons/rules.tsv"),
    ),
];

/// The default topic embedded in the crate.
pub(crate) const DEFAULT_TOPIC: (&str, &str) = (
    "lexicons/topic-consultation-2015.toml",
    include_str!("../../lexicons/topic-consultation-2015.toml"),
);
