//! The neutral band refitted: the thresholds on the score that make a label,
//! chosen on the training texts to give the best macro-F1 of the classes the
//! labels hold, the default band winning ties.

use crate::model::Task;
use crate::weights::Weights;

/// The thresholds are tried on this grid (scores are in [-1, 1]).
const STEP: f64 = 0.025;
const STEPS: usize = 24;

/// A label (class 0, 1 or 2) from a score and a band: at or below `low` is 0, at
/// or above `high` is 2, else 1.
pub(crate) fn label(score: f64, low: f64, high: f64) -> usize {
    if score <= low {
        0
    } else if score >= high {
        2
    } else {
        1
    }
}

/// The band of `weights` for a task: the sentiment thresholds, or the stance
/// threshold on either side.
pub(crate) fn band(task: &Task, weights: &Weights) -> (f64, f64) {
    match task {
        Task::Sentiment => (weights.sentiment.negative, weights.sentiment.positive),
        Task::Stance(_) => (-weights.stance.threshold, weights.stance.threshold),
    }
}

/// `weights` with the band `(low, high)` (for stance, its upper side).
pub(crate) fn with_band(task: &Task, weights: &Weights, (low, high): (f64, f64)) -> Weights {
    let mut weights = weights.clone();
    match task {
        Task::Sentiment => {
            weights.sentiment.negative = low;
            weights.sentiment.positive = high;
        }
        Task::Stance(_) => weights.stance.threshold = high,
    }
    weights
}

/// The macro-F1, over the classes present in `gold`, of `predicted`.
pub(crate) fn macro_f1(gold: &[usize], predicted: &[usize]) -> f64 {
    let mut confusion = [[0usize; 3]; 3];
    for (&g, &p) in gold.iter().zip(predicted) {
        confusion[g][p] += 1;
    }
    let mut sum = 0.0;
    let mut present = 0;
    for (c, row) in confusion.iter().enumerate() {
        let support: usize = row.iter().sum();
        if support == 0 {
            continue;
        }
        present += 1;
        let predicted: usize = (0..3).map(|g| confusion[g][c]).sum();
        let right = row[c] as f64;
        if right > 0.0 {
            let (precision, recall) = (right / predicted as f64, right / support as f64);
            sum += 2.0 * precision * recall / (precision + recall);
        }
    }
    sum / f64::from(present.max(1))
}

/// The band with the best macro-F1 of `scores` against `gold`, and that macro-F1;
/// for stance a band symmetric around 0. Ties go to the band nearest `default`.
pub(crate) fn fit_band(
    task: &Task,
    scores: &[f64],
    gold: &[usize],
    default: (f64, f64),
) -> ((f64, f64), f64) {
    let grid = |i: usize| i as f64 * STEP;
    let mut bands = Vec::new();
    if !gold.contains(&1) {
        // No text is neutral: one cut, and no band for a text to fall in.
        for i in 0..=2 * STEPS {
            let cut = grid(i) - grid(STEPS);
            bands.push((cut - 1e-9, cut));
        }
    }
    for i in (1..=STEPS).filter(|_| gold.contains(&1)) {
        match task {
            Task::Stance(_) => bands.push((-grid(i), grid(i))),
            Task::Sentiment => {
                for j in 0..=STEPS {
                    bands.push((-grid(i), grid(j)));
                    bands.push((-grid(j), grid(i)));
                }
            }
        }
    }
    let distance = |(l, h): (f64, f64)| (l - default.0).abs() + (h - default.1).abs();
    let mut best = (f64::NEG_INFINITY, default);
    for band in bands {
        let predicted: Vec<usize> = scores.iter().map(|&s| label(s, band.0, band.1)).collect();
        let f1 = macro_f1(gold, &predicted);
        let better = f1 > best.0 + 1e-12
            || ((f1 - best.0).abs() <= 1e-12 && distance(band) < distance(best.1));
        if better {
            best = (f1, band);
        }
    }
    (best.1, best.0)
}

/// How well `scores` order the texts by their labels, whatever the band: of the
/// pairs of texts with different labels, the share the scores put in the labels'
/// order (a tie counts half). On 2 classes this is the area under the ROC curve.
/// Unlike a macro-F1 it does not hang on where a band cuts, so it tells two
/// scorings apart on fewer texts.
pub(crate) fn concordance(scores: &[f64], gold: &[usize]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut below = [0usize; 3];
    let (mut agree, mut pairs) = (0.0, 0usize);
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end < order.len() && scores[order[end]] == scores[order[start]] {
            end += 1;
        }
        let mut tied = [0usize; 3];
        for &i in &order[start..end] {
            tied[gold[i]] += 1;
        }
        for (c, &n) in tied.iter().enumerate() {
            let lower: usize = below[..c].iter().sum();
            let higher: usize = below[c + 1..].iter().sum();
            let level: usize = tied[c + 1..].iter().sum();
            agree += (n * lower) as f64 + 0.5 * (n * level) as f64;
            pairs += n * (lower + higher + level);
        }
        for c in 0..3 {
            below[c] += tied[c];
        }
        start = end;
    }
    if pairs == 0 {
        0.5
    } else {
        agree / pairs as f64
    }
}

/// The macro-F1 a band fitted on other texts gets: the texts are cut in two
/// halves (every other text of each class), each half labelled with the band
/// fitted on the other. The best band's own macro-F1 on the texts it was chosen
/// on is too sure of itself, the more so the fewer the texts.
pub(crate) fn held_out_f1(task: &Task, scores: &[f64], gold: &[usize], default: (f64, f64)) -> f64 {
    let mut seen = [0usize; 3];
    let half: Vec<bool> = gold
        .iter()
        .map(|&g| {
            seen[g] += 1;
            seen[g] % 2 == 0
        })
        .collect();
    let mut predicted = vec![1; scores.len()];
    for side in [false, true] {
        let half = &half;
        let pick = |on: bool| (0..scores.len()).filter(move |&i| half[i] == on);
        let fit_scores: Vec<f64> = pick(!side).map(|i| scores[i]).collect();
        let fit_gold: Vec<usize> = pick(!side).map(|i| gold[i]).collect();
        let ((low, high), _) = fit_band(task, &fit_scores, &fit_gold, default);
        for i in pick(side) {
            predicted[i] = label(scores[i], low, high);
        }
    }
    macro_f1(gold, &predicted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_neutral_band_is_found_when_the_neutral_texts_score_a_little() {
        let scores = [-0.6, -0.5, -0.2, -0.1, 0.0, 0.15, 0.2, 0.5, 0.7];
        let gold = [0, 0, 1, 1, 1, 1, 1, 2, 2];
        let ((low, high), _) = fit_band(&Task::Sentiment, &scores, &gold, (-0.05, 0.05));
        assert!(low < -0.2 && low > -0.5, "{low}");
        assert!(high > 0.2 && high < 0.5, "{high}");
        let predicted: Vec<usize> = scores.iter().map(|&s| label(s, low, high)).collect();
        assert_eq!(macro_f1(&gold, &predicted), 1.0);
        let weights = with_band(&Task::Sentiment, &Weights::default(), (low, high));
        assert_eq!(band(&Task::Sentiment, &weights), (low, high));
        assert!(weights.check().is_ok());
    }

    #[test]
    fn without_neutral_labels_one_cut_is_fitted() {
        let scores = [-0.5, -0.1, 0.02, 0.1, 0.3, 0.6];
        let gold = [0, 0, 0, 2, 2, 2];
        let ((low, high), _) = fit_band(&Task::Sentiment, &scores, &gold, (-0.05, 0.05));
        assert!(high - low < 1e-6, "{low} {high}");
        assert!(high > 0.02 && high <= 0.1, "{high}");
    }

    #[test]
    fn a_band_fitted_on_other_texts_is_not_too_sure_of_itself() {
        let mut rng = crate::fit::cv::Rng::new(4);
        let gold: Vec<usize> = (0..60).map(|i| i % 3).collect();
        // Scores that say nothing of the labels.
        let scores: Vec<f64> = (0..60)
            .map(|_| (rng.next() % 200) as f64 / 100.0 - 1.0)
            .collect();
        let ((_, _), own) = fit_band(&Task::Sentiment, &scores, &gold, (-0.05, 0.05));
        let held = held_out_f1(&Task::Sentiment, &scores, &gold, (-0.05, 0.05));
        assert!(held < own - 0.05, "{held} {own}");
    }

    #[test]
    fn the_concordance_counts_the_pairs_put_in_order() {
        let gold = [0, 0, 1, 2, 2];
        assert_eq!(concordance(&[-0.5, -0.4, 0.0, 0.3, 0.6], &gold), 1.0);
        assert_eq!(concordance(&[0.5, 0.4, 0.0, -0.3, -0.6], &gold), 0.0);
        assert_eq!(concordance(&[0.0; 5], &gold), 0.5);
        // Against every pair counted one by one, on scores with ties.
        let mut rng = crate::fit::cv::Rng::new(9);
        let gold: Vec<usize> = (0..40).map(|_| (rng.next() % 3) as usize).collect();
        let scores: Vec<f64> = (0..40).map(|_| (rng.next() % 7) as f64).collect();
        let (mut agree, mut pairs) = (0.0, 0.0);
        for i in 0..40 {
            for j in 0..40 {
                if gold[i] < gold[j] {
                    pairs += 1.0;
                    if scores[i] < scores[j] {
                        agree += 1.0;
                    } else if scores[i] == scores[j] {
                        agree += 0.5;
                    }
                }
            }
        }
        assert!((concordance(&scores, &gold) - agree / pairs).abs() < 1e-12);
    }

    #[test]
    fn stance_bands_are_symmetric() {
        let task = Task::Stance("t".into());
        let ((low, high), _) = fit_band(&task, &[-0.4, 0.0, 0.05, 0.3], &[0, 1, 1, 2], (-0.1, 0.1));
        assert_eq!(low, -high);
        assert!(high > 0.05 && high <= 0.3, "{high}");
    }
}
