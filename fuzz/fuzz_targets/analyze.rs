//! `Analyzer::analyze` on any text, raw or built from lexicon words (first byte even:
//! the bytes as text; odd: a French-looking text generated from the bytes). The
//! analysis must satisfy its documented contract and serialize the same twice.
#![no_main]

use std::sync::OnceLock;

use avis_fr::{Analyzer, Topic};
use libfuzzer_sys::fuzz_target;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    // With a topic, so that stance and frames are fuzzed too.
    ANALYZER.get_or_init(|| {
        let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
        Analyzer::builder().topic(topic).build().expect("an analyzer")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = avis_fr_fuzz::input(data, avis_fr_fuzz::french_text) else {
        return;
    };
    let analysis = analyzer().analyze(&text);
    avis_fr_fuzz::check_analysis(analyzer(), &text, &analysis, (-0.05, 0.05));
    let once = serde_json::to_string(&analysis).expect("an analysis serializes");
    let again = serde_json::to_string(&analyzer().analyze(&text)).expect("serializes");
    assert_eq!(once, again, "analysis is not deterministic for {text:?}");
});
