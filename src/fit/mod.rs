//! Learning from the user's own labels (`avis fit`): lexicon lines for their
//! domain and the neutral band of the score, refitted on texts a person labelled,
//! written as a model directory of plain text files ([`Model`]).
//!
//! One file per stage: [`labels`](read_labels) read and check the labels;
//! `candidates` lists what each text offers (the engine's own score, the words and
//! two-word phrases no entry covers, the sentiment entries that matched);
//! `logistic` fits an L2-regularised logistic regression of the labels (a neutral
//! one as a soft label halfway) on those, its penalty chosen by cross-validation
//! (`cv`); a candidate's weight over
//! the weight of the engine's score is a valence on the engine's scale;
//! `thresholds` refits the neutral band; `report` measures the engine before and
//! after by cross-validation; `model` writes and reads the directory.
//!
//! ```
//! use avis_fr::fit::{fit, Example, FitOptions};
//! use avis_fr::Analyzer;
//!
//! let mut examples = Vec::new();
//! for i in 0..8 {
//!     examples.push(Example::new(format!("n{i}"), "Toujours des bouchons rue Nationale.", "negative"));
//!     examples.push(Example::new(format!("p{i}"), "Le tram passe toutes les cinq minutes.", "positive"));
//! }
//! let fitted = fit(&Analyzer::builder(), &examples, &FitOptions::default())?;
//! assert!(fitted.report.after.accuracy() >= fitted.report.before.accuracy());
//! let lexicon = fitted.lexicon_tsv();
//! assert!(lexicon.lines().any(|line| line.starts_with("bouchons\tsentiment\t-")), "{lexicon}");
//! # Ok::<(), avis_fr::Error>(())
//! ```

mod candidates;
mod cv;
mod labels;
mod learn;
mod logistic;
mod report;
mod thresholds;

use std::path::Path;

use crate::builder::AnalyzerBuilder;
use crate::error::Error;
use crate::lexicon::Lexicon;

pub use crate::model::{replace_dir, Model, Task, VERSION};
pub use candidates::MIN_TEXTS;
pub use cv::FOLDS;
pub use labels::{check_counts, missing_column, read_labels, LabelMap, MIN_PER_CLASS};
pub use report::{FitReport, Line};

pub use learn::{MIN_GAIN, MIN_VALENCE};

use learn::{cross_validate, learn, observe, render, scores, Setup};
use thresholds::{band, with_band};

/// One labelled text.
///
/// ```
/// let example = avis_fr::fit::Example::new("c1", "Une honte.", "negative");
/// assert_eq!(example.label, "negative");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The text's id (named as an example in the lines it supports).
    pub id: String,
    /// The text.
    pub text: String,
    /// The label, as the person wrote it.
    pub label: String,
}

impl Example {
    /// A labelled text.
    pub fn new(
        id: impl Into<String>,
        text: impl Into<String>,
        label: impl Into<String>,
    ) -> Example {
        Example {
            id: id.into(),
            text: text.into(),
            label: label.into(),
        }
    }
}

/// How to fit.
///
/// ```
/// let options = avis_fr::fit::FitOptions { seed: 7, ..Default::default() };
/// assert_eq!(options.task, avis_fr::fit::Task::Sentiment);
/// ```
#[derive(Clone, Debug, Default)]
pub struct FitOptions {
    /// Sentiment or stance labels.
    pub task: Task,
    /// The seed of the cross-validation folds: the same labels and seed give the
    /// same model.
    pub seed: u64,
    /// How the labels written map onto the expected ones.
    pub label_map: LabelMap,
}

/// What [`fit`] learned: the model and its report.
///
/// ```
/// # use avis_fr::fit::{fit, Example, FitOptions};
/// # let examples: Vec<Example> = (0..12).map(|i| Example::new(i.to_string(),
/// #     if i % 2 == 0 { "Bravo." } else { "Une honte." }, if i % 2 == 0 { "pos" } else { "neg" })).collect();
/// let fitted = fit(&avis_fr::Analyzer::builder(), &examples, &FitOptions::default())?;
/// let analyzer = avis_fr::Analyzer::builder().with_model(fitted.model.clone()).build()?;
/// assert!(fitted.report.texts == 12);
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Fitted {
    /// The learned lexicon and weights.
    pub model: Model,
    /// The figures before and after, and the heaviest lines.
    pub report: FitReport,
    lines: Vec<Line>,
    texts: usize,
}

/// Learn lexicon lines and thresholds from labelled texts, on top of the analyzer
/// `base` would build; measure the engine before and after by [`FOLDS`]-fold
/// cross-validation.
///
/// # Errors
/// Kind `labels` for label values not in the expected set or too few per class;
/// `config` for a stance target the topic does not have; any error of `base`.
pub fn fit(
    base: &AnalyzerBuilder,
    examples: &[Example],
    options: &FitOptions,
) -> Result<Fitted, Error> {
    let task = &options.task;
    let labels: Vec<&str> = examples.iter().map(|e| e.label.as_str()).collect();
    let classes = read_labels(task, &labels, &options.label_map)?;
    check_counts(task, &classes)?;
    let analyzer = base.clone().build()?;
    if let Task::Stance(target) = task {
        analyzer.topic().check_target(target)?;
    }
    let setup = Setup {
        base,
        task,
        examples,
        observed: observe(&analyzer, task, examples),
        base_scores: scores(
            &analyzer,
            task,
            examples,
            &(0..examples.len()).collect::<Vec<_>>(),
        ),
        default: band(task, analyzer.weights()),
        weights: analyzer.weights().clone(),
        classes,
        seed: options.seed,
    };
    let (before, after) = cross_validate(&setup)?;
    let all: Vec<usize> = (0..examples.len()).collect();
    let learned = learn(&setup, &all)?;
    let weights = with_band(task, &setup.weights, learned.band);
    let lexicon = Lexicon::from_tsv("lexicon.tsv", &render(&learned.lines, examples.len(), task))?;
    let report = FitReport::new(
        task,
        &setup.classes,
        options.seed,
        learned.lambda,
        (setup.default, learned.band),
        before,
        after,
        &learned.lines,
    );
    Ok(Fitted {
        model: Model {
            task: task.clone(),
            lexicon,
            weights,
        },
        report,
        lines: learned.lines,
        texts: examples.len(),
    })
}

impl Fitted {
    /// The learned lines as `lexicon.tsv` (a comment header, then one entry a line,
    /// each with a note saying how many texts it rests on and one of them).
    ///
    /// ```
    /// # use avis_fr::fit::{fit, Example, FitOptions};
    /// # let examples: Vec<Example> = (0..12).map(|i| Example::new(i.to_string(),
    /// #     if i % 2 == 0 { "Bravo." } else { "Une honte." }, if i % 2 == 0 { "pos" } else { "neg" })).collect();
    /// let fitted = fit(&avis_fr::Analyzer::builder(), &examples, &FitOptions::default())?;
    /// let lexicon = avis_fr::Lexicon::from_tsv("lexicon.tsv", &fitted.lexicon_tsv())?;
    /// assert_eq!(lexicon.len(), fitted.report.learned);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn lexicon_tsv(&self) -> String {
        render(&self.lines, self.texts, &self.model.task)
    }

    /// The files of the model directory, in the order to write them
    /// (`model.toml` last: a directory without it is no model).
    ///
    /// ```
    /// # use avis_fr::fit::{fit, Example, FitOptions};
    /// # let examples: Vec<Example> = (0..12).map(|i| Example::new(i.to_string(),
    /// #     if i % 2 == 0 { "Bravo." } else { "Une honte." }, if i % 2 == 0 { "pos" } else { "neg" })).collect();
    /// let fitted = fit(&avis_fr::Analyzer::builder(), &examples, &FitOptions::default())?;
    /// let names: Vec<&str> = fitted.files().iter().map(|(name, _)| *name).collect();
    /// assert_eq!(names, ["lexicon.tsv", "weights.toml", "report.md", "report.json", "model.toml"]);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn files(&self) -> Vec<(&'static str, String)> {
        let weights = format!(
            "# The weights of this model: the general ones, with the thresholds refitted\n\
             # on the labelled texts (see report.md). Read by --model with lexicon.tsv.\n{}",
            self.model.weights.to_toml()
        );
        let json = serde_json::to_string_pretty(&self.report).unwrap_or_default() + "\n";
        vec![
            ("lexicon.tsv", self.lexicon_tsv()),
            ("weights.toml", weights),
            ("report.md", self.report.to_markdown()),
            ("report.json", json),
            ("model.toml", crate::model::header(&self.model.task)),
        ]
    }

    /// Write the model directory ([`files`](Self::files)): into a temporary
    /// directory beside it, which then replaces it ([`replace_dir`]: an existing
    /// model is replaced whole, never mixed with the new files).
    ///
    /// # Errors
    /// The directory or a file cannot be written (kind `io`); an existing `dir`
    /// holds other files than a model's (kind `model`).
    ///
    /// ```
    /// # use avis_fr::fit::{fit, Example, FitOptions, Model};
    /// # let examples: Vec<Example> = (0..12).map(|i| Example::new(i.to_string(),
    /// #     if i % 2 == 0 { "Bravo." } else { "Une honte." }, if i % 2 == 0 { "pos" } else { "neg" })).collect();
    /// let fitted = fit(&avis_fr::Analyzer::builder(), &examples, &FitOptions::default())?;
    /// let dir = std::env::temp_dir().join(format!("avis-doc-model-{}", std::process::id()));
    /// fitted.write(&dir)?;
    /// let model = Model::load(&dir)?;
    /// assert_eq!(model.lexicon.entries(), fitted.model.lexicon.entries());
    /// assert_eq!(model.weights, fitted.model.weights);
    /// let analyzer = avis_fr::Analyzer::builder().model(&dir).build()?;
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        crate::model::write_files(dir.as_ref(), &self.files())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Topic};

    /// Texts the engine reads as neutral, labelled by words it does not know.
    fn examples() -> Vec<Example> {
        let negative = [
            "Toujours des bouchons rue Nationale.",
            "Des bouchons matin et soir.",
            "Encore les bouchons au rond-point.",
        ];
        let positive = [
            "Le tram passe toutes les cinq minutes.",
            "Un tram ponctuel ce matin.",
            "Le tram est ponctuel.",
        ];
        let mut examples = Vec::new();
        for i in 0..4 {
            for (j, text) in negative.iter().enumerate() {
                examples.push(Example::new(format!("n{i}{j}"), *text, "negative"));
            }
            for (j, text) in positive.iter().enumerate() {
                examples.push(Example::new(format!("p{i}{j}"), *text, "positive"));
            }
        }
        examples
    }

    #[test]
    fn the_same_labels_and_seed_give_the_same_model_and_it_helps() {
        let options = FitOptions {
            seed: 3,
            ..FitOptions::default()
        };
        let builder = Analyzer::builder();
        let first = fit(&builder, &examples(), &options).unwrap();
        let second = fit(&builder, &examples(), &options).unwrap();
        assert_eq!(first.lexicon_tsv(), second.lexicon_tsv());
        assert_eq!(first.model, second.model);
        assert!(first.report.after.macro_f1() > first.report.before.macro_f1());
        let tsv = first.lexicon_tsv();
        assert!(tsv.contains("\nbouchons\tsentiment\t-"), "{tsv}");
        assert!(tsv.contains("\nponctuel\tsentiment\t"), "{tsv}");
        let analyzer = Analyzer::builder().with_model(first.model).build().unwrap();
        let label = analyzer.analyze("Que de bouchons !").sentiment.label;
        assert_eq!(label, crate::Label::Negative);
    }

    #[test]
    fn a_stance_target_must_be_the_topics() {
        let options = FitOptions {
            task: Task::Stance("tram".into()),
            ..FitOptions::default()
        };
        let labels: Vec<Example> = examples()
            .into_iter()
            .map(|e| Example {
                label: if e.label == "negative" {
                    "against".into()
                } else {
                    "favor".into()
                },
                ..e
            })
            .collect();
        let error = fit(&Analyzer::builder(), &labels, &options).unwrap_err();
        assert!(error.to_string().contains("no target `tram`"), "{error}");
        let topic = Topic::from_toml(
            "t.toml",
            "[targets.tram]\nnames = [\"tram\", \"bouchons\"]\n",
        )
        .unwrap();
        let fitted = fit(&Analyzer::builder().topic(topic), &labels, &options).unwrap();
        assert_eq!(fitted.report.task, "stance");
    }
}
