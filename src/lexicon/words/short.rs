//! The memo's short texts: their keys ([`ShortKey`]), and the table from keys to
//! [`WordId`]s, open addressing.
//!
//! A `HashMap` lookup probes a group of sixteen control bytes, then compares the
//! key: about thirty instructions a token, a twentieth of the analysis
//! (callgrind). Here a lookup hashes the key (the same seeded hash), reads one slot
//! and compares: the table is at most half full, so the first slot is nearly
//! always the key's, or empty.

use std::hash::BuildHasher;

use super::WordId;

/// A token text of at most 15 bytes, and whether it is a word, as a key of 16
/// bytes: its bytes zero-padded, the length and the word bit in the last byte (a
/// text of 15 bytes leaves that byte free). Hashed as one 128-bit number (one
/// multiply: three numbers took two), compared without a call; a bucket of 24
/// bytes (32 with a separate length) keeps more of the memo in cache. Most French
/// words fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ShortKey([u64; 2]);

impl std::hash::Hash for ShortKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u128(u128::from(self.0[0]) | u128::from(self.0[1]) << 64);
    }
}

impl ShortKey {
    /// The key of `text`, copied byte by byte: for a text near the end of its
    /// input (see [`ShortKey::within`]) and for words learnt.
    pub(super) fn new(text: &str, is_word: bool) -> Option<ShortKey> {
        ShortKey::copied(text.as_bytes(), is_word)
    }

    /// [`ShortKey::new`] of a text's bytes.
    fn copied(bytes: &[u8], is_word: bool) -> Option<ShortKey> {
        if bytes.len() > 15 {
            return None;
        }
        let mut padded = [0; 16];
        padded[..bytes.len()].copy_from_slice(bytes);
        let padded = u128::from_le_bytes(padded);
        Some(ShortKey::tagged(
            padded as u64,
            (padded >> 64) as u64,
            bytes.len(),
            is_word,
        ))
    }

    /// The key of the `len` bytes of `input` from `start`, the same as
    /// [`ShortKey::new`]'s: read as one 16-byte load and masked, with no branch
    /// on the length. The keys were built from the text alone, by cases of length
    /// (1 to 3, 4 to 7, 8 to 15 bytes); that choice mispredicted at about one token
    /// in twelve, a tenth of all the analysis's mispredictions (callgrind
    /// `--branch-sim`). A text within 16 bytes of the end of its input is copied.
    #[inline(always)]
    pub(super) fn within(
        input: &[u8],
        start: usize,
        len: usize,
        is_word: bool,
    ) -> Option<ShortKey> {
        if len > 15 {
            return None;
        }
        match input.get(start..).and_then(<[u8]>::first_chunk::<16>) {
            Some(&wide) => {
                let wide = u128::from_le_bytes(wide);
                // A table, not a shift by the length: a 128-bit shift by a variable
                // amount is a dozen instructions.
                let [keep_head, keep_tail] = KEEP[len];
                Some(ShortKey::tagged(
                    wide as u64 & keep_head,
                    (wide >> 64) as u64 & keep_tail,
                    len,
                    is_word,
                ))
            }
            None => ShortKey::copied(&input[start..start + len], is_word),
        }
    }

    /// The key of bytes zero-padded past `len`, tagged with the length and word bit.
    #[inline(always)]
    fn tagged(head: u64, tail: u64, len: usize, is_word: bool) -> ShortKey {
        let tag = ((len as u64) << 1 | u64::from(is_word)) << 56;
        ShortKey([head, tail | tag])
    }
}

/// For each length up to 15, the masks that keep that many bytes of two
/// little-endian words.
static KEEP: [[u64; 2]; 16] = {
    let mut masks = [[0; 2]; 16];
    let mut len = 0;
    while len < 16 {
        masks[len] = if len < 8 {
            [(1 << (8 * len)) - 1, 0]
        } else {
            [u64::MAX, (1 << (8 * (len - 8))) - 1]
        };
        len += 1;
    }
    masks
};

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
    fn short_keys_tell_every_byte_apart() {
        for len in 0..=17 {
            let text: String = "abcdefghijklmnopq".chars().take(len).collect();
            let key = ShortKey::new(&text, true);
            assert_eq!(key.is_some(), len <= 15, "{text}");
            assert_eq!(key, ShortKey::new(&text.clone(), true));
            if len > 15 {
                continue;
            }
            assert_ne!(key, ShortKey::new(&text, false), "word or not: {text}");
            for at in 0..len {
                let mut changed = text.clone().into_bytes();
                changed[at] = b'z';
                let changed = String::from_utf8(changed).unwrap_or_default();
                assert_ne!(key, ShortKey::new(&changed, true), "{text} / {changed}");
            }
            let longer = format!("{text}a");
            if len < 15 {
                assert_ne!(key, ShortKey::new(&longer, true), "{text} / {longer}");
            }
        }
    }

    #[test]
    fn short_keys_read_in_place_are_the_copied_ones() {
        let input = "Une honte, vraiment : anticonstitutionnellement (sic) é!";
        for start in 0..input.len() {
            for end in start..=input.len() {
                let Some(text) = input.get(start..end) else {
                    continue;
                };
                for is_word in [false, true] {
                    assert_eq!(
                        ShortKey::within(input.as_bytes(), start, end - start, is_word),
                        ShortKey::new(text, is_word),
                        "{text:?} at {start}"
                    );
                }
            }
        }
    }

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
