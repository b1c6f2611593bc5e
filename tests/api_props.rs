//! Properties of the public analysis API on French-looking texts: the same text gives
//! the same analysis alone, in a batch in any order, in other threads and from
//! another analyzer; concatenated documents analyse validly.
//!
//! The generator draws words from the lexicons and the default topic (sentiment
//! words, negators, intensifiers, contrast words, targets, frames), so that the
//! rules fire, mixed with punctuation, emoji and arbitrary chars.

mod common;

use std::sync::OnceLock;

use avis_fr::{Analysis, Analyzer, Topic};
use common::invariants::check_analysis;
use proptest::prelude::*;
use rayon::prelude::*;

const THRESHOLDS: (f64, f64) = (-0.05, 0.05);

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    // With a topic, so that the stance invariants are checked too.
    ANALYZER.get_or_init(|| {
        let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
        Analyzer::builder()
            .topic(topic)
            .build()
            .expect("an analyzer")
    })
}

fn piece() -> impl Strategy<Value = String> {
    let words = common::vocabulary::lexicon_words();
    let shouted = prop::sample::select(words.clone()).prop_map(|w| w.to_uppercase());
    prop_oneof![
        10 => prop::sample::select(words),
        1 => shouted,
        3 => prop::sample::select(vec![
            " ", " ", " ", "\n", "\u{a0}", ".", "!", "!!!", "?", "?!", "…", ",", ";", ":", "(",
            ")", "«", "»", "'", "’", "-", "—", ":-(", ":)", "^^",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "👍", "👍🏽", "👨\u{200d}👩\u{200d}👧\u{200d}👦", "🇫🇷", "❤\u{fe0f}", "\u{301}",
            "https://x.fr/a", "#honte", "@moi", "mouhahaha", "hein",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A comment of up to 30 pieces, separated by spaces most of the time.
fn comment() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.8)), 0..30).prop_map(|pieces| {
        let mut text = String::new();
        for (piece, space) in pieces {
            text.push_str(&piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

fn json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).expect("an analysis serializes")
}

/// Each text analysed alone, serialized.
fn alone(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| json(&analyzer().analyze(t))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn valid_alone_and_same_in_any_batch_order(
        (texts, order) in prop::collection::vec(comment(), 1..8).prop_flat_map(|texts| {
            let n = texts.len();
            (Just(texts), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        })
    ) {
        let expected = alone(&texts);
        for text in &texts {
            check_analysis(analyzer(), text, &analyzer().analyze(text), THRESHOLDS);
        }
        // One analyzer, the texts in a shuffled sequence, each twice.
        for &i in order.iter().chain(order.iter().rev()) {
            prop_assert_eq!(&json(&analyzer().analyze(&texts[i])), &expected[i]);
        }
    }

    #[test]
    fn same_in_other_threads(texts in prop::collection::vec(comment(), 1..6)) {
        let expected = alone(&texts);
        let scoped: Vec<String> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .iter()
                .map(|t| s.spawn(move || json(&analyzer().analyze(t))))
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        prop_assert_eq!(&scoped, &expected);
        let parallel: Vec<String> = texts.par_iter().map(|t| json(&analyzer().analyze(t))).collect();
        prop_assert_eq!(&parallel, &expected);
        // The library's batch, on a slice and fed, on more threads than texts.
        let batch = analyzer().batch().threads(3);
        let mapped: Vec<String> = analyzer().analyze_many(&texts).iter().map(json).collect();
        prop_assert_eq!(&mapped, &expected);
        let fed = batch.map_fed(
            texts.iter(),
            |cache, t| json(&analyzer().analyze_with(cache, t)),
            (),
        );
        prop_assert_eq!(&fed, &expected);
    }

    #[test]
    fn concatenations_analyse_validly(
        a in comment(),
        b in comment(),
        separator in prop::sample::select(vec!["", " ", "\n", ". ", "\n\n", " mais "]),
    ) {
        let text = format!("{a}{separator}{b}");
        let analysis = analyzer().analyze(&text);
        check_analysis(analyzer(), &text, &analysis, THRESHOLDS);
        // Each part is valid alone and repeated on two lines (expressions may
        // then span the line break).
        for part in [&a, &b] {
            let once = analyzer().analyze(part);
            check_analysis(analyzer(), part, &once, THRESHOLDS);
            let twice_text = format!("{part}\n{part}");
            let twice = analyzer().analyze(&twice_text);
            check_analysis(analyzer(), &twice_text, &twice, THRESHOLDS);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn two_fresh_analyzers_agree(text in comment()) {
        static SECOND: OnceLock<Analyzer> = OnceLock::new();
        let second = SECOND.get_or_init(|| {
            let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
            Analyzer::builder().topic(topic).build().expect("an analyzer")
        });
        prop_assert_eq!(json(&analyzer().analyze(&text)), json(&second.analyze(&text)));
    }
}

/// Two analyzers built one after the other from the same custom lexicon and topic
/// give the same results: nothing depends on hash seeds or build order.
#[test]
fn custom_analyzers_built_twice_agree() {
    let lexicon = avis_fr::Lexicon::from_tsv(
        "mine.tsv",
        "term\tkind\tvalence\tnote\ncalamiteux\tsentiment\t-3\t\ngénial\tsentiment\t3\t\n",
    )
    .expect("a valid lexicon");
    let topic = Topic::from_toml(
        "velo.toml",
        "subject = \"pistes\"\n[targets.pistes]\nnames = [\"pistes cyclables\", \"ce projet\"]\n\
         [targets.voitures]\nnames = [\"voitures\"]\nrivals = [\"pistes\"]\n",
    )
    .expect("a valid topic");
    let build = || {
        Analyzer::builder()
            .lexicon(lexicon.clone())
            .topic(topic.clone())
            .build()
            .expect("builds")
    };
    let (one, two) = (build(), build());
    let text =
        "Ce projet est calamiteux, mais les pistes cyclables sont géniales ! Les voitures, non.";
    let a = one.analyze(text);
    assert_eq!(json(&a), json(&two.analyze(text)));
    check_analysis(&one, text, &a, THRESHOLDS);
    assert!(a.stance.contains_key("pistes") && a.stance.contains_key("voitures"));
}
