//! The command line's CSV reader (`src/bin/avis/csv_in.rs`, through `input.rs`
//! as `avis score --format csv` opens it): delimiter detection, encodings, quoted
//! fields, CRLF, `--max-record-bytes`.
//!
//! Mode byte even: the rest is the file, read with options drawn from the mode
//! byte; bad input is a bad record or an error naming it, never a panic, and every
//! record read is consistent. Odd: a CSV is generated (columns, rows of any text,
//! delimiter, line ends, encoding, byte order mark), written as spreadsheets write
//! it, and must read back as exactly those rows, on the lines they start at.

use std::io::Cursor;

use arbitrary::{Result, Unstructured};
use clap::Parser;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde_json::Value;

use crate::args::{Cli, Command, InputArgs};
use crate::input::{self, RecordReader};
use crate::record::Next;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
const ENCODINGS: [&Encoding; 4] = [UTF_8, WINDOWS_1252, UTF_16LE, UTF_16BE];

/// The options `avis score` would parse from these arguments.
fn input_args(extra: &[String]) -> InputArgs {
    let argv = ["avis", "score", "-q", "--format", "csv"]
        .into_iter()
        .map(String::from)
        .chain(extra.iter().cloned());
    match Cli::try_parse_from(argv) {
        Ok(Cli {
            command: Command::Score(args),
        }) => args.input,
        other => panic!("the fuzz target's own arguments: {other:?}"),
    }
}

/// Open `bytes` as the CSV input of `args`: the reader, or the error that stops
/// the run (a header without the text column, …).
fn open(bytes: Vec<u8>, args: &InputArgs) -> Option<RecordReader> {
    let raw = Box::new(Cursor::new(bytes));
    let source = match input::source("fuzz.csv".into(), raw, None, true, args.encoding) {
        Ok(source) => source,
        Err(e) => panic!("reading from memory cannot fail: {e}"),
    };
    match RecordReader::new(source, args) {
        Ok(reader) => Some(reader),
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("fuzz.csv: "), "{message}");
            None
        }
    }
}

/// Any bytes as a CSV file: no panic, and what is read is consistent.
pub fn raw(mode: u8, bytes: &[u8]) {
    let mut extra = Vec::new();
    if mode & 2 != 0 {
        extra.push(format!(
            "--delimiter={}",
            DELIMITERS[usize::from(mode >> 2) % 4] as char
        ));
    }
    if mode & 16 != 0 {
        let encoding = ENCODINGS[usize::from(mode >> 5) % 4];
        extra.push(format!("--encoding={}", encoding.name()));
    }
    if mode & 128 != 0 {
        extra.push("--max-record-bytes=64".into());
    }
    let args = input_args(&extra);
    let Some(mut reader) = open(bytes.to_vec(), &args) else {
        return;
    };
    let columns = reader.columns().map(<[String]>::len).unwrap_or(0);
    let mut last = 0;
    // Each record or bad record takes at least one byte of the input (the decoded
    // input is at most three times as long).
    for _ in 0..=3 * bytes.len() + 1 {
        let line = match reader.next_record() {
            Ok(Next::Eof) => return,
            Ok(Next::Record(record)) => {
                assert_eq!(record.fields.len(), columns, "a record has every column");
                assert!(record.fields.values().all(Value::is_string));
                assert_eq!(
                    record.fields.get("text").and_then(Value::as_str),
                    Some(&*record.text)
                );
                record.line
            }
            Ok(Next::Invalid { line, message, .. }) => {
                assert!(!message.is_empty());
                line
            }
            Err(e) => panic!("reading from memory cannot fail: {e}"),
        };
        // Not strictly: a lone `\r` ends a record too (old Mac files) but lines are
        // counted by `\n`, so records so ended share a line number.
        assert!(line >= last, "records in line order: {line} after {last}");
        last = line;
    }
    panic!("more records than the input has bytes");
}

/// A generated CSV: its header, rows, and the options to read it with.
struct Generated {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    delimiter: u8,
    crlf: bool,
    encoding: &'static Encoding,
    bom: bool,
}

/// Columns with plain names (`text` among them), rows of any text as the encoding
/// can write it.
fn generate(u: &mut Unstructured<'_>) -> Result<Generated> {
    let columns = u.int_in_range(2..=5)?;
    let text_at = u.choose_index(columns)?;
    let header = (0..columns)
        .map(|i| {
            if i == text_at {
                "text".to_string()
            } else {
                format!("col{i}")
            }
        })
        .collect();
    let encoding = *u.choose(&ENCODINGS)?;
    let mut rows = Vec::new();
    for _ in 0..u.int_in_range(0..=6)? {
        let mut row = Vec::new();
        for _ in 0..columns {
            let field: String = u.arbitrary()?;
            // What the file can hold: an emoji in Windows-1252 is written `&#…;`.
            let (bytes, _, _) = encoding.output_encoding().encode(&field);
            row.push(
                encoding
                    .output_encoding()
                    .decode_without_bom_handling(&bytes)
                    .0
                    .into_owned(),
            );
        }
        rows.push(row);
    }
    Ok(Generated {
        header,
        rows,
        delimiter: *u.choose(&DELIMITERS)?,
        crlf: u.arbitrary()?,
        encoding,
        bom: u.arbitrary()?,
    })
}

/// The CSV text as a spreadsheet writes it: a field quoted when it holds the
/// delimiter, a quote or a line break; and the line each row starts on.
fn write(g: &Generated) -> (String, Vec<u64>) {
    let eol = if g.crlf { "\r\n" } else { "\n" };
    let delimiter = char::from(g.delimiter);
    let field = |f: &str| {
        if f.contains([delimiter, '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_string()
        }
    };
    let mut text = g.header.join(&delimiter.to_string()) + eol;
    let mut lines = Vec::new();
    let mut line = 2;
    for row in &g.rows {
        lines.push(line);
        let cells: Vec<String> = row.iter().map(|f| field(f)).collect();
        let written = cells.join(&delimiter.to_string()) + eol;
        line += written.matches('\n').count() as u64;
        text.push_str(&written);
    }
    (text, lines)
}

/// A generated CSV reads back as its rows, on their lines, its delimiter found.
pub fn generated(data: &[u8]) {
    let Ok(g) = generate(&mut Unstructured::new(data)) else {
        return;
    };
    let (text, lines) = write(&g);
    let mut bytes = Vec::new();
    // Windows-1252 has no byte order mark (a UTF-8 one would say UTF-8).
    let bom = g.bom && g.encoding != WINDOWS_1252;
    if bom {
        bytes.extend_from_slice(match g.encoding.name() {
            "UTF-16LE" => &[0xFF, 0xFE],
            "UTF-16BE" => &[0xFE, 0xFF],
            _ => &[0xEF, 0xBB, 0xBF],
        });
    }
    bytes.extend(encode(&text, g.encoding));
    // A byte order mark says the encoding; without one, the option does. The
    // delimiter is always detected.
    let mut extra = Vec::new();
    if !bom {
        extra.push(format!("--encoding={}", g.encoding.name()));
    }
    let args = input_args(&extra);
    let Some(mut reader) = open(bytes, &args) else {
        panic!("a generated CSV opens: {text:?}");
    };
    assert_eq!(reader.delimiter(), Some(g.delimiter), "{text:?}");
    assert_eq!(reader.columns(), Some(&g.header[..]));
    for (row, line) in g.rows.iter().zip(lines) {
        let record = match reader.next_record() {
            Ok(Next::Record(record)) => record,
            Ok(Next::Invalid { line, message, .. }) => panic!("line {line}: {message}: {text:?}"),
            Ok(Next::Eof) => panic!("a row is missing: {text:?}"),
            Err(e) => panic!("{e}"),
        };
        let fields: Vec<&str> = record.fields.values().filter_map(Value::as_str).collect();
        assert_eq!(fields, *row, "{text:?}");
        assert_eq!(record.line, line, "{text:?}");
    }
    assert!(matches!(reader.next_record(), Ok(Next::Eof)), "{text:?}");
}

/// `text` in `encoding` (UTF-16 by hand: encoding_rs writes UTF-8 for it).
fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    match encoding.name() {
        "UTF-16LE" => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        "UTF-16BE" => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        _ => encoding.encode(text).0.into_owned(),
    }
}
