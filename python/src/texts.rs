//! The texts of a batch, copied out of Python as UTF-8 into one buffer.
//!
//! One buffer rather than a `String` per text: a batch allocates a few times
//! instead of once per text, and frees as little at the end. The Python strings
//! themselves are kept by the caller when it needs them (an `Analysis` holds its
//! `str`, never a copy). The bytes are read with the GIL ([`Read`]) and checked
//! as UTF-8 in one pass without it ([`Read::check`]): that pass is a few percent
//! of an analysis, better spent on a worker than on the thread that holds the GIL.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::type_name;

/// Byte range of each item in the buffer; `None` for an item that was not a
/// string (with `skip_invalid`).
type Spans = Vec<Option<(usize, usize)>>;

/// Texts in one UTF-8 buffer, each by its byte range.
pub struct Texts {
    buf: String,
    spans: Spans,
}

impl Texts {
    /// How many items (texts and skipped items).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Text `index`, `None` for a skipped item.
    pub fn get(&self, index: usize) -> Option<&str> {
        let (start, end) = self.spans.get(index).copied().flatten()?;
        self.buf.get(start..end)
    }

    /// Each item in order: its text, or `None` for a skipped item.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> {
        (0..self.len()).map(|index| self.get(index))
    }
}

/// Texts as read out of Python: Python's UTF-8, not yet checked as such here.
pub struct Read {
    bytes: Vec<u8>,
    spans: Spans,
}

impl Read {
    /// Room for about `n` texts.
    pub fn with_capacity(n: usize) -> Read {
        Read {
            // About half a kilobyte per comment, at most 16 MB ahead; the buffer
            // grows as it must.
            bytes: Vec::with_capacity(n.saturating_mul(512).min(16 << 20)),
            spans: Vec::with_capacity(n),
        }
    }

    /// How many items (texts and skipped items).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The texts, once the buffer is checked as UTF-8 (Python's encoder wrote
    /// it: an error here would be a bug).
    pub fn check(self) -> Result<Texts, String> {
        let buf = String::from_utf8(self.bytes)
            .map_err(|e| format!("internal error: a text read from Python is not UTF-8: {e}"))?;
        Ok(Texts {
            buf,
            spans: self.spans,
        })
    }

    /// Add item `index` of a batch (counted from the batch's start, for the
    /// message): its text and the string itself, or `None` when it is not a
    /// string and `skip_invalid`; else the exception that names the index.
    pub fn push<'py>(
        &mut self,
        item: &Bound<'py, PyAny>,
        index: usize,
        skip_invalid: bool,
    ) -> PyResult<Option<Bound<'py, PyString>>> {
        match self.push_text(item, index) {
            Ok(text) => Ok(Some(text)),
            Err(_) if skip_invalid => {
                self.spans.push(None);
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    fn push_text<'py>(
        &mut self,
        item: &Bound<'py, PyAny>,
        index: usize,
    ) -> PyResult<Bound<'py, PyString>> {
        let Ok(text) = item.downcast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "texts[{index}] is not a string (got {})",
                type_name(item)
            )));
        };
        // Python's own encoder (it refuses lone surrogates), then one copy into
        // the buffer: no `String` per text.
        let bytes = text.encode_utf8().map_err(|e| {
            PyValueError::new_err(format!("texts[{index}] is not valid Unicode text: {e}"))
        })?;
        let start = self.bytes.len();
        self.bytes.extend_from_slice(bytes.as_bytes());
        self.spans.push(Some((start, self.bytes.len())));
        Ok(text.clone())
    }
}

/// The texts of a batch (any iterable of `str`) and the strings themselves
/// (`None` for a skipped item).
pub fn read_all<'py>(
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
) -> PyResult<(Read, Vec<Option<Bound<'py, PyString>>>)> {
    let n = texts.len().unwrap_or(0);
    let mut read = Read::with_capacity(n);
    let mut strings = Vec::with_capacity(n);
    for (index, item) in crate::convert::iterate(texts)?.enumerate() {
        strings.push(read.push(&item?, index, skip_invalid)?);
    }
    Ok((read, strings))
}
