//! The analysis of one text as Python sees it.
//!
//! An [`Analysis`] builds Python objects only when an attribute is read. It holds
//! the text and its [`ScoresOnly`] (sentiment, each target's stance score and label,
//! frames): the rest (the reasons of a stance, evidence) is worked out again from
//! the text when first read, then kept. The library's analysis is deterministic (a
//! cache never changes a result), so this gives the same values; a corpus run that
//! reads only scores and labels never pays for copying every piece of evidence.

use std::sync::{Arc, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::brief::ScoresOnly;
use crate::convert::{json_to_py, label_str, stance_str, to_py};
use crate::offsets::char_indices;
use crate::shared::Shared;

/// The library's analysis of one text plus its evidence spans in code points.
pub struct Owned {
    pub inner: avis_fr::Analysis<'static>,
    /// `(start, end)` of each piece of evidence as Python string indices.
    pub spans: Vec<(usize, usize)>,
}

impl Owned {
    /// Keep `inner`, the analysis of `text`.
    pub fn new(text: &str, inner: avis_fr::Analysis<'static>) -> Owned {
        let bytes: Vec<usize> = inner
            .evidence
            .iter()
            .flat_map(|e| [e.start, e.end])
            .collect();
        let chars = char_indices(text, &bytes);
        let spans = chars
            .chunks_exact(2)
            .map(|pair| (pair[0], pair[1]))
            .collect();
        Owned { inner, spans }
    }
}

/// The analysis of one text: sentiment, stance per target, frames, evidence.
///
/// Attributes are built when read. Evidence `start`/`end` are Python string
/// indices (`text[e.start:e.end] == e.text`); `to_dict()` and `to_json()` give the
/// JSON of `avis score` (UTF-8 byte offsets, unless `to_dict(offsets="chars")`).
/// The reasons of a stance and the evidence are worked out again from the text
/// the first time one of them is read (same values), then kept.
#[pyclass(frozen, module = "avis_fr")]
pub struct Analysis {
    /// The `Analyzer` that made it (pickled with it).
    analyzer: Py<PyAny>,
    /// What it reads of its analyzer: the library's, and the topic's ids.
    shared: Arc<Shared>,
    /// The analysed `str` itself (no copy of it is kept).
    text: Py<PyString>,
    brief: ScoresOnly,
    full: OnceLock<Box<Owned>>,
}

impl Analysis {
    /// An analysis known by its brief; the rest on first read.
    pub fn lazy(
        analyzer: Py<PyAny>,
        shared: Arc<Shared>,
        text: Py<PyString>,
        brief: ScoresOnly,
    ) -> Analysis {
        Analysis {
            analyzer,
            shared,
            text,
            brief,
            full: OnceLock::new(),
        }
    }

    /// The full result, worked out now if it was not yet.
    fn full(&self, py: Python<'_>) -> PyResult<&Owned> {
        if let Some(full) = self.full.get() {
            return Ok(full);
        }
        // Encoded as UTF-8 once already, when it was analysed: this cannot fail.
        let text = self.text.bind(py).to_cow()?;
        let inner = self.shared.library().analyze(&text).into_owned();
        Ok(self.full.get_or_init(|| Box::new(Owned::new(&text, inner))))
    }
}

#[pymethods]
impl Analysis {
    /// The overall sentiment (`score` in [-1, 1], `label`, shares).
    #[getter]
    fn sentiment(&self) -> Sentiment {
        let s = &self.brief.sentiment;
        Sentiment {
            score: s.score,
            label: s.label,
            positive: s.positive,
            negative: s.negative,
            neutral: s.neutral,
        }
    }

    /// Stance per target id of the topic: `{target: Stance}` (empty without a
    /// topic), in `Analyzer.targets` order.
    #[getter]
    fn stance<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        let (this, py) = (slf.get(), slf.py());
        let dict = PyDict::new(py);
        for (target, stance) in this.brief.stance.as_slice().iter().enumerate() {
            if let (Some((score, label)), Some(name)) =
                (*stance, this.shared.target_name(py, target))
            {
                let stance = Stance {
                    analysis: slf.clone().unbind(),
                    target,
                    score,
                    label,
                };
                dict.set_item(name, stance)?;
            }
        }
        Ok(dict)
    }

    /// Ids of the frames the text argues with, sorted.
    #[getter]
    fn frames<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let names = self.shared.frame_names(py, self.brief.frames.as_slice());
        PyList::new(py, names)
    }

    /// The analysed text (the `str` that was given).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// Whether sentences, evidence or stance reasons were left out: a text longer
    /// than 1 MiB carries at most 100,000 of each (`avis_fr::KEEP`, the first in
    /// text order); its scores, labels and frames still count the whole text.
    #[getter]
    fn truncated(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.full(py)?.inner.truncated)
    }

    /// The sentiment of each sentence, in text order (a line break ends one too),
    /// by the same rules and scale as the whole text's.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Vec<Sentence>> {
        let sentences = &self.full(py)?.inner.sentences;
        let text = self.text.bind(py).to_cow()?;
        let bytes: Vec<usize> = sentences.iter().flat_map(|s| [s.start, s.end]).collect();
        let chars = char_indices(&text, &bytes);
        let sentences = sentences
            .iter()
            .zip(chars.chunks_exact(2))
            .map(|(s, span)| Sentence {
                // The library's spans are on char boundaries; `get` keeps a bug
                // from becoming a panic.
                text: text.get(s.start..s.end).unwrap_or_default().to_string(),
                start: span[0],
                end: span[1],
                byte_start: s.start,
                byte_end: s.end,
                score: s.score,
                label: s.label.as_str(),
            })
            .collect();
        Ok(sentences)
    }

    /// Every matched marker, in text order, with Python string indices.
    #[getter]
    fn evidence(&self, py: Python<'_>) -> PyResult<Vec<Evidence>> {
        let full = self.full(py)?;
        let (spans, evidence) = (&full.spans, &full.inner.evidence);
        Ok(evidence
            .iter()
            .zip(spans)
            .map(|(e, &span)| Evidence::new(e, span))
            .collect())
    }

    /// The analysis as `avis score` writes it: a dict of `sentiment`, `stance`,
    /// `frames`, `evidence`. `offsets="bytes"` (the default) keeps the UTF-8 byte
    /// offsets of the JSON; `offsets="chars"` gives Python string indices instead.
    #[pyo3(signature = (offsets = "bytes"))]
    fn to_dict(&self, py: Python<'_>, offsets: &str) -> PyResult<PyObject> {
        let full = self.full(py)?;
        let mut value =
            serde_json::to_value(&full.inner).map_err(|e| PyValueError::new_err(e.to_string()))?;
        match offsets {
            "bytes" => {}
            "chars" => {
                let evidence = value.get_mut("evidence").and_then(|e| e.as_array_mut());
                for (item, &(start, end)) in evidence.into_iter().flatten().zip(&full.spans) {
                    item["start"] = start.into();
                    item["end"] = end.into();
                }
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "offsets must be \"bytes\" or \"chars\", not {other:?}"
                )))
            }
        }
        json_to_py(py, &value)
    }

    /// The analysis as one line of JSON, exactly the fields `avis score` adds to a
    /// record (byte offsets).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string(&self.full(py)?.inner)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Pickling: the analyzer and the text; unpickling analyses the text again
    /// (the same result, the analysis being deterministic).
    fn __reduce__(&self, py: Python<'_>) -> PyResult<(PyObject, (Py<PyString>,))> {
        let analyze = self.analyzer.getattr(py, "analyze")?;
        Ok((analyze, (self.text.clone_ref(py),)))
    }

    fn __repr__(&self) -> String {
        let s = &self.brief.sentiment;
        let frames: Vec<&str> = self
            .brief
            .frames
            .as_slice()
            .iter()
            .filter_map(|&f| self.shared.frame_id(f))
            .collect();
        format!(
            "Analysis(sentiment={} {:+.3}, frames={frames:?})",
            s.label, s.score
        )
    }
}

/// The overall sentiment of a text.
#[pyclass(frozen, module = "avis_fr")]
pub struct Sentiment {
    /// Score in [-1, 1].
    #[pyo3(get)]
    score: f64,
    label: avis_fr::Label,
    /// Share of the sentiment mass that is positive.
    #[pyo3(get)]
    positive: f64,
    /// Share that is negative.
    #[pyo3(get)]
    negative: f64,
    /// Share of the tokens that carry no sentiment.
    #[pyo3(get)]
    neutral: f64,
}

#[pymethods]
impl Sentiment {
    /// `"negative"`, `"neutral"` or `"positive"`.
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        label_str(py, self.label)
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentiment(label={:?}, score={:.4}, positive={:.3}, negative={:.3}, neutral={:.3})",
            self.label.as_str(),
            self.score,
            self.positive,
            self.negative,
            self.neutral
        )
    }
}

/// Stance toward one target.
#[pyclass(frozen, module = "avis_fr")]
pub struct Stance {
    analysis: Py<Analysis>,
    /// Index of the target in the analyzer's sorted targets (`Shared::targets`).
    target: usize,
    /// Score in [-1, 1]: negative is against.
    #[pyo3(get)]
    score: f64,
    label: avis_fr::StanceLabel,
}

#[pymethods]
impl Stance {
    /// `"against"`, `"none"` or `"favor"`.
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        stance_str(py, self.label)
    }

    /// The reasons, in order: dicts with `kind`, their words, `value` and `text`
    /// (the sentence for people), as in the JSON.
    #[getter]
    fn because(&self, py: Python<'_>) -> PyResult<PyObject> {
        let analysis = self.analysis.get();
        let full = analysis.full(py)?;
        let target = analysis.shared.targets().get(self.target);
        match target.and_then(|target| full.inner.stance.get(target.as_str())) {
            Some(stance) => to_py(py, &stance.because),
            None => Ok(pyo3::types::PyList::empty(py).into_any().unbind()),
        }
    }

    fn __repr__(&self) -> String {
        let label = self.label.as_str();
        format!("Stance(label={label:?}, score={:.4})", self.score)
    }
}

/// The sentiment of one sentence.
#[pyclass(frozen, get_all, module = "avis_fr")]
pub struct Sentence {
    /// The sentence as written: `text[start:end]` of the analysed text.
    text: String,
    /// Index of its first character in the analysed string.
    start: usize,
    /// Index one past its last character.
    end: usize,
    /// UTF-8 byte offset of its start (as in the JSON of `avis score`).
    byte_start: usize,
    /// UTF-8 byte offset of its end.
    byte_end: usize,
    /// Score in [-1, 1].
    score: f64,
    /// `"negative"`, `"neutral"` or `"positive"`.
    label: &'static str,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence({:?}, {}..{}, label={:?}, score={:.3})",
            self.text, self.start, self.end, self.label, self.score
        )
    }
}

/// One matched marker with its span in the text (Python string indices).
#[pyclass(frozen, get_all, module = "avis_fr")]
pub struct Evidence {
    /// The text as written: `text[start:end]` of the analysed text.
    text: String,
    /// Index of its first character in the analysed string.
    start: usize,
    /// Index one past its last character.
    end: usize,
    /// UTF-8 byte offset of its start (as in the JSON of `avis score`).
    byte_start: usize,
    /// UTF-8 byte offset of its end.
    byte_end: usize,
    /// What it is: `sentiment`, `negator`, `target`, `frame`, `stance_marker`…
    role: &'static str,
    /// The lexicon entry that matched.
    entry: String,
    /// Target or frame id, for target, frame and stance-marker evidence.
    id: Option<String>,
    /// Where the entry comes from when not the general or your lexicons:
    /// `"model"` for a line `avis fit` learned (`Analyzer(model=...)`).
    source: Option<&'static str>,
    /// The entry's valence before rules.
    valence: f64,
    /// The rules that changed its weight, in order.
    rules: Vec<Rule>,
    /// What it added to the score it counts toward.
    contribution: f64,
}

impl Evidence {
    fn new(e: &avis_fr::Evidence<'static>, (start, end): (usize, usize)) -> Evidence {
        Evidence {
            text: e.text.to_string(),
            start,
            end,
            byte_start: e.start,
            byte_end: e.end,
            role: e.role.as_str(),
            entry: e.entry.to_string(),
            id: e.id.as_ref().map(|id| id.to_string()),
            source: e.source.map(|s| s.as_str()),
            valence: e.valence,
            rules: e.rules.iter().map(Rule::new).collect(),
            contribution: e.contribution,
        }
    }
}

#[pymethods]
impl Evidence {
    fn __repr__(&self) -> String {
        format!(
            "Evidence({:?}, {}..{}, role={:?}, contribution={:.3})",
            self.text, self.start, self.end, self.role, self.contribution
        )
    }
}

/// A rule that changed the weight of a sentiment word.
#[pyclass(frozen, get_all, module = "avis_fr")]
#[derive(Clone)]
pub struct Rule {
    /// Which rule: `intensifier`, `negation`, `capitals`, `contrast`, `irony_cue`…
    kind: &'static str,
    /// What it multiplied the weight by.
    factor: f64,
    /// The words that made it fire, as written, when there are.
    by: Option<String>,
    /// The rule as a sentence for people (``negation `pas` ×-0.75``).
    text: String,
}

impl Rule {
    fn new(rule: &avis_fr::Rule<'static>) -> Rule {
        Rule {
            kind: rule.kind.as_str(),
            factor: rule.factor,
            by: rule.by.as_ref().map(|by| by.to_string()),
            text: rule.to_string(),
        }
    }
}

#[pymethods]
impl Rule {
    fn __repr__(&self) -> String {
        format!("Rule({:?})", self.text)
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }
}
