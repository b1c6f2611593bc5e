//! The analyzer on texts long enough to be read window by window.

use crate::windows::WINDOW;
use crate::{Analyzer, KEEP};

#[test]
fn a_long_book_raises_the_frames_of_its_comments_with_offsets_in_the_whole_text() {
    let topic = crate::Topic::builtin("consultation-2015").unwrap();
    let analyzer = Analyzer::builder().topic(topic).build().unwrap();
    let comments: Vec<String> = include_str!("../../data/consultation-2015.jsonl")
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
