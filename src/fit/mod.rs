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
mod logistic;
mod model;
mod report;
mod thresholds;

use std::path::Path;

use crate::analyzer::Analyzer;
use crate::builder::AnalyzerBuilder;
use crate::error::Error;
use crate::evaluate::Evaluation;
use crate::lexicon::Lexicon;
use crate::normalize::normalize;
use crate::weights::Weights;

pub use candidates::MIN_TEXTS;
pub use cv::FOLDS;
pub use labels::{check_counts, missing_column, read_labels, LabelMap, MIN_PER_CLASS};
pub use model::{Model, VERSION};
pub use report::{FitReport, Line};

use candidates::{base_feature, frequent, Observed};
use labels::{count, gold_of};
use logistic::{Design, Logistic};
use thresholds::{band, fit_band, label, with_band};

/// A learned weight gives a line only when its valence is at least this far from
/// 0 (or from the entry's valence, for an existing entry): clearly not nothing.
pub const MIN_VALENCE: f64 = 0.5;

/// The weight of the engine's score in the regression is taken as at least this,
/// so that a domain where the engine says little does not blow up valences: a
/// valence of 4 is then a weight of 2 at most (valences are capped at ±4).
const MIN_BASE_WEIGHT: f64 = 0.5;

/// What the learned lines, or a refitted band, must add to the held-out macro-F1
/// to be kept: less is taken for noise, and the engine is left as it is.
pub const MIN_GAIN: f64 = 0.005;

/// Folds of the scores the neutral band is fitted on.
const BAND_FOLDS: usize = 3;

/// What the labels say: sentiment, or stance toward a target of the topic.
///
/// ```
/// use avis_fr::fit::Task;
///
/// assert_eq!(Task::default(), Task::Sentiment);
/// let stance = Task::Stance("tramway".into());
/// assert_ne!(stance, Task::Sentiment);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Task {
    /// Sentiment labels: negative, neutral, positive.
    #[default]
    Sentiment,
    /// Stance labels toward this target of the topic: against, none, favor.
    Stance(String),
}

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

/// What one fit on some rows learned.
struct Learned {
    lines: Vec<Line>,
    band: (f64, f64),
    lambda: f64,
}

/// The labelled texts seen by the engine, shared by every fit.
struct Setup<'a> {
    base: &'a AnalyzerBuilder,
    task: &'a Task,
    examples: &'a [Example],
    classes: Vec<usize>,
    observed: Observed,
    /// The engine's score of each text as it is.
    base_scores: Vec<f64>,
    default: (f64, f64),
    weights: Weights,
    seed: u64,
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
        let ids = analyzer.topic().target_ids();
        if !ids.contains(&target.as_str()) {
            return Err(Error::Config(format!(
                "no target `{target}` in the topic (its targets: {}); pass --topic",
                ids.join(", ")
            )));
        }
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
            ("model.toml", model::header(&self.model.task)),
        ]
    }

    /// Write the model directory ([`files`](Self::files)), creating it, each file
    /// through a temporary file in the directory renamed into place.
    ///
    /// # Errors
    /// The directory or a file cannot be written (kind `io`).
    pub fn write(&self, dir: impl AsRef<Path>) -> Result<(), Error> {
        model::write_files(dir.as_ref(), &self.files())
    }
}

/// Each text's engine feature and candidates, with the analyzer as it is.
fn observe(analyzer: &Analyzer, task: &Task, examples: &[Example]) -> Observed {
    let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
    let mut observed = Observed::default();
    for (text, analysis) in texts.iter().zip(analyzer.analyze_many(&texts)) {
        observed.add(
            base_feature(task, &analysis, analyzer.weights()),
            text,
            &analysis,
        );
    }
    observed
}

/// The scores of the texts `rows` by `analyzer` (sentiment, or stance toward the
/// target).
fn scores(analyzer: &Analyzer, task: &Task, examples: &[Example], rows: &[usize]) -> Vec<f64> {
    analyzer.batch().map(rows, |cache, &row| {
        let analysis = analyzer.analyze_scores(cache, &examples[row].text);
        match task {
            Task::Sentiment => analysis.sentiment.score,
            Task::Stance(target) => analysis
                .stance
                .get(target.as_str())
                .map_or(0.0, |s| s.score),
        }
    })
}

/// The engine before (as it is, the default band; by sign when no label is
/// neutral) and after (fitted on the other folds), on every text.
fn cross_validate(setup: &Setup<'_>) -> Result<(Evaluation, Evaluation), Error> {
    let n = setup.examples.len();
    let all: Vec<usize> = (0..n).collect();
    let by_sign = *setup.task == Task::Sentiment && count(&setup.classes)[1] == 0;
    let (low, high) = if by_sign {
        (-1e-12, 1e-12)
    } else {
        setup.default
    };
    let before: Vec<usize> = setup
        .base_scores
        .iter()
        .map(|&s| {
            if by_sign && s == 0.0 {
                1
            } else {
                label(s, low, high)
            }
        })
        .collect();
    let mut after = vec![1; n];
    let folds = cv::stratified(&all, |r| setup.classes[r], FOLDS, setup.seed);
    for fold in folds.iter().filter(|f| !f.is_empty()) {
        let train = cv::rest(&all, fold);
        let learned = learn(setup, &train)?;
        let analyzer = adapted(setup, &learned.lines)?;
        for (&row, score) in fold
            .iter()
            .zip(scores(&analyzer, setup.task, setup.examples, fold))
        {
            after[row] = label(score, learned.band.0, learned.band.1);
        }
    }
    let evaluation = |predicted: &[usize]| {
        let mut evaluation = match setup.task {
            Task::Sentiment => Evaluation::sentiment(),
            Task::Stance(_) => Evaluation::stance(),
        };
        for (&gold, &predicted) in setup.classes.iter().zip(predicted) {
            evaluation.add(gold_of(setup.task, gold), gold_of(setup.task, predicted));
        }
        evaluation
    };
    Ok((evaluation(&before), evaluation(&after)))
}

/// The base analyzer with learned lines over it.
fn adapted(setup: &Setup<'_>, lines: &[Line]) -> Result<Analyzer, Error> {
    let text = render(lines, setup.examples.len(), setup.task);
    let lexicon = Lexicon::from_tsv("lexicon.tsv", &text)?;
    setup.base.clone().lexicon(lexicon).build()
}

/// Fit on the texts `rows`: the penalty, then the band on scores each text got
/// from lines fitted without it ([`BAND_FOLDS`] folds: scores of lines fitted on
/// the same texts would be too sure of themselves), then the lines on all `rows`,
/// if on those held-out scores they did better than the engine without them.
fn learn(setup: &Setup<'_>, rows: &[usize]) -> Result<Learned, Error> {
    let design = design(setup, rows);
    let lambda = cv::choose_lambda(&design.0, rows, setup.seed);
    let class = |r: usize| setup.classes[r];
    let folds = cv::stratified(rows, class, BAND_FOLDS, setup.seed.wrapping_add(1));
    let (mut held, mut held_scores) = (Vec::new(), Vec::new());
    for fold in folds.iter().filter(|f| !f.is_empty()) {
        let lines = fit_lines(setup, &cv::rest(rows, fold), lambda);
        let analyzer = adapted(setup, &lines)?;
        held_scores.extend(scores(&analyzer, setup.task, setup.examples, fold));
        held.extend(fold.iter().map(|&r| setup.classes[r]));
    }
    // What each choice gets on the same held-out texts: the lines are kept only if
    // they beat the engine with its band refitted, and a band only if it beats the
    // default one, each by MIN_GAIN of macro-F1.
    let with_lines = fit_band(setup.task, &held_scores, &held, setup.default);
    let base: Vec<f64> = folds
        .iter()
        .flatten()
        .map(|&r| setup.base_scores[r])
        .collect();
    let refitted = fit_band(setup.task, &base, &held, setup.default);
    let predicted: Vec<usize> = base
        .iter()
        .map(|&s| label(s, setup.default.0, setup.default.1))
        .collect();
    let as_is = thresholds::macro_f1(&held, &predicted);
    let (lines, band) = if with_lines.1 >= refitted.1.max(as_is) + MIN_GAIN {
        (fit_lines(setup, rows, lambda), with_lines.0)
    } else if refitted.1 >= as_is + MIN_GAIN {
        (Vec::new(), refitted.0)
    } else {
        (Vec::new(), setup.default)
    };
    Ok(Learned {
        lines,
        band,
        lambda,
    })
}

/// The design of the texts `rows`: every text's engine feature and the columns
/// of the candidates frequent in `rows` (with their candidate and texts).
fn design(setup: &Setup<'_>, rows: &[usize]) -> (Design, Vec<(u32, usize)>) {
    let kept = frequent(&setup.observed, rows);
    let mut column = vec![u32::MAX; setup.observed.candidates.len()];
    for (j, &(c, _)) in kept.iter().enumerate() {
        column[c as usize] = j as u32;
    }
    let columns = setup.observed.holds.iter().map(|held| {
        let of = held.iter().map(|&c| column[c as usize]);
        of.filter(|&j| j != u32::MAX).collect()
    });
    let design = Design {
        base: setup.observed.base.clone(),
        columns: columns.collect(),
        // Neutral texts too, as soft labels: their words are pulled toward no feeling.
        target: setup.classes.iter().map(|&c| c as f64 / 2.0).collect(),
        width: kept.len(),
    };
    (design, kept)
}

/// The lines learned from the texts `rows` with penalty `lambda`.
fn fit_lines(setup: &Setup<'_>, rows: &[usize], lambda: f64) -> Vec<Line> {
    let (design, kept) = design(setup, rows);
    let logistic = Logistic::fit(&design, rows, lambda);
    lines(setup, &design, rows, &kept, &logistic)
}

/// The lines of the weights clearly not nothing, heaviest first.
fn lines(
    setup: &Setup<'_>,
    design: &Design,
    rows: &[usize],
    kept: &[(u32, usize)],
    logistic: &Logistic,
) -> Vec<Line> {
    let scale = logistic.base.max(MIN_BASE_WEIGHT);
    let mut lines = Vec::new();
    for (j, &(c, texts)) in kept.iter().enumerate() {
        let change = logistic.weights[j] / scale;
        let candidate = &setup.observed.candidates[c as usize];
        let valence = (candidate.existing.unwrap_or(0.0) + change).clamp(-4.0, 4.0);
        let valence = (valence * 100.0).round() / 100.0;
        if change.abs() < MIN_VALENCE || valence.abs() < 0.1 {
            continue;
        }
        let example = rows
            .iter()
            .find(|&&r| design.columns[r].contains(&(j as u32)));
        lines.push(Line {
            term: candidate.written().to_string(),
            valence,
            previous: candidate.existing,
            texts,
            example: example.map_or(String::new(), |&r| setup.examples[r].id.clone()),
            weight: logistic.weights[j],
        });
    }
    let heavier = |a: &Line, b: &Line| {
        b.change()
            .abs()
            .total_cmp(&a.change().abs())
            .then_with(|| a.term.cmp(&b.term))
    };
    lines.sort_by(heavier);
    let mut seen = std::collections::HashSet::new();
    lines.retain(|line| seen.insert(normalize(&line.term).into_owned()));
    lines
}

/// `lexicon.tsv`: a header saying what the file is, then the lines.
fn render(lines: &[Line], texts: usize, task: &Task) -> String {
    let what = match task {
        Task::Sentiment => "sentiment labels".to_string(),
        Task::Stance(target) => format!("stance labels toward `{target}`"),
    };
    let mut out = format!(
        "# Lexicon lines learned by `avis fit` (avis-fr {VERSION}) from {texts} texts with {what}.\n\
         # The format of lexicons/*.tsv; added over the general lexicons by --model.\n\
         # The note says how many labelled texts a line rests on and one of them; a\n\
         # line whose valence was another says so (`was`). Delete or edit any line.\n\
         term\tkind\tvalence\tnote\n"
    );
    for line in lines {
        out.push_str(&line.to_tsv());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Topic;

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
