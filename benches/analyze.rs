//! Throughput of the full analysis over the bundled thread, in bytes per second.
//!
//! One group, one input, four functions, so that ratios hold on a noisy machine:
//! - `tokenize`: the tokenizer alone (the floor of any analysis);
//! - `analyze/sentiment_only`: the analyzer with an empty topic (no stance, no frames);
//! - `analyze/full`: the default analyzer (sentiment, stance, frames, evidence);
//! - `analyze/full_parallel`: the same over all cores with rayon, as `avis score` runs.
//!
//! `cargo bench --bench analyze`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

use avis_fr::{tokenize, Analyzer, Topic};

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
    let full = Analyzer::default();
    let sentiment_only = Analyzer::builder()
        .topic(Topic::default())
        .build()
        .expect("the default lexicons");

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
    group.bench_function("full_parallel", |b| {
        b.iter(|| {
            documents
                .par_iter()
                .map(|d| full.analyze(d).evidence.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
