//! The files people have: French CSV exports (`;`, Windows-1252, CRLF, quoted
//! fields with line breaks), spreadsheets back, explanations, reports with columns.
//! Every input is a real file written by the test into a temporary directory.

use std::path::{Path, PathBuf};

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

/// The tramway consultation: `;` inside quotes, `,` inside quotes, line breaks
/// inside quotes, accents, `’`, `œ`, `€`.
const ROWS: [[&str; 4]; 5] = [
    [
        "1",
        "Zoé",
        "Ce tramway est une honte ; vraiment.\nDeux lignes, pour le dire.",
        "2024-01-02",
    ],
    [
        "2",
        "Noël",
        "Bravo pour ce projet, c’est très bien !",
        "2024-01-03",
    ],
    ["3", "Œdipe", "Je ne sais pas.", "2024-01-04"],
    [
        "4",
        "Hélène",
        "Trop cher : 30 M€ pour ça ?\nQuel gâchis…",
        "2024-01-05",
    ],
    ["5", "", "L’œuvre est réussie, merci.", ""],
];
const HEADER: [&str; 4] = ["num", "auteur", "commentaire", "date"];

/// The rows as CSV: every field quoted when it holds the delimiter, a quote or a
/// line break, records ended by `eol` (line breaks inside fields stay `\n`, as
/// spreadsheets write them).
fn csv_text(delimiter: char, eol: &str) -> String {
    let field = |f: &str| {
        if f.contains([delimiter, '"', '\n']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_string()
        }
    };
    let mut out = String::new();
    for row in std::iter::once(HEADER).chain(ROWS) {
        let cells: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&cells.join(&delimiter.to_string()));
        out.push_str(eol);
    }
    out
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

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
    avis()
        .args(["score", "--encoding", "klingon"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("windows-1252"));
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
    avis()
        .args(["score", "--columns", "num"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("--output-format csv"));
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
fn explain_prints_sentences_markers_rules_and_reasons() {
    let text = "Ce partenariat n'est pas du tout rassurant ! Le logiciel libre, c'est bien.";
    avis()
        .args(["explain", text])
        .assert()
        .success()
        .stdout(predicate::str::contains("Sentence 1 (bytes 0..44)"))
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
    let grouped = json["sentences"][0]["evidence"].as_array().unwrap().len();
    assert_eq!(grouped, json["evidence"].as_array().unwrap().len());
    avis()
        .arg("explain")
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("<stdin> is empty"));
}

#[test]
fn report_shows_chosen_columns_and_stance_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let export = write(dir.path(), "tram.csv", cp1252(&csv_text(';', "\r\n")));
    let html = dir.path().join("r.html");
    let args = ["--text-column", "commentaire", "--encoding", "windows-1252"];
    avis()
        .args(["report", "-q", "--show-columns", "auteur,date", "--html"])
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
