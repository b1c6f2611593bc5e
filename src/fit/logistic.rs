//! A small L2-regularised logistic regression, written for `avis fit`: one dense
//! feature (the engine's own score), an intercept, and many sparse 0/1 indicators
//! (the candidate lines), fitted by cyclic coordinate descent with a Newton step
//! per coordinate. The engine's feature and the intercept are not penalised: the
//! penalty says how far the labels may move the lexicon from the engine.

/// The design: per row, its engine feature, its indicators (column indices) and
/// its target: 1 for the positive class, 0 for the negative one, 0.5 for a
/// neutral text (a soft label: its words are pulled toward no feeling).
#[derive(Clone, Debug, Default)]
pub(crate) struct Design {
    pub base: Vec<f64>,
    pub columns: Vec<Vec<u32>>,
    pub target: Vec<f64>,
    pub width: usize,
}

/// A fitted model: `logit = bias + base · x0 + Σ weights[j]`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Logistic {
    pub bias: f64,
    pub base: f64,
    pub weights: Vec<f64>,
}

/// Passes over every coordinate at most; the fit stops earlier once no step of
/// such a pass moves a weight by more than [`TOLERANCE`]. A weight of 1e-4 moves
/// a valence by 2e-4 at most (the engine's weight is at least 0.5), below the
/// 0.01 a line is written to; 1e-5 took a third more passes for that.
const PASSES: usize = 100;
const TOLERANCE: f64 = 1e-4;
/// The largest Newton step of one coordinate (a step on a separable indicator
/// would otherwise run off).
const MAX_STEP: f64 = 2.0;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl Logistic {
    /// Fit on the rows `rows` of `design` with penalty `lambda` (the sum of the
    /// log-losses plus `lambda / 2` times the squared indicator weights).
    pub fn fit(design: &Design, rows: &[usize], lambda: f64) -> Logistic {
        Logistic::fit_from(design, rows, lambda, Logistic::zeros(design.width))
    }

    /// Every weight 0: where a fit starts with nothing to start from.
    pub fn zeros(width: usize) -> Logistic {
        Logistic {
            bias: 0.0,
            base: 0.0,
            weights: vec![0.0; width],
        }
    }

    /// [`fit`](Self::fit) from the weights `start` instead of zeros: from the fit
    /// of a tighter penalty on the same rows it takes a fraction of the passes
    /// (the penalties of `cv::choose_lambda` are tried in that order).
    pub fn fit_from(design: &Design, rows: &[usize], lambda: f64, start: Logistic) -> Logistic {
        let mut by_column: Vec<Vec<u32>> = vec![Vec::new(); design.width];
        for (i, &row) in rows.iter().enumerate() {
            for &c in &design.columns[row] {
                by_column[c as usize].push(i as u32);
            }
        }
        let x0: Vec<f64> = rows.iter().map(|&r| design.base[r]).collect();
        let y: Vec<f64> = rows.iter().map(|&r| design.target[r]).collect();
        let mut model = start;
        let mut margin: Vec<f64> = rows.iter().map(|&r| model.logit(design, r)).collect();
        // Most columns settle in a few passes, the frequent words (coupled with
        // the intercept) in tens: after a pass over every column, the passes go
        // over the columns still moving until they settle, then over all again.
        // On 10,000 labels this took the fit from 12.6 to about 8.5 s.
        let mut moving = vec![true; design.width];
        let (mut full, mut full_passes) = (true, 0);
        for _ in 0..PASSES * 10 {
            let mut moved = 0.0f64;
            let (bias, base) = newton_2d(&margin, &y, &x0, (model.bias, model.base));
            model.bias += bias;
            model.base += base;
            margin
                .iter_mut()
                .zip(&x0)
                .for_each(|(m, x)| *m += bias + base * x);
            moved = moved.max(bias.abs()).max(base.abs());
            for (j, members) in by_column.iter().enumerate() {
                if members.is_empty() || !(full || moving[j]) {
                    continue;
                }
                let step = newton(members, &margin, &y, |_| 1.0, lambda, model.weights[j]);
                model.weights[j] += step;
                members.iter().for_each(|&i| margin[i as usize] += step);
                moving[j] = step.abs() >= TOLERANCE;
                moved = moved.max(step.abs());
            }
            full_passes += usize::from(full);
            if (moved < TOLERANCE && full) || full_passes == PASSES {
                break;
            }
            full = moved < TOLERANCE;
        }
        model
    }

    /// The logit of a row of `design`.
    fn logit(&self, design: &Design, row: usize) -> f64 {
        let indicators: f64 = design.columns[row]
            .iter()
            .map(|&c| self.weights[c as usize])
            .sum();
        self.bias + self.base * design.base[row] + indicators
    }

    /// The probability of the positive class for a row of `design`.
    pub fn probability(&self, design: &Design, row: usize) -> f64 {
        sigmoid(self.logit(design, row))
    }

    /// The mean log-loss on the rows `rows`.
    pub fn log_loss(&self, design: &Design, rows: &[usize]) -> f64 {
        let total: f64 = rows
            .iter()
            .map(|&row| {
                let p = self.probability(design, row).clamp(1e-9, 1.0 - 1e-9);
                let y = design.target[row];
                -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
            })
            .sum();
        total / rows.len().max(1) as f64
    }
}

/// The Newton step of the intercept and the engine's weight together (one
/// step each, they zig-zag for tens of passes: the engine's feature is not
/// centred), each capped at [`MAX_STEP`]; both bear the small penalty that
/// keeps the step defined.
fn newton_2d(margin: &[f64], y: &[f64], x0: &[f64], (bias, base): (f64, f64)) -> (f64, f64) {
    const RIDGE: f64 = 1e-6;
    let (mut g0, mut g1) = (RIDGE * bias, RIDGE * base);
    let (mut h00, mut h01, mut h11) = (RIDGE, 0.0, RIDGE);
    for ((&m, &yi), &x) in margin.iter().zip(y).zip(x0) {
        let p = sigmoid(m);
        let (r, w) = (p - yi, p * (1.0 - p));
        g0 += r;
        g1 += r * x;
        h00 += w;
        h01 += w * x;
        h11 += w * x * x;
    }
    let det = h00 * h11 - h01 * h01;
    if det <= 0.0 {
        return (0.0, 0.0);
    }
    let step0 = -(h11 * g0 - h01 * g1) / det;
    let step1 = -(h00 * g1 - h01 * g0) / det;
    (
        step0.clamp(-MAX_STEP, MAX_STEP),
        step1.clamp(-MAX_STEP, MAX_STEP),
    )
}

/// The Newton step of one coordinate whose feature is `x(i)` on rows `members`,
/// with penalty `lambda` on its current value `w`.
fn newton(
    members: &[u32],
    margin: &[f64],
    y: &[f64],
    x: impl Fn(usize) -> f64,
    lambda: f64,
    w: f64,
) -> f64 {
    let (mut gradient, mut hessian) = (lambda * w, lambda);
    for &i in members {
        let i = i as usize;
        let p = sigmoid(margin[i]);
        let xi = x(i);
        gradient += (p - y[i]) * xi;
        hessian += p * (1.0 - p) * xi * xi;
    }
    if hessian <= 0.0 {
        return 0.0;
    }
    (-gradient / hessian).clamp(-MAX_STEP, MAX_STEP)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forty rows: the engine says nothing, indicator 0 marks the positive rows,
    /// indicator 1 is noise.
    fn design() -> Design {
        let mut design = Design {
            width: 2,
            ..Design::default()
        };
        for i in 0..40 {
            let positive = i % 2 == 0;
            let mut columns = Vec::new();
            if positive && i % 10 != 0 {
                columns.push(0);
            }
            if i % 3 == 0 {
                columns.push(1);
            }
            design.base.push(0.0);
            design.columns.push(columns);
            design.target.push(f64::from(u8::from(positive)));
        }
        design
    }

    #[test]
    fn the_telling_indicator_weighs_and_the_penalty_shrinks_it() {
        let design = design();
        let rows: Vec<usize> = (0..40).collect();
        let loose = Logistic::fit(&design, &rows, 0.1);
        let tight = Logistic::fit(&design, &rows, 30.0);
        assert!(loose.weights[0] > 2.0, "{loose:?}");
        assert!(loose.weights[1].abs() < 1.0, "{loose:?}");
        assert!(tight.weights[0] < loose.weights[0] && tight.weights[0] > 0.0);
        assert!(loose.log_loss(&design, &rows) < tight.log_loss(&design, &rows));
        assert_eq!(
            Logistic::fit(&design, &rows, 1.0),
            Logistic::fit(&design, &rows, 1.0)
        );
    }

    #[test]
    fn the_engine_feature_is_fitted_unpenalised() {
        let mut design = Design::default();
        for i in 0..30 {
            let x = f64::from(i) - 15.0;
            design.base.push(x);
            design.columns.push(Vec::new());
            let positive = x + if i % 4 == 0 { 6.0 } else { 0.0 } > 0.0;
            design.target.push(f64::from(u8::from(positive)));
        }
        let rows: Vec<usize> = (0..30).collect();
        let model = Logistic::fit(&design, &rows, 100.0);
        assert!(model.base > 0.1, "{model:?}");
    }
}
