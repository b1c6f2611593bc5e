//! Stage 2, the document's expressions: lexicons as data, and matching them
//! against tokens.
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

mod compile;
mod ending;
mod find;
mod forms;
mod hit;
mod homographs;
mod kind;
mod lemmas;
mod matcher;
mod meaning;
mod pattern;
mod topic;
mod words;

use std::path::Path;

pub(crate) use compile::{compile, CompiledTopic};
pub(crate) use forms::singular;
pub(crate) use hit::Hit;
pub use kind::{EntryKind, UnknownKind};
pub(crate) use matcher::Matcher;
#[cfg(test)]
pub(crate) use matcher::Payload;
pub(crate) use meaning::{Kinds, TopicMeaning};
pub use topic::{Frame, StanceMarkers, Target, Topic};
pub(crate) use words::{WordId, WordMemo};

use crate::error::Error;
use crate::normalize::normalize;
use crate::tokenize::tokenize;

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

impl Entry {
    /// The regular expression of a pattern entry, a term written between slashes
    /// (`/mdr+/`): it matches a whole word, lowercased or accent-folded.
    ///
    /// ```
    /// use avis_fr::Lexicon;
    ///
    /// let lexicon = Lexicon::from_tsv("mine.tsv", "term\tkind\tvalence\tnote\n/mdr+/\tsentiment\t1\t\nmdr\tsentiment\t1\t\n")?;
    /// assert_eq!(lexicon.entries()[0].pattern(), Some("mdr+"));
    /// assert_eq!(lexicon.entries()[1].pattern(), None);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn pattern(&self) -> Option<&str> {
        pattern::pattern_of(&self.term)
    }
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
    /// A term may appear once per kind. A term written between slashes (`/mdr+/`) is
    /// a pattern over one word (see [`Entry::pattern`]); an invalid or too costly
    /// one is an error that names its line and column.
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
            let entry =
                parse_entry(raw).map_err(|(column, message)| error(line, column, message))?;
            let (term, kind) = (&entry.term, entry.kind);
            // A pattern is its own key: lowercasing `\W` would make it `\w`.
            let key = match entry.pattern() {
                Some(_) => (term.clone(), kind),
                None => (normalize(term).into_owned(), kind),
            };
            if let Some(first) = seen.insert(key, line) {
                return Err(error(
                    line,
                    1,
                    format!("duplicate entry `{term}` ({kind}): first given on line {first}"),
                ));
            }
            entries.push(entry);
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

/// One entry line, or the 1-based column (in characters) where it goes wrong and
/// what is wrong.
fn parse_entry(raw: &str) -> Result<Entry, (usize, String)> {
    let fields: Vec<&str> = raw.split('\t').collect();
    if !(3..=4).contains(&fields.len()) {
        return Err((
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
    if let Some(pattern) = pattern::pattern_of(term) {
        // The column of the pattern's first character, after the slash.
        let lead = fields[0].len() - fields[0].trim_start().len();
        let first = fields[0][..lead].chars().count() + 2;
        pattern::check(pattern).map_err(|(at, message)| (first + at, message))?;
    } else if term.is_empty() || tokenize(term).next().is_none() {
        return Err((1, "empty term".to_string()));
    }
    let kind: EntryKind = fields[1]
        .trim()
        .parse()
        .map_err(|unknown: UnknownKind| (column(1), unknown.to_string()))?;
    let valence: f64 = fields[2].trim().parse().map_err(|_| {
        let written = fields[2].trim();
        // French spreadsheets write `-2,5`: say what to write instead.
        let pointed = written.replace(',', ".");
        let hint = if pointed.parse::<f64>().is_ok() {
            format!(": write {pointed} (a decimal point, not a comma)")
        } else {
            String::new()
        };
        (
            column(2),
            format!("valence `{written}` is not a number{hint}"),
        )
    })?;
    let range = kind.spec().valences;
    if !range.contains(valence) {
        return Err((
            column(2),
            format!("valence {valence} out of range for kind {kind}: expected {range}"),
        ));
    }
    Ok(Entry {
        term: term.to_string(),
        kind,
        valence,
        note: fields.get(3).map_or("", |n| n.trim()).to_string(),
    })
}

pub(crate) fn read_to_string(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|error| Error::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// The lexicons embedded in the crate, in override order.
pub(crate) const DEFAULT_LEXICONS: [(&str, &str); 4] = [
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
    (
        "lexicons/stance.tsv",
        include_str!("../../lexicons/stance.tsv"),
    ),
];

/// The topics embedded in the crate, by name: (name, file, text).
pub(crate) const BUILTIN_TOPICS: [(&str, &str, &str); 1] = [(
    "consultation-2015",
    "lexicons/topic-consultation-2015.toml",
    include_str!("../../lexicons/topic-consultation-2015.toml"),
)];
