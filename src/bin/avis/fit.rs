//! `avis fit`: read labelled records, learn with the library (`avis_fr::fit`),
//! write the model directory through a temporary directory that replaces it whole
//! (an interrupted run leaves the old model, or none, and no temporary directory).

use std::io::Write;
use std::path::Path;

use avis_fr::fit::{fit, missing_column, Example, FitOptions, LabelMap, Task};
use serde_json::Value;
use tempfile::TempDir;

use crate::args::FitArgs;
use crate::error::CliError;
use crate::interrupt::{self, Registered};
use crate::record::{Next, Record};
use crate::scored::{cell, json_error};
use crate::setup::builder;

pub fn run(args: FitArgs) -> Result<(), CliError> {
    if args.input.engine.model.is_some() {
        return Err(CliError::Usage(
            "avis fit learns over the general lexicons (and --lexicon): --model is for score, report, evaluate and explain".into(),
        ));
    }
    let base = builder(&args.input.engine)?;
    // Created first, so that a run interrupted while reading or learning removes it.
    let (tmp, _registered) = temporary_dir(&args.output)?;
    let (examples, unlabelled) = read(&args)?;
    let options = FitOptions {
        task: args.target.clone().map_or(Task::Sentiment, Task::Stance),
        seed: args.seed,
        label_map: match &args.label_map {
            Some(spec) => LabelMap::parse(spec)?,
            None => LabelMap::default(),
        },
    };
    let fitted = fit(&base, &examples, &options)?;
    write_model(tmp, &fitted.files(), &args.output)?;
    let report = &fitted.report;
    let text = if args.json {
        serde_json::to_string_pretty(report).map_err(json_error)? + "\n"
    } else {
        let markdown = report.to_markdown();
        let table: String = markdown.split("\n## ").next().unwrap_or("").to_string();
        format!(
            "{table}\n{} lines learned; the model is in {} (lexicon.tsv, weights.toml, report.md)\n",
            report.learned,
            args.output.display()
        )
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| CliError::io("cannot write the report", e))?;
    if !args.input.quiet && unlabelled > 0 {
        eprintln!("avis: {unlabelled} records without a label left out");
    }
    Ok(())
}

/// A temporary directory beside `dest` (registered: an interrupted run removes it).
fn temporary_dir(dest: &Path) -> Result<(TempDir, Registered), CliError> {
    let parent = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .map_err(|e| CliError::io(format!("cannot create {}", parent.display()), e))?;
    interrupt::create_dir(parent, dest).map_err(|e| {
        CliError::io(
            format!(
                "cannot create a temporary directory in {}",
                parent.display()
            ),
            e,
        )
    })
}

/// Write the model's files into `tmp`, which then replaces `dest` whole:
/// refitting over a model never leaves a mix of old and new files.
fn write_model(tmp: TempDir, files: &[(&str, String)], dest: &Path) -> Result<(), CliError> {
    for (name, text) in files {
        let path = tmp.path().join(name);
        std::fs::write(&path, text)
            .map_err(|e| CliError::io(format!("cannot write {}", path.display()), e))?;
    }
    set_readable(tmp.path());
    Ok(interrupt::persist_dir(tmp, dest)?)
}

/// Temporary directories are created private (0700); a model is an ordinary one.
#[cfg(unix)]
fn set_readable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a directory we cannot chmod still holds a correct model.
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
}

#[cfg(not(unix))]
fn set_readable(_dir: &Path) {}

/// The labelled records, and how many had an empty label.
fn read(args: &FitArgs) -> Result<(Vec<Example>, usize), CliError> {
    let mut reader = crate::drive::reader(&args.input)?;
    let column = &args.label_column;
    if let Some(columns) = reader.columns() {
        if !columns.contains(column) {
            return Err(missing_column(column, columns).into());
        }
    }
    let (mut examples, mut unlabelled, mut seen) = (Vec::new(), 0, false);
    loop {
        let record = match reader.next_record()? {
            Next::Record(record) => record,
            Next::Eof => break,
            Next::Invalid { line, message, .. } => {
                let error = CliError::Invalid {
                    source: reader.name.clone(),
                    line,
                    message,
                };
                if args.input.skip_invalid {
                    eprintln!("avis: skipped {error}");
                    continue;
                }
                return Err(error);
            }
        };
        let Record {
            id,
            text,
            fields,
            line,
        } = record;
        let label = match fields.get(column) {
            None if !seen => {
                let present: Vec<String> = fields.keys().cloned().collect();
                return Err(missing_column(column, &present).into());
            }
            None | Some(Value::Null) => String::new(),
            Some(value) => cell(value),
        };
        seen = true;
        if label.trim().is_empty() {
            unlabelled += 1;
            continue;
        }
        let id = match id {
            Value::Null => line.to_string(),
            id => cell(&id),
        };
        examples.push(Example::new(id, text, label));
    }
    reader.finish();
    Ok((examples, unlabelled))
}
