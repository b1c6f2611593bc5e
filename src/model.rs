//! A model directory: what `avis fit` learned, as plain text files a person can
//! read, edit and commit.
//!
//! - `model.toml`: the avis-fr version that wrote it, the task (and target);
//! - `lexicon.tsv`: the learned lines, in the format of `lexicons/*.tsv`, each
//!   with a note saying how many labelled texts it rests on and one of them;
//! - `weights.toml`: every tuning constant, the refitted thresholds among them;
//! - `report.md` and `report.json`: how well the engine did before and after.
//!
//! The files are written into a temporary directory beside the destination, which
//! then takes the destination's place ([`replace_dir`]): refitting over a model
//! never leaves a mix of old and new files, and an interrupted write leaves the old
//! model whole.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::{read_to_string, Lexicon};
use crate::weights::Weights;

/// What the labels say: sentiment, or stance toward a target of the topic.
///
/// ```
/// use avis_fr::fit::Task;
///
/// assert_eq!(Task::default(), Task::Sentiment);
/// let stance = Task::Stance("tramway".into());
/// assert_ne!(stance, Task::Sentiment);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Task {
    /// Sentiment labels: negative, neutral, positive.
    #[default]
    Sentiment,
    /// Stance labels toward this target of the topic: against, none, favor.
    Stance(String),
}

/// The version of avis-fr, written in each model and checked when one is loaded.
///
/// ```
/// assert_eq!(avis_fr::fit::VERSION, env!("CARGO_PKG_VERSION"));
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A model read from its directory: the lexicon and weights an analyzer adds.
///
/// ```no_run
/// let model = avis_fr::fit::Model::load("my-model")?;
/// let analyzer = avis_fr::Analyzer::builder().with_model(model).build()?;
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// What the labels were: sentiment, or stance toward a target.
    pub task: Task,
    /// The learned lines.
    pub lexicon: Lexicon,
    /// The weights, thresholds refitted.
    pub weights: Weights,
}

/// `model.toml`.
#[derive(Serialize, Deserialize)]
struct Header {
    avis_fr_version: String,
    task: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<String>,
}

impl Model {
    /// Read a model directory.
    ///
    /// # Errors
    /// Kind `model` when `model.toml` is missing or was written by another version
    /// of avis-fr (the message names both versions); `io` or `parse` for a file
    /// that cannot be read or a line that does not parse.
    pub fn load(dir: impl AsRef<Path>) -> Result<Model, Error> {
        let dir = dir.as_ref();
        let path = dir.join("model.toml");
        if !path.is_file() {
            return Err(Error::Model(format!(
                "{} is not a model directory (no model.toml): write one with `avis fit LABELLED -o {}`",
                dir.display(),
                dir.display()
            )));
        }
        let text = read_to_string(&path)?;
        let header: Header = toml::from_str(&text)
            .map_err(|e| Error::Model(format!("{}: {}", path.display(), e.message().trim())))?;
        if header.avis_fr_version != VERSION {
            return Err(Error::Model(format!(
                "{} was written by avis-fr {}, and this is avis-fr {VERSION}: fit it again with this version (`avis fit`)",
                dir.display(),
                header.avis_fr_version
            )));
        }
        let task = match (header.task.as_str(), header.target) {
            ("sentiment", _) => Task::Sentiment,
            ("stance", Some(target)) => Task::Stance(target),
            (other, _) => {
                return Err(Error::Model(format!(
                    "{}: task {other:?} is not sentiment, or stance with a target",
                    path.display()
                )))
            }
        };
        let lexicon = Lexicon::from_path(dir.join("lexicon.tsv"))?;
        let weights_path = dir.join("weights.toml");
        let weights = Weights::from_toml(
            &weights_path.display().to_string(),
            &read_to_string(&weights_path)?,
        )?;
        Ok(Model {
            task,
            lexicon,
            weights,
        })
    }
}

/// The text of `model.toml` for a task.
pub(crate) fn header(task: &Task) -> String {
    let (name, target) = match task {
        Task::Sentiment => ("sentiment", None),
        Task::Stance(target) => ("stance", Some(target.clone())),
    };
    let header = Header {
        avis_fr_version: VERSION.to_string(),
        task: name.to_string(),
        target,
    };
    format!(
        "# A model learned by `avis fit` from labelled texts: use it with --model DIR,\n\
         # or Analyzer::builder().model(DIR). Files: lexicon.tsv (the learned lines),\n\
         # weights.toml (the refitted thresholds), report.md and report.json (figures).\n\
         {}\n",
        toml::to_string(&header).unwrap_or_default().trim_end()
    )
}

/// The names of the files a model directory may hold: what [`replace_dir`] may
/// replace.
const MODEL_FILES: [&str; 5] = [
    "lexicon.tsv",
    "weights.toml",
    "report.md",
    "report.json",
    "model.toml",
];

/// Write `files` (name, text) as the directory `dir`: into a temporary directory
/// beside it, moved into place by [`replace_dir`].
pub(crate) fn write_files(dir: &Path, files: &[(&str, String)]) -> Result<(), Error> {
    let temporary = sibling(dir, "new")?;
    let written = std::fs::create_dir(&temporary)
        .and_then(|()| {
            files
                .iter()
                .try_for_each(|(name, text)| std::fs::write(temporary.join(name), text))
        })
        .map_err(|error| Error::Io {
            path: temporary.clone(),
            error,
        })
        .and_then(|()| replace_dir(&temporary, dir));
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&temporary);
    }
    written
}

/// A hidden path beside `dir` for this process (`.NAME.avis-WHAT-PID`).
fn sibling(dir: &Path, what: &str) -> Result<std::path::PathBuf, Error> {
    let name = dir
        .file_name()
        .ok_or_else(|| Error::Model(format!("{} cannot be a model directory", dir.display())))?;
    let hidden = format!(
        ".{}.avis-{what}-{}",
        name.to_string_lossy(),
        std::process::id()
    );
    Ok(dir.with_file_name(hidden))
}

/// Move the model directory `new` to `dir`, on the same file system. An existing
/// `dir` is first checked to hold nothing but a model's files (`model.toml`,
/// `lexicon.tsv`, `weights.toml`, `report.md`, `report.json`: another file of the
/// user's is never deleted), moved aside, and removed once `new` is in place: the
/// directory is at every moment the old model or the new one, never a mix.
///
/// # Errors
/// Kind `model` when `dir` holds other files (they are named); `io` when a rename
/// fails (the old model is then put back).
///
/// ```
/// let base = std::env::temp_dir().join(format!("avis-doc-replace-{}", std::process::id()));
/// let (old, new) = (base.join("model"), base.join("next"));
/// std::fs::create_dir_all(&old)?;
/// std::fs::write(old.join("report.md"), "old")?;
/// std::fs::create_dir_all(&new)?;
/// std::fs::write(new.join("model.toml"), "new")?;
/// avis_fr::fit::replace_dir(&new, &old)?;
/// assert!(old.join("model.toml").is_file() && !old.join("report.md").exists());
/// std::fs::write(old.join("notes.txt"), "mine")?;
/// let refused = avis_fr::fit::replace_dir(&new, &old).unwrap_err();
/// assert!(refused.to_string().contains("notes.txt"), "{refused}");
/// # std::fs::remove_dir_all(&base)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn replace_dir(new: &Path, dir: &Path) -> Result<(), Error> {
    let io = |path: &Path, error| Error::Io {
        path: path.to_path_buf(),
        error,
    };
    if !dir.exists() {
        return std::fs::rename(new, dir).map_err(|e| io(dir, e));
    }
    let others: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !MODEL_FILES.contains(&name.as_str()))
        .collect();
    if !others.is_empty() {
        return Err(Error::Model(format!(
            "{} is not replaced: it holds other files than a model's ({}); write the model elsewhere",
            dir.display(),
            others.join(", ")
        )));
    }
    let old = sibling(dir, "old")?;
    std::fs::rename(dir, &old).map_err(|e| io(dir, e))?;
    if let Err(e) = std::fs::rename(new, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(io(dir, e));
    }
    // The new model is in place: the old one is only clutter now.
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, version: &str) {
        let header = header(&Task::Sentiment).replace(VERSION, version);
        let lexicon = "# learned\nterm\tkind\tvalence\tnote\nbouchons\tsentiment\t-2\tmodel: 4 texts, e.g. 7\n";
        let files = [
            ("lexicon.tsv", lexicon.to_string()),
            ("weights.toml", Weights::default().to_toml()),
            ("model.toml", header),
        ];
        write_files(dir, &files).unwrap();
    }

    #[test]
    fn a_model_loads_and_another_version_is_named() {
        let dir = std::env::temp_dir().join(format!("avis-fit-model-{}", std::process::id()));
        write(&dir, VERSION);
        let model = Model::load(&dir).unwrap();
        assert_eq!(model.lexicon.len(), 1);
        assert_eq!(model.task, Task::Sentiment);
        write(&dir, "0.0.1");
        let error = Model::load(&dir).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Model);
        assert!(error.to_string().contains("avis-fr 0.0.1"), "{error}");
        let name = format!(".{}.avis-", dir.file_name().unwrap().to_string_lossy());
        let parent = dir.parent().unwrap();
        let leftovers = std::fs::read_dir(parent).unwrap().filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with(&name))
        });
        assert_eq!(leftovers.count(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
        let missing = Model::load(&dir).unwrap_err();
        assert!(missing.to_string().contains("no model.toml"), "{missing}");
    }
}
