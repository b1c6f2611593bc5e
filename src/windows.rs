//! A text longer than [`WINDOW`] bytes is read window by window, so that the
//! memory of its analysis is that of one window (its tokens, expressions, clauses
//! and weighed words) plus what the answer carries, not a multiple of the whole
//! text (README, "Memory").
//!
//! Windows end on a paragraph break where one falls in the window's second half,
//! else on a line break, else after a sentence's closing punctuation, else after a
//! space: a sentence (a line break ends one too) is cut only when none of these is
//! found. The figures are combined as one document's are:
//!
//! - sentiment: the weighed words of all windows summed in text order, then
//!   squashed (the same sum as one piece);
//! - stance: each target's markers, clause sentiment and cues summed over the
//!   windows; the frames raised in any window give their objections once; the
//!   subject's default (from the overall sentiment) and the rivalries come last,
//!   as for one document;
//! - frames: those raised in any window; sentences and evidence: each window's,
//!   offsets in the whole text.
//!
//! What may differ from reading it in one piece: a rule whose scope would cross a
//! cut (a negation or a contrast reaching past a paragraph break) does not, and
//! sums of stance contributions are added window by window (last digits).
//!
//! What one text carries is capped: at most [`KEEP`] sentences, evidence items and
//! reasons per target; `truncated` says when some were left out (the figures still
//! count everything).

use crate::analysis::Analysis;
use crate::analyzer::{Analyzer, Depth};
use crate::cache::Cache;
use crate::document::Document;
use crate::frames::Frames;
use crate::sentiment::{self, Sums};
use crate::{evidence, frames, rules, stance};

/// Texts longer than this (bytes) are read window by window: 1 MiB.
pub(crate) const WINDOW: usize = 1 << 20;

/// At most this many sentences, evidence items and reasons per target in the
/// analysis of a text longer than 1 MiB (its `truncated` says when some were left
/// out; its figures count everything).
///
/// ```
/// let analyzer = avis_fr::Analyzer::default();
/// let huge = "Bravo. ".repeat(200_000);
/// let analysis = analyzer.analyze(&huge);
/// assert_eq!(analysis.evidence.len(), avis_fr::KEEP);
/// assert!(analysis.truncated && analysis.sentiment.score > 0.9);
/// ```
pub const KEEP: usize = 100_000;

/// Analyse a text longer than [`WINDOW`], window by window.
pub(crate) fn run<'a>(
    analyzer: &'a Analyzer,
    cache: &mut Cache,
    text: &'a str,
    depth: Depth,
) -> Analysis<'a> {
    let explain = depth != Depth::Scores;
    let weights = &analyzer.weights;
    let mut sums = Sums::default();
    let mut stance = stance::Windowed::new(&analyzer.index, explain);
    let mut raised = vec![false; analyzer.index.frames.len()];
    let (mut sentences, mut evidence, mut truncated) = (Vec::new(), Vec::new(), false);
    let mut start = 0;
    while start < text.len() {
        let end = cut(text, start);
        let part = &text[start..end];
        cache.prepare_for(analyzer.id);
        let mut doc = Document::read_with(part, &analyzer.matcher, &mut cache.document, explain);
        let marks = rules::mark(&doc, weights, &mut cache.marks);
        let mut words = sentiment::feelings(&doc, explain, &mut cache.sentiment);
        rules::weigh(&doc, marks, weights, &mut words);
        sums.add(&doc, &words);
        if explain {
            let scored = sentiment::sentences(&doc, &words, &weights.sentiment);
            truncated |= keep(
                &mut sentences,
                scored.into_iter().map(|mut s| {
                    s.start += start;
                    s.end += start;
                    s
                }),
            );
        }
        let found = frames::find(&doc, &analyzer.index, &mut cache.frames);
        for (all, this) in raised.iter_mut().zip(found.raised) {
            *all |= this;
        }
        let contributions = stance.add(&doc, marks, &words, &weights.stance, KEEP);
        if depth == Depth::Evidence {
            let mut items = evidence::assemble(&doc, &mut words, contributions, &analyzer.index);
            analyzer.mark_model(&mut items);
            truncated |= keep(
                &mut evidence,
                items.into_iter().map(|mut e| {
                    e.start += start;
                    e.end += start;
                    e
                }),
            );
        }
        cache.sentiment.keep(words);
        cache.document.keep(&mut doc);
        start = end;
    }
    truncated |= stance.truncated();
    let sentiment = sums.sentiment(&weights.sentiment);
    let frames = Frames { raised: &raised };
    Analysis {
        stance: stance.finish(frames, sentiment.score, &analyzer.index, &weights.stance),
        sentiment,
        sentences,
        frames: frames.ids(&analyzer.index),
        evidence,
        truncated,
    }
}

/// Add `items` to `all` up to [`KEEP`]; whether some were left out.
fn keep<T>(all: &mut Vec<T>, items: impl ExactSizeIterator<Item = T>) -> bool {
    let room = KEEP - all.len();
    let more = items.len() > room;
    all.extend(items.take(room));
    more
}

/// Where the window that starts at `start` ends (see the module's comment).
fn cut(text: &str, start: usize) -> usize {
    if text.len() - start <= WINDOW {
        return text.len();
    }
    let mut end = start + WINDOW;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let half = start + WINDOW / 2;
    let window = &text.as_bytes()[half..end];
    let after = |i: Option<usize>, width: usize| i.map(|i| half + i + width);
    let sentence_end = || {
        (window.windows(2))
            .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
            .map(|i| i + 1)
    };
    after(window.windows(2).rposition(|w| w == b"\n\n"), 2)
        .or_else(|| after(window.iter().rposition(|&b| b == b'\n'), 1))
        .or_else(|| after(sentence_end(), 1))
        .or_else(|| after(window.iter().rposition(|&b| b == b' '), 1))
        .unwrap_or(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_on_a_paragraph_a_line_a_sentence_or_a_space() {
        let paragraphs = "Une phrase. Une autre.\n\n".repeat(WINDOW / 10);
        let end = cut(&paragraphs, 0);
        assert!(end <= WINDOW && end > WINDOW / 2 && paragraphs[..end].ends_with("\n\n"));
        let sentences = "Quelle honte ! Bravo. ".repeat(WINDOW / 10);
        let end = cut(&sentences, 0);
        assert!(sentences[..end].ends_with(". ") || sentences[..end].ends_with("! "));
        let words = "é".repeat(WINDOW);
        let end = cut(&words, 1 << 10);
        assert!(words.is_char_boundary(end) && end - (1 << 10) <= WINDOW);
        assert_eq!(cut("court", 0), 5);
    }

    #[test]
    fn a_long_book_raises_the_frames_of_its_comments_with_offsets_in_the_whole_text() {
        let topic = crate::Topic::builtin("consultation-2015").unwrap();
        let analyzer = Analyzer::builder().topic(topic).build().unwrap();
        let comments: Vec<String> = include_str!("../data/consultation-2015.jsonl")
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["text"].as_str().unwrap().to_string()
            })
            .collect();
        let mut book = String::new();
        while book.len() <= 3 * WINDOW {
            for c in &comments {
                book.push_str(c);
                book.push_str("\n\n");
            }
        }
        let mut frames: Vec<String> = comments
            .iter()
            .flat_map(|c| {
                analyzer
                    .analyze(c)
                    .frames
                    .into_iter()
                    .map(|f| f.into_owned())
            })
            .collect();
        frames.sort();
        frames.dedup();
        let analysis = analyzer.analyze(&book);
        assert_eq!(analysis.frames, frames);
        // Fewer than KEEP of each in 3 MiB of prose: nothing left out.
        assert!(!analysis.truncated && analysis.evidence.len() < KEEP);
        assert!(analysis.evidence.last().unwrap().start > 2 * WINDOW);
        let spans = analysis.evidence.iter().map(|e| (e.start, e.end, &e.text));
        assert!(spans.clone().all(|(s, e, text)| &book[s..e] == text));
        assert!(analysis
            .sentences
            .windows(2)
            .all(|w| w[0].end <= w[1].start));
        assert!(analysis.sentences.last().unwrap().end > 2 * WINDOW);
        // Every target the thread names has a stance with its reasons.
        assert!(analysis.stance.values().any(|s| !s.because.is_empty()));
    }

    #[test]
    fn a_long_text_gets_the_figures_of_its_windows_and_says_what_it_left_out() {
        let analyzer = Analyzer::default();
        let dense = "Quelle honte ! Bravo. ".repeat(2 * WINDOW / 22 + 10);
        let analysis = analyzer.analyze(&dense);
        assert!(analysis.truncated);
        assert_eq!(analysis.evidence.len(), KEEP);
        assert!(analysis.sentences.len() <= KEEP);
        // Offsets are in the whole text, past the first window too.
        let last = &analysis.evidence[KEEP - 1];
        assert_eq!(&dense[last.start..last.end], last.text);
        let sentence = &analysis.sentences[analysis.sentences.len() - 1];
        assert!(sentence.start > WINDOW, "{}", sentence.start);
        assert!(["Quelle honte !", "Bravo."].contains(&dense[sentence.start..sentence.end].trim()));
        // As many `honte` as `bravo`: the sum of all windows is about zero, and
        // the shares count every window's words.
        let one = analyzer.analyze("Quelle honte ! Bravo. ");
        assert_eq!(analysis.sentiment.label, one.sentiment.label);
        assert!((analysis.sentiment.positive - one.sentiment.positive).abs() < 1e-6);
        let short = analyzer.analyze(&dense[..WINDOW / 2]);
        assert!(!short.truncated);
    }
}
