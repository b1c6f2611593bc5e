//! The texts of a batch as UTF-8, in one of two forms.
//!
//! - Read from Python `str`s: each text is Python's own UTF-8 of the `str`
//!   ([`PyBackedStr`]: the bytes of `str.encode()` on the stable ABI of Python
//!   3.9), read with the GIL and used without it by the workers: no copy into Rust
//!   and no second check of the encoding. These values hold Python objects: a
//!   batch drops them where it holds the GIL (dropped without it, Python would
//!   free them later, at the next acquisition). The Python strings themselves are
//!   kept by the caller when it needs them (an `Analysis` holds its `str`, never a
//!   copy).
//! - Read from an Arrow string column (`crate::arrow`): the column's UTF-8
//!   checked and copied once into one Rust string, each text a span of it. No
//!   Python object per text is made at all.

use std::ops::Range;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use crate::convert::type_name;

/// Texts by index; `None` for an item that was not a string (with `skip_invalid`).
pub enum Texts {
    /// Each text a Python string's UTF-8.
    Strings(Vec<Option<PyBackedStr>>),
    /// Each text a span of one string.
    Spans {
        text: String,
        spans: Vec<Option<Range<usize>>>,
    },
}

impl Texts {
    /// Room for `n` texts.
    pub fn with_capacity(n: usize) -> Texts {
        Texts::Strings(Vec::with_capacity(n))
    }

    /// How many items (texts and skipped items).
    pub fn len(&self) -> usize {
        match self {
            Texts::Strings(strings) => strings.len(),
            Texts::Spans { spans, .. } => spans.len(),
        }
    }

    /// Text `index`, `None` for a skipped item.
    pub fn get(&self, index: usize) -> Option<&str> {
        match self {
            Texts::Strings(strings) => strings.get(index)?.as_deref(),
            // Every span lies on character boundaries of `text` (`crate::arrow`
            // checks them), so `get` never returns `None` for a text.
            Texts::Spans { text, spans } => text.get(spans.get(index)?.clone()?),
        }
    }

    /// Each item in order: its text, or `None` for a skipped item.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Add item `index` of a batch (counted from the batch's start, for the
    /// message) to texts read from Python strings: its text and the string itself,
    /// or `None` when it is not a string and `skip_invalid`; else the exception
    /// that names the index.
    pub fn push<'a, 'py>(
        &mut self,
        item: &'a Bound<'py, PyAny>,
        index: usize,
        skip_invalid: bool,
    ) -> PyResult<Option<&'a Bound<'py, PyString>>> {
        let Texts::Strings(strings) = self else {
            return Err(PyRuntimeError::new_err(
                "internal error: a string added to texts read from Arrow",
            ));
        };
        match utf8(item, index) {
            Ok((text, utf8)) => {
                strings.push(Some(utf8));
                Ok(Some(text))
            }
            Err(_) if skip_invalid => {
                strings.push(None);
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }
}

/// Item `index` of a batch and its UTF-8, or the exception that names the index.
fn utf8<'a, 'py>(
    item: &'a Bound<'py, PyAny>,
    index: usize,
) -> PyResult<(&'a Bound<'py, PyString>, PyBackedStr)> {
    let Ok(text) = item.downcast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "texts[{index}] is not a string (got {})",
            type_name(item)
        )));
    };
    // Python's encoder refuses lone surrogates.
    let utf8 = PyBackedStr::try_from(text.clone()).map_err(|e| {
        PyValueError::new_err(format!("texts[{index}] is not valid Unicode text: {e}"))
    })?;
    Ok((text, utf8))
}

/// The texts of a batch (any iterable of `str`); each string (`None` for a
/// skipped item) goes to `keep` as it is read.
pub fn read_all<'py>(
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
    mut keep: impl FnMut(Option<&Bound<'py, PyString>>),
) -> PyResult<Texts> {
    let mut read = Texts::with_capacity(texts.len().unwrap_or(0));
    for (index, item) in crate::convert::iterate(texts)?.enumerate() {
        let item = item?;
        keep(read.push(&item, index, skip_invalid)?);
    }
    Ok(read)
}
