//! `bon` as an interjection: `Bon, on a dû mal tomber`, `Bon je vais être honnête`,
//! `enfin bon`, `ah bon ?` judge nothing.
//!
//! Spoken French opens a sentence with `bon` to sum up, resign itself or change the
//! subject; the adjective (`un bon restaurant`, `c'était bon`) qualifies a noun or
//! follows a verb. Read as praise, the interjection turned complaints positive
//! (`Bon on a du mal tomber…`). The grammar that tells them apart is a closed class,
//! so it is written here: `bon` that opens its sentence before a comma, an ellipsis
//! or a subject, or that follows another interjection (`ah`, `eh`, `enfin`, `bref`).

use crate::document::Document;
use crate::lexicon::Hit;

/// Whether `hit` is the interjection `bon`.
pub(super) fn interjection(doc: &Document<'_>, hit: &Hit<'_>) -> bool {
    if hit.end - hit.first != 1 || !doc.tokens[hit.first].text.eq_ignore_ascii_case("bon") {
        return false;
    }
    let word = |i: usize| doc.tokens[i].text.to_lowercase();
    let same_sentence = |i: usize| doc.sentence(i) == doc.sentence(hit.first);
    let interjection_at =
        |i: usize| same_sentence(i) && matches!(word(i).as_str(), "ah" | "eh" | "enfin" | "bref");
    let after_interjection = hit.first > 0 && interjection_at(hit.first - 1);
    // `Bref, bon, on …` opens its sentence as well as `Bon, on …`.
    let after_a_comma =
        hit.first > 1 && doc.tokens[hit.first - 1].text == "," && interjection_at(hit.first - 2);
    // A pause (`,`, `...`, `…`; not the stop of `C'est bon.`) or a subject.
    let pause = |text: &str| text == "," || text.starts_with("..") || text.starts_with('…');
    let before_a_subject = hit.end < doc.tokens.len()
        && same_sentence(hit.end)
        && (pause(doc.tokens[hit.end].text)
            || matches!(
                word(hit.end).as_str(),
                "je" | "j'"
                    | "j’"
                    | "on"
                    | "nous"
                    | "il"
                    | "elle"
                    | "ils"
                    | "elles"
                    | "c'"
                    | "c’"
                    | "ça"
                    | "ca"
                    | "ben"
                    | "bah"
                    | "alors"
                    | "voilà"
            ));
    after_interjection || ((doc.opens_sentence(hit.first) || after_a_comma) && before_a_subject)
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Label};

    fn label(text: &str) -> Label {
        Analyzer::default().analyze(text).sentiment.label
    }

    #[test]
    fn the_interjection_bon_praises_nothing() {
        assert_eq!(label("Bon, on y est allés samedi."), Label::Neutral);
        assert_eq!(label("Bon je vais vous raconter."), Label::Neutral);
        assert_eq!(label("Ah bon ?"), Label::Neutral);
        assert_eq!(label("Bref, bon, on ne reviendra pas."), Label::Negative);
    }

    #[test]
    fn the_adjective_bon_still_praises() {
        assert_eq!(label("C'est bon, on reviendra."), Label::Positive);
        assert_eq!(label("Bon restaurant."), Label::Positive);
        assert_eq!(label("Enfin, bon restaurant quand même."), Label::Positive);
        assert_eq!(label("C'était bon."), Label::Positive);
    }
}
