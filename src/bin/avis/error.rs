//! What can stop a run, with messages that say what to do.

use std::fmt;
use std::io;

#[derive(Debug)]
pub enum CliError {
    /// A bad record: not JSON, no `text`, a short CSV row, invalid UTF-8.
    Invalid {
        source: String,
        line: u64,
        message: String,
    },
    /// The input as a whole is unusable (e.g. the CSV header lacks the text column).
    Input { source: String, message: String },
    /// Options that do not go together, an empty text to explain: a whole sentence.
    Usage(String),
    /// Reading or writing failed.
    Io { what: String, error: io::Error },
    /// A lexicon or topic file is wrong.
    Library(avis_fr::Error),
    /// The reader of our standard output went away (`avis score | head`): stop quietly.
    BrokenPipe,
}

impl CliError {
    pub fn io(what: impl Into<String>, error: io::Error) -> CliError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Io {
                what: what.into(),
                error,
            }
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Invalid {
                source,
                line,
                message,
            } => write!(f, "{source}:{line}: {message}"),
            CliError::Input { source, message } => write!(f, "{source}: {message}"),
            CliError::Usage(message) => write!(f, "{message}"),
            CliError::Io { what, error } => write!(f, "{what}: {error}"),
            CliError::Library(e) => write!(f, "{e}"),
            CliError::BrokenPipe => write!(f, "broken pipe"),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Io { error, .. } => Some(error),
            CliError::Library(e) => Some(e),
            CliError::Invalid { .. }
            | CliError::Input { .. }
            | CliError::Usage(_)
            | CliError::BrokenPipe => None,
        }
    }
}

impl From<avis_fr::Error> for CliError {
    fn from(e: avis_fr::Error) -> Self {
        CliError::Library(e)
    }
}
