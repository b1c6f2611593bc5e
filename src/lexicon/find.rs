//! Finding a document's expressions: left to right, longest first, never
//! overlapping, from the word ids of its tokens.

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
        let word = words.get(ids[i]);
        let mut best = word
            .single
            .map(|(expr, level)| self.hit(expr, i, i + 1, level));
        if !word.starts_longer() {
            return best;
        }
        // A next word that is in no expression rules them all out.
        let next = match ids.get(i + 1) {
            Some(&id) if !id.is_unknown() => id,
            _ => return best,
        };
        let pair = words.pair(self, ids[i], next);
        for longer in words.pair_longer(pair) {
            let Some(hit) = self.match_rest(longer, limit, words, ids, i) else {
                continue;
            };
            let rank = |h: &Hit| (h.end, std::cmp::Reverse(h.level));
            if best.as_ref().map_or(true, |b| rank(&hit) > rank(b)) {
                best = Some(hit);
            }
        }
        best
    }

    /// The longer expression of `longer`, whose first two words match from token
    /// `first`, if its other words follow before token `limit`. Always inlined, as
    /// `best_at` is, for the hit it returns.
    #[inline(always)]
    fn match_rest(
        &self,
        longer: &PairLonger,
        limit: usize,
        words: &WordMemo,
        ids: &[WordId],
        first: usize,
    ) -> Option<Hit<'_>> {
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
        Some(self.hit(longer.expr, first, end, level))
    }
}
