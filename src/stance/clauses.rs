//! Step 2 of the stance: the feeling of the clauses and sentences that name
//! targets, given to the targets they name.
//!
//! - A sentiment word goes to the name nearest to it in its clause, and to every
//!   name coordinated with that one (`Le cadre et le service sont agréables`: both;
//!   `le patron du restaurant est aimable`: both, the complement with its head),
//!   never to a name of the same clause that is not (`Ce partenariat est une honte
//!   alors que le logiciel libre …`: the partnership alone).
//! - A name that took no word of its clause (its clause has none, or they all
//!   went to another name) takes its sentence's: the words near it
//!   ([`StanceWeights::near`]) that no name claimed (`Le service, franchement,
//!   quelle lenteur`: [`StanceWeights::unclaimed`]), or, weaker
//!   ([`StanceWeights::listed`]), the feeling of the whole sentence when every
//!   word went to another name (`Décor vieillot, menus sales, service
//!   inexistant`: each item of a list of complaints is one of them; `La mousse au
//!   chocolat en dessert était excellente`: the mousse too). A contrast word
//!   (`mais`, and `alors que`, which weighs nothing but opens a clause) stops
//!   it: what a sentence says before `mais` is not what it says of the names
//!   after it.
//!
//! Time: linear in the words and names (sorted by position, the clauses and
//! sentences they fall in are found by binary search; each sentence's sums are
//! worked out once).

use super::{Mention, Tally};
use crate::document::Document;
use crate::explain::Reason;
use crate::lexicon::EntryKind;
use crate::normalize::{fold, normalize};
use crate::rules::Weighed;
use crate::weights::StanceWeights;

/// At most this many tokens between two names of one phrase (`et de la`), and at
/// most this many names in one: a phrase is short, and the bounds keep the time
/// linear in a clause of a thousand names.
const MAX_GAP: usize = 3;
const MAX_PHRASE: usize = 6;

/// Words that join two names into one phrase, as coordination (`et`, `ou`) or a
/// complement (`de`, `du`): nothing between two names but these, and a feeling
/// said of one is said of both.
fn joins(word: &str) -> bool {
    matches!(
        word,
        "et" | "ou"
            | "ni"
            | "&"
            | "+"
            | "/"
            | "de"
            | "du"
            | "des"
            | "d'"
            | "au"
            | "aux"
            | "en"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "mon"
            | "ma"
            | "mes"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "ainsi"
            | "que"
            | "comme"
            | "aussi"
            | "tout"
            | "toute"
            | "tous"
            | "toutes"
    )
}

/// Give each sentiment word to the names of its clause, then each name in a
/// clause without feeling its sentence's.
pub(super) fn clause_sentiment<'a>(
    doc: &Document<'a>,
    mentions: &[Mention],
    words: &[Weighed<'a>],
    weights: &StanceWeights,
    contrasts: &mut Vec<usize>,
    tally: &mut [Tally<'a>],
) {
    if mentions.is_empty() {
        return;
    }
    for word in words {
        let names = in_clause(doc, mentions, doc.clause(word.first));
        let Some(nearest) = nearest(mentions, names.clone(), word.first) else {
            continue;
        };
        let (from, to) = coordinated(doc, mentions, names, nearest);
        for (i, m) in mentions.iter().enumerate().take(to).skip(from) {
            // A target named twice in one phrase takes the word once.
            if mentions[from..i]
                .iter()
                .any(|other| other.target == m.target)
            {
                continue;
            }
            tally[m.target].took_clause = Some(doc.clause(word.first));
            tally[m.target].add(Reason::ClauseSentiment {
                word: doc.hit_text(word.first).into(),
                weighed: word.value,
                name: doc.hit_text(m.first).into(),
                value: m.polarity * word.value * weights.per_valence,
            });
        }
    }
    contrasts.clear();
    contrasts.extend(
        doc.hits
            .iter()
            .filter(|hit| hit.kinds.has(EntryKind::Contrast))
            .map(|hit| hit.first),
    );
    sentence_sentiment(doc, mentions, words, weights, contrasts, tally);
}

/// The names that took no word of their clause take the feeling of the words
/// near them, in their sentence and on their side of any contrast word.
fn sentence_sentiment<'a>(
    doc: &Document<'a>,
    mentions: &[Mention],
    words: &[Weighed<'a>],
    weights: &StanceWeights,
    contrasts: &[usize],
    tally: &mut [Tally<'a>],
) {
    // The part of its sentence a token is in: its sentence, then how many contrast
    // words precede it (counted over the document: equal within a sentence part).
    let part = |i: usize| (doc.sentence(i), contrasts.partition_point(|&c| c <= i));
    for m in mentions.iter().filter(|m| !m.inside) {
        let clause = doc.clause(m.first);
        if tally[m.target].took_clause == Some(clause) {
            continue;
        }
        let key = part(m.first);
        let near = words.partition_point(|w| w.first + weights.near < m.first)
            ..words.partition_point(|w| w.first < m.end + weights.near);
        let mut sums = Sums::default();
        let same_part = |w: &&Weighed<'_>| part(w.first) == key;
        sums.add(doc, mentions, words[near].iter().filter(same_part));
        let sentiment = if sums.unclaimed != 0.0 {
            sums.unclaimed * weights.unclaimed
        } else {
            sums.claimed * weights.listed
        };
        // Once per target and clause, however often it is named there.
        let t = &mut tally[m.target];
        if sentiment == 0.0 || t.took_sentence == Some(clause) {
            continue;
        }
        t.took_sentence = Some(clause);
        t.add(Reason::SentenceSentiment {
            name: doc.hit_text(m.first).into(),
            sentiment,
            value: m.polarity * sentiment * weights.per_valence,
        });
    }
}

/// The weighed feeling of some words of a sentence: of those no name claimed, and
/// of those a name did.
#[derive(Default)]
struct Sums {
    unclaimed: f64,
    claimed: f64,
}

impl Sums {
    fn add<'w, 'a: 'w>(
        &mut self,
        doc: &Document<'_>,
        mentions: &[Mention],
        words: impl Iterator<Item = &'w Weighed<'a>>,
    ) {
        for word in words {
            if in_clause(doc, mentions, doc.clause(word.first)).is_empty() {
                self.unclaimed += word.value;
            } else {
                self.claimed += word.value;
            }
        }
    }
}

/// The range of `mentions` (sorted by position) that lie in `clause`.
fn in_clause(doc: &Document<'_>, mentions: &[Mention], clause: u32) -> std::ops::Range<usize> {
    let of = |m: &Mention| doc.clause(m.first);
    mentions.partition_point(|m| of(m) < clause)..mentions.partition_point(|m| of(m) <= clause)
}

/// The mention of `names` nearest to token `at` (the earlier one on a tie; of
/// two names starting at one token, the outer one). `mentions` are sorted by
/// position, so the candidates are the two around `at`.
fn nearest(mentions: &[Mention], names: std::ops::Range<usize>, at: usize) -> Option<usize> {
    let split = names.start + mentions[names.clone()].partition_point(|m| m.first < at);
    let left = (split > names.start).then(|| {
        let first = mentions[split - 1].first;
        names.start + mentions[names.start..split].partition_point(|m| m.first < first)
    });
    let right = (split < names.end).then_some(split);
    match (left, right) {
        (Some(l), Some(r)) if mentions[r].first - at < at - mentions[l].first => Some(r),
        (Some(l), _) => Some(l),
        (None, r) => r,
    }
}

/// The run of names of one phrase around mention `at`, within `names`: each next
/// to the other or joined to it by [`joins`] words alone.
fn coordinated(
    doc: &Document<'_>,
    mentions: &[Mention],
    names: std::ops::Range<usize>,
    at: usize,
) -> (usize, usize) {
    let joined = |a: &Mention, b: &Mention| {
        b.first <= a.end
            || (b.first - a.end <= MAX_GAP
                && doc.tokens[a.end..b.first]
                    .iter()
                    .all(|token| joins(&fold(&normalize(token.text)))))
    };
    let mut from = at;
    while from > names.start
        && at - from < MAX_PHRASE
        && joined(&mentions[from - 1], &mentions[from])
    {
        from -= 1;
    }
    let mut to = at + 1;
    while to < names.end && to - from < MAX_PHRASE && joined(&mentions[to - 1], &mentions[to]) {
        to += 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, StanceLabel, Topic};

    /// The stance labels toward `cadre`, `service` and `cuisine` of `text`.
    fn labels(text: &str) -> [StanceLabel; 3] {
        let topic = Topic::from_toml(
            "aspects.toml",
            "[targets.cadre]\nnames = [\"cadre\"]\n[targets.service]\nnames = [\"service\"]\n\
             [targets.cuisine]\nnames = [\"cuisine\"]\n",
        )
        .expect("the test topic parses");
        let analyzer = Analyzer::builder()
            .topic(topic)
            .build()
            .expect("the analyzer builds");
        let analysis = analyzer.analyze(text);
        ["cadre", "service", "cuisine"].map(|id| analysis.stance[id].label)
    }

    use StanceLabel::{Against, Favor, None as Unsaid};

    #[test]
    fn a_feeling_goes_to_every_name_coordinated_in_its_clause() {
        assert_eq!(
            labels("Le cadre et le service sont agréables."),
            [Favor, Favor, Unsaid]
        );
        // Not to a name of the clause that is not joined to the nearest one.
        assert_eq!(
            labels("Le service est déplorable alors que je venais pour la cuisine."),
            [Unsaid, Against, Unsaid]
        );
    }

    #[test]
    fn a_name_whose_clause_feeling_went_to_another_name_shares_it() {
        // `excellent` is nearest `cuisine`; `service`, in the same clause and not
        // joined to it, takes the clause's feeling as one of a list.
        assert_eq!(
            labels("Le service rendu pour la cuisine était excellent."),
            [Unsaid, Favor, Favor]
        );
    }

    #[test]
    fn each_name_takes_the_feeling_of_its_own_clause() {
        assert_eq!(
            labels("La cuisine est excellente, le service déplorable."),
            [Unsaid, Against, Favor]
        );
    }

    #[test]
    fn a_name_without_feeling_takes_the_feeling_near_it() {
        assert_eq!(
            labels("Le service, franchement, quelle catastrophe."),
            [Unsaid, Against, Unsaid]
        );
        // A list of items judged alike: the ones without a word of their own too.
        assert_eq!(
            labels("Cadre exceptionnel, service impeccable, la cuisine aussi."),
            [Favor, Favor, Favor]
        );
    }

    #[test]
    fn a_contrast_word_stops_the_feeling_of_the_sentence() {
        assert_eq!(
            labels("La cuisine est excellente mais le service, lui."),
            [Unsaid, Unsaid, Favor]
        );
    }
}
