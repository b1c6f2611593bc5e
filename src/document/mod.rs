//! Stage 2: the document every later stage reads.
//!
//! A [`Document`] is a text with its tokens, the expressions found in it (each with
//! what it means, valences included, see [`crate::lexicon`]), the expressions
//! nested inside longer ones, its sentences (cut by the one sentence splitter,
//! [`sentences()`](crate::sentences)), and for each token its stop (the stretch up to
//! the next `.` `!` `?` `…` or line break, what the rules reach across), its clause
//! and the hit covering it. Stages only read it: the rules, sentiment, stance, frames and
//! evidence all take `&Document`.
//!
//! Building one reuses the vectors of the previous document (see [`DocumentCache`]):
//! allocating them afresh for every comment cost about a fifth of the analysis.

mod cut;
mod hashtags;
mod sentences;

use crate::lexicon::{Hit, Matcher, WordId, WordMemo};
use crate::reuse::recycle;
use crate::tokenize::{tokenize, Token, TokenKind};
use cut::{Cuts, NO_HIT};
pub use sentences::{sentences, Sentence, Sentences};

/// Tokens' worth of capacity a cache keeps after a long document (about 2.5 MB of
/// vectors): longer documents still work, their vectors are freed afterwards.
const KEPT_TOKENS: usize = 1 << 16;

/// A text read for analysis: tokens, hits, sentences and clauses.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: Vec<Token<'a>>,
    /// The expressions found, in text order, never overlapping.
    pub(crate) hits: Vec<Hit<'a>>,
    /// Expressions inside a longer hit (`logiciels libres` inside `utiliser des
    /// logiciels libres`): the longer one gives the words their lexicon meaning, but
    /// the targets and frames named inside it are still named.
    pub(crate) nested: Vec<Hit<'a>>,
    /// Its stops and clauses: each token's stop, clause and hit, each stop's
    /// closing punctuation, the word count.
    cuts: Cuts,
    /// The byte span of each sentence (the splitter's, over the tokenizer's tokens).
    sentences: Vec<(usize, usize)>,
}

/// The memory a document is built in, kept from one document to the next: the word
/// memo (what each distinct word matches, see [`crate::lexicon`]) and the emptied
/// vectors of the last document.
#[derive(Debug, Default)]
pub(crate) struct DocumentCache {
    words: WordMemo,
    ids: Vec<WordId>,
    tokens: Vec<Token<'static>>,
    hits: Vec<Hit<'static>>,
    nested: Vec<Hit<'static>>,
    cuts: Cuts,
    sentences: Vec<(usize, usize)>,
}

impl<'a> Document<'a> {
    /// Tokenize `text`, find its expressions and cut it into sentences, stops and
    /// clauses.
    #[cfg(test)]
    pub(crate) fn read(text: &'a str, matcher: &'a Matcher, cache: &mut DocumentCache) -> Self {
        Document::read_with(text, matcher, cache, true)
    }

    /// [`read`](Self::read), cutting the sentences only if `with_sentences` (an
    /// analysis of the values alone never reads them).
    pub(crate) fn read_with(
        text: &'a str,
        matcher: &'a Matcher,
        cache: &mut DocumentCache,
        with_sentences: bool,
    ) -> Self {
        let mut tokens = recycle(std::mem::take(&mut cache.tokens));
        // Each token's word is looked up as it is scanned, its bytes still at hand.
        let (words, ids) = (&mut cache.words, &mut cache.ids);
        ids.clear();
        let mut hashtags = false;
        tokenize(text).push_all(&mut tokens, |token| {
            hashtags |= token.kind == TokenKind::Hashtag;
            ids.push(words.id_in(matcher, text, token))
        });
        // Sentences are cut over the tokenizer's tokens, as `sentences()` cuts
        // them: with the stops, or first when hashtags are about to become their
        // words.
        let mut sentences = std::mem::take(&mut cache.sentences);
        sentences.clear();
        if with_sentences && hashtags {
            sentences::spans(text, &tokens, &mut sentences);
        }
        if hashtags {
            hashtags::split(&mut tokens, ids, words, matcher);
        }
        let mut hits = recycle(std::mem::take(&mut cache.hits));
        let mut nested = recycle(std::mem::take(&mut cache.nested));
        matcher.find(&mut cache.words, &cache.ids, &mut hits, &mut nested);
        let cuts = std::mem::take(&mut cache.cuts);
        let cuts = if with_sentences && !hashtags {
            cut::cut::<true>(text, &tokens, &hits, cuts, &mut sentences)
        } else {
            cut::cut::<false>(text, &tokens, &hits, cuts, &mut sentences)
        };
        // Built where it is returned: a document assembled in a local and then
        // returned is copied by a `memcpy` call, once per comment.
        Document {
            text,
            tokens,
            hits,
            nested,
            cuts,
            sentences,
        }
    }

    /// Index of the stop that holds token `i`: the stretch up to the next run of
    /// `.` `!` `?` `…` or line break, which the rules take for its sentence (see
    /// `cut`).
    pub(crate) fn sentence(&self, i: usize) -> u32 {
        self.cuts.slots[i].sentence
    }

    /// Clause index of token `i`.
    pub(crate) fn clause(&self, i: usize) -> u32 {
        self.cuts.slots[i].clause
    }

    /// How many stop indices the document uses.
    pub(crate) fn sentence_count(&self) -> usize {
        self.cuts.closing.len()
    }

    /// The byte span of each sentence (the splitter's), in order.
    pub(crate) fn sentence_spans(&self) -> &[(usize, usize)] {
        &self.sentences
    }

    /// How many tokens are not punctuation.
    pub(crate) fn words(&self) -> usize {
        self.cuts.words
    }

    /// Index of the hit covering token `i`, if any.
    pub(crate) fn hit_at(&self, i: usize) -> Option<usize> {
        Some(self.cuts.slots[i].hit)
            .filter(|&h| h != NO_HIT)
            .map(|h| h as usize)
    }

    /// Whether token `first` is the first word of its stop (after quotes, dashes
    /// and the like).
    pub(crate) fn opens_sentence(&self, first: usize) -> bool {
        let sentence = self.sentence(first);
        let before = self.tokens[..first].iter().enumerate().rev();
        before
            .take_while(|(i, _)| self.sentence(*i) == sentence)
            .all(|(_, token)| token.kind == TokenKind::Punct)
    }

    /// The last punctuation token of the stop that holds token `i`.
    pub(crate) fn closing_punctuation(&self, i: usize) -> Option<&Token<'a>> {
        let closing = self.cuts.closing[self.sentence(i) as usize]?;
        Some(&self.tokens[closing])
    }

    /// The byte span a hit covers.
    pub(crate) fn span(&self, hit: &Hit<'_>) -> (usize, usize) {
        (self.tokens[hit.first].start, self.tokens[hit.end - 1].end)
    }

    /// The text a hit covers, as written.
    pub(crate) fn span_text(&self, hit: &Hit<'_>) -> &'a str {
        let (start, end) = self.span(hit);
        &self.text[start..end]
    }

    /// The text of the hit covering token `i` (or of the token itself).
    pub(crate) fn hit_text(&self, i: usize) -> &'a str {
        match self.hit_at(i) {
            Some(h) => self.span_text(&self.hits[h]),
            None => self.tokens[i].text,
        }
    }
}

impl DocumentCache {
    /// Keep a finished document's vectors for the next, unless it was so long that
    /// they would hold on to a lot of memory; start the word memo over when it is
    /// full, so that memory stays flat on endless input.
    ///
    /// The document is taken by reference, its vectors moved out one by one: moved
    /// whole into a call, its 168 bytes are copied by a `memcpy` call per comment.
    pub(crate) fn keep(&mut self, document: &mut Document<'_>) {
        if document.tokens.capacity() > KEPT_TOKENS {
            *self = DocumentCache {
                words: std::mem::take(&mut self.words),
                ..DocumentCache::default()
            };
        } else {
            self.tokens = recycle(std::mem::take(&mut document.tokens));
            self.hits = recycle(std::mem::take(&mut document.hits));
            self.nested = recycle(std::mem::take(&mut document.nested));
            self.cuts = std::mem::take(&mut document.cuts);
            self.sentences = std::mem::take(&mut document.sentences);
        }
        if self.words.len() >= WordMemo::CAPACITY {
            self.words = WordMemo::default();
        }
    }

    /// Forget the word memo: it belongs to one matcher (see [`crate::Cache`]).
    pub(crate) fn forget_words(&mut self) {
        self.words = WordMemo::default();
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Documents built by hand, from a few entries rather than the embedded
    //! lexicons, so that a rule can be tested alone.

    use super::*;
    use crate::lexicon::{EntryKind, Payload};

    /// A matcher of just these entries (term, kind, valence); a term written
    /// `/…/` is a pattern.
    pub(crate) fn matcher(entries: &[(&str, EntryKind, f64)]) -> Matcher {
        let mut matcher = Matcher::default();
        for &(term, kind, valence) in entries {
            let payload = Payload::Word { kind, valence };
            match term.strip_prefix('/').and_then(|t| t.strip_suffix('/')) {
                Some(pattern) => matcher.add_pattern(term, pattern, payload),
                None => matcher.add(term, payload),
            }
        }
        if let Err(error) = matcher.compile_patterns() {
            panic!("test patterns: {error}");
        }
        matcher
    }

    /// `text` read with that matcher.
    pub(crate) fn read<'a>(text: &'a str, matcher: &'a Matcher) -> Document<'a> {
        Document::read(text, matcher, &mut DocumentCache::default())
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{matcher, read};
    use super::*;
    use crate::lexicon::EntryKind;

    #[test]
    fn tokens_hits_and_sentences() {
        let m = matcher(&[("honte", EntryKind::Sentiment, -3.0)]);
        let doc = read("Une honte. Vraiment\nune honte !", &m);
        assert_eq!(doc.hits.len(), 2);
        assert_eq!(doc.span_text(&doc.hits[1]), "honte");
        // The full stop and the line break each end a sentence.
        assert_eq!(doc.sentence(0), 0);
        assert_eq!(doc.sentence(3), 1);
        assert_eq!(doc.sentence(4), 2);
        assert_eq!(doc.closing_punctuation(4).map(|t| t.text), Some("!"));
        assert_eq!(doc.words(), 5);
        assert_eq!(doc.hit_at(1), Some(0));
        assert_eq!(doc.hit_at(0), None);
    }

    #[test]
    fn vectors_are_kept_not_reallocated() {
        let m = matcher(&[]);
        let mut cache = DocumentCache::default();
        let text = String::from("Un texte de quelques mots.");
        let mut doc = Document::read(&text, &m, &mut cache);
        let (pointer, capacity) = (doc.tokens.as_ptr() as usize, doc.tokens.capacity());
        cache.keep(&mut doc);
        let again = Document::read("Un autre.", &m, &mut cache);
        assert_eq!(
            (again.tokens.as_ptr() as usize, again.tokens.capacity()),
            (pointer, capacity)
        );
    }

    #[test]
    fn vectors_of_a_very_long_document_are_freed() {
        let m = matcher(&[]);
        let mut cache = DocumentCache::default();
        let text = "mot ".repeat(KEPT_TOKENS + 1);
        let mut doc = Document::read(&text, &m, &mut cache);
        cache.keep(&mut doc);
        assert_eq!(cache.tokens.capacity(), 0);
    }
}
