//! How `avis score` writes a scored record: a JSON line (with all, the top or no
//! evidence) or a CSV row of chosen columns.

use std::io::Write;

use avis_fr::{Analysis, Evidence};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::args::EvidenceMode;
use crate::error::CliError;

/// The analysis fields `avis score` adds to each record, in their order.
const ANALYSIS_FIELDS: [&str; 5] = ["sentiment", "sentences", "stance", "frames", "evidence"];

/// The piece of evidence that weighed most: the largest contribution either way,
/// the first in the text on a tie; none when nothing contributed (a negator alone
/// is no answer to "what weighed most").
pub fn top_evidence<'e, 'a>(analysis: &'e Analysis<'a>) -> Option<&'e Evidence<'a>> {
    let mut best: Option<&Evidence> = None;
    for ev in &analysis.evidence {
        let weight = ev.contribution.abs();
        match best {
            _ if weight == 0.0 || weight.is_nan() => {}
            Some(b) if weight <= b.contribution.abs() => {}
            _ => best = Some(ev),
        }
    }
    best
}

/// One scored record as a JSON line: the input's fields in their order, a field the
/// analysis also has replaced in place, then the analysis's other fields. Written
/// straight out, without building a JSON value of the analysis.
pub fn write_scored(
    w: &mut dyn Write,
    fields: &Map<String, Value>,
    analysis: &Analysis<'_>,
    evidence: EvidenceMode,
) -> Result<(), CliError> {
    // With `--evidence none` an input field named `evidence` is the input's own.
    let ours = |name: &str| {
        ANALYSIS_FIELDS.contains(&name) && !(name == "evidence" && evidence == EvidenceMode::Omit)
    };
    let part = |w: &mut dyn Write, name: &str| -> serde_json::Result<()> {
        match name {
            "sentiment" => serde_json::to_writer(w, &analysis.sentiment),
            "sentences" => serde_json::to_writer(w, &analysis.sentences),
            "stance" => serde_json::to_writer(w, &analysis.stance),
            "frames" => serde_json::to_writer(w, &analysis.frames),
            _ => match evidence {
                EvidenceMode::Top => serde_json::to_writer(w, &top_evidence(analysis).as_slice()),
                _ => serde_json::to_writer(w, &analysis.evidence),
            },
        }
    };
    let mut write = || -> serde_json::Result<()> {
        let mut first = true;
        let mut key = |w: &mut dyn Write, name: &str| -> serde_json::Result<()> {
            w.write_all(if first { b"{" } else { b"," })
                .map_err(serde_json::Error::io)?;
            first = false;
            serde_json::to_writer(&mut *w, name)?;
            w.write_all(b":").map_err(serde_json::Error::io)
        };
        for (name, value) in fields {
            key(w, name)?;
            if ours(name) {
                part(w, name)?;
            } else {
                serde_json::to_writer(&mut *w, value)?;
            }
        }
        for name in ANALYSIS_FIELDS {
            if ours(name) && !fields.contains_key(name) {
                key(w, name)?;
                part(w, name)?;
            }
        }
        // Only when something was left out (a record longer than 1 MiB).
        if analysis.truncated && !fields.contains_key("truncated") {
            key(w, "truncated")?;
            w.write_all(b"true").map_err(serde_json::Error::io)?;
        }
        w.write_all(b"}\n").map_err(serde_json::Error::io)
    };
    write().map_err(json_write_error)
}

pub fn write_json_line(w: &mut dyn Write, value: &impl Serialize) -> Result<(), CliError> {
    serde_json::to_writer(&mut *w, value).map_err(json_write_error)?;
    w.write_all(b"\n")
        .map_err(|e| CliError::io("cannot write output", e))
}

fn json_write_error(e: serde_json::Error) -> CliError {
    if e.is_io() {
        CliError::io("cannot write output", e.into())
    } else {
        json_error(e)
    }
}

pub fn json_error(e: serde_json::Error) -> CliError {
    CliError::Io {
        what: "cannot encode JSON".into(),
        error: e.into(),
    }
}

/// A field as a cell or a line of text: strings as they are, other JSON as JSON,
/// nothing for null.
pub fn cell(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
