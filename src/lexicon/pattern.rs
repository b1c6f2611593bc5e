//! Pattern entries: a term written `/mdr+/` is a regular expression over one word.
//!
//! Social-media French writes the same word many ways (`mdr`, `mdrrr`, `mddrr`,
//! `ptdrrrr`): no list holds them all. A pattern entry names the family once. It is
//! anchored over the whole word (`/mdr+/` is `^(?:mdr+)$`), case-insensitive, and
//! tried on the word lowercased, then accent-folded. All patterns of an analyzer are
//! compiled into one [`RegexSet`] when it is built, and tried only for a word that
//! no entry knows as written (see [`super::words`]), once per distinct word: the
//! word memo keeps the answer. The `regex` crate matches in time linear in the word,
//! whatever the pattern, and the size limits below bound what a pattern may cost to
//! compile, so a user's lexicon cannot make building or matching slow.

use regex::{RegexSet, RegexSetBuilder};

/// What one pattern may compile to, in bytes (the `regex` crate's `size_limit`):
/// enough for any word family (`/(ha){2,}/` is ~1 KB, a Unicode `\w` ~50 KB), not for
/// a pattern that would make every build slow (`/\w{500}/`).
const PATTERN_SIZE_LIMIT: usize = 128 * 1024;

/// What all the patterns of an analyzer may compile to together, in bytes.
const SET_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// The regular expression of a term written `/…/`, if it is one.
pub(super) fn pattern_of(term: &str) -> Option<&str> {
    term.strip_prefix('/')?.strip_suffix('/')
}

/// The regular expression matched against a word: the pattern over the whole word.
fn anchored(pattern: &str) -> String {
    format!("^(?:{pattern})$")
}

/// Check one pattern: it parses, and compiles within [`PATTERN_SIZE_LIMIT`]. On
/// error, the 0-based character offset in the pattern where it goes wrong, and what
/// is wrong.
pub(super) fn check(pattern: &str) -> Result<(), (usize, String)> {
    if pattern.is_empty() {
        return Err((
            0,
            "empty pattern: write a regular expression between the slashes".into(),
        ));
    }
    let mut parser = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build();
    if let Err(error) = parser.parse(pattern) {
        let (span, kind) = match &error {
            regex_syntax::Error::Parse(e) => (e.span(), e.kind().to_string()),
            regex_syntax::Error::Translate(e) => (e.span(), e.kind().to_string()),
            _ => return Err((0, format!("invalid pattern: {error}"))),
        };
        return Err((
            span.start.column.saturating_sub(1),
            format!("invalid pattern: {kind}"),
        ));
    }
    let compiled = regex::RegexBuilder::new(&anchored(pattern))
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build();
    match compiled {
        Ok(_) => Ok(()),
        Err(regex::Error::CompiledTooBig(limit)) => Err((
            0,
            format!(
                "pattern too costly: it compiles past {limit} bytes; bound its repetitions \
                 and prefer a letter class such as [a-zà-ÿ] to \\w"
            ),
        )),
        Err(error) => Err((0, format!("invalid pattern: {error}"))),
    }
}

/// Every pattern of an analyzer, compiled into one set, with the expression each
/// stands for.
#[derive(Clone, Debug, Default)]
pub(super) struct Patterns {
    /// None when there is no pattern: most words then cost nothing more.
    set: Option<RegexSet>,
    /// The expression of each pattern of the set, in the order they were added.
    exprs: Vec<u32>,
}

impl Patterns {
    /// Compile `patterns` (each a checked regular expression and its expression).
    ///
    /// # Errors
    /// When together they compile past [`SET_SIZE_LIMIT`] bytes.
    pub(super) fn compile(patterns: &[(Box<str>, u32)]) -> Result<Patterns, String> {
        if patterns.is_empty() {
            return Ok(Patterns::default());
        }
        let set = RegexSetBuilder::new(patterns.iter().map(|(p, _)| anchored(p)))
            .case_insensitive(true)
            .size_limit(SET_SIZE_LIMIT)
            .build()
            .map_err(|error| match error {
                regex::Error::CompiledTooBig(limit) => format!(
                    "the lexicons' {} patterns together compile past {limit} bytes: \
                     use fewer or simpler patterns",
                    patterns.len()
                ),
                error => format!("the lexicons' patterns do not compile: {error}"),
            })?;
        Ok(Patterns {
            set: Some(set),
            exprs: patterns.iter().map(|&(_, expr)| expr).collect(),
        })
    }

    /// The expression of the pattern that matches a word, given lowercased (`lower`)
    /// and accent-folded (`folded`): when several match, the one added last, so that
    /// a user's lexicon overrides the embedded ones.
    pub(super) fn find(&self, lower: &str, folded: &str) -> Option<u32> {
        let set = self.set.as_ref()?;
        // Most words match no pattern, and asking whether any does is cheaper than
        // asking which (the search stops at the first letter no pattern starts with).
        let last = |word: &str| {
            set.is_match(word)
                .then(|| set.matches(word).iter().next_back())
                .flatten()
        };
        let index = last(lower).or_else(|| (folded != lower).then(|| last(folded)).flatten())?;
        self.exprs.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_is_written_between_slashes() {
        assert_eq!(pattern_of("/mdr+/"), Some("mdr+"));
        assert_eq!(pattern_of("//"), Some(""));
        assert_eq!(pattern_of("/"), None);
        assert_eq!(pattern_of("mdr"), None);
        assert_eq!(pattern_of(":/"), None);
    }

    #[test]
    fn errors_say_where() {
        assert!(check("mdr+").is_ok() && check("(ha){2,}").is_ok());
        let (at, message) = check("mdr(+").unwrap_err();
        assert_eq!(at, 4, "{message}");
        assert!(message.starts_with("invalid pattern: "), "{message}");
        let (at, _) = check("ab)").unwrap_err();
        assert_eq!(at, 2);
        assert_eq!(check("").unwrap_err().0, 0);
        // A Unicode class that does not exist: a translation error, with its place.
        let (at, message) = check("a\\p{Nope}").unwrap_err();
        assert_eq!(at, 1, "{message}");
    }

    #[test]
    fn a_costly_pattern_is_refused() {
        let (_, message) = check("\\w{1000}").unwrap_err();
        assert!(message.starts_with("pattern too costly"), "{message}");
        // A word class stays within the limit.
        assert!(check("[a-zà-ÿ]+s").is_ok());
        assert!(check("\\w+").is_ok());
    }

    #[test]
    fn patterns_match_the_whole_word_and_the_last_wins() {
        let patterns: Vec<(Box<str>, u32)> = vec![
            ("mdr+".into(), 7),
            ("m+d+r+".into(), 8),
            ("g[eé]nial".into(), 9),
        ];
        let set = Patterns::compile(&patterns).unwrap();
        assert_eq!(set.find("mdrrr", "mdrrr"), Some(8));
        assert_eq!(set.find("mmdr", "mmdr"), Some(8));
        assert_eq!(set.find("xmdr", "xmdr"), None, "anchored at the start");
        assert_eq!(set.find("mdrx", "mdrx"), None, "anchored at the end");
        assert_eq!(set.find("génial", "genial"), Some(9));
        assert_eq!(Patterns::default().find("mdr", "mdr"), None);
        assert_eq!(Patterns::compile(&[]).unwrap().find("mdr", "mdr"), None);
    }

    #[test]
    fn folded_words_match_folded_patterns() {
        let set = Patterns::compile(&[("genial".into(), 1)]).unwrap();
        assert_eq!(set.find("génial", "genial"), Some(1));
    }
}
