//! The documented contracts of the public API, as checks that panic with the input.
//!
//! Shared by the integration tests (`mod common;`) and the fuzz targets (which
//! include this file by path), so that both assert exactly the same thing.

use avis_fr::{sentences, tokenize, Analysis, Analyzer, Cache, Label, Role, StanceLabel};

/// The contract of [`avis_fr::tokenize`]: tokens are non-empty slices of the input,
/// in order, on char boundaries; whitespace is never part of a token and every
/// other byte is part of exactly one token.
pub fn check_tokens(text: &str) {
    let mut last = 0;
    let mut count = 0;
    let mut tokens = tokenize(text);
    for t in tokens.by_ref() {
        count += 1;
        assert!(t.start < t.end, "empty token at {} in {text:?}", t.start);
        assert!(
            t.start >= last,
            "token at {} overlaps or is out of order in {text:?}",
            t.start
        );
        assert!(t.end <= text.len(), "token ends past the text in {text:?}");
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "token {}..{} not on char boundaries in {text:?}",
            t.start,
            t.end
        );
        assert_eq!(&text[t.start..t.end], t.text, "token text is not its span");
        assert!(
            !t.text.contains(char::is_whitespace),
            "token {:?} at {} holds whitespace in {text:?}",
            t.text,
            t.start
        );
        assert!(
            text[last..t.start].chars().all(char::is_whitespace),
            "non-whitespace before {} is in no token in {text:?}",
            t.start
        );
        // The lookup keys exist for every token.
        let _ = (t.norm(), t.folded());
        last = t.end;
    }
    assert!(
        text[last..].chars().all(char::is_whitespace),
        "non-whitespace after {last} is in no token in {text:?}"
    );
    assert!(tokens.next().is_none(), "Tokens is documented as fused");
    assert_eq!(
        tokenize(text).count(),
        count,
        "tokenize is not deterministic"
    );
}

/// The contract of [`avis_fr::sentences`]: trimmed, in order, never overlapping,
/// covering every non-whitespace byte.
pub fn check_sentences(text: &str) {
    let mut last = 0;
    for s in sentences(text) {
        assert!(
            s.start < s.end && s.start >= last,
            "bad sentence span in {text:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert_eq!(&text[s.start..s.end], s.text);
        assert_eq!(s.text.trim(), s.text, "untrimmed sentence in {text:?}");
        assert!(
            text[last..s.start].chars().all(char::is_whitespace),
            "non-whitespace before {} is in no sentence in {text:?}",
            s.start
        );
        last = s.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace));
}

/// The contract of [`Analysis`] (see `src/analysis.rs`) for `text` analysed by
/// `analyzer`, whose label thresholds are `thresholds` (negative, positive).
pub fn check_analysis(analyzer: &Analyzer, text: &str, a: &Analysis, thresholds: (f64, f64)) {
    let s = &a.sentiment;
    assert!(
        s.score.is_finite() && (-1.0..=1.0).contains(&s.score),
        "sentiment score {} out of [-1, 1] for {text:?}",
        s.score
    );
    let label = if s.score <= thresholds.0 {
        Label::Negative
    } else if s.score >= thresholds.1 {
        Label::Positive
    } else {
        Label::Neutral
    };
    assert_eq!(s.label, label, "label of score {} for {text:?}", s.score);
    for (name, share) in [
        ("positive", s.positive),
        ("negative", s.negative),
        ("neutral", s.neutral),
    ] {
        assert!(
            share.is_finite() && (0.0..=1.0).contains(&share),
            "{name} share {share} out of [0, 1] for {text:?}"
        );
    }
    let sum = s.positive + s.negative + s.neutral;
    assert!(
        (sum - 1.0).abs() < 1e-9 || sum == 0.0,
        "shares sum to {sum} for {text:?}"
    );

    let targets = analyzer.topic().target_ids();
    let keys: Vec<&str> = a.stance.keys().map(|k| k.as_ref()).collect();
    assert_eq!(keys, targets, "stance is not given per target of the topic");
    for (id, st) in &a.stance {
        assert!(
            st.score.is_finite() && (-1.0..=1.0).contains(&st.score),
            "stance {id} score {} out of [-1, 1] for {text:?}",
            st.score
        );
        match st.label {
            StanceLabel::Against => assert!(st.score < 0.0, "against {id} with {}", st.score),
            StanceLabel::Favor => assert!(st.score > 0.0, "favor {id} with {}", st.score),
            StanceLabel::None => {}
        }
    }

    let frame_ids: Vec<&str> = analyzer
        .topic()
        .frames()
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert!(
        a.frames.windows(2).all(|w| w[0] < w[1]),
        "frames not sorted and unique: {:?}",
        a.frames
    );
    for frame in &a.frames {
        assert!(frame_ids.contains(&frame.as_ref()), "unknown frame {frame}");
    }

    // One sentence splitter: the analysis scores the sentences `sentences` gives.
    let spans: Vec<(usize, usize)> = a.sentences.iter().map(|s| (s.start, s.end)).collect();
    let split: Vec<(usize, usize)> = sentences(text).map(|s| (s.start, s.end)).collect();
    assert_eq!(
        spans, split,
        "the analysis's sentences are not sentences() of {text:?}"
    );
    for s in &a.sentences {
        assert!(s.score.is_finite() && (-1.0..=1.0).contains(&s.score));
    }

    let mut previous = (0, 0);
    for e in &a.evidence {
        assert!(
            e.start < e.end && e.end <= text.len(),
            "evidence {}..{} outside the text ({} bytes) for {text:?}",
            e.start,
            e.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "evidence {}..{} not on char boundaries in {text:?}",
            e.start,
            e.end
        );
        assert_eq!(
            e.text,
            &text[e.start..e.end],
            "evidence text is not its span"
        );
        assert!(
            (e.start, e.end) >= previous,
            "evidence not in text order for {text:?}"
        );
        previous = (e.start, e.end);
        assert!(e.valence.is_finite() && e.contribution.is_finite());
        match e.role {
            Role::Target => {
                let id = e.id.as_deref().unwrap_or("(none)");
                assert!(targets.contains(&id), "target evidence names {id}");
            }
            Role::Frame => {
                let id = e.id.as_deref().unwrap_or("(none)");
                assert!(frame_ids.contains(&id), "frame evidence names {id}");
            }
            _ => {}
        }
    }
    check_scores_only(analyzer, text, a);
}

/// The contract of [`Analyzer::analyze_scores`]: the values of the full analysis
/// `full` of `text`, to the bit, and nothing that explains them.
pub fn check_scores_only(analyzer: &Analyzer, text: &str, full: &Analysis) {
    let scores = analyzer.analyze_scores(&mut Cache::new(), text);
    assert_eq!(
        scores.sentiment, full.sentiment,
        "scores only: sentiment of {text:?}"
    );
    assert_eq!(
        scores.frames, full.frames,
        "scores only: frames of {text:?}"
    );
    let values = |a: &Analysis| -> Vec<(String, f64, StanceLabel)> {
        let stance = a.stance.iter();
        stance
            .map(|(id, s)| (id.to_string(), s.score, s.label))
            .collect()
    };
    assert_eq!(
        values(&scores),
        values(full),
        "scores only: stance of {text:?}"
    );
    assert!(scores.evidence.is_empty() && scores.sentences.is_empty());
    assert!(scores.stance.values().all(|s| s.because.is_empty()));
}
