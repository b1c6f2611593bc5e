//! What a fit says about itself: the engine before and after on the labelled
//! texts (cross-validated), per class, with the confusion matrices, and the
//! learned lines that weigh most; as Markdown for people and JSON for programs.

use std::fmt::Write;

use serde::Serialize;

use crate::evaluate::Evaluation;
use crate::fit::labels::{count, names};
use crate::fit::{Task, FOLDS, VERSION};

/// The heaviest lines a report lists.
const SHOWN: usize = 25;

/// One learned lexicon line.
///
/// ```
/// let line = avis_fr::fit::Line {
///     term: "bouchons".into(), valence: -1.5, previous: None, texts: 4,
///     example: "c7".into(), weight: -0.6,
/// };
/// assert_eq!(line.to_tsv(), "bouchons\tsentiment\t-1.5\tmodel: 4 texts, e.g. id c7");
/// assert_eq!(line.change(), -1.5);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// The word or phrase, as most often written.
    pub term: String,
    /// Its learned valence, on the engine's scale (-4 to 4).
    pub valence: f64,
    /// The valence of the general entry it changes, if it is one.
    pub previous: Option<f64>,
    /// The labelled (polar) texts it rests on.
    pub texts: usize,
    /// The id of one of them.
    pub example: String,
    /// Its weight in the logistic regression.
    pub weight: f64,
}

impl Line {
    /// What the line changes: its valence, or its difference from the entry it
    /// changes.
    pub fn change(&self) -> f64 {
        self.valence - self.previous.unwrap_or(0.0)
    }

    /// The line as written in `lexicon.tsv`.
    pub fn to_tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let was = self
            .previous
            .map_or(String::new(), |p| format!("; was {p}"));
        format!(
            "{}\tsentiment\t{}\tmodel: {} texts, e.g. id {}{was}",
            clean(&self.term),
            self.valence,
            self.texts,
            clean(&self.example)
        )
    }
}

/// The figures of a fit.
///
/// ```
/// # use avis_fr::fit::{fit, Example, FitOptions};
/// # let examples: Vec<Example> = (0..12).map(|i| Example::new(i.to_string(),
/// #     if i % 2 == 0 { "Bravo." } else { "Une honte." }, if i % 2 == 0 { "pos" } else { "neg" })).collect();
/// let report = fit(&avis_fr::Analyzer::builder(), &examples, &FitOptions::default())?.report;
/// assert!(report.to_markdown().contains("| after"));
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct FitReport {
    /// The avis-fr version that fitted.
    pub avis_fr_version: &'static str,
    /// `sentiment` or `stance`.
    pub task: &'static str,
    /// The stance target, if any.
    pub target: Option<String>,
    /// Labelled texts.
    pub texts: usize,
    /// Labelled texts per class.
    pub per_class: Vec<(&'static str, usize)>,
    /// The seed of the folds.
    pub seed: u64,
    /// Folds of the cross-validation.
    pub folds: usize,
    /// The penalty chosen by cross-validation on all the texts.
    pub lambda: f64,
    /// The neutral band before (lower and upper threshold).
    pub band_before: (f64, f64),
    /// The neutral band refitted.
    pub band_after: (f64, f64),
    /// The engine as it is, on every labelled text.
    pub before: Evaluation,
    /// The engine with the model, each text scored by a model fitted without it.
    pub after: Evaluation,
    /// Lines learned from all the texts.
    pub learned: usize,
    /// The heaviest of them.
    pub heaviest: Vec<Line>,
}

impl FitReport {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        task: &Task,
        classes: &[usize],
        seed: u64,
        lambda: f64,
        (band_before, band_after): ((f64, f64), (f64, f64)),
        before: Evaluation,
        after: Evaluation,
        lines: &[Line],
    ) -> FitReport {
        let counts = count(classes);
        let (name, target) = match task {
            Task::Sentiment => ("sentiment", None),
            Task::Stance(target) => ("stance", Some(target.clone())),
        };
        FitReport {
            avis_fr_version: VERSION,
            task: name,
            target,
            texts: classes.len(),
            per_class: names(task).into_iter().zip(counts).collect(),
            seed,
            folds: FOLDS,
            lambda,
            band_before,
            band_after,
            before,
            after,
            learned: lines.len(),
            heaviest: lines.iter().take(SHOWN).cloned().collect(),
        }
    }

    /// The report as Markdown (`report.md`).
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        self.summary(&mut out);
        self.per_class(&mut out);
        for (name, e) in [("before", &self.before), ("after", &self.after)] {
            let _ = writeln!(
                out,
                "\n## Confusion {name} (rows: gold, columns: predicted)\n"
            );
            confusion(&mut out, e);
        }
        self.lines(&mut out);
        out
    }

    /// The title, what was fitted, and the figures before and after.
    fn summary(&self, out: &mut String) {
        let what = match &self.target {
            Some(target) => format!("stance toward `{target}`"),
            None => "sentiment".to_string(),
        };
        let counts: Vec<String> = self
            .per_class
            .iter()
            .map(|(c, n)| format!("{n} {c}"))
            .collect();
        let _ = writeln!(
            out,
            "# avis fit: {what}, from {} labelled texts\n",
            self.texts
        );
        let _ = writeln!(
            out,
            "avis-fr {}; labels: {}; seed {}; {}-fold cross-validation (each text scored by a model fitted on the other folds); penalty {} chosen by cross-validation.\n",
            self.avis_fr_version, counts.join(", "), self.seed, self.folds, self.lambda
        );
        let _ = writeln!(
            out,
            "| | accuracy | macro-F1 | neutral band |\n|---|---|---|---|"
        );
        let rows = [
            (
                "before (the engine as it is)",
                &self.before,
                self.band_before,
            ),
            ("after (with this model)", &self.after, self.band_after),
        ];
        for (name, e, (low, high)) in rows {
            let (accuracy, f1) = (e.accuracy(), e.macro_f1());
            let _ = writeln!(
                out,
                "| {name} | {accuracy:.3} | {f1:.3} | {low:+.3} .. {high:+.3} |"
            );
        }
        if self.learned == 0 {
            let _ = writeln!(
                out,
                "\nNo lexicon line kept: on texts held out of their fit, the lines learned did not put the texts in a better order than the engine without them, or lowered its macro-F1."
            );
        }
    }

    /// Precision, recall and F1 of each class, before and after.
    fn per_class(&self, out: &mut String) {
        let _ = writeln!(out, "\n## Per class\n\n| class | texts | before P / R / F1 | after P / R / F1 |\n|---|---|---|---|");
        for (b, a) in self.before.per_class().iter().zip(self.after.per_class()) {
            let _ = writeln!(
                out,
                "| {} | {} | {:.3} / {:.3} / {:.3} | {:.3} / {:.3} / {:.3} |",
                b.class, b.support, b.precision, b.recall, b.f1, a.precision, a.recall, a.f1
            );
        }
    }

    /// The heaviest learned lines, as a table.
    fn lines(&self, out: &mut String) {
        let _ = writeln!(out, "\n## The heaviest learned lines ({} of {} in lexicon.tsv)\n\n| term | valence | was | texts | e.g. id |\n|---|---|---|---|---|", self.heaviest.len(), self.learned);
        for line in &self.heaviest {
            let was = line.previous.map_or("new".to_string(), |p| format!("{p}"));
            let (term, example) = (
                line.term.replace('|', "\\|"),
                line.example.replace('|', "\\|"),
            );
            let _ = writeln!(
                out,
                "| {term} | {:+} | {was} | {} | {example} |",
                line.valence, line.texts
            );
        }
    }
}

/// A confusion matrix as a fenced block.
fn confusion(out: &mut String, e: &Evaluation) {
    let _ = write!(out, "```\n{:<10}", "");
    for class in e.classes() {
        let _ = write!(out, " {class:>9}");
    }
    let _ = writeln!(out);
    for (class, row) in e.classes().iter().zip(e.confusion()) {
        let _ = write!(out, "{class:<10}");
        for n in row {
            let _ = write!(out, " {n:>9}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "```");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_has_the_figures_and_the_lines() {
        let line = Line {
            term: "bouchons".into(),
            valence: -2.0,
            previous: None,
            texts: 5,
            example: "c|1".into(),
            weight: -1.0,
        };
        let mut before = Evaluation::sentiment();
        let mut after = Evaluation::sentiment();
        let (neg, pos) = (
            crate::evaluate::Gold::sentiment("negative").unwrap(),
            crate::evaluate::Gold::sentiment("positive").unwrap(),
        );
        before.add(neg, pos);
        after.add(neg, neg);
        let report = FitReport::new(
            &Task::Sentiment,
            &[0],
            1,
            3.0,
            ((-0.05, 0.05), (-0.1, 0.2)),
            before,
            after,
            &[line],
        );
        let markdown = report.to_markdown();
        assert!(
            markdown.contains("| after (with this model) | 1.000 |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| bouchons | -2 | new | 5 | c\\|1 |"),
            "{markdown}"
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["after"]["accuracy"], 1.0);
        assert_eq!(json["heaviest"][0]["term"], "bouchons");
    }
}
