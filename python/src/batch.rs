//! Many texts over several threads, results in input order.
//!
//! Runs without the GIL: it sees only Rust strings, never Python objects.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

use avis_fr::Cache;

use crate::texts::Texts;

/// At most this many threads per batch, whatever is asked: more than the cores
/// only adds switching, and thousands could exhaust the process's threads.
const MAX_THREADS: usize = 256;

/// How many threads to use: the caller's number, else one per core.
pub fn thread_count(threads: Option<usize>) -> usize {
    match threads {
        Some(n) => n.clamp(1, MAX_THREADS),
        None => thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Caches kept between batches: each holds the word memo of the texts it has seen
/// (what each distinct word matches), which makes the next batch faster. A worker
/// takes one for the whole batch and gives it back.
#[derive(Default)]
pub struct Caches(Mutex<Vec<Cache>>);

impl Caches {
    pub fn take(&self) -> Cache {
        // A poisoned lock only means a worker panicked while pushing: the caches
        // themselves are whole (and a cache never changes a result).
        let mut caches = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        caches.pop().unwrap_or_default()
    }

    pub fn give_back(&self, cache: Cache) {
        let mut caches = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        caches.push(cache);
    }
}

/// `work(cache, text)` for every text that is `Some`, spread over `threads` threads
/// (each with a cache from `caches`); `None` for the texts that are `None`.
///
/// Threads take small runs of consecutive texts from a shared counter, so that a
/// few long texts do not leave the other threads idle; the runs are put back in
/// input order at the end.
///
/// # Errors
/// When a worker thread panicked (the library never does on any `&str`; this keeps
/// a bug from crossing into Python as an abort).
pub fn run<T, F>(
    caches: &Caches,
    texts: &Texts,
    threads: usize,
    work: F,
) -> Result<Vec<Option<T>>, String>
where
    T: Send,
    F: Fn(&mut Cache, &str) -> T + Sync,
{
    let threads = threads.min(texts.len()).max(1);
    if threads == 1 {
        let mut cache = caches.take();
        let done = texts
            .iter()
            .map(|text| text.map(|t| work(&mut cache, t)))
            .collect();
        caches.give_back(cache);
        return Ok(done);
    }
    // About eight runs per thread, at most 256 texts each.
    let run_len = (texts.len() / (threads * 8)).clamp(1, 256);
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut cache = caches.take();
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(run_len, Ordering::Relaxed);
            if start >= texts.len() {
                caches.give_back(cache);
                return done;
            }
            let end = (start + run_len).min(texts.len());
            for i in start..end {
                if let Some(text) = texts.get(i) {
                    done.push((i, work(&mut cache, text)));
                }
            }
        }
    };
    let parts = thread::scope(|scope| {
        // A thread the system refuses is an error, not a panic: the threads
        // already started finish the batch between them.
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            match thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(handle) => handles.push(handle),
                Err(_) if !handles.is_empty() => break,
                Err(e) => return Err(format!("cannot start an analysis thread: {e}")),
            }
        }
        handles
            .into_iter()
            .map(|handle| handle.join())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| "internal error: an analysis thread panicked".to_string())
    })?;
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(texts.len()).collect();
    for (i, value) in parts.into_iter().flatten() {
        results[i] = Some(value);
    }
    Ok(results)
}
