//! `scripts/sharded.sh`: scoring shards in parallel and joining them gives exactly
//! the unsharded output, and the same report.
#![cfg(all(unix, feature = "cli"))]

use std::process::Command;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/consultation-2015.jsonl");

#[test]
fn sharded_pipe_equals_unsharded_run() {
    let dir = tempfile::tempdir().unwrap();
    // A corpus of several uneven shards: the bundled one, seven times, ids renumbered.
    let corpus = std::fs::read_to_string(CORPUS).unwrap();
    let mut input = String::new();
    let mut n = 0;
    for _ in 0..7 {
        for line in corpus.lines() {
            let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
            record["id"] = n.into();
            input.push_str(&record.to_string());
            input.push('\n');
            n += 1;
        }
    }
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, &input).unwrap();
    let out_dir = dir.path().join("out");

    let sharded = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/sharded.sh"))
        .arg(&path)
        .args(["37", "2"])
        .env("AVIS", env!("CARGO_BIN_EXE_avis"))
        .env("OUT_DIR", &out_dir)
        .env("CHECK", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&sharded.stderr);
    assert!(sharded.status.success(), "sharded.sh failed: {stderr}");
    assert!(
        stderr.contains("sharded output equals unsharded (315 records)"),
        "{stderr}"
    );
    let shards = std::fs::read_dir(out_dir.join("shards")).unwrap().count();
    assert_eq!(
        shards,
        2 * 315_usize.div_ceil(37),
        "inputs and outputs of 9 shards"
    );

    let direct = Command::new(env!("CARGO_BIN_EXE_avis"))
        .args(["report", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(direct.status.success());
    assert_eq!(
        String::from_utf8_lossy(&sharded.stdout),
        String::from_utf8_lossy(&direct.stdout),
        "the report of the joined output is the report of the input"
    );
}
