//! The files people have: French CSV exports (`;`, Windows-1252, CRLF, quoted
//! fields with line breaks), spreadsheets back, explanations, reports with columns.
//! Every input is a real file written by the test into a temporary directory.
#![cfg(feature = "cli")]

mod cli_common;

use cli_common::{avis, cp1252, csv_text, fails_on, lines, write, HEADER, ROWS};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn windows_1252_semicolon_crlf_scores_like_its_utf8_comma_twin() {
    let dir = tempfile::tempdir().unwrap();
    let twin = write(dir.path(), "tram.csv", csv_text(',', "\n"));
    let export = write(
        dir.path(),
        "tram_cp1252.csv",
        cp1252(&csv_text(';', "\r\n")),
    );
    let utf8 = avis()
        .args(["score", "--text-column", "commentaire"])
        .arg(&twin)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "delimiter ',' (detected from the header)",
        ));
    let exported = avis()
        .args([
            "score",
            "--text-column",
            "commentaire",
            "--encoding",
            "windows-1252",
        ])
        .arg(&export)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "delimiter ';' (detected from the header)",
        ))
        .stderr(predicate::str::contains("5 records scored"));
    let (a, b) = (
        lines(&utf8.get_output().stdout),
        lines(&exported.get_output().stdout),
    );
    assert_eq!(a.len(), ROWS.len());
    assert_eq!(a, b, "same records, same fields, same analyses");
    for (record, row) in b.iter().zip(ROWS) {
        assert_eq!(record["num"], row[0]);
        assert_eq!(record["auteur"], row[1]);
        assert_eq!(record["commentaire"], row[2]);
    }
}

#[test]
fn encodings_are_named_when_utf8_fails_and_read_when_given() {
    let dir = tempfile::tempdir().unwrap();
    let export = write(dir.path(), "tram.csv", cp1252(&csv_text(';', "\r\n")));
    avis()
        .args(["score", "--text-column", "commentaire"])
        .arg(&export)
        .assert()
        .failure()
        .stderr(predicate::str::contains("tram.csv:2: invalid UTF-8"))
        .stderr(predicate::str::contains(
            "it looks like Windows-1252 or Latin-1: pass --encoding windows-1252",
        ))
        .stderr(predicate::str::contains("--skip-invalid").not());
    for label in ["latin-1", "cp1252", "Windows-1252"] {
        avis()
            .args([
                "score",
                "-q",
                "--text-column",
                "commentaire",
                "--encoding",
                label,
            ])
            .arg(&export)
            .assert()
            .success();
    }
    // UTF-16 with a byte order mark is read whatever --encoding says (it says so).
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        csv_text('\t', "\r\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let path = write(dir.path(), "tram.tsv", &utf16);
    let out = avis()
        .args(["score", "--text-column", "commentaire"])
        .arg(&path)
        .assert()
        .success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), ROWS.len());
    assert_eq!(records[3]["commentaire"], ROWS[3][2]);
    fails_on(&["score", "--encoding", "klingon"], "", "windows-1252");
}

#[test]
fn crlf_files_give_the_same_line_numbers_as_lf_files() {
    let dir = tempfile::tempdir().unwrap();
    for eol in ["\n", "\r\n"] {
        let text = format!("id;text{eol}1;\"a{eol}b\"{eol}2;x{eol}3{eol}4;z{eol}");
        let path = write(dir.path(), "s5.csv", text);
        avis()
            .arg("score")
            .arg(&path)
            .assert()
            .failure()
            .stderr(predicate::str::contains("s5.csv:5: this row has 1 fields"));
    }
    let path = write(dir.path(), "noid.csv", "text\r\nun\r\ndeux\r\n");
    let out = avis().arg("score").arg(&path).assert().success();
    let ids: Vec<_> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["text"].clone())
        .collect();
    assert_eq!(ids, ["un", "deux"]);
    let out = avis()
        .args(["report", "--json"])
        .arg(&path)
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["documents"], 2);
}

#[test]
fn format_from_extension_delimiter_option_and_a_hint_for_csv_read_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let text = csv_text(';', "\n");
    let csv = write(dir.path(), "tram.csv", &text);
    let txt = write(dir.path(), "tram.txt", "Une honte.\nBravo !\n");
    let jsonl = write(dir.path(), "t.ndjson", "{\"text\":\"Bravo\"}\n");
    let plain = write(dir.path(), "tram", &text);
    avis()
        .args([
            "score",
            "-q",
            "--text-column",
            "commentaire",
            "--delimiter",
            ";",
        ])
        .arg(&csv)
        .assert()
        .success()
        .stderr("");
    let out = avis().args(["score", "-q"]).arg(&txt).assert().success();
    assert_eq!(lines(&out.get_output().stdout)[1]["text"], "Bravo !");
    avis().args(["score", "-q"]).arg(&jsonl).assert().success();
    avis()
        .args(["score", "--text-column", "commentaire"])
        .arg(&plain)
        .assert()
        .failure()
        .stderr(predicate::str::contains(":1: not valid JSON"))
        .stderr(predicate::str::contains(
            "this looks like CSV: pass --format csv",
        ));
    // A delimiter that is not in the header: one column, and the advice says so.
    avis()
        .args(["score", "--text-column", "commentaire", "--delimiter", ","])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "give the delimiter with --delimiter",
        ));
}

/// Read a CSV output back with the `csv` crate.
fn read_csv(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_output_reads_back_to_the_json_scores_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let export = write(dir.path(), "tram.csv", cp1252(&csv_text(';', "\r\n")));
    let base = [
        "score",
        "-q",
        "--topic",
        "consultation-2015",
        "--text-column",
        "commentaire",
        "--encoding",
        "cp1252",
    ];
    let json = lines(
        &avis()
            .args(base)
            .arg(&export)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let out = avis()
        .args(base)
        .args(["--output-format", "csv"])
        .arg(&export)
        .assert()
        .success();
    // Written back in the input's encoding, for the spreadsheet that made it.
    let stdout = &out.get_output().stdout;
    assert!(std::str::from_utf8(stdout).is_err());
    let (text, _, malformed) = encoding_rs::WINDOWS_1252.decode(stdout);
    assert!(!malformed);
    let (header, rows) = read_csv(text.as_bytes(), b';');
    assert_eq!(&header[..4], HEADER);
    assert!(header.contains(&"stance_partenariat".to_string()));
    assert_eq!(rows.len(), json.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, record) in rows.iter().zip(&json) {
        assert_eq!(row[col("num")], record["num"].as_str().unwrap());
        assert_eq!(
            row[col("commentaire")],
            record["commentaire"].as_str().unwrap()
        );
        let score: f64 = row[col("sentiment_score")].parse().unwrap();
        assert_eq!(score, record["sentiment"]["score"].as_f64().unwrap());
        assert_eq!(row[col("sentiment_label")], record["sentiment"]["label"]);
        assert_eq!(
            row[col("stance_partenariat")],
            record["stance"]["partenariat"]["label"]
        );
    }
    // Decimal commas, as a French spreadsheet reads numbers: the same scores.
    let out = avis()
        .args(base)
        .args([
            "--output-format",
            "csv",
            "--output-encoding",
            "utf-8",
            "--decimal-comma",
        ])
        .args(["--columns", "num,sentiment_score"])
        .arg(&export)
        .assert()
        .success();
    let (_, comma_rows) = read_csv(&out.get_output().stdout, b';');
    for (row, record) in comma_rows.iter().zip(&json) {
        let score: f64 = row[1].replace(',', ".").parse().unwrap();
        assert_eq!(score, record["sentiment"]["score"].as_f64().unwrap());
    }
    // Chosen columns, another delimiter.
    let out = avis()
        .args(base)
        .args(["--output-format", "csv", "--output-delimiter", ","])
        .args(["--output-encoding", "utf-8"])
        .args([
            "--columns",
            "num,sentiment_label,stance_partenariat_score,frames,top_evidence",
        ])
        .arg(&export)
        .assert()
        .success();
    let (header, rows) = read_csv(&out.get_output().stdout, b',');
    assert_eq!(header.len(), 5);
    assert_eq!(rows.len(), ROWS.len());
    assert!(rows[0][4].contains("honte"), "{:?}", rows[0]);
    avis()
        .args(base)
        .args(["--output-format", "csv", "--columns", "num,nope"])
        .arg(&export)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no column \"nope\""));
    fails_on(&["score", "--columns", "num"], "", "--output-format csv");
}

#[test]
fn csv_output_n_records_in_n_out_in_order_and_atomic() {
    let dir = tempfile::tempdir().unwrap();
    // Over two parallel chunks, with line breaks and delimiters in the texts.
    let mut text = String::from("id;text\r\n");
    for i in 0..2100 {
        text.push_str(&format!(
            "{i};\"mot {i} ;\r\n{}\"\r\n",
            "honte ".repeat(i % 5)
        ));
    }
    let input = write(dir.path(), "big.csv", &text);
    let dest = dir.path().join("out.csv");
    avis()
        .args(["score", "-q", "--output-format", "csv", "--output"])
        .arg(&dest)
        .arg(&input)
        .assert()
        .success()
        .stdout("");
    let (_, rows) = read_csv(&std::fs::read(&dest).unwrap(), b';');
    let ids: Vec<u64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(ids, (0..2100).collect::<Vec<_>>());
    // A bad row: the run fails, the existing output is left as it was, no temp file.
    let bad = write(dir.path(), "bad.csv", format!("{text}x\r\n"));
    avis()
        .args(["score", "-q", "--output-format", "csv", "--output"])
        .arg(&dest)
        .arg(&bad)
        .assert()
        .failure();
    assert_eq!(read_csv(&std::fs::read(&dest).unwrap(), b';').1.len(), 2100);
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 3, "big.csv, bad.csv, out.csv and nothing else");
    // No record: the header alone.
    let out = avis()
        .args(["score", "-q", "--output-format", "csv", "--format", "csv"])
        .write_stdin("id,text\n")
        .assert()
        .success();
    let (header, rows) = read_csv(&out.get_output().stdout, b',');
    assert_eq!(&header[..3], ["id", "text", "sentiment_score"]);
    assert!(rows.is_empty());
}

#[test]
fn evidence_all_top_or_none() {
    let input = "{\"id\":1,\"text\":\"Ce n'est pas une honte, c'est très bien !\"}\n";
    let count = |mode: &str| {
        let out = avis()
            .args(["score", "--evidence", mode])
            .write_stdin(input)
            .assert()
            .success();
        lines(&out.get_output().stdout).remove(0)
    };
    let all = count("all");
    let top = count("top");
    let none = count("none");
    assert!(all["evidence"].as_array().unwrap().len() > 1);
    assert_eq!(top["evidence"].as_array().unwrap().len(), 1);
    assert!(none.get("evidence").is_none());
    assert_eq!(all["sentiment"], none["sentiment"]);
    let most = all["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["contribution"].as_f64().unwrap().abs())
        .fold(0.0, f64::max);
    assert_eq!(
        top["evidence"][0]["contribution"].as_f64().unwrap().abs(),
        most
    );
}

#[test]
fn a_delimiter_for_input_read_as_json_lines_is_an_error() {
    avis()
        .args(["score", "--delimiter", ";"])
        .write_stdin("num;text\n1;x\n")
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains("add --format csv"));
}
