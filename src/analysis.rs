//! The result of analysing one text: sentiment, stance, frames and evidence.
//!
//! An [`Analysis<'a>`](Analysis) borrows the words it cites from the text and the
//! analyzer; [`Analysis::into_owned`] makes an `Analysis<'static>` that owns them,
//! for results that must outlive either. The owned form also reads back from JSON
//! (`avis score` writes the same fields).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::explain::{owned, Reason, Rule};
use crate::names::spelled;

/// A sentiment label, from the score and the analyzer's thresholds.
///
/// ```
/// assert_eq!(avis_fr::Label::Negative.to_string(), "negative");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// Score at or below the negative threshold.
    Negative,
    /// Between the thresholds.
    Neutral,
    /// Score at or above the positive threshold.
    Positive,
}

spelled!(serde Label { Negative => "negative", Neutral => "neutral", Positive => "positive" });

/// A stance label toward one target.
///
/// ```
/// assert_eq!(avis_fr::StanceLabel::Favor.as_str(), "favor");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StanceLabel {
    /// Against the target.
    Against,
    /// No stance stated.
    None,
    /// For the target.
    Favor,
}

spelled!(serde StanceLabel { Against => "against", None => "none", Favor => "favor" });

/// The overall sentiment of a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// The sentiment of one sentence, by the same rules and scale as the whole text's.
/// The sentences are those [`sentences`](crate::sentences) cuts (quotes,
/// abbreviations, ellipses and line breaks understood), the ones `avis explain`
/// shows.
///
/// ```
/// let analyzer = avis_fr::Analyzer::default();
/// let text = "Les acteurs sont bons. Mais quel scénario raté !";
/// let analysis = analyzer.analyze(text);
/// let [first, second] = &analysis.sentences[..] else { panic!() };
/// assert_eq!(&text[first.start..first.end], "Les acteurs sont bons.");
/// assert!(first.score > 0.0 && second.score < 0.0);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceSentiment {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset one past its last token.
    pub end: usize,
    /// Score in [-1, 1] of its weighed words (as they count in the whole text).
    pub score: f64,
    /// Label from the score.
    pub label: Label,
}

/// What a piece of evidence did.
///
/// ```
/// use avis_fr::Role;
///
/// assert_eq!(Role::StanceMarker.to_string(), "stance_marker");
/// assert!(Role::ALL.contains(&Role::Negator));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
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
    /// A conclusion or a recommendation (`bref`, `au final`, `je recommande`): its
    /// sentence is the writer's verdict.
    Verdict,
}

spelled!(serde Role {
    Sentiment => "sentiment",
    Negator => "negator",
    Intensifier => "intensifier",
    Diminisher => "diminisher",
    Contrast => "contrast",
    Irony => "irony",
    Target => "target",
    Frame => "frame",
    StanceMarker => "stance_marker",
    Emphasis => "emphasis",
    Verdict => "verdict",
});

/// One matched marker, with its byte span in the analysed text.
///
/// Its strings borrow from the analysed text and the analyzer (`'a`): the marker as
/// written, the lexicon entry and the target or frame id cost no copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence<'a> {
    /// The text as written, `&text[start..end]`.
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What this marker is.
    pub role: Role,
    /// The lexicon entry that matched (its term).
    pub entry: Cow<'a, str>,
    /// Target or frame id, for target, frame and stance-marker evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Cow<'a, str>>,
    /// Where the entry comes from, when not the general or the user's lexicons: a
    /// line a model learned ([`Source::Model`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The entry's valence before rules.
    pub valence: f64,
    /// The rules that changed it, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule<'a>>,
    /// What it added to the score it counts toward (sentiment or stance).
    pub contribution: f64,
}

impl Evidence<'_> {
    /// The same evidence, owning its strings.
    pub fn into_owned(self) -> Evidence<'static> {
        Evidence {
            text: owned(self.text),
            entry: owned(self.entry),
            id: self.id.map(owned),
            rules: self.rules.into_iter().map(Rule::into_owned).collect(),
            ..self
        }
    }
}

/// Where a piece of evidence's entry comes from (see [`Evidence::source`]).
///
/// ```
/// use avis_fr::fit::{Model, Task};
/// use avis_fr::{Analyzer, Lexicon, Source, Weights};
///
/// let lexicon = Lexicon::from_tsv("lexicon.tsv", "term\tkind\tvalence\tnote\nbouchons\tsentiment\t-2\t\n")?;
/// let model = Model { task: Task::Sentiment, lexicon, weights: Weights::default() };
/// let analyzer = Analyzer::builder().with_model(model).build()?;
/// let analysis = analyzer.analyze("Des bouchons, une honte.");
/// let sources: Vec<_> = analysis.evidence.iter().map(|e| (e.text.as_ref(), e.source)).collect();
/// assert_eq!(sources, [("bouchons", Some(Source::Model)), ("honte", None)]);
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A line learned from labels by `avis fit`, added with a model.
    Model,
}

spelled!(serde Source {
    Model => "model",
});

/// Stance toward one target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stance<'a> {
    /// Score in [-1, 1]: negative is against.
    pub score: f64,
    /// Label from the score.
    pub label: StanceLabel,
    /// Why: each contribution, in order (each displays as a short sentence).
    pub because: Vec<Reason<'a>>,
}

impl Stance<'_> {
    /// The same stance, owning its strings.
    pub fn into_owned(self) -> Stance<'static> {
        Stance {
            score: self.score,
            label: self.label,
            because: self.because.into_iter().map(Reason::into_owned).collect(),
        }
    }
}

/// The analysis of one text.
///
/// It borrows from the text and the [`Analyzer`](crate::Analyzer) that made it
/// (`'a`), so that evidence and explanations cost no copies. To keep it longer than
/// either, take [`into_owned`](Analysis::into_owned):
///
/// ```
/// use avis_fr::{Analysis, Analyzer, StanceLabel, Topic};
///
/// fn analyse_all(texts: Vec<String>) -> Vec<Analysis<'static>> {
///     let topic = Topic::builtin("consultation-2015").unwrap();
///     let analyzer = Analyzer::builder().topic(topic).build().unwrap();
///     texts.iter().map(|t| analyzer.analyze(t).into_owned()).collect()
/// }
/// let analyses = analyse_all(vec!["Ce partenariat est une honte.".to_string()]);
/// // A target that may not exist: `get`, not indexing.
/// let partenariat = analyses[0].stance.get("partenariat").map(|s| s.label);
/// assert_eq!(partenariat, Some(StanceLabel::Against));
/// assert!(analyses[0].stance.get("tramway").is_none());
///
/// // The JSON reads back into the owned form.
/// let json = serde_json::to_string(&analyses[0]).unwrap();
/// let back: Analysis<'static> = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, analyses[0]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis<'a> {
    /// Overall sentiment.
    pub sentiment: Sentiment,
    /// The sentiment of each sentence ([`sentences`](crate::sentences)), in text
    /// order (a line break ends one too).
    #[serde(default)]
    pub sentences: Vec<SentenceSentiment>,
    /// Stance per target id of the analyzer's topic; ask with `stance.get("id")`.
    #[serde(default)]
    pub stance: BTreeMap<Cow<'a, str>, Stance<'a>>,
    /// Frame ids the text argues with, sorted (the topic keeps its frames by id).
    #[serde(default)]
    pub frames: Vec<Cow<'a, str>>,
    /// Every matched marker, in text order.
    #[serde(default)]
    pub evidence: Vec<Evidence<'a>>,
    /// Whether sentences, evidence or stance reasons were left out: a text longer
    /// than 1 MiB carries at most [`KEEP`](crate::KEEP) of each (per target for
    /// reasons), the first in text order; its figures still count everything.
    /// Absent from the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Analysis<'_> {
    /// The same analysis, owning its strings: it outlives the text and the analyzer,
    /// and can be sent to another thread or kept in a struct beside the analyzer.
    pub fn into_owned(self) -> Analysis<'static> {
        Analysis {
            sentiment: self.sentiment,
            sentences: self.sentences,
            stance: self
                .stance
                .into_iter()
                .map(|(id, stance)| (owned(id), stance.into_owned()))
                .collect(),
            frames: self.frames.into_iter().map(owned).collect(),
            evidence: self
                .evidence
                .into_iter()
                .map(Evidence::into_owned)
                .collect(),
            truncated: self.truncated,
        }
    }
}
