//! The command line's CSV reader (delimiter detection, encodings, quoted fields,
//! CRLF, `--max-record-bytes`) on any bytes (first byte even, which also picks the
//! options) or on a generated CSV (odd) that must read back as its rows: see
//! `fuzz/src/csv_input.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        avis_fr_fuzz::csv_input::raw(mode, rest);
    } else {
        avis_fr_fuzz::csv_input::generated(rest);
    }
});
