//! Where results go: standard output, or a file that appears only on success.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::CliError;
use crate::interrupt::{self, Registered};

pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the destination, renamed over it by `commit`. If the
    /// run fails, dropping it deletes the temporary file: no partial output, and an
    /// existing destination is left as it was. If it is interrupted, the signal
    /// handler deletes it (see [`interrupt`]).
    File {
        writer: BufWriter<NamedTempFile>,
        dest: PathBuf,
        _registered: Registered,
    },
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Output, CliError> {
        let Some(dest) = path else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                256 * 1024,
                io::stdout(),
            )));
        };
        // Same directory, so the final rename stays on one file system (atomic).
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let (tmp, registered) = interrupt::create(dir, dest).map_err(|e| {
            CliError::io(
                format!("cannot create a temporary file in {}", dir.display()),
                e,
            )
        })?;
        Ok(Output::File {
            writer: BufWriter::with_capacity(256 * 1024, tmp),
            dest: dest.to_path_buf(),
            _registered: registered,
        })
    }

    pub fn name(&self) -> String {
        match self {
            Output::Stdout(_) => "<stdout>".to_string(),
            Output::File { dest, .. } => dest.display().to_string(),
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { writer, .. } => writer,
        }
    }

    /// Flush, and for a file move it into place.
    pub fn commit(self) -> Result<(), CliError> {
        let name = self.name();
        let write_error = |e| CliError::io(format!("cannot write {name}"), e);
        match self {
            Output::Stdout(mut w) => w.flush().map_err(write_error),
            Output::File { writer, dest, .. } => {
                let tmp = writer
                    .into_inner()
                    .map_err(|e| write_error(e.into_error()))?;
                tmp.as_file().sync_all().map_err(write_error)?;
                set_readable(&tmp);
                interrupt::persist(tmp, &dest).map_err(write_error)
            }
        }
    }
}

/// Temporary files are created private (0600); an output file is an ordinary file.
#[cfg(unix)]
fn set_readable(tmp: &NamedTempFile) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a file we cannot chmod is still a correct output.
    let _ = std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn set_readable(_tmp: &NamedTempFile) {}
