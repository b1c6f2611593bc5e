//! The compiled matcher: every lexicon and topic expression, looked up per token.
//!
//! Expressions are keyed by the accent-folded singular of their first word (`impôts`,
//! `impots` and `impôt` are one key), so the common case is one hash lookup per token
//! and no allocation. Only when that misses is the
//! token stemmed (Snowball French) and looked up by stem, so that `scandaleuse` finds
//! `scandaleux` and `logiciels libres` finds `logiciel libre`.
//!
//! At each position the longest expression wins; among equally long ones the best
//! match level (exact, then accent-folded, then stemmed). Matches never overlap.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::{stems, EntryKind};
use crate::{fold, normalize, Token, TokenKind};

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
    norm: Box<str>,
    fold: Box<str>,
    /// The folded singular: what identifies the word across spellings and number.
    key: Box<str>,
    stem: Box<str>,
}

#[derive(Clone, Debug)]
struct Expr {
    term: String,
    words: Box<[WordKey]>,
    payloads: Vec<Payload>,
    /// One bit per word-entry kind among the payloads, for the rules' many
    /// `is this a negator?` questions; `inflecting_kinds` at the stemmed level.
    kinds: u16,
    inflecting_kinds: u16,
}

/// The bit of an entry kind in [`Expr::kinds`].
fn kind_bit(kind: EntryKind) -> u16 {
    1 << kind as u16
}

impl Payload {
    /// Content words and topic expressions inflect; rule words (`très`, `pas`,
    /// `mais`) are a closed class and match only as written, so that a stem does not
    /// turn `telles` into `tellement`.
    fn inflects(&self) -> bool {
        !matches!(self, Payload::Word { kind, .. } if *kind != EntryKind::Sentiment)
    }
}

/// How closely a match fits: lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Exact,
    Folded,
    Stemmed,
}

/// One matched expression over tokens `first..end` (token indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) expr: u32,
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) level: Level,
}

/// All expressions of an analyzer, compiled for lookup.
#[derive(Clone)]
pub(crate) struct Matcher {
    exprs: Vec<Expr>,
    by_key: HashMap<String, u32>,
    by_fold: FxHashMap<Box<str>, Vec<u32>>,
    by_stem: FxHashMap<Box<str>, Vec<u32>>,
    /// The first [`MIN_STEM_MATCH`] characters of every stem that may match: a token
    /// whose folded form starts otherwise cannot match by stem, so is not stemmed.
    stem_prefixes: rustc_hash::FxHashSet<Box<str>>,
    stemmer: std::sync::Arc<Stemmer>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("expressions", &self.exprs.len())
            .finish()
    }
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            exprs: Vec::new(),
            by_key: HashMap::new(),
            by_fold: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            stem_prefixes: Default::default(),
            stemmer: std::sync::Arc::new(Stemmer::create(Algorithm::French)),
        }
    }
}

impl Matcher {
    /// Add an expression with one meaning; a later payload in the same slot overrides.
    pub(crate) fn add(&mut self, term: &str, payload: Payload) {
        let words: Vec<WordKey> = crate::tokenize(term)
            .map(|token| {
                let norm = normalize(token.text);
                let folded = fold(&norm);
                WordKey {
                    stem: stems::stem(&self.stemmer, &norm).into(),
                    key: singular(&folded).into(),
                    fold: folded.as_ref().into(),
                    norm: norm.into(),
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
                self.by_fold
                    .entry(words[0].key.clone())
                    .or_default()
                    .push(index);
                self.by_stem
                    .entry(words[0].stem.clone())
                    .or_default()
                    .push(index);
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
        for payload in &expr.payloads {
            if let Payload::Word { kind, .. } = payload {
                expr.kinds |= kind_bit(*kind);
                if payload.inflects() {
                    expr.inflecting_kinds |= kind_bit(*kind);
                }
            }
        }
    }

    /// Whether a hit means a word entry of `kind` (at its match level).
    pub(crate) fn has_kind(&self, hit: &Hit, kind: EntryKind) -> bool {
        let expr = &self.exprs[hit.expr as usize];
        let kinds = match hit.level {
            Level::Stemmed => expr.inflecting_kinds,
            _ => expr.kinds,
        };
        kinds & kind_bit(kind) != 0
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

    /// Find the expressions of `tokens`, left to right, longest first, never overlapping.
    ///
    /// Expressions nested inside a longer one (`logiciels libres` inside `utiliser des
    /// logiciels libres`) go to `nested`: the longer one decides the words' lexicon
    /// meaning, but the targets and frames named inside it are still named.
    pub(crate) fn find(&self, tokens: &[Token<'_>], hits: &mut Vec<Hit>, nested: &mut Vec<Hit>) {
        let mut keys = TokenKeys::new(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            match self.best_at(tokens, i, tokens.len(), &mut keys) {
                Some(hit) => {
                    for j in hit.first..hit.end {
                        let inner = self.best_at(tokens, j, hit.end, &mut keys);
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
    fn best_at(
        &self,
        tokens: &[Token<'_>],
        i: usize,
        limit: usize,
        keys: &mut TokenKeys,
    ) -> Option<Hit> {
        let folded = keys.fold(tokens, i);
        let candidates = match self.by_fold.get(singular(folded)) {
            Some(candidates) => candidates,
            None => self.by_stem.get(keys.stem(self, tokens, i)?)?,
        };
        let mut best: Option<Hit> = None;
        for &expr in candidates {
            let Some(hit) = self.match_expr(expr, &tokens[..limit], i, keys) else {
                continue;
            };
            let rank = |h: &Hit| (h.end, std::cmp::Reverse(h.level));
            if best.as_ref().map_or(true, |b| rank(&hit) > rank(b)) {
                best = Some(hit);
            }
        }
        best
    }

    fn match_expr(
        &self,
        expr: u32,
        tokens: &[Token<'_>],
        first: usize,
        keys: &mut TokenKeys,
    ) -> Option<Hit> {
        let words = &self.exprs[expr as usize].words;
        if first + words.len() > tokens.len() {
            return None;
        }
        let inflects = self.exprs[expr as usize]
            .payloads
            .iter()
            .any(Payload::inflects);
        let mut level = Level::Exact;
        for (offset, word) in words.iter().enumerate() {
            let i = first + offset;
            let folded = keys.fold(tokens, i);
            // As written counts as exact; a case or accent difference as folded.
            let word_level = if tokens[i].text == &*word.norm {
                Level::Exact
            } else if folded == &*word.fold || (inflects && singular(folded) == &*word.key) {
                Level::Folded
            } else if !inflects {
                return None;
            } else if word.stem.len() >= MIN_STEM_MATCH
                && keys.stem(self, tokens, i) == Some(&*word.stem)
                && !conjugates_non_verb(keys.fold(tokens, i), word)
            {
                Level::Stemmed
            } else {
                return None;
            };
            level = level.max(word_level);
        }
        Some(Hit {
            expr,
            first,
            end: first + words.len(),
            level,
        })
    }
}

/// Per-document lookup keys, computed once per token and only when needed.
///
/// Keys live in one growing buffer per document, not one `String` per token, and a
/// token that is already folded (most French words are) is its own key.
struct TokenKeys {
    scratch: String,
    folds: String,
    fold_ranges: Vec<Key>,
    stems: String,
    stem_ranges: Vec<Option<Option<(u32, u32)>>>,
}

/// Where a token's folded key is.
#[derive(Clone, Copy)]
enum Key {
    /// Not computed yet.
    Unknown,
    /// The token text itself.
    Token,
    /// A range of the document's key buffer.
    Buffer(u32, u32),
}

/// Stems shorter than this match too much (`don` is both `données` and `donner`):
/// such entries match by their exact, folded or singular form only.
const MIN_STEM_MATCH: usize = 5;

/// The first [`MIN_STEM_MATCH`] characters of a folded word, if it has that many.
fn stem_prefix(folded: &str) -> Option<&str> {
    let end = folded.char_indices().nth(MIN_STEM_MATCH - 1)?.0;
    let last = folded[end..].chars().next()?;
    Some(&folded[..end + last.len_utf8()])
}

/// The folded form without its plural mark: `logiciels` → `logiciel`, `impôts` →
/// `impot`, `locaux` stays (the stemmer joins `locaux` and `local`).
fn singular(folded: &str) -> &str {
    match folded
        .strip_suffix('s')
        .or_else(|| folded.strip_suffix('x'))
    {
        Some(stripped) if stripped.len() >= 3 => stripped,
        _ => folded,
    }
}

impl TokenKeys {
    fn new(len: usize) -> Self {
        TokenKeys {
            scratch: String::new(),
            folds: String::new(),
            fold_ranges: vec![Key::Unknown; len],
            stems: String::new(),
            stem_ranges: vec![None; len],
        }
    }

    fn fold<'k>(&'k mut self, tokens: &[Token<'k>], i: usize) -> &'k str {
        let key = match self.fold_ranges[i] {
            Key::Unknown => {
                let key = match fold(tokens[i].text) {
                    Cow::Borrowed(_) => Key::Token,
                    Cow::Owned(folded) => {
                        let start = self.folds.len() as u32;
                        self.folds.push_str(&folded);
                        Key::Buffer(start, self.folds.len() as u32)
                    }
                };
                self.fold_ranges[i] = key;
                key
            }
            key => key,
        };
        match key {
            Key::Buffer(start, end) => &self.folds[start as usize..end as usize],
            _ => tokens[i].text,
        }
    }

    fn stem<'k>(
        &'k mut self,
        matcher: &Matcher,
        tokens: &[Token<'k>],
        i: usize,
    ) -> Option<&'k str> {
        let range = match self.stem_ranges[i] {
            Some(range) => range,
            None => {
                let token = &tokens[i];
                let folded = self.fold(tokens, i);
                let may_match =
                    stem_prefix(folded).is_some_and(|p| matcher.stem_prefixes.contains(p));
                let range = if token.kind == TokenKind::Word && may_match {
                    crate::normalize::normalize_into(token.text, &mut self.scratch);
                    let start = self.stems.len() as u32;
                    stems::stem_into(&matcher.stemmer, &self.scratch, &mut self.stems);
                    Some((start, self.stems.len() as u32))
                } else {
                    None
                };
                self.stem_ranges[i] = Some(range);
                range
            }
        };
        range.map(|(start, end)| &self.stems[start as usize..end as usize])
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
