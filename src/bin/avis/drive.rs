//! The loop every corpus subcommand runs: read records in chunks, analyse each
//! chunk in parallel, hand the results on in input order.
//!
//! Memory: a chunk holds at most [`CHUNK`] records and stops taking more once its
//! texts reach [`CHUNK_BYTES`], so a run holds one chunk of ordinary records, or
//! those and one large record (the one that crossed the limit), whatever the input.

use std::cell::RefCell;

use avis_fr::{Analysis, Analyzer, Cache};
use rayon::prelude::*;

use crate::args::InputArgs;
use crate::error::CliError;
use crate::input::{Next, Record, RecordReader};

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

thread_local! {
    /// One cache per thread (rayon's workers live as long as the run), so that its
    /// word memo serves every record the thread analyses.
    static CACHE: RefCell<Cache> = RefCell::new(Cache::new());
}

fn analyze<'a>(analyzer: &'a Analyzer, text: &'a str, depth: Depth) -> Analysis<'a> {
    CACHE.with(|cache| {
        // Not reentrant: an analysis calls nothing back here. Should that change,
        // a fresh cache gives the same result.
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return analyzer.analyze(text);
        };
        match depth {
            Depth::Evidence => analyzer.analyze_with(&mut cache, text),
            Depth::Explained => analyzer.analyze_without_evidence(&mut cache, text),
            Depth::Scores => analyzer.analyze_scores(&mut cache, text),
        }
    })
}

/// Counts for the summary line.
#[derive(Default)]
pub struct Stats {
    pub records: u64,
    pub skipped: u64,
}

/// Read records chunk by chunk, analyse each chunk in parallel to `depth` (and
/// `render` what can be worked out from each analysis alone), hand the results to
/// `sink` in input order. A bad record stops the run after the records before it
/// were handed on (none of it is), unless `--skip-invalid`.
pub fn drive<R: Send>(
    reader: &mut RecordReader,
    analyzer: &Analyzer,
    args: &InputArgs,
    depth: Depth,
    render: impl Fn(&Record, &str, &Analysis<'_>) -> R + Sync,
    mut sink: impl FnMut(Record, &str, Analysis<'_>, R) -> Result<(), CliError>,
) -> Result<Stats, CliError> {
    let mut stats = Stats::default();
    loop {
        let (mut chunk, end) = read_chunk(reader, args, &mut stats)?;
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
                let analysis = analyze(analyzer, text, depth);
                let rendered = render(record, text, &analysis);
                (analysis, rendered)
            })
            .collect();
        for ((record, text), (analysis, rendered)) in chunk.into_iter().zip(&texts).zip(analyses) {
            sink(record, text, analysis, rendered)?;
            stats.records += 1;
        }
        match end {
            End::More => {}
            End::Eof => return Ok(stats),
            End::Stop(error) => return Err(error),
        }
    }
}

/// What ended a chunk.
enum End {
    /// It is full: more records may follow.
    More,
    Eof,
    /// A bad record, without `--skip-invalid`: the run stops after this chunk.
    Stop(CliError),
}

/// The next chunk of records (bad ones skipped and counted with `--skip-invalid`).
fn read_chunk(
    reader: &mut RecordReader,
    args: &InputArgs,
    stats: &mut Stats,
) -> Result<(Vec<Record>, End), CliError> {
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
                } else {
                    // Skipping is no fix for a file in another encoding or format.
                    let message = if whole_input {
                        message
                    } else {
                        format!("{message} (or pass --skip-invalid to skip bad records)")
                    };
                    let error = CliError::Invalid {
                        source,
                        line,
                        message,
                    };
                    return Ok((chunk, End::Stop(error)));
                }
            }
            Next::Eof => return Ok((chunk, End::Eof)),
        }
    }
    Ok((chunk, End::More))
}
