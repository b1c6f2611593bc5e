//! Interrupted runs leave nothing behind: on SIGINT, SIGTERM or SIGHUP the
//! temporary output files are removed, one line says so, and the process exits with
//! the conventional status (128 + the signal: 130, 143, 129). A second signal while
//! the first is handled ends the process at once (the signal's default action). A
//! signal the run started with ignored (`nohup`) stays ignored.
//!
//! Every temporary output file (or directory: `avis fit`'s model, see
//! [`create_dir`]) is registered here while it exists (see [`create`]). The handler runs on a thread of its own, not in the signal
//! context, and holds the registry's lock from the moment it starts until the
//! process exits: a run that is renaming its output into place finishes the rename
//! first (and its output is whole), any later rename waits forever.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tempfile::{NamedTempFile, TempDir};

/// A temporary file (or directory) and the destination it is to replace.
struct Pending {
    tmp: PathBuf,
    dest: PathBuf,
    /// A directory, removed with what it holds.
    dir: bool,
    /// The destination existed when the run started (the message says "left
    /// unchanged" for it, "not written" for a new one).
    existed: bool,
}

/// The temporary files that exist, and the outputs already moved into place (a
/// signal after that, while the run prints its summary, says they were written).
struct Registry {
    pending: Vec<Pending>,
    written: Vec<PathBuf>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    pending: Vec::new(),
    written: Vec::new(),
});

fn registry() -> MutexGuard<'static, Registry> {
    // A panic elsewhere while holding the lock leaves the lists as valid as before.
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The registration of one temporary file: dropping it (a failed run, whose
/// `NamedTempFile` deletes the file) takes the file off the list.
pub struct Registered {
    tmp: PathBuf,
}

impl Drop for Registered {
    fn drop(&mut self) {
        registry().pending.retain(|p| p.tmp != self.tmp);
    }
}

/// Create a temporary file in `dir` for `dest`, registered before any signal can
/// see it exist unregistered.
pub fn create(dir: &Path, dest: &Path) -> io::Result<(NamedTempFile, Registered)> {
    let mut registry = registry();
    let tmp = tempfile::Builder::new()
        .prefix(".avis-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let registered = register(&mut registry, tmp.path(), dest, false);
    Ok((tmp, registered))
}

/// Create a temporary directory in `parent` for the directory `dest`, registered
/// like a file of [`create`].
pub fn create_dir(parent: &Path, dest: &Path) -> io::Result<(TempDir, Registered)> {
    let mut registry = registry();
    let tmp = tempfile::Builder::new()
        .prefix(".avis-")
        .suffix(".tmp")
        .tempdir_in(parent)?;
    let registered = register(&mut registry, tmp.path(), dest, true);
    Ok((tmp, registered))
}

fn register(registry: &mut Registry, tmp: &Path, dest: &Path, dir: bool) -> Registered {
    registry.pending.push(Pending {
        tmp: tmp.to_path_buf(),
        dest: dest.to_path_buf(),
        dir,
        existed: dest.exists(),
    });
    Registered {
        tmp: tmp.to_path_buf(),
    }
}

/// Rename `tmp` over `dest` and take it off the list, under the lock: a signal
/// handled meanwhile waits for the rename, so that it never reports unchanged a
/// file that was just replaced.
pub fn persist(tmp: NamedTempFile, dest: &Path) -> io::Result<()> {
    let mut registry = registry();
    let path = tmp.path().to_path_buf();
    tmp.persist(dest).map_err(|e| e.error)?;
    registry.pending.retain(|p| p.tmp != path);
    registry.written.push(dest.to_path_buf());
    Ok(())
}

/// Move the directory `tmp` into place at `dest` ([`avis_fr::fit::replace_dir`]:
/// an existing model is replaced whole), under the lock as [`persist`] does.
pub fn persist_dir(tmp: TempDir, dest: &Path) -> Result<(), avis_fr::Error> {
    let mut registry = registry();
    let path = tmp.keep();
    let replaced = avis_fr::fit::replace_dir(&path, dest);
    if replaced.is_err() {
        let _ = std::fs::remove_dir_all(&path);
    }
    registry.pending.retain(|p| p.tmp != path);
    if replaced.is_ok() {
        registry.written.push(dest.to_path_buf());
    }
    replaced
}

/// Start handling SIGINT, SIGTERM and SIGHUP (once, at the start of `main`).
#[cfg(unix)]
pub fn install() -> io::Result<()> {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::flag;
    use signal_hook::iterator::Signals;

    // A signal ignored when the run started stays ignored: `nohup avis …` must
    // outlive its terminal, a background job of a script is not stopped by Ctrl-C.
    let signals: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&signal| !crate::sigign::ignored(signal))
        .collect();
    let seen = Arc::new(AtomicBool::new(false));
    for &signal in &signals {
        // In this order: the default action runs only if an earlier signal set
        // `seen`, so the first one is handled below and a second ends the process.
        flag::register_conditional_default(signal, Arc::clone(&seen))?;
        flag::register(signal, Arc::clone(&seen))?;
    }
    let mut signals = Signals::new(signals)?;
    std::thread::Builder::new()
        .name("avis-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                clean_up_and_exit(signal);
            }
        })?;
    Ok(())
}

/// Signals are not handled off Unix: the default action stands.
#[cfg(not(unix))]
pub fn install() -> io::Result<()> {
    Ok(())
}

/// Remove the temporary files, say which outputs were left as they were, exit.
fn clean_up_and_exit(signal: i32) -> ! {
    // Held until the process is gone: no rename starts after this point.
    let mut registry = registry();
    let mut told: Vec<String> = (registry.written.iter())
        .map(|dest| format!("{} written", dest.display()))
        .collect();
    for p in registry.pending.drain(..) {
        // Already gone is as good as removed.
        let _ = if p.dir {
            std::fs::remove_dir_all(&p.tmp)
        } else {
            std::fs::remove_file(&p.tmp)
        };
        let state = if p.existed {
            "left unchanged"
        } else {
            "not written"
        };
        told.push(format!("{} {state}", p.dest.display()));
    }
    let mut line = String::from("avis: interrupted");
    if !told.is_empty() {
        line.push_str(": ");
        line.push_str(&told.join(", "));
    }
    // Standard error may be gone (a closed terminal sends SIGHUP): nothing to do then.
    let _ = writeln!(io::stderr(), "{line}");
    std::process::exit(128 + signal)
}
