//! A batch on several threads that starts before all its texts are read: what the
//! GIL asks of the library's batch ([`avis_fr::Batch::map_fed`]).
//!
//! Reading a `str` out of Python (its UTF-8) needs the GIL, so it happens on the
//! calling thread. With several threads, the library's workers analyse the texts
//! already read meanwhile, a run of [`RUN`] at a time, instead of waiting for the
//! whole batch: the reading is about a seventh of the work, which would otherwise
//! be a serial seventh before the parallel part. Once every text is read, the
//! calling thread releases the GIL while it waits ([`ReleaseGil`]).
//!
//! The results go to the [`BatchConsumer`] once the workers have ended, not as each
//! run is done. Taking the runs while it still reads (to build Python objects out
//! of them meanwhile) made the calling thread slower to feed the workers, and the
//! whole batch slower, for `analyze_many` and `analyze_columns` alike (measured
//! on two cores); waking it for each run after the reading would take a core
//! from a worker each time.

use std::marker::PhantomData;

use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

use crate::convert::iterate;
use crate::texts::Texts;

/// Texts per item sent to the workers.
const RUN: usize = 64;

/// What a batch gives, on the thread that holds the GIL: each item's string as it
/// is read, then the results in input order.
pub trait BatchConsumer<'py, T> {
    /// The next item's string as it is read (`None` for a skipped item). Not
    /// kept unless the consumer keeps it.
    fn string(&mut self, _string: Option<&Bound<'py, PyString>>) {}

    /// The results of the next items, in input order (`None` for a skipped one).
    ///
    /// # Errors
    /// An error of Python's (out of memory): the batch raises it.
    fn results(&mut self, results: Vec<Option<T>>) -> PyResult<()>;
}

/// The calling thread waits for the workers without the GIL, so that other
/// Python threads run meanwhile.
pub struct ReleaseGil<'py>(pub Python<'py>);

impl avis_fr::Wait for ReleaseGil<'_> {
    fn wait<T: Send>(self, join: impl FnOnce() -> T + Send) -> T {
        self.0.allow_threads(join)
    }
}

/// A run of texts for the workers, and an empty vector for their results; the
/// same back from a worker, the vector filled. The calling thread allocates the
/// vector and frees it, as it does the texts: a batch's memory goes back to the
/// allocator arena it came from, not into each worker's.
type Run<T> = (Texts, Vec<Option<T>>);

/// `work(cache, text)` of every item of `texts` (an iterable of `str`) on the
/// threads of `batch`, given to `consumer` in input order; an item that is not a
/// string is skipped (`None`) with `skip_invalid`.
///
/// # Errors
/// An item that is not a string (without `skip_invalid`), an error raised by the
/// iterable or by the consumer.
pub fn run_reading<'py, T, F>(
    py: Python<'py>,
    batch: avis_fr::Batch<'_>,
    texts: &Bound<'py, PyAny>,
    skip_invalid: bool,
    work: F,
    consumer: &mut impl BatchConsumer<'py, T>,
) -> PyResult<()>
where
    T: Send,
    F: Fn(&mut avis_fr::Cache, &str) -> T + Sync,
{
    let mut read = Ok(());
    let runs = Runs {
        items: iterate(texts)?,
        skip_invalid,
        count: 0,
        read: &mut read,
        consumer: &mut *consumer,
        results: PhantomData,
    };
    let analyse = |cache: &mut avis_fr::Cache, (run, mut results): Run<T>| {
        results.extend(run.iter().map(|t| t.map(|t| work(cache, t))));
        // The texts too: back to the thread that holds the GIL, to be dropped there.
        (run, results)
    };
    let analysed = batch.map_fed(runs, analyse, ReleaseGil(py));
    // The workers have finished what was read before an error stopped the reading.
    read?;
    for (texts, results) in analysed {
        drop(texts);
        consumer.results(results)?;
    }
    Ok(())
}

/// The items of a Python iterable as runs of texts, each string given to the
/// consumer as it is read; the first error ends the runs and is kept in `read`.
struct Runs<'a, 'py, T, C> {
    items: Bound<'py, PyIterator>,
    skip_invalid: bool,
    /// Items read so far (the index in messages).
    count: usize,
    read: &'a mut PyResult<()>,
    consumer: &'a mut C,
    /// The results the runs are for (their vector is made here).
    results: PhantomData<fn() -> T>,
}

impl<'py, T, C: BatchConsumer<'py, T>> Iterator for Runs<'_, 'py, T, C> {
    type Item = Run<T>;

    fn next(&mut self) -> Option<Run<T>> {
        if self.read.is_err() {
            return None;
        }
        let mut run = Texts::with_capacity(RUN);
        while run.len() < RUN {
            // An error of the iterable itself is never skipped.
            let item = match self.items.next() {
                None => break,
                Some(Ok(item)) => item,
                Some(Err(error)) => {
                    *self.read = Err(error);
                    break;
                }
            };
            match run.push(&item, self.count, self.skip_invalid) {
                Ok(string) => self.consumer.string(string),
                Err(error) => {
                    *self.read = Err(error);
                    break;
                }
            }
            self.count += 1;
        }
        (run.len() > 0).then(|| (run, Vec::with_capacity(RUN)))
    }
}
