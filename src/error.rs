//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

use crate::names::spelled;

/// Everything that can go wrong when loading lexicons and topics.
///
/// Analysis itself never fails: any `&str` is valid input.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon or topic file has a bad entry.
    Parse {
        /// The file name (or the name given to an in-memory source).
        source_name: String,
        /// 1-based line of the bad entry.
        line: usize,
        /// 1-based column (in characters) where the bad part of the line starts.
        column: usize,
        /// What is wrong and what to do about it.
        message: String,
    },
    /// An analyzer setting is invalid.
    Config(String),
    /// A file could not be read.
    Io {
        /// The path that was read.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// Labelled texts that cannot be learned from (`avis fit`): a label value not
    /// in the expected set, a missing label column, too few labels per class.
    Labels(String),
    /// A model directory that cannot be used: written by another version of
    /// avis-fr, or missing a file.
    Model(String),
}

/// What kind of error an [`Error`] is, for programs that act on it.
///
/// ```
/// use avis_fr::{ErrorKind, Lexicon};
///
/// let error = Lexicon::from_tsv("bad.tsv", "term\tkind\tvalence\tnote\nx\tfeeling\t1\t\n").unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Parse);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A lexicon or topic has a bad entry: fix the line the message names.
    Parse,
    /// An analyzer setting is invalid.
    Config,
    /// A file could not be read.
    Io,
    /// Labelled texts that cannot be learned from: fix the labels or map them.
    Labels,
    /// A model directory that cannot be used: fit it again with this version.
    Model,
}

spelled!(ErrorKind {
    Parse => "parse",
    Config => "config",
    Io => "io",
    Labels => "labels",
    Model => "model",
});

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Parse { .. } => ErrorKind::Parse,
            Error::Config(_) => ErrorKind::Config,
            Error::Io { .. } => ErrorKind::Io,
            Error::Labels(_) => ErrorKind::Labels,
            Error::Model(_) => ErrorKind::Model,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Parse {
                source_name,
                line,
                column,
                message,
            } => write!(f, "{source_name}:{line}:{column}: {message}"),
            Error::Config(message) => write!(f, "invalid analyzer setting: {message}"),
            Error::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            Error::Labels(message) => write!(f, "labels: {message}"),
            Error::Model(message) => write!(f, "model: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { error, .. } => Some(error),
            Error::Parse { .. } | Error::Config(_) | Error::Labels(_) | Error::Model(_) => None,
        }
    }
}

/// The 1-based line and character column of a byte offset into `text` (an offset
/// past the end is the end; one inside a char counts as that char).
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}
