//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Read French comments: tokens, sentiment, stance, frames, with evidence.
#[derive(Debug, Parser)]
#[command(name = "avis", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the tokens of a UTF-8 text, one JSON object per line.
    Tokens(TokensArgs),
    /// Analyse each record; write it back with sentiment, stance, frames and evidence (JSON Lines).
    Score(ScoreArgs),
    /// Summarise a corpus: labels, stance per target, frames, markers, extremes.
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct TokensArgs {
    /// Text file to read (default: standard input; `-` also means standard input).
    pub path: Option<PathBuf>,
}

/// The input format of `score` and `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line, with a string `text`; other fields pass through.
    Jsonl,
    /// CSV with a header row; see --text-column and --id-column.
    Csv,
    /// Plain text, one document per line; the id is the line number.
    Text,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input file (default: standard input; `-` also means standard input).
    pub path: Option<PathBuf>,
    /// Input format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// The JSON field or CSV column holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// The JSON field or CSV column holding the id [default: id; without one, the line number names the record].
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// Report bad records on standard error and skip them instead of stopping.
    #[arg(long)]
    pub skip_invalid: bool,
    /// A lexicon TSV file to add over the built-in lexicons (repeatable).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// A topic TOML file (targets, frames, stance markers) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub topic: Option<PathBuf>,
    /// No progress bar and no summary line on standard error (errors still go there).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to FILE instead of standard output; FILE appears only when the run succeeds.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print the summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also write a self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// HTML: show at most N documents whole (all are counted).
    #[arg(long, value_name = "N", default_value_t = avis_fr::report::DEFAULT_MAX_SHOWN)]
    pub max_shown: usize,
    /// List the N markers that fire most per role, and N documents per extreme.
    #[arg(long, value_name = "N", default_value_t = avis_fr::report::DEFAULT_TOP)]
    pub top: usize,
}
