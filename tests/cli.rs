//! The `avis` command line, run as a process: plumbing (order, ids, fields, formats,
//! errors, atomic output), whatever the engine's verdicts are.
#![cfg(feature = "cli")]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn avis() -> Command {
    Command::new(env!("CARGO_BIN_EXE_avis"))
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/consultation-2015.jsonl");

#[test]
fn score_keeps_ids_order_and_fields_in_their_order() {
    let input = r#"{"id":"z","kind":"comment","text":"Quelle honte !","meta":{"n":1}}
{"text":"Bravo.","id":3}
{"zeta":1.5,"id":null,"text":"Je ne sais pas."}
"#;
    let out = avis().arg("score").write_stdin(input).assert().success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    let ids: Vec<_> = records.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, vec![Value::from("z"), Value::from(3), Value::Null]);
    let keys: Vec<_> = records[0].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "id",
            "kind",
            "text",
            "meta",
            "sentiment",
            "sentences",
            "stance",
            "frames",
            "evidence"
        ]
    );
    let keys: Vec<_> = records[2].as_object().unwrap().keys().cloned().collect();
    assert_eq!(&keys[..3], ["zeta", "id", "text"]);
    assert_eq!(records[0]["meta"], serde_json::json!({"n": 1}));
    assert_eq!(records[2]["zeta"], 1.5);
    for r in &records {
        assert!(r["sentiment"]["score"].is_number());
        assert!(r["sentiment"]["label"].is_string());
        assert!(r["evidence"].is_array());
    }
}

#[test]
fn score_bundled_corpus_one_record_per_input_in_order() {
    // stderr is not a terminal here: no progress bar, only the summary line.
    let out = avis()
        .args(["score", CORPUS])
        .assert()
        .success()
        .stderr(format!("avis: 45 records scored from {CORPUS}\n"));
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 45);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["id"], i as u64);
    }
}

#[test]
fn score_keeps_order_across_parallel_chunks() {
    // More than two chunks (1024 records each), with uneven texts.
    let input: String = (0..2500)
        .map(|i| format!("{{\"id\":{i},\"text\":\"{}\"}}\n", "mot ".repeat(i % 37)))
        .collect();
    let out = avis().arg("score").write_stdin(input).assert().success();
    let ids: Vec<u64> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..2500).collect::<Vec<_>>());
}

#[test]
fn bad_jsonl_line_stops_the_run_naming_the_line() {
    let input = "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n{\"id\":3,\"text\":\n{\"id\":4,\"text\":\"d\"}\n";
    let out = avis()
        .arg("score")
        .write_stdin(input)
        .assert()
        .failure()
        .stderr(predicate::str::contains("<stdin>:3:"))
        .stderr(predicate::str::contains("or pass --skip-invalid"));
    let records = lines(&out.get_output().stdout);
    let ids: Vec<_> = records.iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1, 2], "records before the bad line, nothing of it");
}

#[test]
fn records_without_string_text_or_not_objects_are_errors() {
    for (input, message) in [
        ("{\"id\":1}\n", "no \"text\""),
        ("{\"id\":1,\"text\":5}\n", "not a string"),
        ("[1,2]\n", "not a JSON object"),
        ("pas du json\n", "not valid JSON"),
    ] {
        avis()
            .arg("score")
            .write_stdin(input)
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains("<stdin>:1:"))
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn skip_invalid_reports_skips_and_counts() {
    let input = "{\"id\":1,\"text\":\"a\"}\nnope\n\n{\"id\":2}\n{\"id\":3,\"text\":\"c\"}\n";
    let out = avis()
        .args(["score", "--skip-invalid"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("skipped <stdin>:2:"))
        .stderr(predicate::str::contains("skipped <stdin>:4:"))
        .stderr(predicate::str::contains("2 records scored"))
        .stderr(predicate::str::contains("2 invalid records skipped"))
        .stderr(predicate::str::contains("1 empty line skipped"));
    let ids: Vec<_> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 3]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut input = b"{\"id\":1,\"text\":\"ok\"}\n{\"id\":2,\"text\":\"caf".to_vec();
    input.extend_from_slice(&[0xC3, 0x28]);
    input.extend_from_slice(b"\"}\n");
    // Line 2 starts at byte 21; the bad byte is its 20th (offset 19).
    avis()
        .arg("score")
        .write_stdin(input)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "<stdin>:2: invalid UTF-8 at byte 40",
        ));
    avis()
        .arg("tokens")
        .write_stdin(vec![b'a', b'b', b' ', 0xFF, b'c'])
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains("invalid UTF-8 at byte 3"));
}

#[test]
fn jsonl_text_and_id_fields_can_be_renamed() {
    let out = avis()
        .args([
            "report",
            "--json",
            "--text-column",
            "body",
            "--id-column",
            "ref",
        ])
        .write_stdin("{\"ref\":\"r1\",\"body\":\"Quelle honte !\"}\n")
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["documents"], 1);
    avis()
        .args(["score", "--text-column", "body"])
        .write_stdin("{\"text\":\"x\"}\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("no \"body\" field"));
}

#[test]
fn csv_columns_pass_through_with_quoted_multiline_text() {
    let input = "id,author,body\nc1,Ana,\"Une honte, vraiment.\nDeux lignes.\"\nc2,Bob,Bravo\n";
    let out = avis()
        .args(["score", "--format", "csv", "--text-column", "body"])
        .write_stdin(input)
        .assert()
        .success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "c1");
    assert_eq!(records[0]["body"], "Une honte, vraiment.\nDeux lignes.");
    assert_eq!(records[1]["author"], "Bob");
    let keys: Vec<_> = records[1].as_object().unwrap().keys().cloned().collect();
    assert_eq!(&keys[..4], ["id", "author", "body", "sentiment"]);
}

#[test]
fn csv_errors_name_the_column_or_the_line() {
    avis()
        .args(["score", "--format", "csv"])
        .write_stdin("id,body\n1,x\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("no text column \"text\""))
        .stderr(predicate::str::contains("--text-column"));
    avis()
        .args(["score", "--format", "csv", "--id-column", "ref"])
        .write_stdin("id,text\n1,x\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("no id column \"ref\""));
    let out = avis()
        .args(["score", "--format", "csv"])
        .write_stdin("id,text\n1,x\n2\n3,z\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("<stdin>:3:"));
    assert_eq!(lines(&out.get_output().stdout).len(), 1);
    let out = avis()
        .args(["score", "--format", "csv", "--skip-invalid"])
        .write_stdin("id,text\n1,x\n2\n3,z\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 invalid record skipped"));
    assert_eq!(lines(&out.get_output().stdout).len(), 2);
}

#[test]
fn text_format_one_document_per_line_id_is_line_number() {
    let out = avis()
        .args(["score", "--format", "text"])
        .write_stdin("Première ligne.\n\nTroisième ligne.\r\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 empty line skipped"));
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], 1);
    assert_eq!(records[1]["id"], 3);
    assert_eq!(records[1]["text"], "Troisième ligne.");
}

#[test]
fn output_file_appears_only_on_success_and_never_clobbers() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.jsonl");
    avis()
        .args(["score", "--output"])
        .arg(&dest)
        .write_stdin("{\"id\":1,\"text\":\"a\"}\nbad\n")
        .assert()
        .failure();
    assert!(!dest.exists(), "no output after a failed run");
    std::fs::write(&dest, "precious\n").unwrap();
    avis()
        .args(["score", "--output"])
        .arg(&dest)
        .write_stdin("{\"id\":1,\"text\":\"a\"}\nbad\n")
        .assert()
        .failure();
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "precious\n");
    avis()
        .args(["score", "-q", "--output"])
        .arg(&dest)
        .write_stdin("{\"id\":1,\"text\":\"a\"}\n")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let written = std::fs::read_to_string(&dest).unwrap();
    assert_eq!(lines(written.as_bytes()).len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn tokens_are_json_lines_with_exact_spans() {
    let text = "L’avion, c’est 13,5 % trop cher !!!";
    let out = avis().arg("tokens").write_stdin(text).assert().success();
    let tokens = lines(&out.get_output().stdout);
    assert!(!tokens.is_empty());
    let mut last_end = 0;
    for t in &tokens {
        let (start, end) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert!(start >= last_end);
        assert_eq!(&text[start..end], t["text"].as_str().unwrap());
        assert!(t["kind"].is_string());
        assert!(t["norm"].is_string());
        last_end = end;
    }
}

#[test]
fn tokens_reads_a_file_and_missing_files_are_named() {
    avis()
        .args(["tokens", "/nonexistent/avis.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "cannot open /nonexistent/avis.txt",
        ));
    avis()
        .args(["score", "--lexicon", "/nonexistent/lex.tsv"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("/nonexistent/lex.tsv"));
}

#[test]
fn report_text_json_and_html() {
    avis()
        .args(["report", CORPUS])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("45 documents"))
        .stdout(predicate::str::contains("Stance per target"));
    let out = avis().args(["report", "--json", CORPUS]).assert().success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["documents"], 45);
    let labels: u64 = json["sentiment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(labels, 45);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    avis()
        .args(["report", "-q", "--html"])
        .arg(&html)
        .arg(CORPUS)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<article").count(), 45);
    assert!(page.matches("<svg").count() >= 3);
    assert!(!page.contains("<script"));
}

#[test]
fn report_of_empty_input_is_valid() {
    avis()
        .args(["report", "--json"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"documents\": 0"));
}

/// ENGINE VERDICT: true once the analyzer lands (the placeholder says neutral).
#[test]
fn obvious_indignation_is_negative() {
    let out = avis()
        .arg("score")
        .write_stdin("{\"id\":1,\"text\":\"C'est une honte !\"}\n")
        .assert()
        .success();
    assert_eq!(
        lines(&out.get_output().stdout)[0]["sentiment"]["label"],
        "negative"
    );
}

#[test]
fn weights_from_a_file_change_the_labels_and_bad_ones_name_the_key() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let strict = dir.path().join("strict.toml");
    std::fs::write(&strict, "[sentiment]\npositive = 0.95\n").expect("written");
    let text = "{\"text\":\"C'est agréable.\"}\n";
    let label = |args: &[&str]| {
        let out = avis()
            .args(args)
            .write_stdin(text)
            .output()
            .expect("avis runs");
        lines(&out.stdout)[0]["sentiment"]["label"].clone()
    };
    assert_eq!(label(&["score", "-q"]), "positive");
    let strict = strict.to_str().expect("a UTF-8 path");
    assert_eq!(label(&["score", "-q", "--weights", strict]), "neutral");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[rules]\ncapital = 2\n").expect("written");
    avis()
        .args(["score", "--weights", bad.to_str().expect("a UTF-8 path")])
        .write_stdin(text)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "bad.toml:2:1: unknown field `capital`",
        ));
}
