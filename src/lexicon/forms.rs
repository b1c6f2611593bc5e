//! A word's forms as the matcher knows them (folded, singular, stem, numbered), and
//! what is worked out once per distinct word: shared by the compiled expressions
//! ([`super::matcher`]) and the word memo ([`super::words`]).

use rust_stemmers::Stemmer;

use super::ending::Ending;
use crate::normalize::fold;

/// How closely a match fits: lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Exact,
    Folded,
    /// Through the word's lemma (`adorais` is `adorer`): as an inflected form, so only the
    /// meanings that inflect, like a stem match.
    Lemma,
    Stemmed,
}

/// Stems shorter than this match too much (`don` is both `données` and `donner`):
/// such entries match by their exact, folded or singular form only.
pub(super) const MIN_STEM_MATCH: usize = 5;

/// What the matcher needs of one distinct token text, kept small: a document's
/// tokens look their words up in a random order, so a word fits in part of a cache
/// line (the spellings it was worked out from are dropped once it is resolved).
#[derive(Debug)]
pub(crate) struct Word {
    /// The matcher's numbers for its forms (see [`Symbols`]).
    pub(super) syms: Symbols,
    /// The best one-word expression for this word, resolved once.
    pub(super) single: Option<(u32, Level)>,
    /// The longer expressions whose first word this word matches: a range of
    /// [`WordMemo::longer`](super::words::Words::longer).
    pub(super) longer: (u32, u32),
    /// Lowercase, accents removed: patterns are tried on it.
    pub(super) fold: Box<str>,
    /// Where it carries accents: a folded match needs them to be the entry's.
    pub(super) accents: Accents,
    /// Whether its key (the third symbol) is its lemma's rather than its own.
    pub(super) by_lemma: bool,
    /// Whether it is spelt as a word of its own (`style`, not `stylé`): it matches
    /// only entries with its very accents, never by stem (see [`super::homographs`]).
    pub(super) spelt_apart: bool,
    /// What its ending after the stem says it is: a stem match needs it to fit the
    /// entry word's (see [`Ending::reaches`]).
    pub(super) ending: Ending,
}

impl Word {
    /// Whether the word matches the first word of some longer expression.
    pub(super) fn starts_longer(&self) -> bool {
        self.longer.0 != self.longer.1
    }
}

/// A longer expression that may start with a word.
#[derive(Debug)]
pub(super) struct Longer {
    pub(super) expr: u32,
    /// How well the word matches its first word.
    pub(super) level: Level,
    /// The symbols of its second word's forms (as written, folded, singular, stem).
    pub(super) second: [u32; 4],
}

/// A word's forms as the matcher numbers them (see [`Matcher::symbol`](super::matcher::Matcher::symbol)): as
/// written, folded, folded singular, stem; [`Symbols::NONE`] where no entry word
/// has the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Symbols(pub(super) [u32; 4]);

impl Symbols {
    /// No entry word has this form.
    pub(super) const NONE: u32 = u32::MAX;

    /// Whether this word may match an entry word of these forms: a quick test that
    /// rules out most candidates (the match itself checks the rest).
    pub(super) fn may_be(&self, entry: &[u32; 4]) -> bool {
        // Entry forms are always numbered, so NONE never equals one of them. The four
        // comparisons are or-ed without short-circuit: no branch per form, and the
        // compiler does them as one vector compare. It runs once per longer
        // expression a word may start, the inner loop of matching (`|| ... any()`
        // cost 6% of a full analysis, callgrind).
        let [a, b, c, d] = self.0;
        (a == entry[0]) | (b == entry[1]) | (c == entry[2]) | (d == entry[3])
    }
}

/// The spellings of a word on first sight, from which it is resolved.
pub(super) struct Spelling<'w> {
    /// Lowercase, accents removed.
    pub(super) fold: &'w str,
    /// The folded singular (`impôts` → `impot`), or its lemma's (`adorais` → `adorer`).
    pub(super) key: &'w str,
    /// The folded stem, for words that may match by stem.
    pub(super) stem: Option<&'w str>,
}

/// The folded Snowball stem of `norm`, a normalized word.
pub(super) fn stem(stemmer: &Stemmer, norm: &str) -> String {
    fold(&stemmer.stem(norm)).into_owned()
}

/// The first [`MIN_STEM_MATCH`] characters of a folded word, if it has that many.
pub(super) fn stem_prefix(folded: &str) -> Option<&str> {
    let end = folded.char_indices().nth(MIN_STEM_MATCH - 1)?.0;
    let last = folded[end..].chars().next()?;
    Some(&folded[..end + last.len_utf8()])
}

/// The folded form without its plural mark: `logiciels` → `logiciel`, `impôts` →
/// `impot`, `locaux` stays (the stemmer joins `locaux` and `local`).
pub(crate) fn singular(folded: &str) -> &str {
    match folded
        .strip_suffix('s')
        .or_else(|| folded.strip_suffix('x'))
    {
        Some(stripped) if stripped.len() >= 3 => stripped,
        _ => folded,
    }
}

/// Where a word carries its accents: a text word written with accents where an
/// entry word has none, or without the entry's final `é` while writing others, is
/// another word (`préfère`, I prefer, is not `préféré`, favourite; `êtes` is not
/// `été`; `pèse` is not `pesé`). Folding forgives accents left out (`presse` may
/// be `pressé` typed without them, `decu` is `déçu`) and an accent mistaken for
/// another on the same letter (`trés`, `complétement`, `extrèmement`: common
/// online), not accents put elsewhere.
///
/// Bits 0..32: the positions (in chars of the normalized word) of its accented
/// letters; bits 32..64: the position of an `é` that ends it (before an agreement
/// `e`, `s`, `es`: `pressé`, `préférées`). A word of 32 chars or more, or with a
/// combining accent, is [`Accents::ANY`] and is not told apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Accents(u64);

impl Accents {
    /// Accents that are not told apart: compatible with any.
    const ANY: Accents = Accents(u64::MAX);

    /// The accents of a normalized word (lowercase, `œ` expanded), from it and its
    /// folded form: one pass over both, nothing to do for a word without accents
    /// (most words), which the matcher works out once per distinct word.
    pub(crate) fn of(norm: &str, folded: &str) -> Accents {
        if norm.len() == folded.len() && norm.is_ascii() {
            return Accents(0);
        }
        let mut marks = 0u64;
        let (mut chars, mut bases) = (norm.chars(), folded.chars());
        let mut len = 0;
        loop {
            match (chars.next(), bases.next()) {
                (None, None) => break,
                (Some(c), Some(base)) if c != base => {
                    if len >= 32 {
                        return Accents::ANY;
                    }
                    marks |= 1 << len;
                }
                (Some(_), Some(_)) => {}
                // A combining accent (folded to nothing) shifts the positions.
                _ => return Accents::ANY,
            }
            len += 1;
        }
        let end = ["ées", "ée", "és", "é"]
            .into_iter()
            .find(|end| norm.ends_with(end));
        if let Some(end) = end.filter(|_| len <= 32) {
            let at = len - end.chars().count();
            marks |= 1 << (32 + at);
        }
        Accents(marks)
    }

    /// Whether a text word of these accents may be an entry word of `entry`'s, the
    /// two folding alike: its accented letters are some of the entry's, and the
    /// entry's final `é` is among them unless it has none at all. One more is
    /// allowed, its own final `é`: the participle of a verb form (`dérangé` of
    /// `dérange`, `lâché` of `lâche`) keeps its verb's sense far more often than
    /// not. An entry written without accents takes any (an imported entry may have
    /// lost them).
    #[inline]
    pub(crate) fn within(self, entry: Accents) -> bool {
        let (mine, theirs) = (self.0 as u32, entry.0 as u32);
        let (my_final, their_final) = ((self.0 >> 32) as u32, (entry.0 >> 32) as u32);
        let extra = mine & !theirs;
        mine == 0
            || theirs == 0
            || self == Accents::ANY
            || entry == Accents::ANY
            || ((extra == 0 || extra == my_final) && mine & their_final == their_final)
    }
}

/// A letter written this many times in a row or more is drawn out (`nuuuul`,
/// `trooop`), not spelt: French doubles letters (`belle`, `comme`) but never
/// triples one.
pub(super) const ELONGATED_RUN: usize = 3;

/// `word` with every run of [`ELONGATED_RUN`] or more of the same letter cut to
/// `keep` letters (`nuuuul` → `nul` with 1, `belllle` → `belle` with 2), or none if
/// it has no such run. One pass, so linear in the word.
pub(super) fn squeeze(word: &str, keep: usize) -> Option<String> {
    // Most words have no such run: find out without allocating.
    let mut run = (None, 0);
    let drawn_out = word.chars().any(|c| {
        run = if run.0 == Some(c) {
            (run.0, run.1 + 1)
        } else {
            (Some(c), 1)
        };
        c.is_alphabetic() && run.1 >= ELONGATED_RUN
    });
    if !drawn_out {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut squeezed = false;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let mut run = 1;
        while chars.next_if_eq(&c).is_some() {
            run += 1;
        }
        // Digits and punctuation repeat for other reasons (`1000`, `!!!`).
        if c.is_alphabetic() && run >= ELONGATED_RUN {
            squeezed = true;
            run = keep;
        }
        out.extend(std::iter::repeat(c).take(run));
    }
    squeezed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_three_letters_or_more_are_squeezed() {
        assert_eq!(squeeze("nuuuul", 1).as_deref(), Some("nul"));
        assert_eq!(squeeze("trooop", 1).as_deref(), Some("trop"));
        assert_eq!(squeeze("géniaaal", 1).as_deref(), Some("génial"));
        assert_eq!(squeeze("belllle", 2).as_deref(), Some("belle"));
        assert_eq!(squeeze("NUUUL", 1).as_deref(), Some("NUL"));
        // Doubles are spelling; digits and punctuation are not letters.
        assert_eq!(squeeze("belle", 1), None);
        assert_eq!(squeeze("1000", 1), None);
        assert_eq!(squeeze("!!!", 1), None);
        assert_eq!(squeeze("", 1), None);
        // Every run is squeezed, the doubles left as written.
        assert_eq!(squeeze("aaaallleeeez", 2).as_deref(), Some("aalleez"));
        assert_eq!(squeeze("suuuupeeeer", 1).as_deref(), Some("super"));
    }

    #[test]
    fn accents_put_elsewhere_make_another_word() {
        let of = |word: &str| Accents::of(word, &fold(word));
        let fits = |text: &str, entry: &str| of(text).within(of(entry));
        // Accents left out, or one mistaken for another on the same letter.
        assert!(fits("decu", "déçu"));
        assert!(fits("pressé", "pressé"));
        assert!(fits("presse", "pressé"));
        assert!(fits("trés", "très"));
        assert!(fits("dégouté", "dégoûté"));
        // Another word: accents where the entry has none, or the final `é` dropped
        // by a writer who writes accents.
        assert!(!fits("préfère", "préféré"));
        assert!(!fits("êtes", "été"));
        assert!(!fits("pèse", "pesé"));
        assert!(!fits("révolte", "révolté"));
        assert!(!fits("intéréssant", "intéressant"));
        // The participle of a verb form keeps its sense; an entry without accents
        // (imported ones may have lost them) takes any.
        assert!(fits("dérangé", "dérange"));
        assert!(fits("préféré", "prefere"));
        // Agreement after the final `é`.
        assert!(!fits("préfèrent", "préférées"));
        assert!(fits("préférées", "préférées"));
    }

    #[test]
    fn squeezing_is_linear() {
        let long = "a".repeat(1 << 20);
        assert_eq!(squeeze(&long, 1).as_deref(), Some("a"));
        let mixed = "ab".repeat(1 << 19);
        assert_eq!(squeeze(&mixed, 1), None);
    }
}
