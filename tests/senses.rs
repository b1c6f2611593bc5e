//! Matching does not invent senses: a word of a text reaches a lexicon entry only
//! through its own forms (agreement, conjugation, the inflection table) or its manner
//! adverb, never through another word of its stem family (`lexicons/README.md`,
//! `src/lexicon/ending.rs`).
//!
//! Each pair is a word of a text and an entry: the first list must never be reached
//! (two words of different senses that the Snowball stem or a careless inflection
//! table joined), the second must still be (forms of one word).

use avis_fr::{Analyzer, Lexicon, Role};

/// The entries a text's words reached, with the words.
fn reached(analyzer: &Analyzer, text: &str) -> Vec<(String, String)> {
    analyzer
        .analyze(text)
        .evidence
        .iter()
        .filter(|e| e.role == Role::Sentiment)
        .map(|e| (e.text.to_lowercase(), e.entry.to_string()))
        .collect()
}

/// (text word, entry it must not reach, why). The word stands in a sentence, so that
/// the rules around it play as they do in comments.
const MUST_NOT: [(&str, &str, &str); 24] = [
    (
        "enfant",
        "enfer",
        "a noun in -er is not conjugated: `enf` + `ant`",
    ),
    (
        "réchauffement",
        "réchauffant",
        "climate warming is not warming up",
    ),
    ("réchauffement", "réchauffé", "nor rehashed"),
    ("amateurs", "amateurisme", "amateurs are not amateurishness"),
    ("ressentir", "ressentiment", "to feel is not resentment"),
    ("ressenti", "ressentiment", "felt is not resentment"),
    (
        "contentés",
        "content",
        "`contenter` (to satisfy) is not glad",
    ),
    ("train", "traîner", "`en train de` is not to drag"),
    ("accueil", "accueillant", "the front desk is not welcoming"),
    ("attache", "attachement", "to tie is not attachment"),
    (
        "intéresse",
        "intéressant",
        "the neutral verb is not the praise",
    ),
    (
        "performance",
        "performant",
        "a performance is not efficient",
    ),
    ("pourrait", "pourri", "could is not rotten"),
    ("galerie", "galère", "a gallery is not an ordeal"),
    ("formation", "formaté", "training is not formulaic"),
    (
        "complément",
        "compliment",
        "a supplement is not a compliment",
    ),
    // Spellings that are words of their own (`lexicons/homographs.tsv`): not
    // another word with accents lost or added.
    ("style", "stylé", "a manner is not stylish"),
    ("estime", "estimé", "`j'estime que` is not esteemed"),
    ("outre", "outré", "`en outre` is not outraged"),
    ("limites", "limité", "limits are not limited"),
    ("haies", "haïes", "hedges are not hated"),
    ("tâche", "tache", "a task is not a stain"),
    ("haché", "hache", "minced is not an axe"),
    ("salées", "sale", "salty is not dirty"),
];

#[test]
fn words_do_not_reach_another_word_of_their_stem() {
    let analyzer = Analyzer::default();
    for (word, entry, why) in MUST_NOT {
        let text = format!("Il y a le mot {word} dans cette phrase.");
        let found = reached(&analyzer, &text);
        assert!(
            !found.iter().any(|(_, e)| e == entry),
            "`{word}` reached `{entry}` ({why}): {found:?}"
        );
    }
}

/// Words the lexicons left out for their stem, back now: they do not fire on the
/// frequent word of the same stem, and they fire on their own forms.
#[test]
fn words_left_out_for_their_stem_fire_only_on_their_forms() {
    let analyzer = Analyzer::default();
    for (frequent, entry) in [
        ("position", "positif"),
        ("génération", "généreux"),
        ("remarque", "remarquable"),
        ("compétences", "compétent"),
        ("discuter", "discutable"),
        ("chéri", "cher"),
    ] {
        let found = reached(&analyzer, &format!("Voici la {frequent} du jour."));
        assert!(
            !found.iter().any(|(_, e)| e == entry),
            "`{frequent}` reached `{entry}`: {found:?}"
        );
    }
    for (form, entry) in [
        ("positive", "positif"),
        ("généreuses", "généreux"),
        ("remarquables", "remarquable"),
        ("compétente", "compétent"),
        ("chère", "cher"),
    ] {
        let found = reached(&analyzer, &format!("Une chose {form}."));
        assert!(
            found.iter().any(|(w, e)| w == form && e == entry),
            "`{form}` did not reach `{entry}`: {found:?}"
        );
    }
}

/// (text word, entry it must reach) with the built-in lexicons.
const MUST: [(&str, &str); 14] = [
    ("adorais", "adorer"),
    ("dépassées", "dépassé"),
    ("détestais", "détester"),
    ("rapidement", "rapide"),
    ("savoureusement", "savoureux"),
    ("brutalement", "brutal"),
    ("détruira", "détruire"),
    ("perdra", "perdre"),
    ("applaudissent", "applaudir"),
    ("attachants", "attachant"),
    // The accented words keep their entries, and a word typed without its accents
    // still reaches the accented one.
    ("stylé", "stylé"),
    ("outré", "outré"),
    ("tache", "tache"),
    ("decue", "déçue"),
];

#[test]
fn forms_and_adverbs_still_reach_their_word() {
    let analyzer = Analyzer::default();
    for (word, entry) in MUST {
        let found = reached(
            &analyzer,
            &format!("Il y a le mot {word} dans cette phrase."),
        );
        assert!(
            found.iter().any(|(w, e)| w == word && e == entry),
            "`{word}` did not reach `{entry}`: {found:?}"
        );
    }
}

/// The same through a user's lexicon alone: its words get no inflection table rows,
/// so the stem and the endings do all the work.
#[test]
fn a_users_entries_reach_their_forms_and_adverbs_only() {
    let tsv = "term\tkind\tvalence\tnote\n\
               scandaleux\tsentiment\t-3\t\n\
               réchauffé\tsentiment\t-1.5\t\n\
               content\tsentiment\t2\t\n\
               amateurisme\tsentiment\t-2\t\n";
    let lexicon = Lexicon::from_tsv("mine.tsv", tsv).expect("a valid lexicon");
    let analyzer = Analyzer::builder()
        .without_defaults()
        .lexicon(lexicon)
        .build()
        .expect("an analyzer");
    for (word, entry) in [
        ("scandaleusement", "scandaleux"),
        ("scandaleuses", "scandaleux"),
        ("réchauffés", "réchauffé"),
        ("contentes", "content"),
    ] {
        let found = reached(&analyzer, &format!("Le mot {word} ici."));
        assert!(
            found.iter().any(|(w, e)| w == word && e == entry),
            "`{word}` did not reach `{entry}`: {found:?}"
        );
    }
    for word in ["réchauffement", "contentés", "contenter", "amateurs"] {
        let found = reached(&analyzer, &format!("Le mot {word} ici."));
        assert!(found.is_empty(), "`{word}` reached {found:?}");
    }
}
