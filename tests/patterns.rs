//! Pattern entries (`/mdr+/`) and drawn-out words (`nuuuul`) through the public API:
//! errors that say where, a user's patterns through the builder, precedence, and
//! what the evidence shows.

use avis_fr::{Analyzer, Error, Label, Lexicon, RuleKind};

const HEADER: &str = "term\tkind\tvalence\tnote\n";

fn lexicon(body: &str) -> Result<Lexicon, Error> {
    Lexicon::from_tsv("mine.tsv", &format!("{HEADER}{body}"))
}

#[test]
fn pattern_errors_name_file_line_and_the_column_of_the_fault() {
    let cases = [
        // `(` opens at column 5 (`/` at 1, `m` at 2): an unclosed group.
        (
            "/mdr(/\tsentiment\t1\n",
            "mine.tsv:2:5: invalid pattern: unclosed group",
        ),
        // `+` at column 6 repeats nothing.
        (
            "/mdr(+/\tsentiment\t1\n",
            "mine.tsv:2:6: invalid pattern: repetition",
        ),
        ("/ab)/\tsentiment\t1\n", "mine.tsv:2:4: invalid pattern: "),
        ("//\tsentiment\t1\n", "mine.tsv:2:2: empty pattern"),
        // Leading blanks move it; columns count characters.
        ("  /é(/\tsentiment\t1\n", "mine.tsv:2:5: invalid pattern: "),
        (
            "/\\w{1000}/\tsentiment\t1\n",
            "mine.tsv:2:2: pattern too costly",
        ),
    ];
    for (body, expected) in cases {
        let message = lexicon(body).expect_err(body).to_string();
        assert!(message.starts_with(expected), "{message:?} for {body:?}");
    }
    // A slash alone, or inside a term, is no pattern.
    assert!(lexicon("/\tsentiment\t1\n:/\tsentiment\t-1\n").is_ok());
    // The same pattern twice for one kind is a duplicate; `\W` and `\w` are not.
    let message = lexicon("/mdr+/\tsentiment\t1\n/mdr+/\tsentiment\t2\n")
        .expect_err("duplicate")
        .to_string();
    assert!(
        message.starts_with("mine.tsv:3:1: duplicate entry"),
        "{message}"
    );
    assert!(lexicon("/a\\w/\tsentiment\t1\n/a\\W/\tsentiment\t1\n").is_ok());
}

#[test]
fn a_users_patterns_work_through_the_builder() -> Result<(), Error> {
    let mine = lexicon("/ki+f+a+n+t+e?s?/\tsentiment\t2\tkiffant, kiiiffant, kifante\n")?;
    let analyzer = Analyzer::builder().lexicon(mine).build()?;
    for text in ["Kiiffant !", "Un film kifante.", "KIFFANTS"] {
        let analysis = analyzer.analyze(text);
        assert_eq!(analysis.sentiment.label, Label::Positive, "{text}");
        let word = analysis
            .evidence
            .iter()
            .find(|e| e.entry == "/ki+f+a+n+t+e?s?/")
            .unwrap_or_else(|| panic!("no pattern evidence in {text:?}"));
        // The evidence is the word as written; its entry names the pattern.
        assert_eq!(&text[word.start..word.end], word.text);
        assert!(
            !word.text.contains(' ') && !word.text.contains('!'),
            "{text}"
        );
    }
    // Anchored over the whole word.
    let analysis = analyzer.analyze("kiffantissime");
    assert!(analysis
        .evidence
        .iter()
        .all(|e| e.entry != "/ki+f+a+n+t+e?s?/"));
    Ok(())
}

#[test]
fn an_entry_for_a_word_wins_over_a_pattern_and_the_last_pattern_wins() -> Result<(), Error> {
    let mine = lexicon(
        "/nu+l+/\tsentiment\t-1\tfirst\n/nu+l+e*/\tsentiment\t-3\tadded last\nnull\tsentiment\t1\tan entry\n",
    )?;
    let analyzer = Analyzer::builder()
        .without_defaults()
        .lexicon(mine)
        .build()?;
    let entry = |text: &str| {
        let analysis = analyzer.analyze(text);
        analysis
            .evidence
            .first()
            .map(|e| (e.entry.to_string(), e.valence))
    };
    assert_eq!(entry("nuulll"), Some(("/nu+l+e*/".into(), -3.0)));
    assert_eq!(entry("null"), Some(("null".into(), 1.0)));
    Ok(())
}

#[test]
fn social_media_families_read_as_their_base_word() {
    let analyzer = Analyzer::default();
    let valences = |text: &str| {
        let analysis = analyzer.analyze(text);
        let mut found: Vec<(String, f64)> = analysis
            .evidence
            .iter()
            .map(|e| (format!("{:?}", e.role), e.valence))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        (found, analysis.sentiment.score)
    };
    // The mdr family is an irony cue and a low positive word, like mdr itself.
    for (base, family) in [
        ("mdr", "mdrrrr"),
        ("mdr", "mdrr"),
        ("ptdr", "xptdrrr"),
        ("lol", "loool"),
    ] {
        assert_eq!(valences(base), valences(family), "{family} as {base}");
    }
    assert_eq!(valences("pff").0, valences("pfffffff").0);
    assert_eq!(valences("xd").0, valences("xDDD").0);
}

#[test]
fn drawn_out_words_are_their_word_said_louder() {
    let analyzer = Analyzer::default();
    let word = |text: &str, written: &str| {
        let analysis = analyzer.analyze(text);
        let found = analysis.evidence.iter().find(|e| e.text == written);
        found.map(|e| {
            (
                e.entry.to_string(),
                e.valence,
                e.rules.iter().map(|r| r.kind).collect::<Vec<_>>(),
            )
        })
    };
    let (entry, valence, rules) = word("C'est nuuuul.", "nuuuul").expect("nuuuul as nul");
    assert_eq!(entry, "nul");
    assert!(valence < 0.0);
    assert_eq!(rules, [RuleKind::Elongation]);
    // Squeezed to one letter, then to two for French doubles.
    assert!(word("une belllle histoire", "belllle").is_some());
    // A drawn-out rule word does its work: `trooop bien` is `trop bien`.
    let (entry, _, _) = word("trooop bien", "trooop bien").expect("trop bien");
    assert_eq!(entry, "trop bien");
    // Not drawn out, not squeezed: the run must be three letters.
    assert!(word("nuul", "nuul").is_none());
    let louder = analyzer.analyze("C'est géniaaal.").sentiment.score;
    let plain = analyzer.analyze("C'est génial.").sentiment.score;
    assert!(louder > plain && plain > 0.0, "{louder} {plain}");
}

#[test]
fn patterns_together_too_costly_are_a_config_error() {
    // Each one passes alone; together they pass the analyzer's limit.
    let body: String = (0..400)
        .map(|i| format!("/\\w+{i}\\w+/\tsentiment\t1\n"))
        .collect();
    let mine = lexicon(&body).expect("each pattern is within its limit");
    let err = Analyzer::builder().lexicon(mine).build().unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert!(err.to_string().contains("patterns together"), "{err}");
}
