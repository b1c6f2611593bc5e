//! `avis evaluate`: score a labelled file and compare with its labels.

use avis_fr::evaluate::{Evaluation, Gold};
use std::io::Write;

use serde_json::Value;

use crate::args::EvaluateArgs;
use crate::drive::{drive, reader, summary, Depth};
use crate::error::CliError;
use crate::setup::analyzer;

pub fn run(args: EvaluateArgs) -> Result<(), CliError> {
    let analyzer = analyzer(&args.input.engine)?;
    if let Some(target) = &args.target {
        analyzer.topic().check_target(target)?;
    }
    let mut reader = reader(&args.input)?;
    let source = reader.name.clone();
    let mut pairs: Vec<(Gold, Gold, f64)> = Vec::new();
    let stats = drive(
        &mut reader,
        &analyzer,
        &args.input,
        // Labels are all an evaluation reads.
        Depth::Scores,
        |_, _, _| (),
        |record, _, analysis, ()| {
            let gold = match gold(&args, &record.fields, &source, record.line) {
                Ok(gold) => gold,
                // Like a bad record: skipped and said, or the end of the run.
                Err(error) if args.input.skip_invalid => {
                    eprintln!("avis: skipped {error}");
                    return Ok(());
                }
                Err(error) => return Err(error),
            };
            let predicted = match &args.target {
                Some(target) => Evaluation::predict_stance(&analysis, target),
                None => Gold::Sentiment(analysis.sentiment.label),
            };
            pairs.push((gold, predicted, analysis.sentiment.score));
            Ok(())
        },
    )?;
    summary(&args.input, &mut reader, &stats, "evaluated");
    let evaluation = evaluate(&args, &pairs);
    let against_favor = evaluation.macro_f1_of(&["against", "favor"]);
    let text = if args.json {
        let mut json = serde_json::to_value(&evaluation).map_err(json_error)?;
        if args.target.is_some() {
            json["macro_f1_against_favor"] = against_favor.into();
        }
        format!("{json}\n")
    } else if args.target.is_some() {
        format!("{evaluation}macro-F1 of against and favor {against_favor:.3}\n")
    } else {
        evaluation.to_string()
    };
    // A closed pipe (`avis evaluate | head`) ends the run quietly, as for `score`.
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| CliError::io("cannot write the figures", e))?;
    Ok(())
}

/// The figures: sentiment by sign when asked, or when no label is neutral.
fn evaluate(args: &EvaluateArgs, pairs: &[(Gold, Gold, f64)]) -> Evaluation {
    if args.target.is_some() {
        let mut evaluation = Evaluation::stance();
        for &(gold, predicted, _) in pairs {
            evaluation.add(gold, predicted);
        }
        return evaluation;
    }
    let neutral = Gold::Sentiment(avis_fr::Label::Neutral);
    let by_sign = args.by_sign || !pairs.iter().any(|(gold, _, _)| *gold == neutral);
    let mut evaluation = Evaluation::sentiment();
    if by_sign {
        evaluation = evaluation.by_sign();
    }
    for &(gold, predicted, score) in pairs {
        let predicted = if by_sign {
            Gold::by_sign(score)
        } else {
            predicted
        };
        evaluation.add(gold, predicted);
    }
    evaluation
}

/// A record's label, or an error naming its line and what labels are read.
fn gold(
    args: &EvaluateArgs,
    fields: &serde_json::Map<String, Value>,
    source: &str,
    line: u64,
) -> Result<Gold, CliError> {
    let invalid = |message: String| CliError::Invalid {
        source: source.to_string(),
        line,
        message,
    };
    let written = match fields.get(&args.label_column) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(invalid(format!(
                "label {other} is not a string or a number"
            )))
        }
        None => {
            return Err(invalid(format!(
                "no {:?} field or column; name the labels with --label-column",
                args.label_column
            )))
        }
    };
    let gold = match args.target {
        Some(_) => Gold::stance(&written),
        None => Gold::sentiment(&written),
    };
    gold.ok_or_else(|| {
        let known = match args.target {
            Some(_) => "against, none, favor",
            None => "negative, neutral, positive, or a number whose sign says it",
        };
        invalid(format!("label {written:?} is not one of {known}"))
    })
}

fn json_error(error: serde_json::Error) -> CliError {
    CliError::Usage(format!("cannot write the figures as JSON: {error}"))
}
