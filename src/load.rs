//! Lexicons and topics from what a user wrote to name them: one rule for the
//! command line's `--topic` and `--lexicon` and for Python's `Analyzer(topic=...,
//! lexicons=...)`, so that the same argument means the same thing in both.

use std::io;
use std::path::Path;

use crate::error::Error;
use crate::lexicon::{Lexicon, Topic};

/// The name given to a topic written inline (in error messages: `<topic>:3:1: …`).
const INLINE_TOPIC: &str = "<topic>";
/// The name given to a lexicon written inline.
const INLINE_LEXICON: &str = "<lexicon>";

/// Whether `spec` is the text of a file rather than a name or a path: a path never
/// holds a line break, and the text holds `marks` (a topic's TOML `=` or `[`, a
/// lexicon's tab).
fn is_text(spec: &str, marks: &[char]) -> bool {
    spec.contains(['\n', '\r']) || spec.contains(marks)
}

/// An error of kind [`Io`](crate::ErrorKind::Io) for a spec that names nothing.
fn nothing_named(spec: &str, what: String) -> Error {
    Error::Io {
        path: spec.into(),
        error: io::Error::new(io::ErrorKind::NotFound, what),
    }
}

impl Topic {
    /// The topic `spec` names, tried in this order:
    ///
    /// 1. a built-in topic's name ([`Topic::builtin_names`]): the same topic in any
    ///    directory (write `./consultation-2015` for a file of that name);
    /// 2. the path of an existing file ([`Topic::from_path`]);
    /// 3. TOML text, when `spec` holds a line break, `=` or `[` ([`Topic::from_toml`],
    ///    named `<topic>` in its errors).
    ///
    /// Anything else is an error of kind [`Io`](crate::ErrorKind::Io) that lists the
    /// built-in names. The command line (`--topic`) and the Python package
    /// (`Analyzer(topic=...)`) read their argument with it.
    ///
    /// ```
    /// use avis_fr::{ErrorKind, Topic};
    ///
    /// assert_eq!(Topic::load("consultation-2015")?.target_ids(), ["logiciel_libre", "partenariat"]);
    /// let inline = Topic::load("[targets.tram]\nnames = [\"tramway\"]\n")?;
    /// assert_eq!(inline.target_ids(), ["tram"]);
    /// let error = Topic::load("consultation-2016").unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::Io);
    /// assert!(error.to_string().contains("neither a built-in topic (consultation-2015)"));
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn load(spec: &str) -> Result<Topic, Error> {
        if Topic::builtin_names().any(|name| name == spec) {
            return Topic::builtin(spec);
        }
        if Path::new(spec).is_file() {
            return Topic::from_path(spec);
        }
        if is_text(spec, &['=', '[']) {
            return Topic::from_toml(INLINE_TOPIC, spec);
        }
        let names: Vec<&str> = Topic::builtin_names().collect();
        Err(nothing_named(
            spec,
            format!(
                "neither a built-in topic ({}), nor a file, nor TOML text",
                names.join(", ")
            ),
        ))
    }
}

impl Lexicon {
    /// The lexicon `spec` names: the path of an existing file
    /// ([`Lexicon::from_path`]), else TSV text when `spec` holds a line break or a
    /// tab ([`Lexicon::from_tsv`], named `<lexicon>` in its errors). Anything else is
    /// an error of kind [`Io`](crate::ErrorKind::Io). The same rule as
    /// [`Topic::load`] (lexicons have no built-in names: the embedded ones are
    /// always there unless [`without_defaults`](crate::AnalyzerBuilder::without_defaults)).
    ///
    /// ```
    /// use avis_fr::{ErrorKind, Lexicon};
    ///
    /// let mine = Lexicon::load("term\tkind\tvalence\tnote\nbétonnage\tsentiment\t-3\t\n")?;
    /// assert_eq!(mine.len(), 1);
    /// assert_eq!(Lexicon::load("no/such/lexicon.tsv").unwrap_err().kind(), ErrorKind::Io);
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn load(spec: &str) -> Result<Lexicon, Error> {
        if !Path::new(spec).is_file() && is_text(spec, &['\t']) {
            return Lexicon::from_tsv(INLINE_LEXICON, spec);
        }
        // A path, existing or not: reading it says what is wrong.
        Lexicon::from_path(spec)
    }
}
