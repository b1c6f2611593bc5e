//! Same answers across a refactoring: the analyses of the bundled thread and of a
//! few thousand generated texts, against the ones saved in `tests/golden/`.
//!
//! What must not move: every label, every score (to 1e-12), every evidence span with
//! its role, entry, id, valence and contribution; the factor of each rule that
//! weighed a word and the value of each stance reason (to the two decimals that the
//! saved explanations were written with, when they were saved as sentences).
//!
//! The generated texts draw on the lexicon vocabulary (`tests/common/vocabulary.rs`)
//! with punctuation, capitals and line breaks, from a fixed seed, so that every rule
//! fires many times. The saved file holds the texts themselves: it stays valid when
//! the vocabulary changes.
//!
//! When behaviour is meant to change (new lexicon entries, a new rule), bless the new
//! answers and review the diff: `AVIS_BLESS=1 cargo test --release --test golden`.

mod common;

use std::path::PathBuf;

use avis_fr::{Analyzer, Topic};
use serde_json::{json, Map, Value};

const GENERATED: usize = 2000;
/// Scores are compared to this; explanations saved as sentences, to their decimals.
const SCORE_TOLERANCE: f64 = 1e-12;
const SENTENCE_TOLERANCE: f64 = 0.005 + 1e-9;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/analyses.jsonl")
}

/// A small deterministic generator (splitmix64): the same texts on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Texts of 3 to 30 pieces: lexicon words (now and then in capitals), punctuation,
/// line breaks and filler words.
fn generated_texts() -> Vec<String> {
    let words = common::vocabulary::lexicon_words();
    let marks = [
        ".", "!", "!!!", "?", "?!", "…", ",", ";", ":", "(", ")", "«", "»", "\n", "-",
    ];
    let fillers = [
        "le",
        "la",
        "les",
        "un",
        "une",
        "est",
        "ce",
        "c'est",
        "il",
        "nous",
        "projet",
        "école",
        "que",
        "qui",
        "et",
        "pour",
        "avec",
        "de",
        "des",
        "vraiment",
        "Microsoft",
    ];
    let mut draw = Draw(0x00a1_5f00);
    (0..GENERATED)
        .map(|_| {
            let pieces = 3 + draw.below(28);
            let mut text = String::new();
            for _ in 0..pieces {
                let piece = match draw.below(10) {
                    0..=4 => words[draw.below(words.len())].clone(),
                    5 => words[draw.below(words.len())].to_uppercase(),
                    6 | 7 => fillers[draw.below(fillers.len())].to_string(),
                    _ => marks[draw.below(marks.len())].to_string(),
                };
                text.push_str(&piece);
                text.push(' ');
            }
            text
        })
        .collect()
}

fn thread_texts() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/consultation-2015.jsonl");
    let corpus = std::fs::read_to_string(path).expect("the bundled thread");
    corpus
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).expect("a JSON line");
            record["text"].as_str().expect("a text").to_string()
        })
        .collect()
}

/// The number that ends an explanation saved as a sentence (`negation ×-0.75`,
/// ``stance marker `honte` -0.80``; -1 for irony), or the named field of one saved as an object.
fn explained(value: &Value, field: &str) -> Value {
    match value {
        Value::String(sentence) => {
            // Irony rules were written without their factor, which is always -1.
            let last = sentence.rsplit([' ', '×']).next().unwrap_or_default();
            let number = match last.parse::<f64>() {
                Ok(number) => number,
                Err(_) if sentence.starts_with("irony") => -1.0,
                Err(_) => panic!("a sentence ending with a number: {sentence:?}"),
            };
            json!({ "sentence": number })
        }
        Value::Object(object) => json!({ "exact": object[field] }),
        other => panic!("an explanation is a sentence or an object, not {other}"),
    }
}

/// What must not move, from an analysis as serialized.
fn essentials(analysis: &Value) -> Value {
    let mut stance = Map::new();
    for (id, target) in analysis["stance"].as_object().expect("a stance map") {
        let because: Vec<Value> = target["because"]
            .as_array()
            .expect("reasons")
            .iter()
            .map(|reason| explained(reason, "value"))
            .collect();
        stance.insert(
            id.clone(),
            json!({"score": target["score"], "label": target["label"], "because": because}),
        );
    }
    let evidence: Vec<Value> = analysis["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| {
            let rules: Vec<Value> = e
                .get("rules")
                .and_then(Value::as_array)
                .map(|rules| rules.iter().map(|r| explained(r, "factor")).collect())
                .unwrap_or_default();
            // An array rather than an object, to keep the saved file small; the text
            // is the span's.
            let id = e.get("id").cloned().unwrap_or(Value::Null);
            json!([
                e["start"],
                e["end"],
                e["role"],
                e["entry"],
                id,
                e["valence"],
                e["contribution"],
                rules,
            ])
        })
        .collect();
    json!({
        "sentiment": analysis["sentiment"],
        "stance": stance,
        "frames": analysis["frames"],
        "evidence": evidence,
    })
}

/// Where `got` differs from `saved`, as a path into the value.
fn difference(saved: &Value, got: &Value, path: &str) -> Option<String> {
    match (saved, got) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64()?, b.as_f64()?);
            ((a - b).abs() > SCORE_TOLERANCE).then(|| format!("{path}: saved {a}, now {b}"))
        }
        (Value::Object(a), Value::Object(b)) => {
            if let (Some(sentence), Some(exact)) = (a.get("sentence"), b.get("exact")) {
                let (s, e) = (sentence.as_f64()?, exact.as_f64()?);
                return ((s - e).abs() > SENTENCE_TOLERANCE)
                    .then(|| format!("{path}: saved {s:.2}, now {e}"));
            }
            if a.len() != b.len() || a.keys().ne(b.keys()) {
                return Some(format!(
                    "{path}: saved keys {:?}, now {:?}",
                    a.keys(),
                    b.keys()
                ));
            }
            a.iter()
                .find_map(|(k, v)| difference(v, &b[k], &format!("{path}.{k}")))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{path}: saved {} items, now {}", a.len(), b.len()));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| difference(x, y, &format!("{path}[{i}]")))
        }
        (a, b) => (a != b).then(|| format!("{path}: saved {a}, now {b}")),
    }
}

/// The analyzer the saved analyses were made with: the bundled thread's topic.
fn thread_analyzer() -> Analyzer {
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    Analyzer::builder()
        .topic(topic)
        .build()
        .expect("an analyzer")
}

#[test]
fn analyses_are_the_saved_ones() {
    let analyzer = thread_analyzer();
    let texts: Vec<String> = thread_texts()
        .into_iter()
        .chain(generated_texts())
        .collect();
    let now: Vec<Value> = texts
        .iter()
        .map(|text| {
            let analysis = serde_json::to_value(analyzer.analyze(text)).expect("serializes");
            json!({"text": text, "analysis": essentials(&analysis)})
        })
        .collect();
    if std::env::var_os("AVIS_BLESS").is_some() {
        let lines: Vec<String> = now.iter().map(Value::to_string).collect();
        std::fs::create_dir_all(golden_path().parent().expect("a folder")).expect("mkdir");
        std::fs::write(golden_path(), lines.join("\n") + "\n").expect("write the golden file");
        return;
    }
    let saved = std::fs::read_to_string(golden_path()).expect("tests/golden/analyses.jsonl");
    let saved: Vec<Value> = saved
        .lines()
        .map(|line| serde_json::from_str(line).expect("a saved line"))
        .collect();
    assert_eq!(saved.len(), now.len(), "number of saved analyses");
    let mut failures = Vec::new();
    for (saved, now) in saved.iter().zip(&now) {
        // Saved texts are analysed as saved, whatever the generator makes today.
        let text = saved["text"].as_str().expect("a saved text");
        let got = if text == now["text"] {
            now["analysis"].clone()
        } else {
            essentials(&serde_json::to_value(analyzer.analyze(text)).expect("serializes"))
        };
        if let Some(where_) = difference(&saved["analysis"], &got, "analysis") {
            failures.push(format!("{text:?}\n    {where_}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} analyses moved; the first:\n{}",
        failures.len(),
        saved.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

#[test]
fn without_evidence_the_same_analyses() {
    let analyzer = thread_analyzer();
    // One cache for both calls, in turn: neither leaves anything that moves the other.
    let mut cache = avis_fr::Cache::new();
    for text in thread_texts().iter().chain(&generated_texts()) {
        let lean = analyzer.analyze_without_evidence(&mut cache, text);
        let mut full = analyzer.analyze_with(&mut cache, text);
        assert!(lean.evidence.is_empty(), "{text:?}");
        full.evidence.clear();
        assert_eq!(lean, full, "{text:?}");
    }
}

#[test]
fn scores_only_the_same_values() {
    let analyzer = thread_analyzer();
    for text in thread_texts().iter().chain(&generated_texts()) {
        let full = analyzer.analyze(text);
        common::invariants::check_scores_only(&analyzer, text, &full);
    }
}
