//! Remedies: acting against a harm is good news.
//!
//! News writing says a good outcome through an action rather than a judging word:
//! `lutter contre le changement climatique`, `réduire les émissions de 40 %`, `une
//! solution pour traiter les déchets`. The object is a harm, and acting against it
//! is what a reader welcomes. Two kinds of entries meet here:
//!
//! - a **harm** (`changement climatique`, `émissions`, `déchets`) is a fact when it
//!   is only named: `journée d'étude sur le changement climatique` judges nothing, so
//!   alone it weighs 0;
//! - a **remedy** (`lutter contre`, `réduire`, `réduction de`, `traiter`) turns the
//!   harm, or a negative sentiment word (`la pollution`, `le chômage`), that follows
//!   it in its clause into good news of the same weight.
//!
//! A third kind says growth (`accroître`, `essor`, `montée en puissance`,
//! `s'accélère`): news welcome what grows or advances, mildly, unless it is a harm or
//! a bad thing (`l'acidification s'accélère`, `l'essor des inégalités`). Then the
//! growth word weighs nothing and the harm, no longer a mere fact, weighs as bad news.
//!
//! A harm in a negation's scope is left to the negation rule (`moins de déchets`,
//! `sans pesticides`): a negated harm reads as a negated negative word, mildly good.
//! A remedy itself negated (`ils ne luttent pas contre la pollution`) is turned back
//! by that rule too, since it runs after this one.

use super::{Reading, Weighed, WordRule};
use crate::analysis::Role;
use crate::explain::{Rule, RuleKind};
use crate::lexicon::{EntryKind, Hit};

/// Turns the harms and negative words after a remedy into good news, and leaves a
/// harm named without one as a fact.
pub(crate) struct Remedy;

/// How many tokens may lie between a remedy and its object: a determiner and a
/// quantity (`réduire de 40 % nos émissions`: `de 40 % nos`).
const REACH: usize = 5;

impl WordRule for Remedy {
    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading { doc, marks, .. } = *read;
        // Most comments name neither a harm nor a remedy: then no word is looked at
        // (a negative word would otherwise search the hits before it).
        let acts = |h: &Hit<'_>| {
            h.kinds.has(EntryKind::Remedy)
                || h.kinds.has(EntryKind::Harm)
                || h.kinds.has(EntryKind::Growth)
        };
        if !doc.hits.iter().any(acts) {
            return;
        }
        for i in 0..words.len() {
            let word = &words[i];
            if word.role != Role::Sentiment {
                continue;
            }
            if word.kind == EntryKind::Growth {
                if let Some(bad) = grows_bad(doc, words, i) {
                    let by = Some(words[bad].entry.into());
                    words[i].apply(Rule {
                        kind: RuleKind::Growth,
                        factor: 0.0,
                        by,
                    });
                }
                continue;
            }
            let harm = word.kind == EntryKind::Harm;
            if !(harm || word.value < 0.0) || (harm && marks.negated(word.hit)) {
                continue;
            }
            // Hits come in text order of their first token: the remedy, if any, is
            // among the hits just before the word's own. A remedy acts on its first
            // object only: a feeling between them (`traiter les déchets toxiques`)
            // stops the search, and `toxiques` stays what it is. A harm just after
            // another (`les émissions de gaz à effet de serre`) is its complement:
            // one harm, weighed once, by its head.
            let clause = doc.clause(word.first);
            let near = |h: &Hit<'_>| word.first - h.end <= REACH && doc.clause(h.end - 1) == clause;
            let before = doc.hits[..word.hit]
                .iter()
                .rev()
                .take_while(|h| h.first + REACH + 4 >= word.first)
                .filter(|h| h.end <= word.first)
                .find(|h| {
                    h.kinds.has(EntryKind::Sentiment)
                        || h.kinds.has(EntryKind::Harm)
                        || (h.kinds.has(EntryKind::Remedy)
                            && near(h)
                            && (harm || opens_object(doc, h.end)))
                });
            let remedy = before
                .filter(|h| !(h.kinds.has(EntryKind::Sentiment) || h.kinds.has(EntryKind::Harm)));
            let complement =
                harm && before.is_some_and(|h| h.kinds.has(EntryKind::Harm) && near(h));
            let weighs = remedy.is_none()
                && harm
                && !complement
                && (deplored(doc, words, i, clause) || grows(doc, word));
            let word = &mut words[i];
            match remedy {
                Some(by) => word.apply(Rule {
                    kind: RuleKind::Remedy,
                    factor: -1.0,
                    by: Some(doc.span_text(by).into()),
                }),
                None if harm && !weighs => word.apply(Rule {
                    kind: RuleKind::Remedy,
                    factor: 0.0,
                    by: None,
                }),
                None => {}
            }
        }
    }
}

/// Whether the clause of word `i` deplores something else too: a negative word near
/// it (`menacée par le réchauffement climatique`, `l'acidification s'accélère`), so
/// the harm it names is the cause of a loss, bad news at its weight. Only the
/// nearest words are read, so that a clause of many harms stays linear.
fn deplored(
    doc: &crate::document::Document<'_>,
    words: &[Weighed<'_>],
    i: usize,
    clause: u32,
) -> bool {
    const NEAR: usize = 6;
    let near = words[i.saturating_sub(NEAR)..words.len().min(i + NEAR + 1)].iter();
    near.filter(|w| w.role == Role::Sentiment && w.kind == EntryKind::Sentiment)
        .any(|w| w.valence < 0.0 && doc.clause(w.first) == clause)
}

/// Whether a growth word lies beside `word` in its clause, on either side (`la
/// hausse des émissions`, `les inégalités s'accroissent`): the harm grows, which is
/// bad news at its weight.
fn grows(doc: &crate::document::Document<'_>, word: &Weighed<'_>) -> bool {
    let clause = doc.clause(word.first);
    let near = |h: &Hit<'_>| {
        h.kinds.has(EntryKind::Growth)
            && doc.clause(h.first) == clause
            && (h.end <= word.first && word.first - h.end <= REACH
                || h.first >= word.end && h.first - word.end <= REACH)
    };
    let from = word.hit.saturating_sub(REACH + 2);
    let to = doc.hits.len().min(word.hit + REACH + 3);
    doc.hits[from..to].iter().any(near)
}

/// The word that growth word `g` makes grow, when it is a harm or a bad thing: the
/// nearest such word of its clause within reach, after it (`l'essor des
/// inégalités`) or before it (`l'acidification des océans s'accélère`).
fn grows_bad(
    doc: &crate::document::Document<'_>,
    words: &[Weighed<'_>],
    g: usize,
) -> Option<usize> {
    let growth = &words[g];
    let clause = doc.clause(growth.first);
    let bad = |w: &Weighed<'_>| {
        w.role == Role::Sentiment
            && (w.kind == EntryKind::Harm || (w.kind == EntryKind::Sentiment && w.valence < 0.0))
            && doc.clause(w.first) == clause
    };
    // The words of the growth's own hit (an entry of another kind for the same
    // term) are neither before nor after it.
    let after = (g + 1..words.len())
        .skip_while(|&j| words[j].hit == growth.hit)
        .take_while(|&j| words[j].first >= growth.end && words[j].first - growth.end <= REACH)
        .find(|&j| bad(&words[j]));
    let before = (0..g)
        .rev()
        .skip_while(|&j| words[j].hit == growth.hit)
        .take_while(|&j| words[j].end <= growth.first && growth.first - words[j].end <= REACH)
        .find(|&j| bad(&words[j]));
    after.or(before)
}

/// Whether the token at `at` opens the remedy's object, a noun group: an ordinary
/// negative word is turned only there (`réduire la pollution`, `lutter contre le
/// chômage`), not when it qualifies the remedy itself (`une baisse catastrophique`,
/// `un traitement inhumain`). A harm needs no such proof: it is never a qualifier.
fn opens_object(doc: &crate::document::Document<'_>, at: usize) -> bool {
    const OPENERS: [&str; 17] = [
        "le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "d’", "un", "une", "ce", "cette",
        "ces", "nos", "leurs",
    ];
    doc.tokens
        .get(at)
        .is_some_and(|t| OPENERS.iter().any(|o| t.text.eq_ignore_ascii_case(o)))
}

#[cfg(test)]
mod tests {
    use crate::explain::RuleKind;
    use crate::rules::testing::in_pipeline;

    #[test]
    fn a_remedy_turns_a_harm_into_good_news() {
        let rules = in_pipeline(
            "Lutter contre le changement climatique",
            "changement climatique",
        );
        assert!(rules
            .iter()
            .any(|(kind, factor, _)| *kind == RuleKind::Remedy && *factor < 0.0));
    }

    #[test]
    fn a_harm_named_alone_is_a_fact() {
        let rules = in_pipeline(
            "Journée d'étude sur le changement climatique",
            "changement climatique",
        );
        assert!(rules
            .iter()
            .any(|(kind, factor, _)| *kind == RuleKind::Remedy && *factor == 0.0));
    }

    #[test]
    fn a_harm_beside_a_loss_keeps_its_weight() {
        let rules = in_pipeline(
            "Les récifs sont menacés par le réchauffement climatique",
            "réchauffement climatique",
        );
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn a_harm_that_completes_another_is_weighed_once() {
        let text = "Les émissions de gaz à effet de serre des camions polluants";
        let rules = in_pipeline(text, "effet de serre");
        assert!(
            rules.iter().any(|(_, factor, _)| *factor == 0.0),
            "{rules:?}"
        );
    }

    #[test]
    fn growth_is_mild_good_news() {
        let analyzer = crate::Analyzer::default();
        let analysis = analyzer.analyze("Le projet accélère le développement du quartier");
        let growth = analysis.evidence.iter().find(|e| e.text == "accélère");
        let growth = growth.expect("the growth word is evidence");
        assert!(growth.rules.iter().all(|r| r.kind != RuleKind::Growth));
        assert!(analysis.sentiment.score > 0.0, "{analysis:?}");
    }

    #[test]
    fn growth_of_a_harm_is_bad_news() {
        let text = "L'accroissement des inégalités dans le pays";
        let growth = in_pipeline(text, "accroissement");
        assert!(
            growth
                .iter()
                .any(|(kind, factor, _)| *kind == RuleKind::Growth && *factor == 0.0),
            "{growth:?}"
        );
        let harm = in_pipeline(text, "inégalités");
        assert!(harm.iter().all(|(_, factor, _)| *factor != 0.0), "{harm:?}");
    }

    #[test]
    fn a_remedy_in_another_clause_does_not_reach() {
        let rules = in_pipeline(
            "Ils veulent réduire les impôts. Le changement climatique avance",
            "changement climatique",
        );
        assert!(rules.iter().all(|(_, factor, _)| *factor == 0.0));
    }
}
