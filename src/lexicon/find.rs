//! Finding a document's expressions: left to right, longest first, never
//! overlapping, from the word ids of its tokens.

use super::forms::Level;
use super::hit::Hit;
use super::matcher::{word_level, Matcher};
use super::words::{PairLonger, WordId, WordMemo};

impl Matcher {
    /// Find the expressions of a document, left to right, longest first, never
    /// overlapping. `ids` are its tokens' words, as the memo `words` numbers them
    /// ([`WordMemo::id`]).
    ///
    /// Expressions nested inside a longer one (`logiciels libres` inside `utiliser des
    /// logiciels libres`) go to `nested`: the longer one decides the words' lexicon
    /// meaning, but the targets and frames named inside it are still named.
    pub(crate) fn find<'m>(
        &'m self,
        words: &mut WordMemo,
        ids: &[WordId],
        hits: &mut Vec<Hit<'m>>,
        nested: &mut Vec<Hit<'m>>,
    ) {
        let mut i = 0;
        while i < ids.len() {
            if ids[i].is_inert() {
                i += 1;
                continue;
            }
            match self.best_at(words, ids, i, ids.len()) {
                Some(mut hit) => {
                    hit.elongated = ids[hit.first..hit.end].iter().any(|id| id.is_elongated());
                    // A one-word hit has nothing nested in it. At its first token,
                    // the longest expression shorter than it.
                    for j in (hit.first..hit.end).filter(|_| hit.end - hit.first > 1) {
                        let limit = if j == hit.first { hit.end - 1 } else { hit.end };
                        let inner = self.best_at(words, ids, j, limit);
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
    ///
    /// Always inlined: called, it returns its 40-byte hit through memory, and `find`
    /// read it back with wide loads that stalled on the narrow stores that wrote it
    /// (store forwarding fails): two fifths of `find`'s time, about 2% of the
    /// analysis (`perf`).
    #[inline(always)]
    fn best_at(
        &self,
        words: &mut WordMemo,
        ids: &[WordId],
        i: usize,
        limit: usize,
    ) -> Option<Hit<'_>> {
        // Read from the memo's compact tables, not the word itself: see
        // `WordMemo::single`. The best is kept as expression, end and level, and made
        // a hit once chosen: a hit reads its expression's meaning, a data-cache miss
        // more often than not, which the expressions it beats need not pay.
        let best = words
            .single(ids[i])
            .map(|(expr, level)| (expr, i + 1, level));
        let best = if ids[i].starts_longer() {
            self.best_longer(words, ids, i, limit, best)
        } else {
            best
        };
        best.map(|(expr, end, level)| self.hit(expr, i, end, level))
    }

    /// The best of `best` and the longer expressions starting at token `i` and
    /// ending by token `limit`, as expression, end and level.
    #[inline(always)]
    fn best_longer(
        &self,
        words: &mut WordMemo,
        ids: &[WordId],
        i: usize,
        limit: usize,
        mut best: Option<(u32, usize, Level)>,
    ) -> Option<(u32, usize, Level)> {
        // A next word that is in no expression rules them all out.
        let next = match ids.get(i + 1) {
            Some(&id) if !id.is_unknown() => id,
            _ => return best,
        };
        let pair = words.pair(self, ids[i], next);
        for longer in words.pair_longer(pair) {
            let Some((end, level)) = self.match_rest(longer, limit, words, ids, i) else {
                continue;
            };
            let rank = |end: usize, level: Level| (end, std::cmp::Reverse(level));
            if best.map_or(true, |(_, e, l)| rank(end, level) > rank(e, l)) {
                best = Some((longer.expr, end, level));
            }
        }
        best
    }

    /// The end and level of the longer expression of `longer`, whose first two
    /// words match from token `first`, if its other words follow before token
    /// `limit`. Most longer expressions have two words: those are told by the pair
    /// alone, without reading the expression (a data-cache miss).
    #[inline(always)]
    fn match_rest(
        &self,
        longer: &PairLonger,
        limit: usize,
        words: &WordMemo,
        ids: &[WordId],
        first: usize,
    ) -> Option<(usize, Level)> {
        if longer.two_words {
            return (first + 2 <= limit).then_some((first + 2, longer.level));
        }
        let e = &self.exprs[longer.expr as usize];
        let end = first + e.words.len();
        if end > limit {
            return None;
        }
        let (inflects, mut level) = (e.inflects, longer.level);
        for (entry_word, &id) in e.words.iter().zip(&ids[first..end]).skip(2) {
            let word = words.get(id);
            level = level.max(word_level(entry_word, inflects, word)?);
        }
        Some((end, level))
    }
}
