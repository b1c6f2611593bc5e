//! Pathological inputs (the ones `benches/pathological.rs` times) give valid
//! analyses: finite scores in range, spans inside the text.

mod common;

use std::sync::OnceLock;

use avis_fr::Analyzer;
use common::invariants::{check_analysis, check_tokens};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::default)
}

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len())
}

/// Each input of the benchmark at 64 KB (small enough for the inputs on which the
/// analysis is quadratic today to stay under a few seconds).
#[test]
fn benchmark_inputs_give_valid_analyses() {
    let units = [
        "anticonstitutionnellement",
        "!?.,;:()«»—…\"/",
        "'’",
        "-",
        "ne pas ",
        "pas non jamais ",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "a/b-c_d.e?f=g&h=%C3%A9#",
        "honte ",
        "ne ",
        "microsoft honte ",
        "quid de ",
        // Squeezing and patterns: one huge drawn-out word, and many short ones.
        "aaab",
        "mdrrrr pfffff nuuuul ",
    ];
    for unit in units {
        let text = repeat_to(unit, 64 << 10);
        check_tokens(&text);
        check_analysis(analyzer(), &text, &analyzer().analyze(&text), (-0.05, 0.05));
    }
    let url = format!(
        "https://exemple.fr/{}",
        repeat_to("a/b-c_d.e?f=g&", 64 << 10)
    );
    check_analysis(analyzer(), &url, &analyzer().analyze(&url), (-0.05, 0.05));
}

/// Each contrast word of a sentence multiplies the weight of the words after it by
/// its valence (1.5 for `mais`), with no bound: after about 1,750 of them in one
/// sentence the weight is infinite, the sentiment sum is infinite and the score is
/// `inf / inf`, NaN (serialized as `null`), with the label `neutral`. Fixed: the
/// weights are bounded (`CONTRAST_BOUND` in src/rules/mod.rs).
#[test]
fn long_contrast_chain_keeps_the_score_finite() {
    let text = format!("{}honte", "mais ".repeat(1_800));
    let analysis = analyzer().analyze(&text);
    check_analysis(analyzer(), &text, &analysis, (-0.05, 0.05));
    // Also on a contrast chain interleaved with sentiment words.
    let text = "mais bon ".repeat(2_000);
    check_analysis(analyzer(), &text, &analyzer().analyze(&text), (-0.05, 0.05));
}
