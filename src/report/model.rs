//! The report's data: what `avis report --json` prints, and what the page shows.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::ReportBuilder;
use crate::analysis::Analysis;

/// A name with how many documents have it and their share of the corpus.
///
/// ```
/// use avis_fr::{report::Report, Analyzer};
///
/// let a = Analyzer::default();
/// let report = Report::from_analyses([(1, "Bof.", a.analyze("Bof."))]);
/// let total: f64 = report.sentiment.iter().map(|c| c.share).sum();
/// assert!((total - 1.0).abs() < 1e-9);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    /// The label, frame or target name.
    pub name: String,
    /// Number of documents.
    pub count: usize,
    /// `count` over the number of documents (0 for an empty corpus).
    pub share: f64,
}

/// A marker (lexicon entry) and how often it fired over the corpus.
///
/// ```
/// use avis_fr::{report::Report, Analyzer};
///
/// let a = Analyzer::default();
/// let report = Report::from_analyses([(1, "Une honte.", a.analyze("Une honte."))]);
/// for (role, markers) in &report.markers {
///     assert!(markers.iter().all(|m| m.count >= 1), "{role}");
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MarkerCount {
    /// The lexicon entry that matched.
    pub entry: String,
    /// Number of matches over all documents.
    pub count: usize,
}

/// A document named in the report: its id, score, label and the start of its text.
///
/// ```
/// use avis_fr::{report::Report, Analyzer};
///
/// let a = Analyzer::default();
/// let report = Report::from_analyses([("c7", "Une honte.", a.analyze("Une honte."))]);
/// for doc in report.most_negative.iter().chain(&report.most_positive) {
///     assert_eq!(doc.id, "c7");
///     assert_eq!(doc.excerpt, "Une honte.");
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentExcerpt {
    /// The record's id, as given.
    pub id: Value,
    /// Sentiment score in [-1, 1].
    pub score: f64,
    /// Sentiment label.
    pub label: String,
    /// The first words of the text, whitespace collapsed.
    pub excerpt: String,
    /// The input columns asked to be shown with it (`avis report --show-columns`).
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub columns: serde_json::Map<String, Value>,
}

/// One document kept whole for the HTML page.
#[derive(Clone, Debug)]
pub(crate) struct Shown {
    pub id: String,
    pub text: String,
    pub label: String,
    pub score: f64,
    /// (target, stance label, reasons)
    pub stance: Vec<(String, String, Vec<String>)>,
    /// Input columns shown beside the document, in the order asked.
    pub columns: Vec<(String, String)>,
    pub frames: Vec<String>,
    pub marks: Vec<Mark>,
}

/// One evidence span of a shown document.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    pub start: usize,
    pub end: usize,
    pub role: String,
    pub entry: String,
    pub id: Option<String>,
    pub rules: Vec<String>,
    pub contribution: f64,
}

/// The summary of a corpus of analysed documents.
///
/// Serializes (for `avis report --json`) to everything but the documents kept for
/// the HTML page.
///
/// ```
/// use avis_fr::{report::ReportBuilder, Analyzer};
///
/// let analyzer = Analyzer::default();
/// let mut builder = ReportBuilder::new();
/// builder.add("a", "Cet accord est une honte !", &analyzer.analyze("Cet accord est une honte !"));
/// let report = builder.finish();
/// assert_eq!(report.documents, 1);
/// assert_eq!(report.sentiment.iter().map(|c| c.count).sum::<usize>(), 1);
/// ```
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Number of documents.
    pub documents: usize,
    /// Mean sentiment score (0 for an empty corpus).
    pub mean_score: f64,
    /// Documents per sentiment label: negative, neutral, positive (then any other).
    pub sentiment: Vec<Count>,
    /// Per target: documents per stance label (against, none, favor, then any other).
    pub stance: BTreeMap<String, Vec<Count>>,
    /// Documents per frame, most frequent first.
    pub frames: Vec<Count>,
    /// Per evidence role: the markers that fire most, most frequent first.
    pub markers: BTreeMap<String, Vec<MarkerCount>>,
    /// The most negative documents (score below 0), most negative first.
    pub most_negative: Vec<DocumentExcerpt>,
    /// The most positive documents (score above 0), most positive first.
    pub most_positive: Vec<DocumentExcerpt>,
    /// Documents analysed but left off the HTML page (over the builder's limit).
    pub not_shown: usize,
    #[serde(skip)]
    pub(crate) shown: Vec<Shown>,
}

impl Report {
    /// Build a report from `(id, text, analysis)` triples, in corpus order.
    ///
    /// ```
    /// use avis_fr::{report::Report, Analyzer};
    ///
    /// let analyzer = Analyzer::default();
    /// let docs = vec![("c1", "Très bien."), ("c2", "Quelle honte.")];
    /// let report = Report::from_analyses(docs.into_iter().map(|(id, t)| (id, t, analyzer.analyze(t))));
    /// assert_eq!(report.documents, 2);
    /// ```
    pub fn from_analyses<'a, I, K, T>(documents: I) -> Report
    where
        I: IntoIterator<Item = (K, T, Analysis<'a>)>,
        K: Into<Value>,
        T: AsRef<str>,
    {
        let mut builder = ReportBuilder::new();
        for (id, text, analysis) in documents {
            builder.add(id, text.as_ref(), &analysis);
        }
        builder.finish()
    }
}
