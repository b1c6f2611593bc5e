//! What an `Analyzer` shares with the analyses and columns it makes: the library's
//! analyzer, and its topic's ids as Rust strings and as Python strings made once.
//!
//! `Analysis` and `Columns` hold or borrow this, not the Python `Analyzer` class,
//! so that they need nothing of `analyzer.rs` (which makes them).

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::brief::{Ids, ScoresOnly};

/// The library's analyzer and its topic's target and frame ids.
pub struct Shared {
    analyzer: avis_fr::Analyzer,
    /// The topic's target and frame ids, sorted (the order of `stance` in the
    /// JSON).
    ids: Ids,
    /// The same as Python strings.
    target_names: Vec<Py<PyString>>,
    frame_names: Vec<Py<PyString>>,
}

impl Shared {
    /// `analyzer` with its ids, the Python strings made now.
    pub fn new(py: Python<'_>, analyzer: avis_fr::Analyzer) -> Shared {
        let ids = Ids::of(&analyzer);
        let names = |ids: &[String]| {
            ids.iter()
                .map(|id| PyString::new(py, id).unbind())
                .collect()
        };
        Shared {
            target_names: names(&ids.targets),
            frame_names: names(&ids.frames),
            ids,
            analyzer,
        }
    }

    /// The library's analyzer.
    pub fn library(&self) -> &avis_fr::Analyzer {
        &self.analyzer
    }

    /// The brief of one text, analysed for its values alone (a brief holds no
    /// explanation).
    pub fn brief(&self, cache: &mut avis_fr::Cache, text: &str) -> ScoresOnly {
        ScoresOnly::of(&self.analyzer.analyze_scores(cache, text), &self.ids)
    }

    /// The topic's target ids, sorted.
    pub fn targets(&self) -> &[String] {
        &self.ids.targets
    }

    /// Target `index` (of [`targets`](Self::targets)) as a Python string.
    pub fn target_name<'py>(&self, py: Python<'py>, index: usize) -> Option<&Bound<'py, PyString>> {
        self.target_names.get(index).map(|name| name.bind(py))
    }

    /// Frames (indices into the sorted frame ids) as Python strings.
    pub fn frame_names<'py>(&self, py: Python<'py>, frames: &[u32]) -> Vec<Bound<'py, PyString>> {
        let names = frames.iter().filter_map(|&f| {
            let index = usize::try_from(f).ok()?;
            self.frame_names
                .get(index)
                .map(|name| name.bind(py).clone())
        });
        names.collect()
    }

    /// Frame `index` (of the sorted frame ids).
    pub fn frame_id(&self, index: u32) -> Option<&str> {
        let index = usize::try_from(index).ok()?;
        self.ids.frames.get(index).map(String::as_str)
    }
}
