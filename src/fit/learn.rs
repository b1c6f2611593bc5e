//! Learning, on some of the labelled texts: the candidates' weights by a
//! penalised logistic regression, turned into lexicon lines on the engine's scale;
//! the neutral band on held-out scores; the choice to keep the lines, the band, or
//! neither, by what they do on texts held out of their fit. Also the engine's
//! scores before and after, by cross-validation, for the report.

use std::collections::HashSet;

use crate::analyzer::Analyzer;
use crate::builder::AnalyzerBuilder;
use crate::error::Error;
use crate::evaluate::Evaluation;
use crate::fit::candidates::{base_feature, frequent, Observed};
use crate::fit::labels::{count, gold_of};
use crate::fit::logistic::{Design, Logistic};
use crate::fit::thresholds::{self, fit_band, label};
use crate::fit::{cv, Example, Line, Task, FOLDS, VERSION};
use crate::lexicon::Lexicon;
use crate::normalize::normalize;
use crate::weights::Weights;

/// A learned weight gives a line only when its valence is at least this far from
/// 0 (or from the entry's valence, for an existing entry): clearly not nothing.
///
/// ```
/// // Every learned line moves a valence (on the engine's -4..4 scale) this much or more.
/// assert_eq!(avis_fr::fit::MIN_VALENCE, 0.5);
/// ```
pub const MIN_VALENCE: f64 = 0.5;

/// The weight of the engine's score in the regression is taken as at least this,
/// so that a domain where the engine says little does not blow up valences: a
/// valence of 4 is then a weight of 2 at most (valences are capped at ±4).
const MIN_BASE_WEIGHT: f64 = 0.5;

/// What a refitted band must add to the held-out macro-F1 to be kept: less is
/// taken for noise, and the engine's band is left as it is. (Learned lines are
/// judged by how they order held-out texts, and must not lower that macro-F1.)
///
/// ```
/// assert!(avis_fr::fit::MIN_GAIN > 0.0 && avis_fr::fit::MIN_GAIN < 0.01);
/// ```
pub const MIN_GAIN: f64 = 0.005;

/// What the learned lines must add to the [concordance](thresholds::concordance)
/// of the held-out scores (the share of pairs of texts with different labels they
/// put in order) to be kept. Measured on the learning curves of
/// `peers/fit_baseline.py` (sizes 200 and 1000, seeds 1..3): allocine 0.873 ->
/// 0.877 at 200 labels and 0.876 -> 0.878 at 1000; without the macro-F1 check
/// beside it, tweets at 1000 fell from 0.653 to 0.641 (lines that order neutral
/// news among the tweets but move the band's cut the wrong way).
///
/// At 1,000 allocine labels the lines are mostly left out, and rightly: the gain
/// of `avis fit` there (0.859 -> 0.879) is the refitted band's. Measured on the
/// same curve (allocine, 1000 labels, seeds 1..3; fit 0.879 as it is): keeping the
/// lines always, their valences times 1.25 or 1.4, 0.870 and 0.869; valences times
/// 0.7, 1.25, 1.4, 1.55, 1.8, 2.4 under this rule, 0.872, 0.873, 0.883, 0.870,
/// 0.869, 0.868 (the one high figure is which folds' lines the rule let in, not a
/// trend); MIN_VALENCE 0.25 or 0.1, 0.880 and 0.875; MIN_TEXTS 2, 0.876; function
/// words as candidates, 0.868; a word's occurrences counted in the regression
/// (as the engine sums them) instead of once per text, 0.880. What a regression on
/// every word reaches is lost once its weights are lines the engine's rules weigh.
///
/// On three-class sets the lines are left out for the reason the branch `fit4`
/// found (they order pairs a little better and cut the neutral class worse); an
/// ordinal regression does not change it: one linear score and two cuts (the
/// neutral class between them, its width fitted with the lines) instead of a
/// neutral text as a soft label halfway. Measured on one draw of 1,000 labels
/// of each set (this rule's own held-out figures, first fold): tweets,
/// concordance 0.780 -> 0.783 and macro-F1 0.669 -> 0.640 (refitted band, then
/// the lines); the lines kept regardless, the fit's cross-validated macro-F1
/// 0.680 -> 0.654; restaurants, concordance 0.932 -> 0.932, 2 lines, 0.740 ->
/// 0.739. Not kept: no more lines pass this rule with it, and it adds a cut.
const MIN_ORDER_GAIN: f64 = 0.002;

/// Folds of the scores the neutral band is fitted on.
const BAND_FOLDS: usize = 3;

/// What one fit on some rows learned.
pub(crate) struct Learned {
    pub lines: Vec<Line>,
    pub band: (f64, f64),
    pub lambda: f64,
}

/// The labelled texts seen by the engine, shared by every fit.
pub(crate) struct Setup<'a> {
    pub base: &'a AnalyzerBuilder,
    pub task: &'a Task,
    pub examples: &'a [Example],
    pub classes: Vec<usize>,
    pub observed: Observed,
    /// The engine's score of each text as it is.
    pub base_scores: Vec<f64>,
    pub default: (f64, f64),
    pub weights: Weights,
    pub seed: u64,
}

/// Each text's engine feature and candidates, with the analyzer as it is.
pub(crate) fn observe(analyzer: &Analyzer, task: &Task, examples: &[Example]) -> Observed {
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
pub(crate) fn scores(
    analyzer: &Analyzer,
    task: &Task,
    examples: &[Example],
    rows: &[usize],
) -> Vec<f64> {
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
pub(crate) fn cross_validate(setup: &Setup<'_>) -> Result<(Evaluation, Evaluation), Error> {
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
/// if on those held-out scores they put the texts in a better order than the
/// engine without them, and lost no macro-F1.
pub(crate) fn learn(setup: &Setup<'_>, rows: &[usize]) -> Result<Learned, Error> {
    let design = design(setup, rows);
    let (lambda, fitted) = cv::choose_lambda(&design.0, rows, setup.seed);
    // The folds' fit, its weights by candidate, where the fits below start.
    let mut start = Logistic::zeros(setup.observed.candidates.len());
    (start.bias, start.base) = (fitted.bias, fitted.base);
    for (&(c, _), &w) in design.1.iter().zip(&fitted.weights) {
        start.weights[c as usize] = w;
    }
    let class = |r: usize| setup.classes[r];
    let folds = cv::stratified(rows, class, BAND_FOLDS, setup.seed.wrapping_add(1));
    let (mut held, mut held_scores) = (Vec::new(), Vec::new());
    for fold in folds.iter().filter(|f| !f.is_empty()) {
        let lines = fit_lines(setup, &cv::rest(rows, fold), lambda, &start);
        let analyzer = adapted(setup, &lines)?;
        held_scores.extend(scores(&analyzer, setup.task, setup.examples, fold));
        held.extend(fold.iter().map(|&r| setup.classes[r]));
    }
    // What each choice gets on the same held-out texts, its band fitted on other
    // texts: the lines are kept only if they order the texts better by
    // MIN_ORDER_GAIN and do not lower the macro-F1 of the engine with its band
    // refitted; a refitted band only if it beats the default one by MIN_GAIN.
    let (task, default) = (setup.task, setup.default);
    let base: Vec<f64> = folds
        .iter()
        .flatten()
        .map(|&r| setup.base_scores[r])
        .collect();
    let predicted: Vec<usize> = base
        .iter()
        .map(|&s| label(s, default.0, default.1))
        .collect();
    let as_is = thresholds::macro_f1(&held, &predicted);
    let refitted = thresholds::held_out_f1(task, &base, &held, default);
    let with_lines = thresholds::held_out_f1(task, &held_scores, &held, default);
    // Lines are judged first by how they order the held-out texts (whatever the
    // band), then by the macro-F1 with a band fitted on other texts: on a few
    // hundred texts the macro-F1 of one band cut moves by a point from chance, as
    // much as the lines add, and left lines out that held-out texts gained from.
    let ordered = thresholds::concordance(&held_scores, &held)
        >= thresholds::concordance(&base, &held) + MIN_ORDER_GAIN;
    let keep = ordered && with_lines >= refitted.max(as_is);
    let (lines, band) = if keep {
        let band = fit_band(task, &held_scores, &held, default).0;
        (fit_lines(setup, rows, lambda, &start), band)
    } else if refitted >= as_is + MIN_GAIN {
        (Vec::new(), fit_band(task, &base, &held, default).0)
    } else {
        (Vec::new(), default)
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

/// The lines learned from the texts `rows` with penalty `lambda`, the fit
/// starting from `start` (its weights by candidate: a fit of the same penalty on
/// other rows of the same texts, which the fit here is near).
fn fit_lines(setup: &Setup<'_>, rows: &[usize], lambda: f64, start: &Logistic) -> Vec<Line> {
    let (design, kept) = design(setup, rows);
    let start = Logistic {
        weights: kept
            .iter()
            .map(|&(c, _)| start.weights[c as usize])
            .collect(),
        ..*start
    };
    let logistic = Logistic::fit_from(&design, rows, lambda, start);
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
    let mut seen = HashSet::new();
    lines.retain(|line| seen.insert(normalize(&line.term).into_owned()));
    lines
}

/// `lexicon.tsv`: a header saying what the file is, then the lines.
pub(crate) fn render(lines: &[Line], texts: usize, task: &Task) -> String {
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
    use crate::fit::{fit, FitOptions};

    #[test]
    fn labels_that_words_do_not_explain_teach_nothing() {
        // Each text is labelled once positive, once negative.
        let words = ["tram", "bus", "gare", "ligne", "quai", "arrêt"];
        let mut examples = Vec::new();
        for (i, first) in words.iter().enumerate() {
            for (j, second) in words.iter().enumerate() {
                let text = format!("Le {first} et le {second}.");
                for label in ["positive", "negative"] {
                    let id = format!("{i}{j}{label}");
                    examples.push(Example::new(id, text.clone(), label));
                }
            }
        }
        let fitted = fit(&Analyzer::builder(), &examples, &FitOptions::default()).unwrap();
        assert_eq!(fitted.report.learned, 0, "{}", fitted.lexicon_tsv());
        assert!(fitted.report.to_markdown().contains("No lexicon line kept"));
    }

    #[test]
    fn the_lexicon_file_says_what_it_is_and_parses() {
        let line = Line {
            term: "bouchons".into(),
            valence: -1.5,
            previous: None,
            texts: 4,
            example: "t\t1".into(),
            weight: -0.7,
        };
        let text = render(&[line], 10, &Task::Stance("tram".into()));
        assert!(
            text.starts_with("# Lexicon lines learned by `avis fit`"),
            "{text}"
        );
        assert!(text.contains("stance labels toward `tram`"), "{text}");
        let lexicon = Lexicon::from_tsv("lexicon.tsv", &text).unwrap();
        assert_eq!(lexicon.entries()[0].note, "model: 4 texts, e.g. id t 1");
    }
}
