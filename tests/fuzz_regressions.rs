//! Inputs found by the fuzz targets (fuzz/), kept as tests. Each names its target,
//! what failed, and where it was fixed.

mod common;

use avis_fr::{tokenize, Analyzer, Lexicon, TokenKind};
use common::invariants::{check_analysis, check_sentences, check_tokens};

/// `tokenize` target, crash-f36aef02: a token held a space. U+0600 ARABIC NUMBER
/// SIGN is a grapheme "prepend" char: Unicode joins it with the next char, a space
/// included, so the whole cluster `"\u{600} "` was one token. Fixed in
/// `src/tokenize/classify.rs` (`cluster_end`, `word_char_len`): a cluster stops at
/// whitespace.
#[test]
fn prepended_char_before_a_space() {
    let input: &[u8] = &[
        0x61, 0x72, 0x72, 0xff, 0x69, 0x09, 0x80, 0x99, 0x61, 0x21, 0xc3, 0xa9, 0x65, 0x00, 0x0e,
        0xd8, 0x80, 0x20, 0x71, 0xe2, 0x1c, 0x00, 0x00, 0x00, 0x72, 0x30, 0x73, 0x20, 0xea, 0x80,
        0xa6, 0x2e,
    ];
    let text = String::from_utf8_lossy(input);
    check_tokens(&text);
    check_sentences(&text);

    let toks: Vec<(&str, TokenKind)> = tokenize("\u{600} q").map(|t| (t.text, t.kind)).collect();
    assert_eq!(
        toks,
        [("\u{600}", TokenKind::Symbol), ("q", TokenKind::Word)]
    );
    // Still one cluster when no space follows.
    let toks: Vec<&str> = tokenize("\u{600}1").map(|t| t.text).collect();
    assert_eq!(toks, ["\u{600}1"]);
    // A prepended letter (U+0D4E MALAYALAM LETTER DOT REPH) starts a word, which
    // stops at a no-break space as at any whitespace.
    let toks: Vec<&str> = tokenize("\u{d4e}\u{a0}x \u{d4e}\u{202f}")
        .map(|t| t.text)
        .collect();
    assert_eq!(toks, ["\u{d4e}", "x", "\u{d4e}"]);
    for text in [
        "\u{600} ",
        "\u{600}\u{a0}\u{600}\u{2003}",
        "\u{110bd} a",
        "\u{d4e} \u{d4e}\u{a0}",
    ] {
        check_tokens(text);
        check_sentences(text);
        let analyzer = Analyzer::default();
        check_analysis(&analyzer, text, &analyzer.analyze(text), (-0.05, 0.05));
    }
}

/// `lexicon_tsv` target, crash-d8f08bc2: a contrast term made of several tokens
/// (`cepe...nt`, from a mutated `rules.tsv`) matched across a sentence end, and
/// `Layout::contrast_weights` (src/rules/mod.rs:202) sliced `weights[hit.end..
/// sentence.end]` with `hit.end > sentence.end`: a panic. The default lexicon is
/// enough: a line break inside `par contre`, `en revanche`, `quand même`… ends the
/// sentence while the matcher still joins the two words. Fixed: contrast weights
/// no longer slice by sentence.
#[test]
fn contrast_expression_across_a_sentence_end() {
    let analyzer = Analyzer::default();
    for text in [
        "C'est bien, par\ncontre c'est cher",
        "Bon projet en\nrevanche nul",
        "tout de\nmême génial",
    ] {
        check_analysis(&analyzer, text, &analyzer.analyze(text), (-0.05, 0.05));
    }
    let lexicon = Lexicon::from_tsv(
        "mine.tsv",
        "term\tkind\tvalence\tnote\ncepe...nt\tcontrast\t1.5\n",
    )
    .expect("a valid lexicon");
    let analyzer = Analyzer::builder()
        .lexicon(lexicon)
        .build()
        .expect("builds");
    let text = "bon cepe...nt bon";
    check_analysis(&analyzer, text, &analyzer.analyze(text), (-0.05, 0.05));
}

/// `topic_toml` target, crash-88631f28: a topic file TOML could not parse, whose
/// failing line holds a number with a comma (`…\u{fffd}15,r…`) right after a
/// character of several bytes. The advice on French decimal commas (`decimal_comma`
/// in src/lexicon/topic.rs) stepped back one byte past that character, not one
/// character, and sliced inside it: a panic. Fixed: it steps past the character.
#[test]
fn decimal_comma_after_a_multibyte_char() {
    for text in [
        "weight = \u{fffd}15,3\n",
        "poids =é-0,3\n",
        "[x]\nweight = ½1,5 ,\n",
        "# t\n\u{0}fn-2015,refusez de\u{fffd}\u{fffd}15,r015",
    ] {
        let error = avis_fr::Topic::from_toml("t.toml", text).expect_err("not a valid topic");
        assert!(error.to_string().starts_with("t.toml:"), "{error}");
    }
    // The advice itself, where it applies.
    let error = avis_fr::Topic::from_toml("t.toml", "[targets.x]\nweight = -0,3\n")
        .expect_err("a decimal comma");
    assert!(error.to_string().contains("write -0.3"), "{error}");
}
