//! The JSON of `avis score`, as documented once in `schema/avis-score.schema.json`:
//! real output of the bundled thread validates against the schema, reads back into
//! the owned `Analysis`, and writes out again the same.
#![cfg(feature = "cli")]

use std::path::PathBuf;

use assert_cmd::Command;
use avis_fr::Analysis;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema = std::fs::read_to_string(root().join("schema/avis-score.schema.json"))
        .expect("the schema file");
    let schema: Value = serde_json::from_str(&schema).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// `avis score` on the bundled thread, one value per record.
fn scored() -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(["score", "-q", "--topic", "consultation-2015"])
        .arg(root().join("data/consultation-2015.jsonl"))
        .output()
        .expect("avis runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

#[test]
fn every_record_of_the_bundled_thread_follows_the_schema() {
    let validator = validator();
    let records = scored();
    assert_eq!(records.len(), 45);
    let mut kinds = std::collections::BTreeSet::new();
    for record in &records {
        let errors: Vec<String> = validator
            .iter_errors(record)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(3)
            .collect();
        assert!(errors.is_empty(), "record {}: {errors:?}", record["id"]);
        for stance in record["stance"]
            .as_object()
            .into_iter()
            .flat_map(|s| s.values())
        {
            for reason in stance["because"].as_array().into_iter().flatten() {
                kinds.insert(reason["kind"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    // The thread exercises most reasons: the schema is checked on each of them.
    for kind in [
        "stance_marker",
        "clause_sentiment",
        "sentence_sentiment",
        "subject",
        "rival",
        "objection",
    ] {
        assert!(kinds.contains(kind), "no `{kind}` reason in the thread");
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let validator = validator();
    let record = scored().swap_remove(1);
    let mut bad_label = record.clone();
    bad_label["sentiment"]["label"] = "Negative".into();
    assert!(!validator.is_valid(&bad_label));
    let mut prose_rule = record.clone();
    let evidence = prose_rule["evidence"].as_array_mut().expect("evidence");
    let with_rules = evidence.iter_mut().find(|e| e.get("rules").is_some());
    with_rules.expect("a weighed word")["rules"][0] = "negation ×-0.75".into();
    assert!(!validator.is_valid(&prose_rule));
    let mut stray = record;
    stray["evidence"][0]["span"] = 3.into();
    assert!(!validator.is_valid(&stray));
}

#[test]
fn records_read_back_into_the_owned_analysis() {
    for record in scored() {
        let analysis: Analysis<'static> =
            serde_json::from_value(record.clone()).expect("an analysis reads back");
        let again = serde_json::to_value(&analysis).expect("serializes");
        for field in ["sentiment", "stance", "frames", "evidence"] {
            assert_eq!(
                again[field], record[field],
                "{field} of record {}",
                record["id"]
            );
        }
    }
}

/// `avis explain --json` of one text, as a value.
fn explained(text: &str) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args([
            "explain",
            "--json",
            "--topic",
            "consultation-2015",
            "--file",
            "-",
        ])
        .write_stdin(text)
        .output()
        .expect("avis runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// `avis score` of one record `{"text": …}`, as a value.
fn scored_text(text: &str) -> Value {
    let line = serde_json::json!({ "text": text }).to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(["score", "-q", "--topic", "consultation-2015"])
        .write_stdin(line)
        .output()
        .expect("avis runs");
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("a JSON line")
}

/// One sentence splitter: `avis explain` shows the sentences `avis score` writes,
/// on the example and on every record of the bundled thread, and its JSON
/// is a record of `avis score` (the schema) plus its own `evidence_by_sentence`.
#[test]
fn explain_and_score_give_the_same_sentences() {
    let validator = validator();
    let example = "M. Dupont a dit « Non ! » hier, c'est nul. Bravo.";
    let explanation = explained(example);
    let sentences = explanation["sentences"].as_array().expect("sentences");
    let spans: Vec<(u64, u64)> = sentences
        .iter()
        .map(|s| (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(spans, [(0, 44), (45, 51)], "{example}");
    let thread = std::fs::read_to_string(root().join("data/consultation-2015.jsonl"))
        .expect("the bundled thread");
    let texts = thread.lines().map(|line| {
        let record: Value = serde_json::from_str(line).expect("a JSON line");
        record["text"].as_str().expect("a text").to_string()
    });
    let mut all: Vec<String> = vec![example.to_string()];
    all.extend(texts);
    assert_eq!(all.len(), 46);
    for text in &all {
        let (explanation, score) = (explained(text), scored_text(text));
        assert_eq!(explanation["sentences"], score["sentences"], "{text}");
        let errors: Vec<String> = validator
            .iter_errors(&explanation)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(3)
            .collect();
        assert!(errors.is_empty(), "{text}: {errors:?}");
        for field in ["sentiment", "stance", "frames", "evidence"] {
            assert_eq!(explanation[field], score[field], "{field} of {text}");
        }
        let groups = explanation["evidence_by_sentence"]
            .as_array()
            .expect("groups");
        assert_eq!(
            groups.len(),
            explanation["sentences"].as_array().unwrap().len()
        );
        let grouped: usize = groups.iter().map(|g| g.as_array().unwrap().len()).sum();
        assert_eq!(grouped, explanation["evidence"].as_array().unwrap().len());
    }
}
