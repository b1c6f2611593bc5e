//! The memo's table of short texts: [`ShortKey`] to [`WordId`], open addressing.
//!
//! A `HashMap` lookup probes a group of sixteen control bytes, then compares the
//! key: about thirty instructions a token, a twentieth of the analysis
//! (callgrind). Here a lookup hashes the key (the same seeded hash), reads one slot
//! and compares: the table is at most half full, so the first slot is nearly
//! always the key's, or empty.

use std::hash::BuildHasher;

use super::{ShortKey, WordId};

/// No text is empty: the key of the empty text marks a free slot.
const FREE: ShortKey = ShortKey([0, 0]);

/// Short keys to word ids; never more than half full.
#[derive(Debug, Default)]
pub(super) struct ShortTable {
    /// A power of two of slots, or none.
    slots: Vec<(ShortKey, WordId)>,
    len: usize,
    /// Seeded per process, as the maps' (see [`super::Lookup`]).
    hasher: foldhash::fast::RandomState,
}

impl ShortTable {
    /// The id of `key`, if it is in the table.
    #[inline(always)]
    pub(super) fn get(&self, key: ShortKey) -> Option<WordId> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.hasher.hash_one(key) as usize & mask;
        loop {
            let &(found, id) = self.slots.get(i)?;
            if found == key {
                return Some(id);
            }
            if found == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Map `key` (not empty) to `id`, in place of what it mapped to, as
    /// `HashMap::insert` does.
    pub(super) fn insert(&mut self, key: ShortKey, id: WordId) {
        debug_assert!(key != FREE);
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        if self.place(key, id) {
            self.len += 1;
        }
    }

    /// Put `key` in its slot, or its first free one: whether it was not there.
    fn place(&mut self, key: ShortKey, id: WordId) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.hasher.hash_one(key) as usize & mask;
        while self.slots[i].0 != FREE && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        let new = self.slots[i].0 == FREE;
        self.slots[i] = (key, id);
        new
    }

    /// Twice the slots (a thousand at first), every key placed again.
    #[cold]
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![(FREE, WordId(0)); size]);
        for (key, id) in old.into_iter().filter(|(key, _)| *key != FREE) {
            self.place(key, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_after_growing() {
        let mut table = ShortTable::default();
        let keys: Vec<ShortKey> = (0..5000)
            .map(|n| ShortKey::new(&format!("mot{n}"), n % 2 == 0).expect("short"))
            .collect();
        assert_eq!(table.get(keys[0]), None);
        for (n, &key) in keys.iter().enumerate() {
            table.insert(key, WordId(n as u32));
        }
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(WordId(n as u32)));
        }
        assert_eq!(
            table.get(ShortKey::new("absent", true).expect("short")),
            None
        );
        // A key added again maps to its new id, as in a `HashMap`.
        table.insert(keys[7], WordId(1));
        assert_eq!(table.get(keys[7]), Some(WordId(1)));
        assert_eq!(table.len, keys.len());
        assert!(table.slots.len() >= 2 * keys.len());
    }
}
