//! What a batch keeps of each analysis: the values read most, owned and small.

/// Sentiment, each target's stance score and label, and frames of one analysis.
pub struct Brief {
    pub sentiment: avis_fr::Sentiment,
    /// `(score, label)` per target of the analyzer, in `Analyzer.targets` order
    /// (`None` if the analysis had no such target: never in practice).
    pub stance: Vec<Option<(f64, &'static str)>>,
    pub frames: Vec<String>,
}

impl Brief {
    /// The brief of one analysis; `targets` are the analyzer's target ids.
    pub fn of(analysis: &avis_fr::Analysis<'_>, targets: &[String]) -> Brief {
        Brief {
            sentiment: analysis.sentiment.clone(),
            stance: targets
                .iter()
                .map(|t| {
                    let stance = analysis.stance.get(t.as_str());
                    stance.map(|s| (s.score, s.label.as_str()))
                })
                .collect(),
            frames: analysis.frames.iter().map(|f| f.to_string()).collect(),
        }
    }
}
