//! A batch on several threads that starts before all its texts are read.
//!
//! Reading a `str` out of Python (its UTF-8) needs the GIL, so it happens on the
//! calling thread. With several threads, the workers analyse the texts already
//! read meanwhile, a run of [`RUN`] at a time, instead of waiting for the whole
//! batch: the reading is about a seventh of the work, which would otherwise be a
//! serial seventh before the parallel part.
//!
//! The results go to a [`Sink`] once the workers have ended, not as each run is
//! done. Taking the runs while it still reads (to build Python objects out of
//! them meanwhile) made the calling thread slower to feed the workers, and the
//! whole batch slower, for `analyze_many` and `analyze_columns` alike (measured
//! on two cores); waking it for each run after the reading would take a core
//! from a worker each time.

use std::sync::{mpsc, Mutex};
use std::thread;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

use crate::batch::Caches;
use crate::convert::iterate;
use crate::texts::Texts;

/// Texts per message to the workers.
const RUN: usize = 64;

/// What a batch gives, on the thread that holds the GIL.
pub trait Sink<'py, T> {
    /// The next item's string as it is read (`None` for a skipped item). Not
    /// kept unless the sink keeps it.
    fn string(&mut self, _string: Option<&Bound<'py, PyString>>) {}

    /// The results of the next items, in input order (`None` for a skipped one).
    ///
    /// # Errors
    /// An error of Python's (out of memory): the batch raises it.
    fn results(&mut self, results: Vec<Option<T>>) -> PyResult<()>;
}

/// A run of texts for the workers: the index of its first, the texts, and an
/// empty vector for their results; the same back from a worker, the vector
/// filled. The calling thread allocates the vector and frees it, as it does the
/// texts: a batch's memory goes back to the allocator arena it came from, not
/// into each worker's.
type Run<T> = (usize, Texts, Vec<Option<T>>);

/// `work(cache, text)` of every item of `texts` (an iterable of `str`) on
/// `threads` worker threads, given to `sink` in input order; an item that is not
/// a string is skipped (`None`) with `skip_invalid`.
///
/// # Errors
/// An item that is not a string (without `skip_invalid`), an error raised by the
/// iterable or by the sink, or a thread that could not start or panicked.
pub fn run_reading<'py, T, F>(
    py: Python<'py>,
    caches: &Caches,
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
    threads: usize,
    work: F,
    sink: &mut impl Sink<'py, T>,
) -> PyResult<()>
where
    T: Send,
    F: Fn(&mut avis_fr::Cache, &str) -> T + Sync,
{
    let items = iterate(texts)?;
    let (sender, receiver) = mpsc::channel::<Run<T>>();
    let receiver = Mutex::new(receiver);
    let (receiver, work) = (&receiver, &work);
    // The sender moves into the scope: however it ends, the workers' queue closes.
    thread::scope(move |scope| {
        let worker = || {
            let mut cache = caches.take();
            let mut done = Vec::new();
            loop {
                // A worker holds the lock while it waits for a run (the others wait
                // for the lock), and only then: the guard is dropped at the end of
                // this statement, before the run is analysed. (In a `while let`
                // condition it would live through the loop body and make the workers
                // take turns.)
                let next = receiver
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .recv();
                let Ok((start, run, mut results)) = next else {
                    break;
                };
                results.extend(run.iter().map(|t| t.map(|t| work(&mut cache, t))));
                // The texts too: back to the thread that holds the GIL, to be
                // dropped there.
                done.push((start, run, results));
            }
            caches.give_back(cache);
            done
        };
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            match thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(handle) => handles.push(handle),
                Err(_) if !handles.is_empty() => break,
                Err(e) => {
                    return Err(PyRuntimeError::new_err(format!(
                        "cannot start an analysis thread: {e}"
                    )))
                }
            }
        }
        let read = read_into(&items, skip_invalid, &sender, sink);
        // No more texts: the workers finish what they were sent, then stop.
        drop(sender);
        let joined: Vec<_> =
            py.allow_threads(move || handles.into_iter().map(|h| h.join()).collect());
        let count = read?;
        let mut runs = Vec::new();
        for done in joined {
            runs.extend(done.map_err(|_| {
                PyRuntimeError::new_err("internal error: an analysis thread panicked")
            })?);
        }
        in_order(runs, count, sink)
    })
}

/// Read the items, sending their texts to the workers a run at a time and each
/// string to the sink: how many items were read, or the error that stopped the
/// reading.
fn read_into<'py, T>(
    items: &Bound<'py, PyIterator>,
    skip_invalid: bool,
    sender: &mpsc::Sender<Run<T>>,
    sink: &mut impl Sink<'py, T>,
) -> PyResult<usize> {
    let mut count = 0;
    let mut run = Texts::with_capacity(RUN);
    let mut start = 0;
    for item in items.clone() {
        // An error of the iterable itself is never skipped.
        let item = item?;
        sink.string(run.push(&item, count, skip_invalid)?);
        count += 1;
        if run.len() == RUN {
            // The workers live until the sender is dropped: sending cannot fail.
            let run = std::mem::replace(&mut run, Texts::with_capacity(RUN));
            let _ = sender.send((start, run, Vec::with_capacity(RUN)));
            start = count;
        }
    }
    if run.len() > 0 {
        let results = Vec::with_capacity(run.len());
        let _ = sender.send((start, run, results));
    }
    Ok(count)
}

/// Give the analysed runs (of `count` items in all) to the sink in input order,
/// dropping their texts here, with the GIL.
fn in_order<'py, T>(
    mut runs: Vec<Run<T>>,
    count: usize,
    sink: &mut impl Sink<'py, T>,
) -> PyResult<()> {
    runs.sort_unstable_by_key(|&(start, _, _)| start);
    let mut next = 0;
    for (start, texts, results) in runs {
        if start != next {
            break;
        }
        next += results.len();
        drop(texts);
        sink.results(results)?;
    }
    if next != count {
        return Err(PyRuntimeError::new_err(
            "internal error: an analysed run was lost",
        ));
    }
    Ok(())
}
