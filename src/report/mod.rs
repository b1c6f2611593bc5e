//! Corpus reports: what a whole consultation says, as text, JSON and HTML.
//!
//! A [`Report`] is built from analysed documents, one at a time with a
//! [`ReportBuilder`] (what `avis report` does while it streams a corpus) or from an
//! iterator with [`Report::from_analyses`]. It counts sentiment labels, stance per
//! target, frames and the markers that fire most, keeps the most negative and most
//! positive documents, and keeps up to [`ReportBuilder::max_shown`] documents whole
//! for the HTML page, so memory stays bounded on any corpus size.
//!
//! In the HTML page each shown document's evidence is highlighted from its byte
//! spans. Spans that are out of range or not on character boundaries are not
//! highlighted (the page never panics on a bad span). Overlapping spans follow one
//! rule: spans are taken by start, the longer first at equal start, and a span that
//! overlaps one already highlighted is not highlighted itself; every piece of
//! evidence is still listed beside the document, so nothing is hidden.
//!
//! ```
//! use avis_fr::{report::Report, Analyzer};
//!
//! let analyzer = Analyzer::default();
//! let texts = ["C'est une honte !", "Bravo, merci."];
//! let report = Report::from_analyses(
//!     texts.iter().enumerate().map(|(i, t)| (i as u64, *t, analyzer.analyze(t))),
//! );
//! assert_eq!(report.documents, 2);
//! assert!(report.to_text().contains("2 documents"));
//! assert!(report.to_html().contains("<svg"));
//! let json = serde_json::to_value(&report).unwrap();
//! assert_eq!(json["documents"], 2);
//! ```

mod highlight;
mod html;
mod model;
mod summary;
mod svg;
mod text;

pub use model::{Count, DocumentExcerpt, MarkerCount, Report};
pub use summary::{ReportBuilder, DEFAULT_MAX_SHOWN, DEFAULT_TOP};

/// A document id as people read it: strings without quotes, other JSON as JSON.
pub(crate) fn id_display(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Escape text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">l'&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;l&#39;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn ids_display_without_json_quotes() {
        assert_eq!(id_display(&serde_json::json!("a-1")), "a-1");
        assert_eq!(id_display(&serde_json::json!(7)), "7");
        assert_eq!(id_display(&serde_json::Value::Null), "");
    }
}
