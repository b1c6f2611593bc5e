//! The scratch memory of an analysis: each stage's cache, composed into one.

use crate::document::DocumentCache;
use crate::frames::FramesCache;
use crate::rules::Marks;
use crate::sentiment::SentimentCache;
use crate::stance::StanceCache;

/// The memory one thread needs to analyse comments, kept from one comment to the
/// next: the word memo (what each distinct word it has seen matches) and every
/// stage's working vectors. Reusing it makes an analysis allocate only what it
/// returns.
///
/// [`Analyzer::analyze`](crate::Analyzer::analyze) and batches
/// ([`Analyzer::batch`](crate::Analyzer::batch)) take one from the analyzer's
/// [`CachePool`](crate::CachePool) (one per core; a thread never waits for
/// another). A caller that runs its own threads can keep one per thread, or hold
/// one of the pool's, and call
/// [`Analyzer::analyze_with`](crate::Analyzer::analyze_with). A cache never changes
/// a result: used with another analyzer, it forgets what it knew of the first.
///
/// ```
/// use avis_fr::{Analyzer, Cache};
///
/// let analyzer = Analyzer::default();
/// let mut cache = Cache::new();
/// let texts = ["Une honte.", "Bravo !"];
/// let scores: Vec<f64> = texts
///     .iter()
///     .map(|text| analyzer.analyze_with(&mut cache, text).sentiment.score)
///     .collect();
/// assert_eq!(scores[0], analyzer.analyze("Une honte.").sentiment.score);
/// ```
#[derive(Debug, Default)]
pub struct Cache {
    /// The analyzer whose words the memo holds (see [`Cache::prepare_for`]).
    analyzer: u64,
    pub(crate) document: DocumentCache,
    pub(crate) marks: Marks,
    pub(crate) sentiment: SentimentCache,
    pub(crate) frames: FramesCache,
    pub(crate) stance: StanceCache,
}

impl Cache {
    /// An empty cache.
    pub fn new() -> Cache {
        Cache::default()
    }

    /// Ready the cache for analyzer `id`: its word memo belongs to the analyzer it
    /// was filled by, and is forgotten when another one uses it.
    pub(crate) fn prepare_for(&mut self, id: u64) {
        if self.analyzer != id {
            self.document.forget_words();
            self.analyzer = id;
        }
    }
}
