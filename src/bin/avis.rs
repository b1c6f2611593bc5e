//! `avis`: the command line of avis-fr. Thin wiring: parse arguments, read
//! records, call the library, write records. See `avis --help` and the README.

// A binary's root is its own directory for `mod`; the modules live in src/bin/avis/.
#[path = "avis/args.rs"]
mod args;
#[path = "avis/commands.rs"]
mod commands;
#[path = "avis/error.rs"]
mod error;
#[path = "avis/input.rs"]
mod input;
#[path = "avis/output.rs"]
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
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
