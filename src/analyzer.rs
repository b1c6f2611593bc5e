//! The analyzer: compiled lexicons and topic, shared across threads.

use std::collections::BTreeMap;

use crate::analysis::{Analysis, Label, Sentiment, Stance, StanceLabel};
use crate::{Error, Lexicon, Topic};

/// Analyses French texts. Immutable once built: share it by reference or `Arc`.
#[derive(Clone, Debug)]
pub struct Analyzer {
    topic: Topic,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            topic: Topic::default(),
        }
    }
}

/// Configures an [`Analyzer`].
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    lexicons: Vec<Lexicon>,
    topic: Option<Topic>,
}

impl AnalyzerBuilder {
    /// Add a lexicon over the defaults: its entries add to or override them.
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicons.push(lexicon);
        self
    }

    /// Use this topic instead of the default one.
    pub fn topic(mut self, topic: Topic) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Build the analyzer.
    pub fn build(self) -> Result<Analyzer, Error> {
        Ok(Analyzer {
            topic: self.topic.unwrap_or_default(),
        })
    }
}

impl Analyzer {
    /// Start configuring an analyzer.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// The topic this analyzer reads stance and frames against.
    pub fn topic(&self) -> &Topic {
        &self.topic
    }

    /// Analyse one text. PLACEHOLDER: neutral everywhere.
    pub fn analyze(&self, _text: &str) -> Analysis {
        let stance = self
            .topic
            .target_ids()
            .into_iter()
            .map(|id| {
                (
                    id.to_string(),
                    Stance {
                        score: 0.0,
                        label: StanceLabel::None,
                        because: Vec::new(),
                    },
                )
            })
            .collect::<BTreeMap<_, _>>();
        Analysis {
            sentiment: Sentiment {
                score: 0.0,
                label: Label::Neutral,
                positive: 0.0,
                negative: 0.0,
                neutral: 1.0,
            },
            stance,
            frames: Vec::new(),
            evidence: Vec::new(),
        }
    }
}
