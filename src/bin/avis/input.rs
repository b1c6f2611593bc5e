//! Reading records, one at a time, from JSON Lines, CSV or plain text.
//!
//! Nothing here reads the whole input: records come off a buffered reader line by
//! line (or CSV row by row), so memory stays flat on any input size.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};

use crate::args::{Format, InputArgs};
use crate::csv_in::CsvInput;
use crate::encoding::{self, Decoding};
use crate::error::CliError;
use crate::record::{invalid, misread, Next, Record};
use crate::{limit, sniff};

const BUFFER: usize = 256 * 1024;

/// An opened input: its name for messages, a buffered reader of UTF-8 (decoded if
/// it was in another encoding) and maybe a progress bar.
pub struct Source {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    pub progress: Option<ProgressBar>,
    /// The input has no byte at all.
    pub empty: bool,
    /// Bytes of the input before `reader`'s first (a UTF-8 byte order mark), so
    /// that messages give offsets into the file as it is.
    pub skipped: u64,
    /// How many decoded buffers had malformed sequences replaced by U+FFFD.
    pub replaced: Arc<AtomicU64>,
    /// The encoding the input is read in.
    pub encoding: &'static Encoding,
}

/// Open PATH (or standard input for none or `-`), in `encoding` (UTF-8 by default;
/// a byte order mark wins). The progress bar, by bytes read, is shown only for a
/// file with standard error on a terminal, so pipes and CI logs stay clean.
pub fn open(
    path: Option<&Path>,
    quiet: bool,
    encoding: Option<&'static Encoding>,
) -> Result<Source, CliError> {
    let (name, raw, progress) = open_raw(path, quiet)?;
    source(name, raw, progress, quiet, encoding)
}

/// The input `raw`, named `name` in messages, read in `encoding` as [`open`] says
/// (also what the fuzz target `csv_input` feeds the readers through).
pub fn source(
    name: String,
    raw: Box<dyn Read + Send>,
    progress: Option<ProgressBar>,
    quiet: bool,
    encoding: Option<&'static Encoding>,
) -> Result<Source, CliError> {
    let mut raw = BufReader::with_capacity(BUFFER, raw);
    let read_error = |e| CliError::io(format!("cannot read {name}"), e);
    let mut head = Vec::with_capacity(4);
    (&mut raw)
        .take(4)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    let empty = head.is_empty();
    let bom = encoding::from_bom(&head);
    if let (Some((found, _)), Some(asked)) = (bom, encoding) {
        if found != asked && !quiet {
            eprintln!(
                "avis: {name}: read as {} (its byte order mark says so), not {}",
                found.name(),
                asked.name()
            );
        }
    }
    let chosen = bom.map_or(encoding.unwrap_or(UTF_8), |(found, _)| found);
    let replaced = Arc::new(AtomicU64::new(0));
    let rest = Cursor::new(head).chain(raw);
    let (reader, skipped): (Box<dyn BufRead + Send>, u64) = if encoding::is_utf8(chosen) {
        // UTF-8 is read as it is. Its byte order mark is dropped: the CSV parser
        // would skip it, but JSON and plain text would take it for text.
        let mut reader: Box<dyn BufRead + Send> = Box::new(rest);
        let skip = bom.map_or(0, |(_, n)| n);
        if skip > 0 {
            reader.fill_buf().map_err(read_error)?;
            reader.consume(skip);
        }
        (reader, skip as u64)
    } else {
        let decoding = Decoding::new(rest, chosen, Arc::clone(&replaced));
        (Box::new(BufReader::with_capacity(BUFFER, decoding)), 0)
    };
    Ok(Source {
        name,
        reader,
        progress,
        empty,
        skipped,
        replaced,
        encoding: chosen,
    })
}

type Raw = (String, Box<dyn Read + Send>, Option<ProgressBar>);

fn open_raw(path: Option<&Path>, quiet: bool) -> Result<Raw, CliError> {
    let path = path.filter(|p| p.as_os_str() != "-");
    let Some(path) = path else {
        return Ok(("<stdin>".to_string(), Box::new(io::stdin()), None));
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
    Ok((name, reader, progress))
}

/// Reads records of one format. Counts the empty lines it skips.
pub struct RecordReader {
    pub name: String,
    pub empty_lines: u64,
    /// The input had no byte at all.
    pub empty: bool,
    /// The encoding the input is read in.
    pub encoding: &'static Encoding,
    replaced: Arc<AtomicU64>,
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

/// JSON Lines or plain text, line by line.
struct Lines {
    reader: Box<dyn BufRead + Send>,
    /// JSON Lines if set, plain text lines otherwise.
    json: Option<JsonFields>,
    line: u64,
    offset: u64,
    buf: Vec<u8>,
    /// `--max-record-bytes`.
    max: u64,
}

/// Line buffer capacity kept from one record to the next.
const KEPT_LINE: usize = 1 << 20;

enum Kind {
    Lines(Lines),
    Csv(CsvInput),
}

/// The input format: `--format`, else the file's extension, else JSON Lines.
pub fn format(args: &InputArgs) -> Format {
    args.format
        .or_else(|| args.path.as_deref().and_then(sniff::format_from_extension))
        .unwrap_or(Format::Jsonl)
}

impl RecordReader {
    pub fn new(source: Source, args: &InputArgs) -> Result<RecordReader, CliError> {
        let name = source.name;
        let progress = source.progress;
        let format = format(args);
        if args.delimiter.is_some() && matches!(format, Format::Jsonl | Format::Text) {
            return Err(CliError::Usage(format!(
                "--delimiter is for CSV input, and {name} is read as {}: add --format csv",
                if format == Format::Jsonl {
                    "JSON Lines"
                } else {
                    "text"
                }
            )));
        }
        let kind = match format {
            format @ (Format::Jsonl | Format::Text) => Kind::Lines(Lines {
                reader: source.reader,
                json: (format == Format::Jsonl).then(|| JsonFields {
                    text: args.text_column.clone(),
                    id: args.id_column.clone().unwrap_or_else(|| "id".into()),
                }),
                line: 0,
                offset: source.skipped,
                buf: Vec::new(),
                max: args.max_record_bytes,
            }),
            format @ (Format::Csv | Format::Tsv) => {
                let tab = (format == Format::Tsv).then_some(b'\t');
                let input = CsvInput::new(&name, source.reader, args, args.delimiter.or(tab))?;
                Kind::Csv(input)
            }
        };
        Ok(RecordReader {
            name,
            empty_lines: 0,
            empty: source.empty,
            encoding: source.encoding,
            replaced: source.replaced,
            kind,
            progress,
        })
    }

    /// The CSV header's column names (none for JSON Lines and text).
    pub fn columns(&self) -> Option<&[String]> {
        match &self.kind {
            Kind::Csv(csv) => Some(&csv.headers),
            Kind::Lines(_) => None,
        }
    }

    /// The CSV delimiter (none for JSON Lines and text).
    pub fn delimiter(&self) -> Option<u8> {
        match &self.kind {
            Kind::Csv(csv) => Some(csv.delimiter),
            Kind::Lines(_) => None,
        }
    }

    /// How many decoded buffers had malformed bytes replaced (U+FFFD).
    pub fn replaced(&self) -> u64 {
        self.replaced.load(Ordering::Relaxed)
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
            Kind::Lines(lines) => lines.next(&self.name, &mut self.empty_lines),
            Kind::Csv(csv) => csv.next(&self.name),
        }
    }
}

impl Lines {
    fn next(&mut self, name: &str, empty_lines: &mut u64) -> Result<Next, CliError> {
        let next = self.read(name, empty_lines);
        // The buffer grew to the longest line so far: past a long record it is
        // freed, not held through the analyses that follow.
        if self.buf.capacity() > KEPT_LINE {
            self.buf = Vec::new();
        }
        next
    }

    fn read(&mut self, name: &str, empty_lines: &mut u64) -> Result<Next, CliError> {
        loop {
            let read = limit::read_line(&mut self.reader, &mut self.buf, self.max)
                .map_err(|e| CliError::io(format!("cannot read {name}"), e))?;
            if read.consumed == 0 {
                return Ok(Next::Eof);
            }
            self.line += 1;
            let start = self.offset;
            self.offset += read.consumed;
            if read.too_long {
                let message = limit::too_long(read.consumed, start, self.max);
                return Ok(invalid(self.line, message));
            }
            let buf = &mut self.buf;
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            // Empty lines carry no record: skipped, counted in the summary.
            if buf.iter().all(u8::is_ascii_whitespace) {
                *empty_lines += 1;
                continue;
            }
            let text = match std::str::from_utf8(buf) {
                Ok(text) => text,
                Err(e) => {
                    return Ok(misread(
                        self.line,
                        format!(
                            "invalid UTF-8 at byte {} of the input (byte {} of this line); {}",
                            start + e.valid_up_to() as u64,
                            e.valid_up_to(),
                            encoding::hint(buf)
                        ),
                    ))
                }
            };
            return Ok(match &self.json {
                Some(names) => json_record(self.line, text, names),
                None => {
                    let mut fields = Map::new();
                    fields.insert("id".into(), Value::from(self.line));
                    fields.insert("text".into(), Value::from(text));
                    Next::Record(Record {
                        id: Value::from(self.line),
                        text: text.to_string(),
                        fields,
                        line: self.line,
                    })
                }
            });
        }
    }
}

/// A JSON Lines record: an object with a string `text`.
fn json_record(line: u64, text: &str, names: &JsonFields) -> Next {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // A CSV file read as JSON Lines (no extension, or standard input).
            let message = format!("not valid JSON ({e}); each line must be one JSON object");
            if line == 1 && sniff::looks_like_csv(text) {
                return misread(
                    line,
                    format!("{message}; this looks like CSV: pass --format csv"),
                );
            }
            return invalid(line, message);
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
    Next::Record(Record {
        id,
        text,
        fields,
        line,
    })
}

/// Read a whole text (for `avis tokens` and `avis explain`, whose spans are
/// offsets into it), decoded from `encoding`, checking UTF-8. Returns its name and
/// text.
pub fn read_text(
    path: Option<&Path>,
    encoding: Option<&'static Encoding>,
) -> Result<(String, String), CliError> {
    let mut source = open(path, true, encoding)?;
    let mut bytes = Vec::new();
    source
        .reader
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::io(format!("cannot read {}", source.name), e))?;
    if source.replaced.load(Ordering::Relaxed) > 0 {
        eprintln!(
            "avis: {}: bytes that are not text in its encoding were replaced by U+FFFD",
            source.name
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((source.name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let near = &bytes[at..bytes.len().min(at + 4096)];
            Err(CliError::Input {
                source: source.name,
                message: format!(
                    "invalid UTF-8 at byte {}; {}",
                    at as u64 + source.skipped,
                    encoding::hint(near)
                ),
            })
        }
    }
}
