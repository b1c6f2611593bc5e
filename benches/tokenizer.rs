//! Tokenizer throughput on the bundled corpus, against two baselines in the same
//! group: `unicode-segmentation`'s word bounds and `str::split_whitespace` (the
//! floor of any tokenizer that reads every byte).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

/// The 45 texts of the corpus, joined by blank lines.
fn corpus() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/consultation-2015.jsonl");
    let data = std::fs::read_to_string(path).expect("read the bundled corpus");
    let texts: Vec<String> = data
        .lines()
        .map(|line| {
            let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            doc["text"].as_str().expect("a text field").to_owned()
        })
        .collect();
    texts.join("\n\n")
}

fn bench(c: &mut Criterion) {
    let once = corpus();
    let times = (4 << 20) / once.len() + 1;
    let big = vec![once.as_str(); times].join("\n\n");
    for (name, input) in [("corpus", &once), ("corpus-4MB", &big)] {
        let mut group = c.benchmark_group(format!("tokenize/{name}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("avis_fr::tokenize", |b| {
            b.iter(|| avis_fr::tokenize(black_box(input)).count())
        });
        group.bench_function("split_word_bounds", |b| {
            b.iter(|| {
                black_box(input)
                    .split_word_bounds()
                    .filter(|w| !w.trim().is_empty())
                    .count()
            })
        });
        group.bench_function("split_whitespace", |b| {
            b.iter(|| black_box(input).split_whitespace().count())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
