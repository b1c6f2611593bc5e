//! `--max-record-bytes`: the largest record a run reads. Memory per record grows
//! with its size (README, "Memory"), so a record past the limit is a bad record,
//! named by its line, instead of a run that takes all the memory there is.
//!
//! JSON Lines and text are read a buffer at a time, so a line past the limit is
//! never held in memory: its bytes are counted and dropped. A CSV row is checked
//! once the parser has read it.

use std::io::{self, BufRead};

/// The default limit: 64 MiB, past the longest books and the exports split wrong
/// that people score as one record.
pub const DEFAULT_MAX_RECORD: u64 = 64 << 20;

/// Parse a size: bytes, or with a suffix K, M or G (KiB, MiB, GiB: 1024, 1024²,
/// 1024³; `KiB`, `MiB`, `GiB` are read too).
pub fn parse_size(value: &str) -> Result<u64, String> {
    let lower = value.trim().to_ascii_lowercase();
    let digits = lower.trim_end_matches(['k', 'm', 'g', 'i', 'b']);
    let shift = match &lower[digits.len()..] {
        "" | "b" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return Err(format!("{value:?} is not a size: write bytes, or 64M, 1G")),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a size: write bytes, or 64M, 1G"))?;
    match n.checked_mul(1 << shift) {
        Some(0) => Err("the largest record cannot be 0 bytes".to_string()),
        Some(size) => Ok(size),
        None => Err(format!("{value:?} is too large")),
    }
}

/// One line read with [`read_line`].
pub struct Line {
    /// Bytes taken from the reader, the line end included (0 at the end).
    pub consumed: u64,
    /// The line was longer than the limit: `buf` holds nothing of it.
    pub too_long: bool,
}

/// Read up to and including the next `\n` into `buf` (emptied first), like
/// `read_until`, but keep nothing of a line whose bytes before its line end pass
/// `max`: it is read to its end, counted, and dropped.
pub fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: u64) -> io::Result<Line> {
    buf.clear();
    let mut line = Line {
        consumed: 0,
        too_long: false,
    };
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (piece, ends) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = piece.len();
        if !line.too_long {
            buf.extend_from_slice(piece);
            // The line end (`\n` or `\r\n`) does not count toward the limit.
            let content = buf.len() - usize::from(ends) - usize::from(ends && ends_cr(buf));
            if content as u64 > max {
                line.too_long = true;
                // Freed, not kept: this is the buffer a too-long line would grow.
                *buf = Vec::new();
            }
        }
        reader.consume(n);
        line.consumed += n as u64;
        if ends {
            break;
        }
    }
    Ok(line)
}

/// Whether `buf` (which ends with `\n`) ends with `\r\n`.
fn ends_cr(buf: &[u8]) -> bool {
    buf.len() >= 2 && buf[buf.len() - 2] == b'\r'
}

/// The message for a record of `bytes` bytes (its line end included, for a line)
/// over `max`, starting at byte `at` of the input.
pub fn too_long(bytes: u64, at: u64, max: u64) -> String {
    format!(
        "this record is {bytes} bytes (from byte {at} of the input), more than \
         --max-record-bytes {max}; pass a larger --max-record-bytes to read it"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64, read_size: usize) -> Vec<(Vec<u8>, bool)> {
        let mut reader = io::BufReader::with_capacity(read_size, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let line = read_line(&mut reader, &mut buf, max).unwrap_or(Line {
                consumed: 0,
                too_long: false,
            });
            if line.consumed == 0 {
                return out;
            }
            out.push((buf.clone(), line.too_long));
        }
    }

    #[test]
    fn lines_past_the_limit_are_dropped_whole_in_any_read_size() {
        let input = b"abc\r\nabcd\nabcde\r\n\nab";
        for read_size in [1, 2, 3, 64] {
            assert_eq!(
                lines(input, 4, read_size),
                [
                    (b"abc\r\n".to_vec(), false),
                    (b"abcd\n".to_vec(), false),
                    (Vec::new(), true),
                    (b"\n".to_vec(), false),
                    (b"ab".to_vec(), false),
                ],
                "read size {read_size}"
            );
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("8k"), Ok(8192));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
