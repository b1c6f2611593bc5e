//! What the input is when nobody said: the format from the file's extension, the
//! CSV delimiter from the header line, CRLF line ends.

use std::io::{BufRead, Cursor, Read};
use std::path::Path;

use crate::args::Format;

/// The delimiters a header is searched for, in the order ties are settled.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The format a file's extension names (`.csv`, `.tsv`, `.jsonl`/`.ndjson`,
/// `.txt`, any case), if any.
pub fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "txt" => Some(Format::Text),
        _ => None,
    }
}

/// The header line of an input, read off the front of it, and the input with that
/// line put back, so that nothing is consumed.
pub struct Peeked {
    pub line: Vec<u8>,
    pub reader: Box<dyn BufRead + Send>,
}

/// Most a header line may be before the peek stops looking for its end.
const MAX_HEADER: u64 = 1 << 20;

pub fn peek_line(mut reader: Box<dyn BufRead + Send>) -> std::io::Result<Peeked> {
    let mut line = Vec::new();
    (&mut reader)
        .take(MAX_HEADER)
        .read_until(b'\n', &mut line)?;
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(line.clone()).chain(reader));
    Ok(Peeked { line, reader })
}

/// The delimiter of a CSV header line: of `,` `;` tab `|`, the one found most often
/// outside quotes (`,` when there is none, or on a tie with it).
pub fn detect_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..DELIMITERS.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    DELIMITERS[best]
}

/// Whether the header line ends with CRLF. The CSV parser starts the position of a
/// record that follows a CRLF on its `\n`, so its line number is one short there.
pub fn ends_with_crlf(header: &[u8]) -> bool {
    header.ends_with(b"\r\n")
}

/// How a delimiter is written in messages.
pub fn show(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".to_string(),
        d => format!("'{}'", d as char),
    }
}

/// Whether a line that failed to parse as JSON looks like a CSV header or row, to
/// suggest `--format csv`.
pub fn looks_like_csv(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim();
    !line.starts_with(['{', '[', '"']) && line.contains([',', ';', '\t', '|'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_from_headers() {
        assert_eq!(detect_delimiter(b"num;auteur;commentaire;date\r\n"), b';');
        assert_eq!(detect_delimiter(b"id,text\n"), b',');
        assert_eq!(detect_delimiter(b"id\ttext\tdate\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"text\n"), b',');
        assert_eq!(detect_delimiter(b"a|b|c\n"), b'|');
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(format_from_extension(Path::new("t.CSV")), Some(Format::Csv));
        assert_eq!(
            format_from_extension(Path::new("t.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(
            format_from_extension(Path::new("t.txt")),
            Some(Format::Text)
        );
        assert_eq!(format_from_extension(Path::new("t")), None);
    }

    #[test]
    fn csv_read_as_json() {
        assert!(looks_like_csv("num;auteur;commentaire"));
        assert!(!looks_like_csv("{\"id\":1,"));
    }
}
