//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use encoding_rs::Encoding;

use crate::{encoding, limit};

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
    /// Analyse each record; write it back with sentiment, stance, frames and evidence (JSON Lines or CSV).
    Score(ScoreArgs),
    /// Summarise a corpus: labels, stance per target, frames, markers, extremes.
    Report(ReportArgs),
    /// Explain the analysis of one text for a person: sentences, markers, rules, stance reasons.
    Explain(ExplainArgs),
    /// Score a labelled file against its labels: accuracy, precision, recall, F1, confusion.
    Evaluate(EvaluateArgs),
    /// Learn from labelled texts: lexicon lines and thresholds for this domain, in a model directory.
    Fit(FitArgs),
    /// A sample to label: stratified by the engine's label (and the targets named), as CSV.
    Sample(SampleArgs),
}

#[derive(Debug, Args)]
pub struct FitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The model directory to write (created; its files are replaced whole).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// The JSON field or CSV column holding each text's label; a text whose label
    /// is empty is not labelled and is left out.
    #[arg(long, default_value = "label", value_name = "NAME")]
    pub label_column: String,
    /// The labels are the stance toward this target of the topic (against/none/favor)
    /// instead of sentiment (negative/neutral/positive).
    #[arg(long, value_name = "ID")]
    pub target: Option<String>,
    /// Map your label values onto the expected ones: neg=negative,pos=positive,…
    #[arg(long, value_name = "MAP")]
    pub label_map: Option<String>,
    /// The seed of the cross-validation folds: the same labels and seed give the same model.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print the report as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SampleArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How many texts to sample.
    #[arg(short = 'n', long, default_value_t = 200)]
    pub size: usize,
    /// Write the CSV to FILE instead of standard output; FILE appears only when the run succeeds.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The seed of the draw: the same input and seed give the same sample.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The JSON field or CSV column holding each text's label: a sentiment
    /// (negative/neutral/positive, or a number whose sign says it), or with --target
    /// a stance (against/none/favor; AGAINST/FAVOUR/NONE as SemEval writes them).
    #[arg(long, value_name = "NAME")]
    pub label_column: String,
    /// Evaluate the stance toward this target of the topic instead of sentiment.
    #[arg(long, value_name = "ID")]
    pub target: Option<String>,
    /// Sentiment from the score's sign alone (positive above 0, negative below), for
    /// labels without neutral [default: on when no label is neutral].
    #[arg(long)]
    pub by_sign: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TokensArgs {
    /// Text file to read (default: standard input; `-` also means standard input).
    pub path: Option<PathBuf>,
    /// The input's encoding [default: utf-8, or what a byte order mark says].
    #[arg(long, value_name = "NAME", value_parser = encoding::parse)]
    pub encoding: Option<&'static Encoding>,
}

/// The input format of `score` and `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line, with a string `text`; other fields pass through.
    Jsonl,
    /// CSV with a header row; see --text-column, --id-column and --delimiter.
    Csv,
    /// CSV with tabs between fields (the same as csv with --delimiter tab).
    Tsv,
    /// Plain text, one document per line; the id is the line number.
    Text,
}

/// What the analyzer is built from: the same options for every command that analyses.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// A lexicon TSV file to add over the built-in lexicons (repeatable).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// The topic to read stance and frames against: a TOML file (targets, frames,
    /// stance markers) or a built-in topic's name (`consultation-2015`). Without it:
    /// sentiment and evidence only, no targets, no frames.
    #[arg(long, value_name = "FILE|NAME")]
    pub topic: Option<PathBuf>,
    /// Tuning constants to weigh with (a TOML file of `[sentiment]`, `[rules]`,
    /// `[verdict]`, `[stance]` values; what it does not set keeps its default).
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
    /// A model directory `avis fit` wrote: its learned lexicon over the others, its
    /// weights (thresholds refitted) in place of --weights.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input file (default: standard input; `-` also means standard input).
    pub path: Option<PathBuf>,
    /// Input format [default: from the file's extension (.csv, .tsv, .jsonl, .ndjson, .txt), else jsonl].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CSV field delimiter: , ; | or tab [default: detected from the header line].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// The input's encoding: utf-8, utf-16, windows-1252, latin-1, … [default: utf-8, or what a byte order mark says].
    #[arg(long, value_name = "NAME", value_parser = encoding::parse)]
    pub encoding: Option<&'static Encoding>,
    /// The JSON field or CSV column holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// The JSON field or CSV column holding the id [default: id; without one, the line number names the record].
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// Report bad records on standard error and skip them instead of stopping.
    #[arg(long)]
    pub skip_invalid: bool,
    /// The largest record to read, in bytes (or 64M, 1G…); a longer one is a bad
    /// record (see --skip-invalid). Memory grows with the largest record: see the
    /// README, "Memory" [default: 64M].
    #[arg(long, value_name = "BYTES", value_parser = limit::parse_size,
          default_value_t = limit::DEFAULT_MAX_RECORD, hide_default_value = true)]
    pub max_record_bytes: u64,
    /// The lexicons, topic, weights and model to analyse with.
    #[command(flatten)]
    pub engine: EngineArgs,
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
    /// Output format: JSON Lines, or CSV for spreadsheets (see --columns).
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    pub output_format: OutputFormat,
    /// CSV output: the columns, in order, comma-separated: input columns and sentiment_score, sentiment_label, stance_TARGET, stance_TARGET_score, frames, top_evidence [default: the input's columns, then all of those].
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub columns: Vec<String>,
    /// CSV output delimiter [default: the input's CSV delimiter, else ','].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub output_delimiter: Option<u8>,
    /// CSV output encoding [default: the input's, so that a spreadsheet opens it as it opened the input; UTF-8 for UTF-16 input].
    #[arg(long, value_name = "NAME", value_parser = encoding::parse)]
    pub output_encoding: Option<&'static Encoding>,
    /// CSV output: scores with a decimal comma (-0,5), as French spreadsheets read numbers.
    #[arg(long)]
    pub decimal_comma: bool,
    /// JSON output: all evidence, only the marker that weighed most, or none.
    #[arg(long, value_enum, default_value_t = EvidenceMode::All)]
    pub evidence: EvidenceMode,
}

/// The output format of `score`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The input record with the analysis added, one JSON object per line.
    Jsonl,
    /// A header row, then one row per record (see --columns).
    Csv,
}

/// How much evidence `score` writes in its JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvidenceMode {
    /// Every matched marker (the JSON is then several times the size of its input).
    All,
    /// The one marker that weighed most (the largest contribution either way).
    Top,
    /// No `evidence` field.
    #[value(name = "none")]
    Omit,
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
    /// Input columns (or JSON fields) to show beside each document, comma-separated.
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub show_columns: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text (several words are joined by spaces) [default: --file, else standard input].
    #[arg(conflicts_with = "file")]
    pub text: Vec<String>,
    /// Read the text from FILE (`-` is standard input).
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The encoding of --file or standard input [default: utf-8, or what a byte order mark says].
    #[arg(long, value_name = "NAME", value_parser = encoding::parse)]
    pub encoding: Option<&'static Encoding>,
    /// The lexicons, topic, weights and model to analyse with.
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Print the analysis and the sentences as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Parse a `--delimiter` value: one of `,` `;` `|`, a tab (`tab`, `\t` or the
/// character), or any other single ASCII character.
pub fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        "pipe" => Ok(b'|'),
        v if v.len() == 1 && v.is_ascii() && v != "\"" && v != "\n" && v != "\r" => {
            Ok(v.as_bytes()[0])
        }
        v => Err(format!(
            "{v:?} is not a delimiter: use one character, such as , ; | or tab"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_values() {
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert!(parse_delimiter(";;").is_err());
    }
}
