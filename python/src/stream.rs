//! A batch on several threads that starts before all its texts are read.
//!
//! Reading a `str` out of Python (its UTF-8) needs the GIL, so it happens on the
//! calling thread. With several threads, the workers analyse the texts already
//! read meanwhile, a run of [`RUN`] at a time, instead of waiting for the whole
//! batch: the reading is about a seventh of the work, which would otherwise be a
//! serial seventh before the parallel part.

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

/// The strings of a batch and a result for each (`None` for an invalid item).
pub type Batch<'py, T> = (Vec<Option<Bound<'py, PyString>>>, Vec<Option<T>>);

/// A run of texts for the workers: the index of its first, and the texts.
type Run = (usize, Texts);

/// The strings of a batch and `work(cache, text)` of each (`None` for an item that
/// is not a string, with `skip_invalid`), on `threads` worker threads.
///
/// # Errors
/// An item that is not a string (without `skip_invalid`), an error raised by the
/// iterable, or a thread that could not start or panicked.
pub fn run_reading<'py, T, F>(
    py: Python<'py>,
    caches: &Caches,
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
    threads: usize,
    work: F,
) -> PyResult<Batch<'py, T>>
where
    T: Send,
    F: Fn(&mut avis_fr::Cache, &str) -> T + Sync,
{
    let items = iterate(texts)?;
    let (sender, receiver) = mpsc::channel::<Run>();
    let receiver = Mutex::new(receiver);
    let (receiver, work) = (&receiver, &work);
    // The sender moves into the scope: however it ends, the workers' queue closes.
    thread::scope(move |scope| {
        let worker = || {
            let mut cache = caches.take();
            let mut done: Vec<(usize, T)> = Vec::new();
            let mut runs = Vec::new();
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
                let Ok((start, run)) = next else { break };
                for (i, text) in run.iter().enumerate() {
                    if let Some(text) = text {
                        done.push((start + i, work(&mut cache, text)));
                    }
                }
                // Back to the thread that holds the GIL, to be dropped there.
                runs.push(run);
            }
            caches.give_back(cache);
            (done, runs)
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
        let read = read_into(&items, skip_invalid, &sender);
        // No more texts: the workers finish what they were sent, then stop.
        drop(sender);
        let joined: Vec<_> =
            py.allow_threads(move || handles.into_iter().map(|h| h.join()).collect());
        let strings = read?;
        let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None)
            .take(strings.len())
            .collect();
        for done in joined {
            let (done, _runs) = done.map_err(|_| {
                PyRuntimeError::new_err("internal error: an analysis thread panicked")
            })?;
            for (index, value) in done {
                results[index] = Some(value);
            }
        }
        Ok((strings, results))
    })
}

/// Read the items, sending their texts to the workers a run at a time: the
/// strings read, or the error that stopped the reading.
fn read_into<'py>(
    items: &Bound<'py, PyIterator>,
    skip_invalid: bool,
    sender: &mpsc::Sender<Run>,
) -> PyResult<Vec<Option<Bound<'py, PyString>>>> {
    let mut strings = Vec::new();
    let mut run = Texts::with_capacity(RUN);
    let mut start = 0;
    for item in items.clone() {
        // An error of the iterable itself is never skipped.
        strings.push(run.push(&item?, strings.len(), skip_invalid)?);
        if run.len() == RUN {
            // The workers live until the sender is dropped: sending cannot fail.
            let _ = sender.send((
                start,
                std::mem::replace(&mut run, Texts::with_capacity(RUN)),
            ));
            start = strings.len();
        }
    }
    if run.len() > 0 {
        let _ = sender.send((start, run));
    }
    Ok(strings)
}
