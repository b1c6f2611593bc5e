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

/// Whether a string is the text of a file rather than a path or a name: a path
/// never holds a line break, a topic's TOML always has `=` or `[`, a lexicon's TSV
/// always a tab.
fn is_inline(text: &str, marks: &[char]) -> bool {
    text.contains('\n') || text.contains(marks)
}

/// A topic from a built-in name, TOML text or a path (`str` or `os.PathLike`).
pub fn topic(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<avis_fr::Topic> {
    let loaded = if let Ok(text) = spec.downcast::<PyString>() {
        let text = text.to_cow()?;
        if builtin_names().contains(&&*text) {
            avis_fr::Topic::builtin(&text)
        } else if is_inline(&text, &['=', '[']) {
            avis_fr::Topic::from_toml("<topic>", &text)
        } else if std::path::Path::new(&*text).exists() {
            avis_fr::Topic::from_path(&*text)
        } else {
            let err = crate::AvisError::new_err(format!(
                "topic {text:?} is neither a built-in topic ({}) nor a file",
                builtin_names().join(", ")
            ));
            let _ = err.value(py).setattr("kind", "io");
            return Err(err);
        }
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

/// Lexicon `index` of the list: TSV text or a path.
pub fn lexicon(
    py: Python<'_>,
    spec: &Bound<'_, PyAny>,
    index: usize,
) -> PyResult<avis_fr::Lexicon> {
    let loaded = if let Ok(text) = spec.downcast::<PyString>() {
        let text = text.to_cow()?;
        if is_inline(&text, &['\t']) {
            avis_fr::Lexicon::from_tsv(&format!("<lexicons[{index}]>"), &text)
        } else {
            avis_fr::Lexicon::from_path(&*text)
        }
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
