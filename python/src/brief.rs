//! What a batch keeps of each analysis: the values read most, owned and small.

use avis_fr::StanceLabel;

/// Sentiment, each target's stance score and label, and frames of one analysis.
/// Targets and frames are indices into the analyzer's sorted ids ([`Ids`]): a
/// brief holds no string, and allocates nothing for a topic of up to four targets
/// and a text that raises up to eight frames.
pub struct ScoresOnly {
    pub sentiment: avis_fr::Sentiment,
    /// `(score, label)` per target, in `Ids::targets` order (`None` if the
    /// analysis had no such target: never in practice).
    pub stance: InlineVec<Option<(f64, StanceLabel)>, 4>,
    /// The raised frames, as indices into `Ids::frames` (sorted).
    pub frames: InlineVec<u32, 8>,
}

/// A short list kept inline, in a box when longer than `N`: a batch would
/// otherwise allocate two small arrays per text, and free them all at its end.
pub enum InlineVec<T, const N: usize> {
    Inline(u8, [T; N]),
    Heap(Box<[T]>),
}

impl<T: Copy + Default, const N: usize> InlineVec<T, N> {
    /// The items of `items`, in order.
    pub fn collect(items: impl IntoIterator<Item = T>) -> Self {
        let mut inline = [T::default(); N];
        let mut items = items.into_iter();
        let mut len = 0;
        while let Some(item) = items.next() {
            let Some(slot) = inline.get_mut(len) else {
                let mut heap = inline.to_vec();
                heap.push(item);
                heap.extend(items);
                return InlineVec::Heap(heap.into_boxed_slice());
            };
            *slot = item;
            len += 1;
        }
        match u8::try_from(len) {
            Ok(len) => InlineVec::Inline(len, inline),
            // Only for an `N` past 255.
            Err(_) => InlineVec::Heap(inline.into()),
        }
    }

    /// The items.
    pub fn as_slice(&self) -> &[T] {
        match self {
            InlineVec::Inline(len, items) => items.get(..usize::from(*len)).unwrap_or_default(),
            InlineVec::Heap(items) => items,
        }
    }
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

impl ScoresOnly {
    /// The brief of one analysis by an analyzer whose topic's ids are `ids`.
    pub fn of(analysis: &avis_fr::Analysis<'_>, ids: &Ids) -> ScoresOnly {
        ScoresOnly {
            sentiment: analysis.sentiment.clone(),
            stance: InlineVec::collect(ids.targets.iter().map(|t| {
                let stance = analysis.stance.get(t.as_str());
                stance.map(|s| (s.score, s.label))
            })),
            // Every frame of an analysis is one of its topic's: none is left out
            // (and a frame index fits in `u32`, as a topic's frames fit in memory).
            frames: InlineVec::collect(
                analysis
                    .frames
                    .iter()
                    .filter_map(|f| ids.frames.binary_search_by(|id| id.as_str().cmp(f)).ok())
                    .filter_map(|index| u32::try_from(index).ok()),
            ),
        }
    }
}
