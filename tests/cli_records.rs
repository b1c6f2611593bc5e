//! Large records: `--max-record-bytes` turns a record past it into an error naming
//! it (or, with `--skip-invalid`, a skipped and counted one), and records long
//! enough to be written straight out (and analysed a few per chunk) come out whole,
//! in order, the same as when they are alone.
#![cfg(feature = "cli")]

mod cli_common;

use cli_common::{avis, lines};
use predicates::prelude::*;
use serde_json::{json, Value};

fn record(id: u64, text: &str) -> String {
    format!("{}\n", json!({"id": id, "text": text}))
}

#[test]
fn a_json_line_past_the_limit_is_an_error_naming_it_or_skipped() {
    let long = "Quelle honte ! ".repeat(100);
    let input = [record(1, "Bravo."), record(2, &long), record(3, "Merci.")].concat();
    let at = record(1, "Bravo.").len();
    let size = record(2, &long).len();
    avis()
        .args(["score", "--max-record-bytes", "1K"])
        .write_stdin(input.clone())
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "avis: error: <stdin>:2: this record is {size} bytes (from byte {at} of the \
             input), more than --max-record-bytes 1024"
        )))
        .stderr(predicate::str::contains("--skip-invalid"));
    let out = avis()
        .args(["score", "--skip-invalid", "--max-record-bytes", "1024"])
        .write_stdin(input.clone())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "avis: skipped <stdin>:2: this record is",
        ))
        .stderr(predicate::str::contains(
            "2 records scored from <stdin>, 1 invalid record skipped",
        ));
    let ids: Vec<Value> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, [json!(1), json!(3)]);
    // At the default limit the same line is an ordinary record.
    avis()
        .args(["score", "-q"])
        .write_stdin(input)
        .assert()
        .success();
}

#[test]
fn a_csv_row_past_the_limit_is_skipped_and_counted() {
    let long = "Quelle honte ! ".repeat(100);
    let csv = format!("id;text\n1;Bravo.\n2;{long}\n3;Merci.\n");
    avis()
        .args(["score", "--format", "csv", "--max-record-bytes", "1K"])
        .write_stdin(csv.clone())
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "<stdin>:3: this record is 1501 bytes (from byte 17 of the input)",
        ));
    let out = avis()
        .args(["score", "--format", "csv", "--skip-invalid"])
        .args(["--max-record-bytes", "1K"])
        .write_stdin(csv)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 invalid record skipped"));
    let ids: Vec<Value> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, [json!("1"), json!("3")]);
}

#[test]
fn bad_sizes_are_refused() {
    for size in ["0", "12 parsecs", "-1"] {
        avis()
            .args(["score", &format!("--max-record-bytes={size}")])
            .write_stdin("")
            .assert()
            .failure()
            .stderr(predicate::str::contains("--max-record-bytes"));
    }
}

#[test]
fn long_records_come_out_whole_in_order_and_as_when_alone() {
    // Records of 300 KB (written straight out) and 2 MB (a chunk of their own)
    // among short ones.
    let texts: Vec<String> = (0..12u64)
        .map(|i| match i % 4 {
            1 => "Une honte, vraiment.\n".repeat(15_000),
            3 if i > 4 => "Bravo pour ce projet ! ".repeat(90_000),
            _ => format!("Commentaire {i} : plutôt bien."),
        })
        .collect();
    let input: String = (0u64..).zip(&texts).map(|(i, t)| record(i, t)).collect();
    let out = avis()
        .args(["score", "-q", "--evidence", "top"])
        .write_stdin(input)
        .assert()
        .success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), texts.len());
    for ((i, scored), text) in (0u64..).zip(&records).zip(&texts) {
        assert_eq!(scored["id"], json!(i));
        assert_eq!(scored["text"], json!(text));
        let alone = avis()
            .args(["score", "-q", "--evidence", "top"])
            .write_stdin(record(i, text))
            .assert()
            .success();
        assert_eq!(&lines(&alone.get_output().stdout)[0], scored, "record {i}");
    }
}

#[test]
fn a_csv_header_naming_a_column_twice_is_an_error() {
    // Found by fuzzing: the second column of a name overwrote the first one's cells
    // (trailing empty header cells, as some spreadsheets export them, did the same).
    avis()
        .args(["score", "--format", "csv"])
        .write_stdin("id;text;;\n1;Bravo.;a;b\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "avis: error: <stdin>: the CSV header names two columns \"\" (columns 3 and 4): \
             give each column its own name",
        ));
}
