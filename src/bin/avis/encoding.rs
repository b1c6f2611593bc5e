//! Text encodings other than UTF-8: `--encoding`, byte order marks, and a guess
//! of what a file that is not UTF-8 is written in.
//!
//! UTF-8 input is read as it is (no decoding pass, no copy). Anything else is
//! decoded to UTF-8 as it streams through [`Decoding`], so memory stays flat.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// The names `--encoding` takes, for messages and `--help`.
pub const NAMES: &str = "utf-8, utf-16 (with a byte order mark; else little-endian), utf-16le, \
                         utf-16be, windows-1252 (cp1252), latin-1 (iso-8859-1), or another \
                         WHATWG label such as iso-8859-15 or macintosh";

/// Parse an `--encoding` value. Latin-1 is read as Windows-1252, its superset for
/// printable text (as browsers do): the two differ only on control codes.
pub fn parse(label: &str) -> Result<&'static Encoding, String> {
    let lower = label.trim().to_ascii_lowercase();
    let found = match lower.as_str() {
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Some(WINDOWS_1252),
        "utf-16" | "utf16" => Some(UTF_16LE),
        "utf-16le" | "utf16le" => Some(UTF_16LE),
        "utf-16be" | "utf16be" => Some(UTF_16BE),
        other => Encoding::for_label(other.as_bytes()),
    };
    found.ok_or_else(|| format!("unknown encoding {label:?}; use one of {NAMES}"))
}

/// The encoding a byte order mark at the start of `head` names, and its length.
pub fn from_bom(head: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(head)
}

/// Whether `encoding` is UTF-8 (read as is, without a decoding pass).
pub fn is_utf8(encoding: &'static Encoding) -> bool {
    encoding == UTF_8
}

/// A reader that decodes `inner` from `encoding` to UTF-8 as it reads. Malformed
/// sequences become U+FFFD and are counted in `replaced`, so the run can say so.
pub struct Decoding<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    output: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    eof: bool,
    done: bool,
    replaced: Arc<AtomicU64>,
}

const BUFFER: usize = 64 * 1024;

impl<R: Read> Decoding<R> {
    /// Decode `inner`; a byte order mark at its start is removed (and, if it names
    /// another Unicode encoding, wins over `encoding`, as it can only be meant so).
    pub fn new(inner: R, encoding: &'static Encoding, replaced: Arc<AtomicU64>) -> Self {
        Decoding {
            inner,
            decoder: encoding.new_decoder(),
            input: vec![0; BUFFER],
            in_pos: 0,
            in_len: 0,
            // Room for what any BUFFER bytes of input can decode to, and more.
            output: vec![0; 4 * BUFFER],
            out_pos: 0,
            out_len: 0,
            eof: false,
            done: false,
            replaced,
        }
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            if self.in_pos == self.in_len && !self.eof {
                self.in_len = self.inner.read(&mut self.input)?;
                self.in_pos = 0;
                self.eof = self.in_len == 0;
            }
            let (result, read, written, had_errors) = self.decoder.decode_to_utf8(
                &self.input[self.in_pos..self.in_len],
                &mut self.output,
                self.eof,
            );
            if had_errors {
                self.replaced.fetch_add(1, Ordering::Relaxed);
            }
            self.in_pos += read;
            self.out_pos = 0;
            self.out_len = written;
            if self.eof && result == CoderResult::InputEmpty {
                self.done = true;
            }
        }
    }
}

/// What bytes that are not UTF-8 are likely written in, as advice to append to the
/// error: `looks like Windows-1252: pass --encoding windows-1252`.
pub fn hint(bytes: &[u8]) -> String {
    let zeros = bytes.iter().filter(|&&b| b == 0).count();
    if zeros * 4 >= bytes.len() && zeros > 0 {
        return "it looks like UTF-16: pass --encoding utf-16le (or utf-16be)".to_string();
    }
    // Bytes Windows-1252 leaves undefined: a file that has them is something else.
    let undefined = |b: &u8| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D);
    if bytes.iter().any(undefined) {
        return "convert the file to UTF-8 (e.g. with iconv) or name its encoding with --encoding"
            .to_string();
    }
    let c1 = bytes.iter().any(|b| (0x80..=0x9F).contains(b));
    if c1 {
        // `’` `œ` `€` and the like: Windows-1252, not Latin-1.
        "it looks like Windows-1252: pass --encoding windows-1252".to_string()
    } else {
        "it looks like Windows-1252 or Latin-1: pass --encoding windows-1252".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_in_small_reads(bytes: &[u8], encoding: &'static Encoding) -> String {
        let replaced = Arc::new(AtomicU64::new(0));
        let mut reader = Decoding::new(bytes, encoding, replaced);
        let mut out = Vec::new();
        let mut buf = [0u8; 3];
        loop {
            let n = reader.read(&mut buf).unwrap_or(0);
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn windows_1252_and_utf16_decode_in_any_read_size() {
        let cp1252 = b"caf\xE9 \x92 \x9Cuvre \x80\r\n";
        assert_eq!(
            decode_in_small_reads(cp1252, WINDOWS_1252),
            "café ’ œuvre €\r\n"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é;à\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_in_small_reads(&utf16, UTF_16LE), "é;à\n");
    }

    #[test]
    fn labels_and_hints() {
        assert_eq!(parse("Latin-1"), Ok(WINDOWS_1252));
        assert_eq!(parse("cp1252"), Ok(WINDOWS_1252));
        assert_eq!(parse("UTF-8"), Ok(UTF_8));
        assert!(parse("klingon").is_err());
        assert!(hint(b"caf\xE9").contains("windows-1252"));
        assert!(hint(b"l\x92eau").starts_with("it looks like Windows-1252:"));
        assert!(hint(b"a\0b\0").contains("utf-16"));
    }
}
