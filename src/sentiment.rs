//! Stage 5: the sentiment score, from the weighed sentiment words.
//!
//! Each sentiment word starts at its lexicon valence (in [-4, 4]) and goes through
//! the rules of [`crate::rules`]; the comment's score is the sum `s` squashed into
//! [-1, 1] as `s / sqrt(s² + 15)` (VADER's normalisation: one strong word gives about
//! ±0.6, several agreeing words approach ±1).

use crate::analysis::{Label, Role, Sentiment};
use crate::explain::Rule;
use crate::lexicon::{EntryKind, Hit, Payload};
use crate::rules::{self, capitals_rule, exclamation_rule, IronyContext, Layout};

/// Normalisation constant of the sum of contributions.
const ALPHA: f64 = 15.0;
/// Negation of a positive word: `pas content` is about three quarters as negative
/// as `content` is positive.
const NEGATE_POSITIVE: f64 = -0.75;
/// Negation of a negative word: `pas mauvais` is only mildly positive.
const NEGATE_NEGATIVE: f64 = -0.3;

/// Label thresholds on the score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Thresholds {
    pub(crate) negative: f64,
    pub(crate) positive: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            negative: -0.05,
            positive: 0.05,
        }
    }
}

impl Thresholds {
    pub(crate) fn label(&self, score: f64) -> Label {
        if score <= self.negative {
            Label::Negative
        } else if score >= self.positive {
            Label::Positive
        } else {
            Label::Neutral
        }
    }
}

/// One weighed word: where it is, what it was and what it became.
#[derive(Clone, Debug)]
pub(crate) struct Scored<'a> {
    /// Hit index.
    pub(crate) hit: usize,
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) role: Role,
    pub(crate) valence: f64,
    pub(crate) value: f64,
    pub(crate) rules: Vec<Rule<'a>>,
}

/// Weigh every sentiment word of the document and score it.
pub(crate) fn score<'a>(
    layout: &Layout<'_, 'a>,
    thresholds: Thresholds,
    mut items: Vec<Scored<'a>>,
) -> (Sentiment, Vec<Scored<'a>>) {
    // Capitals emphasise only in lower-case text; counted once, lazily.
    let shouting = std::cell::OnceCell::new();
    let shouting = || *shouting.get_or_init(|| rules::emphasis::mostly_capitals(layout.text));
    let feeling = |hit: &&Hit| hit.has(EntryKind::Sentiment) || hit.has(EntryKind::Irony);
    for (index, hit) in layout
        .hits
        .iter()
        .enumerate()
        .filter(|(_, hit)| feeling(hit))
    {
        // Naming a target is not a feeling: `libre` in `logiciel libre` carries none.
        let names_target = hit.names_target();
        for payload in layout.matcher.payloads(hit) {
            match *payload {
                Payload::Word {
                    kind: EntryKind::Sentiment,
                    valence,
                } if !names_target => {
                    items.push(weigh(layout, index, valence, &shouting));
                }
                Payload::Word {
                    kind: EntryKind::Irony,
                    valence,
                } if valence != 0.0 => items.push(Scored {
                    hit: index,
                    first: hit.first,
                    end: hit.end,
                    role: Role::Irony,
                    valence,
                    value: valence,
                    rules: Vec::new(),
                }),
                _ => {}
            }
        }
    }
    apply_irony(layout, &mut items);
    items.sort_by_key(|item| item.first);
    (summarise(layout, &items, thresholds), items)
}

fn weigh<'a>(
    layout: &Layout<'_, 'a>,
    index: usize,
    valence: f64,
    shouting: &dyn Fn() -> bool,
) -> Scored<'a> {
    let hit = layout.hits[index];
    let mut why = Vec::new();
    let mut value = valence * layout.intensity(hit.first, &mut why);
    if layout.negated(index) {
        let factor = if value > 0.0 {
            NEGATE_POSITIVE
        } else {
            NEGATE_NEGATIVE
        };
        why.push(Rule::Negation { factor });
    }
    why.extend(capitals_rule(layout, hit.first, hit.end, shouting));
    let contrast = layout.contrast(index);
    if contrast != 1.0 {
        why.push(Rule::Contrast {
            after: contrast > 1.0,
            factor: contrast,
        });
    }
    why.extend(exclamation_rule(layout, hit.first));
    // Intensity is already in `value`; the others multiply in order.
    for rule in &why {
        if !matches!(rule, Rule::Intensifier { .. } | Rule::Diminisher { .. }) {
            value *= rule.factor();
        }
    }
    Scored {
        hit: index,
        first: hit.first,
        end: hit.end,
        role: Role::Sentiment,
        valence,
        value,
        rules: why,
    }
}

/// Flip the praise that irony turns (see [`crate::rules::irony`]).
fn apply_irony(layout: &Layout<'_, '_>, items: &mut [Scored<'_>]) {
    let irony = IronyContext::new(layout);
    let sentence = |item: &Scored| layout.sentence(item.first);
    let context: f64 = items
        .iter()
        .filter(|item| !(item.value > 0.0 && irony.in_praise(sentence(item))))
        .map(|item| item.value)
        .sum();
    for item in items.iter_mut().filter(|item| item.role == Role::Sentiment) {
        if item.value > 0.0 {
            if let Some(rule) = irony.flip(sentence(item), context < 0.0) {
                item.value = -item.value;
                item.rules.push(rule);
            }
        }
    }
}

fn summarise(layout: &Layout<'_, '_>, items: &[Scored<'_>], thresholds: Thresholds) -> Sentiment {
    let total: f64 = items.iter().map(|item| item.value).fold(0.0, |a, b| a + b);
    let score = if total == 0.0 {
        0.0
    } else {
        total / (total * total + ALPHA).sqrt()
    };
    let positive = items.iter().fold(0.0, |sum, i| sum + i.value.max(0.0));
    let negative = items.iter().fold(0.0, |sum, i| sum + (-i.value).max(0.0));
    let carried: usize = items.iter().map(|i| i.end - i.first).sum();
    let words = layout.words();
    let neutral = words.saturating_sub(carried) as f64;
    let mass = positive + negative + neutral;
    let share = |x: f64| if mass > 0.0 { x / mass } else { 0.0 };
    Sentiment {
        score,
        label: thresholds.label(score),
        positive: share(positive),
        negative: share(negative),
        neutral: if mass > 0.0 { share(neutral) } else { 1.0 },
    }
}
