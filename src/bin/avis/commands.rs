//! The subcommands: each reads its input, runs the records through the analyzer
//! (`drive`) and writes its output.

use std::borrow::Cow;

use avis_fr::report::ReportBuilder;
use avis_fr::{Analysis, Analyzer, TokenKind};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::args::{Cli, Command, EvidenceMode, OutputFormat, ReportArgs, ScoreArgs, TokensArgs};
use crate::csv_out::CsvOut;
use crate::drive::{drive, reader, summary, Depth, Stats};
use crate::error::CliError;
use crate::input::{self, RecordReader};
use crate::output::Output;
use crate::record::Record;
use crate::scored::{cell, json_error, write_json_line, write_scored};
use crate::setup::analyzer;
use crate::{evaluate, explain, fit, sample};

/// Records up to this many bytes of text are written out in parallel with the
/// analyses (into a buffer per record); longer ones straight into the output, so
/// that no record's JSON is ever held whole in memory.
const RENDERED: usize = 256 << 10;

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Tokens(args) => tokens(args),
        Command::Score(args) => score(args),
        Command::Report(args) => report(args),
        Command::Explain(args) => explain::run(args),
        Command::Evaluate(args) => evaluate::run(args),
        Command::Fit(args) => fit::run(args),
        Command::Sample(args) => sample::run(args),
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
    let mut output = Output::open(None)?;
    let w = output.writer();
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
    output.commit()
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
    let analyzer = analyzer(&args.input.engine)?;
    let mut reader = reader(&args.input)?;
    let mut output = Output::open(args.output.as_deref())?;
    let stats = match args.output_format {
        OutputFormat::Jsonl => {
            let evidence = args.evidence;
            let depth = match evidence {
                EvidenceMode::Omit => Depth::Explained,
                EvidenceMode::All | EvidenceMode::Top => Depth::Evidence,
            };
            // Each line is written out in parallel with the analyses, then copied in
            // order; a long record's is written straight out when its turn comes.
            let render = |record: &Record, text: &str, analysis: &Analysis<'_>| {
                (text.len() <= RENDERED).then(|| {
                    let mut line = Vec::with_capacity(4096);
                    write_scored(&mut line, &record.fields, analysis, evidence).map(|()| line)
                })
            };
            drive(
                &mut reader,
                &analyzer,
                &args.input,
                depth,
                render,
                |record, _, analysis, line| match line {
                    Some(line) => output
                        .writer()
                        .write_all(&line?)
                        .map_err(|e| CliError::io("cannot write output", e)),
                    None => write_scored(output.writer(), &record.fields, &analysis, evidence),
                },
            )?
        }
        OutputFormat::Csv => score_csv(&args, &analyzer, &mut reader, &mut output)?,
    };
    output.commit()?;
    summary(&args.input, &mut reader, &stats, "scored");
    Ok(())
}

/// `score --output-format csv`: rows written in input order as records come.
fn score_csv(
    args: &ScoreArgs,
    analyzer: &Analyzer,
    reader: &mut RecordReader,
    output: &mut Output,
) -> Result<Stats, CliError> {
    let delimiter = args.output_delimiter.or(reader.delimiter()).unwrap_or(b',');
    // A stance column per target of the topic, sorted as the JSON's.
    let targets = analyzer
        .topic()
        .target_ids()
        .into_iter()
        .map(String::from)
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
    // The default columns end with `top_evidence`; without it, the values suffice.
    let depth = if args.columns.is_empty() || args.columns.iter().any(|c| c == "top_evidence") {
        Depth::Evidence
    } else {
        Depth::Scores
    };
    let stats = drive(
        reader,
        analyzer,
        &args.input,
        depth,
        |_, _, _| (),
        |record, _, analysis, ()| out.write(output.writer(), &record.id, &record.fields, &analysis),
    )?;
    out.finish(output.writer())?;
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
    let analyzer = analyzer(&args.input.engine)?;
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
        .map(|p| Output::open(Some(p)))
        .transpose()?;
    let mut builder = ReportBuilder::new().max_shown(args.max_shown).top(args.top);
    let stats = drive(
        &mut reader,
        &analyzer,
        &args.input,
        Depth::Evidence,
        |_, _, _| (),
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
    if let Some(mut output) = html.take() {
        let name = output.name();
        output
            .writer()
            .write_all(report.to_html().as_bytes())
            .map_err(|e| CliError::io(format!("cannot write {name}"), e))?;
        output.commit()?;
    }
    let mut out = Output::open(None)?;
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
