//! Python bindings of avis-fr: `avis_fr._native`, re-exported by the `avis_fr`
//! package (see `avis_fr/__init__.py`).
//!
//! The layer is thin: it turns Python arguments into library calls, runs batches
//! on threads without the GIL, and turns results into Python objects when they
//! are read. Nothing here panics on any input; every failure is a Python exception.
#![forbid(unsafe_code)]

mod analysis;
mod analyzer;
mod arrow;
mod brief;
mod columns;
mod config;
mod convert;
mod offsets;
mod shared;
mod stream;
mod texts;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

create_exception!(
    avis_fr,
    AvisError,
    PyValueError,
    "A lexicon, topic or setting the library rejects. The message is the library's \
     (`file:line:column: message` for lexicons and topics); `kind` is \"parse\", \
     \"config\" or \"io\"."
);

/// The tokens of a text as the library cuts them: a list of dicts with `text`,
/// `start` and `end` (Python string indices: `text[start:end]`) and `kind`
/// (`word`, `number`, `punct`, `url`, `email`, `mention`, `hashtag`, `emoticon`,
/// `emoji` or `symbol`).
#[pyfunction]
fn tokenize<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let text = convert::one_text(text)?;
    let tokens: Vec<avis_fr::Token<'_>> = avis_fr::tokenize(&text).collect();
    let bytes: Vec<usize> = tokens.iter().flat_map(|t| [t.start, t.end]).collect();
    let chars = offsets::char_indices(&text, &bytes);
    tokens
        .iter()
        .zip(chars.chunks_exact(2))
        .map(|(token, span)| {
            let dict = PyDict::new(py);
            dict.set_item("text", token.text)?;
            dict.set_item("start", span[0])?;
            dict.set_item("end", span[1])?;
            dict.set_item("kind", token.kind.as_str())?;
            Ok(dict)
        })
        .collect()
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<analyzer::Analyzer>()?;
    m.add_class::<analysis::Analysis>()?;
    m.add_class::<analysis::Sentiment>()?;
    m.add_class::<analysis::Stance>()?;
    m.add_class::<analysis::Evidence>()?;
    m.add_class::<analysis::Sentence>()?;
    m.add_class::<analysis::Rule>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add("AvisError", m.py().get_type::<AvisError>())?;
    m.add("BUILTIN_TOPICS", config::builtin_names())?;
    Ok(())
}
