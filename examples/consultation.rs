//! The main job: analyse the bundled consultation thread and print the corpus report.
//!
//! ```text
//! cargo run --release --example consultation
//! ```
//!
//! The same as `avis report --topic consultation-2015 data/consultation-2015.jsonl`,
//! through the library: the general lexicons and the thread's built-in topic.

use std::error::Error;

use avis_fr::report::Report;
use avis_fr::{Analyzer, Topic};
use serde_json::Value;

const CORPUS: &str = include_str!("../data/consultation-2015.jsonl");

fn main() -> Result<(), Box<dyn Error>> {
    let topic = Topic::builtin("consultation-2015")?;
    let analyzer = Analyzer::builder().topic(topic).build()?;
    let mut documents = Vec::new();
    for (i, line) in CORPUS.lines().enumerate() {
        let record: Value = serde_json::from_str(line)?;
        let text = record["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\" string", i + 1))?
            .to_string();
        documents.push((record["id"].clone(), text));
    }
    let report = Report::from_analyses(documents.iter().map(|(id, text)| {
        let analysis = analyzer.analyze(text);
        (id.clone(), text.as_str(), analysis)
    }));
    print!("{}", report.to_text());
    Ok(())
}
