//! `Lexicon::from_tsv` on any text (first byte even) or on a generated, mostly valid
//! lexicon (odd). Bad input is an `Error` naming the source and a line of it, never a
//! panic; a lexicon that parses round-trips through its own TSV, builds an analyzer
//! (with thresholds picked by the mode byte) and analyses its own terms validly.
#![no_main]

use avis_fr::{Analyzer, Error, Lexicon};
use libfuzzer_sys::fuzz_target;

/// Label thresholds (negative, positive): valid ones, edge cases and invalid ones.
const THRESHOLDS: [(f64, f64); 8] = [
    (-0.05, 0.05),
    (-0.05, 0.05),
    (-0.05, 0.05),
    (-1.0, 1.0),
    (0.2, 0.3),
    (-0.9, -0.8),
    (0.5, 0.1),
    (f64::NAN, 0.5),
];

fuzz_target!(|data: &[u8]| {
    let Some(text) = avis_fr_fuzz::input(data, avis_fr_fuzz::lexicon_tsv) else {
        return;
    };
    // The first byte also picks the label thresholds of the analyzer built below.
    let mode = data[0];
    let lexicon = match Lexicon::from_tsv("fuzz.tsv", &text) {
        Ok(lexicon) => lexicon,
        Err(e) => {
            assert!(matches!(e, Error::Parse { .. }), "{e:?}");
            avis_fr_fuzz::check_error_position(&e.to_string(), "fuzz.tsv", &text);
            return;
        }
    };
    let mut rendered = String::from("term\tkind\tvalence\tnote\n");
    for entry in lexicon.entries() {
        assert!(!entry.term.is_empty() && entry.term.trim() == entry.term);
        assert!(entry.valence.is_finite(), "{entry:?}");
        // A line that starts with `#` is a comment: such a term is written indented.
        let indent = if entry.term.starts_with('#') { " " } else { "" };
        rendered.push_str(&format!(
            "{indent}{}\t{}\t{}\t{}\n",
            entry.term, entry.kind, entry.valence, entry.note
        ));
    }
    match Lexicon::from_tsv("fuzz.tsv", &rendered) {
        Ok(again) => assert_eq!(again.entries(), lexicon.entries(), "{rendered:?}"),
        Err(e) => panic!("a parsed lexicon does not round-trip: {e}\n{rendered:?}"),
    }
    // Thresholds from the mode byte, so that the text generator may use all the rest.
    let (negative, positive) = THRESHOLDS[usize::from(mode >> 1) % THRESHOLDS.len()];
    let built = Analyzer::builder()
        .without_defaults()
        .lexicon(avis_fr_fuzz::rules_lexicon().clone())
        .lexicon(lexicon.clone())
        .thresholds(negative, positive)
        .build();
    let analyzer = match built {
        Ok(analyzer) => analyzer,
        Err(e) => {
            let valid = -1.0 <= negative && negative < positive && positive <= 1.0;
            // Each pattern was checked alone; together they may still be too costly.
            let costly = e.to_string().contains("patterns together");
            assert!((!valid || costly) && matches!(e, Error::Config(_)), "{e}");
            return;
        }
    };
    let mut sample: Vec<&str> = lexicon.entries().iter().map(|e| e.term.as_str()).collect();
    sample.extend(["pas", "très", "mais", "!"]);
    for text in [sample.join(" "), sample.join(", ").to_uppercase()] {
        let analysis = analyzer.analyze(&text);
        avis_fr_fuzz::check_analysis(&analyzer, &text, &analysis, (negative, positive));
    }
});
