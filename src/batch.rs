//! Many texts at once: a batch runs a call over many items on several threads,
//! each with a cache of its analyzer's [`CachePool`], and gives the results in
//! input order.
//!
//! The command line (`avis score`, `report`, `evaluate`) and the Python package
//! (`analyze_many`, `analyze_columns`) run their batches with [`Batch`].

use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::thread;

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::analysis::Analysis;
use crate::analyzer::Analyzer;
use crate::cache::Cache;
use crate::pool::{default_threads, CachePool};

/// At most this many threads per batch, whatever is asked: more than the cores
/// only adds switching, and thousands could exhaust the process's threads.
const MAX_THREADS: usize = 256;

/// Work over many items on several threads, each with a cache of its analyzer's
/// pool for the whole batch, the results in input order: see [`Analyzer::batch`].
///
/// # Why a batch
///
/// Splitting a corpus over threads has pitfalls that each caller would meet
/// again: keeping input order, a few long texts leaving the other threads idle,
/// a cache per thread rather than per text, threads started again for every
/// chunk of a stream. A [`Batch`] runs [`map`](Batch::map) on a pool of threads
/// kept for the whole process, hands out runs of consecutive items, gives each run
/// a cache of the analyzer's pool, and puts the results back in input order;
/// [`map_fed`](Batch::map_fed), for items that only the calling thread can read,
/// runs its own threads for the call while the calling thread reads. A panic in
/// the work is raised again on the calling thread.
///
/// ```
/// use avis_fr::Analyzer;
///
/// let analyzer = Analyzer::default();
/// let texts = ["Une honte.", "Bravo !", "Bof."];
/// let scores = analyzer
///     .batch()
///     .threads(2)
///     .map(&texts, |cache, text| analyzer.analyze_with(cache, text).sentiment.score);
/// assert_eq!(scores.len(), 3);
/// assert!(scores[0] < 0.0 && scores[1] > 0.0);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Batch<'p> {
    caches: &'p CachePool,
    threads: usize,
}

/// How the calling thread of [`Batch::map_fed`] waits for the workers once it has
/// read every item: given `join` (which returns when they have all finished), it
/// runs it.
///
/// `()` just runs it. A caller that holds a lock other threads need while it reads
/// (Python's GIL) releases it around `join`.
///
/// ```
/// use avis_fr::Wait;
///
/// struct Announced;
/// impl Wait for Announced {
///     fn wait<T: Send>(self, join: impl FnOnce() -> T + Send) -> T {
///         eprintln!("waiting for the workers");
///         join()
///     }
/// }
/// let analyzer = avis_fr::Analyzer::default();
/// let texts = vec!["Bravo !".to_string(); 3];
/// let work = |cache: &mut avis_fr::Cache, text: String| analyzer.analyze_with(cache, &text).sentiment.label;
/// assert_eq!(analyzer.batch().map_fed(texts, work, Announced).len(), 3);
/// ```
pub trait Wait {
    /// Run `join` and return what it returns.
    fn wait<T: Send>(self, join: impl FnOnce() -> T + Send) -> T;
}

impl Wait for () {
    fn wait<T: Send>(self, join: impl FnOnce() -> T + Send) -> T {
        join()
    }
}

impl<'p> Batch<'p> {
    /// A batch on one thread per core, with caches from `caches`.
    ///
    /// ```
    /// let pool = avis_fr::CachePool::new();
    /// assert_eq!(avis_fr::Batch::new(&pool).threads(3).thread_count(), 3);
    /// ```
    pub fn new(caches: &'p CachePool) -> Batch<'p> {
        Batch {
            caches,
            threads: default_threads(),
        }
    }

    /// Run on `threads` threads (at least 1, at most 256): with 1, on the calling
    /// thread alone; with more, [`map`](Self::map) on a pool of that many kept for
    /// the process, [`map_fed`](Self::map_fed) on that many started for the call
    /// while the calling thread reads.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// assert_eq!(analyzer.batch().threads(0).thread_count(), 1);
    /// ```
    pub fn threads(self, threads: usize) -> Batch<'p> {
        Batch {
            threads: threads.clamp(1, MAX_THREADS),
            ..self
        }
    }

    /// How many threads the batch runs on.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// assert!(analyzer.batch().thread_count() >= 1);
    /// ```
    pub fn thread_count(&self) -> usize {
        self.threads
    }

    /// `work(cache, item)` for every item, on the batch's threads, the results in
    /// the order of `items`. The results may borrow from the items (an
    /// [`Analysis`] of each text).
    ///
    /// The items are split among the threads of a pool that lives as long as the
    /// process (rayon's: the threads and their memory serve every batch, where
    /// threads started per batch cost a command-line run a tenth more page faults),
    /// in runs of consecutive items, split again as threads go idle, so that a few
    /// long texts do not leave the others idle.
    ///
    /// # Panics
    /// When `work` panics: the panic is raised again here, after every thread has
    /// stopped.
    ///
    /// ```
    /// use avis_fr::{Analyzer, Label};
    ///
    /// let analyzer = Analyzer::default();
    /// let texts = vec![String::from("Une honte."), String::from("Très bien.")];
    /// let analyses = analyzer.batch().map(&texts, |cache, text| analyzer.analyze_with(cache, text));
    /// assert_eq!(analyses[1].sentiment.label, Label::Positive);
    /// ```
    pub fn map<'t, T, R, F>(&self, items: &'t [T], work: F) -> Vec<R>
    where
        T: Sync,
        R: Send,
        F: Fn(&mut Cache, &'t T) -> R + Sync,
    {
        let threads = self.threads.min(items.len()).max(1);
        if threads == 1 {
            let mut cache = self.caches.get();
            return items.iter().map(|item| work(&mut cache, item)).collect();
        }
        // Each of the pool's jobs (a run of consecutive items, split as threads
        // go idle) takes a cache of the pool for its run.
        let run = || {
            items
                .par_iter()
                .map_init(|| self.caches.get(), |cache, item| work(cache, item))
                .collect()
        };
        match thread_pool(threads) {
            Some(pool) => pool.install(run),
            None => run(),
        }
    }

    /// `work(cache, item)` for every item of `items`, which the calling thread reads
    /// while the batch's threads work on the items read so far; the results in
    /// input order, once every item is done.
    ///
    /// For items that only the calling thread can read (Python objects, read with
    /// the GIL held): the reading overlaps the work instead of coming before it.
    /// Once it has read every item the calling thread waits for the workers through
    /// `wait` (see [`Wait`]; `()` just waits). Items are best sent in runs (a
    /// vector of a few dozen texts per item), as a message per text would cost more
    /// than some texts' analysis. When no thread can be started, the calling thread
    /// does the work as it reads.
    ///
    /// # Panics
    /// When `work` panics: the panic is raised again here, after every thread has
    /// stopped.
    ///
    /// ```
    /// use avis_fr::Analyzer;
    ///
    /// let analyzer = Analyzer::default();
    /// // Runs of texts as they come, each analysed into its scores.
    /// let runs = (0..10).map(|i| vec![format!("Bravo, numéro {i} !"); 20]);
    /// let work = |cache: &mut avis_fr::Cache, run: Vec<String>| -> Vec<f64> {
    ///     run.iter().map(|text| analyzer.analyze_scores(cache, text).sentiment.score).collect()
    /// };
    /// let scores = analyzer.batch().threads(2).map_fed(runs, work, ());
    /// assert_eq!(scores.len(), 10);
    /// assert!(scores.iter().flatten().all(|&score| score > 0.0));
    /// ```
    pub fn map_fed<I, R, F, W>(
        &self,
        items: impl IntoIterator<Item = I>,
        work: F,
        wait: W,
    ) -> Vec<R>
    where
        I: Send,
        R: Send,
        F: Fn(&mut Cache, I) -> R + Sync,
        W: Wait,
    {
        let (sender, receiver) = mpsc::channel::<(usize, I)>();
        let receiver = Mutex::new(receiver);
        let (receiver, work) = (&receiver, &work);
        let mut results = thread::scope(move |scope| {
            let worker = move || {
                let mut cache = self.caches.get();
                let mut done = Vec::new();
                loop {
                    // The lock is held while waiting for an item (the other workers
                    // wait for the lock), and only then: the guard is dropped at the
                    // end of this statement, before the work. (In a `while let`
                    // condition it would live through the loop body, and the workers
                    // would take turns.)
                    let next = receiver
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
                        .recv();
                    let Ok((index, item)) = next else {
                        return done;
                    };
                    done.push((index, work(&mut cache, item)));
                }
            };
            let workers: Vec<_> = (0..self.threads)
                .map_while(|_| thread::Builder::new().spawn_scoped(scope, worker).ok())
                .collect();
            let mut inline = Vec::new();
            if workers.is_empty() {
                let mut cache = self.caches.get();
                for (index, item) in items.into_iter().enumerate() {
                    inline.push((index, work(&mut cache, item)));
                }
                return inline;
            }
            for (index, item) in items.into_iter().enumerate() {
                // The workers live until the sender is dropped: sending cannot fail.
                let _ = sender.send((index, item));
            }
            // No more items: the workers finish what was sent, then stop.
            drop(sender);
            let joined =
                wait.wait(move || workers.into_iter().map(|w| w.join()).collect::<Vec<_>>());
            for done in joined {
                match done {
                    Ok(done) => inline.extend(done),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            inline
        });
        results.sort_unstable_by_key(|&(index, _)| index);
        results.into_iter().map(|(_, result)| result).collect()
    }
}

impl Analyzer {
    /// The analyzer's own pool of caches, which [`analyze`](Self::analyze) and
    /// [`batch`](Self::batch) take from: hold a cache of it to analyse with
    /// [`analyze_with`](Self::analyze_with) without a pool of your own.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// let mut cache = analyzer.caches().get();
    /// let lean = analyzer.analyze_scores(&mut cache, "Bravo !");
    /// assert_eq!(lean.sentiment, analyzer.analyze("Bravo !").sentiment);
    /// ```
    pub fn caches(&self) -> &CachePool {
        &self.caches
    }

    /// A batch over this analyzer's caches, on one thread per core (see
    /// [`Batch::threads`]).
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// let texts = ["Bravo !", "Nul."];
    /// let labels = analyzer.batch().map(&texts, |cache, text| analyzer.analyze_with(cache, text).sentiment.label);
    /// assert_eq!(labels.len(), 2);
    /// ```
    pub fn batch(&self) -> Batch<'_> {
        Batch::new(&self.caches)
    }

    /// The analysis of each text, on one thread per core, in input order: the same
    /// analyses as [`analyze`](Self::analyze) one by one.
    ///
    /// ```
    /// let analyzer = avis_fr::Analyzer::default();
    /// let texts = vec!["Une honte.".to_string(), "Bravo !".to_string()];
    /// let analyses = analyzer.analyze_many(&texts);
    /// assert_eq!(analyses[0], analyzer.analyze(&texts[0]));
    /// ```
    pub fn analyze_many<'a, T: AsRef<str> + Sync>(&'a self, texts: &'a [T]) -> Vec<Analysis<'a>> {
        self.batch()
            .map(texts, |cache, text| self.analyze_with(cache, text.as_ref()))
    }
}

/// The pool of `threads` threads a batch runs on: `None` for rayon's global pool
/// (one thread per core, or `RAYON_NUM_THREADS`), else one built for that count
/// the first time it is asked for and kept; `None` too when the system refuses
/// the threads (the work then runs on the global pool).
fn thread_pool(threads: usize) -> Option<Arc<ThreadPool>> {
    if threads == rayon::current_num_threads() {
        return None;
    }
    /// The pools built so far, with their thread counts.
    type Pools = Mutex<Vec<(usize, Arc<ThreadPool>)>>;
    static POOLS: OnceLock<Pools> = OnceLock::new();
    let pools = POOLS.get_or_init(Mutex::default);
    let mut pools = pools
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, pool)) = pools.iter().find(|(count, _)| *count == threads) {
        return Some(Arc::clone(pool));
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .ok()?,
    );
    pools.push((threads, Arc::clone(&pool)));
    Some(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_on_any_thread_count() {
        let pool = CachePool::with_size(2);
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let batch = Batch::new(&pool).threads(threads);
            let mapped = batch.map(&items, |_, &i| i * 2);
            assert_eq!(mapped, items.iter().map(|i| i * 2).collect::<Vec<_>>());
            let fed = batch.map_fed(items.iter().copied(), |_, i| i * 3, ());
            assert_eq!(fed, items.iter().map(|i| i * 3).collect::<Vec<_>>());
        }
        let empty: [usize; 0] = [];
        assert!(Batch::new(&pool).map(&empty, |_, &i| i).is_empty());
        assert!(Batch::new(&pool).map_fed(empty, |_, i| i, ()).is_empty());
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let pool = CachePool::with_size(2);
        let items: Vec<usize> = (0..100).collect();
        let batch = Batch::new(&pool).threads(2);
        let caught = std::panic::catch_unwind(|| {
            batch.map(&items, |_, &i| if i == 77 { panic!("item 77") } else { i })
        });
        assert!(caught.is_err());
        let caught = std::panic::catch_unwind(|| {
            batch.map_fed(
                items.iter().copied(),
                |_, i| if i == 7 { panic!("item 7") } else { i },
                (),
            )
        });
        assert!(caught.is_err());
    }
}
