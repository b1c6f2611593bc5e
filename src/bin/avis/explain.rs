//! `avis explain`: the analysis of one text, written out for a person (or as JSON):
//! its sentences (the analysis's, as `avis score` gives them) with their sentiment
//! and the markers in each, the rules that weighed each marker, the stance per
//! target with its reasons.

use std::fmt::Write as _;
use std::io::IsTerminal;

use avis_fr::{Analysis, Evidence, SentenceSentiment};
use serde_json::{json, Map, Value};

use crate::args::{EvidenceMode, ExplainArgs};
use crate::error::CliError;
use crate::input;
use crate::output::Output;
use crate::scored::{json_error, write_scored};
use crate::setup::analyzer;

pub fn run(args: ExplainArgs) -> Result<(), CliError> {
    let text = text(&args)?;
    let analyzer = analyzer(&args.engine)?;
    let analysis = analyzer.analyze(&text);
    let groups = group(&analysis.sentences, &analysis.evidence);
    let out = if args.json {
        let mut json = serde_json::to_string_pretty(&as_json(&text, &analysis, &groups)?)
            .map_err(json_error)?;
        json.push('\n');
        json
    } else {
        as_text(&text, &analysis, &groups)
    };
    let mut output = Output::open(None)?;
    output
        .writer()
        .write_all(out.as_bytes())
        .map_err(|e| CliError::io("cannot write <stdout>", e))?;
    output.commit()
}

/// The text: the arguments, else `--file`, else standard input (not a terminal:
/// nobody would know that it waits for typing).
fn text(args: &ExplainArgs) -> Result<String, CliError> {
    if !args.text.is_empty() {
        let text = args.text.join(" ");
        if text.trim().is_empty() {
            return Err(CliError::Usage(
                "the text given is empty: there is no text to explain".into(),
            ));
        }
        return Ok(text);
    }
    if args.file.is_none() && std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "avis explain: no text: give it as an argument, with --file FILE, or on standard \
             input"
                .into(),
        ));
    }
    let (name, text) = input::read_text(args.file.as_deref(), args.encoding)?;
    if text.trim().is_empty() {
        let what = if text.is_empty() { "empty" } else { "blank" };
        return Err(CliError::Usage(format!(
            "{name} is {what}: there is no text to explain (give it as an argument, with \
             --file FILE, or on standard input)"
        )));
    }
    Ok(text)
}

/// The indices of the evidence in each sentence (by where it starts); the last
/// group holds evidence outside every sentence (none: every marker is made of the
/// tokens of a sentence), so that none could be left out.
fn group(sentences: &[SentenceSentiment], evidence: &[Evidence]) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); sentences.len() + 1];
    for (i, ev) in evidence.iter().enumerate() {
        let at = sentences
            .iter()
            .position(|s| s.start <= ev.start && ev.start < s.end)
            .unwrap_or(sentences.len());
        groups[at].push(i);
    }
    groups
}

fn as_text(text: &str, analysis: &Analysis<'_>, groups: &[Vec<usize>]) -> String {
    let mut out = String::new();
    let s = &analysis.sentiment;
    let _ = writeln!(
        out,
        "Sentiment: {} {:+.3} (positive {:.2}, negative {:.2}, neutral {:.2})",
        s.label, s.score, s.positive, s.negative, s.neutral
    );
    let sentences = &analysis.sentences;
    for (n, sentence) in sentences.iter().enumerate() {
        // The analysis's spans lie on the text's character boundaries.
        let words = text.get(sentence.start..sentence.end).unwrap_or_default();
        let _ = writeln!(
            out,
            "\nSentence {} (bytes {}..{}, {} {:+.3}): {}",
            n + 1,
            sentence.start,
            sentence.end,
            sentence.label,
            sentence.score,
            one_line(words)
        );
        markers(&mut out, analysis, &groups[n]);
    }
    if let Some(rest) = groups.last().filter(|g| !g.is_empty()) {
        out.push_str("\nOutside the sentences:\n");
        markers(&mut out, analysis, rest);
    }
    if sentences.is_empty() && text.trim().is_empty() {
        out.push_str("\n(no sentence)\n");
    }
    out.push_str("\nStance\n");
    if analysis.stance.is_empty() {
        out.push_str("  (the topic has no targets)\n");
    }
    for (target, stance) in &analysis.stance {
        let _ = writeln!(out, "  {target}: {} {:+.3}", stance.label, stance.score);
        for reason in &stance.because {
            let _ = writeln!(out, "    because {reason}");
        }
    }
    let frames: Vec<String> = analysis.frames.iter().map(|f| f.to_string()).collect();
    let _ = writeln!(
        out,
        "\nFrames: {}",
        if frames.is_empty() {
            "none".to_string()
        } else {
            frames.join(", ")
        }
    );
    out
}

/// One line per marker: text, role, target or frame, valence → contribution, rules.
fn markers(out: &mut String, analysis: &Analysis<'_>, group: &[usize]) {
    if group.is_empty() {
        out.push_str("  (no marker)\n");
    }
    for &i in group {
        let ev = &analysis.evidence[i];
        let id = ev
            .id
            .as_ref()
            .map(|id| format!(" {id}"))
            .unwrap_or_default();
        // A line a model learned says so: the explanation names where it comes from.
        let source = ev.source.map(|s| format!(" ({s})")).unwrap_or_default();
        let _ = write!(out, "  `{}` {}{id}{source}: ", one_line(&ev.text), ev.role);
        // A marker that adds nothing itself (a target, a negator) has only its valence.
        if ev.contribution == 0.0 && ev.rules.is_empty() {
            let _ = write!(out, "valence {:+.2}", ev.valence);
        } else {
            let _ = write!(out, "{:+.2} → {:+.2}", ev.valence, ev.contribution);
        }
        let rules: Vec<String> = ev.rules.iter().map(ToString::to_string).collect();
        if !rules.is_empty() {
            let _ = write!(out, "; {}", rules.join("; "));
        }
        out.push('\n');
    }
}

/// Line breaks shown as spaces, so that each sentence or marker stays on one line.
/// (Generic so that it takes the evidence text whether borrowed or owned.)
fn one_line(text: &(impl AsRef<str> + ?Sized)) -> String {
    text.as_ref()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The record `avis score` writes for this text (`text`, then the analysis:
/// `sentiment`, `sentences`, `stance`, `frames`, `evidence`), and what explain
/// adds: `evidence_by_sentence`, for each sentence the indices of its evidence
/// (and `evidence_outside_sentences` if a marker were in none).
fn as_json(text: &str, analysis: &Analysis<'_>, groups: &[Vec<usize>]) -> Result<Value, CliError> {
    let mut record = Map::new();
    record.insert("text".into(), Value::from(text));
    let mut line = Vec::new();
    write_scored(&mut line, &record, analysis, EvidenceMode::All)?;
    let mut value = match serde_json::from_slice(&line).map_err(json_error)? {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let (by_sentence, outside) = groups.split_at(groups.len().saturating_sub(1));
    value.insert("evidence_by_sentence".into(), json!(by_sentence));
    if let Some(rest) = outside.first().filter(|g| !g.is_empty()) {
        value.insert("evidence_outside_sentences".into(), json!(rest));
    }
    Ok(Value::Object(value))
}
