//! `Analyzer.analyze_columns`: the few values a data frame wants per text, as
//! columns (a dict of lists).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::brief::Brief;

/// Whether `stance=` asks for scores (`"score"`) rather than labels (`"label"`).
pub fn stance_kind(stance: &str) -> PyResult<bool> {
    match stance {
        "label" => Ok(false),
        "score" => Ok(true),
        other => Err(PyValueError::new_err(format!(
            "stance must be \"label\" or \"score\", not {other:?}"
        ))),
    }
}

/// The `id` column: the caller's ids (as many as texts), else `0..n`.
pub fn ids<'py>(
    py: Python<'py>,
    ids: Option<&Bound<'py, PyAny>>,
    n: usize,
) -> PyResult<Bound<'py, PyList>> {
    let Some(ids) = ids else {
        return PyList::new(py, 0..n);
    };
    let list = PyList::empty(py);
    for id in ids.try_iter()? {
        list.append(id?)?;
    }
    if list.len() != n {
        return Err(PyValueError::new_err(format!(
            "ids has {} items but texts has {n}",
            list.len()
        )));
    }
    Ok(list)
}

/// The columns, in this order: `id`, `sentiment_score`, `sentiment_label`, one
/// `stance_<target>` per target, `frames`. A missing row (`None`) is `None` in each.
pub fn to_dict<'py>(
    py: Python<'py>,
    targets: &[String],
    ids: Bound<'py, PyList>,
    rows: &[Option<Brief>],
    stance_score: bool,
) -> PyResult<Bound<'py, PyDict>> {
    // Labels repeat: one Python string each, made once and shared by every row.
    let labels: Vec<(&str, Bound<'py, PyString>)> = [
        "negative", "neutral", "positive", "against", "none", "favor",
    ]
    .into_iter()
    .map(|label| (label, PyString::new(py, label)))
    .collect();
    let label = |name: &str| match labels.iter().find(|(l, _)| *l == name) {
        Some((_, object)) => object.clone(),
        None => PyString::new(py, name),
    };
    // Each column straight from the rows: no list of intermediate values.
    let dict = PyDict::new(py);
    dict.set_item("id", ids)?;
    let scores = rows.iter().map(|r| r.as_ref().map(|r| r.sentiment.score));
    dict.set_item("sentiment_score", PyList::new(py, scores)?)?;
    let sentiment = rows
        .iter()
        .map(|r| r.as_ref().map(|r| label(r.sentiment.label.as_str())));
    dict.set_item("sentiment_label", PyList::new(py, sentiment)?)?;
    for (index, target) in targets.iter().enumerate() {
        let stance = |r: &Option<Brief>| {
            r.as_ref()
                .and_then(|r| r.stance.get(index).copied().flatten())
        };
        let column = if stance_score {
            PyList::new(py, rows.iter().map(|r| stance(r).map(|(score, _)| score)))?
        } else {
            PyList::new(
                py,
                rows.iter().map(|r| stance(r).map(|(_, name)| label(name))),
            )?
        };
        dict.set_item(format!("stance_{target}"), column)?;
    }
    // Frames as tuples, one per distinct set shared by the rows that have it: most
    // rows have none or the same few, and a tuple cannot be changed through another row.
    // A list searched in order: there are few distinct sets, the empty one first.
    let mut sets: Vec<(&[String], Bound<'py, PyTuple>)> = vec![(&[], PyTuple::empty(py))];
    let mut frames = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(row) = row else {
            frames.push(None);
            continue;
        };
        let known = sets.iter().find(|(set, _)| *set == row.frames.as_slice());
        let tuple = match known {
            Some((_, tuple)) => tuple.clone(),
            None => {
                let tuple = PyTuple::new(py, &row.frames)?;
                sets.push((&row.frames, tuple.clone()));
                tuple
            }
        };
        frames.push(Some(tuple));
    }
    dict.set_item("frames", PyList::new(py, frames)?)?;
    Ok(dict)
}
