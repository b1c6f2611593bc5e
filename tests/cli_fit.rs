//! Learning from labels on the command line: `avis sample` → label → `avis fit` →
//! `avis evaluate --model` → `avis score --model`, on a small labelled sample the
//! repository holds (`tests/fit/tramway-labelled.csv`: 68 comments on a tramway
//! and bus project written for this test, labelled by hand).
#![cfg(feature = "cli")]

mod cli_common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cli_common::{avis, lines, write};
use serde_json::Value;

const LABELLED: &str = "tests/fit/tramway-labelled.csv";

fn json(args: &[&str]) -> Value {
    let out = avis().args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON")
}

/// Each id's label in the labelled file.
fn gold() -> HashMap<String, String> {
    let mut reader = csv::Reader::from_path(LABELLED).expect("the labelled sample");
    reader
        .records()
        .map(|r| r.expect("a row"))
        .map(|r| (r[0].to_string(), r[2].to_string()))
        .collect()
}

/// `avis sample` of the labelled file, then its `label` column filled in as a person
/// would (from the labelled file), as a new CSV.
fn sample_and_label(dir: &Path, n: &str) -> PathBuf {
    let sample = dir.join("to-label.csv");
    avis()
        .args(["sample", "-q", LABELLED, "-n", n, "--seed", "3", "-o"])
        .arg(&sample)
        .assert()
        .success();
    let gold = gold();
    let mut reader = csv::Reader::from_path(&sample).expect("the sample");
    assert_eq!(
        reader.headers().unwrap(),
        vec!["id", "text", "label", "avis_label"]
    );
    let labelled = dir.join("labelled.csv");
    let mut writer = csv::Writer::from_path(&labelled).expect("a labelled file");
    writer
        .write_record(["id", "text", "label", "avis_label"])
        .unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        assert_eq!(&row[2], "", "the label column is left empty");
        writer
            .write_record([&row[0], &row[1], &gold[&row[0]], &row[3]])
            .unwrap();
    }
    writer.flush().unwrap();
    labelled
}

#[test]
fn a_sample_is_stratified_and_deterministic() {
    let dir = tempfile::tempdir().expect("a folder");
    let run = |seed: &str| {
        let out = avis()
            .args(["sample", "-q", LABELLED, "-n", "21", "--seed", seed])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert_eq!(run("5"), run("5"));
    assert_ne!(run("5"), run("6"));
    let sample = run("5");
    let mut reader = csv::Reader::from_reader(sample.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 21);
    // Shared out evenly between the engine's labels: 7 each when each has 7.
    let mut by_label: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        *by_label.entry(row[3].to_string()).or_default() += 1;
    }
    assert_eq!(by_label.len(), 3, "{by_label:?}");
    assert!(by_label.values().all(|&n| n == 7), "{by_label:?}");
    let _ = dir;
}

#[test]
fn sample_fit_evaluate_score() {
    let dir = tempfile::tempdir().expect("a folder");
    let labelled = sample_and_label(dir.path(), "200");
    let model = dir.path().join("model");
    let labelled_arg = labelled.to_str().unwrap();
    let model_arg = model.to_str().unwrap();
    let report = json(&[
        "fit",
        "-q",
        labelled_arg,
        "-o",
        model_arg,
        "--json",
        "--seed",
        "2",
    ]);
    assert_eq!(report["texts"], 68);
    let (before, after) = (
        report["before"]["macro_f1"].as_f64().unwrap(),
        report["after"]["macro_f1"].as_f64().unwrap(),
    );
    // Cross-validated: each text scored by a model fitted without it.
    assert!(after >= before + 0.05, "before {before}, after {after}");
    for name in [
        "model.toml",
        "lexicon.tsv",
        "weights.toml",
        "report.md",
        "report.json",
    ] {
        assert!(model.join(name).is_file(), "{name}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&model)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let lexicon = std::fs::read_to_string(model.join("lexicon.tsv")).unwrap();
    assert!(lexicon.starts_with("# Lexicon lines learned by `avis fit`"));
    assert!(lexicon.contains("\nbouchons\tsentiment\t-"), "{lexicon}");
    assert!(lexicon.contains("texts, e.g. id t"), "{lexicon}");

    let evaluate = [
        "evaluate",
        "-q",
        "--json",
        "--label-column",
        "label",
        LABELLED,
    ];
    let plain = json(&evaluate);
    let with_model = json(&[&evaluate[..], &["--model", model_arg]].concat());
    let accuracy = |v: &Value| v["accuracy"].as_f64().unwrap();
    assert!(
        accuracy(&with_model) > accuracy(&plain),
        "{with_model} {plain}"
    );

    let out = avis()
        .args(["score", "-q", "--model", model_arg, LABELLED])
        .assert()
        .success();
    let records = lines(&out.get_output().stdout);
    let t01 = records.iter().find(|r| r["id"] == "t01").unwrap();
    let bouchons = t01["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "bouchons");
    assert_eq!(bouchons.map(|e| &e["source"]), Some(&Value::from("model")));
    assert_eq!(t01["sentiment"]["label"], "negative");

    // A person deletes a line: the model still loads, without it.
    let kept: Vec<&str> = lexicon
        .lines()
        .filter(|l| !l.starts_with("bouchons\t"))
        .collect();
    std::fs::write(model.join("lexicon.tsv"), kept.join("\n") + "\n").unwrap();
    let out = avis()
        .args(["explain", "--model", model_arg, "Encore des bouchons."])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!text.contains("`bouchons`"), "{text}");
    assert!(text.contains("Sentiment: neutral"), "{text}");

    // A model of another version says which.
    let header = std::fs::read_to_string(model.join("model.toml")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    std::fs::write(model.join("model.toml"), header.replace(version, "0.0.1")).unwrap();
    avis()
        .args(["score", "-q", "--model", model_arg, LABELLED])
        .assert()
        .failure()
        .stderr(predicates::str::contains("written by avis-fr 0.0.1"));
}

#[test]
fn bad_labels_say_what_is_expected() {
    let dir = tempfile::tempdir().expect("a folder");
    let model = dir.path().join("model");
    let mut rows = String::from("id,text,note\n");
    for i in 0..12 {
        let (text, label) = if i % 2 == 0 {
            ("Bravo.", "bien")
        } else {
            ("Nul.", "bof")
        };
        rows.push_str(&format!("{i},{text},{label}\n"));
    }
    let file = write(dir.path(), "notes.csv", &rows);
    let fit = |extra: &[&str]| {
        let mut command = avis();
        command
            .args(["fit", "-q"])
            .arg(&file)
            .arg("-o")
            .arg(&model)
            .args(extra);
        command.assert()
    };
    fit(&[]).failure().stderr(predicates::str::contains(
        "no label column \"label\": the columns are id, text, note",
    ));
    fit(&["--label-column", "note"])
        .failure()
        .stderr(predicates::str::contains(
            "\"bien\" (6 texts), \"bof\" (6 texts)",
        ))
        .stderr(predicates::str::contains("--label-map"));
    fit(&[
        "--label-column",
        "note",
        "--label-map",
        "bien=positive,bof=negative",
    ])
    .success();
    assert!(model.join("model.toml").is_file());
    let few = write(
        dir.path(),
        "few.csv",
        "id,text,label\n1,Bravo.,positive\n2,Nul.,negative\n",
    );
    avis()
        .args(["fit", "-q"])
        .arg(&few)
        .arg("-o")
        .arg(dir.path().join("m2"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("needs at least 5 labelled texts"));
}

/// The entries of `dir` that a run's temporary directories (or an old model moved
/// aside) would leave.
#[cfg(unix)]
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect()
}

/// Every file of a model directory, by name.
fn contents(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_refit_replaces_the_model_whole_and_never_a_folder_of_the_users() {
    let dir = tempfile::tempdir().expect("a folder");
    let model = dir.path().join("model");
    let fit = |seed: &str| {
        avis()
            .args(["fit", "-q", LABELLED, "--seed", seed, "-o"])
            .arg(&model)
            .assert()
    };
    fit("1").success();
    // A file the new fit does not write (as an older version's would be) goes with
    // the old model: what is there afterwards is exactly what one fit wrote.
    std::fs::write(model.join("report.md"), "an older report").unwrap();
    std::fs::remove_file(model.join("report.json")).unwrap();
    fit("2").success();
    let names: Vec<String> = contents(&model).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "lexicon.tsv",
            "model.toml",
            "report.json",
            "report.md",
            "weights.toml"
        ]
    );
    assert_ne!(
        std::fs::read_to_string(model.join("report.md")).unwrap(),
        "an older report"
    );
    #[cfg(unix)]
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    // A folder holding a file of the user's is not replaced, and is left as it was.
    std::fs::write(model.join("notes.txt"), "mine").unwrap();
    let before = contents(&model);
    fit("3")
        .failure()
        .stderr(predicates::str::contains("notes.txt"))
        .stderr(predicates::str::contains("is not replaced"));
    assert_eq!(contents(&model), before);
    #[cfg(unix)]
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// An interrupted fit (standard input still open, so the run cannot have finished)
/// leaves the old model as it was and no temporary directory, and says so.
#[cfg(unix)]
#[test]
fn an_interrupted_fit_leaves_the_old_model_and_no_temporary_directory() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().expect("a folder");
    let model = dir.path().join("model");
    avis()
        .args(["fit", "-q", LABELLED, "-o"])
        .arg(&model)
        .assert()
        .success();
    let before = contents(&model);
    for (signal, status) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        if cli_common::ignored_here(signal) {
            continue;
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_avis"))
            .args(["fit", "-q", "--format", "csv", "-o"])
            .arg(&model)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"id,text,label\n1,Bravo.,positive\n")
            .unwrap();
        let start = Instant::now();
        while leftovers(dir.path()).is_empty() {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no temporary directory"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        let killed = Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        // With standard input still open a run that missed the signal never ends:
        // a minute without an exit is a failure, not a hang.
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("SIG{signal}: avis fit did not exit");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "SIG{signal}: {stderr}");
        assert_eq!(
            stderr,
            format!("avis: interrupted: {} left unchanged\n", model.display())
        );
        assert_eq!(contents(&model), before, "SIG{signal}");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "SIG{signal}");
    }
}
