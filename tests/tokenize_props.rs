//! Properties of tokens and sentences on any input, with generators biased toward
//! French (accents, both apostrophes, hyphens, punctuation runs, emoji, marks).

use avis_fr::{fold, normalize, sentences, tokenize};
use proptest::prelude::*;

/// Pieces that French comments (and their odd corners) are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Zéèêàçôœ]{1,8}",
        3 => prop::sample::select(vec![
            "'", "’", "‘", "ʼ", "-", "-t-", "--", ".", "…", "!", "?", ",", ";", ":", "(", ")",
            "«", "»", "“", "”", "[", "]", "@", "#", "_", "/", "°", "·", "=", "^", "<", "*",
        ])
        .prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            " ", " ", "\n", "\r\n", "\t", "\u{a0}", "\u{202f}", "\u{2003}", "\u{85}",
        ])
        .prop_map(str::to_owned),
        2 => "[0-9]{1,4}",
        1 => prop::sample::select(vec![
            "👍", "👍🏽", "👨\u{200d}👩\u{200d}👧", "🇫🇷", "❤\u{fe0f}", "1\u{fe0f}\u{20e3}",
            "\u{301}", "\u{200d}", "\u{fe0f}", "\u{20e3}", "\u{1f1eb}", "\u{0}", "\u{7}", "\u{feff}",
            "x", "D", "http://", "www.", "l'", "qu’", "aujourd'hui", "vous", "il", "M. ", "etc.",
            ":-)", "xD", "<3", "^^", ":/", "a@b.fr", "est-ce", "a-t-il",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn french_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// Check the span invariants shared by tokens and sentences.
fn check_spans(text: &str, spans: &[(usize, usize, &str)], what: &str) {
    let mut last = 0;
    for &(start, end, slice) in spans {
        assert!(start < end, "{what}: empty span at {start} in {text:?}");
        assert!(
            start >= last,
            "{what}: overlap or disorder at {start} in {text:?}"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(&text[start..end], slice);
        assert!(
            text[last..start].chars().all(char::is_whitespace),
            "{what}: uncovered non-whitespace before {start} in {text:?}"
        );
        last = end;
    }
    assert!(
        text[last..].chars().all(char::is_whitespace),
        "{what}: uncovered tail in {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_partition_non_whitespace(text in french_text()) {
        let toks: Vec<_> = tokenize(&text).map(|t| (t.start, t.end, t.text)).collect();
        check_spans(&text, &toks, "token");
        for t in tokenize(&text) {
            // A token never holds whitespace at its edges.
            prop_assert!(!t.text.starts_with(char::is_whitespace));
            prop_assert!(!t.text.ends_with(char::is_whitespace));
        }
    }

    #[test]
    fn tokens_of_any_string(text in any::<String>()) {
        let toks: Vec<_> = tokenize(&text).map(|t| (t.start, t.end, t.text)).collect();
        check_spans(&text, &toks, "token");
    }

    #[test]
    fn sentences_partition_non_whitespace(text in french_text()) {
        let sents: Vec<_> = sentences(&text).map(|s| (s.start, s.end, s.text)).collect();
        check_spans(&text, &sents, "sentence");
        for s in sentences(&text) {
            prop_assert_eq!(s.text.trim(), s.text);
        }
    }

    #[test]
    fn sentences_of_any_string(text in any::<String>()) {
        let sents: Vec<_> = sentences(&text).map(|s| (s.start, s.end, s.text)).collect();
        check_spans(&text, &sents, "sentence");
    }

    #[test]
    fn norm_and_fold_are_idempotent(text in french_text()) {
        let n = normalize(&text).into_owned();
        prop_assert_eq!(normalize(&n), n.as_str());
        let f = fold(&text).into_owned();
        prop_assert_eq!(fold(&f), f.as_str());
    }
}

/// Long degenerate inputs: no panic, and linear time (each runs in well under a second).
#[test]
fn degenerate_inputs_are_linear() {
    let n = 1 << 20;
    let inputs = [
        "a".repeat(n),
        "!".repeat(n),
        "-".repeat(n),
        "'".repeat(n),
        "’".repeat(n / 3),
        "a-".repeat(n / 2),
        "a'".repeat(n / 2),
        "l'".repeat(n / 2),
        "-le".repeat(n / 3),
        format!("a{}", "-le".repeat(n / 3)),
        "a.".repeat(n / 2),
        "a.b".repeat(n / 3),
        "a@".repeat(n / 2),
        "www.".repeat(n / 4),
        format!("www.{}", ")".repeat(n)),
        ":)".repeat(n / 2),
        "1.".repeat(n / 2),
        "\u{301}".repeat(n / 2),
        format!("e{}", "\u{301}".repeat(n / 2)),
        "\u{1f1eb}".repeat(n / 4),
        "👍🏽".repeat(n / 8),
        "(".repeat(n),
        "« ".repeat(n / 3),
        ". ".repeat(n / 2),
        "M. ".repeat(n / 3),
        "\u{0}".repeat(n),
        " ".repeat(n),
    ];
    for text in &inputs {
        let started = std::time::Instant::now();
        let toks: Vec<_> = tokenize(text).map(|t| (t.start, t.end, t.text)).collect();
        check_spans(text, &toks, "token");
        let sents: Vec<_> = sentences(text).map(|s| (s.start, s.end, s.text)).collect();
        check_spans(text, &sents, "sentence");
        let took = started.elapsed();
        let head: String = text.chars().take(8).collect();
        // Generous even for a debug build; a quadratic pass over 1 MB takes minutes.
        assert!(took.as_secs() < 20, "{head:?}…: {took:?}");
    }
}
