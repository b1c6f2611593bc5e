//! The analyzer the options ask for: the built-in lexicons, the user's lexicons
//! over them, and a topic, each read by the library's rule for what an argument
//! names ([`Topic::load`], [`Lexicon::load`]).

use avis_fr::{Analyzer, AnalyzerBuilder, Lexicon, Topic, Weights};

use crate::args::EngineArgs;
use crate::error::CliError;

/// The default analyzer (general lexicons, no topic, default weights), or one with
/// the user's lexicons, topic and weights, and a model `avis fit` wrote over them
/// (its lexicon last, its weights in place of `weights`).
pub fn analyzer(engine: &EngineArgs) -> Result<Analyzer, CliError> {
    let EngineArgs {
        lexicons,
        topic,
        weights,
        model,
    } = engine;
    if lexicons.is_empty() && topic.is_none() && weights.is_none() && model.is_none() {
        return Ok(Analyzer::default());
    }
    let mut builder = builder(engine)?;
    if let Some(dir) = model {
        builder = builder.model(dir);
    }
    Ok(builder.build()?)
}

/// The builder of the user's lexicons, topic and weights, without the model (what
/// `avis fit` learns on top of).
pub fn builder(engine: &EngineArgs) -> Result<AnalyzerBuilder, CliError> {
    let EngineArgs {
        lexicons,
        topic,
        weights,
        ..
    } = engine;
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
    if let Some(path) = weights {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::io(format!("cannot read weights file {}", path.display()), e))?;
        builder = builder.weights(Weights::from_toml(&path.display().to_string(), &text)?);
    }
    Ok(builder)
}
