//! Time on pathological inputs of growing size: linear time shows as a flat
//! throughput (MB/s) from 1 KB to 1 MB, and as a time ratio of about 10 between
//! 1 MB and 100 KB.
//!
//! One group per input, two functions per group (`tokenize`: the tokens counted;
//! `analyze`: the default analyzer), four sizes per function. The first eight inputs
//! are the degenerate texts of the robustness issue; the last seven repeat rule words
//! in one unpunctuated sentence, which is where the rules look around each word.
//!
//! `cargo bench --bench pathological` (about 5 minutes; pass a group name to run
//! one, e.g. `cargo bench --bench pathological -- hyphens`).
//!
//! A run that takes more than [`PROBE_LIMIT`] once is not sampled (ten samples
//! would take minutes): its single time is printed as `probe:`, and the next size is
//! not tried. Such an input is superlinear.

use std::time::{Duration, Instant};

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};

use avis_fr::{tokenize, Analyzer, Topic};

const SIZES: [(usize, &str); 4] = [
    (1 << 10, "1KB"),
    (10 << 10, "10KB"),
    (100 << 10, "100KB"),
    (1 << 20, "1MB"),
];

/// One run of a function on an input that takes longer than this is not sampled.
const PROBE_LIMIT: Duration = Duration::from_secs(3);

/// The inputs: a name and the unit repeated up to the size.
const INPUTS: [(&str, &str); 17] = [
    ("long_word", "anticonstitutionnellement"),
    ("punctuation", "!?.,;:()«»—…\"/"),
    ("apostrophes", "'’"),
    ("hyphens", "-"),
    ("ne_pas", "ne pas "),
    ("pas_non_jamais", "pas non jamais "),
    ("emoji_zwj", "👨\u{200d}👩\u{200d}👧\u{200d}👦"),
    ("url", "a/b-c_d.e?f=g&h=%C3%A9#"),
    ("sentiment_words", "honte "),
    ("contrast_words", "mais bon "),
    ("ne_alone", "ne "),
    ("target_and_sentiment", "microsoft honte "),
    ("absence_words", "quid de "),
    ("ne_elided", "n'"),
    ("cues_and_targets", "favoriser Linux "),
    // One huge word of drawn-out letters (squeezed twice, tried on the patterns).
    ("drawn_out_word", "aaab"),
    // Pattern entries and drawn-out sentiment words, each a distinct word once.
    ("patterns_and_drawn_out", "mdrrrr pfffff nuuuul "),
];

/// `unit` repeated up to `size` bytes (whole units only); the URL gets its scheme.
fn input(name: &str, unit: &str, size: usize) -> String {
    let mut text = String::with_capacity(size);
    if name == "url" {
        text.push_str("https://exemple.fr/");
    }
    while text.len() + unit.len() <= size {
        text.push_str(unit);
    }
    text
}

fn pathological(c: &mut Criterion) {
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    let analyzer = Analyzer::builder()
        .topic(topic)
        .build()
        .expect("an analyzer");
    // The probes run outside criterion's filter: apply it to group names here too
    // (a substring of the group name, e.g. `-- hyphens`).
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    for (name, unit) in INPUTS {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2));
        // The time of one run at the previous size, per function.
        let mut previous = [Duration::ZERO; 2];
        for (size, label) in SIZES {
            let text = input(name, unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let count = || tokenize(&text).count();
            let analyze = || analyzer.analyze(&text).evidence.len();
            if let Some(took) = probe(name, "tokenize", label, previous[0], count) {
                previous[0] = took;
                group.bench_function(BenchmarkId::new("tokenize", label), |b| b.iter(count));
            }
            if let Some(took) = probe(name, "analyze", label, previous[1], analyze) {
                previous[1] = took;
                group.bench_function(BenchmarkId::new("analyze", label), |b| b.iter(analyze));
            }
        }
        group.finish();
    }
}

/// Time one run and return it, unless it is too slow to sample (then print it).
/// A size ten times the previous one is not even tried when that one took over
/// [`PROBE_LIMIT`] / 3: it would take minutes if the time is quadratic.
fn probe<T>(
    name: &str,
    function: &str,
    label: &str,
    previous: Duration,
    f: impl Fn() -> T,
) -> Option<Duration> {
    if previous > PROBE_LIMIT / 3 {
        println!("{name}/{function}/{label}: not run: the size before took {previous:?}");
        return None;
    }
    let started = Instant::now();
    std::hint::black_box(f());
    let took = started.elapsed();
    if took > PROBE_LIMIT {
        println!("{name}/{function}/{label}: probe: {took:?} for one run, not sampled");
        return None;
    }
    Some(took)
}

criterion_group!(benches, pathological);
criterion_main!(benches);
