//! Shared pieces of the fuzz targets: the invariants (the same file the integration
//! tests use) and structured generators that build French-looking text, lexicon TSV
//! and topic TOML from the fuzzer's bytes, so that mutations reach the rules and the
//! validation code rather than stopping at the first syntax error.

use std::fmt::Write as _;
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use avis_fr::Lexicon;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

// The command line's readers, compiled from its own files for the `csv_input`
// target: they name each other `crate::…`, so they sit at this crate's root. What
// the target does not call is unused here.
#[allow(dead_code)]
#[path = "../../src/bin/avis/args.rs"]
mod args;
#[allow(dead_code)]
#[path = "../../src/bin/avis/csv_in.rs"]
mod csv_in;
#[allow(dead_code)]
#[path = "../../src/bin/avis/encoding.rs"]
mod encoding;
#[allow(dead_code)]
#[path = "../../src/bin/avis/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "../../src/bin/avis/input.rs"]
mod input;
#[allow(dead_code)]
#[path = "../../src/bin/avis/limit.rs"]
mod limit;
#[allow(dead_code)]
#[path = "../../src/bin/avis/record.rs"]
mod record;
#[allow(dead_code)]
#[path = "../../src/bin/avis/sniff.rs"]
mod sniff;

pub mod csv_input;
pub mod model_dir;
#[path = "../../tests/common/vocabulary.rs"]
mod vocabulary;

pub use invariants::{check_analysis, check_sentences, check_tokens};

/// The rule words of the embedded lexicons, read from the repository.
pub const RULES_TSV: &str = include_str!("../../lexicons/rules.tsv");

/// The kind names of lexicon files, from the library's table of kinds.
pub fn kinds() -> Vec<&'static str> {
    avis_fr::EntryKind::all().map(avis_fr::EntryKind::name).collect()
}

/// Words and expressions the engine knows: rule words, hand-curated sentiment terms,
/// and every expression of the default topic.
pub fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(vocabulary::lexicon_words)
}

/// The rule words as a lexicon, for analyzers built without the defaults.
pub fn rules_lexicon() -> &'static Lexicon {
    static RULES: OnceLock<Lexicon> = OnceLock::new();
    RULES.get_or_init(|| match Lexicon::from_tsv("rules.tsv", RULES_TSV) {
        Ok(lexicon) => lexicon,
        Err(e) => panic!("lexicons/rules.tsv is invalid: {e}"),
    })
}

const PUNCT: [&str; 24] = [
    ".", "!", "!!!", "?!", "…", "...", ",", ";", ":", "(", ")", "«", "»", "\"", "'", "’", "-", "—",
    "\n", "\n\n", ":-(", ":)", "^^", "xD",
];
const OTHER: [&str; 14] = [
    "👍",
    "👍🏽",
    "👨‍👩‍👧‍👦",
    "🇫🇷",
    "❤️",
    "\u{301}",
    "\u{200d}",
    "\u{a0}",
    "https://x.fr/a?b=c",
    "www.ac.fr",
    "@moi",
    "#honte",
    "a@b.fr",
    "mouhahaha",
];

/// The text a target works on: the bytes after the first as text when the first
/// byte is even, else a text `generate` builds from them (`None`: too few bytes).
pub fn input(data: &[u8], generate: fn(&mut Unstructured<'_>) -> Result<String>) -> Option<String> {
    let (&mode, rest) = data.split_first()?;
    if mode % 2 == 0 {
        Some(String::from_utf8_lossy(rest).into_owned())
    } else {
        generate(&mut Unstructured::new(rest)).ok()
    }
}

/// A French-looking text: lexicon words and expressions (sometimes in capitals),
/// punctuation, emoji and arbitrary chars, as long as the input lasts.
pub fn french_text(u: &mut Unstructured<'_>) -> Result<String> {
    let words = words();
    let mut text = String::new();
    while !u.is_empty() && text.len() < 4096 {
        match u.int_in_range(0..=15u8)? {
            0..=8 => text.push_str(u.choose(words)?),
            9 => text.push_str(&u.choose(words)?.to_uppercase()),
            10..=12 => text.push_str(u.choose(&PUNCT)?),
            13 => text.push_str(u.choose(&OTHER)?),
            14 => text.push(u.arbitrary::<char>()?),
            _ => text.push_str(u.arbitrary::<&str>()?),
        }
        if u.ratio(3u8, 4u8)? {
            text.push(' ');
        }
    }
    Ok(text)
}

/// A number as a lexicon or topic file may write it: in and out of every range.
pub fn number(u: &mut Unstructured<'_>) -> Result<String> {
    const NUMBERS: [&str; 24] = [
        "0", "-0", "1", "-1", "2", "-2", "3", "-3.5", "4", "-4", "4.01", "0.5", "-0.5", "0.999",
        "1.5", "2.0001", "1e-300", "1e308", "NaN", "inf", "-inf", "+2", " 1 ", "1,5",
    ];
    Ok(if u.ratio(7u8, 8u8)? {
        u.choose(&NUMBERS)?.to_string()
    } else if u.arbitrary()? {
        format!("{}", u.arbitrary::<f64>()?)
    } else {
        u.arbitrary::<&str>()?.to_string()
    })
}

/// Pattern terms (written between slashes): valid, broken, too costly.
const PATTERNS: [&str; 10] = [
    "mdr+", "(ha){2,}", "x?p+t+d+r+", "g[eé]nial", "", "mdr(+", "ab)", "a\\p{Nope}",
    "\\w{1000}", "[a-zà-ÿ]+s",
];

/// A lexicon TSV file, mostly well formed: header, comments, entries of known
/// kinds with plausible valences, and now and then a broken line.
pub fn lexicon_tsv(u: &mut Unstructured<'_>) -> Result<String> {
    let mut tsv = String::new();
    if u.ratio(1u8, 4u8)? {
        tsv.push_str("# a comment\n\n");
    }
    if u.ratio(15u8, 16u8)? {
        tsv.push_str("term\tkind\tvalence\tnote");
    } else {
        tsv.push_str(u.arbitrary::<&str>()?);
    }
    tsv.push_str(if u.arbitrary()? { "\n" } else { "\r\n" });
    while !u.is_empty() && tsv.len() < 8192 {
        match u.int_in_range(0..=11u8)? {
            0 => tsv.push_str("# comment"),
            1 => {}
            2 => tsv.push_str(u.arbitrary::<&str>()?),
            _ => {
                let term = match u.int_in_range(0..=15u8)? {
                    0 | 1 => u.arbitrary::<String>()?,
                    // A pattern entry: valid, broken or costly regular expressions.
                    2 => format!("/{}/", u.choose(&PATTERNS)?),
                    3 => format!("/{}/", u.arbitrary::<&str>()?),
                    _ => u.choose(words())?.to_string(),
                };
                let kind = if u.ratio(15u8, 16u8)? {
                    u.choose(&kinds())?.to_string()
                } else {
                    u.arbitrary::<String>()?
                };
                let _ = write!(tsv, "{term}\t{kind}\t{}", number(u)?);
                match u.int_in_range(0..=3u8)? {
                    0 => {}
                    1 => tsv.push_str("\tnote"),
                    2 => tsv.push('\t'),
                    _ => {
                        let _ = write!(tsv, "\t{}\textra", u.arbitrary::<&str>()?);
                    }
                }
            }
        }
        tsv.push_str(if u.ratio(7u8, 8u8)? { "\n" } else { "\r\n" });
    }
    Ok(tsv)
}

/// A TOML basic string holding `s`.
pub fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const IDS: [&str; 6] = ["partenariat", "logiciel_libre", "a", "b", "x-y", "\"é t\""];

fn id(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.ratio(7u8, 8u8)? {
        u.choose(&IDS)?.to_string()
    } else {
        toml_string(u.arbitrary::<&str>()?)
    })
}

/// An id used as a string value: a bare key is quoted, a quoted one kept.
fn id_value(u: &mut Unstructured<'_>) -> Result<String> {
    let id = id(u)?;
    Ok(if id.starts_with('"') {
        id
    } else {
        toml_string(&id)
    })
}

fn expressions(u: &mut Unstructured<'_>) -> Result<String> {
    let n = u.int_in_range(0..=4u8)?;
    let mut list = Vec::new();
    for _ in 0..n {
        list.push(if u.ratio(7u8, 8u8)? {
            toml_string(u.choose(words())?)
        } else {
            toml_string(u.arbitrary::<&str>()?)
        });
    }
    Ok(format!("[{}]", list.join(", ")))
}

/// A topic TOML file, mostly well formed: subject, targets, frames with
/// objections, stance groups, with ids that may or may not be declared.
pub fn topic_toml(u: &mut Unstructured<'_>) -> Result<String> {
    let mut toml = String::new();
    if u.ratio(1u8, 2u8)? {
        let _ = writeln!(toml, "subject = {}", id_value(u)?);
    }
    while !u.is_empty() && toml.len() < 8192 {
        match u.int_in_range(0..=9u8)? {
            0..=3 => {
                let _ = writeln!(toml, "\n[targets.{}]", id(u)?);
                if u.arbitrary()? {
                    let _ = writeln!(toml, "description = {}", toml_string(u.arbitrary()?));
                }
                if u.ratio(7u8, 8u8)? {
                    let _ = writeln!(toml, "names = {}", expressions(u)?);
                }
                if u.arbitrary()? {
                    let _ = writeln!(toml, "against = {}", expressions(u)?);
                }
                if u.ratio(1u8, 3u8)? {
                    let _ = writeln!(toml, "rivals = [{}]", id_value(u)?);
                }
            }
            4..=6 => {
                let _ = writeln!(toml, "\n[frames.{}]", id(u)?);
                if u.ratio(7u8, 8u8)? {
                    let _ = writeln!(toml, "markers = {}", expressions(u)?);
                }
                if u.arbitrary()? {
                    let _ = writeln!(
                        toml,
                        "objection = {{ target = {}, weight = {} }}",
                        id_value(u)?,
                        number(u)?
                    );
                }
            }
            7 | 8 => {
                let _ = writeln!(
                    toml,
                    "\n[[stance]]\ntarget = {}\nweight = {}\nmarkers = {}",
                    id_value(u)?,
                    number(u)?,
                    expressions(u)?
                );
            }
            _ => toml.push_str(u.arbitrary::<&str>()?),
        }
    }
    Ok(toml)
}

/// Where an error message `name:line:column: …` says the problem is, checked
/// against `text`: the line is one of the text's (or the one after a final line
/// break, for the end of the file), the column within that line or just past it.
pub fn check_error_position(message: &str, name: &str, text: &str) -> (usize, usize) {
    let rest = message
        .strip_prefix(name)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("error does not start with `{name}:`: {message}"));
    let mut numbers = rest.splitn(3, ':').map(|n| n.parse::<usize>().ok());
    let (Some(Some(line)), Some(Some(column))) = (numbers.next(), numbers.next()) else {
        panic!("error names no line and column: {message}");
    };
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        line >= 1 && line <= lines.len(),
        "line {line} of {}: {message}",
        lines.len()
    );
    let width = lines[line - 1].chars().count();
    assert!(
        column >= 1 && column <= width + 1,
        "column {column} of {width}: {message}"
    );
    (line, column)
}
