//! CSV input as spreadsheets export it: any of `,` `;` tab `|` (detected from the
//! header when not given), quoted fields with line breaks, CRLF line ends.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::args::InputArgs;
use crate::error::CliError;
use crate::record::{invalid, misread, Next, Record};
use crate::sniff;
use crate::{encoding, limit};

pub struct CsvInput {
    reader: csv::Reader<Box<dyn BufRead + Send>>,
    pub headers: Vec<String>,
    pub delimiter: u8,
    text: usize,
    id: Option<usize>,
    row: csv::ByteRecord,
    /// Added to the parser's line numbers: 1 when lines end with CRLF (see
    /// [`sniff::ends_with_crlf`]).
    line_fix: u64,
    /// `--max-record-bytes`, checked on a row's fields once it is read.
    max: u64,
}

/// Records are maps by column name: a second column of the same name would
/// overwrite the first one's cells without a word, so it is an error.
fn unique(headers: &[String]) -> Result<(), String> {
    for (i, name) in headers.iter().enumerate() {
        if let Some(first) = headers[..i].iter().position(|h| h == name) {
            return Err(format!(
                "the CSV header names two columns {name:?} (columns {} and {}): give each \
                 column its own name",
                first + 1,
                i + 1
            ));
        }
    }
    Ok(())
}

impl CsvInput {
    /// Read the header, find the text and id columns. `delimiter` is the one the user
    /// gave (or tab for TSV); without one it is detected from the header, and said.
    pub fn new(
        name: &str,
        reader: Box<dyn BufRead + Send>,
        args: &InputArgs,
        delimiter: Option<u8>,
    ) -> Result<CsvInput, CliError> {
        let header_error = |message: String| CliError::Input {
            source: name.to_string(),
            message,
        };
        let peeked =
            sniff::peek_line(reader).map_err(|e| CliError::io(format!("cannot read {name}"), e))?;
        let delimiter = match delimiter {
            Some(d) => d,
            None => {
                let d = sniff::detect_delimiter(&peeked.line);
                if !args.quiet && !peeked.line.is_empty() {
                    eprintln!(
                        "avis: {name}: delimiter {} (detected from the header)",
                        sniff::show(d)
                    );
                }
                d
            }
        };
        let line_fix = u64::from(sniff::ends_with_crlf(&peeked.line));
        // Flexible, so that a short row is our error (naming its line), not the parser's.
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(peeked.reader);
        let headers: Vec<String> = match reader.byte_headers() {
            Ok(h) => h
                .iter()
                .map(|f| String::from_utf8(f.to_vec()))
                .collect::<Result<_, _>>()
                .map_err(|e| {
                    header_error(format!(
                        "the CSV header is not valid UTF-8; {}",
                        encoding::hint(e.as_bytes())
                    ))
                })?,
            Err(e) => return Err(header_error(format!("cannot read the CSV header: {e}"))),
        };
        unique(&headers).map_err(header_error)?;
        let find = |col: &str| headers.iter().position(|h| h == col);
        let missing = |what: &str, col: &str, flag: &str| {
            let mut message = format!(
                "no {what} column {col:?} in the CSV header (columns: {})",
                headers.join(", ")
            );
            if headers.len() == 1 {
                // One column: most likely the delimiter is another one.
                message.push_str(&format!(
                    "; the header has no {} in it: give the delimiter with --delimiter",
                    sniff::show(delimiter)
                ));
            } else {
                message.push_str(&format!("; name it with {flag}"));
            }
            header_error(message)
        };
        let text = find(&args.text_column)
            .ok_or_else(|| missing("text", &args.text_column, "--text-column"))?;
        let id = match &args.id_column {
            Some(col) => Some(find(col).ok_or_else(|| missing("id", col, "--id-column"))?),
            None => find("id"),
        };
        Ok(CsvInput {
            reader,
            headers,
            delimiter,
            text,
            id,
            row: csv::ByteRecord::new(),
            line_fix,
            max: args.max_record_bytes,
        })
    }

    pub fn next(&mut self, name: &str) -> Result<Next, CliError> {
        let more = match self.reader.read_byte_record(&mut self.row) {
            Ok(more) => more,
            Err(e) => return self.error(name, e),
        };
        if !more {
            return Ok(Next::Eof);
        }
        let row = &self.row;
        let line = row.position().map_or(0, |p| p.line()) + self.line_fix;
        let bytes = row.as_slice().len() as u64;
        if bytes > self.max {
            let at = row.position().map_or(0, |p| p.byte());
            let message = limit::too_long(bytes, at, self.max);
            // The parser holds the row's capacity: freed, not kept for the next rows.
            self.row = csv::ByteRecord::new();
            return Ok(invalid(line, message));
        }
        if row.len() != self.headers.len() {
            return Ok(invalid(
                line,
                format!(
                    "this row has {} fields, the header has {}",
                    row.len(),
                    self.headers.len()
                ),
            ));
        }
        let mut fields = Map::new();
        for (name, value) in self.headers.iter().zip(row.iter()) {
            match std::str::from_utf8(value) {
                Ok(value) => {
                    fields.insert(name.clone(), Value::from(value));
                }
                Err(e) => {
                    let at = row.position().map_or(0, |p| p.byte());
                    return Ok(misread(
                        line,
                        format!(
                            "invalid UTF-8 in column {name:?} at byte {} of the field \
                             (the row starts at byte {at} of the input); {}",
                            e.valid_up_to(),
                            encoding::hint(value)
                        ),
                    ));
                }
            }
        }
        let text = match fields.get(&self.headers[self.text]) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let id = match self.id {
            Some(i) => fields.get(&self.headers[i]).cloned().unwrap_or(Value::Null),
            None => Value::from(line),
        };
        Ok(Next::Record(Record {
            id,
            text,
            fields,
            line,
        }))
    }

    fn error(&self, name: &str, e: csv::Error) -> Result<Next, CliError> {
        let (line, byte) = e.position().map_or((0, 0), |p| (p.line(), p.byte()));
        // The parser's own words (it names the record, line and byte), not its Debug form.
        let message = format!("bad CSV row at byte {byte} of the input: {e}");
        match e.into_kind() {
            csv::ErrorKind::Io(err) => Err(CliError::io(format!("cannot read {name}"), err)),
            _ => Ok(invalid(line + self.line_fix, message)),
        }
    }
}
