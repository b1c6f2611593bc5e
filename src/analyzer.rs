//! The analyzer: compiled lexicons and topic, shared across threads, and the
//! pipeline that runs the stages on one text.

use crate::analysis::Analysis;
use crate::cache::Cache;
use crate::document::Document;
use crate::frames::Frames;
use crate::lexicon::Topic;
use crate::lexicon::{CompiledTopic, Matcher};
use crate::pool::CachePool;
use crate::sentiment::Sums;
use crate::weights::Weights;
use crate::windows::{self, KEEP, WINDOW};
use crate::{evidence, frames, rules, sentiment, stance};

/// Analyses French texts: sentiment, stance toward the topic's targets, frames, and
/// the evidence for each.
///
/// Building ([`Analyzer::builder`]) compiles every lexicon and the topic into one
/// matcher; after that an `Analyzer` is immutable, `Send + Sync`, and cheap to share by reference or `Arc`.
///
/// ```
/// use avis_fr::{Analyzer, Label};
///
/// let analyzer = Analyzer::default();
/// let analysis = analyzer.analyze("Cet accord est une honte !");
/// assert_eq!(analysis.sentiment.label, Label::Negative);
/// assert!(analysis.evidence.iter().any(|e| e.text == "honte"));
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    /// Tells caches which analyzer filled their word memo (see [`Cache`]).
    pub(crate) id: u64,
    pub(crate) matcher: Matcher,
    pub(crate) topic: Topic,
    pub(crate) index: CompiledTopic,
    pub(crate) weights: Weights,
    /// Where [`analyze`](Self::analyze) and batches take their caches from.
    pub(crate) caches: CachePool,
    /// The normalized terms of the sentiment lines a model added: their evidence
    /// says `source` `model`.
    pub(crate) model_terms: rustc_hash::FxHashSet<String>,
}

impl Analyzer {
    /// The topic this analyzer reads stance and frames against.
    ///
    /// ```
    /// use avis_fr::{Analyzer, Topic};
    ///
    /// assert!(Analyzer::default().topic().targets().is_empty());
    /// let topic = Topic::builtin("consultation-2015")?;
    /// let analyzer = Analyzer::builder().topic(topic).build()?;
    /// assert!(analyzer.topic().target_ids().contains(&"partenariat"));
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn topic(&self) -> &Topic {
        &self.topic
    }

    /// The tuning constants this analyzer weighs with (see [`Weights`]).
    ///
    /// ```
    /// use avis_fr::{Analyzer, Weights};
    ///
    /// assert_eq!(Analyzer::default().weights(), &Weights::default());
    /// ```
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Analyse one text. Any `&str` is valid input; the time is linear in its length.
    ///
    /// The analysis borrows from `text` and from the analyzer (see
    /// [`Analysis::into_owned`] to keep it longer). The scratch memory comes from a
    /// pool inside the analyzer; see [`analyze_with`](Self::analyze_with) to keep
    /// your own.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// let analysis = analyzer.analyze("Bravo pour cette initiative.");
    /// assert!(analysis.sentiment.score > 0.0);
    /// ```
    pub fn analyze<'a>(&'a self, text: &'a str) -> Analysis<'a> {
        let mut cache = self.caches.get();
        self.analyze_with(&mut cache, text)
    }

    /// Analyse one text with the caller's scratch memory (one [`Cache`] per
    /// thread): the same result as [`analyze`](Self::analyze).
    ///
    /// The stages, in order, each wired here and nowhere else: the
    /// [document](crate#the-pipeline) (tokens, matched expressions, sentences and
    /// clauses), the rules' marks (negation scopes, contrast), the sentiment words,
    /// the rules weighing them, the score, frames, stance, then the evidence
    /// assembled from what each returned.
    ///
    /// ```
    /// use avis_fr::{Analyzer, Cache};
    ///
    /// let analyzer = Analyzer::default();
    /// let mut cache = Cache::new();
    /// let analysis = analyzer.analyze_with(&mut cache, "Quelle honte !");
    /// assert_eq!(analysis, analyzer.analyze("Quelle honte !"));
    /// ```
    pub fn analyze_with<'a>(&'a self, cache: &mut Cache, text: &'a str) -> Analysis<'a> {
        self.run(cache, text, Depth::Evidence)
    }

    /// The same analysis as [`analyze_with`](Self::analyze_with) without its
    /// evidence: `evidence` is empty, everything else (sentiment, sentences, stance
    /// with its reasons, frames) is equal. Faster, for a corpus run that keeps only
    /// scores, labels and frames.
    ///
    /// ```
    /// use avis_fr::{Analyzer, Cache};
    ///
    /// let analyzer = Analyzer::default();
    /// let mut cache = Cache::new();
    /// let text = "Quelle honte !";
    /// let lean = analyzer.analyze_without_evidence(&mut cache, text);
    /// assert!(lean.evidence.is_empty());
    /// let full = analyzer.analyze_with(&mut cache, text);
    /// assert_eq!((lean.sentiment, lean.stance), (full.sentiment, full.stance));
    /// ```
    pub fn analyze_without_evidence<'a>(
        &'a self,
        cache: &mut Cache,
        text: &'a str,
    ) -> Analysis<'a> {
        self.run(cache, text, Depth::Explained)
    }

    /// The values of [`analyze_with`](Self::analyze_with) and nothing that explains
    /// them: the sentiment (score, label, shares), each target's stance score and
    /// label, and the frames are equal; `evidence`, `sentences`, each stance's
    /// `because` are empty. The fastest call, for a corpus run that keeps only
    /// values (a data frame's columns): about 6% faster than
    /// [`analyze_without_evidence`](Self::analyze_without_evidence), a fifth less
    /// time than [`analyze_with`](Self::analyze_with) (`cargo bench --bench
    /// analyze`: `scores_only`, `without_evidence`, `full`).
    ///
    /// ```
    /// use avis_fr::{Analyzer, Cache, Topic};
    ///
    /// let topic = Topic::builtin("consultation-2015")?;
    /// let analyzer = Analyzer::builder().topic(topic).build()?;
    /// let mut cache = Cache::new();
    /// let text = "Le logiciel libre, quelle bonne idée, mais pas une obligation.";
    /// let scores = analyzer.analyze_scores(&mut cache, text);
    /// let full = analyzer.analyze_with(&mut cache, text);
    /// assert_eq!(scores.sentiment, full.sentiment);
    /// assert_eq!(scores.frames, full.frames);
    /// for (id, stance) in &full.stance {
    ///     assert_eq!(scores.stance[id].score, stance.score);
    ///     assert!(scores.stance[id].because.is_empty());
    /// }
    /// assert!(scores.evidence.is_empty() && scores.sentences.is_empty());
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn analyze_scores<'a>(&'a self, cache: &mut Cache, text: &'a str) -> Analysis<'a> {
        self.run(cache, text, Depth::Scores)
    }

    /// The stages on one text, as deep as `depth`.
    fn run<'a>(&'a self, cache: &mut Cache, text: &'a str, depth: Depth) -> Analysis<'a> {
        if text.len() > WINDOW {
            return self.run_windows(cache, text, depth);
        }
        let explain = depth != Depth::Scores;
        cache.prepare_for(self.id);
        let mut doc = Document::read_with(text, &self.matcher, &mut cache.document, explain);
        let weights = &self.weights;
        let marks = rules::mark(&doc, weights, &mut cache.marks);
        let mut words = sentiment::feelings(&doc, explain, &mut cache.sentiment);
        rules::weigh(&doc, marks, weights, &mut words);
        let mut scored = sentiment::score(&doc, words, &weights.sentiment, explain);
        let frames = frames::find(&doc, &self.index, &mut cache.frames);
        let stance = stance::assess(
            &doc,
            marks,
            &scored,
            frames,
            &self.index,
            &weights.stance,
            explain,
            &mut cache.stance,
        );
        let evidence = if depth == Depth::Evidence {
            let mut evidence =
                evidence::assemble(&doc, &mut scored.words, stance.contributions, &self.index);
            if !self.model_terms.is_empty() {
                self.mark_model(&mut evidence);
            }
            evidence
        } else {
            Vec::new()
        };
        // The document's and the weighed words' vectors serve the next text.
        cache.sentiment.keep(scored.words);
        cache.document.keep(&mut doc);
        // Built where it is returned, not in a local that a `memcpy` call copies out.
        Analysis {
            sentiment: scored.sentiment,
            sentences: scored.sentences,
            stance: stance.by_target,
            frames: frames.ids(&self.index),
            evidence,
            truncated: false,
        }
    }

    /// The stages on a text longer than [`WINDOW`], window by window (see
    /// [`crate::windows`] for how the windows' figures combine).
    fn run_windows<'a>(&'a self, cache: &mut Cache, text: &'a str, depth: Depth) -> Analysis<'a> {
        let explain = depth != Depth::Scores;
        let weights = &self.weights;
        let mut sums = Sums::default();
        let mut stance = stance::Windowed::new(&self.index, explain);
        let mut raised = vec![false; self.index.frames.len()];
        let (mut sentences, mut evidence, mut truncated) = (Vec::new(), Vec::new(), false);
        let mut start = 0;
        while start < text.len() {
            let end = windows::cut(text, start);
            let part = &text[start..end];
            cache.prepare_for(self.id);
            let mut doc = Document::read_with(part, &self.matcher, &mut cache.document, explain);
            let marks = rules::mark(&doc, weights, &mut cache.marks);
            let mut words = sentiment::feelings(&doc, explain, &mut cache.sentiment);
            rules::weigh(&doc, marks, weights, &mut words);
            sums.add(&doc, &words);
            if explain {
                let scored = sentiment::sentences(&doc, &words, &weights.sentiment);
                truncated |= windows::keep(
                    &mut sentences,
                    scored.into_iter().map(|mut s| {
                        s.start += start;
                        s.end += start;
                        s
                    }),
                );
            }
            let found = frames::find(&doc, &self.index, &mut cache.frames);
            for (all, this) in raised.iter_mut().zip(found.raised) {
                *all |= this;
            }
            let contributions = stance.add(&doc, marks, &words, &weights.stance, KEEP);
            if depth == Depth::Evidence {
                let mut items = evidence::assemble(&doc, &mut words, contributions, &self.index);
                self.mark_model(&mut items);
                truncated |= windows::keep(
                    &mut evidence,
                    items.into_iter().map(|mut e| {
                        e.start += start;
                        e.end += start;
                        e
                    }),
                );
            }
            cache.sentiment.keep(words);
            cache.document.keep(&mut doc);
            start = end;
        }
        truncated |= stance.truncated();
        let sentiment = sums.sentiment(&weights.sentiment);
        let frames = Frames { raised: &raised };
        Analysis {
            stance: stance.finish(frames, sentiment.score, &self.index, &weights.stance),
            sentiment,
            sentences,
            frames: frames.ids(&self.index),
            evidence,
            truncated,
        }
    }
}

impl Analyzer {
    /// Say which evidence a model's line gave.
    pub(crate) fn mark_model(&self, evidence: &mut [crate::analysis::Evidence<'_>]) {
        for e in evidence {
            if e.role == crate::analysis::Role::Sentiment
                && self
                    .model_terms
                    .contains(crate::normalize::normalize(&e.entry).as_ref())
            {
                e.source = Some(crate::analysis::Source::Model);
            }
        }
    }
}

/// How much of an analysis to work out beyond its values.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Everything, evidence included.
    Evidence,
    /// The reasons, rules and sentences, not the evidence.
    Explained,
    /// The values alone.
    Scores,
}

#[cfg(test)]
mod tests;
