//! `Model::load` on a model directory (`model.toml`, `lexicon.tsv`, `weights.toml`)
//! written from any bytes (first byte even: the files split at `\0`) or generated
//! mostly valid (odd). Bad files are an error of the right kind naming the file
//! (and the line, for a parse error), never a panic; a model that loads builds an
//! analyzer that analyses its own terms validly. See `fuzz/src/model_dir.rs`.
#![no_main]

use arbitrary::Unstructured;
use avis_fr_fuzz::model_dir;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let files = if mode % 2 == 0 {
        model_dir::raw(rest)
    } else {
        match model_dir::generated(&mut Unstructured::new(rest)) {
            Ok(files) => files,
            Err(_) => return,
        }
    };
    model_dir::check(files);
});
