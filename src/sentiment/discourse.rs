//! `bon` as an interjection: `Bon, on a dû mal tomber`, `Bon je vais être honnête`,
//! `enfin bon`, `ah bon ?` judge nothing.
//!
//! Spoken French opens a sentence with `bon` to sum up, resign itself or change the
//! subject; the adjective (`un bon restaurant`, `c'était bon`) qualifies a noun or
//! follows a verb. Read as praise, the interjection turned complaints positive
//! (`Bon on a du mal tomber…`). The grammar that tells them apart is a closed class,
//! so it is written here: `bon` that opens its sentence before a subject (past a
//! comma or an ellipsis), or that follows another interjection (`ah`, `eh`, `enfin`,
//! `bref`).

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
    // A subject after it, past a pause (`,`, `...`, `…`): `Bon, on…`, `Bon je…`. The
    // adjective may stand before a comma too (`Bon, bio, copieux`; `bon, même si
    // lent`), so a pause alone does not tell.
    let pause = |text: &str| text == "," || text.starts_with("..") || text.starts_with('…');
    let subject = |i: usize| {
        i < doc.tokens.len()
            && same_sentence(i)
            && matches!(
                word(i).as_str(),
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
                    | "moi"
                    | "ben"
                    | "bah"
                    | "alors"
                    | "voilà"
            )
    };
    let before_a_subject = subject(hit.end)
        || (hit.end < doc.tokens.len() && pause(doc.tokens[hit.end].text) && subject(hit.end + 1));
    after_interjection || ((doc.opens_sentence(hit.first) || after_a_comma) && before_a_subject)
}

#[cfg(test)]
mod tests {
    label_cases!(the_interjection_bon_praises_nothing:
        "Bon, on y est allés samedi." => Neutral,
        "Bon je vais vous raconter." => Neutral,
        "Ah bon ?" => Neutral,
        "Bref, bon, on ne reviendra pas." => Negative,
    );

    label_cases!(the_adjective_bon_still_praises:
        "C'est bon, on reviendra." => Positive,
        "Bon restaurant." => Positive,
        "Enfin, bon restaurant quand même." => Positive,
        "C'était bon." => Positive,
    );
}
