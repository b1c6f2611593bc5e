//! # avis-fr
//!
//! Reads French comments and says, for each one, what it feels, what it is for and
//! against, and why, with the words that prove it.
//!
//! (Crate documentation is written as the pipeline lands.)
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analysis;
mod analyzer;
mod error;
mod explain;
pub mod lexicon;
mod normalize;
pub mod report;
mod rules;
mod sentiment;
mod stance;
mod tokenize;

pub use analysis::{Analysis, Evidence, Label, Role, Sentiment, Stance, StanceLabel};
pub use analyzer::{Analyzer, AnalyzerBuilder};
pub use error::Error;
pub use explain::{Reason, Rule};
pub use lexicon::{Entry, EntryKind, Lexicon, Topic};
pub use normalize::{fold, normalize};
pub use tokenize::{sentences, tokenize, Sentence, Sentences, Token, TokenKind, Tokens};
