//! A batch on several threads that starts before all its texts are read.
//!
//! Reading a `str` out of Python (a UTF-8 copy) needs the GIL, so it happens on the
//! calling thread. With several threads, the workers analyse the texts already
//! read meanwhile, a run of [`RUN`] at a time, instead of waiting for the whole
//! batch: the reading is about a seventh of the work, which would otherwise be a
//! serial seventh before the parallel part.

use std::sync::{mpsc, Mutex};
use std::thread;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::batch::Caches;
use crate::convert::{iterate, text_at};

/// Texts per message to the workers.
const RUN: usize = 64;

/// The texts of a batch and a result for each (`None` for an invalid item).
pub type Batch<T> = (Vec<Option<String>>, Vec<Option<T>>);

/// What a worker did: `(index, text, result)` for each text it analysed.
type Done<T> = Vec<(usize, String, T)>;

/// The texts of a batch and `work(cache, text)` of each (`None` for an item that is
/// not a string, with `skip_invalid`), on `threads` worker threads.
///
/// # Errors
/// An item that is not a string (without `skip_invalid`), an error raised by the
/// iterable, or a thread that could not start or panicked.
pub fn run_reading<T, F>(
    py: Python<'_>,
    caches: &Caches,
    texts: &Bound<'_, PyAny>,
    skip_invalid: bool,
    threads: usize,
    work: F,
) -> PyResult<Batch<T>>
where
    T: Send,
    F: Fn(&mut avis_fr::Cache, &str) -> T + Sync,
{
    let items = iterate(texts)?;
    let (sender, receiver) = mpsc::channel::<(usize, Vec<Option<String>>)>();
    let receiver = Mutex::new(receiver);
    let (receiver, work) = (&receiver, &work);
    // The sender moves into the scope: however it ends, the workers' queue closes.
    thread::scope(move |scope| {
        let worker = || {
            let mut cache = caches.take();
            let mut done: Done<T> = Vec::new();
            // A worker holds the lock while it waits: the others wait for the lock.
            while let Ok((start, run)) = receiver
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .recv()
            {
                for (i, text) in run.into_iter().enumerate() {
                    if let Some(text) = text {
                        let value = work(&mut cache, &text);
                        done.push((start + i, text, value));
                    }
                }
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
        let (count, failure) = read_into(&items, skip_invalid, &sender);
        // No more texts: the workers finish what they were sent, then stop.
        drop(sender);
        let joined: Vec<_> =
            py.allow_threads(move || handles.into_iter().map(|h| h.join()).collect());
        if let Some(failure) = failure {
            return Err(failure);
        }
        let mut texts: Vec<Option<String>> = std::iter::repeat_with(|| None).take(count).collect();
        let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
        for done in joined {
            let done = done.map_err(|_| {
                PyRuntimeError::new_err("internal error: an analysis thread panicked")
            })?;
            for (index, text, value) in done {
                texts[index] = Some(text);
                results[index] = Some(value);
            }
        }
        Ok((texts, results))
    })
}

/// Read the items, sending them to the workers a run at a time: how many were
/// read, and the error that stopped the reading, if one did.
fn read_into(
    items: &Bound<'_, pyo3::types::PyIterator>,
    skip_invalid: bool,
    sender: &mpsc::Sender<(usize, Vec<Option<String>>)>,
) -> (usize, Option<PyErr>) {
    let mut run = Vec::with_capacity(RUN);
    let mut start = 0;
    let mut count = 0;
    for item in items.clone() {
        let text = match item {
            Ok(item) => text_at(&item, count),
            // The iterable itself failed: never skipped.
            Err(error) => return (count, Some(error)),
        };
        match text {
            Ok(text) => run.push(Some(text)),
            Err(_) if skip_invalid => run.push(None),
            Err(error) => return (count, Some(error)),
        }
        count += 1;
        if run.len() == RUN {
            // The workers live until the sender is dropped: sending cannot fail.
            let _ = sender.send((start, std::mem::replace(&mut run, Vec::with_capacity(RUN))));
            start = count;
        }
    }
    if !run.is_empty() {
        let _ = sender.send((start, run));
    }
    (count, None)
}
