//! `avis`: the command line of avis-fr. Thin wiring: parse arguments, read
//! records, call the library, write records. See `avis --help` and the README.

mod args;
mod commands;
mod csv_in;
mod csv_out;
mod drive;
mod encoding;
mod error;
mod evaluate;
mod explain;
mod fit;
mod input;
mod interrupt;
mod limit;
mod output;
mod record;
mod sample;
mod scored;
mod setup;
#[cfg(unix)]
mod sigign;
mod sniff;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    // Before any temporary output file exists, so that each is removed on SIGINT,
    // SIGTERM or SIGHUP. Without handlers a run still works, as before.
    if let Err(e) = interrupt::install() {
        eprintln!("avis: warning: cannot handle interruptions ({e}): an interrupted run may leave a temporary file");
    }
    // Everything that holds a temporary output file is dropped inside `run`, so a
    // failed run has removed its partial output before we exit.
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error::CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("avis: error: {e}");
            ExitCode::FAILURE
        }
    }
}
