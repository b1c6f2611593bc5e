//! Irony: praise turned against the addressee.
//!
//! French comments often praise in order to blame: "Merci Madame la ministre pour
//! n'écouter que ces lobbyistes", "Vive la pensée unique !", "Quelle intégrité de
//! votre part !", "Heureusement que …, hein…", "Mouhahahaha".
//!
//! The rule, in two parts:
//! 1. An explicit irony cue (`hein`, `ben voyons`, mocking laughter such as
//!    `mouhahaha`) flips the positive words of its sentence, and adds its own
//!    (negative) valence.
//! 2. A praise formula (`merci`, `bravo`, `vive`, `quelle …`, `heureusement`) that
//!    opens its sentence flips the positive words of the sentence when the rest of
//!    the comment is clearly negative. Praise inside a sentence (`une série vraiment
//!    excellente, mais …`) is sincere more often than not: mixed reviews are.
//!
//! 3. A praising interjection that opens its sentence alone before a comma, a colon
//!    or a `!` (`Super,`, `Génial !`), followed in its sentence by no praise and by
//!    a setback (a negative word) or a repetition (`encore`, `de plus`, `une
//!    nouvelle`, `énième`) or a loss said as a negation (`plus de réseau`,
//!    `personne n'était prévenu`), is irony: `Super, une augmentation de plus`,
//!    `Bravo, troisième panne de la semaine`, `Trop bien, les travaux
//!    recommencent`. What follows it says what it greets.
//!
//! Limits: a sincere thank-you in an otherwise critical comment is read as ironic;
//! irony with no cue and no negative context (deadpan) is not seen; a cue only
//! reaches its own sentence.

use super::{Reading, Weighed, WordRule};
use crate::analysis::Role;
use crate::document::Document;
use crate::explain::{Rule, RuleKind};
use crate::lexicon::EntryKind;

/// Flips praise in a sentence with an irony cue, or in a negative comment: one whose
/// other words add up to [`RuleWeights::irony_context`](crate::RuleWeights) or below,
/// more than one mild word (a stray `pressé` does not turn a sincere review).
pub(crate) struct Irony;

impl WordRule for Irony {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, weights, .. } = *read;
        ironic_openings(doc, words);
        // Most comments have neither praise nor cue: then nothing is allocated.
        let Some(irony) = Sentences::new(doc) else {
            return;
        };
        let sentence = |word: &Weighed<'_>| doc.sentence(word.first) as usize;
        let context: f64 = words
            .iter()
            .filter(|w| !(w.value > 0.0 && irony.praise[sentence(w)].is_some()))
            .map(|w| w.value)
            .sum();
        // Praise elsewhere in the comment, outside any praise or cue sentence: the
        // writer praises sincerely there, and the opening praise is sincere too (a
        // review's dark plot is no negative comment: `Génial ! Entre corruption et
        // tensions, une des meilleures séries`).
        let sincere = words.iter().any(|w| {
            let s = sentence(w);
            w.role == Role::Sentiment
                && w.value > 0.0
                && irony.praise[s].is_none()
                && irony.cue[s].is_none()
        });
        for word in words.iter_mut().filter(|w| w.role == Role::Sentiment) {
            if word.value <= 0.0 {
                continue;
            }
            let s = sentence(word);
            let (kind, by) = match (irony.cue[s], irony.praise[s]) {
                (Some(cue), _) => (RuleKind::IronyCue, cue),
                (None, Some(praise)) if context < weights.rules.irony_context && !sincere => {
                    (RuleKind::IronyPraise, praise)
                }
                _ => continue,
            };
            word.apply(Rule {
                kind,
                factor: -1.0,
                by: Some(doc.span_text(&doc.hits[by]).into()),
            });
        }
    }
}

/// Part 3: each praising interjection that opens its sentence, greeting a setback
/// or a repetition, flipped.
fn ironic_openings<'a>(doc: &Document<'a>, words: &mut [Weighed<'a>]) {
    let mut i = 0;
    while i < words.len() {
        let Some(setback) = greeted_setback(doc, words, i) else {
            i += 1;
            continue;
        };
        let word = &mut words[i];
        word.apply(Rule {
            kind: RuleKind::IronyCue,
            factor: -1.0,
            by: Some(doc.hit_text(setback).into()),
        });
        i += 1;
    }
}

/// If word `i` is a praising interjection opening its sentence and the rest of the
/// sentence greets a setback or a repetition with no praise: the token of the first
/// setback or repetition.
fn greeted_setback(doc: &Document<'_>, words: &[Weighed<'_>], i: usize) -> Option<usize> {
    let word = &words[i];
    let alone = |t: &str| matches!(t, "," | ":" | "!" | "…" | "..." | "!!" | "!!!");
    let after = doc.tokens.get(word.end)?;
    // One word or a two-word exclamation (`Super,`, `Trop bien,`).
    if word.role != Role::Sentiment
        || word.value <= 0.0
        || word.end - word.first > 2
        || !doc.opens_sentence(word.first)
        || !alone(after.text)
    {
        return None;
    }
    let sentence = doc.sentence(word.first);
    let rest = words[i + 1..]
        .iter()
        .take_while(|w| doc.sentence(w.first) == sentence);
    let mut setback = None;
    for w in rest {
        if w.value > 0.0 {
            return None;
        }
        setback = setback.or(Some(w.first));
    }
    // No setback word: a repetition in the sentence, or a loss said as a
    // negation (`Merveilleux, plus de réseau`, `personne n'était prévenu`).
    let lost = [
        EntryKind::Repetition,
        EntryKind::Negator,
        EntryKind::NeNegator,
        EntryKind::Absence,
    ];
    let repetition = || {
        (word.end..doc.tokens.len())
            .take_while(|&t| doc.sentence(t) == sentence)
            .find(|&t| {
                doc.hit_at(t)
                    .is_some_and(|h| lost.iter().any(|&k| doc.hits[h].kinds.has(k)))
            })
    };
    setback.or_else(repetition)
}

/// Per sentence, the first praise formula and the first irony cue in it (hit indices).
struct Sentences {
    praise: Vec<Option<usize>>,
    cue: Vec<Option<usize>>,
}

impl Sentences {
    fn new(doc: &Document<'_>) -> Option<Self> {
        let kinds = [EntryKind::Praise, EntryKind::Irony];
        if !doc
            .hits
            .iter()
            .any(|h| kinds.iter().any(|&k| h.kinds.has(k)))
        {
            return None;
        }
        let sentences = doc.sentence_count();
        let (mut praise, mut cue) = (vec![None; sentences], vec![None; sentences]);
        for (h, hit) in doc.hits.iter().enumerate() {
            let opens = doc.opens_sentence(hit.first);
            for (kind, marked) in [
                (EntryKind::Praise, &mut praise),
                (EntryKind::Irony, &mut cue),
            ] {
                if hit.kinds.has(kind) && (kind == EntryKind::Irony || opens) {
                    // A hit across a sentence break marks both sentences.
                    for i in [hit.first, hit.end - 1] {
                        marked[doc.sentence(i) as usize].get_or_insert(h);
                    }
                }
            }
        }
        Some(Sentences { praise, cue })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::testing::{matcher, read};
    use crate::lexicon::Matcher;
    use crate::rules::testing::{in_pipeline, weigh_alone};

    fn lexicon() -> Matcher {
        matcher(&[
            ("bien", EntryKind::Sentiment, 2.0),
            ("honte", EntryKind::Sentiment, -3.0),
            ("merci", EntryKind::Praise, 0.0),
            ("hein", EntryKind::Irony, -1.0),
        ])
    }

    fn flipped(text: &str) -> Vec<Option<RuleKind>> {
        let m = lexicon();
        let words = weigh_alone(&Irony, &read(text, &m));
        words
            .iter()
            .map(|w| w.rules.first().map(|r| r.kind))
            .collect()
    }

    #[test]
    fn a_cue_flips_the_praise_of_its_sentence() {
        // The cue is a word of its own (its valence, unweighed), as in the pipeline.
        assert_eq!(flipped("c'est bien hein"), [Some(RuleKind::IronyCue), None]);
        assert_eq!(flipped("c'est bien. hein"), [None, None]);
    }

    #[test]
    fn praise_turns_only_in_a_negative_comment() {
        assert_eq!(flipped("merci, c'est bien"), [None]);
        assert_eq!(
            flipped("merci, c'est bien. Une honte."),
            [Some(RuleKind::IronyPraise), None]
        );
        // Praise inside its sentence is sincere: mixed reviews are.
        assert_eq!(flipped("c'est bien, merci. Une honte."), [None, None]);
        // So is opening praise when the writer praises elsewhere too.
        assert_eq!(
            flipped("merci, c'est bien. Une honte. C'est bien."),
            [None, None, None]
        );
    }

    #[test]
    fn a_praising_interjection_greeting_a_setback_is_irony() {
        let analyzer = crate::Analyzer::default();
        let label = |text: &str| analyzer.analyze(text).sentiment.label;
        use crate::Label::{Negative, Positive};
        assert_eq!(label("Super, une augmentation de plus."), Negative);
        assert_eq!(label("Génial, le bus est encore en retard."), Negative);
        // A two-word exclamation; a loss said as a negation.
        assert_eq!(label("Trop bien, les travaux recommencent."), Negative);
        assert_eq!(label("Merveilleux, plus de réseau depuis lundi."), Negative);
        // Praise after it: sincere.
        assert_eq!(label("Super, encore une excellente soirée !"), Positive);
        // Not alone before its comma: not an interjection.
        assert_eq!(label("Super soirée, encore merci."), Positive);
    }

    #[test]
    fn through_the_pipeline() {
        let text = "Merci pour ce beau cadeau aux lobbies. Une honte.";
        let rules = in_pipeline(text, "beau");
        let flip = rules.iter().find(|r| r.0 == RuleKind::IronyPraise);
        assert_eq!(
            flip.and_then(|r| r.2.as_deref()),
            Some("Merci"),
            "{rules:?}"
        );
    }
}
