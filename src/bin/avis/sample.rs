//! `avis sample`: a sample to label, drawn from any input `avis score` reads,
//! stratified by the engine's label (and, with a topic, by the targets a text
//! names), deterministic for a seed; written as CSV with an empty `label` column
//! and the engine's label beside it.
//!
//! Each stratum keeps a uniform reservoir of at most `n` records as the input
//! streams; then the `n` places are shared out evenly between the strata (a
//! stratum with fewer records gives its unused places to the others).

use std::collections::BTreeMap;

use avis_fr::{Analysis, Role};
use serde_json::Value;

use crate::args::SampleArgs;
use crate::drive::{drive, reader, summary, Depth};
use crate::error::CliError;
use crate::output::Output;
use crate::scored::cell;
use crate::setup::analyzer;

/// One record drawn: its place in the input, id, text and the engine's label.
struct Drawn {
    order: u64,
    id: String,
    text: String,
    label: &'static str,
}

/// SplitMix64: the same seed, the same draw, on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

pub fn run(args: SampleArgs) -> Result<(), CliError> {
    let input = &args.input;
    let analyzer = analyzer(&input.engine)?;
    let depth = if input.engine.topic.is_some() {
        Depth::Evidence
    } else {
        Depth::Scores
    };
    let mut reader = reader(input)?;
    let mut rng = Rng(args.seed ^ 0xA5A5_5A5A_0F0F_F0F0);
    // Per stratum: records seen, and the reservoir.
    let mut strata: BTreeMap<String, (u64, Vec<Drawn>)> = BTreeMap::new();
    let mut order = 0u64;
    let stats = drive(
        &mut reader,
        &analyzer,
        input,
        depth,
        |_, _, _| (),
        |record, text, analysis, ()| {
            let label = analysis.sentiment.label.as_str();
            let (seen, reservoir) = strata.entry(stratum(label, &analysis)).or_default();
            let drawn = Drawn {
                order,
                id: match &record.id {
                    Value::Null => record.line.to_string(),
                    id => cell(id),
                },
                text: text.to_string(),
                label,
            };
            order += 1;
            if reservoir.len() < args.size {
                reservoir.push(drawn);
            } else {
                let j = rng.next() % (*seen + 1);
                if let Some(slot) = reservoir.get_mut(j as usize) {
                    *slot = drawn;
                }
            }
            *seen += 1;
            Ok(())
        },
    )?;
    let mut chosen = share(strata, args.size, &mut rng);
    chosen.sort_by_key(|d| d.order);
    let mut output = Output::open(args.output.as_deref())?;
    let name = output.name();
    {
        let mut csv = csv::Writer::from_writer(output.writer());
        let error = |e: csv::Error| CliError::Usage(format!("cannot write {name}: {e}"));
        csv.write_record(["id", "text", "label", "avis_label"])
            .map_err(error)?;
        for d in &chosen {
            csv.write_record([d.id.as_str(), d.text.as_str(), "", d.label])
                .map_err(error)?;
        }
        csv.flush()
            .map_err(|e| CliError::io(format!("cannot write {name}"), e))?;
    }
    output.commit()?;
    summary(input, &mut reader, &stats, "read");
    if !input.quiet {
        eprintln!("avis: {} records sampled", chosen.len());
    }
    Ok(())
}

/// The stratum of a text: the engine's label, and the targets it names.
fn stratum(label: &str, analysis: &Analysis<'_>) -> String {
    let mut targets: Vec<&str> = analysis
        .evidence
        .iter()
        .filter(|e| e.role == Role::Target)
        .filter_map(|e| e.id.as_deref())
        .collect();
    targets.sort_unstable();
    targets.dedup();
    format!("{label} {}", targets.join("+"))
}

/// `size` records shared out evenly between the strata, each one's drawn at
/// random from its reservoir.
fn share(strata: BTreeMap<String, (u64, Vec<Drawn>)>, size: usize, rng: &mut Rng) -> Vec<Drawn> {
    let mut pools: Vec<Vec<Drawn>> = strata.into_values().map(|(_, pool)| pool).collect();
    let mut quota = vec![0usize; pools.len()];
    let mut left = size;
    // Deal one place at a time round the strata that still have records.
    while left > 0 {
        let before = left;
        for (q, pool) in quota.iter_mut().zip(&pools) {
            if left > 0 && *q < pool.len() {
                *q += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
    }
    let mut chosen = Vec::new();
    for (pool, q) in pools.iter_mut().zip(quota) {
        for i in (1..pool.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            pool.swap(i, j);
        }
        chosen.extend(pool.drain(..q));
    }
    chosen
}
