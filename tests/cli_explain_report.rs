//! `avis explain`, `avis report --show-columns`, and the messages for French habits
//! (decimal commas, empty inputs), on files written by the tests.
#![cfg(feature = "cli")]

mod cli_common;

use cli_common::{avis, cp1252, csv_text, lines, write, ROWS};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn explain_prints_sentences_markers_rules_and_reasons() {
    let text = "Ce partenariat n'est pas du tout rassurant ! Le logiciel libre, c'est bien.";
    avis()
        .args(["explain", "--topic", "consultation-2015", text])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Sentence 1 (bytes 0..44, negative",
        ))
        .stdout(predicate::str::contains("Sentence 2"))
        .stdout(predicate::str::contains("`rassurant` sentiment"))
        .stdout(predicate::str::contains("negation"))
        .stdout(predicate::str::contains("partenariat: against"))
        .stdout(predicate::str::contains("    because "));
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "avis.txt", cp1252("Quelle honte, ce gâchis !"));
    let out = avis()
        .args(["explain", "--json", "--encoding", "windows-1252", "--file"])
        .arg(&file)
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["text"], "Quelle honte, ce gâchis !");
    assert_eq!(json["sentences"].as_array().unwrap().len(), 1);
    assert!(json["sentiment"]["score"].is_number());
    let grouped = json["evidence_by_sentence"][0].as_array().unwrap().len();
    assert_eq!(grouped, json["evidence"].as_array().unwrap().len());
    avis()
        .arg("explain")
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("<stdin> is empty"));
    avis()
        .args(["explain", " "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("the text given is empty"));
}

#[test]
fn report_shows_chosen_columns_and_stance_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let export = write(dir.path(), "tram.csv", cp1252(&csv_text(';', "\r\n")));
    let html = dir.path().join("r.html");
    let args = ["--text-column", "commentaire", "--encoding", "windows-1252"];
    avis()
        .args(["report", "-q", "--topic", "consultation-2015"])
        .args(["--show-columns", "auteur,date", "--html"])
        .arg(&html)
        .args(args)
        .arg(&export)
        .assert()
        .success()
        .stdout(predicate::str::contains("auteur=Zoé date=2024-01-02"));
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<article").count(), ROWS.len());
    assert!(page.contains("<b>auteur</b>Hélène"));
    assert!(page.contains("<th>auteur</th><th>date</th><th>Score</th>"));
    assert!(page.contains("<ul class=\"why\"><li>"));
    assert!(!page.contains("<script"));
    avis()
        .args(["report", "--show-columns", "author"])
        .args(args)
        .arg(&export)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no column \"author\""));
}

#[test]
fn french_decimal_commas_and_empty_inputs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = write(
        dir.path(),
        "mine.tsv",
        "term\tkind\tvalence\tnote\nbétonnage\tsentiment\t-2,5\t\n",
    );
    avis()
        .args(["score", "--lexicon"])
        .arg(&lexicon)
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("mine.tsv:2:"))
        .stderr(predicate::str::contains("write -2.5"));
    let topic = write(
        dir.path(),
        "topic.toml",
        "[targets.tram]\nnames = [\"tramway\"]\n\n[[stance]]\ntarget = \"tram\"\nweight = -0,5\nmarkers = [\"gâchis\"]\n",
    );
    avis()
        .args(["score", "--topic"])
        .arg(&topic)
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("topic.toml:6:"))
        .stderr(predicate::str::contains("write -0.5"));
    avis()
        .arg("score")
        .write_stdin("")
        .assert()
        .success()
        .stdout("")
        .stderr("avis: <stdin> is empty: 0 records scored\n");
}

/// The README's tramway task, on the file it names.
#[test]
fn readme_tramway_export_runs_as_written() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tramway.csv");
    let bytes = std::fs::read(path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "Windows-1252, not UTF-8"
    );
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "CRLF line ends kept"
    );
    let out = avis()
        .args([
            "score",
            "--text-column",
            "commentaire",
            "--encoding",
            "windows-1252",
            path,
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("6 records scored"));
    let records = lines(&out.get_output().stdout);
    let nums: Vec<_> = records.iter().map(|r| r["num"].clone()).collect();
    assert_eq!(nums, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(records[5]["auteur"], "Cœur de ville");
}
