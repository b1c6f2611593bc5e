//! The report as plain text, for a terminal.

use std::fmt::Write;

use super::id_display;
use super::model::{Count, DocumentExcerpt, Report};

const BAR_CHARS: usize = 30;

impl Report {
    /// The report as plain text: counts, shares and bars, one section per part.
    ///
    /// ```
    /// use avis_fr::{report::Report, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let report = Report::from_analyses([(1, "Une honte.", a.analyze("Une honte."))]);
    /// let text = report.to_text();
    /// assert!(text.starts_with("1 document"));
    /// assert!(text.contains("Sentiment"));
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let plural = if self.documents == 1 { "" } else { "s" };
        let _ = writeln!(out, "{} document{plural}", self.documents);
        let _ = writeln!(
            out,
            "\nSentiment (mean score {:+.3})",
            finite(self.mean_score)
        );
        counts(&mut out, &self.sentiment);

        out.push_str("\nStance per target\n");
        if self.stance.is_empty() {
            out.push_str("  (no targets)\n");
        }
        let width = self
            .stance
            .keys()
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0);
        for (target, labels) in &self.stance {
            let parts: Vec<String> = labels
                .iter()
                .map(|c| format!("{} {} ({:.1}%)", c.name, c.count, 100.0 * c.share))
                .collect();
            let _ = writeln!(out, "  {target:<width$}  {}", parts.join("  "));
        }

        out.push_str("\nFrames\n");
        if self.frames.is_empty() {
            out.push_str("  (none found)\n");
        }
        counts(&mut out, &self.frames);

        out.push_str("\nMarkers that fire most\n");
        if self.markers.is_empty() {
            out.push_str("  (none found)\n");
        }
        for (role, markers) in &self.markers {
            let list: Vec<String> = markers
                .iter()
                .map(|m| format!("{} ({})", m.entry, m.count))
                .collect();
            let _ = writeln!(out, "  {role}: {}", list.join(", "));
        }

        out.push_str("\nMost negative documents\n");
        documents(&mut out, &self.most_negative);
        out.push_str("\nMost positive documents\n");
        documents(&mut out, &self.most_positive);
        out
    }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// `name  count  share%  ####`, names aligned.
fn counts(out: &mut String, counts: &[Count]) {
    let width = counts
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    for c in counts {
        let bar = "#".repeat((finite(c.share) * BAR_CHARS as f64).round() as usize);
        let line = format!(
            "  {:<width$}  {:>6}  {:>5.1}%  {bar}",
            c.name,
            c.count,
            100.0 * finite(c.share)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn documents(out: &mut String, docs: &[DocumentExcerpt]) {
    if docs.is_empty() {
        out.push_str("  (none)\n");
    }
    for d in docs {
        // The input columns asked for, after the id: `[12 auteur=Ana date=…]`.
        let columns: String = d
            .columns
            .iter()
            .map(|(name, value)| format!(" {name}={}", id_display(value)))
            .collect();
        let _ = writeln!(
            out,
            "  [{}{columns}] {:+.3} {}: {}",
            id_display(&d.id),
            d.score,
            d.label,
            d.excerpt
        );
    }
}
