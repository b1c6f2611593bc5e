//! Measuring the engine against labels a person gave: accuracy, per-class
//! precision, recall and F1, macro-F1 and the confusion matrix.
//!
//! What a user runs on a sample they labelled before trusting the engine on the
//! rest (`avis evaluate`), and what this project reports its figures with.
//!
//! ```
//! use avis_fr::evaluate::{Evaluation, Gold};
//! use avis_fr::Analyzer;
//!
//! let analyzer = Analyzer::default();
//! let mut evaluation = Evaluation::sentiment();
//! for (text, label) in [("Une honte.", "negative"), ("Bravo, très réussi !", "positive")] {
//!     let gold = Gold::sentiment(label).unwrap();
//!     evaluation.add(gold, evaluation.predict_sentiment(&analyzer.analyze(text)));
//! }
//! assert_eq!(evaluation.accuracy(), 1.0);
//! assert_eq!(evaluation.total(), 2);
//! ```

use std::fmt;

use serde::Serialize;

use crate::analysis::{Analysis, Label, StanceLabel};

/// A gold label, read from what a person wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gold {
    /// A sentiment label.
    Sentiment(Label),
    /// A stance label.
    Stance(StanceLabel),
}

impl Gold {
    /// A sentiment label as people write it: `negative`/`neutral`/`positive` (also
    /// `neg`, `neu`, `pos`, `négatif`, `neutre`, `positif`, any case), or a number
    /// whose sign says it (`-1`, `0`, `+2`, `0.5`). Labels of 0 and 1 for negative and
    /// positive must be written as words: 0 reads as neutral.
    pub fn sentiment(written: &str) -> Option<Gold> {
        let word = written.trim().to_lowercase();
        let label = match word.as_str() {
            "negative" | "neg" | "négatif" | "negatif" | "négative" => Label::Negative,
            "neutral" | "neu" | "neutre" | "none" => Label::Neutral,
            "positive" | "pos" | "positif" | "positivé" => Label::Positive,
            number => {
                let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite())?;
                match value.partial_cmp(&0.0)? {
                    std::cmp::Ordering::Less => Label::Negative,
                    std::cmp::Ordering::Equal => Label::Neutral,
                    std::cmp::Ordering::Greater => Label::Positive,
                }
            }
        };
        Some(Gold::Sentiment(label))
    }

    /// A stance label as people write it: `against`/`none`/`favor` (also `favour`,
    /// `contre`, `pour`, `neutre`, `neutral`, any case, as SemEval's `AGAINST`,
    /// `FAVOR`, `NONE`).
    pub fn stance(written: &str) -> Option<Gold> {
        let label = match written.trim().to_lowercase().as_str() {
            "against" | "contre" | "-1" => StanceLabel::Against,
            "none" | "neutral" | "neutre" | "aucune" | "0" => StanceLabel::None,
            "favor" | "favour" | "pour" | "for" | "1" | "+1" => StanceLabel::Favor,
            _ => return None,
        };
        Some(Gold::Stance(label))
    }

    /// Sentiment from a score's sign alone: positive above 0, negative below,
    /// neutral only at exactly 0 (no feeling found).
    pub fn by_sign(score: f64) -> Gold {
        Gold::Sentiment(if score > 0.0 {
            Label::Positive
        } else if score < 0.0 {
            Label::Negative
        } else {
            Label::Neutral
        })
    }

    /// The label's name as written in JSON (`negative`, `favor`).
    ///
    /// ```
    /// use avis_fr::evaluate::Gold;
    ///
    /// assert_eq!(Gold::stance("FAVOUR").unwrap().as_str(), "favor");
    /// assert_eq!(Gold::by_sign(-0.2).to_string(), "negative");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Gold::Sentiment(label) => label.as_str(),
            Gold::Stance(label) => label.as_str(),
        }
    }
}

impl fmt::Display for Gold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A confusion matrix over a fixed list of classes, and the figures read from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    classes: Vec<&'static str>,
    /// `confusion[gold][predicted]`.
    confusion: Vec<Vec<usize>>,
    /// Sentiment predicted from the score's sign alone (for gold labels without
    /// neutral, such as reviews rated good or bad).
    by_sign: bool,
}

/// Precision, recall and F1 of one class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassScores {
    /// The class (label as written in JSON).
    pub class: &'static str,
    /// Of the texts predicted in the class, the share that are.
    pub precision: f64,
    /// Of the texts in the class, the share predicted so.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are).
    pub f1: f64,
    /// Texts in the class.
    pub support: usize,
}

impl Evaluation {
    /// An evaluation of sentiment labels: negative, neutral, positive.
    pub fn sentiment() -> Evaluation {
        Evaluation::over(&Label::ALL.map(Label::as_str))
    }

    /// An evaluation of stance labels: against, none, favor.
    pub fn stance() -> Evaluation {
        Evaluation::over(&StanceLabel::ALL.map(StanceLabel::as_str))
    }

    fn over(classes: &[&'static str]) -> Evaluation {
        Evaluation {
            classes: classes.to_vec(),
            confusion: vec![vec![0; classes.len()]; classes.len()],
            by_sign: false,
        }
    }

    /// Predict sentiment from the sign of the score alone: positive above 0,
    /// negative below, neutral only at exactly 0 (no feeling found). For gold
    /// labels that are only positive or negative.
    pub fn by_sign(mut self) -> Evaluation {
        self.by_sign = true;
        self
    }

    /// The engine's sentiment label for this evaluation (see [`by_sign`](Self::by_sign)).
    pub fn predict_sentiment(&self, analysis: &Analysis<'_>) -> Gold {
        let sentiment = &analysis.sentiment;
        if self.by_sign {
            Gold::by_sign(sentiment.score)
        } else {
            Gold::Sentiment(sentiment.label)
        }
    }

    /// The engine's stance toward `target` (none when the topic has no such target).
    pub fn predict_stance(analysis: &Analysis<'_>, target: &str) -> Gold {
        let label = analysis.stance.get(target).map(|s| s.label);
        Gold::Stance(label.unwrap_or(StanceLabel::None))
    }

    /// Count one text: what the person said, what the engine said. Labels of the
    /// other kind (a stance label in a sentiment evaluation) are not counted.
    pub fn add(&mut self, gold: Gold, predicted: Gold) {
        let index = |label: Gold| self.classes.iter().position(|c| *c == label.as_str());
        if let (Some(g), Some(p)) = (index(gold), index(predicted)) {
            self.confusion[g][p] += 1;
        }
    }

    /// Texts counted.
    pub fn total(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    /// The share of texts the engine labelled as the person did.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..self.classes.len()).map(|i| self.confusion[i][i]).sum();
        ratio(right, self.total())
    }

    /// Precision, recall and F1 of each class, in the order of the classes.
    pub fn per_class(&self) -> Vec<ClassScores> {
        (0..self.classes.len())
            .map(|i| {
                let right = self.confusion[i][i];
                let predicted: usize = self.confusion.iter().map(|row| row[i]).sum();
                let support: usize = self.confusion[i].iter().sum();
                let (precision, recall) = (ratio(right, predicted), ratio(right, support));
                let f1 = if precision + recall > 0.0 {
                    2.0 * precision * recall / (precision + recall)
                } else {
                    0.0
                };
                ClassScores {
                    class: self.classes[i],
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect()
    }

    /// The mean F1 of the classes that occur in the gold labels.
    pub fn macro_f1(&self) -> f64 {
        let present: Vec<f64> = self
            .per_class()
            .into_iter()
            .filter(|c| c.support > 0)
            .map(|c| c.f1)
            .collect();
        mean(&present)
    }

    /// The mean F1 of the named classes (for stance, SemEval's measure is the mean
    /// of `against` and `favor`).
    pub fn macro_f1_of(&self, classes: &[&str]) -> f64 {
        let chosen: Vec<f64> = self
            .per_class()
            .into_iter()
            .filter(|c| classes.contains(&c.class))
            .map(|c| c.f1)
            .collect();
        mean(&chosen)
    }

    /// The classes, in the order of the confusion matrix's rows and columns.
    pub fn classes(&self) -> &[&'static str] {
        &self.classes
    }

    /// `confusion()[gold][predicted]`: texts of each gold class by predicted class.
    pub fn confusion(&self) -> &[Vec<usize>] {
        &self.confusion
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

impl fmt::Display for Evaluation {
    /// The figures as a small table for people.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} texts, accuracy {:.3}", self.total(), self.accuracy())?;
        writeln!(f, "macro-F1 {:.3}", self.macro_f1())?;
        writeln!(
            f,
            "\n{:<10} {:>9} {:>9} {:>9} {:>8}",
            "class", "precision", "recall", "F1", "texts"
        )?;
        for c in self.per_class() {
            writeln!(
                f,
                "{:<10} {:>9.3} {:>9.3} {:>9.3} {:>8}",
                c.class, c.precision, c.recall, c.f1, c.support
            )?;
        }
        writeln!(f, "\nconfusion (rows: gold, columns: predicted)")?;
        write!(f, "{:<10}", "")?;
        for class in &self.classes {
            write!(f, " {class:>9}")?;
        }
        writeln!(f)?;
        for (class, row) in self.classes.iter().zip(&self.confusion) {
            write!(f, "{class:<10}")?;
            for n in row {
                write!(f, " {n:>9}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

impl Serialize for Evaluation {
    /// `{"texts", "accuracy", "macro_f1", "classes": [...], "confusion": {...}}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("texts", &self.total())?;
        map.serialize_entry("accuracy", &self.accuracy())?;
        map.serialize_entry("macro_f1", &self.macro_f1())?;
        map.serialize_entry("classes", &self.per_class())?;
        let confusion: serde_json::Map<String, serde_json::Value> = self
            .classes
            .iter()
            .zip(&self.confusion)
            .map(|(gold, row)| {
                let row = self
                    .classes
                    .iter()
                    .zip(row)
                    .map(|(p, n)| (p.to_string(), (*n).into()));
                (gold.to_string(), serde_json::Value::Object(row.collect()))
            })
            .collect();
        map.serialize_entry("confusion", &confusion)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance(s: &str) -> Gold {
        Gold::stance(s).unwrap()
    }

    #[test]
    fn figures_from_a_known_confusion() {
        let mut e = Evaluation::stance();
        // 3 against (2 right, 1 as none), 1 favor (right), 2 none (1 as against).
        for (g, p) in [
            ("AGAINST", "against"),
            ("AGAINST", "against"),
            ("AGAINST", "none"),
            ("FAVOUR", "favor"),
            ("NONE", "none"),
            ("NONE", "against"),
        ] {
            e.add(stance(g), stance(p));
        }
        assert_eq!(e.total(), 6);
        assert!((e.accuracy() - 4.0 / 6.0).abs() < 1e-12);
        let against = &e.per_class()[0];
        assert!((against.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((against.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((e.macro_f1_of(&["against", "favor"]) - (2.0 / 3.0 + 1.0) / 2.0).abs() < 1e-12);
        assert_eq!(e.confusion()[1], vec![1, 1, 0]);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["confusion"]["none"]["against"], 1);
    }

    #[test]
    fn labels_as_people_write_them() {
        assert_eq!(
            Gold::sentiment("Positif"),
            Some(Gold::Sentiment(Label::Positive))
        );
        assert_eq!(
            Gold::sentiment("-2"),
            Some(Gold::Sentiment(Label::Negative))
        );
        assert_eq!(Gold::sentiment("0"), Some(Gold::Sentiment(Label::Neutral)));
        assert_eq!(Gold::sentiment("bof"), None);
        assert_eq!(Gold::stance("FAVOR"), Gold::stance("pour"));
        assert_eq!(Gold::stance("maybe"), None);
    }

    #[test]
    fn classes_absent_from_the_gold_do_not_count_in_macro_f1() {
        let mut e = Evaluation::sentiment();
        e.add(
            Gold::sentiment("pos").unwrap(),
            Gold::sentiment("pos").unwrap(),
        );
        e.add(
            Gold::sentiment("neg").unwrap(),
            Gold::sentiment("neutral").unwrap(),
        );
        // neutral has no gold text: its F1 (0) is left out of the mean.
        assert!((e.macro_f1() - 0.5).abs() < 1e-12);
    }
}
