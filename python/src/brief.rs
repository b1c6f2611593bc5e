//! What a batch keeps of each analysis: the values read most, owned and small.

use avis_fr::StanceLabel;

/// Sentiment, each target's stance score and label, and frames of one analysis.
/// Targets and frames are indices into the analyzer's sorted ids ([`Ids`]): a
/// brief allocates at most two small arrays, and no string.
pub struct Brief {
    pub sentiment: avis_fr::Sentiment,
    /// `(score, label)` per target, in `Ids::targets` order (`None` if the
    /// analysis had no such target: never in practice).
    pub stance: Box<[Option<(f64, StanceLabel)>]>,
    /// The raised frames, as indices into `Ids::frames` (sorted).
    pub frames: Box<[u32]>,
}

/// The topic's target and frame ids, each sorted.
pub struct Ids {
    pub targets: Vec<String>,
    pub frames: Vec<String>,
}

impl Ids {
    /// The ids of `analyzer`'s topic.
    pub fn of(analyzer: &avis_fr::Analyzer) -> Ids {
        let topic = analyzer.topic();
        let mut targets: Vec<String> = topic.target_ids().into_iter().map(String::from).collect();
        let mut frames: Vec<String> = topic.frames().iter().map(|f| f.id.clone()).collect();
        targets.sort();
        frames.sort();
        Ids { targets, frames }
    }
}

impl Brief {
    /// The brief of one analysis by an analyzer whose topic's ids are `ids`.
    pub fn of(analysis: &avis_fr::Analysis<'_>, ids: &Ids) -> Brief {
        Brief {
            sentiment: analysis.sentiment.clone(),
            stance: ids
                .targets
                .iter()
                .map(|t| {
                    let stance = analysis.stance.get(t.as_str());
                    stance.map(|s| (s.score, s.label))
                })
                .collect(),
            // Every frame of an analysis is one of its topic's: none is left out
            // (and a frame index fits in `u32`, as a topic's frames fit in memory).
            frames: analysis
                .frames
                .iter()
                .filter_map(|f| ids.frames.binary_search_by(|id| id.as_str().cmp(f)).ok())
                .filter_map(|index| u32::try_from(index).ok())
                .collect(),
        }
    }
}
