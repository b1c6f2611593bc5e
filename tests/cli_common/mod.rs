//! Helpers of the command-line tests on files: the `avis` binary, JSON lines, and
//! the tramway consultation written as spreadsheets export it.
// Each test crate uses a part of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

// The command's own reading of the ignored signals, shared by path.
#[path = "../../src/bin/avis/sigign.rs"]
mod sigign;

use assert_cmd::Command;
use serde_json::Value;

pub fn avis() -> Command {
    Command::new(env!("CARGO_BIN_EXE_avis"))
}

/// `avis ARGS` with `stdin` on its standard input fails, saying `expected`.
pub fn fails_on(args: &[&str], stdin: &str, expected: &str) {
    avis()
        .args(args)
        .write_stdin(stdin)
        .assert()
        .failure()
        .stderr(predicates::str::contains(expected));
}

pub fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// The tramway consultation: `;` inside quotes, `,` inside quotes, line breaks
/// inside quotes, accents, `’`, `œ`, `€`.
pub const ROWS: [[&str; 4]; 5] = [
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
pub const HEADER: [&str; 4] = ["num", "auteur", "commentaire", "date"];

/// The rows as CSV: every field quoted when it holds the delimiter, a quote or a
/// line break, records ended by `eol` (line breaks inside fields stay `\n`, as
/// spreadsheets write them).
pub fn csv_text(delimiter: char, eol: &str) -> String {
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

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

pub fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// Whether this process ignores `signal` (`INT`, `TERM` or `HUP`), from the
/// kernel's account of it (`SigIgn` in `/proc/self/status`). A child inherits an
/// ignored signal, and `avis` keeps it ignored (as `nohup` asks): a test run as a
/// background job of a script (`cargo test &`, where the shell ignores SIGINT for
/// it) cannot interrupt its `avis` with that signal, and must not wait for it to.
pub fn ignored_here(signal: &str) -> bool {
    let number = match signal {
        "HUP" => 1,
        "INT" => 2,
        "TERM" => 15,
        _ => return false,
    };
    let ignored = sigign::ignored(number);
    if ignored {
        eprintln!("SIG{signal} is ignored by this test run (and so by its avis): not sent");
    }
    ignored
}
