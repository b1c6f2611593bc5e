//! A pool of caches: the scratch memory of the threads that analyse at once with
//! one analyzer.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread;

use crate::cache::Cache;

/// Caches for the threads that analyse at once with one analyzer, one per core.
///
/// Every [`Analyzer`](crate::Analyzer) has its own
/// ([`Analyzer::caches`](crate::Analyzer::caches)); a program may hold more.
///
/// # Why a pool
///
/// An analysis needs a [`Cache`]: mutable scratch memory, and the word memo that
/// makes every later occurrence of a word cost one lookup. An [`Analyzer`](crate::Analyzer) is
/// shared by every thread, so the question is where each thread gets a cache.
/// The ways, and why the library takes the pool:
///
/// 1. a new cache per call: correct, and the slowest (every word of every comment
///    looked up from scratch, every vector allocated again);
/// 2. one cache behind a `Mutex`: one analysis at a time;
/// 3. a `thread_local!`: one cache per thread *and per analyzer*, which a
///    thread-local cannot hold for analyzers built at run time;
/// 4. the caller keeps one per thread and passes it
///    ([`Analyzer::analyze_with`](crate::Analyzer::analyze_with)): the fastest, when the caller runs its own
///    threads;
/// 5. a pool: [`Analyzer::analyze`](crate::Analyzer::analyze) takes a cache from its analyzer's pool and
///    gives it back, and a [`Batch`](crate::Batch) gives one to each of its threads.
///
/// The pool holds one cache per core, so its memory is bounded. A thread never
/// waits for another: when every cache is taken (more threads than cores), it gets
/// a fresh one, dropped after use.
///
/// ```
/// use avis_fr::{Analyzer, CachePool};
///
/// let analyzer = Analyzer::default();
/// let pool = CachePool::new();
/// let mut cache = pool.get();
/// let analysis = analyzer.analyze_with(&mut cache, "Quelle honte !");
/// assert_eq!(analysis, analyzer.analyze("Quelle honte !"));
/// ```
pub struct CachePool(Box<[Mutex<Cache>]>);

impl CachePool {
    /// A pool of one cache per core.
    ///
    /// ```
    /// assert!(avis_fr::CachePool::new().size() >= 1);
    /// ```
    pub fn new() -> CachePool {
        CachePool::with_size(default_threads())
    }

    /// A pool of `size` caches (at least one).
    ///
    /// ```
    /// assert_eq!(avis_fr::CachePool::with_size(0).size(), 1);
    /// ```
    pub fn with_size(size: usize) -> CachePool {
        CachePool((0..size.max(1)).map(|_| Mutex::default()).collect())
    }

    /// How many caches the pool keeps.
    ///
    /// ```
    /// assert_eq!(avis_fr::CachePool::with_size(3).size(), 3);
    /// ```
    pub fn size(&self) -> usize {
        self.0.len()
    }

    /// A cache no other thread holds, given back when the guard is dropped; a fresh
    /// one, dropped with the guard, when every cache of the pool is held.
    ///
    /// ```
    /// let pool = avis_fr::CachePool::with_size(1);
    /// let first = pool.get();
    /// let second = pool.get(); // the pool's one cache is held: a fresh one
    /// assert!(first.is_pooled() && !second.is_pooled());
    /// ```
    pub fn get(&self) -> PooledCache<'_> {
        for slot in self.0.iter() {
            match slot.try_lock() {
                Ok(guard) => return PooledCache(CacheSource::Pooled(guard)),
                // A panic elsewhere may have left the cache half-updated: start over
                // (a cache never changes a result, an empty one is always right).
                Err(TryLockError::Poisoned(poisoned)) => {
                    let mut guard = poisoned.into_inner();
                    *guard = Cache::default();
                    return PooledCache(CacheSource::Pooled(guard));
                }
                Err(TryLockError::WouldBlock) => continue,
            }
        }
        PooledCache(CacheSource::Fresh(Box::default()))
    }
}

impl Default for CachePool {
    fn default() -> Self {
        CachePool::new()
    }
}

impl Clone for CachePool {
    /// A pool of the same size with fresh caches: a pool is memory, not state.
    fn clone(&self) -> Self {
        CachePool::with_size(self.size())
    }
}

impl std::fmt::Debug for CachePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachePool")
            .field("size", &self.size())
            .finish()
    }
}

/// A cache taken from a [`CachePool`] ([`CachePool::get`]), given back when
/// dropped; use it as a `&mut Cache`.
///
/// ```
/// let analyzer = avis_fr::Analyzer::default();
/// let mut cache = analyzer.caches().get();
/// assert!(analyzer.analyze_with(&mut cache, "Bravo !").sentiment.score > 0.0);
/// ```
pub struct PooledCache<'p>(CacheSource<'p>);

enum CacheSource<'p> {
    Pooled(MutexGuard<'p, Cache>),
    Fresh(Box<Cache>),
}

impl PooledCache<'_> {
    /// Whether the cache is one of the pool's (kept for the next caller), not a
    /// fresh one made because every cache was held.
    ///
    /// ```
    /// assert!(avis_fr::CachePool::new().get().is_pooled());
    /// ```
    pub fn is_pooled(&self) -> bool {
        matches!(self.0, CacheSource::Pooled(_))
    }
}

impl Deref for PooledCache<'_> {
    type Target = Cache;
    fn deref(&self) -> &Cache {
        match &self.0 {
            CacheSource::Pooled(guard) => guard,
            CacheSource::Fresh(cache) => cache,
        }
    }
}

impl DerefMut for PooledCache<'_> {
    fn deref_mut(&mut self) -> &mut Cache {
        match &mut self.0 {
            CacheSource::Pooled(guard) => guard,
            CacheSource::Fresh(cache) => cache,
        }
    }
}

impl std::fmt::Debug for PooledCache<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PooledCache")
            .field("pooled", &self.is_pooled())
            .finish()
    }
}

/// One thread per core (1 where the system does not say).
pub(crate) fn default_threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_pool_gives_a_fresh_cache() {
        let pool = CachePool::with_size(2);
        let held: Vec<PooledCache<'_>> = (0..2).map(|_| pool.get()).collect();
        assert!(held.iter().all(PooledCache::is_pooled));
        assert!(!pool.get().is_pooled());
        drop(held);
        assert!(pool.get().is_pooled());
    }
}
