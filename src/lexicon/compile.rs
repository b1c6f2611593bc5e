//! Compiling lexicons and a topic into one matcher, with the topic's ids resolved
//! to indices once.

use super::matcher::{Matcher, Payload};
use super::meaning::TopicMeaning;
use super::{Lexicon, Topic};
use crate::error::Error;

/// The topic's ids, resolved to indices once when the analyzer is built.
#[derive(Clone, Debug, Default)]
pub(crate) struct CompiledTopic {
    pub(crate) targets: Vec<String>,
    pub(crate) frames: Vec<String>,
    pub(crate) subject: Option<usize>,
    /// For each frame, the stance that raising it states: (target, weight).
    pub(crate) objections: Vec<Option<(usize, f64)>>,
    /// For each target, the targets it rivals.
    pub(crate) rivals: Vec<Vec<usize>>,
}

/// Every entry of `lexicons` (later ones override earlier ones of the same term and
/// kind) and every expression of `topic`, in one matcher.
///
/// # Errors
/// When the lexicons' patterns together are too costly to compile (each one alone
/// was checked when its lexicon was read).
pub(crate) fn compile(
    lexicons: &[Lexicon],
    topic: &Topic,
) -> Result<(Matcher, CompiledTopic), Error> {
    let mut matcher = Matcher::default();
    for lexicon in lexicons {
        for entry in lexicon.entries() {
            let (kind, valence) = (entry.kind, entry.valence);
            let payload = Payload::Word { kind, valence };
            match entry.pattern() {
                Some(pattern) => matcher.add_pattern(&entry.term, pattern, payload),
                None => matcher.add(&entry.term, payload),
            }
        }
    }
    let index = compile_topic(topic, &mut matcher);
    matcher.compile_patterns().map_err(Error::Config)?;
    Ok((matcher, index))
}

fn compile_topic(topic: &Topic, matcher: &mut Matcher) -> CompiledTopic {
    let targets: Vec<String> = topic.target_ids().into_iter().map(String::from).collect();
    let position = |id: &str| targets.iter().position(|t| t == id);
    let mut add = |term: &str, meaning| matcher.add(term, Payload::Topic(meaning));
    for (target, t) in topic.targets().iter().enumerate() {
        for (names, polarity) in [(&t.names, 1.0), (&t.against, -1.0)] {
            for name in names {
                add(name, TopicMeaning::Target { target, polarity });
            }
        }
    }
    for (frame, f) in topic.frames().iter().enumerate() {
        for marker in &f.markers {
            add(marker, TopicMeaning::Frame { frame });
        }
    }
    for group in topic.stance_markers() {
        if let Some(target) = position(&group.target) {
            for marker in &group.markers {
                let weight = group.weight;
                add(marker, TopicMeaning::Stance { target, weight });
            }
        }
    }
    CompiledTopic {
        rivals: topic
            .targets()
            .iter()
            .map(|t| t.rivals.iter().filter_map(|r| position(r)).collect())
            .collect(),
        frames: topic.frames().iter().map(|f| f.id.clone()).collect(),
        objections: topic
            .frames()
            .iter()
            .map(|f| {
                let (target, weight) = f.objection.as_ref()?;
                Some((position(target)?, *weight))
            })
            .collect(),
        subject: topic.subject().and_then(position),
        targets,
    }
}
