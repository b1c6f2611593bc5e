//! `avis_fr.Analyzer`: one compiled analyzer, shared by every call and thread.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::analysis::Analysis;
use crate::arrow::{column, items, Column, SpareText};
use crate::brief::ScoresOnly;
use crate::columns::{stance_kind, Columns};
use crate::config;
use crate::convert::{avis_error, exact_str, one_text};
use crate::shared::Shared;
use crate::stream::{run_reading, BatchConsumer};
use crate::texts::{read_all, Texts};

/// Bytes above which `analyze` releases the GIL while it works.
const LONG_TEXT: usize = 4096;

/// Analyses French texts: sentiment, stance toward the topic's targets, argument
/// frames, and the evidence for each.
///
/// `Analyzer(lexicons=None, topic=None, *, defaults=True, thresholds=None, model=None)`:
///
/// - `lexicons`: extra lexicons over the embedded ones, each TSV text
///   (`term<TAB>kind<TAB>valence<TAB>note` lines under that header) or a path;
/// - `topic`: the targets, frames and stance markers to read, as a built-in name
///   (`"consultation-2015"`), TOML text or a path (a string is read as the command
///   line reads `--topic`: a built-in name first, then a file, then TOML text);
/// - `defaults=False` leaves the embedded lexicons out;
/// - `thresholds=(negative, positive)`: label thresholds (default `(-0.05, 0.05)`);
/// - `model`: the path of a model directory `avis fit` wrote: its learned lexicon
///   over the others and its weights (its thresholds, unless `thresholds` is given);
///   a learned line's evidence has `source` `"model"`.
///
/// A bad lexicon line or topic entry raises `AvisError` with the library's message
/// (`file:line:column: message`). Building compiles everything once; after that
/// the analyzer is immutable and safe to share across threads.
#[pyclass(frozen, module = "avis_fr")]
pub struct Analyzer {
    /// The library's analyzer (whose pool of caches every call takes from) and
    /// its topic's ids, shared with the analyses it makes.
    shared: Arc<Shared>,
    /// What it was built from, `(lexicons as a list or None, topic or None,
    /// defaults, thresholds, model)`: a pickled analyzer (a Spark closure, a process
    /// pool) is built again from them where it is unpickled.
    built_from: Py<PyTuple>,
    /// The memory Arrow columns' texts are copied into, kept between batches.
    arrow_text: SpareText,
}

impl Analyzer {
    /// The library's batch over this analyzer's caches, on `threads` threads (one
    /// per core by default).
    fn batch(&self, threads: Option<usize>) -> avis_fr::Batch<'_> {
        let batch = self.shared.library().batch();
        match threads {
            Some(threads) => batch.threads(threads),
            None => batch,
        }
    }

    /// The strings of a batch as they are read and the brief of each (`None` for
    /// an invalid item with `skip_invalid`), given to `consumer`. On one thread
    /// the texts are read first, then analysed without the GIL; on several, the
    /// workers start on the texts already read.
    fn briefs<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        skip_invalid: bool,
        consumer: &mut impl BatchConsumer<'py, ScoresOnly>,
    ) -> PyResult<()> {
        let batch = self.batch(threads);
        if batch.thread_count() > 1 {
            let shared = &*self.shared;
            let brief = |cache: &mut avis_fr::Cache, text: &str| shared.brief(cache, text);
            return run_reading(py, batch, texts, skip_invalid, brief, consumer);
        }
        let read = read_all(texts, skip_invalid, |string| consumer.string(string))?;
        self.briefs_of(py, &read, batch, consumer)
    }

    /// The brief of each of `texts`, read already, on the threads of `batch`
    /// without the GIL, given to `consumer`.
    fn briefs_of<'py>(
        &self,
        py: Python<'py>,
        texts: &Texts,
        batch: avis_fr::Batch<'_>,
        consumer: &mut impl BatchConsumer<'py, ScoresOnly>,
    ) -> PyResult<()> {
        let shared = &*self.shared;
        let briefs = py.allow_threads(|| {
            let texts: Vec<Option<&str>> = texts.iter().collect();
            batch.map(&texts, |cache, text| text.map(|t| shared.brief(cache, t)))
        });
        consumer.results(briefs)
    }
}

/// A batch as `analyze_many` keeps it: each string, and the results as they
/// came (one vector on one thread, a run at a time on several: kept as they are
/// rather than copied into one, which would be copied again as it grows).
struct Collect<'py, T> {
    strings: Vec<Option<Bound<'py, PyString>>>,
    runs: Vec<Vec<Option<T>>>,
}

impl<T> Default for Collect<'_, T> {
    fn default() -> Self {
        Collect {
            strings: Vec::new(),
            runs: Vec::new(),
        }
    }
}

impl<'py, T> BatchConsumer<'py, T> for Collect<'py, T> {
    fn string(&mut self, string: Option<&Bound<'py, PyString>>) {
        self.strings.push(string.cloned());
    }

    fn results(&mut self, results: Vec<Option<T>>) -> PyResult<()> {
        self.runs.push(results);
        Ok(())
    }
}

/// Texts read out of Python once, for timing the library alone.
#[pyclass(frozen, module = "avis_fr", name = "_LibraryTexts")]
pub struct LibraryTexts(Texts);

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (lexicons = None, topic = None, *, defaults = true, thresholds = None, model = None))]
    fn new(
        py: Python<'_>,
        lexicons: Option<&Bound<'_, PyAny>>,
        topic: Option<&Bound<'_, PyAny>>,
        defaults: bool,
        thresholds: Option<(f64, f64)>,
        model: Option<std::path::PathBuf>,
    ) -> PyResult<Analyzer> {
        // The lexicons as a list: an iterator can be read only once.
        let lexicons = match lexicons {
            None => None,
            // One string would otherwise be read as a list of characters.
            Some(one) if one.is_instance_of::<PyString>() => Some(PyList::new(py, [one])?),
            Some(many) => Some(PyList::new(
                py,
                many.try_iter()?.collect::<PyResult<Vec<_>>>()?,
            )?),
        };
        let mut builder = base_builder(py, lexicons.as_ref(), topic, defaults)?;
        if let Some(dir) = &model {
            let model = avis_fr::fit::Model::load(dir).map_err(|e| avis_error(py, &e))?;
            builder = builder.with_model(model);
        }
        if let Some((negative, positive)) = thresholds {
            builder = builder.thresholds(negative, positive);
        }
        let library = builder.build().map_err(|e| avis_error(py, &e))?;
        let built_from = (lexicons, topic, defaults, thresholds, model).into_pyobject(py)?;
        Ok(Analyzer {
            shared: Arc::new(Shared::new(py, library)),
            built_from: built_from.unbind(),
            arrow_text: SpareText::default(),
        })
    }

    /// `fit(texts, labels, model_dir, *, target=None, seed=1, label_map=None, ids=None)`:
    /// learn from labelled texts what `avis fit` learns (lexicon lines and the
    /// neutral band, on top of this analyzer's lexicons and topic), write the model
    /// to `model_dir`, and return `(analyzer, report)`: a new `Analyzer` with the
    /// model (`Analyzer(..., model=model_dir)`) and the report as a dict (the
    /// figures before and after, cross-validated, and the heaviest lines).
    ///
    /// `labels` are sentiment labels (`negative`/`neutral`/`positive`…), or with
    /// `target` stance labels toward that target of the topic; `label_map`
    /// (`"neg=negative,pos=positive"`) maps yours; `ids` name the texts in the
    /// lines' notes (default: their index). Bad labels raise `AvisError` (kind
    /// `labels`) listing the values found and the ones expected.
    #[pyo3(signature = (texts, labels, model_dir, *, target = None, seed = 1, label_map = None, ids = None))]
    #[allow(clippy::too_many_arguments)]
    fn fit<'py>(
        slf: &Bound<'py, Self>,
        texts: Vec<String>,
        labels: Vec<Bound<'py, PyAny>>,
        model_dir: std::path::PathBuf,
        target: Option<String>,
        seed: u64,
        label_map: Option<String>,
        ids: Option<Vec<Bound<'py, PyAny>>>,
    ) -> PyResult<(Analyzer, Bound<'py, PyAny>)> {
        let py = slf.py();
        if texts.len() != labels.len() || ids.as_ref().is_some_and(|ids| ids.len() != texts.len()) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "fit: {} texts, {} labels{}: give one label (and id) per text",
                texts.len(),
                labels.len(),
                ids.as_ref()
                    .map_or(String::new(), |ids| format!(", {} ids", ids.len()))
            )));
        }
        let built_from = slf.get().built_from.bind(py);
        let lexicons = built_from.get_item(0)?;
        let lexicons = lexicons.downcast::<PyList>().ok();
        let topic = built_from.get_item(1)?;
        let topic = (!topic.is_none()).then_some(&topic);
        let defaults: bool = built_from.get_item(2)?.extract()?;
        let builder = base_builder(py, lexicons, topic, defaults)?;
        let mut examples = Vec::with_capacity(texts.len());
        for (i, (text, label)) in texts.into_iter().zip(&labels).enumerate() {
            let id = match &ids {
                Some(ids) => ids[i].str()?.to_string(),
                None => i.to_string(),
            };
            examples.push(avis_fr::fit::Example::new(
                id,
                text,
                label.str()?.to_string(),
            ));
        }
        let label_map = match label_map {
            Some(spec) => avis_fr::fit::LabelMap::parse(&spec).map_err(|e| avis_error(py, &e))?,
            None => avis_fr::fit::LabelMap::default(),
        };
        let options = avis_fr::fit::FitOptions {
            task: target.map_or(avis_fr::fit::Task::Sentiment, avis_fr::fit::Task::Stance),
            seed,
            label_map,
        };
        let fitted =
            avis_fr::fit::fit(&builder, &examples, &options).map_err(|e| avis_error(py, &e))?;
        fitted.write(&model_dir).map_err(|e| avis_error(py, &e))?;
        let analyzer = Analyzer::new(
            py,
            lexicons.map(|l| l.as_any()),
            topic,
            defaults,
            None,
            Some(model_dir),
        )?;
        let json = serde_json::to_string(&fitted.report)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let report = py.import("json")?.call_method1("loads", (json,))?;
        Ok((analyzer, report))
    }

    /// The target ids of the topic, in order (each a key of `Analysis.stance`).
    #[getter]
    fn targets(&self) -> Vec<String> {
        self.shared
            .library()
            .topic()
            .target_ids()
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// The frame ids of the topic, in order.
    #[getter]
    fn frames(&self) -> Vec<String> {
        self.shared
            .library()
            .topic()
            .frames()
            .iter()
            .map(|f| f.id.clone())
            .collect()
    }

    /// Analyse one text (a `str`). Raises `TypeError` for anything else.
    ///
    /// Like `analyze_many`'s, the result holds the scores and works out the
    /// reasons and evidence when they are first read.
    fn analyze(slf: &Bound<'_, Self>, text: &Bound<'_, PyAny>) -> PyResult<Analysis> {
        let utf8 = one_text(text)?;
        let shared = &slf.get().shared;
        // The analyzer's own caches keep their word memo from call to call.
        let brief = |text: &str| shared.brief(&mut shared.library().caches().get(), text);
        // Releasing the GIL costs about a microsecond: worth it only when other
        // Python threads would wait longer than that (a text of a few KB).
        let brief = if utf8.len() > LONG_TEXT {
            slf.py().allow_threads(|| brief(&utf8))
        } else {
            brief(&utf8)
        };
        // `one_text` took it for a `str`.
        let text = exact_str(text.downcast::<PyString>()?.clone())?;
        Ok(Analysis::lazy(
            slf.clone().into_any().unbind(),
            Arc::clone(shared),
            text,
            brief,
        ))
    }

    /// Analyse many texts (any iterable of `str`) on `threads` threads (default:
    /// one per core), without the GIL; a list of `Analysis` in input order.
    ///
    /// Each `Analysis` holds its text (the `str` given), sentiment, each target's
    /// stance score and label, and frames; the reasons of a stance and the
    /// evidence are worked out again from the text when first read (the same
    /// values), so a pass that reads scores and labels costs little more than the
    /// analysis itself. For the values themselves, `analyze_columns` gives them as
    /// columns without an object per text.
    ///
    /// An item that is not a string raises `TypeError` naming its index, unless
    /// `skip_invalid=True`, which puts `None` in its place. A pandas or Polars
    /// Series is converted to a list at once (`series.tolist()`), not read item
    /// by item.
    #[pyo3(signature = (texts, threads = None, *, skip_invalid = false))]
    fn analyze_many<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
        skip_invalid: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut batch = Collect::default();
        let texts = items(texts)?;
        let this = slf.get();
        this.briefs(slf.py(), &texts, threads, skip_invalid, &mut batch)?;
        let mut analyses = Vec::with_capacity(batch.strings.len());
        let briefs = batch.runs.into_iter().flatten();
        for (text, brief) in batch.strings.into_iter().zip(briefs) {
            analyses.push(match (text, brief) {
                (Some(text), Some(brief)) => Some(Analysis::lazy(
                    slf.clone().into_any().unbind(),
                    Arc::clone(&this.shared),
                    exact_str(text)?,
                    brief,
                )),
                _ => None,
            });
        }
        PyList::new(slf.py(), analyses)
    }

    /// Analyse many texts into columns for a data frame: a dict of equal-length
    /// columns, `id`, `sentiment_score`, `sentiment_label`, `stance_<target>` for
    /// each target (its label, or its score with `stance="score"`) and `frames`
    /// (per text, a tuple of frame ids; rows with the same frames share one
    /// tuple). Each is a list, but for `id` without `ids`: `range(n)`. `ids` (same
    /// length as `texts`) fills the `id` column as a list.
    /// `pandas.DataFrame(columns)` and `polars.DataFrame(columns)` take the result
    /// as is (`id` an integer column, scores float columns).
    ///
    /// Nothing but these values is built: no object per text, no evidence, no
    /// string kept. That makes it the fastest way to these values through a
    /// corpus: a little faster than `analyze_many` itself from a list (whose lazy
    /// objects read nothing either: the analysis is nearly all of the time of
    /// both), and about 30% less time from a data frame's Arrow column (below),
    /// which `analyze_many` must take as a `str` per text.
    ///
    /// Invalid items as in `analyze_many`; with `skip_invalid=True` their row holds
    /// `None` in every column but `id`.
    ///
    /// `texts` is any iterable of `str`, or a data frame's column as it is. An
    /// Arrow string column (a Polars Series, a pandas Series of `str` stored in
    /// Arrow, the default of pandas 3 with pyarrow installed, a pyarrow array) is
    /// read from its UTF-8 buffers, with no `str` made per text; a null in it
    /// counts as a `None`. Any other Series or array is converted to a list at
    /// once, not read item by item.
    #[pyo3(signature = (texts, ids = None, threads = None, *, stance = "label", skip_invalid = false))]
    fn analyze_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
        stance: &str,
        skip_invalid: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        let mut columns = Columns::new(py, &self.shared, stance_kind(stance)?);
        match column(texts, skip_invalid, &self.arrow_text)? {
            Column::Items(items) => self.briefs(py, &items, threads, skip_invalid, &mut columns)?,
            Column::Arrow(read) => {
                // Read already, and without the GIL: nothing to overlap with the
                // reading, as `briefs` does on several threads.
                let done = self.briefs_of(py, &read, self.batch(threads), &mut columns);
                self.arrow_text.give_back(read);
                done?;
            }
        }
        columns.into_dict(ids)
    }

    /// Texts read out of Python once, for `_time_library`.
    fn _library_texts(&self, texts: &Bound<'_, PyAny>) -> PyResult<LibraryTexts> {
        Ok(LibraryTexts(read_all(texts, false, |_| ())?))
    }

    /// Time the library alone over texts from `_library_texts` (analyse and drop,
    /// no Python objects) on `threads` threads; returns the seconds taken.
    /// `evidence=False` times `analyze_scores` (the values alone), what the batch
    /// calls run.
    /// For `peers/measure_python.py`, which also reads the process's CPU time
    /// around it.
    #[pyo3(signature = (texts, threads = None, evidence = true))]
    fn _time_library(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, LibraryTexts>,
        threads: Option<usize>,
        evidence: bool,
    ) -> PyResult<f64> {
        let texts = &texts.get().0;
        let (library, batch) = (self.shared.library(), self.batch(threads));
        Ok(py.allow_threads(|| {
            let start = std::time::Instant::now();
            let texts: Vec<Option<&str>> = texts.iter().collect();
            let sums = batch.map(&texts, |cache, text| {
                let text = text.unwrap_or_default();
                let analysis = if evidence {
                    library.analyze_with(cache, text)
                } else {
                    library.analyze_scores(cache, text)
                };
                // Read the result, so that nothing is optimised away.
                analysis.sentiment.score + analysis.evidence.len() as f64
            });
            std::hint::black_box(sums);
            start.elapsed().as_secs_f64()
        }))
    }

    /// Pickling: the arguments it was built from (lexicons and topic as given:
    /// text and built-in names travel; paths must exist where it is unpickled).
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        let built_from = self.built_from.bind(py);
        let args = PyTuple::new(py, [built_from.get_item(0)?, built_from.get_item(1)?])?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("defaults", built_from.get_item(2)?)?;
        kwargs.set_item("thresholds", built_from.get_item(3)?)?;
        kwargs.set_item("model", built_from.get_item(4)?)?;
        Ok((args, kwargs))
    }

    fn __repr__(&self) -> String {
        format!(
            "Analyzer(topic={:?}, targets={:?})",
            self.shared.library().topic().name(),
            self.targets()
        )
    }
}

/// The library's builder of these lexicons (a list or None), topic and defaults:
/// what an analyzer is built from, and what `fit` learns on top of.
fn base_builder(
    py: Python<'_>,
    lexicons: Option<&Bound<'_, PyList>>,
    topic: Option<&Bound<'_, PyAny>>,
    defaults: bool,
) -> PyResult<avis_fr::AnalyzerBuilder> {
    let mut builder = avis_fr::Analyzer::builder();
    if !defaults {
        builder = builder.without_defaults();
    }
    for (index, spec) in lexicons.into_iter().flatten().enumerate() {
        builder = builder.lexicon(config::lexicon(py, &spec, index)?);
    }
    if let Some(topic) = topic {
        builder = builder.topic(config::topic(py, topic)?);
    }
    Ok(builder)
}
