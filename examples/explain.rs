//! Explain the analysis of one text, evidence by evidence.
//!
//! ```text
//! cargo run --example explain -- "Ce partenariat n'est pas du tout rassurant !"
//! ```
//!
//! Stance is read against the bundled thread's built-in topic.

use avis_fr::{Analyzer, Topic};

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let text = if text.is_empty() {
        "Merci Madame la ministre pour n'écouter que ces lobbyistes !".to_string()
    } else {
        text
    };
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    let analyzer = Analyzer::builder()
        .topic(topic)
        .build()
        .expect("an analyzer");
    let analysis = analyzer.analyze(&text);
    println!("{text}\n");
    println!(
        "sentiment {} {:+.2} (positive {:.2}, negative {:.2}, neutral {:.2})",
        analysis.sentiment.label,
        analysis.sentiment.score,
        analysis.sentiment.positive,
        analysis.sentiment.negative,
        analysis.sentiment.neutral
    );
    for (target, stance) in &analysis.stance {
        println!("stance {target}: {} {:+.2}", stance.label, stance.score);
        for why in &stance.because {
            println!("    {why}");
        }
    }
    println!("frames: {}", analysis.frames.join(", "));
    for e in &analysis.evidence {
        let id =
            e.id.as_ref()
                .map(|id| format!(" [{id}]"))
                .unwrap_or_default();
        let rules: Vec<String> = e.rules.iter().map(ToString::to_string).collect();
        println!(
            "  {:>4}..{:<4} {:<13} {:<24} {:+.2} → {:+.2}{id} {}",
            e.start,
            e.end,
            e.role.as_str(),
            format!("`{}`", e.text),
            e.valence,
            e.contribution,
            rules.join("; ")
        );
    }
}
