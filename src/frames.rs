//! Stage 4: the argument frames a comment uses: the topic's frames whose markers
//! it contains, whatever their clause's sentiment, including markers nested in a
//! longer expression (`utiliser des logiciels libres` still raises free software).

use std::borrow::Cow;

use crate::document::Document;
use crate::lexicon::{CompiledTopic, TopicMeaning};

/// Which of the topic's frames the document raises.
#[derive(Debug, Default)]
pub(crate) struct FramesCache {
    raised: Vec<bool>,
}

/// What the frames stage returns: one flag per frame of the topic.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frames<'c> {
    pub(crate) raised: &'c [bool],
}

impl<'c> Frames<'c> {
    /// The ids of the raised frames, in the topic's order (sorted by id).
    pub(crate) fn ids<'a>(&self, topic: &'a CompiledTopic) -> Vec<Cow<'a, str>> {
        let raised = topic.frames.iter().zip(self.raised);
        raised
            .filter(|(_, raised)| **raised)
            .map(|(id, _)| Cow::Borrowed(id.as_str()))
            .collect()
    }
}

/// The frames a document raises.
pub(crate) fn find<'c>(
    doc: &Document<'_>,
    topic: &CompiledTopic,
    cache: &'c mut FramesCache,
) -> Frames<'c> {
    let raised = &mut cache.raised;
    raised.clear();
    raised.resize(topic.frames.len(), false);
    let hits = doc.hits.iter().chain(&doc.nested);
    for hit in hits.filter(|hit| hit.kinds.concerns_topic()) {
        for meaning in hit.meaning.topic.iter() {
            if let TopicMeaning::Frame { frame } = *meaning {
                raised[frame] = true;
            }
        }
    }
    Frames { raised }
}

#[cfg(test)]
mod tests {
    #[test]
    fn raised_frames_by_id_also_when_nested() {
        let topic = crate::Topic::builtin("consultation-2015");
        let analyzer = crate::Analyzer::builder()
            .topic(topic.unwrap())
            .build()
            .unwrap();
        let analysis = analyzer.analyze("Il faut utiliser des logiciels libres, et nos impôts ?");
        assert!(analysis.frames.iter().any(|f| f == "logiciel_libre"));
        assert!(analysis.frames.iter().any(|f| f == "fiscalite"));
        let mut sorted = analysis.frames.clone();
        sorted.sort();
        assert_eq!(sorted, analysis.frames);
        assert!(analyzer.analyze("Rien à voir.").frames.is_empty());
    }
}
