//! The compiled matcher: every lexicon and topic expression, looked up per token.
//!
//! Expressions are keyed by the accent-folded singular of their first word (`impôts`,
//! `impots` and `impôt` are one key). A token that is no entry word but whose lemma
//! the inflection table knows ([`super::lemmas`]) takes its lemma's key instead
//! (`adorais` finds `adorer`). Only when that misses is the token stemmed (Snowball
//! French; a token with a lemma, its lemma) and looked up by stem, so that
//! `scandaleuse` finds `scandaleux` and `logiciels libres` finds `logiciel libre`.
//! All of that is worked out once per distinct word (see [`super::words`]): a token
//! costs one hash lookup of its text and no allocation.
//!
//! At each position the longest expression wins; among equally long ones the best
//! match level (exact, then accent-folded, then by lemma, then stemmed). Matches
//! never overlap.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::ending::EntryEnding;
use super::forms::{
    self, singular, stem_prefix, Accents, Level, Longer, Spelling, Word, MIN_STEM_MATCH,
};
use super::hit::Hit;
use super::homographs::Homographs;
use super::lemmas::Lemmas;
use super::meaning::{Meaning, TopicMeaning};
use super::pattern::Patterns;
use super::EntryKind;
use crate::normalize::{fold, normalize};
use crate::tokenize::{tokenize, TokenKind};

/// One meaning of an expression, as the analyzer is built: one expression may mean
/// several things.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Payload {
    /// A word-lexicon entry.
    Word { kind: EntryKind, valence: f64 },
    /// A meaning to the topic.
    Topic(TopicMeaning),
}

impl Payload {
    /// Two payloads in the same slot replace each other when a later lexicon overrides.
    fn same_slot(&self, other: &Payload) -> bool {
        use TopicMeaning::*;
        match (self, other) {
            (Payload::Word { kind: a, .. }, Payload::Word { kind: b, .. }) => a == b,
            (Payload::Topic(a), Payload::Topic(b)) => match (a, b) {
                (Target { target: a, .. }, Target { target: b, .. }) => a == b,
                (Frame { frame: a }, Frame { frame: b }) => a == b,
                (Stance { target: a, .. }, Stance { target: b, .. }) => a == b,
                _ => false,
            },
            _ => false,
        }
    }

    /// Content words and topic expressions inflect; rule words (`très`, `pas`,
    /// `mais`) are a closed class and match only as written (see the kinds table).
    fn inflects(&self) -> bool {
        match self {
            Payload::Word { kind, .. } => kind.spec().inflects,
            Payload::Topic(_) => true,
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct WordKey {
    /// The folded singular: what identifies the word across spellings and number.
    key: Box<str>,
    stem: Box<str>,
    /// The symbols of `norm`, `fold`, `key` and `stem` (see [`Matcher::symbol`]).
    syms: [u32; 4],
    /// What its ending after the stem says it is, and its adverbs' (see
    /// [`super::ending`]).
    ending: EntryEnding,
    /// Where it carries accents, in each spelling of the entries it stands for
    /// (entries that fold alike are one expression: `dégoûte`, `dégoûté`).
    accents: Vec<Accents>,
}

#[derive(Clone, Debug)]
pub(super) struct Expr {
    term: String,
    pub(super) words: Box<[WordKey]>,
    payloads: Vec<Payload>,
    /// What it means when matched as written or folded, then when matched by stem
    /// (only the meanings that inflect).
    meanings: [Meaning; 2],
    /// Whether some meaning inflects (see [`Payload::inflects`]).
    pub(super) inflects: bool,
}

impl Expr {
    fn new(term: &str, words: Box<[WordKey]>, payloads: Vec<Payload>) -> Expr {
        let mut expr = Expr {
            term: term.to_string(),
            meanings: Default::default(),
            inflects: payloads.iter().any(Payload::inflects),
            words,
            payloads,
        };
        expr.meanings = expr.meanings();
        expr
    }

    /// What it means, worked out from its payloads (see [`Matcher::seal`]).
    fn meanings(&self) -> [Meaning; 2] {
        let (term, payloads) = (&self.term, &self.payloads);
        let meaning = |stemmed: bool| {
            let kept = payloads.iter().filter(move |p| !stemmed || p.inflects());
            let words = kept.clone().filter_map(|p| match *p {
                Payload::Word { kind, valence } => Some((kind, valence)),
                Payload::Topic(_) => None,
            });
            let topic = kept.filter_map(|p| match *p {
                Payload::Topic(meaning) => Some(meaning),
                Payload::Word { .. } => None,
            });
            Meaning::new(term, words, topic)
        };
        [meaning(false), meaning(true)]
    }
}

/// All expressions of an analyzer, compiled for lookup.
#[derive(Clone)]
pub(crate) struct Matcher {
    pub(super) exprs: Vec<Expr>,
    by_key: FxHashMap<String, u32>,
    /// Candidate lists (expressions sharing a first word), by folded singular and by
    /// stem of that word.
    lists: Vec<Vec<u32>>,
    by_fold: FxHashMap<Box<str>, u32>,
    by_stem: FxHashMap<Box<str>, u32>,
    /// The first [`MIN_STEM_MATCH`] characters of every stem that may match: a token
    /// whose folded form starts otherwise cannot match by stem, so is not stemmed.
    stem_prefixes: rustc_hash::FxHashSet<Box<str>>,
    stemmer: std::sync::Arc<Stemmer>,
    /// The inflection table: a word that has a lemma there is looked up by it.
    lemmas: &'static Lemmas,
    /// Spellings that are words of their own (see [`super::homographs`]).
    homographs: &'static Homographs,
    /// Every form of every entry word, numbered: a token's forms are looked up here
    /// once (per distinct word), then matching compares numbers, not strings.
    symbols: FxHashMap<Box<str>, u32>,
    /// Whether some entry word is punctuation (none of the embedded ones is).
    punctuation: bool,
    /// Pattern entries (`/mdr+/`) as they are added: the regular expression and its
    /// expression, by term; compiled into `patterns` by [`Matcher::seal`].
    by_pattern: FxHashMap<Box<str>, u32>,
    added_patterns: Vec<(Box<str>, u32)>,
    patterns: Patterns,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("expressions", &self.exprs.len())
            .finish()
    }
}

/// The term of the built-in laughter entry (see [`Matcher::laughter`]).
const LAUGHTER_TERM: &str = "(rire moqueur)";
/// Valence of mocking laughter (`mouhahaha`), an irony cue of its own.
const LAUGHTER_VALENCE: f64 = -1.0;

impl Default for Matcher {
    fn default() -> Self {
        let laughter = Expr::new(
            LAUGHTER_TERM,
            Box::default(),
            vec![Payload::Word {
                kind: EntryKind::Irony,
                valence: LAUGHTER_VALENCE,
            }],
        );
        Matcher {
            exprs: vec![laughter],
            by_key: FxHashMap::default(),
            lists: Vec::new(),
            by_fold: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            stem_prefixes: Default::default(),
            stemmer: std::sync::Arc::new(Stemmer::create(Algorithm::French)),
            lemmas: Lemmas::embedded(),
            homographs: Homographs::embedded(),
            symbols: FxHashMap::default(),
            punctuation: false,
            by_pattern: FxHashMap::default(),
            added_patterns: Vec::new(),
            patterns: Patterns::default(),
        }
    }
}

impl Matcher {
    /// Add an expression with one meaning; a later payload in the same slot overrides.
    ///
    /// Only while building: the word memos ([`WordMemo`]) assume the expressions no
    /// longer change.
    pub(crate) fn add(&mut self, term: &str, payload: Payload) {
        // Entries that fold alike are one expression, except where a spelling is a
        // word of its own (`limite` is not `limité`): its own spelling keys it.
        let mut merge_key = Vec::new();
        let words: Vec<WordKey> = tokenize(term)
            .map(|token| {
                self.punctuation |= token.kind == TokenKind::Punct;
                let norm = normalize(token.text);
                let folded = fold(&norm);
                let stem = forms::stem(&self.stemmer, &norm);
                let key = singular(&folded);
                merge_key.push(match self.homographs.contains(&norm) {
                    // Marked, since its spelling may be the other's fold.
                    true => format!("={norm}"),
                    false => key.to_string(),
                });
                WordKey {
                    accents: vec![Accents::of(&norm, &folded)],
                    syms: [&norm, &folded, key, &stem].map(|s| self.intern(s)),
                    ending: EntryEnding::new(&norm, &folded, &stem),
                    stem: stem.as_str().into(),
                    key: key.into(),
                }
            })
            .collect();
        if words.is_empty() {
            return;
        }
        let key = merge_key.join(" ");
        let index = match self.by_key.get(&key) {
            Some(&index) => {
                // Another spelling of the same expression: its accents too.
                let known = self.exprs[index as usize].words.iter_mut();
                for (known, word) in known.zip(&words) {
                    for &accents in &word.accents {
                        if !known.accents.contains(&accents) {
                            known.accents.push(accents);
                        }
                    }
                }
                index
            }
            None => {
                let index = self.exprs.len() as u32;
                self.by_key.insert(key, index);
                for (map, first) in [
                    (&mut self.by_fold, &words[0].key),
                    (&mut self.by_stem, &words[0].stem),
                ] {
                    let list = *map.entry(first.clone()).or_insert_with(|| {
                        self.lists.push(Vec::new());
                        self.lists.len() as u32 - 1
                    });
                    self.lists[list as usize].push(index);
                }
                for word in words.iter() {
                    if let Some(prefix) = stem_prefix(&word.stem) {
                        self.stem_prefixes.insert(prefix.into());
                    }
                }
                self.exprs
                    .push(Expr::new(term, words.into_boxed_slice(), Vec::new()));
                index
            }
        };
        self.add_meaning(index, payload);
    }

    /// Add a pattern entry, `term` written `/pattern/` (already checked, see
    /// [`super::pattern::check`]), with one meaning; a later payload in the same slot
    /// overrides, as for [`Matcher::add`]. It has no words: it matches one word by
    /// its shape, through the word memo.
    pub(crate) fn add_pattern(&mut self, term: &str, pattern: &str, payload: Payload) {
        let index = match self.by_pattern.get(term) {
            Some(&index) => index,
            None => {
                let index = self.exprs.len() as u32;
                self.by_pattern.insert(term.into(), index);
                self.added_patterns.push((pattern.into(), index));
                self.exprs.push(Expr::new(term, Box::default(), Vec::new()));
                index
            }
        };
        self.add_meaning(index, payload);
    }

    /// Give expression `index` a meaning, replacing the one in the same slot.
    fn add_meaning(&mut self, index: u32, payload: Payload) {
        let expr = &mut self.exprs[index as usize];
        match expr.payloads.iter_mut().find(|p| p.same_slot(&payload)) {
            Some(slot) => *slot = payload,
            None => expr.payloads.push(payload),
        }
        expr.inflects = expr.payloads.iter().any(Payload::inflects);
    }

    /// Work out what every expression means and compile the patterns, once all are
    /// added: the last step of building (meanings are read by every hit, so they are
    /// computed once rather than at each `add`).
    ///
    /// # Errors
    /// When the patterns together are too costly to compile.
    pub(crate) fn compile_patterns(&mut self) -> Result<(), String> {
        for expr in &mut self.exprs {
            expr.meanings = expr.meanings();
        }
        self.patterns = Patterns::compile(&self.added_patterns)?;
        Ok(())
    }

    /// The pattern expression that matches a word (lowercased, and accent-folded),
    /// if one does.
    pub(super) fn pattern(&self, lower: &str, folded: &str) -> Option<u32> {
        self.patterns.find(lower, folded)
    }

    /// A hit of expression `expr` over tokens `first..end`, with what the expression
    /// means at that match level.
    pub(super) fn hit(&self, expr: u32, first: usize, end: usize, level: Level) -> Hit<'_> {
        // A match through the lemma or the stem is of an inflected form.
        let meaning = &self.exprs[expr as usize].meanings[usize::from(level >= Level::Lemma)];
        debug_assert!(!meaning.term.is_empty(), "Matcher::seal was not called");
        Hit {
            expr,
            first,
            end,
            level,
            elongated: false,
            kinds: meaning.kinds,
            meaning,
        }
    }

    /// Whether some entry word is punctuation: if not, every punctuation token is
    /// the same to the matcher (in no expression).
    pub(super) fn has_punctuation(&self) -> bool {
        self.punctuation
    }

    pub(super) fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// The lemma of a word (folded) that is not itself a form of an entry word, if the
    /// inflection table has one. An entry word's own forms match as written, folded or
    /// singular, and its lemma could only take it elsewhere.
    pub(super) fn lemma(&self, folded: &str) -> Option<&'static str> {
        // The table first: it rules out most words faster than the symbol map does.
        let lemma = self.lemmas.lemma(folded)?;
        let entry_word = self.symbol(folded).is_some() || self.symbol(singular(folded)).is_some();
        (!entry_word).then_some(lemma)
    }

    /// Whether a word, lowercase with its accents, is spelt as a word of its own
    /// (`style`, `tâche`): then only entries spelt with its accents are its.
    pub(super) fn spelt_apart(&self, lower: &str) -> bool {
        self.homographs.contains(lower)
    }

    /// Whether a word (folded) starts like some stem that may match.
    pub(super) fn may_stem(&self, folded: &str) -> bool {
        stem_prefix(folded).is_some_and(|p| self.stem_prefixes.contains(p))
    }

    /// The built-in expression that mocking laughter (`mouhahaha`) matches: an
    /// irony cue of valence -1, which no lexicon lists since it has no fixed spelling.
    pub(super) fn laughter(&self) -> u32 {
        0
    }

    /// The number of an entry word's form, new if it has none yet.
    fn intern(&mut self, form: &str) -> u32 {
        let next = self.symbols.len() as u32;
        *self.symbols.entry(form.into()).or_insert(next)
    }

    /// The number of a form, if some entry word has it.
    pub(super) fn symbol(&self, form: &str) -> Option<u32> {
        self.symbols.get(form).copied()
    }

    /// Find the expressions that may start with a word of this `spelling`: its best
    /// one-word match, and the longer expressions whose first word it matches (with
    /// how well), pushed to `longer`.
    pub(super) fn resolve(
        &self,
        word: &mut Word,
        spelling: &Spelling<'_>,
        longer: &mut Vec<Longer>,
    ) {
        let list = match self.by_fold.get(spelling.key) {
            Some(&list) => Some(list),
            None => spelling.stem.and_then(|s| self.by_stem.get(s)).copied(),
        };
        let Some(list) = list else { return };
        for &expr in &self.lists[list as usize] {
            let e = &self.exprs[expr as usize];
            let Some(level) = word_level(&e.words[0], e.inflects, word) else {
                continue;
            };
            if e.words.len() > 1 {
                longer.push(Longer {
                    expr,
                    level,
                    second: e.words[1].syms,
                });
            } else if word.single.map_or(true, |(_, best)| level < best) {
                // Among one-word expressions the best level wins, the first on a tie.
                word.single = Some((expr, level));
            }
        }
    }
}

impl Matcher {
    /// How `word` matches the second word of the longer expression `expr`.
    pub(super) fn second_word_level(&self, expr: u32, word: &Word) -> Option<Level> {
        let e = &self.exprs[expr as usize];
        word_level(&e.words[1], e.inflects, word)
    }
}

/// Whether a word folding like an entry word has accents one of its spellings may
/// have lost (see [`Accents`]); a word spelt as a word of its own
/// ([`super::homographs`]) needs one spelling with exactly its accents.
fn accents_fit(entry: &WordKey, word: &Word) -> bool {
    match word.spelt_apart {
        true => entry.accents.contains(&word.accents),
        false => entry.accents.iter().any(|&a| word.accents.within(a)),
    }
}

/// How a token's word matches one word of an entry.
pub(super) fn word_level(entry: &WordKey, inflects: bool, word: &Word) -> Option<Level> {
    let [norm, fold, key, stem] = entry.syms;
    let [my_norm, my_fold, my_key, my_stem] = word.syms.0;
    // As written counts as exact; a case or accent difference as folded, and so does
    // the plural; a word whose key is its lemma's matches at the lemma's level. A
    // shared stem is a match only when the endings say the two are forms of one word
    // (`pourrait` is not `pourri`, `réchauffement` is not `réchauffé`).
    if my_norm == norm {
        Some(Level::Exact)
    } else if my_fold == fold && accents_fit(entry, word) {
        Some(Level::Folded)
    } else if inflects && my_key == key && (word.by_lemma || accents_fit(entry, word)) {
        Some(if word.by_lemma {
            Level::Lemma
        } else {
            Level::Folded
        })
    } else if inflects
        && !word.spelt_apart
        && entry.stem.len() >= MIN_STEM_MATCH
        && my_stem == stem
        && word.ending.reaches(&entry.ending)
    {
        Some(Level::Stemmed)
    } else {
        None
    }
}
