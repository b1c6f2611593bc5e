//! `Analyzer.analyze_columns`: the few values a data frame wants per text, as
//! columns (a dict of lists).

use std::collections::hash_map::{Entry, HashMap};

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::analyzer::Analyzer;
use crate::brief::Brief;
use crate::convert::{label_str, stance_str};

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
/// Labels and frame ids are Python strings made once, shared by every row.
pub fn to_dict<'py>(
    py: Python<'py>,
    analyzer: &Analyzer,
    ids: Bound<'py, PyList>,
    rows: &[Option<Brief>],
    stance_score: bool,
) -> PyResult<Bound<'py, PyDict>> {
    // Each column straight from the rows: no list of intermediate values.
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "id"), ids)?;
    let scores = rows.iter().map(|r| r.as_ref().map(|r| r.sentiment.score));
    dict.set_item(intern!(py, "sentiment_score"), PyList::new(py, scores)?)?;
    let sentiment = rows
        .iter()
        .map(|r| r.as_ref().map(|r| label_str(py, r.sentiment.label)));
    dict.set_item(intern!(py, "sentiment_label"), PyList::new(py, sentiment)?)?;
    for (index, target) in analyzer.targets_ref().iter().enumerate() {
        let stance = |r: &Option<Brief>| {
            r.as_ref()
                .and_then(|r| r.stance.as_slice().get(index).copied().flatten())
        };
        let column = if stance_score {
            PyList::new(py, rows.iter().map(|r| stance(r).map(|(score, _)| score)))?
        } else {
            let labels = rows
                .iter()
                .map(|r| stance(r).map(|(_, label)| stance_str(py, label)));
            PyList::new(py, labels)?
        };
        dict.set_item(format!("stance_{target}"), column)?;
    }
    dict.set_item(intern!(py, "frames"), frames(py, analyzer, rows)?)?;
    Ok(dict)
}

/// The `frames` column: a tuple per row, one per distinct set shared by the rows
/// that have it (most rows have none or the same few, and a tuple cannot be
/// changed through another row).
fn frames<'py>(
    py: Python<'py>,
    analyzer: &Analyzer,
    rows: &[Option<Brief>],
) -> PyResult<Bound<'py, PyList>> {
    let empty = PyTuple::empty(py);
    let mut sets: HashMap<&[u32], Bound<'py, PyTuple>> = HashMap::new();
    let mut frames = Vec::with_capacity(rows.len());
    for row in rows {
        let tuple = match row {
            None => None,
            Some(row) if row.frames.as_slice().is_empty() => Some(empty.clone()),
            Some(row) => Some(match sets.entry(row.frames.as_slice()) {
                Entry::Occupied(known) => known.get().clone(),
                Entry::Vacant(new) => {
                    let tuple = PyTuple::new(py, analyzer.frame_names(py, row.frames.as_slice()))?;
                    new.insert(tuple).clone()
                }
            }),
        };
        frames.push(tuple);
    }
    PyList::new(py, frames)
}
