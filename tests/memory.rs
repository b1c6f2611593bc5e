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

/// Score the record in `input`; the sentiment written, and the peak of all runs
/// so far in bytes.
fn score(dir: &Path, input: &Path, evidence: &str) -> (Value, u64) {
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
    }
    let file = BufReader::new(File::open(&output).unwrap());
    let scored: Scored = serde_json::from_reader(file).unwrap();
    std::fs::remove_file(output).unwrap();
    (scored.sentiment, peak)
}

/// One huge record of `make`'s text, scored with `--evidence evidence`: the peak
/// within `factor` times its size (plus [`BASE`]). Returns the sentiment written.
fn check(what: &str, make: fn() -> String, evidence: &str, factor: u64) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("record.jsonl");
    // The text is dropped before the run: a child's peak counts its parent's
    // memory at the time it was started (a vfork shares it until the exec).
    let size = {
        let text = make();
        write_record(&input, &text);
        text.len() as u64
    };
    let (sentiment, peak) = score(dir.path(), &input, evidence);
    let bound = factor * size + BASE;
    eprintln!(
        "{what} of {:.1} MB, --evidence {evidence}: peak {} MB ({:.1} times), bound {} MB",
        size as f64 / MB as f64,
        peak / MB,
        peak as f64 / size as f64,
        bound / MB
    );
    assert!(peak <= bound, "{what}: peak {peak} > {bound}");
    sentiment
}

#[test]
fn one_huge_record_stays_within_the_documented_bound() {
    let book50 = || book(50_000_000);
    let dense10 = || dense(10_000_000);
    // The worst case measured: dense markers with all their evidence.
    let of_dense = check("short exclamations", dense10, "all", 80);
    // The case: a 50 MB book with `--evidence none`, within 20 times its
    // size for prose (18.5 times before the writer streamed long records).
    let of_book = check("a book", book50, "none", 20);
    // The huge records got the sentiment the library gives their texts (worked
    // out here, after the runs, so that this memory counts in no run's peak).
    let analyzer = Analyzer::default();
    for (sentiment, text) in [(of_book, book50()), (of_dense, dense10())] {
        let expected = serde_json::to_value(analyzer.analyze(&text).sentiment).unwrap();
        assert_eq!(sentiment, expected);
    }
}
