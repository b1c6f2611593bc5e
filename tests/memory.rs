//! Memory per record a user can predict (README, "Memory"): the peak resident
//! memory of `avis score` on one huge record stays within the documented bound of
//! its size, and the record still gets the sentiment the library gives its text.
//!
//! The peak is the kernel's (getrusage of the waited-for children). One test in
//! this file, so that no other test's child counts: its runs go in the order of
//! their bounds (in bytes), so the peak of all runs so far is within each run's
//! bound only if that run's own peak is.
#![cfg(all(feature = "cli", target_os = "linux"))]

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::process::Command;

use avis_fr::Analyzer;
use nix::sys::resource::{getrusage, UsageWho};
use serde_json::Value;

const MB: u64 = 1_000_000;
/// What `avis` holds whatever its input: code, lexicons, buffers, one chunk.
const BASE: u64 = 64 * MB;

/// A book: the bundled thread's texts over and over, as paragraphs, to `bytes`.
fn book(bytes: usize) -> String {
    let texts: Vec<String> = include_str!("../data/consultation-2015.jsonl")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect();
    let mut book = String::with_capacity(bytes + 8192);
    for text in texts.iter().cycle() {
        if book.len() >= bytes {
            break;
        }
        book.push_str(text);
        book.push_str("\n\n");
    }
    book
}

/// Short exclamations, the densest text in markers and sentences per byte.
fn dense(bytes: usize) -> String {
    "Quelle honte ! Bravo. ".repeat(bytes / 22)
}

/// Write `text` as the one record of a JSON Lines file (escaped as it is written,
/// with no copy of the line in memory).
fn write_record(path: &Path, text: &str) {
    let mut out = BufWriter::new(File::create(path).unwrap());
    out.write_all(b"{\"id\":\"huge\",\"text\":").unwrap();
    serde_json::to_writer(&mut out, text).unwrap();
    out.write_all(b"}\n").unwrap();
    out.flush().unwrap();
}

/// Score the record in `input`; the sentiment and `truncated` written, and the
/// peak of all runs so far in bytes.
fn score(dir: &Path, input: &Path, evidence: &str) -> ((Value, Option<bool>), u64) {
    let output = dir.join("scored.jsonl");
    let status = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(["score", "-q", "--evidence", evidence, "--output"])
        .arg(&output)
        .arg(input)
        .status()
        .unwrap();
    assert!(status.success());
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).unwrap();
    // Linux gives kilobytes (KiB).
    let peak = usage.max_rss() as u64 * 1024;
    // The sentiment alone: the rest (hundreds of megabytes of evidence) is skipped
    // as it is read, not built, which would count in the next run's peak.
    #[derive(serde::Deserialize)]
    struct Scored {
        sentiment: Value,
        truncated: Option<bool>,
    }
    let file = BufReader::new(File::open(&output).unwrap());
    let scored: Scored = serde_json::from_reader(file).unwrap();
    std::fs::remove_file(output).unwrap();
    ((scored.sentiment, scored.truncated), peak)
}

/// One huge record of `make`'s text, scored with `--evidence evidence`: the peak
/// within `factor` times its size (plus [`BASE`]). Returns the sentiment and
/// `truncated` written.
fn check(what: &str, make: fn() -> String, evidence: &str, factor: u64) -> (Value, Option<bool>) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("record.jsonl");
    // The text is dropped before the run: a child's peak counts its parent's
    // memory at the time it was started (a vfork shares it until the exec).
    let size = {
        let text = make();
        write_record(&input, &text);
        text.len() as u64
    };
    let (written, peak) = score(dir.path(), &input, evidence);
    let bound = factor * size + BASE;
    eprintln!(
        "{what} of {:.1} MB, --evidence {evidence}: peak {} MB ({:.1} times), bound {} MB",
        size as f64 / MB as f64,
        peak / MB,
        peak as f64 / size as f64,
        bound / MB
    );
    assert!(peak <= bound, "{what}: peak {peak} > {bound}");
    written
}

#[test]
fn one_huge_record_stays_within_the_documented_bound() {
    let book50 = || book(50_000_000);
    let dense50 = || dense(50_000_000);
    // Within 8 times the record (plus BASE), prose or the densest text, with all
    // the evidence or none (15.5 to 68 times before records past 1 MiB were read
    // window by window: README, "Memory"). Equal bounds: any order holds.
    let mut answers = Vec::new();
    for (what, make) in [
        ("short exclamations", dense50 as fn() -> String),
        ("a book", book50),
    ] {
        for evidence in ["all", "none"] {
            let (sentiment, truncated) = check(what, make, evidence, 8);
            // 50 MB of text has more than KEEP sentences: the output says so.
            assert_eq!(truncated, Some(true), "{what}");
            answers.push((sentiment, make));
        }
    }
    // The huge records got the sentiment the library gives their texts (worked
    // out here, after the runs, so that this memory counts in no run's peak).
    let analyzer = Analyzer::default();
    for (sentiment, make) in answers {
        let expected = serde_json::to_value(analyzer.analyze(&make()).sentiment).unwrap();
        assert_eq!(sentiment, expected);
    }
}
