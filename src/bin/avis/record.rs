//! What the readers give: a record, a bad record to report, or the end of the
//! input (shared by the JSON Lines and text reader, `input`, and the CSV reader,
//! `csv_in`).

use serde_json::{Map, Value};

/// One input record.
pub struct Record {
    /// The record's id: its `id` field (or id column), else its line number.
    pub id: Value,
    /// The text to analyse.
    pub text: String,
    /// All input fields, in input order, to pass through.
    pub fields: Map<String, Value>,
    /// The 1-based line where the record starts, for messages about it.
    pub line: u64,
}

/// What the reader found next.
pub enum Next {
    Record(Record),
    /// A bad record, at this 1-based line, for this reason.
    Invalid {
        line: u64,
        message: String,
        /// The whole input is read wrongly (not UTF-8, CSV read as JSON): the fix is
        /// an option such as `--encoding`, not skipping records.
        whole_input: bool,
    },
    Eof,
}

/// A bad record: reported, and skipped with `--skip-invalid`.
pub fn invalid(line: u64, message: String) -> Next {
    Next::Invalid {
        line,
        message,
        whole_input: false,
    }
}

/// A record whose bytes are not UTF-8, or a sign that the format is wrong.
pub fn misread(line: u64, message: String) -> Next {
    Next::Invalid {
        line,
        message,
        whole_input: true,
    }
}
