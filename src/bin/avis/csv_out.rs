//! `avis score --output-format csv`: one row per record, of the columns asked for.

use std::io::Write;

use avis_fr::Analysis;
use encoding_rs::{Encoding, UTF_8};
use serde_json::{Map, Value};

use crate::error::CliError;
use crate::scored::{cell, top_evidence};

/// One output column.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Input(String),
    SentimentScore,
    SentimentLabel,
    Stance(String),
    StanceScore(String),
    Frames,
    TopEvidence,
}

/// Writes the header (at the first record, or at the end for no record) and rows.
pub struct CsvOut {
    delimiter: u8,
    targets: Vec<String>,
    /// What `--columns` asked for; empty for the default.
    requested: Vec<String>,
    /// The input's columns when known before any record (a CSV header).
    input_columns: Option<Vec<String>>,
    /// Set once the header is written.
    columns: Option<Vec<Column>>,
    /// A JSON field outside the columns was reported once.
    warned: bool,
    /// The encoding rows are written in (UTF-8 unless set).
    pub encoding: &'static Encoding,
    /// Rows with characters the encoding has no form for.
    pub unmappable: u64,
    /// Scores written with a decimal comma.
    pub decimal_comma: bool,
}

impl CsvOut {
    /// `targets`: the analyzer's stance targets, for the stance columns.
    pub fn new(
        delimiter: u8,
        targets: Vec<String>,
        requested: Vec<String>,
        input_columns: Option<Vec<String>>,
    ) -> CsvOut {
        CsvOut {
            delimiter,
            targets,
            requested,
            input_columns,
            columns: None,
            warned: false,
            encoding: UTF_8,
            unmappable: 0,
            decimal_comma: false,
        }
    }

    /// The analysis column a name stands for, if any.
    fn analysis_column(&self, name: &str) -> Option<Column> {
        match name {
            "sentiment_score" => return Some(Column::SentimentScore),
            "sentiment_label" => return Some(Column::SentimentLabel),
            "frames" => return Some(Column::Frames),
            "top_evidence" => return Some(Column::TopEvidence),
            _ => {}
        }
        let target = name.strip_prefix("stance_")?;
        if let Some(t) = target.strip_suffix("_score") {
            if self.targets.iter().any(|x| x == t) {
                return Some(Column::StanceScore(t.to_string()));
            }
        }
        self.targets
            .iter()
            .any(|x| x == target)
            .then(|| Column::Stance(target.to_string()))
    }

    fn analysis_names(&self) -> Vec<String> {
        let mut names = vec!["sentiment_score".to_string(), "sentiment_label".to_string()];
        names.extend(self.targets.iter().map(|t| format!("stance_{t}")));
        names.push("frames".into());
        names.push("top_evidence".into());
        names
    }

    /// The columns, from `--columns` or by default the input's (an input column
    /// with an analysis column's name is replaced in place, as in the JSON), then
    /// the analysis columns.
    fn resolve(&self, input: &[String]) -> Result<Vec<Column>, CliError> {
        let column = |name: &String| {
            self.analysis_column(name)
                .unwrap_or_else(|| Column::Input(name.clone()))
        };
        if self.requested.is_empty() {
            let mut columns: Vec<Column> = input.iter().map(column).collect();
            for name in self.analysis_names() {
                let c = column(&name);
                if !columns.contains(&c) {
                    columns.push(c);
                }
            }
            return Ok(columns);
        }
        let columns: Vec<Column> = self.requested.iter().map(column).collect();
        for (name, c) in self.requested.iter().zip(&columns) {
            if matches!(c, Column::Input(_)) && !input.contains(name) {
                return Err(CliError::Input {
                    source: "--columns".into(),
                    message: format!(
                        "no column {name:?}: the input has {}; the analysis gives {}",
                        list(input),
                        self.analysis_names().join(", ")
                    ),
                });
            }
        }
        Ok(columns)
    }

    fn names(&self, columns: &[Column]) -> Vec<String> {
        columns
            .iter()
            .map(|c| match c {
                Column::Input(n) => n.clone(),
                Column::SentimentScore => "sentiment_score".into(),
                Column::SentimentLabel => "sentiment_label".into(),
                Column::Stance(t) => format!("stance_{t}"),
                Column::StanceScore(t) => format!("stance_{t}_score"),
                Column::Frames => "frames".into(),
                Column::TopEvidence => "top_evidence".into(),
            })
            .collect()
    }

    /// Write one record's row (and the header before the first). `id` names it in
    /// messages.
    pub fn write(
        &mut self,
        w: &mut dyn Write,
        id: &Value,
        fields: &Map<String, Value>,
        analysis: &Analysis<'_>,
    ) -> Result<(), CliError> {
        if self.columns.is_none() {
            let input: Vec<String> = match &self.input_columns {
                Some(c) => c.clone(),
                None => fields.keys().cloned().collect(),
            };
            self.start(w, &input)?;
        }
        let columns = self.columns.as_deref().unwrap_or_default();
        if !self.warned && self.requested.is_empty() {
            let outside = fields.keys().find(|k| {
                !columns.contains(&Column::Input(k.to_string()))
                    && self.analysis_column(k).is_none()
            });
            if let Some(name) = outside {
                eprintln!(
                    "avis: record {}: field {name:?} is not a CSV column (the columns are the \
                     first record's fields): list the columns you want with --columns",
                    cell(id)
                );
                self.warned = true;
            }
        }
        let row: Vec<String> = columns
            .iter()
            .map(|c| value(c, fields, analysis, self.decimal_comma))
            .collect();
        self.write_row(w, &row)
    }

    fn start(&mut self, w: &mut dyn Write, input: &[String]) -> Result<(), CliError> {
        let columns = self.resolve(input)?;
        let names = self.names(&columns);
        self.columns = Some(columns);
        self.write_row(w, &names)
    }

    /// The header alone, when there was no record.
    pub fn finish(&mut self, w: &mut dyn Write) -> Result<(), CliError> {
        if self.columns.is_none() {
            let input = self.input_columns.clone().unwrap_or_else(|| {
                // No record told the fields: the ones asked for stand as they are.
                self.requested
                    .iter()
                    .filter(|n| self.analysis_column(n).is_none())
                    .cloned()
                    .collect()
            });
            self.start(w, &input)?;
        }
        Ok(())
    }

    fn write_row(&mut self, w: &mut dyn Write, row: &[String]) -> Result<(), CliError> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .from_writer(Vec::with_capacity(1024));
        let done = writer.write_record(row).and_then(|()| Ok(writer.flush()?));
        done.map_err(|e| {
            CliError::io(
                "cannot write output",
                std::io::Error::other(format!("{:?}", e.into_kind())),
            )
        })?;
        let utf8 = writer.into_inner().map_err(|e| {
            CliError::io("cannot write output", std::io::Error::other(e.to_string()))
        })?;
        let bytes = if self.encoding == UTF_8 {
            utf8
        } else {
            // The row was written from strings: it is UTF-8.
            let text = String::from_utf8_lossy(&utf8);
            let (bytes, _, unmappable) = self.encoding.encode(&text);
            self.unmappable += u64::from(unmappable);
            bytes.into_owned()
        };
        w.write_all(&bytes)
            .map_err(|e| CliError::io("cannot write output", e))
    }
}

fn value(
    column: &Column,
    fields: &Map<String, Value>,
    analysis: &Analysis<'_>,
    comma: bool,
) -> String {
    // A French spreadsheet reads `-0.5` as text (or a date): `-0,5` is its number.
    let number = |x: f64| {
        let s = x.to_string();
        if comma {
            s.replace('.', ",")
        } else {
            s
        }
    };
    match column {
        Column::Input(name) => fields.get(name).map(cell).unwrap_or_default(),
        Column::SentimentScore => number(analysis.sentiment.score),
        Column::SentimentLabel => analysis.sentiment.label.to_string(),
        Column::Stance(t) => stance(analysis, t, |s| s.label.to_string()),
        Column::StanceScore(t) => stance(analysis, t, |s| number(s.score)),
        Column::Frames => analysis
            .frames
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Column::TopEvidence => top_evidence(analysis)
            .map(|ev| format!("{} ({} {:+.2})", ev.text, ev.role, ev.contribution))
            .unwrap_or_default(),
    }
}

fn stance(
    analysis: &Analysis<'_>,
    target: &str,
    show: impl Fn(&avis_fr::Stance<'_>) -> String,
) -> String {
    analysis
        .stance
        .iter()
        .find(|(t, _)| **t == target)
        .map(|(_, s)| show(s))
        .unwrap_or_default()
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "no columns".to_string()
    } else {
        names.join(", ")
    }
}
