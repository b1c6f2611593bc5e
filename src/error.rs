//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

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
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { error, .. } => Some(error),
            Error::Parse { .. } | Error::Config(_) => None,
        }
    }
}
