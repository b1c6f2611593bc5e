//! `avis evaluate`: a labelled file scored against its labels, on files written by
//! the tests.
#![cfg(feature = "cli")]

mod cli_common;

use cli_common::{avis, write};
use serde_json::Value;

fn figures(args: &[&str], path: &std::path::Path) -> Value {
    let out = avis().args(args).arg(path).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON figures")
}

#[test]
fn sentiment_labels_in_a_csv() {
    let dir = tempfile::tempdir().expect("a folder");
    let csv = write(
        dir.path(),
        "avis.csv",
        "n;commentaire;note\n1;Une honte absolue.;négatif\n2;Bravo, très réussi !;positif\n\
         3;Quel gâchis.;positif\n",
    );
    let json = figures(
        &[
            "evaluate",
            "-q",
            "--json",
            "--text-column",
            "commentaire",
            "--label-column",
            "note",
        ],
        &csv,
    );
    assert_eq!(json["texts"], 3);
    assert!((json["accuracy"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    // No neutral label: predictions by the score's sign; the third is a miss.
    assert_eq!(json["confusion"]["positive"]["negative"], 1);
    assert_eq!(json["classes"][2]["support"], 2);
}

#[test]
fn stance_toward_a_target_and_bad_labels() {
    let dir = tempfile::tempdir().expect("a folder");
    let jsonl = write(
        dir.path(),
        "stance.jsonl",
        "{\"text\":\"Ce partenariat est une honte.\",\"s\":\"AGAINST\"}\n\
         {\"text\":\"Bravo pour ce partenariat !\",\"s\":\"FAVOUR\"}\n",
    );
    let args = ["evaluate", "-q", "--json", "--topic", "consultation-2015"];
    let json = figures(
        &[
            &args[..],
            &["--target", "partenariat", "--label-column", "s"],
        ]
        .concat(),
        &jsonl,
    );
    assert_eq!(json["accuracy"], 1.0);
    assert_eq!(json["macro_f1_against_favor"], 1.0);
    // A target the topic does not have, a label that is none.
    avis()
        .args(["evaluate", "--target", "tramway", "--label-column", "s"])
        .arg(&jsonl)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "no target `tramway`: the topic has none",
        ));
    let bad = write(
        dir.path(),
        "bad.jsonl",
        "{\"text\":\"Bien.\",\"s\":\"bof\"}\n",
    );
    avis()
        .args(["evaluate", "--label-column", "s"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "bad.jsonl:1: label \"bof\" is not one of",
        ));
}
