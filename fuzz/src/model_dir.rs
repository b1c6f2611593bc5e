//! The `model_dir` target: a model directory of `avis fit` (`model.toml`,
//! `lexicon.tsv`, `weights.toml`) written from the fuzzer's bytes into a directory
//! of this process, then read by `Model::load`, the entry point `--model DIR` and
//! `AnalyzerBuilder::model` use. The files are written as bytes, so that text which
//! is not UTF-8, a missing file and a directory in place of a file reach the loader
//! as a user's disk would give them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use avis_fr::fit::{Model, VERSION};
use avis_fr::{Analyzer, ErrorKind, Weights};

/// The three files of a model directory, in the order the inputs give them.
pub const FILES: [&str; 3] = ["model.toml", "lexicon.tsv", "weights.toml"];

/// The directory this process writes its models into (emptied once, at start).
fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("avis-fuzz-model-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    })
}

/// Write `files` (`None`: absent; a file named `dir`: a directory in its place)
/// into the directory and check what `Model::load` makes of them.
pub fn check(files: [Option<Vec<u8>>; 3]) {
    let dir = dir();
    let _ = std::fs::remove_dir_all(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    for (name, bytes) in FILES.iter().zip(&files) {
        let path = dir.join(name);
        let written = match bytes.as_deref() {
            None => Ok(()),
            Some(b"dir") => std::fs::create_dir(&path),
            Some(bytes) => std::fs::write(&path, bytes),
        };
        if let Err(e) = written {
            panic!("cannot write {}: {e}", path.display());
        }
    }
    match Model::load(dir) {
        Ok(model) => loaded(model),
        Err(e) => refused(dir, &files, &e),
    }
}

/// A model that loads is consistent and builds an analyzer that analyses its own
/// terms validly (unless its patterns together are too costly to compile).
fn loaded(model: Model) {
    if let Err(message) = model.weights.check() {
        panic!("a loaded model has weights out of range: {message}");
    }
    for entry in model.lexicon.entries() {
        assert!(entry.valence.is_finite(), "{entry:?}");
    }
    let sentiment = model.weights.sentiment;
    let mut sample: Vec<String> = model
        .lexicon
        .entries()
        .iter()
        .map(|e| e.term.clone())
        .collect();
    sample.extend(["pas", "très", "mais", "!"].map(String::from));
    let built = Analyzer::builder()
        .without_defaults()
        .lexicon(crate::rules_lexicon().clone())
        .with_model(model)
        .build();
    let analyzer = match built {
        Ok(analyzer) => analyzer,
        Err(e) => {
            let costly = e.to_string().contains("patterns together");
            assert!(costly && e.kind() == ErrorKind::Config, "{e}");
            return;
        }
    };
    let text = sample.join(" ");
    let analysis = analyzer.analyze(&text);
    crate::check_analysis(
        &analyzer,
        &text,
        &analysis,
        (sentiment.negative, sentiment.positive),
    );
}

/// A refused model: an error of the kind the file calls for, naming the file.
fn refused(dir: &Path, files: &[Option<Vec<u8>>; 3], e: &avis_fr::Error) {
    let message = e.to_string();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::Model | ErrorKind::Parse | ErrorKind::Io | ErrorKind::Config
        ),
        "{e:?}"
    );
    if e.kind() == ErrorKind::Model {
        // Only model.toml (missing, unreadable as TOML, another version, a bad
        // task) is a `model` error; the other files fail as a lexicon or weights do.
        assert!(message.contains(&dir.display().to_string()), "{message}");
        return;
    }
    let named = FILES.iter().position(|name| message.contains(name));
    let Some(index) = named else {
        panic!("the error names no file of the model: {message}");
    };
    if e.kind() == ErrorKind::Parse {
        let name = dir.join(FILES[index]).display().to_string();
        let text = files[index].as_deref().map(String::from_utf8_lossy);
        let Some(text) = text else {
            panic!("a parse error for a missing file: {message}");
        };
        crate::check_error_position(&message, &name, &text);
    }
}

/// The three files from raw bytes: split at the first two `\0` bytes (a missing
/// part is a missing file; a part that reads `dir` is a directory).
pub fn raw(bytes: &[u8]) -> [Option<Vec<u8>>; 3] {
    let mut parts = bytes.splitn(3, |&b| b == 0).map(|part| Some(part.to_vec()));
    [(); 3].map(|()| parts.next().flatten())
}

/// The three files, mostly well formed: a header of this version (now and then
/// another), a generated lexicon, the default weights with some values changed.
pub fn generated(u: &mut Unstructured<'_>) -> Result<[Option<Vec<u8>>; 3]> {
    let header = header(u)?;
    let weights = weights(u)?;
    let lexicon = crate::lexicon_tsv(u)?;
    let mut files = [header, lexicon, weights].map(|text| Some(text.into_bytes()));
    // Now and then a file is missing.
    if u.ratio(1u8, 16u8)? {
        let missing = u.int_in_range(0..=2usize)?;
        files[missing] = None;
    }
    Ok(files)
}

/// `model.toml`: version, task and target, each now and then wrong.
fn header(u: &mut Unstructured<'_>) -> Result<String> {
    let version = match u.int_in_range(0..=15u8)? {
        0 => "0.0.1".to_string(),
        1 => u.arbitrary::<String>()?,
        _ => VERSION.to_string(),
    };
    let mut toml = format!("avis_fr_version = {}\n", crate::toml_string(&version));
    match u.int_in_range(0..=7u8)? {
        0 => {}
        1 => {
            let _ = writeln!(toml, "task = {}", crate::toml_string(u.arbitrary()?));
        }
        2 | 3 => {
            toml.push_str("task = \"stance\"\n");
            if u.ratio(3u8, 4u8)? {
                let _ = writeln!(toml, "target = {}", crate::toml_string(u.arbitrary()?));
            }
        }
        _ => toml.push_str("task = \"sentiment\"\n"),
    }
    if u.ratio(1u8, 8u8)? {
        toml.push_str(u.arbitrary::<&str>()?);
    }
    Ok(toml)
}

/// `weights.toml`: the default weights, each value now and then replaced (by a
/// number in or out of its range, or by anything), a line dropped or a key added.
fn weights(u: &mut Unstructured<'_>) -> Result<String> {
    let mut toml = String::new();
    for line in Weights::default().to_toml().lines() {
        match (line.split_once(" = "), u.int_in_range(0..=15u8)?) {
            (Some((key, _)), 0) => {
                let _ = writeln!(toml, "{key} = {}", crate::number(u)?);
            }
            (Some(_), 1) => {}
            (_, 2) => {
                let _ = writeln!(toml, "{line}\n{}", u.arbitrary::<&str>()?);
            }
            _ => {
                let _ = writeln!(toml, "{line}");
            }
        }
    }
    Ok(toml)
}
