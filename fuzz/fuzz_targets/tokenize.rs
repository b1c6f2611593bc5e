//! `avis_fr::tokenize` and `avis_fr::sentences` on any text: the contracts documented
//! on them hold (see `tests/common/invariants.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    avis_fr_fuzz::check_tokens(&text);
    avis_fr_fuzz::check_sentences(&text);
});
