//! # avis-fr
//!
//! Reads French comments and says, for each one, what it feels, what it is for and
//! against, and why, with the words that prove it.
//!
//! ```
//! use avis_fr::{Analyzer, Label, StanceLabel, Topic};
//!
//! // The general lexicons; a topic names what to be for or against.
//! let topic = Topic::builtin("consultation-2015")?;
//! let analyzer = Analyzer::builder().topic(topic).build()?;
//! let analysis = analyzer.analyze("Ce partenariat avec Microsoft est une honte !");
//!
//! assert_eq!(analysis.sentiment.label, Label::Negative);
//! assert_eq!(analysis.stance["partenariat"].label, StanceLabel::Against);
//! // Every score comes with its evidence: what matched, where, and what it did.
//! let honte = analysis.evidence.iter().find(|e| e.text == "honte").unwrap();
//! assert_eq!(&"Ce partenariat avec Microsoft est une honte !"[honte.start..honte.end], "honte");
//! for reason in &analysis.stance["partenariat"].because {
//!     println!("{reason}"); // stance marker `honte` -0.80, …
//! }
//! # Ok::<(), avis_fr::Error>(())
//! ```
//!
//! ## The pipeline
//!
//! One module per stage, each taking what the stages before it returned and
//! returning its own result; [`Analyzer::analyze_with`] runs them in this order:
//!
//! 1. **tokenize** ([`tokenize`]): French words with their elisions
//!    (`l’`, `qu’`), hyphenated words, abbreviations, numbers, URLs, emoticons and
//!    emoji, each a [`Token`] borrowing its text and byte span; no allocation per
//!    token. Lookups [`normalize`] and [`fold`] them: lower case, `’` as `'`, `œ` as
//!    `oe`, accents removed.
//! 2. **document**: the tokens, the lexicon and topic expressions found in them
//!    ([`Lexicon`], [`Topic`]: each looked up as written, accent-folded, singular,
//!    by its lemma, then by its Snowball French stem, longest expression first;
//!    words no entry knows are tried against the lexicons' patterns, then with
//!    their drawn-out letters squeezed, `nuuuul`), what each one
//!    means with its valences, its sentences ([`sentences`]: quotes, abbreviations,
//!    ellipses and line breaks understood) and each token's clause.
//! 3. **rules**: first each rule's marks on the document's hits (negation scopes,
//!    contrast weights), then one list, applied in order to each sentiment word:
//!    intensity (`très`, `un peu`), negation (`ne … pas`, `sans`, `moins`; `ne …
//!    que` is not one, `jamais … aussi bien` is a superlative), capitals,
//!    elongation, contrast (`mais`), verdict (`bref`, `je recommande`: the
//!    conclusion outweighs the description), `!!!`, questions (praise asked, not
//!    asserted), irony (`Merci pour …`, `Vive la pensée unique !`, `Super, une
//!    taxe de plus`, `mouhahaha`). Each rule that changed a word is a [`Rule`] in
//!    its [`Evidence`], with the words that made it fire. The words are the
//!    sentiment stage's: a feeling a stance marker or a cue covers keeps its weight
//!    (`bravo` in `bravo à`), a politeness formula carries none.
//! 4. **sentiment, frames, stance**: the score of the text in [-1, 1] with a
//!    [`Label`]; the argument frames it uses; the stance toward each target of the
//!    [`Topic`] with the [`Reason`]s that add up to it (a clause's feeling goes to
//!    every name coordinated in it, a name in a clause without one takes the
//!    feeling near it). Every tuning constant is one of the [`Weights`].
//! 5. **evidence**: every marker with its byte span, role and contribution.
//! 6. **report** ([`report`]): a corpus summary as text, JSON or a self-contained
//!    HTML page.
//!
//! Learning from a person's labels ([`fit`], `avis fit`): lexicon lines for their
//! domain and a refitted neutral band, chosen by cross-validation, written as a
//! model directory of plain text files that
//! [`AnalyzerBuilder::model`] adds over the general lexicons; a learned line's
//! evidence says so ([`Source::Model`]).
//!
//! ## Your own lexicons and topic
//!
//! Lexicons are TSV files (`term`, `kind`, `valence`, `note`), topics TOML files
//! (targets and the names that name them, frames and their markers, stance
//! markers); the defaults are embedded. Bad lines are errors that name the file and
//! line:
//!
//! ```
//! use avis_fr::{Analyzer, Label, Lexicon};
//!
//! let mine = Lexicon::from_tsv("mine.tsv", "term\tkind\tvalence\tnote\nbétonnage\tsentiment\t-3\t\n")?;
//! let analyzer = Analyzer::builder().lexicon(mine).build()?;
//! assert_eq!(analyzer.analyze("Encore du bétonnage.").sentiment.label, Label::Negative);
//!
//! let error = Lexicon::from_tsv("bad.tsv", "term\tkind\tvalence\tnote\nx\tsentiment\t9\t\n").unwrap_err();
//! assert!(error.to_string().starts_with("bad.tsv:2:"));
//! # Ok::<(), avis_fr::Error>(())
//! ```
//!
//! ## Speed
//!
//! An [`Analyzer`] is built once and shared (`Send + Sync`). It remembers what it
//! has worked out for each distinct word (its folded form, stem, candidate
//! expressions): a word is stemmed and looked up once, then every later occurrence
//! costs one hash lookup. That memory, and the working vectors of the last comment
//! kept for the next, is a [`Cache`]; the analyzer keeps one per core in its
//! [`CachePool`], which [`Analyzer::analyze`] takes from. Many texts:
//! [`Analyzer::analyze_many`] on every core, or [`Analyzer::batch`] for any call
//! per item ([`Batch`]: results in input order; the command line and the Python
//! package run their batches on it). Your own threads: keep a cache each and call
//! [`Analyzer::analyze_with`], or [`Analyzer::analyze_without_evidence`] when the
//! evidence is not wanted, or [`Analyzer::analyze_scores`] when only the values
//! are. The memory this takes is bounded and it never changes a result. An
//! [`Analysis`] borrows from the text and the analyzer, so its evidence and
//! explanations cost no copies; [`Analysis::into_owned`] copies them for results
//! that must outlive either.
//!
//! ```
//! use avis_fr::Analyzer;
//!
//! let analyzer = Analyzer::default();
//! let texts = ["Une honte.", "Bravo !", "Bof."];
//! let analyses = analyzer.analyze_many(&texts);
//! assert_eq!(analyses.len(), 3);
//! let labels = analyzer.batch().threads(2).map(&texts, |cache, text| {
//!     analyzer.analyze_scores(cache, text).sentiment.label
//! });
//! assert_eq!(labels[1], analyses[1].sentiment.label);
//! ```
//!
//! ## Words used here
//!
//! - **marker**: a word or expression of a lexicon or the topic found in a text;
//!   each is a piece of [`Evidence`] with its [`Role`].
//! - **entry**: one line of a [`Lexicon`] (a term, its [`EntryKind`], a valence).
//! - **topic**: what a thread is about ([`Topic`]): its **targets** (what to be for
//!   or against, each with the names that name it), its **frames** (the arguments
//!   used, each with its markers) and its **stance markers** (words that take a
//!   side, `honte`).
//! - **rule**: what changed the weight of a sentiment word ([`Rule`], [`RuleKind`]:
//!   negation, intensity, contrast…); **reason**: one contribution to a stance
//!   ([`Reason`]).
//! - **sentence**: what [`sentences`] cuts (an analysis scores each); **clause**: a
//!   part of a sentence between commas, quotes, brackets or a contrast word, which
//!   negation and intensity do not cross; **stop**: the stretch up to the next
//!   `.` `!` `?` `…` or line break, which the rules read for "the sentence" of a
//!   word (a sentence holds one stop or several: `Il a dit « Non ! » hier.`).
//! - **cache**: one thread's scratch memory and word memo ([`Cache`]); **pool**: the
//!   caches of the threads that analyse at once ([`CachePool`]); **batch**: a call
//!   over many items on several threads ([`Batch`]).
//!
//! Inside the engine, for those who read its code: the **word memo** (`WordMemo`)
//! holds what the matcher worked out of each distinct word seen (a `Word`, numbered
//! by a `WordId`); a **hit** is one expression found in a document; the **marks**
//! (`Marks`) are what the rules know of each hit (negation scopes, contrast
//! weights), each rule's in its own file; the **cuts** (`Cuts`, one `Slot` per
//! token) give each token its stop, clause and hit; the **compiled topic**
//! (`CompiledTopic`) is a [`Topic`] numbered for the matcher.
//!
//! Any `&str` is valid input and the time is linear in its length.
#![forbid(unsafe_code)]
#![warn(missing_docs, unnameable_types)]

mod analysis;
mod analyzer;
mod batch;
mod builder;
mod cache;
mod document;
mod error;
pub mod evaluate;
mod evidence;
mod explain;
pub mod fit;
mod frames;
pub mod lexicon;
mod load;
mod model;
mod names;
mod normalize;
mod pool;
pub mod report;
mod reuse;
mod rules;
mod sentiment;
mod stance;
mod tokenize;
mod weights;
mod windows;

pub use analysis::{
    Analysis, Evidence, Label, Role, SentenceSentiment, Sentiment, Source, Stance, StanceLabel,
};
pub use analyzer::Analyzer;
pub use batch::{Batch, Wait};
pub use builder::AnalyzerBuilder;
pub use cache::Cache;
pub use document::{sentences, Sentence, Sentences};
pub use error::{Error, ErrorKind};
pub use explain::{Reason, Rule, RuleKind};
pub use lexicon::{Entry, EntryKind, Lexicon, Topic};
pub use normalize::{fold, normalize};
pub use pool::{CachePool, PooledCache};
pub use tokenize::{tokenize, Token, TokenKind, Tokens};
pub use weights::{RuleWeights, SentimentWeights, StanceWeights, VerdictWeights, Weights};
pub use windows::KEEP;
