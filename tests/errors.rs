//! Errors are `std::error::Error`s that say where the problem is: file, line and
//! column for bad lexicon and topic entries, the path for unreadable files, the
//! values for bad settings.

use std::error::Error as _;

use avis_fr::{Analyzer, Error, Lexicon, Topic};

const HEADER: &str = "term\tkind\tvalence\tnote\n";

fn lexicon_error(body: &str) -> String {
    Lexicon::from_tsv("bad.tsv", &format!("{HEADER}{body}"))
        .expect_err(body)
        .to_string()
}

#[test]
fn lexicon_errors_name_line_and_column_of_the_bad_field() {
    // term → column 1, kind → after the term and a tab, valence → after the kind.
    let cases = [
        ("x\tfeeling\t1\t\n", "bad.tsv:2:3: unknown kind `feeling`"),
        (
            "chouette\tsentiment\tbeaucoup\t\n",
            "bad.tsv:2:20: valence `beaucoup`",
        ),
        (
            "très\tintensifier\t5\t\n",
            "bad.tsv:2:18: valence 5 out of range",
        ),
        ("x\n", "bad.tsv:2:1: expected 3 or 4 tab-separated fields"),
        (" \tsentiment\t1\t\n", "bad.tsv:2:1: empty term"),
        (
            "x\tsentiment\t1\nx\tsentiment\t2\n",
            "bad.tsv:3:1: duplicate entry `x`",
        ),
    ];
    for (body, expected) in cases {
        let message = lexicon_error(body);
        assert!(message.starts_with(expected), "{message:?} for {body:?}");
    }
    // Columns count characters, not bytes: `é` is one.
    let message = lexicon_error("été\tfeeling\t1\n");
    assert!(message.starts_with("bad.tsv:2:5:"), "{message}");
    let message = Lexicon::from_tsv("bad.tsv", "# only a comment\n").unwrap_err();
    assert!(message
        .to_string()
        .starts_with("bad.tsv:1:1: empty lexicon"));
}

#[test]
fn topic_errors_name_line_and_column() {
    let err = Topic::from_toml("t.toml", "subject = \"nope\"\n").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("t.toml:1:11: unknown target `nope`"),
        "{err}"
    );
    let text = "[targets.a]\nnames = [\"x\"]\n\n[[stance]]\ntarget = \"a\"\nweight = 2\nmarkers = [\"y\"]\n";
    let err = Topic::from_toml("t.toml", text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("t.toml:6:10: stance weight 2 out of range"),
        "{err}"
    );
    let err = Topic::from_toml("t.toml", "[targets.a]\nnames = [\"é\", 3]\n").unwrap_err();
    assert!(err.to_string().starts_with("t.toml:2:15:"), "{err}");
}

/// Found by the topic_toml fuzz target on a truncated copy of the default topic: a
/// TOML error at the very end of the file was reported on the line after the last
/// one, with no hint; it now says it is at the end of the file.
#[test]
fn topic_error_at_end_of_file_says_so() {
    let text = "[targets.a]\nnames = [\"x\",\n";
    let err = Topic::from_toml("t.toml", text).unwrap_err().to_string();
    assert!(err.starts_with("t.toml:3:1:"), "{err}");
    assert!(err.contains("(at the end of the file)"), "{err}");
    // Not for an error in the middle of the file.
    let err = Topic::from_toml("t.toml", "x = \n[targets.a]\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t.toml:1:") && !err.contains("end of the file"),
        "{err}"
    );
}

#[test]
fn io_errors_name_the_path_and_keep_their_source() {
    let err = Lexicon::from_path("/nonexistent/lex.tsv").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("cannot read /nonexistent/lex.tsv: "),
        "{err}"
    );
    let source = err.source().expect("the io::Error");
    assert!(source.downcast_ref::<std::io::Error>().is_some());
    let err = Topic::from_path("/nonexistent/topic.toml").unwrap_err();
    assert!(err.to_string().contains("/nonexistent/topic.toml"), "{err}");
}

#[test]
fn bad_thresholds_are_named_with_their_values() {
    let err = Analyzer::builder()
        .thresholds(0.5, 0.1)
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)));
    let message = err.to_string();
    assert!(
        message.contains("0.5") && message.contains("0.1"),
        "{message}"
    );
    assert!(err.source().is_none());
    // Boxed as any error, as callers with `?` into `Box<dyn Error>` do.
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.to_string().starts_with("invalid analyzer setting"));
}
