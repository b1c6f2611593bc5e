//! Throughput of the full analysis over the bundled thread, in bytes per second.
//!
//! One group, one input, six functions, so that ratios hold on a noisy machine:
//! - `tokenize`: the tokenizer alone (the floor of any analysis);
//! - `analyze/sentiment_only`: the default analyzer, no topic (no stance, no frames);
//! - `analyze/full`: with the thread's built-in topic (sentiment, stance, frames,
//!   evidence);
//! - `analyze/full_parallel`: the same over all cores with the library's batch
//!   (`Analyzer::batch`), as `avis score` runs;
//! - `analyze/without_evidence` and `analyze/scores_only`: the same analyzer through
//!   `analyze_without_evidence` and `analyze_scores` (one cache kept), what the
//!   Python batch calls use.
//!
//! The analyzer remembers what it has worked out for each distinct word (see the
//! crate docs), and the ~1 MB input repeats the bundled thread, so every function
//! but `tokenize` runs with its words known. A second group, `first_sight`,
//! measures the other end: the bundled thread once, by an analyzer that has seen
//! none of its words (a fresh clone per iteration), as for the first comments of a
//! new consultation.
//!
//! `cargo bench --bench analyze`

use avis_fr::{tokenize, Analysis, Analyzer, Cache, Topic};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// An analysis that leaves out part of the full one, with the caller's cache.
type Lighter = for<'a> fn(&'a Analyzer, &mut Cache, &'a str) -> Analysis<'a>;

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/consultation-2015.jsonl");
    let text = std::fs::read_to_string(path).expect("the bundled corpus");
    text.lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            value["text"].as_str().expect("a text field").to_string()
        })
        .collect()
}

fn analyze(c: &mut Criterion) {
    let one = corpus();
    // About 1 MB: the thread repeated, as a larger consultation would be.
    let documents: Vec<String> = one.iter().cycle().take(one.len() * 40).cloned().collect();
    let bytes: usize = documents.iter().map(String::len).sum();
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    let full = Analyzer::builder()
        .topic(topic)
        .build()
        .expect("the default lexicons");
    let sentiment_only = Analyzer::default();

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("tokenize", |b| {
        b.iter(|| documents.iter().map(|d| tokenize(d).count()).sum::<usize>())
    });
    group.bench_function("sentiment_only", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|d| sentiment_only.analyze(d).evidence.len())
                .sum::<usize>()
        })
    });
    group.bench_function("full", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|d| full.analyze(d).evidence.len())
                .sum::<usize>()
        })
    });
    let mut cache = Cache::new();
    let lighter: [(&str, Lighter); 2] = [
        ("without_evidence", Analyzer::analyze_without_evidence),
        ("scores_only", Analyzer::analyze_scores),
    ];
    for (name, analyze) in lighter {
        group.bench_function(name, |b| {
            b.iter(|| {
                documents
                    .iter()
                    .map(|d| analyze(&full, &mut cache, d).stance.len())
                    .sum::<usize>()
            })
        });
    }
    group.bench_function("full_parallel", |b| {
        b.iter(|| {
            let counts = full.batch().map(&documents, |cache, d| {
                full.analyze_with(cache, d).evidence.len()
            });
            counts.into_iter().sum::<usize>()
        })
    });
    group.finish();

    let thread_bytes: usize = one.iter().map(String::len).sum();
    let mut group = c.benchmark_group("first_sight");
    group.throughput(Throughput::Bytes(thread_bytes as u64));
    group.sample_size(20);
    group.bench_function("tokenize", |b| {
        b.iter(|| one.iter().map(|d| tokenize(d).count()).sum::<usize>())
    });
    group.bench_function("full", |b| {
        b.iter_batched(
            || full.clone(),
            // Handed back so that dropping the clone is not timed.
            |fresh| {
                let found: usize = one.iter().map(|d| fresh.analyze(d).evidence.len()).sum();
                (fresh, found)
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
