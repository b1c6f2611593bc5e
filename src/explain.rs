//! Why a score is what it is: the rules that weighed a word, the reasons for a stance.
//!
//! Explanations are values: they borrow the words they cite from the analysed text
//! and the analyzer. In JSON each is an object a program can read (`{"rule":
//! "negation", "factor": -0.75, "by": "pas", "text": "negation `pas` ×-0.75"}`), with
//! its sentence for people in `text`, the same as [`Display`](fmt::Display) writes.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use crate::names::spelled;

/// A string of an analysis (borrowed from the text or the analyzer) as one that
/// owns its text.
pub(crate) fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// Which rule weighed a word.
///
/// ```
/// assert_eq!(avis_fr::RuleKind::IronyCue.as_str(), "irony_cue");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RuleKind {
    /// An intensifier just before the word (`très`, `vraiment`).
    Intensifier,
    /// A diminisher just before the word (`un peu`, `plutôt`).
    Diminisher,
    /// The word lies in the scope of a negation.
    Negation,
    /// The word is written in capitals in lower-case text.
    Capitals,
    /// The word is drawn out (`nuuuul`, `géniaaal`): found once its repeated
    /// letters were squeezed.
    Elongation,
    /// A contrast word (`mais`) in the sentence weighs this side of it: more after
    /// it (factor above 1), less before it.
    Contrast,
    /// The sentence ends with `!`, `!!!`, `?!`.
    Exclamation,
    /// Praise in a sentence that ends with `?`: asked or doubted, not asserted.
    Question,
    /// An irony cue in the sentence turned this praise around.
    IronyCue,
    /// A praise formula in a negative comment turned this praise around.
    IronyPraise,
    /// The word is in the writer's verdict: a sentence that concludes or
    /// recommends (`bref`, `je recommande`), or the last of a longer text.
    Verdict,
    /// A remedy before this harm (`lutter contre le changement climatique`,
    /// `réduire les émissions`) made it good news; a harm with none is a fact
    /// (factor 0).
    Remedy,
    /// What grows is a harm or a bad thing (`l'acidification s'accélère`): the
    /// growth word weighs nothing (factor 0), the bad thing says the news.
    Growth,
}

spelled!(serde RuleKind {
    Intensifier => "intensifier",
    Diminisher => "diminisher",
    Negation => "negation",
    Capitals => "capitals",
    Elongation => "elongation",
    Contrast => "contrast",
    Exclamation => "exclamation",
    Question => "question",
    IronyCue => "irony_cue",
    IronyPraise => "irony_praise",
    Verdict => "verdict",
    Remedy => "remedy",
    Growth => "growth",
});

/// A rule that changed the weight of one sentiment word: which, by what factor,
/// and the words that made it fire.
///
/// ```
/// use avis_fr::{Analyzer, RuleKind};
///
/// let analyzer = Analyzer::default();
/// let analysis = analyzer.analyze("Ce n'est pas très honnête.");
/// let word = analysis.evidence.iter().find(|e| e.text == "honnête").unwrap();
/// let negation = word.rules.iter().find(|r| r.kind == RuleKind::Negation).unwrap();
/// assert_eq!(negation.by.as_deref(), Some("pas"));
/// assert_eq!(word.rules[0].to_string(), "intensifier `très` ×1.30");
/// let json = serde_json::to_value(negation).unwrap();
/// assert_eq!(json["rule"], "negation");
/// assert_eq!(json["by"], "pas");
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Rule<'a> {
    /// Which rule.
    #[serde(rename = "rule")]
    pub kind: RuleKind,
    /// What it multiplied the word's weight by (-1 for irony, which flips it).
    pub factor: f64,
    /// The words that made it fire, as written (`pas`, `très`, `!!!`), when there are.
    #[serde(default)]
    pub by: Option<Cow<'a, str>>,
}

impl Rule<'_> {
    /// The same rule, owning its words.
    pub fn into_owned(self) -> Rule<'static> {
        Rule {
            kind: self.kind,
            factor: self.factor,
            by: self.by.map(owned),
        }
    }
}

impl fmt::Display for Rule<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let factor = self.factor;
        let by = |f: &mut fmt::Formatter<'_>| match &self.by {
            Some(by) => write!(f, " `{by}`"),
            None => Ok(()),
        };
        match self.kind {
            RuleKind::IronyCue => {
                f.write_str("irony: cue")?;
                by(f)?;
                f.write_str(" in the sentence, praise flipped")
            }
            RuleKind::IronyPraise => {
                f.write_str("irony: praise")?;
                by(f)?;
                f.write_str(" in a negative comment, flipped")
            }
            RuleKind::Contrast => {
                let side = if factor > 1.0 { "after" } else { "before" };
                write!(f, "contrast: {side}")?;
                by(f)?;
                write!(f, " ×{factor:.2}")
            }
            kind => {
                f.write_str(kind.as_str())?;
                by(f)?;
                write!(f, " ×{factor:.2}")
            }
        }
    }
}

impl Serialize for Rule<'_> {
    /// Its fields, then its sentence as `text`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Rule", 4)?;
        s.serialize_field("rule", &self.kind)?;
        s.serialize_field("factor", &self.factor)?;
        match &self.by {
            Some(by) => s.serialize_field("by", by)?,
            None => s.skip_field("by")?,
        }
        s.serialize_field("text", &self.to_string())?;
        s.end()
    }
}

/// One contribution to the stance toward a target, in the order it was added.
///
/// Displayed as a short sentence ending with the contribution
/// (``stance marker `honte` -0.60``); in JSON an object naming its `kind`, its
/// words, its `value` and that sentence as `text`.
///
/// ```
/// use avis_fr::{Analyzer, Reason, Topic};
///
/// let topic = Topic::builtin("consultation-2015")?;
/// let analyzer = Analyzer::builder().topic(topic).build()?;
/// let analysis = analyzer.analyze("Cet accord est une honte !");
/// let against = &analysis.stance["partenariat"];
/// assert!(against.because.iter().any(|r| matches!(r, Reason::Subject { .. })));
/// assert!(against.because.iter().all(|r| r.value() != 0.0));
/// let json = serde_json::to_value(&against.because[0]).unwrap();
/// assert_eq!(json["kind"], "stance_marker");
/// assert_eq!(json["marker"], "honte");
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason<'a> {
    /// A stance marker of the topic (`honte` toward the thread's subject).
    StanceMarker {
        /// The marker as written.
        marker: Cow<'a, str>,
        /// Whether it was negated (which turns and damps it).
        negated: bool,
        /// Its contribution.
        value: f64,
    },
    /// A sentiment word in a clause that names the target.
    ClauseSentiment {
        /// The sentiment word as written.
        word: Cow<'a, str>,
        /// Its weighed value (after the rules).
        weighed: f64,
        /// The name of the target it was given to.
        name: Cow<'a, str>,
        /// Its contribution.
        value: f64,
    },
    /// The feeling of the sentence, for a name in a clause with none of its own
    /// (`Décor vieillot, service inexistant.`: the décor).
    SentenceSentiment {
        /// The name of the target it was given to.
        name: Cow<'a, str>,
        /// The weighed feeling it took from its sentence.
        sentiment: f64,
        /// Its contribution.
        value: f64,
    },
    /// A stance cue or comparative next to a name (`favoriser le logiciel libre`,
    /// `X dégage`).
    Cue {
        /// The cue as written.
        cue: Cow<'a, str>,
        /// The name it applies to.
        name: Cow<'a, str>,
        /// Its contribution.
        value: f64,
    },
    /// The comment raises a frame declared as an objection to the target.
    Objection {
        /// The frame id.
        frame: Cow<'a, str>,
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
    /// The comment's overall sentiment, toward the one target it names (for a
    /// topic without a subject).
    OnlyTarget {
        /// The overall sentiment score.
        sentiment: f64,
        /// Its contribution.
        value: f64,
    },
    /// The stance toward a rival of the target, turned around.
    Rival {
        /// The rival target id.
        rival: Cow<'a, str>,
        /// Its contribution.
        value: f64,
    },
    /// The target is discussed in a comment against its rival.
    AgainstRival {
        /// The rival target id.
        rival: Cow<'a, str>,
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
            | Reason::SentenceSentiment { value, .. }
            | Reason::Cue { value, .. }
            | Reason::Objection { value, .. }
            | Reason::Subject { value, .. }
            | Reason::OnlyTarget { value, .. }
            | Reason::Rival { value, .. }
            | Reason::AgainstRival { value, .. } => value,
        }
    }

    /// The reason's kind as written in JSON (`clause_sentiment`).
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::StanceMarker { .. } => "stance_marker",
            Reason::ClauseSentiment { .. } => "clause_sentiment",
            Reason::SentenceSentiment { .. } => "sentence_sentiment",
            Reason::Cue { .. } => "cue",
            Reason::Objection { .. } => "objection",
            Reason::Subject { .. } => "subject",
            Reason::OnlyTarget { .. } => "only_target",
            Reason::Rival { .. } => "rival",
            Reason::AgainstRival { .. } => "against_rival",
        }
    }

    /// The same reason, owning its words.
    pub fn into_owned(self) -> Reason<'static> {
        match self {
            Reason::StanceMarker {
                marker,
                negated,
                value,
            } => Reason::StanceMarker {
                marker: owned(marker),
                negated,
                value,
            },
            Reason::ClauseSentiment {
                word,
                weighed,
                name,
                value,
            } => Reason::ClauseSentiment {
                word: owned(word),
                weighed,
                name: owned(name),
                value,
            },
            Reason::SentenceSentiment {
                name,
                sentiment,
                value,
            } => Reason::SentenceSentiment {
                name: owned(name),
                sentiment,
                value,
            },
            Reason::Cue { cue, name, value } => Reason::Cue {
                cue: owned(cue),
                name: owned(name),
                value,
            },
            Reason::Objection { frame, value } => Reason::Objection {
                frame: owned(frame),
                value,
            },
            Reason::Subject { sentiment, value } => Reason::Subject { sentiment, value },
            Reason::OnlyTarget { sentiment, value } => Reason::OnlyTarget { sentiment, value },
            Reason::Rival { rival, value } => Reason::Rival {
                rival: owned(rival),
                value,
            },
            Reason::AgainstRival { rival, value } => Reason::AgainstRival {
                rival: owned(rival),
                value,
            },
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::StanceMarker {
                marker,
                negated,
                value,
            } => {
                let negated = if *negated { " (negated)" } else { "" };
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
            Reason::SentenceSentiment {
                name,
                sentiment,
                value,
            } => write!(
                f,
                "its sentence's feeling ({sentiment:+.2}) for `{name}`, named in a clause without one {value:+.2}"
            ),
            Reason::Cue { cue, name, value } => write!(f, "`{cue}` next to `{name}` {value:+.2}"),
            Reason::Objection { frame, value } => write!(f, "argues with `{frame}` {value:+.2}"),
            Reason::Subject { sentiment, value } => write!(
                f,
                "overall sentiment {sentiment:+.2} toward the thread's subject {value:+.2}"
            ),
            Reason::OnlyTarget { sentiment, value } => write!(
                f,
                "overall sentiment {sentiment:+.2} of a comment naming only this target {value:+.2}"
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

impl Serialize for Reason<'_> {
    /// `kind`, its words and numbers, `value`, then its sentence as `text`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind())?;
        match self {
            Reason::StanceMarker {
                marker, negated, ..
            } => {
                map.serialize_entry("marker", marker)?;
                map.serialize_entry("negated", negated)?;
            }
            Reason::ClauseSentiment {
                word,
                weighed,
                name,
                ..
            } => {
                map.serialize_entry("word", word)?;
                map.serialize_entry("weighed", weighed)?;
                map.serialize_entry("name", name)?;
            }
            Reason::SentenceSentiment {
                name, sentiment, ..
            } => {
                map.serialize_entry("name", name)?;
                map.serialize_entry("sentiment", sentiment)?;
            }
            Reason::Cue { cue, name, .. } => {
                map.serialize_entry("cue", cue)?;
                map.serialize_entry("name", name)?;
            }
            Reason::Objection { frame, .. } => map.serialize_entry("frame", frame)?,
            Reason::Subject { sentiment, .. } | Reason::OnlyTarget { sentiment, .. } => {
                map.serialize_entry("sentiment", sentiment)?
            }
            Reason::Rival { rival, .. } | Reason::AgainstRival { rival, .. } => {
                map.serialize_entry("rival", rival)?
            }
        }
        map.serialize_entry("value", &self.value())?;
        map.serialize_entry("text", &self.to_string())?;
        map.end()
    }
}
