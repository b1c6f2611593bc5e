//! The result of analysing one text: sentiment, stance, frames and evidence.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::explain::{Reason, Rule};

/// A sentiment label, from the score and the analyzer's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Score at or below the negative threshold.
    Negative,
    /// Between the thresholds.
    Neutral,
    /// Score at or above the positive threshold.
    Positive,
}

/// A stance label toward one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StanceLabel {
    /// Against the target.
    Against,
    /// No stance stated.
    None,
    /// For the target.
    Favor,
}

/// The overall sentiment of a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentiment {
    /// Score in [-1, 1].
    pub score: f64,
    /// Label from the score.
    pub label: Label,
    /// Share of the text's sentiment mass that is positive.
    pub positive: f64,
    /// Share that is negative.
    pub negative: f64,
    /// Share of the text's tokens that carry no sentiment.
    pub neutral: f64,
}

/// What a piece of evidence did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A sentiment word or expression.
    Sentiment,
    /// A negator that flipped something.
    Negator,
    /// An intensifier.
    Intensifier,
    /// A diminisher.
    Diminisher,
    /// A contrast word (`mais`).
    Contrast,
    /// An irony cue.
    Irony,
    /// An expression that names a target.
    Target,
    /// A frame marker.
    Frame,
    /// A stance marker.
    StanceMarker,
    /// Emphasis: capitals, `!!!`.
    Emphasis,
}

/// One matched marker, with its byte span in the analysed text.
///
/// It borrows from the analysed text and the analyzer (`'a`): the marker as written,
/// the lexicon entry and the target or frame id cost no copy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence<'a> {
    /// The text as written, `&text[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What this marker is.
    pub role: Role,
    /// The lexicon entry that matched (its term).
    pub entry: &'a str,
    /// Target or frame id, for target, frame and stance-marker evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The entry's valence before rules.
    pub valence: f64,
    /// The rules that changed it, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule<'a>>,
    /// What it added to the score it counts toward (sentiment or stance).
    pub contribution: f64,
}

/// Stance toward one target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stance<'a> {
    /// Score in [-1, 1]: negative is against.
    pub score: f64,
    /// Label from the score.
    pub label: StanceLabel,
    /// Why: each contribution, in order (each displays as a short sentence).
    pub because: Vec<Reason<'a>>,
}

/// The analysis of one text.
///
/// It borrows from the text and the [`Analyzer`](crate::Analyzer) that made it
/// (`'a`), so that evidence and explanations cost no copies: keep both alive while
/// you use it, or copy out what you keep.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis<'a> {
    /// Overall sentiment.
    pub sentiment: Sentiment,
    /// Stance per target id of the analyzer's topic.
    pub stance: BTreeMap<&'a str, Stance<'a>>,
    /// Frame ids the text argues with, sorted (the topic keeps its frames by id).
    pub frames: Vec<&'a str>,
    /// Every matched marker, in text order.
    pub evidence: Vec<Evidence<'a>>,
}
