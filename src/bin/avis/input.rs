//! Reading records, one at a time, from JSON Lines, CSV or plain text.
//!
//! Nothing here reads the whole input: records come off a buffered reader line by
//! line (or CSV row by row), so memory stays flat on any input size.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};

use crate::args::{Format, InputArgs};
use crate::error::CliError;

const BUFFER: usize = 256 * 1024;

/// An opened input: its name for messages, a buffered reader and maybe a progress bar.
pub struct Source {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    pub progress: Option<ProgressBar>,
}

/// Open PATH (or standard input for none or `-`). The progress bar, by bytes read,
/// is shown only for a file with standard error on a terminal, so pipes and CI
/// logs stay clean.
pub fn open(path: Option<&Path>, quiet: bool) -> Result<Source, CliError> {
    let path = path.filter(|p| p.as_os_str() != "-");
    let Some(path) = path else {
        return Ok(Source {
            name: "<stdin>".to_string(),
            reader: Box::new(BufReader::with_capacity(BUFFER, io::stdin())),
            progress: None,
        });
    };
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| CliError::io(format!("cannot open {name}"), e))?;
    let len = file.metadata().map(|m| m.len()).ok();
    let progress = match len {
        Some(len) if !quiet && io::stderr().is_terminal() => {
            let bar = ProgressBar::new(len);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {bytes}/{total_bytes} [{bar:40}] {bytes_per_sec}, eta {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            Some(bar)
        }
        _ => None,
    };
    let reader: Box<dyn Read + Send> = match &progress {
        Some(bar) => Box::new(bar.wrap_read(file)),
        None => Box::new(file),
    };
    Ok(Source {
        name,
        reader: Box::new(BufReader::with_capacity(BUFFER, reader)),
        progress,
    })
}

/// One input record.
pub struct Record {
    /// The record's id: its `id` field (or id column), else its line number.
    pub id: Value,
    /// The text to analyse.
    pub text: String,
    /// All input fields, in input order, to pass through.
    pub fields: Map<String, Value>,
}

/// What the reader found next.
pub enum Next {
    Record(Record),
    /// A bad record, at this 1-based line, for this reason.
    Invalid {
        line: u64,
        message: String,
    },
    Eof,
}

/// Reads records of one format. Counts the empty lines it skips.
pub struct RecordReader {
    pub name: String,
    pub empty_lines: u64,
    kind: Kind,
    progress: Option<ProgressBar>,
}

impl Drop for RecordReader {
    fn drop(&mut self) {
        // Clear the bar so that the summary or an error message stands alone.
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }
}

/// The field names of a JSON Lines record.
struct JsonFields {
    text: String,
    id: String,
}

enum Kind {
    Lines {
        reader: Box<dyn BufRead + Send>,
        /// JSON Lines if set, plain text lines otherwise.
        json: Option<JsonFields>,
        line: u64,
        offset: u64,
        buf: Vec<u8>,
    },
    Csv {
        reader: csv::Reader<Box<dyn BufRead + Send>>,
        headers: Vec<String>,
        text: usize,
        id: Option<usize>,
        row: csv::ByteRecord,
    },
}

impl RecordReader {
    pub fn new(source: Source, args: &InputArgs) -> Result<RecordReader, CliError> {
        let name = source.name;
        let progress = source.progress;
        let kind = match args.format {
            Format::Jsonl | Format::Text => Kind::Lines {
                reader: source.reader,
                json: (args.format == Format::Jsonl).then(|| JsonFields {
                    text: args.text_column.clone(),
                    id: args.id_column.clone().unwrap_or_else(|| "id".into()),
                }),
                line: 0,
                offset: 0,
                buf: Vec::new(),
            },
            Format::Csv => csv_kind(&name, source.reader, args)?,
        };
        Ok(RecordReader {
            name,
            empty_lines: 0,
            kind,
            progress,
        })
    }

    /// Print a message on standard error without tearing the progress bar.
    pub fn warn(&self, message: &str) {
        match &self.progress {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    /// Stop showing progress (before the summary line).
    pub fn finish(&mut self) {
        if let Some(bar) = self.progress.take() {
            bar.finish_and_clear();
        }
    }

    /// The next record, a bad record to report, or the end. I/O errors are fatal.
    pub fn next_record(&mut self) -> Result<Next, CliError> {
        match &mut self.kind {
            Kind::Lines {
                reader,
                json,
                line,
                offset,
                buf,
            } => loop {
                buf.clear();
                let n = reader
                    .read_until(b'\n', buf)
                    .map_err(|e| CliError::io(format!("cannot read {}", self.name), e))?;
                if n == 0 {
                    return Ok(Next::Eof);
                }
                *line += 1;
                let start = *offset;
                *offset += n as u64;
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                // Empty lines carry no record: skipped, counted in the summary.
                if buf.iter().all(u8::is_ascii_whitespace) {
                    self.empty_lines += 1;
                    continue;
                }
                let text = match std::str::from_utf8(buf) {
                    Ok(text) => text,
                    Err(e) => {
                        return Ok(invalid(
                            *line,
                            format!(
                                "invalid UTF-8 at byte {} of the input (byte {} of this line); \
                                 convert the file to UTF-8 (e.g. with iconv)",
                                start + e.valid_up_to() as u64,
                                e.valid_up_to()
                            ),
                        ))
                    }
                };
                return Ok(if let Some(names) = json {
                    json_record(*line, text, names)
                } else {
                    let mut fields = Map::new();
                    fields.insert("id".into(), Value::from(*line));
                    fields.insert("text".into(), Value::from(text));
                    Next::Record(Record {
                        id: Value::from(*line),
                        text: text.to_string(),
                        fields,
                    })
                });
            },
            Kind::Csv {
                reader,
                headers,
                text,
                id,
                row,
            } => {
                let more = match reader.read_byte_record(row) {
                    Ok(more) => more,
                    Err(e) => return csv_error(&self.name, e),
                };
                if !more {
                    return Ok(Next::Eof);
                }
                let line = row.position().map_or(0, |p| p.line());
                if row.len() != headers.len() {
                    return Ok(invalid(
                        line,
                        format!(
                            "this row has {} fields, the header has {}",
                            row.len(),
                            headers.len()
                        ),
                    ));
                }
                let mut fields = Map::new();
                for (name, value) in headers.iter().zip(row.iter()) {
                    match std::str::from_utf8(value) {
                        Ok(value) => {
                            fields.insert(name.clone(), Value::from(value));
                        }
                        Err(e) => {
                            let at = row.position().map_or(0, |p| p.byte());
                            return Ok(invalid(
                                line,
                                format!(
                                    "invalid UTF-8 in column {name:?} at byte {} of the field \
                                     (the row starts at byte {at} of the input); convert the file to UTF-8",
                                    e.valid_up_to()
                                ),
                            ));
                        }
                    }
                }
                let text = match fields.get(&headers[*text]) {
                    Some(Value::String(s)) => s.clone(),
                    _ => String::new(),
                };
                let id = match id {
                    Some(i) => fields.get(&headers[*i]).cloned().unwrap_or(Value::Null),
                    None => Value::from(line),
                };
                Ok(Next::Record(Record { id, text, fields }))
            }
        }
    }
}

fn invalid(line: u64, message: String) -> Next {
    Next::Invalid { line, message }
}

/// A JSON Lines record: an object with a string `text`.
fn json_record(line: u64, text: &str, names: &JsonFields) -> Next {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return invalid(
                line,
                format!("not valid JSON ({e}); each line must be one JSON object"),
            )
        }
    };
    let Value::Object(fields) = value else {
        return invalid(
            line,
            format!(
                "not a JSON object; each line must be an object with a {:?} string",
                names.text
            ),
        );
    };
    let text = match fields.get(&names.text) {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return invalid(line, format!("{:?} is not a string", names.text)),
        None => {
            return invalid(
                line,
                format!(
                    "no {:?} field; each object needs one (or name the field with --text-column)",
                    names.text
                ),
            )
        }
    };
    let id = fields.get(&names.id).cloned().unwrap_or(Value::from(line));
    Next::Record(Record { id, text, fields })
}

fn csv_kind(
    name: &str,
    reader: Box<dyn BufRead + Send>,
    args: &InputArgs,
) -> Result<Kind, CliError> {
    // Flexible, so that a short row is our error (naming its line), not the parser's.
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let header_error = |message: String| CliError::Input {
        source: name.to_string(),
        message,
    };
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|f| String::from_utf8(f.to_vec()))
            .collect::<Result<_, _>>()
            .map_err(|_| header_error("the CSV header is not valid UTF-8".into()))?,
        Err(e) => return Err(header_error(format!("cannot read the CSV header: {e}"))),
    };
    let find = |col: &str| headers.iter().position(|h| h == col);
    let missing = |what: &str, col: &str, flag: &str| {
        header_error(format!(
            "no {what} column {col:?} in the CSV header (columns: {}); name it with {flag}",
            headers.join(", ")
        ))
    };
    let text = find(&args.text_column)
        .ok_or_else(|| missing("text", &args.text_column, "--text-column"))?;
    let id = match &args.id_column {
        Some(col) => Some(find(col).ok_or_else(|| missing("id", col, "--id-column"))?),
        None => find("id"),
    };
    Ok(Kind::Csv {
        reader,
        headers,
        text,
        id,
        row: csv::ByteRecord::new(),
    })
}

fn csv_error(name: &str, e: csv::Error) -> Result<Next, CliError> {
    let (line, byte) = e.position().map_or((0, 0), |p| (p.line(), p.byte()));
    // The parser's own words (it names the record, line and byte), not its Debug form.
    let message = format!("bad CSV row at byte {byte} of the input: {e}");
    match e.into_kind() {
        csv::ErrorKind::Io(err) => Err(CliError::io(format!("cannot read {name}"), err)),
        _ => Ok(invalid(line, message)),
    }
}

/// Read a whole text file (for `avis tokens`), checking UTF-8.
pub fn read_text(path: Option<&PathBuf>) -> Result<(String, String), CliError> {
    let mut source = open(path.map(PathBuf::as_path), true)?;
    let mut bytes = Vec::new();
    source
        .reader
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::io(format!("cannot read {}", source.name), e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((source.name, text)),
        Err(e) => Err(CliError::Input {
            source: source.name,
            message: format!(
                "invalid UTF-8 at byte {}; convert the file to UTF-8 (e.g. with iconv)",
                e.utf8_error().valid_up_to()
            ),
        }),
    }
}
