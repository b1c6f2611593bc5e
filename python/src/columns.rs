//! `Analyzer.analyze_columns`: the few values a data frame wants per text, as
//! columns (a dict of lists).
//!
//! The columns are a [`BatchConsumer`] of the batch: they grow run by run, in one pass
//! over the rows, and nothing else is kept of a text: not its string (as an
//! `Analysis` must keep it), not its brief once its row is made.

use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyRange, PyString, PyTuple};
use rustc_hash::FxHashMap;

use crate::brief::ScoresOnly;
use crate::convert::{label_str, stance_str};
use crate::shared::Shared;
use crate::stream::BatchConsumer;

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

/// The columns of a batch, a row added per text in input order.
///
/// Each column's values wait in a `Vec` and become a list at the end, made at its
/// final length: a list grown an item at a time is copied as it grows.
pub struct Columns<'a, 'py> {
    analyzer: &'a Shared,
    /// Stance as scores (`stance="score"`), else as labels.
    stance_score: bool,
    sentiment_score: Vec<Bound<'py, PyAny>>,
    sentiment_label: Vec<Bound<'py, PyAny>>,
    /// One per target, in the analyzer's (sorted) target order.
    stance: Vec<Vec<Bound<'py, PyAny>>>,
    frames: Vec<Bound<'py, PyAny>>,
    /// One tuple per distinct set of frames, shared by the rows that have it (most
    /// rows have none or the same few, and a tuple cannot be changed through
    /// another row). Looked up once per row: with the std hasher, the lookup was
    /// the largest cost of a row; the keys come from the analysis, not from
    /// someone who could choose them to collide.
    frame_sets: FxHashMap<Box<[u32]>, Bound<'py, PyAny>>,
    no_frames: Bound<'py, PyAny>,
    /// `None`, shared by every row (as the labels are: interned strings).
    none: Bound<'py, PyAny>,
}

impl<'a, 'py> Columns<'a, 'py> {
    /// No rows yet.
    pub fn new(py: Python<'py>, analyzer: &'a Shared, stance_score: bool) -> Self {
        let targets = analyzer.targets().len();
        Columns {
            analyzer,
            stance_score,
            sentiment_score: Vec::new(),
            sentiment_label: Vec::new(),
            stance: (0..targets).map(|_| Vec::new()).collect(),
            frames: Vec::new(),
            frame_sets: FxHashMap::default(),
            no_frames: PyTuple::empty(py).into_any(),
            none: py.None().into_bound(py),
        }
    }

    /// Add one row: `None` in each column for a skipped item.
    fn push(&mut self, row: Option<&ScoresOnly>) -> PyResult<()> {
        let Some(row) = row else {
            let none = &self.none;
            self.sentiment_score.push(none.clone());
            self.sentiment_label.push(none.clone());
            for column in &mut self.stance {
                column.push(none.clone());
            }
            self.frames.push(none.clone());
            return Ok(());
        };
        let py = self.none.py();
        let label = label_str(py, row.sentiment.label);
        self.sentiment_label.push(label.into_any());
        let score = PyFloat::new(py, row.sentiment.score);
        self.sentiment_score.push(score.into_any());
        let stances = row.stance.as_slice();
        for (index, column) in self.stance.iter_mut().enumerate() {
            column.push(match stances.get(index).copied().flatten() {
                None => self.none.clone(),
                Some((score, _)) if self.stance_score => PyFloat::new(py, score).into_any(),
                Some((_, label)) => stance_str(py, label).into_any(),
            });
        }
        let frames = self.frame_tuple(row.frames.as_slice())?;
        self.frames.push(frames);
        Ok(())
    }

    /// The shared tuple of the frame ids `frames` (indices, sorted).
    fn frame_tuple(&mut self, frames: &[u32]) -> PyResult<Bound<'py, PyAny>> {
        if frames.is_empty() {
            return Ok(self.no_frames.clone());
        }
        if let Some(tuple) = self.frame_sets.get(frames) {
            return Ok(tuple.clone());
        }
        let py = self.none.py();
        let tuple = PyTuple::new(py, self.analyzer.frame_names(py, frames))?.into_any();
        self.frame_sets.insert(frames.into(), tuple.clone());
        Ok(tuple)
    }

    /// The columns, in this order: `id` (the caller's `ids`, as many as rows,
    /// else `range(rows)`), `sentiment_score`, `sentiment_label`, one
    /// `stance_<target>` per target, `frames`.
    pub fn into_dict(self, ids: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyDict>> {
        let py = self.none.py();
        let dict = PyDict::new(py);
        let rows = self.frames.len();
        dict.set_item(intern!(py, "id"), id_column(py, ids, rows)?)?;
        let scores = PyList::new(py, self.sentiment_score)?;
        dict.set_item(intern!(py, "sentiment_score"), scores)?;
        let labels = PyList::new(py, self.sentiment_label)?;
        dict.set_item(intern!(py, "sentiment_label"), labels)?;
        let targets = self.analyzer.targets();
        for (target, column) in targets.iter().zip(self.stance) {
            let name = PyString::new(py, &format!("stance_{target}"));
            dict.set_item(name, PyList::new(py, column)?)?;
        }
        dict.set_item(intern!(py, "frames"), PyList::new(py, self.frames)?)?;
        Ok(dict)
    }
}

impl<'py> BatchConsumer<'py, ScoresOnly> for Columns<'_, 'py> {
    fn results(&mut self, results: Vec<Option<ScoresOnly>>) -> PyResult<()> {
        let n = results.len();
        self.sentiment_score.reserve(n);
        self.sentiment_label.reserve(n);
        for column in &mut self.stance {
            column.reserve(n);
        }
        self.frames.reserve(n);
        for row in &results {
            self.push(row.as_ref())?;
        }
        Ok(())
    }
}

/// The `id` column: the caller's ids (as many as texts) as a list, else
/// `range(n)`: no int made per row, and pandas and Polars take a `range` as an
/// integer column without reading it item by item.
fn id_column<'py>(
    py: Python<'py>,
    ids: Option<&Bound<'py, PyAny>>,
    n: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(ids) = ids else {
        // A batch has fewer items than `isize::MAX` (each is an object in memory).
        let stop = isize::try_from(n).map_err(|e| PyValueError::new_err(e.to_string()))?;
        return Ok(PyRange::new(py, 0, stop)?.into_any());
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
    Ok(list.into_any())
}
