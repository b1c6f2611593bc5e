//! What the matcher knows of each distinct word it has seen: its keys, its
//! candidate expressions, its best one-word match.
//!
//! All of it depends only on the word as written and on the matcher, and words
//! repeat (a thousand comments of a consultation use a few thousand distinct
//! words), so each is worked out once: folded, stemmed (Snowball French, the dearest
//! step), looked up. A token is then one hash lookup of its text. The memo is bounded
//! ([`CAPACITY`] words, then it starts over between two documents), so memory stays
//! flat on endless input, and it never changes a result.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, TryLockError};

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::matcher::{Level, Matcher};
use crate::{fold, normalize, Token, TokenKind};

/// Distinct words a memo keeps (a few MB) before it starts over.
const CAPACITY: usize = 100_000;

/// Stems shorter than this match too much (`don` is both `données` and `donner`):
/// such entries match by their exact, folded or singular form only.
pub(super) const MIN_STEM_MATCH: usize = 5;

/// The keys of one distinct token text.
#[derive(Debug)]
pub(super) struct Word {
    /// Lowercase, accents removed.
    pub(super) fold: Box<str>,
    /// Length of the folded singular, a prefix of `fold`.
    key_len: usize,
    /// The folded stem, for words that may match by stem.
    pub(super) stem: Option<Box<str>>,
    /// The matcher's numbers for these forms, where some entry word has them.
    pub(super) syms: Symbols,
    /// The best one-word expression for this word, resolved once.
    pub(super) single: Option<(u32, Level)>,
    /// The longer expressions whose first word this word matches.
    pub(super) multi: Box<[Longer]>,
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

/// A word's forms as the matcher numbers them (see [`Matcher::symbol`]).
#[derive(Debug, Default)]
pub(super) struct Symbols {
    /// The word as written.
    pub(super) text: Option<u32>,
    pub(super) fold: Option<u32>,
    pub(super) key: Option<u32>,
    pub(super) stem: Option<u32>,
}

impl Word {
    /// The folded singular (`impôts` → `impot`).
    pub(super) fn key(&self) -> &str {
        &self.fold[..self.key_len]
    }
}

impl Symbols {
    /// Whether this word may match an entry word of these forms: a quick test that
    /// rules out most candidates (the match itself checks the rest).
    pub(super) fn may_be(&self, [norm, fold, key, stem]: &[u32; 4]) -> bool {
        self.text == Some(*norm)
            || self.fold == Some(*fold)
            || self.key == Some(*key)
            || self.stem == Some(*stem)
    }
}

/// The memo: token text to word id, and the words.
#[derive(Debug, Default)]
pub(super) struct Words {
    /// Word tokens and other tokens apart: only words are stemmed.
    ids: [FxHashMap<Box<str>, u32>; 2],
    words: Vec<Word>,
}

impl Words {
    /// The id of `token`'s word, worked out on first sight.
    pub(super) fn id(&mut self, matcher: &Matcher, token: &Token<'_>) -> u32 {
        let is_word = token.kind == TokenKind::Word;
        if let Some(&id) = self.ids[usize::from(is_word)].get(token.text) {
            return id;
        }
        let folded = fold(token.text);
        let stem = (is_word && matcher.may_stem(&folded)).then(|| {
            let stem = stem(matcher.stemmer(), &normalize(token.text));
            stem.into_boxed_str()
        });
        let key = singular(&folded);
        let syms = Symbols {
            text: matcher.symbol(token.text),
            fold: matcher.symbol(&folded),
            key: matcher.symbol(key),
            stem: stem.as_deref().and_then(|s| matcher.symbol(s)),
        };
        let mut word = Word {
            key_len: key.len(),
            fold: folded.as_ref().into(),
            stem,
            syms,
            single: None,
            multi: Box::default(),
        };
        matcher.resolve(&mut word);
        if word.single.is_none() && is_laughter(token) {
            word.single = Some((matcher.laughter(), Level::Exact));
        }
        let id = self.words.len() as u32;
        self.words.push(word);
        self.ids[usize::from(is_word)].insert(token.text.into(), id);
        id
    }

    /// A word by id.
    pub(super) fn get(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }
}

/// The memos of one matcher, one per thread that uses it at the same time.
#[derive(Debug)]
pub(super) struct Memos(Box<[Mutex<Words>]>);

impl Default for Memos {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(4, |n| n.get());
        Memos((0..threads).map(|_| Mutex::default()).collect())
    }
}

impl Clone for Memos {
    /// A clone starts with empty memos: they are a cache, not state.
    fn clone(&self) -> Self {
        Memos::default()
    }
}

impl Memos {
    /// A memo no other thread is using, emptied if it is full; a fresh one if every
    /// memo is busy (more threads than cores), so a thread never waits for another.
    pub(super) fn take(&self) -> Memo<'_> {
        for memo in self.0.iter() {
            let guard = match memo.try_lock() {
                Ok(guard) => guard,
                // A panic elsewhere cannot leave a word half-written; start over anyway.
                Err(TryLockError::Poisoned(poisoned)) => {
                    let mut guard = poisoned.into_inner();
                    *guard = Words::default();
                    guard
                }
                Err(TryLockError::WouldBlock) => continue,
            };
            let mut memo = Memo::Shared(guard);
            if memo.words.len() >= CAPACITY {
                *memo = Words::default();
            }
            return memo;
        }
        Memo::Own(Words::default())
    }
}

/// A memo held for the length of one document.
pub(super) enum Memo<'m> {
    Shared(MutexGuard<'m, Words>),
    Own(Words),
}

impl Deref for Memo<'_> {
    type Target = Words;
    fn deref(&self) -> &Words {
        match self {
            Memo::Shared(guard) => guard,
            Memo::Own(words) => words,
        }
    }
}

impl DerefMut for Memo<'_> {
    fn deref_mut(&mut self) -> &mut Words {
        match self {
            Memo::Shared(guard) => guard,
            Memo::Own(words) => words,
        }
    }
}

/// Mocking laughter written out (`hahaha`, `mouhahaha`): no list holds every
/// spelling, so the matcher recognises it by its shape, as one more irony entry.
fn is_laughter(token: &Token<'_>) -> bool {
    let has_ha = |w: &[u8]| w[0] | 0x20 == b'h' && w[1] | 0x20 == b'a';
    if token.kind != TokenKind::Word
        || token.text.len() < 6
        || !token.text.as_bytes().windows(2).any(has_ha)
    {
        return false;
    }
    let key = fold(token.text);
    let rest = key
        .strip_prefix("mou")
        .or_else(|| key.strip_prefix("mw"))
        .unwrap_or(&key);
    let rest = rest.trim_end_matches('h');
    rest.len() >= 4
        && rest.bytes().all(|b| b == b'a' || b == b'h')
        && rest.matches("ha").count() >= 2
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
pub(super) fn singular(folded: &str) -> &str {
    match folded
        .strip_suffix('s')
        .or_else(|| folded.strip_suffix('x'))
    {
        Some(stripped) if stripped.len() >= 3 => stripped,
        _ => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    #[test]
    fn a_word_is_worked_out_once_and_keeps_its_keys() {
        let matcher = Matcher::default();
        let mut words = Words::default();
        let tokens: Vec<Token<'_>> = tokenize("impôts IMPÔTS impôts").collect();
        let ids: Vec<u32> = tokens.iter().map(|t| words.id(&matcher, t)).collect();
        assert_eq!(ids[0], ids[2]);
        assert_ne!(ids[0], ids[1]);
        assert_eq!(words.get(ids[1]).fold.as_ref(), "impots");
        assert_eq!(words.get(ids[1]).key(), "impot");
    }

    #[test]
    fn busy_memos_give_a_fresh_one() {
        let memos = Memos::default();
        let held: Vec<Memo<'_>> = (0..memos.0.len()).map(|_| memos.take()).collect();
        assert!(held.iter().all(|m| matches!(m, Memo::Shared(_))));
        assert!(matches!(memos.take(), Memo::Own(_)));
    }
}
