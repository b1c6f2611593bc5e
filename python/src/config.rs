//! What `Analyzer(lexicons=..., topic=...)` is given, as library lexicons and topic.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{avis_error, type_name};

/// The names of the library's built-in topics.
pub fn builtin_names() -> Vec<&'static str> {
    avis_fr::Topic::builtin_names().collect()
}

/// A topic from a built-in name, TOML text or a path (`str`, read by the
/// library's [`avis_fr::Topic::load`], as the command line reads `--topic`; or
/// `os.PathLike`, always a path).
pub fn topic(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<avis_fr::Topic> {
    let loaded = if let Ok(text) = spec.downcast::<PyString>() {
        avis_fr::Topic::load(&text.to_cow()?)
    } else if let Ok(path) = spec.extract::<PathBuf>() {
        avis_fr::Topic::from_path(path)
    } else {
        return Err(PyTypeError::new_err(format!(
            "topic must be a built-in name ({}), TOML text or a path, not {}",
            builtin_names().join(", "),
            type_name(spec)
        )));
    };
    loaded.map_err(|e| avis_error(py, &e))
}

/// Lexicon `index` of the list: TSV text or a path (`str`, read by the library's
/// [`avis_fr::Lexicon::load`]; or `os.PathLike`).
pub fn lexicon(
    py: Python<'_>,
    spec: &Bound<'_, PyAny>,
    index: usize,
) -> PyResult<avis_fr::Lexicon> {
    let loaded = if let Ok(text) = spec.downcast::<PyString>() {
        avis_fr::Lexicon::load(&text.to_cow()?)
    } else if let Ok(path) = spec.extract::<PathBuf>() {
        avis_fr::Lexicon::from_path(path)
    } else {
        return Err(PyTypeError::new_err(format!(
            "lexicons[{index}] must be TSV text or a path, not {}",
            type_name(spec)
        )));
    };
    loaded.map_err(|e| avis_error(py, &e))
}
