//! A model directory: what `avis fit` learned, as plain text files a person can
//! read, edit and commit.
//!
//! - `model.toml`: the avis-fr version that wrote it, the task (and target);
//! - `lexicon.tsv`: the learned lines, in the format of `lexicons/*.tsv`, each
//!   with a note saying how many labelled texts it rests on and one of them;
//! - `weights.toml`: every tuning constant, the refitted thresholds among them;
//! - `report.md` and `report.json`: how well the engine did before and after.
//!
//! Each file is written to a temporary file in the directory, then renamed into
//! place, `model.toml` last: an interrupted write leaves no half-written file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::fit::Task;
use crate::lexicon::{read_to_string, Lexicon};
use crate::weights::Weights;

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

/// Write `files` (name, text) into `dir`, creating it: each written to a
/// temporary file in `dir` and renamed into place, in order.
pub(crate) fn write_files(dir: &Path, files: &[(&str, String)]) -> Result<(), Error> {
    let io = |path: &Path, error| Error::Io {
        path: path.to_path_buf(),
        error,
    };
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    for (name, text) in files {
        let target = dir.join(name);
        let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = std::fs::write(&temporary, text.as_bytes())
            .and_then(|()| std::fs::rename(&temporary, &target));
        if let Err(error) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(io(&target, error));
        }
    }
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
        let leftovers = std::fs::read_dir(&dir).unwrap().filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        });
        assert_eq!(leftovers.count(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
        let missing = Model::load(&dir).unwrap_err();
        assert!(missing.to_string().contains("no model.toml"), "{missing}");
    }
}
