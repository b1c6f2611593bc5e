//! Intensity: `très`, `vraiment`, `trop` strengthen the sentiment word just after
//! them; `un peu`, `plutôt` weaken it.

use super::{feelings, Reading, Weighed, WordRule};
use crate::document::Document;
use crate::explain::{Rule, RuleKind};
use crate::lexicon::EntryKind;

/// Intensifiers and diminishers within
/// [`RuleWeights::intensity_window`](crate::RuleWeights) tokens before the word, in its
/// clause: each multiplies it (an intensifier of valence `v` by `1 + v`, a
/// diminisher by `1 - v`).
pub(crate) struct Intensity;

impl WordRule for Intensity {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        for word in feelings(words) {
            let window = weights.rules.intensity_window;
            let factor = intensity(doc, word.first, window, |rule| word.record(rule));
            word.value *= factor;
        }
    }
}

/// The product of the intensifiers and diminishers just before token `first`, each
/// one's rule given to `why`.
fn intensity<'a>(
    doc: &Document<'a>,
    first: usize,
    window: usize,
    mut why: impl FnMut(Rule<'a>),
) -> f64 {
    let mut factor = 1.0;
    let mut i = first;
    let mut seen = 0;
    while i > 0 && seen < window {
        i -= 1;
        if doc.clause(i) != doc.clause(first) {
            break;
        }
        seen += 1;
        let Some(h) = doc.hit_at(i) else { continue };
        let hit = &doc.hits[h];
        if hit.kinds.has(EntryKind::Intensifier) || hit.kinds.has(EntryKind::Diminisher) {
            let word = doc.span_text(hit);
            for &(kind, valence) in hit.meaning.words.iter() {
                let (kind, f) = match kind {
                    EntryKind::Intensifier => (RuleKind::Intensifier, 1.0 + valence),
                    EntryKind::Diminisher => (RuleKind::Diminisher, 1.0 - valence),
                    _ => continue,
                };
                factor *= f;
                why(Rule {
                    kind,
                    factor: f,
                    by: Some(word.into()),
                });
            }
        }
        // A multi-word hit counts once: jump to its first token.
        i = hit.first;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::testing::{matcher, read};
    use crate::rules::testing::{in_pipeline, weigh_alone};

    fn lexicon() -> crate::lexicon::Matcher {
        matcher(&[
            ("content", EntryKind::Sentiment, 2.0),
            ("très", EntryKind::Intensifier, 0.3),
            ("un peu", EntryKind::Diminisher, 0.3),
        ])
    }

    #[test]
    fn intensifiers_and_diminishers_multiply() {
        let m = lexicon();
        let words = weigh_alone(&Intensity, &read("très content", &m));
        assert!((words[0].value - 2.6).abs() < 1e-12);
        assert_eq!(words[0].rules[0].by.as_deref(), Some("très"));
        let words = weigh_alone(&Intensity, &read("un peu content", &m));
        assert!((words[0].value - 1.4).abs() < 1e-12);
        assert_eq!(words[0].rules[0].kind, RuleKind::Diminisher);
    }

    #[test]
    fn the_window_and_the_clause_bound_it() {
        let m = lexicon();
        let far = weigh_alone(&Intensity, &read("très a b c content", &m));
        assert!(far[0].rules.is_empty());
        let cut = weigh_alone(&Intensity, &read("très, content", &m));
        assert!(cut[0].rules.is_empty());
    }

    #[test]
    fn through_the_pipeline() {
        let rules = in_pipeline("Je suis très content.", "content");
        assert!(rules.iter().any(|r| r.0 == RuleKind::Intensifier));
    }
}
