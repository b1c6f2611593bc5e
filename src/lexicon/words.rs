//! What the matcher knows of each distinct word it has seen: its keys, its
//! candidate expressions, its best one-word match.
//!
//! All of it depends only on the word as written and on the matcher, and words
//! repeat (a thousand comments of a consultation use a few thousand distinct
//! words), so each is worked out once: folded, stemmed (Snowball French, the dearest
//! step), looked up. A token is then one hash lookup of its text. The memo is bounded
//! ([`WordMemo::CAPACITY`] words, then it starts over between two documents), so memory stays
//! flat on endless input, and it never changes a result.

use std::collections::HashMap;
use std::ops::Range;

use super::ending::Ending;
use super::forms::{singular, stem, Accents, Level, Longer, Spelling, Symbols, Word};
use super::matcher::Matcher;
use crate::normalize::{fold, normalize};
use crate::tokenize::{Token, TokenKind};

mod respell;
mod short;

use short::{ShortKey, ShortTable};

/// The memo's hash maps take comment text as keys: their hash is seeded at random
/// (per process), so that nobody can write tokens that all collide and make every
/// lookup slow. foldhash is about as fast as an unseeded hash on short keys.
type Lookup<K> = HashMap<K, WordId, foldhash::fast::RandomState>;

/// A word's number in its memo, and two facts about it that let the matcher pass
/// most tokens without reaching for their word: whether it can start an expression,
/// and whether it can be any word of one at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordId(u32);

impl WordId {
    const INERT: u32 = 1 << 31;
    const UNKNOWN: u32 = 1 << 30;
    const ELONGATED: u32 = 1 << 29;
    const LONGER: u32 = 1 << 28;
    const FLAGS: u32 = Self::INERT | Self::UNKNOWN | Self::ELONGATED | Self::LONGER;

    fn new(index: usize, word: &Word, elongated: bool) -> Self {
        let longer = word.starts_longer();
        let inert = word.single.is_none() && !longer;
        let unknown = word.syms.0 == [Symbols::NONE; 4];
        let flags = if inert { Self::INERT } else { 0 }
            | if unknown { Self::UNKNOWN } else { 0 }
            | if elongated { Self::ELONGATED } else { 0 }
            | if longer { Self::LONGER } else { 0 };
        // The memo starts over long before its numbers reach the flags.
        WordId(index as u32 | flags)
    }

    fn index(self) -> usize {
        (self.0 & !Self::FLAGS) as usize
    }

    /// Whether the word was found only with its drawn-out letters squeezed
    /// (`nuuuul` read as `nul`): written that way for emphasis.
    pub(super) fn is_elongated(self) -> bool {
        self.0 & Self::ELONGATED != 0
    }

    /// Whether the word matches the first word of some longer expression
    /// ([`Word::starts_longer`]), told without reaching for the word.
    pub(super) fn starts_longer(self) -> bool {
        self.0 & Self::LONGER != 0
    }

    /// Whether the word starts no expression (it may still end or continue one).
    pub(super) fn is_inert(self) -> bool {
        self.0 & Self::INERT != 0
    }

    /// Whether no form of the word is a form of any entry word: it is in no
    /// expression (beyond a one-word one it matches by its shape: the built-in
    /// laughter, a pattern entry).
    pub(super) fn is_unknown(self) -> bool {
        self.0 & Self::UNKNOWN != 0
    }
}

/// The memo: token text to word id, and the words.
#[derive(Debug, Default)]
pub(crate) struct WordMemo {
    /// Texts of up to 15 bytes.
    short: ShortTable,
    /// Longer texts, word tokens and other tokens apart: only words are stemmed.
    long: [Lookup<Box<str>>; 2],
    /// The word of every punctuation token, when no entry word is punctuation.
    punctuation: Option<WordId>,
    words: Vec<Word>,
    /// Each word's [`Word::single`], by id as `words`: the matcher reads it at
    /// every token that is not inert, and from a `Word` (a cache line or so each)
    /// that read was most of its data-cache misses; eight bytes a word put eight
    /// words in a line.
    singles: Vec<Option<(u32, Level)>>,
    /// The longer expressions of every word, each word's a contiguous range.
    longer: Vec<Longer>,
    /// Which of a word's longer expressions its next word continues, by pair of
    /// words: a range of `pair_longer`. See [`WordMemo::pair`].
    pairs: HashMap<u64, (u32, u32), foldhash::fast::RandomState>,
    pair_longer: Vec<PairLonger>,
}

/// A longer expression whose first two words a pair of words matches, and how well
/// (the worse of the two levels).
#[derive(Clone, Copy, Debug)]
pub(super) struct PairLonger {
    pub(super) expr: u32,
    pub(super) level: Level,
    /// Whether the expression has only these two words: then the matcher need not
    /// read it to know where it ends (it fits in the padding: still 8 bytes).
    pub(super) two_words: bool,
}

impl WordMemo {
    /// Distinct words a memo keeps (a few MB) before it starts over.
    pub(crate) const CAPACITY: usize = 100_000;

    /// Distinct pairs of words whose longer expressions it keeps (about 20 bytes
    /// each) before it forgets them all: pairs are a pure memo, so forgetting them
    /// changes no result, only time.
    const PAIR_CAPACITY: usize = 200_000;

    /// How many distinct words it knows.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The id of `token`'s word, worked out on first sight.
    pub(crate) fn id(&mut self, matcher: &Matcher, token: &Token<'_>) -> WordId {
        self.id_keyed(matcher, token, |is_word| ShortKey::new(token.text, is_word))
    }

    /// [`id`](Self::id) of a token of `input` (its text is
    /// `input[token.start..token.end]`), its key read straight from the input
    /// (see [`ShortKey::within`]).
    ///
    /// Always inlined into the tokenizer's loop: called once per token, left to
    /// itself the compiler kept it a call, whose entry and exit were a fifth of its
    /// cost (callgrind).
    #[inline(always)]
    pub(crate) fn id_in(&mut self, matcher: &Matcher, input: &str, token: &Token<'_>) -> WordId {
        debug_assert_eq!(&input[token.start..token.end], token.text);
        self.id_keyed(matcher, token, |is_word| {
            ShortKey::within(input.as_bytes(), token.start, token.text.len(), is_word)
        })
    }

    /// The id of `token`'s word, its short key (if it has one) made by `key` from
    /// whether it is a word.
    #[inline(always)]
    fn id_keyed(
        &mut self,
        matcher: &Matcher,
        token: &Token<'_>,
        key: impl FnOnce(bool) -> Option<ShortKey>,
    ) -> WordId {
        // A fifth of the tokens are punctuation, and usually in no expression:
        // their key is not even read.
        if token.kind == TokenKind::Punct && !matcher.has_punctuation() {
            if let Some(id) = self.punctuation {
                return id;
            }
            let id = self.learn(matcher, token, ShortKey::new(token.text, false));
            self.punctuation = Some(id);
            return id;
        }
        let is_word = token.kind == TokenKind::Word;
        let short = key(is_word);
        let known = match short {
            Some(key) => self.short.get(key),
            None => self.long[usize::from(is_word)].get(token.text).copied(),
        };
        match known {
            Some(id) => id,
            None => self.learn(matcher, token, short),
        }
    }

    /// Work out a word seen for the first time, and remember it.
    #[inline(never)]
    fn learn(&mut self, matcher: &Matcher, token: &Token<'_>, short: Option<ShortKey>) -> WordId {
        let is_word = token.kind == TokenKind::Word;
        let mut word = self.work_out(matcher, token.text, is_word);
        let mut elongated = false;
        if (is_word || is_rating(token)) && word.syms.0 == [Symbols::NONE; 4] {
            // In no entry as written: its shape may still say what it is.
            if let Some(expr) = matcher.pattern(&normalize(token.text), &word.fold) {
                word.single = Some((expr, Level::Exact));
            } else if !is_laughter(token) {
                if let Some(squeezed) = self.squeezed(matcher, token.text) {
                    (word, elongated) = (squeezed, true);
                } else if let Some(respelled) = self.respelled(matcher, token.text) {
                    word = respelled;
                }
            }
        }
        if word.single.is_none() && is_laughter(token) {
            word.single = Some((matcher.laughter(), Level::Exact));
        }
        let id = WordId::new(self.words.len(), &word, elongated);
        self.singles.push(word.single);
        self.words.push(word);
        match short {
            Some(key) => self.short.insert(key, id),
            None => {
                self.long[usize::from(is_word)].insert(token.text.into(), id);
            }
        }
        id
    }

    /// What the lexicons know of `text`: its forms' symbols, its best one-word
    /// expression and the longer ones it may start (pushed to [`WordMemo::longer`]).
    fn work_out(&mut self, matcher: &Matcher, text: &str, is_word: bool) -> Word {
        let folded = fold(text);
        // A word with a lemma is keyed and stemmed by its lemma: `adorais` finds `adorer`,
        // and `pourrait` (`pouvoir`) no longer meets `pourri` by its stem.
        let lemma = is_word.then(|| matcher.lemma(&folded)).flatten();
        let lemma_fold = lemma.map(fold);
        let (base, base_fold) = match (lemma, &lemma_fold) {
            (Some(lemma), Some(lemma_fold)) => (lemma, lemma_fold.as_ref()),
            _ => (text, folded.as_ref()),
        };
        // Only a word that may match by stem is stemmed, and its ending read.
        let (stem, ending) = match is_word && matcher.may_stem(base_fold) {
            true => {
                let norm = normalize(base);
                let stem = stem(matcher.stemmer(), &norm);
                let ending = Ending::of_text(&norm, base_fold, &stem);
                (Some(stem), ending)
            }
            false => (None, Ending::default()),
        };
        let spelling = Spelling {
            fold: &folded,
            key: singular(base_fold),
            stem: stem.as_deref(),
        };
        let symbol = |form: Option<&str>| {
            form.and_then(|form| matcher.symbol(form))
                .unwrap_or(Symbols::NONE)
        };
        let mut word = Word {
            syms: Symbols([
                symbol(Some(text)),
                symbol(Some(spelling.fold)),
                symbol(Some(spelling.key)),
                symbol(spelling.stem),
            ]),
            single: None,
            longer: (0, 0),
            fold: spelling.fold.into(),
            accents: match text.is_ascii() {
                true => Accents::default(),
                false => Accents::of(&normalize(text), &folded),
            },
            by_lemma: lemma.is_some(),
            spelt_apart: is_word && matcher.spelt_apart(&normalize(text)),
            ending,
        };
        let from = self.longer.len() as u32;
        matcher.resolve(&mut word, &spelling, &mut self.longer);
        word.longer = (from, self.longer.len() as u32);
        word
    }

    /// A word by id.
    pub(super) fn get(&self, id: WordId) -> &Word {
        &self.words[id.index()]
    }

    /// A word's best one-word expression ([`Word::single`]), by id.
    pub(super) fn single(&self, id: WordId) -> Option<(u32, Level)> {
        self.singles[id.index()]
    }

    /// The longer expressions that `first` followed by `next` may start, as a range
    /// of [`WordMemo::pair_longer`], worked out on first sight of the pair.
    ///
    /// Frequent words start dozens of expressions (`à`, `en`, `pas`, `je`), and the
    /// next word rules out nearly all of them. Scanning them at every token was
    /// the inner loop of matching; pairs of words repeat in a corpus as words do,
    /// so each pair is scanned once and then is one hash lookup.
    #[inline(always)]
    pub(super) fn pair(&mut self, matcher: &Matcher, first: WordId, next: WordId) -> Range<usize> {
        let key = (first.index() as u64) << 32 | next.index() as u64;
        match self.pairs.get(&key) {
            Some(&(from, to)) => from as usize..to as usize,
            None => self.learn_pair(matcher, key, first, next),
        }
    }

    /// Work out a pair seen for the first time, and remember it (kept out of line:
    /// the lookup above is the hot path).
    #[inline(never)]
    fn learn_pair(
        &mut self,
        matcher: &Matcher,
        key: u64,
        first: WordId,
        next: WordId,
    ) -> Range<usize> {
        if self.pairs.len() >= Self::PAIR_CAPACITY {
            self.pairs.clear();
            self.pair_longer.clear();
        }
        let from = self.pair_longer.len();
        let (first, next) = (&self.words[first.index()], &self.words[next.index()]);
        for longer in &self.longer[first.longer.0 as usize..first.longer.1 as usize] {
            // Most are ruled out by the forms' numbers alone, without the entry.
            if !next.syms.may_be(&longer.second) {
                continue;
            }
            if let Some(level) = matcher.second_word_level(longer.expr, next) {
                self.pair_longer.push(PairLonger {
                    expr: longer.expr,
                    level: longer.level.max(level),
                    two_words: matcher.exprs[longer.expr as usize].words.len() == 2,
                });
            }
        }
        let to = self.pair_longer.len();
        self.pairs.insert(key, (from as u32, to as u32));
        from..to
    }

    /// The longer expressions of a pair (see [`WordMemo::pair`]).
    pub(super) fn pair_longer(&self, range: Range<usize>) -> &[PairLonger] {
        &self.pair_longer[range]
    }
}

/// A number written as a mark out of a scale (`20/20`, `3/10`, `4,5/5`): the
/// patterns of the lexicons read it (a rating is a verdict: `9/10` praises).
fn is_rating(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Number && token.text.contains('/')
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    /// The term and level of the one-word match of `text`, under entries `rows`.
    fn single(rows: &str, text: &str) -> Option<(String, Level)> {
        let tsv = format!("term\tkind\tvalence\tnote\n{rows}");
        let lexicon = super::super::Lexicon::from_tsv("test.tsv", &tsv).unwrap_or_default();
        let (matcher, _) =
            super::super::compile(&[lexicon], &super::super::Topic::default()).ok()?;
        let mut words = WordMemo::default();
        let token = tokenize(text).next()?;
        let id = words.id(&matcher, &token);
        let (expr, level) = words.get(id).single?;
        Some((
            matcher.hit(expr, 0, 1, level).meaning.term.to_string(),
            level,
        ))
    }

    #[test]
    fn lookup_goes_form_then_lemma_then_stem() {
        let adorer = "adorer\tsentiment\t1.4\n";
        // `adorais`: no entry word, its stem `ador` too short; the table says `adorer`.
        assert_eq!(
            single(adorer, "adorais"),
            Some(("adorer".into(), Level::Lemma))
        );
        assert_eq!(
            single(adorer, "Adorer"),
            Some(("adorer".into(), Level::Folded))
        );
        // An entry word matches as itself, never through a lemma.
        let both = "adorer\tsentiment\t1.4\nadorais\tsentiment\t-1\n";
        assert_eq!(
            single(both, "adorais"),
            Some(("adorais".into(), Level::Exact))
        );
        // `dépassées` is `dépassé` (outdated), not `dépasser` (to surpass), which the
        // stem `depass` would reach as well.
        let depass = "dépasser\tsentiment\t1.1\ndépassé\tsentiment\t-1.5\n";
        assert_eq!(
            single(depass, "dépassées"),
            Some(("dépassé".into(), Level::Lemma))
        );
        // A word the table lacks still matches by its stem.
        let scandale = "scandaleux\tsentiment\t-2.5\n";
        assert_eq!(
            single(scandale, "scandaleusement"),
            Some(("scandaleux".into(), Level::Stemmed))
        );
    }

    #[test]
    fn a_stem_met_by_accident_is_the_lemmas_stem() {
        // `affligeante` is a form of `affligeant`, whose stem is not `afflig`.
        let rows = "affligé\tsentiment\t-2\naffligeant\tsentiment\t-3\n";
        assert_eq!(
            single(rows, "affligeante"),
            Some(("affligeant".into(), Level::Lemma))
        );
        // `pourrait` (`pouvoir`) shares the stem `pourr` of `pourri`, not its lemma.
        assert_eq!(single("pourri\tsentiment\t-2\n", "pourrait"), None);
        // `pourries` (`pourrir`, the same stem) is left to the stem.
        assert_eq!(
            single("pourri\tsentiment\t-2\n", "pourries"),
            Some(("pourri".into(), Level::Stemmed))
        );
    }

    #[test]
    fn a_word_is_worked_out_once_and_keeps_its_fold() {
        let matcher = Matcher::default();
        let mut words = WordMemo::default();
        let tokens: Vec<Token<'_>> = tokenize("impôts IMPÔTS impôts").collect();
        let ids: Vec<WordId> = tokens.iter().map(|t| words.id(&matcher, t)).collect();
        assert_eq!(ids[0], ids[2]);
        assert_ne!(ids[0], ids[1]);
        assert_eq!(words.get(ids[1]).fold.as_ref(), "impots");
    }

    #[test]
    fn a_pair_gives_the_expressions_its_two_words_start_once_or_again() {
        let rows = "term\tkind\tvalence\tnote\n\
            à la folie\tsentiment\t2\n\
            à la rigueur\tsentiment\t-1\n\
            à fuir\tsentiment\t-3\n\
            à revoir\tsentiment\t-1\n";
        let lexicon = super::super::Lexicon::from_tsv("test.tsv", rows).unwrap_or_default();
        let (matcher, _) =
            super::super::compile(&[lexicon], &super::super::Topic::default()).unwrap();
        let mut words = WordMemo::default();
        let tokens: Vec<Token<'_>> = tokenize("à la à fuir À LA").collect();
        let ids: Vec<WordId> = tokens.iter().map(|t| words.id(&matcher, t)).collect();
        let terms = |words: &mut WordMemo, first: usize| {
            let range = words.pair(&matcher, ids[first], ids[first + 1]);
            let pairs = words.pair_longer(range).to_vec();
            let term = |p: &PairLonger| matcher.hit(p.expr, 0, 2, p.level).meaning.term.to_string();
            pairs.iter().map(term).collect::<Vec<_>>()
        };
        let a_la = vec!["à la folie".to_string(), "à la rigueur".to_string()];
        assert_eq!(terms(&mut words, 0), a_la);
        assert_eq!(terms(&mut words, 2), vec!["à fuir".to_string()]);
        // `la à`: `la` starts nothing; `À LA` is another pair of words, same answer.
        assert_eq!(terms(&mut words, 1), Vec::<String>::new());
        assert_eq!(terms(&mut words, 4), a_la);
        // From the memo, and once it has forgotten every pair: the same.
        assert_eq!(terms(&mut words, 0), a_la);
        words.pairs.clear();
        words.pair_longer.clear();
        assert_eq!(terms(&mut words, 0), a_la);
    }
}
