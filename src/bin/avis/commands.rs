//! The subcommands: read, analyse in parallel chunks, write in input order.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use avis_fr::report::ReportBuilder;
use avis_fr::{Analysis, Analyzer, Lexicon, TokenKind, Topic};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::args::{Cli, Command, InputArgs, OutputFormat, ReportArgs, ScoreArgs, TokensArgs};
use crate::csv_out::CsvOut;
use crate::error::CliError;
use crate::input::{self, Next, Record, RecordReader};
use crate::output::Sink;
use crate::scored::{cell, json_error, write_json_line, write_scored};
use crate::{evaluate, explain};

/// Records analysed together: big enough to keep both cores busy, small enough
/// that memory does not grow with the input.
const CHUNK: usize = 1024;

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Tokens(args) => tokens(args),
        Command::Score(args) => score(args),
        Command::Report(args) => report(args),
        Command::Explain(args) => explain::run(args),
        Command::Evaluate(args) => evaluate::run(args),
    }
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokenKind,
    norm: Cow<'a, str>,
}

fn tokens(args: TokensArgs) -> Result<(), CliError> {
    let (name, text) = input::read_text(args.path.as_deref(), args.encoding)?;
    if text.is_empty() {
        eprintln!("avis: {name} is empty: no tokens");
    }
    let mut sink = Sink::open(None)?;
    let w = sink.writer();
    for token in avis_fr::tokenize(&text) {
        let out = TokenOut {
            text: token.text,
            start: token.start,
            end: token.end,
            kind: token.kind,
            norm: token.norm(),
        };
        write_json_line(w, &out)?;
    }
    sink.commit()
}

fn score(args: ScoreArgs) -> Result<(), CliError> {
    let csv_only = [
        (!args.columns.is_empty(), "--columns"),
        (args.output_delimiter.is_some(), "--output-delimiter"),
        (args.output_encoding.is_some(), "--output-encoding"),
        (args.decimal_comma, "--decimal-comma"),
    ];
    for (given, flag) in csv_only {
        if given && args.output_format != OutputFormat::Csv {
            return Err(CliError::Usage(format!(
                "{flag} is for CSV output: add --output-format csv"
            )));
        }
    }
    let analyzer = analyzer(&args.input.lexicons, args.input.topic.as_deref())?;
    let mut reader = reader(&args.input)?;
    let mut sink = Sink::open(args.output.as_deref())?;
    let stats = match args.output_format {
        OutputFormat::Jsonl => {
            let evidence = args.evidence;
            // Each line is written out in parallel with the analyses, then copied in order.
            let render = |record: &Record, analysis: &Analysis<'_>| {
                let mut line = Vec::with_capacity(4096);
                write_scored(&mut line, &record.fields, analysis, evidence).map(|()| line)
            };
            drive(
                &mut reader,
                &analyzer,
                &args.input,
                render,
                |_, _, _, line| {
                    sink.writer()
                        .write_all(&line?)
                        .map_err(|e| CliError::io("cannot write output", e))
                },
            )?
        }
        OutputFormat::Csv => score_csv(&args, &analyzer, &mut reader, &mut sink)?,
    };
    sink.commit()?;
    summary(&args.input, &mut reader, &stats, "scored");
    Ok(())
}

/// `score --output-format csv`: rows written in input order as records come.
fn score_csv(
    args: &ScoreArgs,
    analyzer: &Analyzer,
    reader: &mut RecordReader,
    sink: &mut Sink,
) -> Result<Stats, CliError> {
    let delimiter = args.output_delimiter.or(reader.delimiter()).unwrap_or(b',');
    // Every analysis has a stance for each target of the topic: an empty text's
    // tells the stance columns before any record.
    let targets = analyzer
        .analyze("")
        .stance
        .keys()
        .map(|t| t.to_string())
        .collect();
    let input_columns = reader.columns().map(<[String]>::to_vec);
    // encoding_rs encodes UTF-16 as UTF-8 (a UTF-16 CSV is no one's habit).
    let encoding = args
        .output_encoding
        .unwrap_or(reader.encoding)
        .output_encoding();
    let mut out = CsvOut::new(delimiter, targets, args.columns.clone(), input_columns);
    out.encoding = encoding;
    out.decimal_comma = args.decimal_comma;
    let stats = drive(
        reader,
        analyzer,
        &args.input,
        |_, _| (),
        |record, _, analysis, ()| out.write(sink.writer(), &record.id, &record.fields, &analysis),
    )?;
    out.finish(sink.writer())?;
    if out.unmappable > 0 && !args.input.quiet {
        let rows = if out.unmappable == 1 {
            "1 row has".to_string()
        } else {
            format!("{} rows have", out.unmappable)
        };
        eprintln!(
            "avis: {rows} characters that {} cannot write, written as &#…; (pass \
             --output-encoding utf-8 to keep them as they are)",
            encoding.name()
        );
    }
    Ok(stats)
}

fn report(args: ReportArgs) -> Result<(), CliError> {
    let analyzer = analyzer(&args.input.lexicons, args.input.topic.as_deref())?;
    let mut reader = reader(&args.input)?;
    if let Some(columns) = reader.columns() {
        if let Some(name) = args.show_columns.iter().find(|c| !columns.contains(c)) {
            return Err(CliError::Input {
                source: "--show-columns".into(),
                message: format!(
                    "no column {name:?} in {} (columns: {})",
                    reader.name,
                    columns.join(", ")
                ),
            });
        }
    }
    let mut html = args
        .html
        .as_deref()
        .map(|p| Sink::open(Some(p)))
        .transpose()?;
    let mut builder = ReportBuilder::new().max_shown(args.max_shown).top(args.top);
    let stats = drive(
        &mut reader,
        &analyzer,
        &args.input,
        |_, _| (),
        |record, text, analysis, ()| {
            // The columns the user asked to see, as they are in the input (a JSON
            // record without one shows nothing for it).
            let mut shown = Map::new();
            for name in &args.show_columns {
                if let Some(value) = record.fields.get(name) {
                    shown.insert(name.clone(), Value::from(cell(value)));
                }
            }
            builder.add_with_columns(record.id, text, &analysis, shown);
            Ok(())
        },
    )?;
    let report = builder.finish();
    if let Some(mut sink) = html.take() {
        let name = sink.name();
        sink.writer()
            .write_all(report.to_html().as_bytes())
            .map_err(|e| CliError::io(format!("cannot write {name}"), e))?;
        sink.commit()?;
    }
    let mut out = Sink::open(None)?;
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&report).map_err(json_error)?;
        json.push('\n');
        json
    } else {
        report.to_text()
    };
    out.writer()
        .write_all(text.as_bytes())
        .map_err(|e| CliError::io("cannot write <stdout>", e))?;
    out.commit()?;
    summary(&args.input, &mut reader, &stats, "read");
    Ok(())
}

/// Counts for the summary line.
#[derive(Default)]
pub(crate) struct Stats {
    records: u64,
    skipped: u64,
}

/// Read records chunk by chunk, analyse each chunk in parallel (and `render` what
/// can be worked out from each analysis alone), hand the results to `sink` in input
/// order. A bad record stops the run after the records before it were handed on
/// (none of it is), unless `--skip-invalid`.
pub(crate) fn drive<R: Send>(
    reader: &mut RecordReader,
    analyzer: &Analyzer,
    args: &InputArgs,
    render: impl Fn(&Record, &Analysis<'_>) -> R + Sync,
    mut sink: impl FnMut(Record, &str, Analysis<'_>, R) -> Result<(), CliError>,
) -> Result<Stats, CliError> {
    let mut stats = Stats::default();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut stop = None;
        let mut eof = false;
        while chunk.len() < CHUNK {
            match reader.next_record()? {
                Next::Record(record) => chunk.push(record),
                Next::Invalid {
                    line,
                    message,
                    whole_input,
                } => {
                    let source = reader.name.clone();
                    if args.skip_invalid {
                        let error = CliError::Invalid {
                            source,
                            line,
                            message,
                        };
                        reader.warn(&format!("avis: skipped {error}"));
                        stats.skipped += 1;
                    } else {
                        // Skipping is no fix for a file in another encoding or format.
                        let message = if whole_input {
                            message
                        } else {
                            format!("{message} (or pass --skip-invalid to skip bad records)")
                        };
                        stop = Some(CliError::Invalid {
                            source,
                            line,
                            message,
                        });
                        break;
                    }
                }
                Next::Eof => {
                    eof = true;
                    break;
                }
            }
        }
        // The analyses borrow the texts; the rest of each record moves on to `sink`.
        let texts: Vec<String> = chunk
            .iter_mut()
            .map(|record| std::mem::take(&mut record.text))
            .collect();
        // `collect` on an indexed parallel iterator keeps input order.
        let analyses: Vec<(Analysis, R)> = chunk
            .par_iter()
            .zip(&texts)
            .map(|(record, text)| {
                let analysis = analyzer.analyze(text);
                let rendered = render(record, &analysis);
                (analysis, rendered)
            })
            .collect();
        for ((record, text), (analysis, rendered)) in chunk.into_iter().zip(&texts).zip(analyses) {
            sink(record, text, analysis, rendered)?;
            stats.records += 1;
        }
        if let Some(error) = stop {
            return Err(error);
        }
        if eof {
            return Ok(stats);
        }
    }
}

pub(crate) fn reader(args: &InputArgs) -> Result<RecordReader, CliError> {
    let source = input::open(args.path.as_deref(), args.quiet, args.encoding)?;
    RecordReader::new(source, args)
}

/// The default analyzer (general lexicons, no topic), or one with the user's
/// lexicons and topic.
pub fn analyzer(lexicons: &[PathBuf], topic: Option<&Path>) -> Result<Analyzer, CliError> {
    if lexicons.is_empty() && topic.is_none() {
        return Ok(Analyzer::default());
    }
    let mut builder = Analyzer::builder();
    for path in lexicons {
        builder = builder.lexicon(Lexicon::from_tsv(
            &name(path),
            &read_file(path, "lexicon")?,
        )?);
    }
    if let Some(path) = topic {
        builder = builder.topic(topic_of(path)?);
    }
    Ok(builder.build()?)
}

/// A topic file, or a built-in topic named like one that does not exist as a file.
fn topic_of(path: &Path) -> Result<Topic, CliError> {
    // A name without an extension that is no file: a built-in topic, or an error
    // that lists them.
    match path
        .to_str()
        .filter(|name| !path.exists() && !name.contains('.'))
    {
        Some(name) => Ok(Topic::builtin(name)?),
        None => Ok(Topic::from_toml(&name(path), &read_file(path, "topic")?)?),
    }
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

fn read_file(path: &Path, what: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::io(format!("cannot read {what} file {}", path.display()), e))
}

pub(crate) fn summary(args: &InputArgs, reader: &mut RecordReader, stats: &Stats, verb: &str) {
    reader.finish();
    if args.quiet {
        return;
    }
    if reader.empty {
        eprintln!("avis: {} is empty: 0 records {verb}", reader.name);
        return;
    }
    let mut line = format!(
        "avis: {} {verb} from {}",
        count(stats.records, "record"),
        reader.name
    );
    if reader.replaced() > 0 {
        line.push_str(", with bytes that are not text in its encoding replaced by U+FFFD");
    }
    if stats.skipped > 0 {
        line.push_str(&format!(
            ", {} skipped",
            count(stats.skipped, "invalid record")
        ));
    }
    if reader.empty_lines > 0 {
        line.push_str(&format!(
            ", {} skipped",
            count(reader.empty_lines, "empty line")
        ));
    }
    eprintln!("{line}");
}

fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
