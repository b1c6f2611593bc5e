//! The analyzer the options ask for: the built-in lexicons, the user's lexicons
//! over them, and a topic, each read by the library's rule for what an argument
//! names ([`Topic::load`], [`Lexicon::load`]).

use std::path::{Path, PathBuf};

use avis_fr::{Analyzer, Lexicon, Topic};

use crate::error::CliError;

/// The default analyzer (general lexicons, no topic), or one with the user's
/// lexicons and topic.
pub fn analyzer(lexicons: &[PathBuf], topic: Option<&Path>) -> Result<Analyzer, CliError> {
    if lexicons.is_empty() && topic.is_none() {
        return Ok(Analyzer::default());
    }
    let mut builder = Analyzer::builder();
    for path in lexicons {
        builder = builder.lexicon(match path.to_str() {
            Some(spec) => Lexicon::load(spec)?,
            // A path that is not UTF-8 can only be a file.
            None => Lexicon::from_path(path)?,
        });
    }
    if let Some(path) = topic {
        builder = builder.topic(match path.to_str() {
            Some(spec) => Topic::load(spec)?,
            None => Topic::from_path(path)?,
        });
    }
    Ok(builder.build()?)
}
