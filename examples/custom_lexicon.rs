//! Add your own lexicon entries and your own topic through the API.
//!
//! ```text
//! cargo run --release --example custom_lexicon
//! ```
//!
//! A lexicon is TSV with the header `term kind valence note` (tab-separated; kind `sentiment`,
//! valence in [-4, 4]); a topic is TOML: the subject, targets with their names and
//! the words that oppose them, frames with their markers, and stance markers.

use std::error::Error;

use avis_fr::{Analyzer, Lexicon, Topic};

const LEXICON: &str = "term\tkind\tvalence\tnote
bétonnage\tsentiment\t-3\turban sprawl, always said against
bouchonné\tsentiment\t-2\tjammed traffic
respirable\tsentiment\t2\tclean air
";

const TOPIC: &str = r#"
subject = "rocade"

[targets.rocade]
description = "the planned ring road"
names = ["rocade", "contournement"]
against = ["bétonnage", "abandon du projet"]

[frames.environnement]
description = "nature, air, climate"
markers = ["pollution", "air", "terres agricoles", "climat"]

[frames.cout]
description = "public money"
markers = ["coût", "impôts", "millions"]

[[stance]]
target = "rocade"
weight = -0.8
markers = ["non à la rocade", "abandonnez"]
"#;

fn main() -> Result<(), Box<dyn Error>> {
    let analyzer = Analyzer::builder()
        .lexicon(Lexicon::from_tsv("my-lexicon.tsv", LEXICON)?)
        .topic(Topic::from_toml("rocade.toml", TOPIC)?)
        .build()?;
    println!("targets: {:?}", analyzer.topic().target_ids());
    for text in [
        "Non à la rocade : encore du bétonnage sur des terres agricoles !",
        "Enfin un contournement, le centre-ville sera respirable.",
        "Des millions d'impôts pour une route déjà bouchonnée…",
    ] {
        let analysis = analyzer.analyze(text);
        println!("\n{text}");
        println!(
            "  sentiment {:?} ({:+.2})",
            analysis.sentiment.label, analysis.sentiment.score
        );
        for (target, stance) in &analysis.stance {
            println!(
                "  stance {target}: {:?} ({:+.2})",
                stance.label, stance.score
            );
        }
        println!("  frames {:?}", analysis.frames);
        for ev in &analysis.evidence {
            println!(
                "  evidence {:?} {:?} [{}..{}] {:+.2}",
                ev.role, ev.text, ev.start, ev.end, ev.contribution
            );
        }
    }
    Ok(())
}
