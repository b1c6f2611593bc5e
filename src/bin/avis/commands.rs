//! The subcommands: read, analyse in parallel chunks, write in input order.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use avis_fr::report::ReportBuilder;
use avis_fr::{Analysis, Analyzer, Lexicon, TokenKind, Topic};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::args::{Cli, Command, InputArgs, ReportArgs, ScoreArgs, TokensArgs};
use crate::error::CliError;
use crate::input::{self, Next, Record, RecordReader};
use crate::output::Sink;

/// Records analysed together: big enough to keep both cores busy, small enough
/// that memory does not grow with the input.
const CHUNK: usize = 1024;

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Tokens(args) => tokens(args),
        Command::Score(args) => score(args),
        Command::Report(args) => report(args),
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
    let (_, text) = input::read_text(args.path.as_ref())?;
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
    let analyzer = analyzer(&args.input)?;
    let mut reader = reader(&args.input)?;
    let mut sink = Sink::open(args.output.as_deref())?;
    // Each line is written out in parallel with the analyses, then copied in order.
    let render = |record: &Record, analysis: &Analysis<'_>| {
        let mut line = Vec::with_capacity(4096);
        write_scored(&mut line, &record.fields, analysis).map(|()| line)
    };
    let stats = drive(
        &mut reader,
        &analyzer,
        &args.input,
        render,
        |_, _, _, line| {
            sink.writer()
                .write_all(&line?)
                .map_err(|e| CliError::io("cannot write output", e))
        },
    )?;
    sink.commit()?;
    summary(&args.input, &mut reader, &stats, "scored");
    Ok(())
}

fn report(args: ReportArgs) -> Result<(), CliError> {
    let analyzer = analyzer(&args.input)?;
    let mut reader = reader(&args.input)?;
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
            builder.add(record.id, text, &analysis);
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
struct Stats {
    records: u64,
    skipped: u64,
}

/// Read records chunk by chunk, analyse each chunk in parallel (and `render` what
/// can be worked out from each analysis alone), hand the results to `sink` in input
/// order. A bad record stops the run after the records before it were handed on
/// (none of it is), unless `--skip-invalid`.
fn drive<R: Send>(
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
                Next::Invalid { line, message } => {
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
                        stop = Some(CliError::Invalid {
                            source,
                            line,
                            message: format!(
                                "{message} (or pass --skip-invalid to skip bad records)"
                            ),
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

fn reader(args: &InputArgs) -> Result<RecordReader, CliError> {
    let source = input::open(args.path.as_deref(), args.quiet)?;
    RecordReader::new(source, args)
}

/// The default analyzer, or one with the user's lexicons and topic.
fn analyzer(args: &InputArgs) -> Result<Analyzer, CliError> {
    if args.lexicons.is_empty() && args.topic.is_none() {
        return Ok(Analyzer::default());
    }
    let mut builder = Analyzer::builder();
    for path in &args.lexicons {
        builder = builder.lexicon(Lexicon::from_tsv(
            &name(path),
            &read_file(path, "lexicon")?,
        )?);
    }
    if let Some(path) = &args.topic {
        builder = builder.topic(Topic::from_toml(&name(path), &read_file(path, "topic")?)?);
    }
    Ok(builder.build()?)
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

fn read_file(path: &Path, what: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::io(format!("cannot read {what} file {}", path.display()), e))
}

fn summary(args: &InputArgs, reader: &mut RecordReader, stats: &Stats, verb: &str) {
    reader.finish();
    if args.quiet {
        return;
    }
    let mut line = format!(
        "avis: {} {verb} from {}",
        count(stats.records, "record"),
        reader.name
    );
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

fn json_error(e: serde_json::Error) -> CliError {
    CliError::Io {
        what: "cannot encode JSON".into(),
        error: e.into(),
    }
}

/// The analysis fields `avis score` adds to each record, in their order.
const ANALYSIS_FIELDS: [&str; 4] = ["sentiment", "stance", "frames", "evidence"];

/// One scored record as a JSON line: the input's fields in their order, a field the
/// analysis also has replaced in place, then the analysis's other fields. Written
/// straight out, without building a JSON value of the analysis.
fn write_scored(
    w: &mut dyn Write,
    fields: &serde_json::Map<String, Value>,
    analysis: &Analysis<'_>,
) -> Result<(), CliError> {
    let part = |w: &mut dyn Write, name: &str| -> serde_json::Result<()> {
        match name {
            "sentiment" => serde_json::to_writer(w, &analysis.sentiment),
            "stance" => serde_json::to_writer(w, &analysis.stance),
            "frames" => serde_json::to_writer(w, &analysis.frames),
            _ => serde_json::to_writer(w, &analysis.evidence),
        }
    };
    let mut write = || -> serde_json::Result<()> {
        let mut first = true;
        let mut key = |w: &mut dyn Write, name: &str| -> serde_json::Result<()> {
            w.write_all(if first { b"{" } else { b"," })
                .map_err(serde_json::Error::io)?;
            first = false;
            serde_json::to_writer(&mut *w, name)?;
            w.write_all(b":").map_err(serde_json::Error::io)
        };
        for (name, value) in fields {
            key(w, name)?;
            if ANALYSIS_FIELDS.contains(&name.as_str()) {
                part(w, name)?;
            } else {
                serde_json::to_writer(&mut *w, value)?;
            }
        }
        for name in ANALYSIS_FIELDS {
            if !fields.contains_key(name) {
                key(w, name)?;
                part(w, name)?;
            }
        }
        w.write_all(b"}\n").map_err(serde_json::Error::io)
    };
    write().map_err(|e| {
        if e.is_io() {
            CliError::io("cannot write output", e.into())
        } else {
            json_error(e)
        }
    })
}

fn write_json_line(w: &mut dyn Write, value: &impl Serialize) -> Result<(), CliError> {
    serde_json::to_writer(&mut *w, value).map_err(|e| {
        if e.is_io() {
            CliError::io("cannot write output", e.into())
        } else {
            json_error(e)
        }
    })?;
    w.write_all(b"\n")
        .map_err(|e| CliError::io("cannot write output", e))
}
