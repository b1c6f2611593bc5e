//! Building an analyzer: lexicons, a topic and label thresholds, compiled once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analyzer::Analyzer;
use crate::error::Error;
use crate::lexicon::{compile, DEFAULT_LEXICONS};
use crate::lexicon::{Lexicon, Topic};
use crate::model::Model;
use crate::normalize::normalize;
use crate::pool::CachePool;
use crate::weights::Weights;

/// Configures an [`Analyzer`]: extra lexicons, a topic, label thresholds.
///
/// ```
/// use avis_fr::{Analyzer, Label, Lexicon};
///
/// let mine = Lexicon::from_tsv("mine.tsv", "term\tkind\tvalence\tnote\ncalamiteux\tsentiment\t-3\t\n")?;
/// let analyzer = Analyzer::builder().lexicon(mine).build()?;
/// assert_eq!(analyzer.analyze("Un projet calamiteux.").sentiment.label, Label::Negative);
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    defaults: bool,
    lexicons: Vec<Lexicon>,
    topic: Option<Topic>,
    weights: Weights,
    model: Option<PathBuf>,
    /// The normalized sentiment terms of the models added.
    model_terms: rustc_hash::FxHashSet<String>,
}

impl Default for AnalyzerBuilder {
    /// The embedded lexicons, no topic, the default thresholds.
    fn default() -> Self {
        AnalyzerBuilder {
            defaults: true,
            lexicons: Vec::new(),
            topic: None,
            weights: Weights::default(),
            model: None,
            model_terms: Default::default(),
        }
    }
}

impl Default for Analyzer {
    /// The embedded general lexicons, and no topic: sentiment and evidence, no
    /// targets and no frames until a topic names them.
    fn default() -> Self {
        // The embedded data is checked by the test suite; it cannot fail here.
        match Analyzer::builder().build() {
            Ok(analyzer) => analyzer,
            Err(error) => panic!("embedded lexicons are invalid: {error}"),
        }
    }
}

impl Analyzer {
    /// Start configuring an analyzer.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::builder().thresholds(-0.1, 0.1).build()?;
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }
}

/// A number per compiled analyzer, so that a cache knows whose words it holds.
static ANALYZERS: AtomicU64 = AtomicU64::new(1);

impl AnalyzerBuilder {
    /// Add a lexicon over the defaults: its entries add to them, and override a
    /// default entry of the same term and kind.
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicons.push(lexicon);
        self
    }

    /// Read stance and frames against this topic (by default there is none: no
    /// targets, no frames). See [`Topic::builtin`] for the bundled ones.
    pub fn topic(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Leave out the embedded lexicons: only what is added with
    /// [`lexicon`](Self::lexicon) is used.
    pub fn without_defaults(mut self) -> Self {
        self.defaults = false;
        self
    }

    /// Label thresholds: a score at or below `negative` is negative, at or above
    /// `positive` is positive. Defaults: -0.05 and 0.05.
    ///
    /// # Errors
    /// At [`build`](Self::build) time, unless `-1 <= negative < positive <= 1`.
    pub fn thresholds(mut self, negative: f64, positive: f64) -> Self {
        self.weights.sentiment.negative = negative;
        self.weights.sentiment.positive = positive;
        self
    }

    /// Every tuning constant at once (see [`Weights`]); the thresholds of
    /// [`thresholds`](Self::thresholds) are two of them, and the later call wins.
    ///
    /// # Errors
    /// At [`build`](Self::build) time, a value out of its range ([`Weights::check`]).
    ///
    /// ```
    /// use avis_fr::{Analyzer, Weights};
    ///
    /// let weights = Weights::from_toml("domain.toml", "[rules]\ncapitals = 1.5\n")?;
    /// let analyzer = Analyzer::builder().weights(weights).build()?;
    /// assert_eq!(analyzer.weights().rules.capitals, 1.5);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Add a model `avis fit` wrote (a directory, read at [`build`](Self::build)
    /// time): its lexicon over the others, and its weights (thresholds refitted)
    /// in place of these. Its learned entries show in the evidence with `source`
    /// `model`.
    ///
    /// # Errors
    /// At [`build`](Self::build) time, what [`Model::load`] says (kind `model` for
    /// a directory of another avis-fr version).
    ///
    /// ```
    /// let error = avis_fr::Analyzer::builder().model("no/such/model").build().unwrap_err();
    /// assert_eq!(error.kind(), avis_fr::ErrorKind::Model);
    /// ```
    pub fn model(mut self, dir: impl AsRef<Path>) -> Self {
        self.model = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Add a model already read (see [`model`](Self::model)).
    ///
    /// ```
    /// use avis_fr::fit::{Model, Task};
    /// use avis_fr::{Analyzer, Label, Lexicon, Weights};
    ///
    /// let lexicon = Lexicon::from_tsv("lexicon.tsv", "term\tkind\tvalence\tnote\nbouchons\tsentiment\t-2\t\n")?;
    /// let model = Model { task: Task::Sentiment, lexicon, weights: Weights::default() };
    /// let analyzer = Analyzer::builder().with_model(model).build()?;
    /// assert_eq!(analyzer.analyze("Des bouchons.").sentiment.label, Label::Negative);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn with_model(mut self, model: Model) -> Self {
        for entry in model.lexicon.entries() {
            if entry.kind == crate::lexicon::EntryKind::Sentiment {
                self.model_terms.insert(normalize(&entry.term).into_owned());
            }
        }
        self.lexicons.push(model.lexicon);
        self.weights = model.weights;
        self
    }

    /// Compile the analyzer.
    ///
    /// # Errors
    /// An embedded lexicon that does not parse (never, the tests check them),
    /// thresholds out of order or another weight out of its range, or lexicon patterns (`/mdr+/`) that together are too
    /// costly to compile.
    pub fn build(mut self) -> Result<Analyzer, Error> {
        if let Some(dir) = self.model.take() {
            self = self.with_model(Model::load(dir)?);
        }
        self.weights.check().map_err(Error::Config)?;
        let mut lexicons = Vec::new();
        if self.defaults {
            for (name, text) in DEFAULT_LEXICONS {
                lexicons.push(Lexicon::from_tsv(name, text)?);
            }
        }
        lexicons.extend(self.lexicons);
        let topic = self.topic.unwrap_or_default();
        let (matcher, index) = compile(&lexicons, &topic)?;
        Ok(Analyzer {
            id: ANALYZERS.fetch_add(1, Ordering::Relaxed),
            matcher,
            topic,
            index,
            weights: self.weights,
            caches: CachePool::new(),
            model_terms: self.model_terms,
        })
    }
}
