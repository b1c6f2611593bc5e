//! Why a score is what it is: the rules that weighed a word, the reasons for a stance.
//!
//! Explanations are values, not strings: they borrow the words they cite from the
//! analysed text and the analyzer, and are written out only when displayed or
//! serialized (as the same one-line sentence either way). An analysis that nobody
//! reads in full costs no formatting.

use std::fmt;

use serde::{Serialize, Serializer};

/// A rule that changed the weight of one sentiment word.
///
/// Displayed (and serialized) as a short sentence: `negation ×-0.75`.
///
/// ```
/// use avis_fr::{Analyzer, Rule};
///
/// let analyzer = Analyzer::default();
/// let analysis = analyzer.analyze("Ce n'est pas très honnête.");
/// let word = analysis.evidence.iter().find(|e| e.text == "honnête").unwrap();
/// assert!(word.rules.iter().any(|r| matches!(r, Rule::Negation { .. })));
/// assert_eq!(word.rules[0].to_string(), "intensifier `très` ×1.30");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rule<'a> {
    /// An intensifier just before the word (`très`, `vraiment`).
    Intensifier {
        /// The intensifier as written.
        word: &'a str,
        /// What it multiplied by.
        factor: f64,
    },
    /// A diminisher just before the word (`un peu`, `plutôt`).
    Diminisher {
        /// The diminisher as written.
        word: &'a str,
        /// What it multiplied by.
        factor: f64,
    },
    /// The word lies in the scope of a negation.
    Negation {
        /// What it multiplied by (negative: the sign flips).
        factor: f64,
    },
    /// The word is written in capitals in lower-case text.
    Capitals {
        /// What it multiplied by.
        factor: f64,
    },
    /// A contrast word (`mais`) in the sentence weighs this side of it.
    Contrast {
        /// Whether the word comes after the contrast word.
        after: bool,
        /// What it multiplied by.
        factor: f64,
    },
    /// The sentence ends with `!`, `!!!`, `?!`.
    Exclamation {
        /// The punctuation as written.
        marks: &'a str,
        /// What it multiplied by.
        factor: f64,
    },
    /// An irony cue in the sentence turned this praise around.
    IronyCue,
    /// A praise formula in a negative comment turned this praise around.
    IronyPraise,
}

impl Rule<'_> {
    /// What the rule multiplied the word's weight by (-1 for irony, which flips it).
    pub fn factor(&self) -> f64 {
        match *self {
            Rule::Intensifier { factor, .. }
            | Rule::Diminisher { factor, .. }
            | Rule::Negation { factor }
            | Rule::Capitals { factor }
            | Rule::Contrast { factor, .. }
            | Rule::Exclamation { factor, .. } => factor,
            Rule::IronyCue | Rule::IronyPraise => -1.0,
        }
    }
}

impl fmt::Display for Rule<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Rule::Intensifier { word, factor } => write!(f, "intensifier `{word}` ×{factor:.2}"),
            Rule::Diminisher { word, factor } => write!(f, "diminisher `{word}` ×{factor:.2}"),
            Rule::Negation { factor } => write!(f, "negation ×{factor:.2}"),
            Rule::Capitals { factor } => write!(f, "capitals ×{factor:.2}"),
            Rule::Contrast { after, factor } => {
                let side = if after { "after" } else { "before" };
                write!(f, "contrast: {side} `mais`-like word ×{factor:.2}")
            }
            Rule::Exclamation { marks, factor } => {
                write!(f, "exclamation `{marks}` ×{factor:.2}")
            }
            Rule::IronyCue => f.write_str("irony: cue in the sentence, praise flipped"),
            Rule::IronyPraise => f.write_str("irony: praise in a negative comment, flipped"),
        }
    }
}

/// One contribution to the stance toward a target, in the order it was added.
///
/// Displayed (and serialized) as a short sentence ending with the contribution:
/// ``stance marker `honte` -0.60``.
///
/// ```
/// use avis_fr::{Analyzer, Reason};
///
/// let analyzer = Analyzer::default();
/// let analysis = analyzer.analyze("Cet accord est une honte !");
/// let against = &analysis.stance["partenariat"];
/// assert!(against.because.iter().any(|r| matches!(r, Reason::Subject { .. })));
/// assert!(against.because.iter().all(|r| r.value() != 0.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Reason<'a> {
    /// A stance marker of the topic (`honte` toward the thread's subject).
    StanceMarker {
        /// The marker as written.
        marker: &'a str,
        /// Whether it was negated (which turns and damps it).
        negated: bool,
        /// Its contribution.
        value: f64,
    },
    /// A sentiment word in a clause that names the target.
    ClauseSentiment {
        /// The sentiment word as written.
        word: &'a str,
        /// Its weighed value (after the rules).
        weighed: f64,
        /// The name of the target it was given to.
        name: &'a str,
        /// Its contribution.
        value: f64,
    },
    /// A stance cue or comparative next to a name (`favoriser le logiciel libre`).
    Cue {
        /// The cue as written.
        cue: &'a str,
        /// The name it applies to.
        name: &'a str,
        /// Its contribution.
        value: f64,
    },
    /// The comment raises a frame declared as an objection to the target.
    Objection {
        /// The frame id.
        frame: &'a str,
        /// Its contribution.
        value: f64,
    },
    /// The comment's overall sentiment, toward the thread's subject.
    Subject {
        /// The overall sentiment score.
        sentiment: f64,
        /// Its contribution.
        value: f64,
    },
    /// The stance toward a rival of the target, turned around.
    Rival {
        /// The rival target id.
        rival: &'a str,
        /// Its contribution.
        value: f64,
    },
    /// The target is discussed in a comment against its rival.
    AgainstRival {
        /// The rival target id.
        rival: &'a str,
        /// Its contribution.
        value: f64,
    },
}

impl Reason<'_> {
    /// What this reason added to the stance score.
    pub fn value(&self) -> f64 {
        match *self {
            Reason::StanceMarker { value, .. }
            | Reason::ClauseSentiment { value, .. }
            | Reason::Cue { value, .. }
            | Reason::Objection { value, .. }
            | Reason::Subject { value, .. }
            | Reason::Rival { value, .. }
            | Reason::AgainstRival { value, .. } => value,
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reason::StanceMarker {
                marker,
                negated,
                value,
            } => {
                let negated = if negated { " (negated)" } else { "" };
                write!(f, "stance marker `{marker}`{negated} {value:+.2}")
            }
            Reason::ClauseSentiment {
                word,
                weighed,
                name,
                value,
            } => write!(
                f,
                "`{word}` ({weighed:+.2}) in the clause naming `{name}` {value:+.2}"
            ),
            Reason::Cue { cue, name, value } => write!(f, "`{cue}` before `{name}` {value:+.2}"),
            Reason::Objection { frame, value } => write!(f, "argues with `{frame}` {value:+.2}"),
            Reason::Subject { sentiment, value } => write!(
                f,
                "overall sentiment {sentiment:+.2} toward the thread's subject {value:+.2}"
            ),
            Reason::Rival { rival, value } => {
                write!(f, "stance toward its rival `{rival}` {value:+.2}")
            }
            Reason::AgainstRival { rival, value } => write!(
                f,
                "discussed in a comment against its rival `{rival}` {value:+.2}"
            ),
        }
    }
}

impl Serialize for Rule<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
