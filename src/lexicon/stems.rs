//! Snowball French stems, remembered per thread.
//!
//! Stemming is the dearest step of matching a word (a Snowball run is a few hundred
//! nanoseconds) and words repeat: a thousand comments of a consultation use a few
//! thousand distinct words. Each thread keeps the stems it has computed, keyed by the
//! normalized word, so a word is stemmed once per thread rather than once per
//! occurrence. The stem of a word depends on nothing else, so the memo is shared by
//! every analyzer of the thread and cannot change a result. It is bounded: past
//! [`CAPACITY`] words it starts over, which keeps memory flat on endless input.

use std::cell::RefCell;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::fold;

/// Distinct words a thread remembers (about 3 MB) before starting over.
const CAPACITY: usize = 50_000;

thread_local! {
    static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
}

/// The folded Snowball stem of `norm` (a normalized word), computed afresh.
pub(super) fn stem(stemmer: &Stemmer, norm: &str) -> String {
    fold(&stemmer.stem(norm)).into_owned()
}

/// Append the folded stem of `norm` to `out`, from the thread's memo when it has it.
pub(super) fn stem_into(stemmer: &Stemmer, norm: &str, out: &mut String) {
    STEMS.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(stem) = memo.get(norm) {
            out.push_str(stem);
            return;
        }
        let computed = stem(stemmer, norm);
        out.push_str(&computed);
        if memo.len() >= CAPACITY {
            memo.clear();
        }
        memo.insert(norm.into(), computed.into_boxed_str());
    });
}

#[cfg(test)]
mod tests {
    use rust_stemmers::Algorithm;

    use super::*;

    #[test]
    fn remembered_stems_are_the_computed_ones() {
        let stemmer = Stemmer::create(Algorithm::French);
        for word in ["scandaleuse", "logiciels", "impôts", "scandaleuse", "a"] {
            let mut out = String::from("x");
            stem_into(&stemmer, word, &mut out);
            assert_eq!(out, format!("x{}", stem(&stemmer, word)));
        }
    }
}
