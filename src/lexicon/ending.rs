//! What the end of a word says it is, once the Snowball stem is taken off: a bare
//! noun or adjective, a conjugated verb, a participle, or a derived word (`-ment`,
//! `-ité`, `-isme`, `-ant`, `-able`…). A stem match is allowed only between words
//! whose endings say they are forms of one word, or a verb and its participles: the
//! stem alone joins word families whose members mean different things.
//!
//! The Snowball stemmer takes off the suffixes of derivation as well as those of
//! inflection, so one stem is shared by words of other senses: `réchauffement`
//! (climate warming) and `réchauffé` (rehashed), `amateurs` and `amateurisme`,
//! `ressentir` (to feel) and `ressentiment` (resentment), `contentés` (a participle
//! of `contenter`, to satisfy) and `content` (glad), `train` (`en train de`) and
//! `traîner`, `accueil` (the front desk) and `accueillant` (welcoming). What is left
//! after the stem tells them apart, and it is cheap to read: a few suffix tests per
//! distinct word, done once when the word memo first sees it.
//!
//! The rule, per ending class ([`Ending::reaches`]):
//! - a text word reaches an entry word when both endings are of one class: `-e`,
//!   `-s`, `-es` or none (a noun or adjective and its agreement: `nulles`,
//!   `désastres`); a participle and its agreement (`-é`, `-ée`, `-és`, `-ées`; `-i…`;
//!   `-u…`); one derivational suffix (`-ant`/`-ante`, `-able`, `-if`/`-ive`, `-eux`/
//!   `-euse`, `-ité`…, each with its agreement);
//! - a conjugated form reaches an entry that is a verb (an infinitive in `-er`,
//!   `-ir`, `-re`, or a conjugated form itself), and so do its participles and its
//!   `-ant` form (`perdra`, `détruira`, `applaudissent`); a participle entry is an
//!   adjective (`dépassé`: outdated) and no other verb form reaches it;
//! - a manner adverb reaches the adjective it is made from, on the feminine
//!   (`honteusement` → `honteux`, `rapidement` → `rapide`, `brillamment` →
//!   `brillant`): a derivation that keeps the adjective's sense, licensed by the entry
//!   word's own spelling ([`EntryEnding::new`]);
//! - other words in `-ment` (`réchauffement`, `ressentiment`) and endings of no class
//!   reach only the same ending.
//!
//! A text word ending in `-e` or `-es` may be a verb form as well as a noun (`attache`,
//! `galère`): it takes both classes. An entry ending so takes only the first, since
//! entries are listed in their base form and a verb entry as its infinitive; an entry
//! in `-re` whose stem ends in `r` (`perdre`, `détruire`) is an infinitive.

use std::hash::Hasher;

/// The class of a word's ending after its stem: a set of classes, or, for endings of
/// no class and for `-ment` words, the ending itself (hashed, with [`Ending::EXACT`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ending(u32);

impl Ending {
    const EXACT: u32 = 1 << 31;
    /// A noun or adjective, or its agreement: no ending, `-e`, `-s`, `-es`, `-x`.
    const BASE: u32 = 1 << 0;
    /// A conjugated verb or an infinitive.
    const VERB: u32 = 1 << 1;
    /// Participles: `-é…`, `-i…`, `-u…`.
    const PART_E: u32 = 1 << 2;
    const PART_I: u32 = 1 << 3;
    const PART_U: u32 = 1 << 4;
    /// Derivations, each with its agreement.
    const ANT: u32 = 1 << 5;
    const ANCE: u32 = 1 << 6;
    const ION: u32 = 1 << 7;
    const ITE: u32 = 1 << 8;
    const ISME: u32 = 1 << 9;
    const ISTE: u32 = 1 << 10;
    const EUR: u32 = 1 << 11;
    const EUX: u32 = 1 << 12;
    const ABLE: u32 = 1 << 13;
    const IF: u32 = 1 << 14;
    const IQUE: u32 = 1 << 15;
    const AGE: u32 = 1 << 16;
    const URE: u32 = 1 << 17;

    /// The ending of a word of a text: `norm` is the word normalized (lowercase,
    /// accents kept), `folded` the same without accents, `stem` its folded stem.
    pub(crate) fn of_text(norm: &str, folded: &str, stem: &str) -> Ending {
        let rest = residual(norm, folded, stem);
        let mut ending = classify(rest);
        if ending.0 & Self::EXACT == 0 && is_conjugation(rest, folded) {
            ending.0 |= Self::VERB;
        }
        ending
    }

    /// The ending of an entry word (see [`Ending::of_text`]): listed in its base form,
    /// so `-e` and `-es` are a noun or adjective, unless the word is an infinitive in
    /// `-re`.
    fn of_entry(norm: &str, folded: &str, stem: &str) -> Ending {
        let rest = residual(norm, folded, stem);
        let mut ending = classify(rest);
        if ending.0 & Self::EXACT != 0 {
            return ending;
        }
        let infinitive_re =
            rest == "e" && stem.ends_with('r') && norm.ends_with("re") && !norm.ends_with("ère");
        if infinitive_re || (!matches!(rest, "e" | "es") && is_conjugation(rest, folded)) {
            ending.0 |= Self::VERB;
        }
        ending
    }

    /// Whether a text word of this ending may be a form of an entry word, the two
    /// sharing a stem.
    pub(crate) fn reaches(self, entry: &EntryEnding) -> bool {
        let (adverbs, entry) = (&entry.adverbs, entry.ending);
        if (self.0 | entry.0) & Self::EXACT != 0 {
            return self == entry || adverbs.contains(&self);
        }
        // A verb licenses its participles and its `-ant` form; a participle entry is
        // an adjective, reached by its own agreement only.
        let licensed = if entry.0 & Self::VERB != 0 {
            Self::VERB | Self::PART_E | Self::PART_I | Self::PART_U | Self::ANT
        } else {
            entry.0
        };
        self.0 & licensed != 0
    }

    fn exact(rest: &str) -> Ending {
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(rest.as_bytes());
        Ending(hasher.finish() as u32 | Self::EXACT)
    }
}

/// An entry word's ending, and the endings of the manner adverbs its spelling makes
/// (see [`adverbs`]): a text word in `-ment` with one of them is its adverb.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntryEnding {
    ending: Ending,
    adverbs: [Ending; 2],
}

impl EntryEnding {
    /// The ending of an entry word: `norm` normalized, `folded` without accents,
    /// `stem` its folded stem.
    pub(crate) fn new(norm: &str, folded: &str, stem: &str) -> EntryEnding {
        let [first, second] = adverbs(norm).map(|adverb| {
            adverb.map_or(Ending(0), |adverb| {
                let folded = crate::normalize::fold(&adverb);
                Ending::exact(residual(&adverb, &folded, stem).trim_end_matches('s'))
            })
        });
        EntryEnding {
            ending: Ending::of_entry(norm, folded, stem),
            adverbs: [first, second],
        }
    }
}

/// Endings of words that make no manner adverb: nouns (`-tion`, `-isme`, `-ité`…),
/// infinitives in `-ir`, `-oir`, `-er` (but `-ier` adjectives: `grossier`). Other
/// nouns make spellings that no text has.
const NO_ADVERB: [&str; 13] = [
    "tion", "sion", "isme", "ité", "ment", "age", "ure", "ance", "ence", "eur", "ir", "oir", "er",
];

/// The manner adverbs French makes of an adjective (`norm`, normalized), on its
/// feminine: `rapide` → `rapidement`, `honteux` → `honteusement`, `vif` →
/// `vivement`, `brutal` → `brutalement`, `grossier` → `grossièrement`; after a vowel
/// on the masculine (`aisément`, `joliment`, `absolument`); `-ant` → `-amment`,
/// `-ent` → `-emment` and, for the few like `lentement`, `-entement`.
fn adverbs(norm: &str) -> [Option<String>; 2] {
    if NO_ADVERB.iter().any(|end| norm.ends_with(end)) && !norm.ends_with("ier") {
        return [None, None];
    }
    if let Some(base) = norm.strip_suffix("ant") {
        return [Some(format!("{base}amment")), None];
    }
    if let Some(base) = norm.strip_suffix("ent") {
        return [Some(format!("{base}emment")), Some(format!("{norm}ement"))];
    }
    if norm.ends_with(['e', 'é', 'i', 'u']) || norm.ends_with("ai") {
        return [Some(format!("{norm}ment")), None];
    }
    const FEMININE: [(&str, &str); 7] = [
        ("eux", "euse"),
        ("if", "ive"),
        ("el", "elle"),
        ("al", "ale"),
        ("ier", "ière"),
        ("en", "enne"),
        ("on", "onne"),
    ];
    for (masculine, feminine) in FEMININE {
        if let Some(base) = norm.strip_suffix(masculine) {
            return [Some(format!("{base}{feminine}ment")), None];
        }
    }
    if norm.ends_with(['s', 'x']) {
        return [None, None];
    }
    [Some(format!("{norm}ement")), None]
}

/// What follows the stem in `norm`: the characters of `norm` after the longest
/// common prefix of `folded` and `stem` (the stemmer may change a letter, `i` or `y`,
/// so the stem is not always a prefix). Accents kept where folding kept the length,
/// since `-és` is a participle and `-es` is not.
fn residual<'a>(norm: &'a str, folded: &'a str, stem: &str) -> &'a str {
    let common = folded
        .chars()
        .zip(stem.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let in_folded = folded
        .char_indices()
        .nth(common)
        .map_or(folded.len(), |(i, _)| i);
    let rest = &folded[in_folded..];
    if norm.chars().count() != folded.chars().count() {
        return rest;
    }
    let in_norm = norm
        .char_indices()
        .nth(common)
        .map_or(norm.len(), |(i, _)| i);
    &norm[in_norm..]
}

/// The classes of an ending, conjugation aside (see [`is_conjugation`]).
fn classify(rest: &str) -> Ending {
    if rest.ends_with("ment") || rest.ends_with("ments") {
        return Ending::exact(rest.trim_end_matches('s'));
    }
    if rest == "eux" {
        return Ending(Ending::EUX);
    }
    // The agreement marks: one plural `s` or `x`, then the feminine `e` is part of
    // each class's list.
    let one = rest
        .strip_suffix('s')
        .or_else(|| rest.strip_suffix('x'))
        .unwrap_or(rest);
    let class = match one {
        "" | "e" => Ending::BASE,
        "é" | "ée" => Ending::PART_E,
        "i" | "ie" | "î" => Ending::PART_I,
        "u" | "ue" | "û" => Ending::PART_U,
        "ant" | "ante" => Ending::ANT,
        "ance" | "ence" => Ending::ANCE,
        "ion" | "ation" | "ition" | "ution" | "ission" => Ending::ION,
        "isme" => Ending::ISME,
        "iste" => Ending::ISTE,
        "eur" | "ateur" | "rice" | "atrice" => Ending::EUR,
        "euse" => Ending::EUR | Ending::EUX,
        "able" | "ible" => Ending::ABLE,
        "if" | "ive" => Ending::IF,
        "ique" => Ending::IQUE,
        "age" => Ending::AGE,
        "ure" => Ending::URE,
        _ if one.ends_with("ité") && one.chars().count() <= 7 => Ending::ITE,
        _ if is_conjugation(rest, "") => 0,
        _ => return Ending::exact(one),
    };
    Ending(class)
}

/// Endings that a conjugated verb has after its stem (present, imperfect, simple
/// past, future, conditional, subjunctive, the second group's `-iss-`), besides the
/// infinitive's `-er`, `-ir`, `-re`.
const CONJUGATION: [&str; 64] = [
    "er", "ir", "re", "e", "es", "ent", "a", "ai", "as", "ait", "ais", "aient", "ât", "ons", "is",
    "ez", "iez", "era", "erai", "erais", "erait", "eras", "erez", "erons", "eront", "erions",
    "eraient", "èrent", "ra", "rai", "rais", "rait", "ras", "rez", "rons", "ront", "raient",
    "rions", "riez", "irent", "îmes", "îtes", "âmes", "âtes", "asse", "asses", "assent", "assions",
    "assiez", "isse", "isses", "issent", "issions", "issiez", "issons", "issez", "issait",
    "issais", "issaient", "it", "ît", "int", "issant", "ions",
];

/// Whether `rest` is a verb's ending; `-ions` only when the word is not a noun in
/// `-tions`, `-sions`, `-xions` (`formations`, not `formions`).
fn is_conjugation(rest: &str, folded: &str) -> bool {
    if rest == "ions" {
        return !(folded.ends_with("tions")
            || folded.ends_with("sions")
            || folded.ends_with("xions"));
    }
    CONJUGATION.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn ending(word: &str) -> Ending {
        let stemmer = Stemmer::create(Algorithm::French);
        let folded = crate::normalize::fold(word);
        let stem = crate::normalize::fold(&stemmer.stem(word)).into_owned();
        Ending::of_text(word, &folded, &stem)
    }

    fn reaches(text: &str, entry: &str) -> bool {
        let stemmer = Stemmer::create(Algorithm::French);
        let folded = crate::normalize::fold(entry);
        let stem = crate::normalize::fold(&stemmer.stem(entry)).into_owned();
        ending(text).reaches(&EntryEnding::new(entry, &folded, &stem))
    }

    #[test]
    fn forms_of_one_word_reach_it() {
        for (text, entry) in [
            ("nulles", "nul"),
            ("désastres", "désastre"),
            ("absentes", "absent"),
            ("prétentieux", "prétentieuse"),
            ("perdra", "perdre"),
            ("détruira", "détruire"),
            ("applaudissent", "applaudir"),
            ("pourries", "pourri"),
            ("dépassées", "dépassé"),
            ("intéressants", "intéressant"),
            ("scandaleusement", "scandaleux"),
            ("honteusement", "honteux"),
            ("rapidement", "rapide"),
            ("correctement", "correct"),
            ("brillamment", "brillant"),
            ("violemment", "violent"),
            ("lentement", "lent"),
            ("grossièrement", "grossier"),
            ("brutalement", "brutal"),
        ] {
            assert!(reaches(text, entry), "{text} -> {entry}");
        }
    }

    #[test]
    fn other_words_of_the_family_do_not() {
        for (text, entry) in [
            ("réchauffement", "réchauffé"),
            ("réchauffement", "réchauffant"),
            ("amateurs", "amateurisme"),
            ("ressentir", "ressentiment"),
            ("ressent", "ressentiment"),
            ("contentés", "content"),
            ("train", "traîner"),
            ("accueil", "accueillant"),
            ("attache", "attachement"),
            ("intéresse", "intéressant"),
            ("performance", "performant"),
            ("position", "positif"),
            ("génération", "généreux"),
            ("remarque", "remarquable"),
            ("compétences", "compétent"),
            ("discuter", "discutable"),
            ("pourrait", "pourri"),
            ("galerie", "galère"),
            ("lâcher", "lâche"),
            ("dépasser", "dépassé"),
            ("formations", "formaté"),
            ("complément", "compliment"),
            ("respectivement", "respectable"),
        ] {
            assert!(!reaches(text, entry), "{text} -> {entry}");
        }
    }
}
