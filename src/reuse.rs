//! Memory kept from one comment to the next: vectors of borrowed values recycled
//! for another lifetime, and a pool of caches, one per thread analysing at once.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, TryLockError};

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
    fn a_recycled_vector_keeps_its_allocation() {
        let text = String::from("a b");
        let words: Vec<&str> = text.split(' ').collect();
        let (pointer, capacity) = (words.as_ptr() as usize, words.capacity());
        let again: Vec<&'static str> = recycle(words);
        assert!(again.is_empty());
        assert_eq!(
            (again.as_ptr() as usize, again.capacity()),
            (pointer, capacity)
        );
    }
}
