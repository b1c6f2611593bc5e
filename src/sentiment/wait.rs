//! A wait said as a fact: `on a attendu 45 minutes`, `au bout d'une heure`, `nous
//! avons dû attendre 15mn pour commander`.
//!
//! `attendre` and `attente` judge nothing alone (`le film tant attendu`, `dans
//! l'attente de votre réponse`); a length of time counted beside them makes the
//! complaint of a customer kept waiting. The words of waiting are lexicon entries
//! of kind `wait` (lexicons/rules.tsv); what counts a time is grammar, so it is
//! written here: minutes or hours with a number before them, or spelt in one word
//! (`15mn`, `2h`, `1h30`, `demi-heure`). Days and years are left out: `attendu
//! depuis deux ans` is a film awaited, not a customer kept waiting.

use crate::document::Document;
use crate::lexicon::Hit;
use crate::tokenize::TokenKind;

/// Whether the sentence of `hit` counts minutes or hours.
pub(super) fn counts_time(doc: &Document<'_>, hit: &Hit<'_>) -> bool {
    let sentence = doc.sentence(hit.first);
    let tokens = &doc.tokens;
    let start = (0..hit.first)
        .rev()
        .take_while(|&i| doc.sentence(i) == sentence)
        .last()
        .unwrap_or(hit.first);
    let end = (hit.first..tokens.len())
        .take_while(|&i| doc.sentence(i) == sentence)
        .last()
        .map_or(hit.end, |i| i + 1);
    (start..end).any(|i| {
        let word = tokens[i].text.to_lowercase();
        let counted = || {
            i > start && {
                let before = &tokens[i - 1];
                before.kind == TokenKind::Number || counts(&before.text.to_lowercase())
            }
        };
        // `l'heure et demie d'attente`: the half counts the hour.
        let and_a_half = || {
            let next = |k: usize| tokens.get(i + k).map(|t| t.text.to_lowercase());
            next(1).as_deref() == Some("et")
                && matches!(next(2).as_deref(), Some("demie" | "demi" | "quart"))
        };
        spelt_length(&word) || (unit(&word) && (counted() || and_a_half()))
    })
}

/// A unit of a customer's wait: minutes or hours.
fn unit(word: &str) -> bool {
    matches!(
        word,
        "minute" | "minutes" | "min" | "mn" | "mns" | "heure" | "heures" | "h"
    )
}

/// A word that counts the unit after it: a number in letters, or the `d'` of `trois
/// quarts d'heure`, the `bonne` of `une bonne heure`.
fn counts(word: &str) -> bool {
    matches!(
        word,
        "une"
            | "deux"
            | "trois"
            | "quatre"
            | "cinq"
            | "dix"
            | "quinze"
            | "vingt"
            | "trente"
            | "quarante"
            | "cinquante"
            | "bonne"
            | "longue"
            | "longues"
            | "d'"
            | "d’"
    )
}

/// A length in one word: `demi-heure`, or digits glued to a unit (`15mn`, `2h`,
/// `45min`, `1h30`).
fn spelt_length(word: &str) -> bool {
    if word == "demi-heure" {
        return true;
    }
    let digits = word
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(word.len());
    if digits == 0 {
        return false;
    }
    let rest = &word[digits..];
    unit(rest)
        || rest
            .strip_prefix('h')
            .is_some_and(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    label_cases!(a_wait_with_its_time_counted_complains:
        "On a attendu 45 minutes." => Negative,
        "Au bout d'une heure, rien." => Negative,
        "Il a fallu attendre 15mn." => Negative,
        "Une heure et demie d'attente." => Negative,
    );

    label_cases!(a_wait_without_a_time_or_of_days_judges_nothing:
        "Le film tant attendu sort demain." => Neutral,
        "Dans l'attente de votre réponse." => Neutral,
        "Un album attendu depuis deux ans." => Neutral,
    );
}
