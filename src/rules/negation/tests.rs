//! The negation rule's tests: scopes, what does not negate, and the rule through
//! the pipeline.

use super::*;
use crate::document::testing::{matcher, read};
use crate::lexicon::Matcher;
use crate::rules::testing::{in_pipeline, weigh_alone};
use crate::Label;

fn lexicon() -> Matcher {
    matcher(&[
        ("content", EntryKind::Sentiment, 2.0),
        ("mauvais", EntryKind::Sentiment, -2.0),
        ("on s'ennuie", EntryKind::Sentiment, -2.0),
        ("pas", EntryKind::Negator, 0.0),
        ("pas vraiment", EntryKind::Negator, 0.0),
        ("sans", EntryKind::Negator, 0.0),
        ("rien", EntryKind::Negator, 0.0),
        ("ne", EntryKind::Ne, 0.0),
        ("n'", EntryKind::Ne, 0.0),
        ("plus", EntryKind::NeNegator, 0.0),
        ("personne", EntryKind::NeNegator, 0.0),
        ("que", EntryKind::Restriction, 0.0),
        ("à quand", EntryKind::Absence, 0.0),
    ])
}

/// Each sentiment word's factor and negator.
fn negations(text: &str) -> Vec<(f64, Option<String>)> {
    let m = lexicon();
    let doc = read(text, &m);
    let words = weigh_alone(&Negation, &doc);
    let negation = |w: &Weighed<'_>| match w.rules.first() {
        Some(rule) => (rule.factor, rule.by.as_deref().map(str::to_string)),
        None => (1.0, None),
    };
    words.iter().map(negation).collect()
}

fn by(word: &str) -> Option<String> {
    Some(word.to_string())
}

#[test]
fn negators_ne_and_absence_turn_words() {
    assert_eq!(
        negations("pas content"),
        [(Weights::default().rules.negated_positive, by("pas"))]
    );
    assert_eq!(
        negations("pas mauvais"),
        [(Weights::default().rules.negated_negative, by("pas"))]
    );
    assert_eq!(
        negations("il n'est plus content"),
        [(Weights::default().rules.negated_positive, by("plus"))]
    );
    assert_eq!(
        negations("personne n'est content"),
        [(Weights::default().rules.negated_positive, by("personne"))]
    );
    assert_eq!(
        negations("à quand un projet content"),
        [(Weights::default().rules.negated_positive, by("à quand"))]
    );
}

#[test]
fn spoken_negation_after_the_verb_reaches_a_longer_match_or_negator() {
    let positive = Weights::default().rules.negated_positive;
    let negative = Weights::default().rules.negated_negative;
    assert_eq!(
        negations("content pas vraiment"),
        [(positive, by("pas vraiment"))]
    );
    assert_eq!(negations("on s'ennuie pas"), [(negative, by("pas"))]);
}

#[test]
fn what_does_not_negate() {
    // A restriction, a lone `ne`, another clause, too far.
    assert_eq!(negations("il ne veut que du content"), [(1.0, None)]);
    assert_eq!(negations("ne content"), [(1.0, None)]);
    assert_eq!(negations("pas, content"), [(1.0, None)]);
    assert_eq!(negations("pas a b c d e f content"), [(1.0, None)]);
    // A second `pas` negates its own verb: the first stops there.
    assert_eq!(
        negations("pas a pas content"),
        [(Weights::default().rules.negated_positive, by("pas"))]
    );
    // `sans` negates what follows it, never the word before it.
    assert_eq!(negations("content sans a"), [(1.0, None)]);
    assert_eq!(
        negations("content pas"),
        [(Weights::default().rules.negated_positive, by("pas"))]
    );
}

#[test]
fn a_universal_negation_of_a_comparison_is_a_superlative() {
    let analyzer = crate::Analyzer::default();
    let label = |text: &str| analyzer.analyze(text).sentiment.label;
    assert_eq!(
        label("Jamais vu un service aussi attentionné."),
        Label::Positive
    );
    assert_eq!(label("Il n'y a rien de mieux."), Label::Positive);
    assert_eq!(label("On n'a jamais aussi mal mangé."), Label::Negative);
    // `pas` still negates: not as good is worse.
    assert_eq!(
        label("Ce n'est pas aussi bon que l'original."),
        Label::Negative
    );
}

#[test]
fn a_determiner_or_sans_negates_its_noun_group_only() {
    let negated = Weights::default().rules.negated_positive;
    assert_eq!(negations("sans a content"), [(negated, by("sans"))]);
    assert_eq!(negations("sans a b c content"), [(1.0, None)]);
    // Other negators reach further.
    assert_eq!(negations("pas a b c content"), [(negated, by("pas"))]);
    // A group joined by `ou` (or `ni`) is negated too; one joined by `et` is not.
    assert_eq!(negations("sans a b ou content"), [(negated, by("sans"))]);
    assert_eq!(
        negations("sans a b c ni d content"),
        [(negated, by("sans"))]
    );
    assert_eq!(negations("sans a b et c content"), [(1.0, None)]);
    assert_eq!(negations("sans a b c d ou content"), [(1.0, None)]);
}

#[test]
fn scopes_add_up_by_parity_and_the_innermost_names_it() {
    assert_eq!(negations("pas sans content"), [(1.0, None)]);
    let m = lexicon();
    let doc = read("pas sans content", &m);
    let marks = crate::rules::testing::marks_alone(&Negation, &doc);
    assert_eq!(marks.negator(2), Some(1), "`sans` is the innermost scope");
}

#[test]
fn a_wall_of_ne_stays_linear_and_valid() {
    let text = "ne ".repeat(20_000) + "pas content";
    assert_eq!(negations(&text).len(), 1);
}

#[test]
fn through_the_pipeline() {
    let rules = in_pipeline("Ce n'est pas honnête.", "honnête");
    let rule = rules.iter().find(|r| r.0 == RuleKind::Negation);
    assert_eq!(rule.and_then(|r| r.2.as_deref()), Some("pas"));
}

#[test]
fn sans_before_a_negative_determiner_is_one_negation() {
    // `sans aucun`: negative concord, `aucun` alone negates its noun group.
    let m = matcher(&[
        ("mauvais", EntryKind::Sentiment, -2.0),
        ("aucun goût", EntryKind::Sentiment, -2.0),
        ("sans", EntryKind::Negator, 0.0),
        ("aucun", EntryKind::Negator, 0.0),
    ]);
    let factors = |text: &str| {
        let doc = read(text, &m);
        let words = weigh_alone(&Negation, &doc);
        words.iter().map(|w| w.rules.len()).collect::<Vec<_>>()
    };
    // The absence is the expression's own sense: not negated again.
    assert_eq!(factors("un plat sans aucun goût"), [0]);
    // `aucun` negates `mauvais` once: `sans aucun mauvais souvenir` is good.
    assert_eq!(factors("sans aucun mauvais souvenir"), [1]);
    // `sans` alone still negates.
    assert_eq!(factors("sans mauvais souvenir"), [1]);
}

#[test]
fn plus_de_opening_a_clause_is_a_loss_and_negates_what_follows() {
    let m = matcher(&[
        ("sourire", EntryKind::Sentiment, 1.0),
        ("choix", EntryKind::Sentiment, 1.0),
        ("plus", EntryKind::NeNegator, 0.0),
    ]);
    let negated = |text: &str| {
        let doc = read(text, &m);
        let words = weigh_alone(&Negation, &doc);
        words
            .iter()
            .map(|w| !w.rules.is_empty())
            .collect::<Vec<_>>()
    };
    // A verbless `il n'y a plus de`: at the start of the text or of a clause.
    assert_eq!(negated("Plus de sourire."), [true]);
    assert_eq!(negated("Accueil glacial, plus d'sourire."), [true]);
    // Inside a clause, `plus de` is a quantity: nothing is negated.
    assert_eq!(negated("il faudrait plus de choix"), [false]);
    // `plus` without `de` opening a clause is no loss either.
    assert_eq!(negated("Plus sourire que jamais"), [false]);
}
