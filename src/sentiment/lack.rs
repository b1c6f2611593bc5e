//! A lack said as a fact: a sentence that opens by denying a noun (`Aucune
//! explication sur les plats.`, `Pas de dessert, pas de café.`) complains that it
//! was missing.
//!
//! The negation rule turns the feeling of the word it denies (`aucun intérêt`, `pas
//! de goût`); a noun that carries none (`explication`, `dessert`, `responsable`)
//! leaves it nothing to turn, and the sentence read neutral. Yet a verbless denial
//! at the head of a sentence is how a reviewer lists what was missing: the lack is
//! the complaint. It weighs only where nothing else in its sentence carries a
//! feeling (then the denied word says more than the opening) and not in a question
//! (`Pas de dessert ?` asks).

use crate::document::Document;
use crate::lexicon::{EntryKind, Hit};
use crate::rules::Weighed;

/// The valence of a lack: a faint complaint, about a quarter of the way to negative
/// once squashed alone (`-1 / sqrt(1 + 15)`), well below a plain negative word.
const LACK: f64 = -1.0;

/// Add, in text order, a feeling of [`LACK`] at each negator that opens a sentence
/// with no other feeling and denies a noun: `aucun`/`aucune`, or `pas` before `de`.
pub(super) fn push_lacks<'a>(doc: &Document<'a>, explain: bool, words: &mut Vec<Weighed<'a>>) {
    for (h, hit) in doc.hits.iter().enumerate() {
        if !hit.kinds.has(EntryKind::Negator) || !denies_a_noun(doc, hit) {
            continue;
        }
        if !doc.opens_sentence(hit.first) || asks(doc, hit.first) {
            continue;
        }
        let sentence = doc.sentence(hit.first);
        if words.iter().any(|w| doc.sentence(w.first) == sentence) {
            continue;
        }
        let at = words.partition_point(|w| w.first < hit.first);
        words.insert(
            at,
            Weighed {
                hit: h,
                first: hit.first,
                end: hit.end,
                entry: &hit.meaning.term,
                kind: EntryKind::Sentiment,
                role: crate::analysis::Role::Sentiment,
                valence: LACK,
                value: LACK,
                rules: Vec::new(),
                explain,
            },
        );
    }
}

/// Whether the negator denies the noun after it: `aucun`, `aucune`, or `pas` followed
/// by the article of a lack (`pas de`, `pas d'`). `pas mal`, `pas du tout`, `pas
/// encore` deny no noun.
fn denies_a_noun(doc: &Document<'_>, hit: &Hit<'_>) -> bool {
    let text = doc.span_text(hit);
    if ["aucun", "aucune"]
        .iter()
        .any(|w| text.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let next = doc.tokens.get(hit.end).map(|t| t.text);
    text.eq_ignore_ascii_case("pas")
        && next.is_some_and(|n| {
            n.eq_ignore_ascii_case("de") || n.eq_ignore_ascii_case("d'") || n == "d’"
        })
}

/// Whether the sentence of token `i` ends with a question mark.
fn asks(doc: &Document<'_>, i: usize) -> bool {
    doc.closing_punctuation(i)
        .is_some_and(|t| t.text.contains('?'))
}

#[cfg(test)]
mod tests {
    label_cases!(a_sentence_opening_on_a_denied_noun_complains:
        "Aucune explication sur les plats." => Negative,
        "Pas de dessert, pas de café." => Negative,
    );

    label_cases!(a_lack_weighs_nothing_beside_a_feeling_in_a_question_or_inside_a_clause:
        "Pas de souci, tout était parfait." => Positive,
        "Pas de dessert ?" => Neutral,
        "Le serveur n'a pas de carte." => Neutral,
        "Pas encore servi." => Neutral,
    );
}
