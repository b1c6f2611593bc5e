//! What each labelled text offers to learn from: the engine's own score, and the
//! candidate lines it holds: the words and two-word phrases no lexicon entry
//! covers, and the sentiment entries that matched (whose valence the labels may
//! contradict).
//!
//! Candidates are keyed by each word's accent-folded singular (what the engine
//! matches a lexicon entry's word by: [`fold`](crate::fold), then the plural mark
//! dropped), and written with their most frequent lowercased spelling. Keyed by
//! the folded form alone, `solaire` and `solaires` were two candidates, learned
//! apart, but one entry to the engine: the later line overrode the other.

use rustc_hash::FxHashMap;

use crate::analysis::{Analysis, Role};
use crate::lexicon::singular;
use crate::model::Task;
use crate::normalize::{fold, normalize};
use crate::tokenize::{tokenize, TokenKind};
use crate::weights::Weights;

/// A candidate needs to occur in at least this many labelled texts to be learned.
///
/// ```
/// // A word seen in two labelled texts is never a learned line.
/// assert_eq!(avis_fr::fit::MIN_TEXTS, 3);
/// ```
pub const MIN_TEXTS: usize = 3;

/// Words this many tokens after a negator (within its clause) are not
/// candidates: the engine turns a line's valence round there, and the indicator
/// of the regression does not (the engine's own scope, `rules.negation_scope`).
const NEGATION_SCOPE: usize = 5;

/// Words too common to mean anything alone, and never a phrase's part: articles,
/// pronouns, prepositions, conjunctions, auxiliaries.
const STOPWORDS: &[&str] = &[
    "a", "ai", "as", "au", "aux", "avec", "avez", "avoir", "c'", "ce", "ces", "cet", "cette", "d'",
    "dans", "de", "des", "du", "elle", "elles", "en", "est", "et", "etc", "etre", "eu", "il",
    "ils", "j'", "je", "l'", "la", "le", "les", "leur", "leurs", "lui", "m'", "ma", "me", "mes",
    "moi", "mon", "n'", "ne", "nos", "notre", "nous", "on", "ont", "ou", "par", "pour", "qu'",
    "que", "qui", "s'", "sa", "se", "ses", "si", "son", "sont", "sur", "t'", "ta", "te", "tes",
    "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "ete", "etait", "sera", "fait",
    "faire", "ca", "cela", "ceci", "dont", "ni", "lors", "chez", "entre", "vers", "ils", "aussi",
];

/// One candidate line, as seen across the texts.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// The term as it would be written in a lexicon (lowercased, accents kept).
    pub term: String,
    /// The valence of the existing sentiment entry it is, if it is one.
    pub existing: Option<f64>,
    /// Spellings seen, with their counts (the most frequent is the `term`).
    spellings: FxHashMap<String, usize>,
}

/// The texts seen as features: per text, the engine's score on the valence scale
/// and the candidates it holds (indices into `candidates`, sorted, once each).
#[derive(Clone, Debug, Default)]
pub(crate) struct Observed {
    pub candidates: Vec<Candidate>,
    pub base: Vec<f64>,
    pub holds: Vec<Vec<u32>>,
    /// Each candidate's key (its folded form; `=` and the entry for an entry).
    keys: Vec<String>,
    index: FxHashMap<String, u32>,
}

/// The engine's score of a text on the valence scale: the sentiment's weighed sum
/// before squashing, or the stance score over the stance weight of a valence, so
/// that a learned weight divided by the weight of this feature is a valence.
pub(crate) fn base_feature(task: &Task, analysis: &Analysis<'_>, weights: &Weights) -> f64 {
    match task {
        Task::Sentiment => {
            let score = analysis.sentiment.score.clamp(-0.999, 0.999);
            score / (1.0 - score * score).sqrt() * weights.sentiment.alpha.sqrt()
        }
        Task::Stance(target) => {
            let score = analysis
                .stance
                .get(target.as_str())
                .map_or(0.0, |s| s.score);
            score / weights.stance.per_valence
        }
    }
}

impl Observed {
    /// Add one text, analysed with its evidence.
    pub fn add(&mut self, base: f64, text: &str, analysis: &Analysis<'_>) {
        let mut blocked = vec![false; text.len() + 1];
        let mut negator = vec![false; text.len() + 1];
        let mut keys: Vec<(String, String, Option<f64>)> = Vec::new();
        for evidence in &analysis.evidence {
            for b in &mut blocked[evidence.start..evidence.end] {
                *b = true;
            }
            if evidence.role == Role::Negator {
                negator[evidence.start] = true;
            }
            let entry = evidence.entry.as_ref();
            if evidence.role == Role::Sentiment && !entry.starts_with('/') {
                let key = format!("={}", fold(entry));
                keys.push((key, normalize(entry).into_owned(), Some(evidence.valence)));
            }
        }
        let mut previous: Option<(String, String)> = None;
        let mut scope = 0;
        for token in tokenize(text) {
            if negator[token.start] {
                scope = NEGATION_SCOPE + 1;
            } else if token.kind == TokenKind::Punct {
                scope = 0;
            }
            scope = scope.saturating_sub(1);
            let word = matches!(token.kind, TokenKind::Word | TokenKind::Hashtag);
            let free = word && scope == 0 && !blocked[token.start..token.end].iter().any(|&b| b);
            let folded = token.folded();
            if !free || STOPWORDS.contains(&folded.as_ref()) || folded.chars().count() < 2 {
                previous = None;
                continue;
            }
            // Keyed as the matcher keys an entry's word (its folded singular), so
            // that `solaire` and `solaires` are one candidate, as they are one entry.
            let key = singular(&folded).to_string();
            let spelling = token.norm().into_owned();
            if let Some((before_key, before)) = previous.take() {
                let phrase = (
                    format!("{before_key} {key}"),
                    format!("{before} {spelling}"),
                );
                keys.push((phrase.0, phrase.1, None));
            }
            keys.push((key.clone(), spelling.clone(), None));
            previous = Some((key, spelling));
        }
        let mut holds = Vec::with_capacity(keys.len());
        for (key, spelling, existing) in keys {
            holds.push(self.intern(key, spelling, existing));
        }
        holds.sort_unstable();
        holds.dedup();
        self.base.push(base);
        self.holds.push(holds);
    }

    fn intern(&mut self, key: String, spelling: String, existing: Option<f64>) -> u32 {
        let next = self.candidates.len() as u32;
        let id = *self.index.entry(key.clone()).or_insert(next);
        if id == next {
            self.keys.push(key);
            self.candidates.push(Candidate {
                term: spelling.clone(),
                existing,
                spellings: FxHashMap::default(),
            });
        }
        let candidate = &mut self.candidates[id as usize];
        *candidate.spellings.entry(spelling).or_default() += 1;
        id
    }
}

impl Candidate {
    /// The most frequent spelling (the first in order on ties), for an entry line.
    pub fn written(&self) -> &str {
        if self.existing.is_some() {
            return &self.term;
        }
        self.spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or(self.term.as_str(), |(s, _)| s.as_str())
    }
}

/// The candidates held by at least [`MIN_TEXTS`] of the texts `rows`, each with
/// the texts it rests on, in candidate order. A phrase held by exactly the texts
/// that hold one of its words says nothing more than the word, and is left out.
pub(crate) fn frequent(observed: &Observed, rows: &[usize]) -> Vec<(u32, usize)> {
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); observed.candidates.len()];
    for &row in rows {
        for &c in &observed.holds[row] {
            holders[c as usize].push(row);
        }
    }
    let same_as_word = |c: usize| {
        let key = observed.keys[c].as_str();
        let Some((first, second)) = key.split_once(' ') else {
            return false;
        };
        [first, second].iter().any(|word| {
            observed
                .index
                .get(*word)
                .is_some_and(|&w| holders[w as usize] == holders[c])
        })
    };
    (0..holders.len())
        .filter(|&c| holders[c].len() >= MIN_TEXTS && !same_as_word(c))
        .map(|c| (c as u32, holders[c].len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn words_phrases_and_matched_entries_are_candidates() {
        let analyzer = Analyzer::default();
        let mut observed = Observed::default();
        let texts = [
            "Les bouchons du BHNS, une honte.",
            "Encore des bouchons du bhns.",
            "Les Bouchons partout.",
        ];
        for text in texts {
            let analysis = analyzer.analyze(text);
            let base = base_feature(&Task::Sentiment, &analysis, analyzer.weights());
            observed.add(base, text, &analysis);
        }
        let kept = frequent(&observed, &[0, 1, 2]);
        let terms: Vec<&str> = kept
            .iter()
            .map(|&(c, _)| observed.candidates[c as usize].written())
            .collect();
        assert_eq!(terms, vec!["bouchons"]);
        let two = crate::fit::candidates::frequent(&observed, &[0, 1]);
        assert!(two.is_empty());
        let honte = observed.candidates.iter().find(|c| c.existing.is_some());
        assert_eq!(honte.map(|c| c.written()), Some("honte"));
        assert!(observed.base[0] < 0.0);
        let phrase = observed
            .candidates
            .iter()
            .any(|c| c.written() == "bouchons partout");
        assert!(phrase);
        // Held by the same texts as `partout`: nothing more than the word.
        let more = Analyzer::default();
        let text = "Bouchons partout, bouchons partout.";
        for _ in 0..3 {
            let analysis = more.analyze(text);
            observed.add(0.0, text, &analysis);
        }
        let rows = [2, 3, 4, 5];
        let terms: Vec<&str> = frequent(&observed, &rows)
            .iter()
            .map(|&(c, _)| observed.candidates[c as usize].written())
            .collect();
        assert_eq!(terms, vec!["bouchons", "partout"]);
    }

    /// The frequent candidates of `texts` (all of them labelled, neutral
    /// base), with how many texts hold each.
    fn frequent_terms(texts: &[&str]) -> Vec<(String, usize)> {
        let analyzer = Analyzer::default();
        let mut observed = Observed::default();
        for text in texts {
            let analysis = analyzer.analyze(text);
            observed.add(0.0, text, &analysis);
        }
        let rows: Vec<usize> = (0..texts.len()).collect();
        frequent(&observed, &rows)
            .iter()
            .map(|&(c, held)| (observed.candidates[c as usize].written().to_string(), held))
            .collect()
    }

    #[test]
    fn a_word_and_its_plural_are_one_candidate() {
        let kept = frequent_terms(&[
            "Le panneau solaire du toit.",
            "Deux panneaux solaires.",
            "Des panneaux solaires neufs.",
        ]);
        let terms: Vec<&str> = kept.iter().map(|(t, _)| t.as_str()).collect();
        // One line each, written as most texts spell it (the engine reads
        // `solaires` in `solaire`); the phrase is held by the texts of its words.
        assert_eq!(terms, vec!["panneaux", "solaires"], "{terms:?}");
        assert!(kept.iter().all(|&(_, texts)| texts == 3));
    }

    #[test]
    fn words_in_a_negation_scope_are_not_candidates() {
        let kept = frequent_terms(&[
            "Il n'y a pas de bouchons. Le quai est neuf.",
            "Jamais de bouchons ! Le quai est neuf.",
            "Sans bouchons, enfin. Le quai est neuf.",
        ]);
        let terms: Vec<&str> = kept.iter().map(|(t, _)| t.as_str()).collect();
        // `bouchons` is negated in every text (a line for it would be turned
        // round there); the next clause is out of the scope.
        assert!(!terms.contains(&"bouchons"), "{terms:?}");
        assert!(terms.contains(&"quai"), "{terms:?}");
    }
}
