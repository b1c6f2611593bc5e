//! Finding a document's expressions: left to right, longest first, never
//! overlapping, from the word ids of its tokens.

use super::forms::Level;
use super::hit::Hit;
use super::matcher::{word_level, Matcher};
use super::words::{WordId, WordMemo};

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
        words: &WordMemo,
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
    fn best_at(&self, words: &WordMemo, ids: &[WordId], i: usize, limit: usize) -> Option<Hit<'_>> {
        let word = words.get(ids[i]);
        let mut best = word
            .single
            .map(|(expr, level)| self.hit(expr, i, i + 1, level));
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
        words: &WordMemo,
        ids: &[WordId],
        first: usize,
    ) -> Option<Hit<'_>> {
        let e = &self.exprs[expr as usize];
        let end = first + e.words.len();
        if end > limit {
            return None;
        }
        let inflects = e.inflects;
        for (entry_word, &id) in e.words.iter().zip(&ids[first..end]).skip(1) {
            let word = words.get(id);
            level = level.max(word_level(entry_word, inflects, word)?);
        }
        Some(self.hit(expr, first, end, level))
    }
}
