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

/// A text longer than 1 MiB is read window by window (README, "Memory"): its
/// analysis keeps the contract of one analysis, its sentences those of
/// `sentences()` over the whole text (the windows end between sentences), and
/// what it left out is said, within `KEEP`.
#[test]
fn texts_longer_than_a_window_give_valid_analyses() {
    let topic = avis_fr::Topic::builtin("consultation-2015").unwrap();
    let analyzer = Analyzer::builder().topic(topic).build().unwrap();
    let thread: String = include_str!("../data/consultation-2015.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{}\n\n", v["text"].as_str().unwrap())
        })
        .collect();
    let book = repeat_to(&thread, 3 << 20);
    let line = repeat_to(
        "Le projet avance bien, mais ce partenariat reste une honte pour le logiciel libre. ",
        3 << 20,
    );
    let weights = analyzer.weights().sentiment;
    for text in [&book, &line] {
        let analysis = analyzer.analyze(text);
        let kept = analysis.evidence.len().max(analysis.sentences.len());
        assert_eq!(analysis.truncated, kept == avis_fr::KEEP, "{kept}");
        check_analysis(
            &analyzer,
            text,
            &analysis,
            (weights.negative, weights.positive),
        );
    }
    // No sentence end in sight: the windows end after a space, and the one long
    // sentence is cut there (the README says so), each piece scored.
    let words = repeat_to("honte bravo ", 3 << 20);
    let analysis = analyzer.analyze(&words);
    let spans: Vec<(usize, usize)> = analysis
        .sentences
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    assert_eq!(spans.len(), 4, "{spans:?}");
    assert!(spans
        .windows(2)
        .all(|w| w[0].1 < w[1].0 && words[w[0].1..w[1].0].trim().is_empty()));
    assert!(analysis.truncated && analysis.evidence.len() == avis_fr::KEEP);
}
