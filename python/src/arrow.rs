//! Texts given as something else than a list: for `analyze_columns`, an Arrow
//! string column read from its buffers; for both batch calls, any other Series
//! or array converted to a list at once (`avis_fr/_input.py` says why).

use std::ops::Range;
use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

use crate::texts::Texts;

/// One chunk as `_input.arrow_chunks` gives it: the UTF-8 of its texts, its 64-bit
/// little-endian offsets, its validity bitmap (`None`: no null), the index of its
/// first item in those two, and how many items it has.
type Chunk<'py> = (
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    Option<Bound<'py, PyBytes>>,
    usize,
    usize,
);

/// A column as `analyze_columns` reads it.
pub enum Column<'py> {
    /// Texts read out of an Arrow column.
    Arrow(Texts),
    /// Any other iterable: a list or tuple as it was given, a Series or array
    /// as a list.
    Items(Bound<'py, PyAny>),
}

/// `texts` as `analyze_columns` reads it; an Arrow column's null is `None` with
/// `skip_invalid`, else an error naming its index, as for a `None` in a list.
/// An Arrow column's texts are copied into the string `spare` keeps (taken only
/// then: a list leaves it for the next column).
///
/// # Errors
/// A null (without `skip_invalid`), text that is not UTF-8 or buffers that do
/// not hold together, naming the item; an error raised by the conversion.
pub fn column<'py>(
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
    spare: &SpareText,
) -> PyResult<Column<'py>> {
    if is_sequence(texts) {
        return Ok(Column::Items(texts.clone()));
    }
    let py = texts.py();
    let input = py.import(intern!(py, "avis_fr._input"))?;
    let chunks = input.call_method1(intern!(py, "arrow_chunks"), (texts,))?;
    if chunks.is_none() {
        return Ok(Column::Items(items(texts)?));
    }
    let chunks: Vec<Chunk<'py>> = chunks.extract()?;
    let read = from_chunks(&chunks, skip_invalid, spare.take())?;
    Ok(Column::Arrow(read))
}

/// `texts` as `analyze_many` reads it: a list or tuple as it is, a pandas or
/// Polars Series (or a NumPy array) converted to a list at once, any other
/// iterable as it is.
///
/// # Errors
/// An error raised by the conversion.
pub fn items<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if is_sequence(texts) {
        return Ok(texts.clone());
    }
    let py = texts.py();
    let input = py.import(intern!(py, "avis_fr._input"))?;
    input.call_method1(intern!(py, "as_list"), (texts,))
}

/// Whether `texts` is a list or a tuple: read as it is, item by item.
fn is_sequence(texts: &Bound<'_, PyAny>) -> bool {
    texts.is_instance_of::<PyList>() || texts.is_instance_of::<PyTuple>()
}

/// A string kept between batches for the next Arrow column's texts: a megabyte
/// of fresh memory costs a page fault per 4 KB when first written, which took
/// about as long as reading the column itself (measured on this project's
/// virtual machines). Concurrent batches each take their own: the second finds
/// none and allocates.
#[derive(Default)]
pub struct SpareText(Mutex<String>);

impl SpareText {
    /// Strings longer than this are freed after their batch, not kept.
    const KEPT: usize = 16 << 20;

    /// The kept string (empty), or a new one.
    pub fn take(&self) -> String {
        std::mem::take(&mut *self.kept())
    }

    /// Keep the string of `texts` for the next batch.
    pub fn give_back(&self, texts: Texts) {
        if let Texts::Spans { mut text, .. } = texts {
            if text.capacity() <= Self::KEPT {
                text.clear();
                *self.kept() = text;
            }
        }
    }

    /// The kept string, locked. A panic while it was held leaves at worst a
    /// string to clear, so a poisoned lock is taken as it is.
    fn kept(&self) -> MutexGuard<'_, String> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The texts of an Arrow column's chunks, end to end in one string (`text`,
/// emptied first).
fn from_chunks(chunks: &[Chunk<'_>], skip_invalid: bool, mut text: String) -> PyResult<Texts> {
    let items = chunks.iter().map(|chunk| chunk.4).sum();
    let bytes = chunks.iter().map(|chunk| chunk.0.as_bytes().len()).sum();
    text.clear();
    text.reserve(bytes);
    let mut spans = Vec::with_capacity(items);
    for (data, offsets, validity, first, len) in chunks {
        let chunk = ChunkBytes {
            data: data.as_bytes(),
            offsets: offsets.as_bytes(),
            validity: validity.as_ref().map(|v| v.as_bytes()),
            first: *first,
            len: *len,
        };
        let before = spans.len();
        chunk
            .read(skip_invalid, &mut text, &mut spans)
            .map_err(|error| error.into_py(before))?;
    }
    Ok(Texts::Spans { text, spans })
}

/// One chunk of an Arrow `large_string` column, as bytes.
struct ChunkBytes<'b> {
    data: &'b [u8],
    /// 64-bit little-endian offsets into `data`.
    offsets: &'b [u8],
    /// One bit per item, least significant first; `None`: no null.
    validity: Option<&'b [u8]>,
    /// The index of the chunk's first item in `offsets` and `validity`.
    first: usize,
    len: usize,
}

/// What is wrong with item `.0` of a chunk (counted from the chunk's first).
#[derive(Debug, PartialEq, Eq)]
enum ChunkError {
    Null(usize),
    /// Offsets that decrease or point outside the data.
    Malformed(usize),
    NotUtf8(usize, String),
}

impl ChunkError {
    /// The exception, naming the item by its index in the column (the chunk's
    /// first item being item `before`).
    fn into_py(self, before: usize) -> PyErr {
        match self {
            ChunkError::Null(at) => PyTypeError::new_err(format!(
                "texts[{}] is not a string (got a null)",
                before + at
            )),
            ChunkError::Malformed(at) => PyValueError::new_err(format!(
                "texts[{}]: the Arrow column's offsets point outside its data",
                before + at
            )),
            ChunkError::NotUtf8(at, why) => {
                PyValueError::new_err(format!("texts[{}] is not valid UTF-8: {why}", before + at))
            }
        }
    }
}

impl ChunkBytes<'_> {
    /// Add the chunk's texts to `text`, and their spans in it (`None` for a null,
    /// with `skip_invalid`) to `spans`.
    ///
    /// The chunk's bytes are checked as UTF-8 in one pass (`simdutf8`: with the
    /// standard library's check, the whole reading took four times as long on the
    /// bundled thread) and copied in one piece (a check and a copy per text took
    /// 1.4 times as long again); each text's span is then checked to lie inside
    /// them, on character boundaries.
    fn read(
        &self,
        skip_invalid: bool,
        text: &mut String,
        spans: &mut Vec<Option<Range<usize>>>,
    ) -> Result<(), ChunkError> {
        let Some(last) = self.len.checked_sub(1) else {
            return Ok(());
        };
        let item = |i: usize| {
            self.first
                .checked_add(i)
                .and_then(|at| span(self.offsets, at))
        };
        let whole = item(0)
            .zip(item(last))
            .map(|(a, b)| a.start..b.end)
            .ok_or(ChunkError::Malformed(0))?;
        let bytes = self
            .data
            .get(whole.clone())
            .ok_or(ChunkError::Malformed(0))?;
        let chunk_text = simdutf8::basic::from_utf8(bytes)
            // The standard library's check says where the bytes go wrong.
            .or_else(|_| std::str::from_utf8(bytes))
            .map_err(|e| {
                let wrong = whole.start + e.valid_up_to();
                let i = (0..self.len)
                    .find(|&i| item(i).is_some_and(|s| s.end > wrong))
                    .unwrap_or(0);
                ChunkError::NotUtf8(i, e.to_string())
            })?;
        let base = text.len();
        text.push_str(chunk_text);
        for i in 0..self.len {
            if !is_valid(self.validity, self.first + i) {
                if !skip_invalid {
                    return Err(ChunkError::Null(i));
                }
                spans.push(None);
                continue;
            }
            let one = item(i)
                .filter(|one| one.start >= whole.start && one.end <= whole.end)
                .ok_or(ChunkError::Malformed(i))?;
            let (start, end) = (one.start - whole.start, one.end - whole.start);
            if !(chunk_text.is_char_boundary(start) && chunk_text.is_char_boundary(end)) {
                let why = "it starts or ends inside a character".to_string();
                return Err(ChunkError::NotUtf8(i, why));
            }
            spans.push(Some(base + start..base + end));
        }
        Ok(())
    }
}

/// Whether item `at` of a chunk is not null (bit `at` of the bitmap, least
/// significant bit first, as Arrow lays it out).
fn is_valid(validity: Option<&[u8]>, at: usize) -> bool {
    validity.map_or(true, |bits| {
        bits.get(at / 8)
            .is_some_and(|byte| byte >> (at % 8) & 1 == 1)
    })
}

/// Bytes of item `at`, from its offset and the next one.
fn span(offsets: &[u8], at: usize) -> Option<Range<usize>> {
    let offset = |i: usize| -> Option<usize> {
        let bytes = offsets.get(i.checked_mul(8)?..)?.first_chunk::<8>()?;
        usize::try_from(i64::from_le_bytes(*bytes)).ok()
    };
    let (start, end) = (offset(at)?, offset(at.checked_add(1)?)?);
    (start <= end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offsets as Arrow lays them out.
    fn offsets(values: &[i64]) -> Vec<u8> {
        values.iter().flat_map(|o| o.to_le_bytes()).collect()
    }

    /// The texts `chunk` reads (skipping nulls), or its error.
    fn read(chunk: &ChunkBytes<'_>, skip_invalid: bool) -> Result<Vec<Option<String>>, ChunkError> {
        let (mut text, mut spans) = ("kept ".to_string(), Vec::new());
        chunk.read(skip_invalid, &mut text, &mut spans)?;
        Ok(spans
            .into_iter()
            .map(|span| span.map(|span| text[span].to_string()))
            .collect())
    }

    #[test]
    fn a_slice_with_nulls_reads_its_own_items() {
        // Items: "avant", null, "été", "", "fin"; the chunk is the last four.
        let offsets = offsets(&[0, 5, 5, 10, 10, 13]);
        let chunk = ChunkBytes {
            data: "avantétéfin".as_bytes(),
            offsets: &offsets,
            validity: Some(&[0b1_1101]),
            first: 1,
            len: 4,
        };
        let texts = read(&chunk, true).unwrap();
        let want = [None, Some("été"), Some(""), Some("fin")];
        assert_eq!(texts, want.map(|t| t.map(String::from)));
        assert_eq!(read(&chunk, false), Err(ChunkError::Null(0)));
    }

    #[test]
    fn bad_chunks_name_their_item_and_never_panic() {
        let chunk = |data, offsets, first, len| ChunkBytes {
            data,
            offsets,
            validity: None,
            first,
            len,
        };
        let ok = offsets(&[0, 2, 4]);
        // Not UTF-8 in the second item.
        assert!(matches!(
            read(&chunk(b"ok\xff!", &ok, 0, 2), false),
            Err(ChunkError::NotUtf8(1, _))
        ));
        // A boundary inside `é`.
        let inside = offsets(&[0, 1, 2]);
        assert_eq!(
            read(&chunk("é".as_bytes(), &inside, 0, 2), false),
            Err(ChunkError::NotUtf8(
                0,
                "it starts or ends inside a character".into()
            ))
        );
        // Decreasing, past the data, missing, or beyond any index.
        let decreasing = offsets(&[0, 3, 1, 4]);
        assert_eq!(
            read(&chunk(b"abcd", &decreasing, 0, 3), false),
            Err(ChunkError::Malformed(1))
        );
        assert_eq!(
            read(&chunk(b"ab", &ok, 0, 2), false),
            Err(ChunkError::Malformed(0))
        );
        assert_eq!(
            read(&chunk(b"abcd", &ok, 0, 3), false),
            Err(ChunkError::Malformed(0))
        );
        assert_eq!(
            read(&chunk(b"abcd", &ok, usize::MAX, 2), false),
            Err(ChunkError::Malformed(0))
        );
        assert_eq!(read(&chunk(b"", &[], 0, 0), false), Ok(vec![]));
    }

    #[test]
    fn bits_are_read_least_significant_first() {
        let bits = [0b0000_0101u8];
        let valid: Vec<bool> = (0..9).map(|at| is_valid(Some(&bits), at)).collect();
        assert_eq!(
            valid,
            [true, false, true, false, false, false, false, false, false]
        );
        assert!(is_valid(None, 100));
    }

    #[test]
    fn spans_come_from_two_offsets() {
        let offsets = offsets(&[0, 3, 3, 7, 2, -1]);
        assert_eq!(span(&offsets, 0), Some(0..3));
        assert_eq!(span(&offsets, 1), Some(3..3));
        assert_eq!(span(&offsets, 2), Some(3..7));
        // Decreasing, negative, past the end: refused, never a panic.
        assert_eq!(span(&offsets, 3), None);
        assert_eq!(span(&offsets, 4), None);
        assert_eq!(span(&offsets, 5), None);
        assert_eq!(span(&offsets, usize::MAX), None);
    }
}
