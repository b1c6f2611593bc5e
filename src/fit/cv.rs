//! Cross-validation: deterministic stratified folds from a seed, and the choice of
//! the penalty of the logistic regression by the held-out log-loss.

use crate::fit::logistic::{Design, Logistic};

/// The penalties tried, from loose to tight.
pub(crate) const LAMBDAS: [f64; 6] = [0.3, 1.0, 3.0, 10.0, 30.0, 100.0];

/// Folds of cross-validation, both to choose the penalty and to measure a model.
///
/// ```
/// // Each labelled text is scored by a model fitted on the other four fifths.
/// assert_eq!(avis_fr::fit::FOLDS, 5);
/// ```
pub const FOLDS: usize = 5;

/// A small deterministic generator (SplitMix64), so that the same seed gives the
/// same folds on every platform.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Shuffle in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// `k` folds of `rows`, each class dealt round the folds in a shuffled order, so
/// that every fold holds about the same share of each class. Each fold's rows are
/// sorted.
pub(crate) fn stratified(
    rows: &[usize],
    class: impl Fn(usize) -> usize,
    k: usize,
    seed: u64,
) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(seed);
    let k = k.max(1);
    let mut folds = vec![Vec::new(); k];
    let mut next = 0;
    for c in 0..3 {
        let mut members: Vec<usize> = rows.iter().copied().filter(|&r| class(r) == c).collect();
        rng.shuffle(&mut members);
        for row in members {
            folds[next % k].push(row);
            next += 1;
        }
    }
    folds.iter_mut().for_each(|f| f.sort_unstable());
    folds
}

/// The rows of `rows` not in `fold`.
pub(crate) fn rest(rows: &[usize], fold: &[usize]) -> Vec<usize> {
    rows.iter()
        .copied()
        .filter(|r| fold.binary_search(r).is_err())
        .collect()
}

/// The penalty of [`LAMBDAS`] with the least held-out log-loss over [`FOLDS`]
/// folds of `rows` (the tighter one on ties), and the mean of the folds' fits
/// with it (a warm start for the fits of that penalty on these texts).
pub(crate) fn choose_lambda(design: &Design, rows: &[usize], seed: u64) -> (f64, Logistic) {
    let class = |r: usize| (design.target[r] * 2.0).round() as usize;
    let folds = stratified(rows, class, FOLDS, seed);
    let folds: Vec<&Vec<usize>> = folds.iter().filter(|f| !f.is_empty()).collect();
    let trains: Vec<Vec<usize>> = folds.iter().map(|fold| rest(rows, fold)).collect();
    // From tight to loose, each fold's fit starting from its fit at the tighter
    // penalty (a warm start: a third of the passes from zeros).
    let mut fitted: Vec<Option<Logistic>> = vec![None; folds.len()];
    let mut best = (f64::INFINITY, LAMBDAS[LAMBDAS.len() - 1], None);
    for &lambda in LAMBDAS.iter().rev() {
        let mut loss = 0.0;
        for ((fold, train), previous) in folds.iter().zip(&trains).zip(&mut fitted) {
            let model = match previous.take() {
                Some(start) => Logistic::fit_from(design, train, lambda, start),
                None => Logistic::fit(design, train, lambda),
            };
            loss += model.log_loss(design, fold) * fold.len() as f64;
            *previous = Some(model);
        }
        // The tighter penalty wins ties.
        if loss < best.0 - 1e-12 || best.2.is_none() {
            best = (loss, lambda, Some(mean(&fitted)));
        }
    }
    (
        best.1,
        best.2.unwrap_or_else(|| Logistic::zeros(design.width)),
    )
}

/// The mean of the folds' fits: where a fit of the same penalty on other rows
/// of the same texts may start.
fn mean(fitted: &[Option<Logistic>]) -> Logistic {
    let models: Vec<&Logistic> = fitted.iter().flatten().collect();
    let n = models.len().max(1) as f64;
    let mut mean = Logistic::zeros(models.first().map_or(0, |m| m.weights.len()));
    for model in &models {
        mean.bias += model.bias / n;
        mean.base += model.base / n;
        for (w, v) in mean.weights.iter_mut().zip(&model.weights) {
            *w += v / n;
        }
    }
    mean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_stratified_deterministic_and_cover_every_row() {
        let rows: Vec<usize> = (0..30).collect();
        let class = |r: usize| r % 3;
        let folds = stratified(&rows, class, 5, 7);
        assert_eq!(folds, stratified(&rows, class, 5, 7));
        assert_ne!(folds, stratified(&rows, class, 5, 8));
        let mut all: Vec<usize> = folds.concat();
        all.sort_unstable();
        assert_eq!(all, rows);
        for fold in &folds {
            assert_eq!(fold.len(), 6);
            assert_eq!(fold.iter().filter(|&&r| class(r) == 0).count(), 2);
        }
        assert_eq!(rest(&rows, &folds[0]).len(), 24);
    }

    #[test]
    fn noise_gets_a_tight_penalty_and_signal_a_looser_one() {
        let mut noise = Design {
            width: 20,
            ..Design::default()
        };
        let mut signal = Design {
            width: 1,
            ..Design::default()
        };
        let mut rng = Rng::new(1);
        for i in 0..100 {
            let positive = i % 2 == 0;
            noise.base.push(0.0);
            noise.columns.push(vec![(rng.next() % 20) as u32]);
            noise.target.push(f64::from(u8::from(positive)));
            signal.base.push(0.0);
            signal.columns.push(if positive && i % 6 != 0 {
                vec![0]
            } else {
                vec![]
            });
            signal.target.push(f64::from(u8::from(positive)));
        }
        let rows: Vec<usize> = (0..100).collect();
        let tight = choose_lambda(&noise, &rows, 3).0;
        let loose = choose_lambda(&signal, &rows, 3).0;
        assert!(tight >= 10.0, "{tight}");
        assert!(loose < tight, "{loose} {tight}");
    }
}
