//! Where a text longer than [`WINDOW`] bytes is cut into windows, and how much of
//! its analysis is kept. The analyzer runs the stages on each window and combines
//! them (`Analyzer::run_windows`: the stages are wired in one file).
//!
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

/// Add `items` to `all` up to [`KEEP`]; whether some were left out.
pub(crate) fn keep<T>(all: &mut Vec<T>, items: impl ExactSizeIterator<Item = T>) -> bool {
    let room = KEEP - all.len();
    let more = items.len() > room;
    all.extend(items.take(room));
    more
}

/// Where the window that starts at `start` ends (see the module's comment).
pub(crate) fn cut(text: &str, start: usize) -> usize {
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
}
