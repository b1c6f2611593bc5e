//! Interrupted runs leave nothing behind: `avis score --output` and `avis report
//! --html` stopped by SIGINT, SIGTERM or SIGHUP at several points remove their
//! temporary file, leave the old output as it was, say so in one line and exit with
//! 128 + the signal.
//!
//! The points are reached by what the test feeds the run, not by waiting a given
//! time: a run whose standard input is still open cannot have finished.
#![cfg(all(feature = "cli", unix))]

mod cli_common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const SIGNALS: [(&str, i32); 3] = [("INT", 130), ("TERM", 143), ("HUP", 129)];

/// The signals this test run can send (see [`cli_common::ignored_here`]).
fn signals() -> Vec<(&'static str, i32)> {
    let sendable = |signal: &(&str, i32)| !cli_common::ignored_here(signal.0);
    SIGNALS.into_iter().filter(sendable).collect()
}

const OLD: &str = "{\"old\":\"output\"}\n";

/// The bundled thread's texts, as `n` records starting at id `from`.
fn records(from: usize, n: usize) -> String {
    let texts: Vec<String> = include_str!("../data/consultation-2015.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect();
    (from..from + n)
        .map(|i| {
            let record = serde_json::json!({"id": i, "text": texts[i % texts.len()]});
            format!("{record}\n")
        })
        .collect()
}

/// The names in `dir` that are temporary output files.
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".avis-"))
        .collect()
}

/// Wait until `ready` holds; a minute without it is a hung run, not slowness.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < Duration::from_secs(60), "never: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The size of the one temporary file in `dir`, if there is one.
fn temp_size(dir: &Path) -> Option<u64> {
    let names = temp_files(dir);
    let name = names.first()?;
    std::fs::metadata(dir.join(name)).ok().map(|m| m.len())
}

fn kill(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args(["-s", signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -s {signal}");
}

/// Send `signal`, then check what an interrupted run must leave: the status, the
/// one line, the old file as it was, no temporary file.
fn interrupt_and_check(child: Child, signal: (&str, i32), dir: &Path, dest: &Path) {
    kill(&child, signal.0);
    let out = exited(child);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(signal.1),
        "SIG{}: {stderr}",
        signal.0
    );
    assert_eq!(
        stderr,
        format!("avis: interrupted: {} left unchanged\n", dest.display()),
        "SIG{}",
        signal.0
    );
    assert_eq!(
        std::fs::read_to_string(dest).unwrap(),
        OLD,
        "SIG{}",
        signal.0
    );
    assert_eq!(temp_files(dir), Vec::<String>::new(), "SIG{}", signal.0);
}

/// Wait for `child` to exit with its standard input still open: closed earlier, a
/// run waiting for input could end on its own (a half record is an error) before
/// it handles the signal.
fn exited(mut child: Child) -> Output {
    let mut status = None;
    wait_until("the run's exit", || {
        status = child.try_wait().unwrap();
        status.is_some()
    });
    drop(child.stdin.take());
    let mut stderr = Vec::new();
    if let Some(mut pipe) = child.stderr.take() {
        std::io::Read::read_to_end(&mut pipe, &mut stderr).unwrap();
    }
    Output {
        status: status.unwrap(),
        stdout: Vec::new(),
        stderr,
    }
}

fn spawn(args: &[&str], dest: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(args)
        .arg(dest)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.jsonl");
    std::fs::write(&dest, OLD).unwrap();
    (dir, dest)
}

#[test]
fn score_interrupted_before_any_record() {
    for signal in signals() {
        let (dir, dest) = setup();
        let mut child = spawn(&["score", "-q", "--output"], &dest);
        // Half a record: past the look at the first bytes (a byte order mark?), the
        // output is open and the reader waits for the end of the line.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"{\"id\": 1, \"te").unwrap();
        child.stdin = Some(stdin);
        wait_until("a temporary file", || temp_size(dir.path()).is_some());
        interrupt_and_check(child, signal, dir.path(), &dest);
    }
}

#[test]
fn score_interrupted_with_output_written_and_more_to_come() {
    for signal in signals() {
        let (dir, dest) = setup();
        let mut child = spawn(&["score", "-q", "--output"], &dest);
        // Three chunks of records: more than the writer's buffer reaches the file.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(records(0, 3000).as_bytes()).unwrap();
        wait_until("part of the output in the temporary file", || {
            temp_size(dir.path()).is_some_and(|n| n > 0)
        });
        child.stdin = Some(stdin);
        interrupt_and_check(child, signal, dir.path(), &dest);
    }
}

#[test]
fn score_interrupted_while_analysing_a_large_record() {
    let big = serde_json::json!({"id": "big", "text": records(0, 20_000)}).to_string();
    for signal in signals() {
        let (dir, dest) = setup();
        let mut child = spawn(&["score", "-q", "--output"], &dest);
        let mut stdin = child.stdin.take().unwrap();
        // A full chunk whose first record is large: its analysis starts at once.
        writeln!(stdin, "{big}").unwrap();
        stdin.write_all(records(1, 1023).as_bytes()).unwrap();
        child.stdin = Some(stdin);
        interrupt_and_check(child, signal, dir.path(), &dest);
    }
}

#[test]
fn score_of_a_file_interrupted_midway() {
    let dir = tempfile::tempdir().unwrap();
    let input = cli_common::write(dir.path(), "big.jsonl", records(0, 60_000));
    for (i, signal) in signals().into_iter().enumerate() {
        let dest = dir.path().join("out.jsonl");
        std::fs::write(&dest, OLD).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_avis"))
            .args(["score", "-q", "--output-format", "csv", "--output"])
            .arg(&dest)
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Each signal at a later point: 1, 2, 3 MB of output written.
        let bytes = (i as u64 + 1) << 20;
        wait_until("output in the temporary file", || {
            temp_size(dir.path()).is_some_and(|n| n >= bytes)
        });
        interrupt_and_check(child, signal, dir.path(), &dest);
    }
}

#[test]
fn report_html_interrupted() {
    for signal in signals() {
        let (dir, dest) = setup();
        let mut child = spawn(&["report", "-q", "--html"], &dest);
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(records(0, 2000).as_bytes()).unwrap();
        child.stdin = Some(stdin);
        wait_until("a temporary file", || temp_size(dir.path()).is_some());
        interrupt_and_check(child, signal, dir.path(), &dest);
    }
}

#[test]
fn a_new_output_is_not_written_and_standard_output_is_just_stopped() {
    if cli_common::ignored_here("INT") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("new.jsonl");
    let mut child = spawn(&["score", "-q", "--output"], &dest);
    child.stdin.as_mut().unwrap().write_all(b"{\"id\"").unwrap();
    wait_until("a temporary file", || temp_size(dir.path()).is_some());
    kill(&child, "INT");
    let out = exited(child);
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("avis: interrupted: {} not written\n", dest.display())
    );
    assert!(!dest.exists());
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());

    // To standard output: nothing to remove, the same status and a shorter line.
    let mut child = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(["score", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(records(0, 1024).as_bytes()).unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // The first chunk scored: the run is past its start-up.
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    kill(&child, "TERM");
    // Its output is still read: a run blocked on a full pipe has not ended.
    let drain = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    child.stdin = Some(stdin);
    let out = exited(child);
    drain.join().unwrap().unwrap();
    assert_eq!(out.status.code(), Some(143));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "avis: interrupted\n");
}

#[test]
fn a_signal_ignored_at_start_stays_ignored() {
    // `nohup` runs avis with SIGHUP ignored: a hangup must not stop it.
    let (dir, dest) = setup();
    let mut child = Command::new("nohup")
        .arg(env!("CARGO_BIN_EXE_avis"))
        .args(["score", "-q", "--output"])
        .arg(&dest)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(records(0, 10).as_bytes()).unwrap();
    wait_until("a temporary file", || temp_size(dir.path()).is_some());
    kill(&child, "HUP");
    stdin.write_all(records(10, 10).as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&dest).unwrap();
    assert_eq!(written.lines().count(), 20);
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
}
