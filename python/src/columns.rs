//! `Analyzer.analyze_columns`: the few values a data frame wants per text, as
//! columns (a dict of lists).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// What one text gives to the columns.
pub struct Row {
    score: f64,
    label: &'static str,
    /// `(target id, score, label)` per target, in the analysis's order (by id).
    stance: Vec<(String, f64, &'static str)>,
    frames: Vec<String>,
}

impl Row {
    /// The row of one analysis (borrowed: nothing else is copied).
    pub fn of(analysis: &avis_fr::Analysis<'_>) -> Row {
        Row {
            score: analysis.sentiment.score,
            label: analysis.sentiment.label.as_str(),
            stance: analysis
                .stance
                .iter()
                .map(|(id, s)| (id.to_string(), s.score, s.label.as_str()))
                .collect(),
            frames: analysis.frames.iter().map(|f| f.to_string()).collect(),
        }
    }
}

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
pub fn ids<'py>(py: Python<'py>, ids: Option<&Bound<'py, PyAny>>, n: usize) -> PyResult<Bound<'py, PyList>> {
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
    rows: &[Option<Row>],
    stance_score: bool,
) -> PyResult<Bound<'py, PyDict>> {
    // Labels repeat: one Python string each, shared by every row.
    let interned = |label: &str| PyString::intern(py, label).into_any();
    let column = |value: &dyn Fn(&Row) -> PyResult<Bound<'py, PyAny>>| -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for row in rows {
            match row {
                Some(row) => list.append(value(row)?)?,
                None => list.append(py.None())?,
            }
        }
        Ok(list)
    };
    let dict = PyDict::new(py);
    dict.set_item("id", ids)?;
    dict.set_item("sentiment_score", column(&|r| Ok(r.score.into_pyobject(py)?.into_any()))?)?;
    dict.set_item("sentiment_label", column(&|r| Ok(interned(r.label)))?)?;
    for (index, target) in targets.iter().enumerate() {
        let stance = column(&|r| {
            // Every analysis has every target of its analyzer's topic; by position
            // only if the ids agree, else by id.
            let found = match r.stance.get(index) {
                Some(s) if &s.0 == target => Some(s),
                _ => r.stance.iter().find(|s| &s.0 == target),
            };
            Ok(match found {
                None => py.None().into_bound(py),
                Some(s) if stance_score => s.1.into_pyobject(py)?.into_any(),
                Some(s) => interned(s.2),
            })
        })?;
        dict.set_item(format!("stance_{target}"), stance)?;
    }
    dict.set_item("frames", column(&|r| Ok(PyList::new(py, &r.frames)?.into_any()))?)?;
    Ok(dict)
}
