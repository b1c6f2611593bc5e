//! The compiled matcher: every lexicon and topic expression, looked up per token.
//!
//! Expressions are keyed by the accent-folded singular of their first word (`impôts`,
//! `impots` and `impôt` are one key). Only when that misses is the token stemmed
//! (Snowball French) and looked up by stem, so that `scandaleuse` finds `scandaleux`
//! and `logiciels libres` finds `logiciel libre`. All of that is worked out once per
//! distinct word (see [`super::words`]): a token costs one hash lookup of its text and
//! no allocation.
//!
//! At each position the longest expression wins; among equally long ones the best
//! match level (exact, then accent-folded, then stemmed). Matches never overlap.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::hit::{kind_bit, Hit, Level, MARKS_STANCE, NAMES_TARGET, RAISES_FRAME};
use super::words::{
    self, singular, stem_prefix, Longer, Spelling, Word, WordId, Words, MIN_STEM_MATCH,
};
use super::EntryKind;
use crate::{fold, normalize, TokenKind};

/// What a matched expression means: one expression may mean several things.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Payload {
    /// A word-lexicon entry.
    Word { kind: EntryKind, valence: f64 },
    /// Names a target; `polarity` is -1 for an expression naming its opposite.
    Target { target: usize, polarity: f64 },
    /// A frame marker.
    Frame { frame: usize },
    /// A stance marker toward a target.
    Stance { target: usize, weight: f64 },
}

impl Payload {
    /// Two payloads in the same slot replace each other when a later lexicon overrides.
    fn same_slot(&self, other: &Payload) -> bool {
        match (self, other) {
            (Payload::Word { kind: a, .. }, Payload::Word { kind: b, .. }) => a == b,
            (Payload::Target { target: a, .. }, Payload::Target { target: b, .. }) => a == b,
            (Payload::Frame { frame: a }, Payload::Frame { frame: b }) => a == b,
            (Payload::Stance { target: a, .. }, Payload::Stance { target: b, .. }) => a == b,
            _ => false,
        }
    }
}

#[derive(Clone, Debug)]
struct WordKey {
    fold: Box<str>,
    /// The folded singular: what identifies the word across spellings and number.
    key: Box<str>,
    stem: Box<str>,
    /// The symbols of `norm`, `fold`, `key` and `stem` (see [`Matcher::symbol`]).
    syms: [u32; 4],
}

#[derive(Clone, Debug)]
struct Expr {
    term: String,
    words: Box<[WordKey]>,
    payloads: Vec<Payload>,
    /// One bit per word-entry kind among the payloads, and [`NAMES_TARGET`], for the
    /// rules' many `is this a negator?` questions; `inflecting_kinds` at the stemmed
    /// level.
    kinds: u16,
    inflecting_kinds: u16,
    /// Whether some meaning inflects (see [`Payload::inflects`]).
    inflects: bool,
}

impl Payload {
    /// Content words and topic expressions inflect; rule words (`très`, `pas`,
    /// `mais`) are a closed class and match only as written, so that a stem does not
    /// turn `telles` into `tellement`.
    fn inflects(&self) -> bool {
        !matches!(self, Payload::Word { kind, .. } if *kind != EntryKind::Sentiment)
    }
}

/// All expressions of an analyzer, compiled for lookup.
#[derive(Clone)]
pub(crate) struct Matcher {
    exprs: Vec<Expr>,
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
    /// Every form of every entry word, numbered: a token's forms are looked up here
    /// once (per distinct word), then matching compares numbers, not strings.
    symbols: FxHashMap<Box<str>, u32>,
    /// Whether some entry word is punctuation (none of the embedded ones is).
    punctuation: bool,
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
        let laughter = Expr {
            term: LAUGHTER_TERM.to_string(),
            words: Box::default(),
            payloads: vec![Payload::Word {
                kind: EntryKind::Irony,
                valence: LAUGHTER_VALENCE,
            }],
            kinds: kind_bit(EntryKind::Irony),
            inflecting_kinds: 0,
            inflects: false,
        };
        Matcher {
            exprs: vec![laughter],
            by_key: FxHashMap::default(),
            lists: Vec::new(),
            by_fold: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            stem_prefixes: Default::default(),
            stemmer: std::sync::Arc::new(Stemmer::create(Algorithm::French)),
            symbols: FxHashMap::default(),
            punctuation: false,
        }
    }
}

impl Matcher {
    /// Add an expression with one meaning; a later payload in the same slot overrides.
    ///
    /// Only while building: the word memos ([`Words`]) assume the expressions no
    /// longer change.
    pub(crate) fn add(&mut self, term: &str, payload: Payload) {
        let words: Vec<WordKey> = crate::tokenize(term)
            .map(|token| {
                self.punctuation |= token.kind == TokenKind::Punct;
                let norm = normalize(token.text);
                let folded = fold(&norm);
                let stem = words::stem(&self.stemmer, &norm);
                let key = singular(&folded);
                WordKey {
                    syms: [&norm, &folded, key, &stem].map(|s| self.intern(s)),
                    stem: stem.as_str().into(),
                    key: key.into(),
                    fold: folded.as_ref().into(),
                }
            })
            .collect();
        if words.is_empty() {
            return;
        }
        let key = words.iter().map(|w| &*w.key).collect::<Vec<_>>().join(" ");
        let index = match self.by_key.get(&key) {
            Some(&index) => index,
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
                self.exprs.push(Expr {
                    term: term.to_string(),
                    words: words.into_boxed_slice(),
                    payloads: Vec::new(),
                    kinds: 0,
                    inflecting_kinds: 0,
                    inflects: false,
                });
                index
            }
        };
        let expr = &mut self.exprs[index as usize];
        match expr.payloads.iter_mut().find(|p| p.same_slot(&payload)) {
            Some(slot) => *slot = payload,
            None => expr.payloads.push(payload),
        }
        (expr.kinds, expr.inflecting_kinds) = (0, 0);
        expr.inflects = expr.payloads.iter().any(Payload::inflects);
        for payload in &expr.payloads {
            let bit = match payload {
                Payload::Word { kind, .. } => kind_bit(*kind),
                Payload::Target { .. } => NAMES_TARGET,
                Payload::Frame { .. } => RAISES_FRAME,
                Payload::Stance { .. } => MARKS_STANCE,
            };
            expr.kinds |= bit;
            if payload.inflects() {
                expr.inflecting_kinds |= bit;
            }
        }
    }

    /// The hit, with what its expression means at its match level.
    fn with_kinds(&self, hit: Hit) -> Hit {
        let expr = &self.exprs[hit.expr as usize];
        let kinds = match hit.level {
            Level::Stemmed => expr.inflecting_kinds,
            _ => expr.kinds,
        };
        Hit { kinds, ..hit }
    }

    /// The lexicon term of an expression, as first written.
    pub(crate) fn term(&self, expr: u32) -> &str {
        &self.exprs[expr as usize].term
    }

    /// What a hit means: at the stemmed level, only the meanings that inflect.
    pub(crate) fn payloads(&self, hit: &Hit) -> impl Iterator<Item = &Payload> {
        let stemmed = hit.level == Level::Stemmed;
        self.exprs[hit.expr as usize]
            .payloads
            .iter()
            .filter(move |p| !stemmed || p.inflects())
    }

    /// Whether some entry word is punctuation: if not, every punctuation token is
    /// the same to the matcher (in no expression).
    pub(super) fn has_punctuation(&self) -> bool {
        self.punctuation
    }

    pub(super) fn stemmer(&self) -> &Stemmer {
        &self.stemmer
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
            let Some(level) = word_level(&e.words[0], e.inflects, word, spelling.fold) else {
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

    /// Find the expressions of a document, left to right, longest first, never
    /// overlapping. `ids` are its tokens' words, as the memo `words` numbers them
    /// ([`Words::id`]).
    ///
    /// Expressions nested inside a longer one (`logiciels libres` inside `utiliser des
    /// logiciels libres`) go to `nested`: the longer one decides the words' lexicon
    /// meaning, but the targets and frames named inside it are still named.
    pub(crate) fn find(
        &self,
        words: &Words,
        ids: &[WordId],
        hits: &mut Vec<Hit>,
        nested: &mut Vec<Hit>,
    ) {
        let mut i = 0;
        while i < ids.len() {
            if ids[i].is_inert() {
                i += 1;
                continue;
            }
            match self.best_at(words, ids, i, ids.len()) {
                Some(hit) => {
                    let hit = self.with_kinds(hit);
                    // A one-word hit has nothing nested in it.
                    for j in (hit.first..hit.end).filter(|_| hit.end - hit.first > 1) {
                        let inner = self.best_at(words, ids, j, hit.end);
                        let inner = inner.map(|inner| self.with_kinds(inner));
                        if let Some(inner) = inner.filter(|h| *h != hit) {
                            nested.push(inner);
                        }
                    }
                    i = hit.end;
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
    }

    /// The best expression starting at token `i` and ending by token `limit`.
    fn best_at(&self, words: &Words, ids: &[WordId], i: usize, limit: usize) -> Option<Hit> {
        let word = words.get(ids[i]);
        let mut best = word.single.map(|(expr, level)| Hit {
            expr,
            first: i,
            end: i + 1,
            level,
            kinds: 0,
        });
        let longers = words.longer(word);
        if longers.is_empty() {
            return best;
        }
        // A next word that is in no expression rules them all out.
        let next = match ids.get(i + 1) {
            Some(&id) if !id.is_unknown() => &words.get(id).syms,
            _ => return best,
        };
        for longer in longers {
            // Most longer expressions are ruled out by the next word alone, without
            // reaching for the expression itself.
            if !next.may_be(&longer.second) {
                continue;
            }
            let Some(hit) = self.match_expr(longer.expr, longer.level, limit, words, ids, i) else {
                continue;
            };
            let rank = |h: &Hit| (h.end, std::cmp::Reverse(h.level));
            if best.as_ref().map_or(true, |b| rank(&hit) > rank(b)) {
                best = Some(hit);
            }
        }
        best
    }

    /// The longer expression `expr` from token `first`, whose first word matches at
    /// `level`, if its other words follow before token `limit`.
    fn match_expr(
        &self,
        expr: u32,
        mut level: Level,
        limit: usize,
        words: &Words,
        ids: &[WordId],
        first: usize,
    ) -> Option<Hit> {
        let e = &self.exprs[expr as usize];
        let end = first + e.words.len();
        if end > limit {
            return None;
        }
        let inflects = e.inflects;
        for (entry_word, &id) in e.words.iter().zip(&ids[first..end]).skip(1) {
            let word = words.get(id);
            level = level.max(word_level(entry_word, inflects, word, &word.fold)?);
        }
        Some(Hit {
            expr,
            first,
            end,
            level,
            kinds: 0,
        })
    }
}

/// How a token's word (`folded`) matches one word of an entry.
fn word_level(entry: &WordKey, inflects: bool, word: &Word, folded: &str) -> Option<Level> {
    let [norm, fold, key, stem] = entry.syms;
    let [my_norm, my_fold, my_key, my_stem] = word.syms.0;
    // As written counts as exact; a case or accent difference as folded.
    if my_norm == norm {
        Some(Level::Exact)
    } else if my_fold == fold || (inflects && my_key == key) {
        Some(Level::Folded)
    } else if inflects
        && entry.stem.len() >= MIN_STEM_MATCH
        && my_stem == stem
        && !conjugates_non_verb(folded, entry)
    {
        Some(Level::Stemmed)
    } else {
        None
    }
}

/// Endings that only a conjugated verb has. A stem match through one of them to an
/// entry that is not a verb is a false friend: `pourrait` (could) is not `pourri`
/// (rotten), `sentait` is not `sentiment`.
const VERB_ENDINGS: [&str; 22] = [
    "ait", "ais", "aient", "ions", "iez", "ez", "ons", "ont", "ra", "ras", "rai", "rons", "rez",
    "ront", "rait", "raient", "erai", "era", "eront", "erait", "eraient", "erent",
];

/// Whether `token` (folded) reaches the non-verb entry `word` only by a verb ending.
fn conjugates_non_verb(token: &str, word: &WordKey) -> bool {
    let is_verb = ["er", "ir", "re"]
        .iter()
        .any(|end| word.fold.ends_with(end));
    let ending = token.get(word.stem.len()..).unwrap_or("");
    !is_verb && VERB_ENDINGS.contains(&ending)
}
