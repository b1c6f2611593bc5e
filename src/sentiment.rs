//! Stage 4: the sentiment score, from the document's weighed sentiment words.
//!
//! Each sentiment word starts at its lexicon valence (in [-4, 4]) and goes through
//! the rules of [`crate::rules`], in their order; the comment's score is the sum `s`
//! of the weighed values squashed into [-1, 1] as `s / sqrt(s² + alpha)` (VADER's
//! normalisation, alpha 15 by default: one strong word gives about ±0.6, several
//! agreeing words approach ±1; see [`SentimentWeights`]).

use crate::analysis::{Label, Role, SentenceSentiment, Sentiment};
use crate::document::Document;
use crate::lexicon::{EntryKind, Hit, Kinds};
use crate::reuse::recycle;
use crate::rules::Weighed;
use crate::weights::SentimentWeights;

/// A test of the sentiment label of each text with the default analyzer, for the
/// stages of this module: `label_cases!(name: "text" => Neutral, …);`.
#[cfg(test)]
macro_rules! label_cases {
    ($name:ident: $($text:expr => $label:ident),+ $(,)?) => {
        #[test]
        fn $name() {
            let analyzer = crate::Analyzer::default();
            $(
                assert_eq!(
                    analyzer.analyze($text).sentiment.label,
                    crate::Label::$label,
                    "{}",
                    $text
                );
            )+
        }
    };
}

mod discourse;
mod lack;
mod wait;

/// A label from a score and the thresholds of `weights`.
pub(crate) fn label(weights: &SentimentWeights, score: f64) -> Label {
    if score <= weights.negative {
        Label::Negative
    } else if score >= weights.positive {
        Label::Positive
    } else {
        Label::Neutral
    }
}

/// What the sentiment stage returns: the score, and every word it weighed, in text
/// order, with the rules that weighed it.
#[derive(Debug)]
pub(crate) struct Scored<'a> {
    pub(crate) sentiment: Sentiment,
    pub(crate) sentences: Vec<SentenceSentiment>,
    pub(crate) words: Vec<Weighed<'a>>,
}

/// The vector of weighed words, kept from one document to the next.
#[derive(Debug, Default)]
pub(crate) struct SentimentCache {
    words: Vec<Weighed<'static>>,
}

impl SentimentCache {
    /// Keep the (emptied) vector of a finished document's words.
    pub(crate) fn keep(&mut self, words: Vec<Weighed<'_>>) {
        self.words = recycle(words);
    }
}

/// The document's feelings at their valence, in text order, for the rules to
/// weigh (in the cache's emptied vector). Unless `explain`, the words will keep no
/// record of the rules.
pub(crate) fn feelings<'a>(
    doc: &Document<'a>,
    explain: bool,
    cache: &mut SentimentCache,
) -> Vec<Weighed<'a>> {
    let mut words = recycle(std::mem::take(&mut cache.words));
    collect(doc, explain, &mut words);
    words
}

/// Score the document from its weighed words. Unless `explain`, the sentences are
/// not scored: the same score, with nothing that says why.
pub(crate) fn score<'a>(
    doc: &Document<'a>,
    words: Vec<Weighed<'a>>,
    weights: &SentimentWeights,
    explain: bool,
) -> Scored<'a> {
    Scored {
        sentiment: summarise(doc, &words, weights),
        sentences: if explain {
            sentences(doc, &words, weights)
        } else {
            Vec::new()
        },
        words,
    }
}

/// The document's feelings at their valence, in text order: sentiment words, irony
/// cues with a valence of their own, reproaches in a question (`Pourquoi personne
/// ne nous a prévenus ?`; `c'est pourquoi` asks nothing), including those inside a longer
/// expression that keeps their feeling (`bravo` in the stance cue `bravo à`, `pire`
/// in the comparative `pire que`: see [`Kinds::layers`]), waits in a sentence that
/// counts the time (see [`wait`]), but not the interjection `bon` (see
/// [`discourse`]), and the lack that a sentence opening on a denied
/// noun complains of (see [`lack`]).
fn collect<'a>(doc: &Document<'a>, explain: bool, words: &mut Vec<Weighed<'a>>) {
    // A formula carries no feeling, even when a word lexicon weighs the same term
    // (`respectueusement` closing a letter is its form, not praise).
    let feeling = |kinds: Kinds| {
        (kinds.has(EntryKind::Sentiment)
            || kinds.has(EntryKind::Irony)
            || kinds.has(EntryKind::Harm)
            || kinds.has(EntryKind::Growth))
            && !kinds.has(EntryKind::Formula)
    };
    let reproach = |hit: &Hit<'_>| {
        hit.kinds.has(EntryKind::Reproach)
            && !hit.kinds.has(EntryKind::Formula)
            && doc
                .closing_punctuation(hit.first)
                .is_some_and(|t| t.text.contains('?'))
    };
    let timed = |hit: &Hit<'_>| hit.kinds.has(EntryKind::Wait) && wait::counts_time(doc, hit);
    for (h, hit) in doc.hits.iter().enumerate() {
        let timed = timed(hit);
        let feels = feeling(hit.kinds) && !discourse::interjection(doc, hit);
        if feels || reproach(hit) || timed {
            push_feelings(h, hit, timed, explain, words);
        } else if hit.kinds.layers() && hit.end - hit.first > 1 {
            // The feelings nested in it, left to right, never overlapping.
            let from = doc.nested.partition_point(|inner| inner.first < hit.first);
            let mut free = hit.first;
            for inner in doc.nested[from..].iter().take_while(|n| n.first < hit.end) {
                if inner.first >= free && feeling(inner.kinds) {
                    push_feelings(h, inner, false, explain, words);
                    free = inner.end;
                }
            }
        }
    }
    lack::push_lacks(doc, explain, words);
}

/// The feelings of `hit`, weighed as words of hit `h` (itself, or the expression it
/// lies in); its wait only when `timed` (its sentence counts the time).
fn push_feelings<'a>(
    h: usize,
    hit: &Hit<'a>,
    timed: bool,
    explain: bool,
    words: &mut Vec<Weighed<'a>>,
) {
    // Naming a target is not a feeling: `libre` in `logiciel libre` carries none.
    let names_target = hit.kinds.names_target();
    for &(kind, valence) in hit.meaning.words.iter() {
        let role = match kind {
            EntryKind::Sentiment | EntryKind::Harm | EntryKind::Growth if !names_target => {
                Role::Sentiment
            }
            EntryKind::Irony if valence != 0.0 => Role::Irony,
            // Only a question's reproach reaches here (`collect`).
            EntryKind::Reproach => Role::Sentiment,
            EntryKind::Wait if timed => Role::Sentiment,
            _ => continue,
        };
        words.push(Weighed {
            hit: h,
            first: hit.first,
            end: hit.end,
            entry: &hit.meaning.term,
            role,
            kind,
            valence,
            value: valence,
            rules: Vec::new(),
            explain,
        });
    }
}

/// Each sentence's span and score, in one pass over the sentences and the words.
pub(crate) fn sentences(
    doc: &Document<'_>,
    words: &[Weighed<'_>],
    weights: &SentimentWeights,
) -> Vec<SentenceSentiment> {
    let spans = doc.sentence_spans();
    let mut out: Vec<SentenceSentiment> = spans
        .iter()
        .map(|&(start, end)| SentenceSentiment {
            start,
            end,
            score: 0.0,
            label: Label::Neutral,
        })
        .collect();
    // Words come in text order, so their sentences do too; the sums are kept in
    // `score` until they are squashed.
    let mut at = 0;
    for word in words {
        let start = doc.tokens[word.first].start;
        while at + 1 < out.len() && out[at].end <= start {
            at += 1;
        }
        out[at].score += word.value;
    }
    for sentence in &mut out {
        sentence.score = squash(sentence.score, weights.alpha);
        sentence.label = label(weights, sentence.score);
    }
    out
}

/// A sum of weighed values as a score in [-1, 1].
fn squash(total: f64, alpha: f64) -> f64 {
    if total == 0.0 {
        0.0
    } else {
        total / (total * total + alpha).sqrt()
    }
}

fn summarise(doc: &Document<'_>, words: &[Weighed<'_>], weights: &SentimentWeights) -> Sentiment {
    let mut sums = Sums::default();
    sums.add(doc, words);
    sums.sentiment(weights)
}

/// What the sentiment of a text adds up: of one document, or of the windows of a
/// long text one after the other (see `crate::windows`), in text order.
#[derive(Debug, Default)]
pub(crate) struct Sums {
    total: f64,
    positive: f64,
    negative: f64,
    /// Words that carry a feeling.
    carried: usize,
    words: usize,
}

impl Sums {
    /// Add a document's weighed words (in the order one document sums them).
    pub(crate) fn add(&mut self, doc: &Document<'_>, words: &[Weighed<'_>]) {
        self.total = words.iter().map(|w| w.value).fold(self.total, |a, b| a + b);
        self.positive = words
            .iter()
            .fold(self.positive, |sum, w| sum + w.value.max(0.0));
        self.negative = (words.iter()).fold(self.negative, |sum, w| sum + (-w.value).max(0.0));
        self.carried += words.iter().map(|w| w.end - w.first).sum::<usize>();
        self.words += doc.words();
    }

    /// The score, label and shares.
    pub(crate) fn sentiment(&self, weights: &SentimentWeights) -> Sentiment {
        let score = squash(self.total, weights.alpha);
        let neutral = self.words.saturating_sub(self.carried) as f64;
        let mass = self.positive + self.negative + neutral;
        let share = |x: f64| if mass > 0.0 { x / mass } else { 0.0 };
        Sentiment {
            score,
            label: label(weights, score),
            positive: share(self.positive),
            negative: share(self.negative),
            neutral: if mass > 0.0 { share(neutral) } else { 1.0 },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Label, Role};

    #[test]
    fn a_stance_cue_or_a_comparative_keeps_the_feeling_of_its_words() {
        let analyzer = Analyzer::default();
        let praise = analyzer.analyze("Bravo à toute l'équipe.");
        assert_eq!(praise.sentiment.label, Label::Positive);
        let worse = analyzer.analyze("C'est pire que l'an dernier.");
        assert_eq!(worse.sentiment.label, Label::Negative);
        // The evidence shows both: the feeling with its own span, and the marker.
        let roles: Vec<(&str, Role)> = worse
            .evidence
            .iter()
            .map(|e| (e.text.as_ref(), e.role))
            .collect();
        assert_eq!(
            roles,
            [("pire", Role::Sentiment), ("pire que", Role::StanceMarker)]
        );
    }

    #[test]
    fn a_name_or_a_rule_word_does_not_keep_the_feeling_of_its_words() {
        let analyzer = Analyzer::default();
        // `sans doute` hedges; `doute` in it is no feeling.
        let hedged = analyzer.analyze("Il viendra sans doute demain.");
        assert_eq!(hedged.sentiment.label, Label::Neutral);
    }

    #[test]
    fn a_politeness_formula_carries_no_feeling() {
        let analyzer = Analyzer::default();
        let request = analyzer.analyze("Pouvez-vous me rappeler ? Merci d'avance.");
        assert_eq!(request.sentiment.label, Label::Neutral);
        // A one-word formula too, though a word lexicon weighs it.
        let closing = analyzer.analyze("Ci-joint ma demande. Respectueusement.");
        assert_eq!(closing.sentiment.label, Label::Neutral);
        let thanks = analyzer.analyze("Merci pour votre aide.");
        assert_eq!(thanks.sentiment.label, Label::Positive);
    }

    #[test]
    fn a_reproach_weighs_only_in_a_question() {
        let analyzer = Analyzer::default();
        let asked = analyzer.analyze("Pourquoi ce retard ?");
        assert_eq!(asked.sentiment.label, Label::Negative);
        let reproach = asked.evidence.iter().find(|e| e.text == "Pourquoi");
        assert_eq!(reproach.map(|e| e.role), Some(Role::Sentiment));
        // Out of a question it asks nothing, and shows no evidence.
        let told = analyzer.analyze("C'est pourquoi je viens.");
        assert_eq!(told.sentiment.label, Label::Neutral);
        assert!(told.evidence.is_empty(), "{:?}", told.evidence);
        // Accepting is no reproach.
        let accepted = analyzer.analyze("Pourquoi pas ?");
        assert_eq!(accepted.sentiment.label, Label::Neutral);
    }
}
