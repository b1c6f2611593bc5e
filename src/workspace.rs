//! The working memory of an analyzer, one per thread analysing at the same time.
//!
//! Analysing a comment needs a handful of vectors (its tokens, their word ids, the
//! matched expressions, what the rules know of each token) and the word memo (see
//! [`crate::lexicon`]). Allocating them afresh for every comment cost about a fifth
//! of the analysis: the memory came back cold from the allocator. A workspace keeps
//! them, emptied, from one comment to the next.
//!
//! Each analyzer holds one workspace per core in a [`Pool`]. A thread takes one that
//! no other thread holds, never waits for one (a fresh workspace if all are busy), and
//! gives it back when its comment is done. None of it ever changes a result.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, TryLockError};

use crate::lexicon::{Hit, WordId, Words};
use crate::rules::LayoutBuffers;
use crate::sentiment::Scored;
use crate::stance::StanceBuffers;
use crate::Token;

/// Tokens' worth of capacity a workspace keeps after a long document (about 2.5 MB
/// of buffers): longer documents still work, their buffers are freed afterwards.
const KEPT_TOKENS: usize = 1 << 16;

/// What one thread needs to analyse one comment.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    pub(crate) words: Words,
    /// Always empty between documents; see [`Workspace::tokens`].
    tokens: Vec<Token<'static>>,
    pub(crate) ids: Vec<WordId>,
    pub(crate) hits: Vec<Hit>,
    pub(crate) nested: Vec<Hit>,
    pub(crate) layout: LayoutBuffers,
    pub(crate) stance: StanceBuffers,
    /// Always empty between documents; see [`Workspace::items`].
    items: Vec<Scored<'static>>,
}

impl Workspace {
    /// An empty token vector on the kept allocation.
    pub(crate) fn tokens<'a>(&mut self) -> Vec<Token<'a>> {
        recycle(std::mem::take(&mut self.tokens))
    }

    /// An empty vector of scored words on the kept allocation.
    pub(crate) fn items<'a>(&mut self) -> Vec<Scored<'a>> {
        recycle(std::mem::take(&mut self.items))
    }

    /// Keep the buffers of a finished document for the next, unless it was so long
    /// that they would hold on to a lot of memory; start the word memo over when it
    /// is full, so that memory stays flat on endless input.
    pub(crate) fn finish(&mut self, tokens: Vec<Token<'_>>, items: Vec<Scored<'_>>) {
        self.tokens = recycle(tokens);
        self.items = recycle(items);
        if self.tokens.capacity() > KEPT_TOKENS {
            *self = Workspace {
                words: std::mem::take(&mut self.words),
                ..Workspace::default()
            };
        }
        if self.words.len() >= Words::CAPACITY {
            self.words = Words::default();
        }
        self.ids.clear();
        self.hits.clear();
        self.nested.clear();
    }
}

/// An emptied vector as a vector of `U`, on the same allocation when `U` has the
/// layout of `T` (here: the same type, borrowing for another lifetime), so that
/// vectors of borrowed values can be kept between documents. Collecting a vector's
/// own iterator into a type of the same size and alignment reuses its buffer, and
/// an empty one yields nothing to convert.
// `filter_map` and not `filter`: the closure must name a value of the new type.
#[allow(clippy::unnecessary_filter_map)]
pub(crate) fn recycle<T, U>(mut values: Vec<T>) -> Vec<U> {
    values.clear();
    values.into_iter().filter_map(|_| None).collect()
}

/// Values of `T`, one per core, each used by one thread at a time.
pub(crate) struct Pool<T>(Box<[Mutex<T>]>);

impl<T: Default> Default for Pool<T> {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(4, |n| n.get());
        Pool((0..threads).map(|_| Mutex::default()).collect())
    }
}

impl<T: Default> Clone for Pool<T> {
    /// A clone starts with fresh values: a pool is a cache, not state.
    fn clone(&self) -> Self {
        Pool::default()
    }
}

impl<T> std::fmt::Debug for Pool<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("size", &self.0.len()).finish()
    }
}

impl<T: Default> Pool<T> {
    /// A value no other thread holds; a fresh one if every value is held (more
    /// threads than cores), so that a thread never waits for another.
    pub(crate) fn take(&self) -> Lease<'_, T> {
        for slot in self.0.iter() {
            match slot.try_lock() {
                Ok(guard) => return Lease::Shared(guard),
                // A panic elsewhere may have left the value half-updated: start over.
                Err(TryLockError::Poisoned(poisoned)) => {
                    let mut guard = poisoned.into_inner();
                    *guard = T::default();
                    return Lease::Shared(guard);
                }
                Err(TryLockError::WouldBlock) => continue,
            }
        }
        Lease::Own(T::default())
    }
}

/// A value taken from a [`Pool`], given back when dropped.
pub(crate) enum Lease<'p, T> {
    Shared(MutexGuard<'p, T>),
    Own(T),
}

impl<T> Deref for Lease<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Lease::Shared(guard) => guard,
            Lease::Own(value) => value,
        }
    }
}

impl<T> DerefMut for Lease<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        match self {
            Lease::Shared(guard) => guard,
            Lease::Own(value) => value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_pools_give_a_fresh_value() {
        let pool: Pool<Vec<u8>> = Pool::default();
        let held: Vec<Lease<'_, Vec<u8>>> = (0..pool.0.len()).map(|_| pool.take()).collect();
        assert!(held.iter().all(|m| matches!(m, Lease::Shared(_))));
        assert!(matches!(pool.take(), Lease::Own(_)));
    }

    #[test]
    fn token_buffers_are_recycled_not_reallocated() {
        let mut space = Workspace::default();
        let mut tokens = space.tokens();
        let text = String::from("Un texte de quelques mots.");
        tokens.extend(crate::tokenize(&text));
        let (pointer, capacity) = (tokens.as_ptr() as usize, tokens.capacity());
        space.finish(tokens, Vec::new());
        let again = space.tokens();
        assert!(again.is_empty());
        assert_eq!(
            (again.as_ptr() as usize, again.capacity()),
            (pointer, capacity)
        );
    }

    #[test]
    fn buffers_of_a_very_long_document_are_freed() {
        let mut space = Workspace::default();
        let mut tokens = space.tokens();
        tokens.reserve(KEPT_TOKENS + 1);
        space.finish(tokens, Vec::new());
        assert_eq!(space.tokens().capacity(), 0);
    }
}
