//! The labelled part of the bundled thread (`data/gold-dev.jsonl`):
//! sentiment, stance and frames against a reader's labels.
//!
//! Run with `--nocapture` to see the per-document table.

use std::collections::BTreeSet;
use std::path::PathBuf;

use avis_fr::{Analysis, Analyzer, Topic};
use serde_json::Value;

/// A file of the repository's `data/`: the tests read nothing outside the repository.
fn data(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file)
}

fn read_jsonl(path: &PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

struct Scored<'a> {
    id: u64,
    gold: Value,
    analysis: Analysis<'a>,
}

fn corpus() -> Vec<Value> {
    read_jsonl(&data("consultation-2015.jsonl"))
}

fn score_dev<'a>(analyzer: &'a Analyzer, corpus: &'a [Value]) -> Vec<Scored<'a>> {
    let gold = read_jsonl(&data("gold-dev.jsonl"));
    gold.into_iter()
        .map(|gold| {
            let id = gold["id"].as_u64().expect("id");
            let doc = corpus
                .iter()
                .find(|d| d["id"].as_u64() == Some(id))
                .expect("document of the label");
            let analysis = analyzer.analyze(doc["text"].as_str().expect("text"));
            Scored { id, gold, analysis }
        })
        .collect()
}

fn label<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .expect("serializable")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn dev_labels() {
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    let analyzer = Analyzer::builder()
        .topic(topic)
        .build()
        .expect("an analyzer");
    let corpus = corpus();
    let scored = score_dev(&analyzer, &corpus);
    let (mut sentiment_ok, mut partenariat_ok, mut libre_ok) = (0, 0, 0);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for s in &scored {
        let sentiment = label(&s.analysis.sentiment.label);
        let partenariat = label(&s.analysis.stance["partenariat"].label);
        let libre = label(&s.analysis.stance["logiciel_libre"].label);
        let gold_frames: BTreeSet<String> = s.gold["frames"]
            .as_array()
            .expect("frames")
            .iter()
            .map(|f| f.as_str().expect("frame id").to_string())
            .collect();
        let frames: BTreeSet<String> = s.analysis.frames.iter().map(|f| f.to_string()).collect();
        tp += frames.intersection(&gold_frames).count();
        fp += frames.difference(&gold_frames).count();
        fn_ += gold_frames.difference(&frames).count();
        sentiment_ok += usize::from(sentiment == s.gold["sentiment"]);
        partenariat_ok += usize::from(partenariat == s.gold["stance"]["partenariat"]);
        libre_ok += usize::from(libre == s.gold["stance"]["logiciel_libre"]);
        println!(
            "{:>2} sentiment {:>8} ({:+.2}) gold {:>8} | partenariat {:>7} ({:+.2}) gold {:>7} | libre {:>7} ({:+.2}) gold {:>7} | +{:?} -{:?}",
            s.id,
            sentiment,
            s.analysis.sentiment.score,
            s.gold["sentiment"].as_str().unwrap_or_default(),
            partenariat,
            s.analysis.stance["partenariat"].score,
            s.gold["stance"]["partenariat"].as_str().unwrap_or_default(),
            libre,
            s.analysis.stance["logiciel_libre"].score,
            s.gold["stance"]["logiciel_libre"].as_str().unwrap_or_default(),
            frames.difference(&gold_frames).collect::<Vec<_>>(),
            gold_frames.difference(&frames).collect::<Vec<_>>(),
        );
    }
    let n = scored.len();
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    println!(
        "sentiment {sentiment_ok}/{n}, partenariat {partenariat_ok}/{n}, logiciel_libre {libre_ok}/{n}, frames micro-F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_})"
    );
    assert!(
        sentiment_ok + 1 >= n,
        "sentiment: {sentiment_ok}/{n} right, at most one wrong allowed"
    );
    assert!(
        partenariat_ok + 1 >= n,
        "stance partenariat: {partenariat_ok}/{n}"
    );
    assert!(libre_ok + 2 >= n, "stance logiciel_libre: {libre_ok}/{n}");
    assert!(f1 >= 0.8, "frames micro-F1 {f1:.3} < 0.8");
}
