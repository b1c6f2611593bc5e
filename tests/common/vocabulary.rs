//! The words that make generated texts reach the rules: the terms of the bundled
//! lexicons and every expression of the default topic. Shared by the property tests
//! and the fuzz targets (which include this file by path).

use avis_fr::Topic;

const RULES: &str = include_str!("../../lexicons/rules.tsv");
const SENTIMENT: &str = include_str!("../../lexicons/sentiment.tsv");
const TOPIC: &str = include_str!("../../lexicons/topic-consultation-2015.toml");

/// Terms of `rules.tsv` and `sentiment.tsv`, then the names, markers and stance
/// markers of the default topic.
pub fn lexicon_words() -> Vec<String> {
    let mut words: Vec<String> = [RULES, SENTIMENT]
        .iter()
        .flat_map(|tsv| tsv.lines())
        .filter(|l| !l.starts_with('#') && !l.starts_with("term\t") && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        // A pattern entry (`/m+d+r+/`) is no word: words it matches are below.
        .filter(|term| !(term.len() > 1 && term.starts_with('/') && term.ends_with('/')))
        .map(str::to_string)
        .collect();
    // Spellings that only the patterns and the squeezing of drawn-out letters find.
    words.extend(
        [
            "mdrrrr",
            "MDRR",
            "xptdr",
            "lool",
            "xDDD",
            "pffffff",
            "grrrrr",
            "nuuuul",
            "trooop",
            "géniaaal",
            "belllle",
            "NUUUL",
            "nooon",
            "aaaaaaaaaaaaaaaa",
        ]
        .map(str::to_string),
    );
    if let Ok(topic) = Topic::from_toml("topic.toml", TOPIC) {
        for t in topic.targets() {
            words.extend(t.names.iter().chain(&t.against).cloned());
        }
        for f in topic.frames() {
            words.extend(f.markers.iter().cloned());
        }
        for s in topic.stance_markers() {
            words.extend(s.markers.iter().cloned());
        }
    }
    words
}
