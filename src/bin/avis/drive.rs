//! Records through the analyzer: read a chunk of records, analyse it with the
//! library's batch (one thread per core), hand the results on in input order.
//! Reading and writing are the callers'; the threads are the library's.
//!
//! Memory: a chunk holds at most [`CHUNK`] records and stops taking more once its
//! texts reach [`CHUNK_BYTES`], so a run holds one chunk of ordinary records, or
//! those and one large record (the one that crossed the limit), whatever the input.

use avis_fr::{Analysis, Analyzer};

use crate::args::InputArgs;
use crate::error::CliError;
use crate::input::{self, RecordReader};
use crate::record::{Next, Record};

/// Records analysed together: big enough to keep both cores busy, small enough
/// that memory does not grow with the input.
const CHUNK: usize = 1024;

/// Text bytes after which a chunk takes no more records: 1024 comments of a
/// kilobyte stay one chunk, longer records are analysed fewer at a time (an
/// analysis takes 15 to 75 times its text: README, "Memory").
pub const CHUNK_BYTES: usize = 1 << 20;

/// How much of the analysis a subcommand needs: what it does not need is not
/// worked out (the values are the same at every depth).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Everything, every piece of evidence included.
    Evidence,
    /// Sentences and reasons, no evidence.
    Explained,
    /// The values alone: sentiment, stance scores and labels, frames.
    Scores,
}

/// Counts for the summary line.
#[derive(Default)]
pub struct Stats {
    pub records: u64,
    pub skipped: u64,
}

/// Read records chunk by chunk, analyse each chunk on every core to `depth` (and
/// `render` what can be worked out from each analysis alone, on the same threads),
/// hand the results to `each` in input order. A bad record stops the run after the
/// records before it were handed on (none of it is), unless `--skip-invalid`.
pub fn drive<R: Send>(
    reader: &mut RecordReader,
    analyzer: &Analyzer,
    args: &InputArgs,
    depth: Depth,
    render: impl Fn(&Record, &str, &Analysis<'_>) -> R + Sync,
    mut each: impl FnMut(Record, &str, Analysis<'_>, R) -> Result<(), CliError>,
) -> Result<Stats, CliError> {
    let mut stats = Stats::default();
    let batch = analyzer.batch();
    loop {
        let (mut chunk, stop, eof) = read_chunk(reader, args, &mut stats)?;
        // The analyses borrow the texts; the rest of each record moves on to `each`.
        let texts: Vec<String> = chunk
            .iter_mut()
            .map(|record| std::mem::take(&mut record.text))
            .collect();
        let items: Vec<(&Record, &str)> =
            chunk.iter().zip(texts.iter().map(String::as_str)).collect();
        let analysed = batch.map(&items, |cache, &(record, text)| {
            let analysis = match depth {
                Depth::Evidence => analyzer.analyze_with(cache, text),
                Depth::Explained => analyzer.analyze_without_evidence(cache, text),
                Depth::Scores => analyzer.analyze_scores(cache, text),
            };
            let rendered = render(record, text, &analysis);
            (analysis, rendered)
        });
        drop(items);
        for ((record, text), (analysis, rendered)) in chunk.into_iter().zip(&texts).zip(analysed) {
            each(record, text, analysis, rendered)?;
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

/// Up to [`CHUNK`] records, or fewer once their texts reach [`CHUNK_BYTES`]; the error that stops the run, if a bad record does;
/// whether the input has ended. Bad records skipped with `--skip-invalid` are
/// said and counted.
fn read_chunk(
    reader: &mut RecordReader,
    args: &InputArgs,
    stats: &mut Stats,
) -> Result<(Vec<Record>, Option<CliError>, bool), CliError> {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut bytes = 0;
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        match reader.next_record()? {
            Next::Record(record) => {
                bytes += record.text.len();
                chunk.push(record);
            }
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
                    continue;
                }
                // Skipping is no fix for a file in another encoding or format.
                let message = if whole_input {
                    message
                } else {
                    format!("{message} (or pass --skip-invalid to skip bad records)")
                };
                let stop = CliError::Invalid {
                    source,
                    line,
                    message,
                };
                return Ok((chunk, Some(stop), false));
            }
            Next::Eof => return Ok((chunk, None, true)),
        }
    }
    Ok((chunk, None, false))
}

/// The reader of the input the options name.
pub fn reader(args: &InputArgs) -> Result<RecordReader, CliError> {
    let source = input::open(args.path.as_deref(), args.quiet, args.encoding)?;
    RecordReader::new(source, args)
}

/// The summary line on standard error (unless `--quiet`): records `verb`, bad
/// records and empty lines skipped, bytes replaced.
pub fn summary(args: &InputArgs, reader: &mut RecordReader, stats: &Stats, verb: &str) {
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
