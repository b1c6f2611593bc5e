//! The inflection table (`lexicons/lemmas.tsv`) through the whole pipeline: a form of
//! a lexicon word is scored as that word, where its Snowball stem is too short to
//! match or meets another word's.

use avis_fr::{Analyzer, Label, Role};

/// The lexicon entries that scored sentiment in `text`, with their valences.
fn scored(analyzer: &Analyzer, text: &str) -> Vec<(String, f64)> {
    analyzer
        .analyze(text)
        .evidence
        .iter()
        .filter(|e| e.role == Role::Sentiment)
        .map(|e| (e.entry.to_string(), e.valence))
        .collect()
}

#[test]
fn a_form_is_scored_as_its_lemma() {
    let analyzer = Analyzer::default();
    // The stem of `adorais` (`ador`) is too short to match: the lemma finds `adorer`.
    let adorais = scored(&analyzer, "J'adorais cette série.");
    assert_eq!(adorais.len(), 1, "{adorais:?}");
    assert_eq!(adorais[0].0, "adorer");
    assert_eq!(
        analyzer.analyze("J'adorais cette série.").sentiment.label,
        Label::Positive
    );
}

#[test]
fn a_lemma_tells_apart_words_that_share_a_stem() {
    let analyzer = Analyzer::default();
    // `dépassée` shares the stem `depass` with `dépasser` (to surpass, positive); its
    // lemma is `dépassé` (outdated, negative).
    let text = "Une série dépassée.";
    let found = scored(&analyzer, text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "dépassé");
    assert!(found[0].1 < 0.0, "{found:?}");
    assert_eq!(analyzer.analyze(text).sentiment.label, Label::Negative);
}
