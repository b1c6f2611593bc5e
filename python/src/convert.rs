//! Values between the library and Python: JSON values as Python objects, library
//! errors as Python exceptions, Python items as texts.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyIterator, PyList, PyString};
use serde_json::Value;

use crate::AvisError;

/// A JSON value as the Python object `json.loads` would give (same numbers).
pub fn json_to_py(py: Python<'_>, value: &Value) -> PyResult<PyObject> {
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(f)) => f.into_pyobject(py)?.into_any().unbind(),
            // Never for serde_json's own numbers; kept as text rather than lost.
            (None, None) => n.to_string().into_pyobject(py)?.into_any().unbind(),
        },
        Value::String(s) => PyString::new(py, s).into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// Anything serde can write, as Python objects.
pub fn to_py<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    let value = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_to_py(py, &value)
}

/// A library error as `avis_fr.AvisError`, its message the library's
/// (`file:line:column: message` for lexicons and topics) and its `kind` attribute
/// `"parse"`, `"config"` or `"io"`.
pub fn avis_error(py: Python<'_>, error: &avis_fr::Error) -> PyErr {
    let err = AvisError::new_err(error.to_string());
    // Setting an attribute on a fresh exception cannot fail in practice; if it
    // did, the message alone still says everything.
    let _ = err.value(py).setattr("kind", error.kind().as_str());
    err
}

/// The one text of `analyze(text)` or `tokenize(text)`.
pub fn one_text(item: &Bound<'_, PyAny>) -> PyResult<String> {
    match item.downcast::<PyString>() {
        Ok(text) => text
            .to_cow()
            .map(|t| t.into_owned())
            .map_err(|e| PyValueError::new_err(format!("text is not valid Unicode text: {e}"))),
        Err(_) => Err(PyTypeError::new_err(format!(
            "text must be a string, not {}",
            type_name(item)
        ))),
    }
}

/// The string an `Analysis` keeps: `text` itself when it is a `str`, a `str` of
/// the same text when it is an instance of a subclass.
pub fn exact_str(text: Bound<'_, PyString>) -> PyResult<Py<PyString>> {
    if text.is_exact_instance_of::<PyString>() {
        return Ok(text.unbind());
    }
    let copy = PyString::new(text.py(), &text.to_cow()?);
    Ok(copy.unbind())
}

/// An iterator over a batch's items; one string is refused (it would be read as
/// a batch of characters).
pub fn iterate<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of strings, not one string: use analyze(text) for one text",
        ));
    }
    texts.try_iter()
}

/// The Python type name of an object, for messages.
pub fn type_name(item: &Bound<'_, PyAny>) -> String {
    item.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |name| name.to_string())
}

/// The library's names of `all` (every variant of an enum, in order) as Python
/// strings, interned once: labels repeat in every row of a batch.
fn names<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    cell: &'static GILOnceCell<[Py<PyString>; N]>,
    all: [T; N],
    name: fn(T) -> &'static str,
) -> &'static [Py<PyString>; N] {
    cell.get_or_init(py, || {
        all.map(|variant| PyString::intern(py, name(variant)).unbind())
    })
}

/// A sentiment label as a Python string made once.
pub fn label_str(py: Python<'_>, label: avis_fr::Label) -> Bound<'_, PyString> {
    static NAMES: GILOnceCell<[Py<PyString>; 3]> = GILOnceCell::new();
    let all = names(py, &NAMES, avis_fr::Label::ALL, avis_fr::Label::as_str);
    // `ALL` is in declaration order: a variant's index is its discriminant.
    all[label as usize].bind(py).clone()
}

/// A stance label as a Python string made once.
pub fn stance_str(py: Python<'_>, label: avis_fr::StanceLabel) -> Bound<'_, PyString> {
    static NAMES: GILOnceCell<[Py<PyString>; 3]> = GILOnceCell::new();
    let all = names(
        py,
        &NAMES,
        avis_fr::StanceLabel::ALL,
        avis_fr::StanceLabel::as_str,
    );
    all[label as usize].bind(py).clone()
}
