//! Accumulating a corpus into a [`Report`], in bounded memory.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::id_display;
use super::model::{Count, DocumentExcerpt, Mark, MarkerCount, Report, Shown};
use crate::analysis::{Analysis, Label, StanceLabel};

/// How many documents the HTML page shows whole, unless told otherwise.
///
/// ```
/// assert!(avis_fr::report::DEFAULT_MAX_SHOWN >= 100);
/// ```
pub const DEFAULT_MAX_SHOWN: usize = 1000;
/// How many markers per role and documents per extreme a report lists.
///
/// ```
/// assert!(avis_fr::report::DEFAULT_TOP > 0);
/// ```
pub const DEFAULT_TOP: usize = 10;

/// Excerpts are cut to this many characters.
const EXCERPT_CHARS: usize = 160;

/// Builds a [`Report`] one document at a time, in bounded memory.
///
/// ```
/// use avis_fr::{report::ReportBuilder, Analyzer};
///
/// let analyzer = Analyzer::default();
/// let mut builder = ReportBuilder::new().max_shown(1).top(3);
/// for (i, text) in ["Bravo !", "Une honte.", "Je ne sais pas."].iter().enumerate() {
///     builder.add(i as u64, text, &analyzer.analyze(text));
/// }
/// let report = builder.finish();
/// assert_eq!(report.documents, 3);
/// assert_eq!(report.not_shown, 2);
/// ```
#[derive(Clone, Debug)]
pub struct ReportBuilder {
    max_shown: usize,
    top: usize,
    documents: usize,
    score_sum: f64,
    labels: HashMap<String, usize>,
    stance: BTreeMap<String, HashMap<String, usize>>,
    frames: HashMap<String, usize>,
    markers: HashMap<(String, String), usize>,
    most_negative: Vec<DocumentExcerpt>,
    most_positive: Vec<DocumentExcerpt>,
    shown: Vec<Shown>,
}

impl Default for ReportBuilder {
    fn default() -> Self {
        ReportBuilder::new()
    }
}

impl ReportBuilder {
    /// An empty report, showing up to [`DEFAULT_MAX_SHOWN`] documents in HTML and
    /// listing [`DEFAULT_TOP`] markers per role and documents per extreme.
    ///
    /// ```
    /// let report = avis_fr::report::ReportBuilder::new().finish();
    /// assert_eq!(report.documents, 0);
    /// ```
    pub fn new() -> ReportBuilder {
        ReportBuilder {
            max_shown: DEFAULT_MAX_SHOWN,
            top: DEFAULT_TOP,
            documents: 0,
            score_sum: 0.0,
            labels: HashMap::new(),
            stance: BTreeMap::new(),
            frames: HashMap::new(),
            markers: HashMap::new(),
            most_negative: Vec::new(),
            most_positive: Vec::new(),
            shown: Vec::new(),
        }
    }

    /// Keep at most `n` documents whole for the HTML page (the first `n`); the
    /// others are counted in the summary only.
    ///
    /// ```
    /// use avis_fr::{report::ReportBuilder, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let mut b = ReportBuilder::new().max_shown(0);
    /// b.add(1, "Bof.", &a.analyze("Bof."));
    /// let report = b.finish();
    /// assert_eq!(report.not_shown, 1);
    /// assert_eq!(report.to_html().matches("<article").count(), 0);
    /// ```
    pub fn max_shown(mut self, n: usize) -> Self {
        self.max_shown = n;
        self
    }

    /// List the `n` most frequent markers per role and `n` documents per extreme.
    ///
    /// ```
    /// use avis_fr::{report::ReportBuilder, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let mut b = ReportBuilder::new().top(1);
    /// for t in ["Une honte.", "Quelle honte !", "Scandaleux."] {
    ///     b.add(t, t, &a.analyze(t));
    /// }
    /// assert!(b.finish().most_negative.len() <= 1);
    /// ```
    pub fn top(mut self, n: usize) -> Self {
        self.top = n;
        self
    }

    /// Add one analysed document. `text` is the text that was analysed: evidence
    /// spans are byte offsets into it. Ids can be anything JSON: numbers, strings.
    ///
    /// ```
    /// use avis_fr::{report::ReportBuilder, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let mut b = ReportBuilder::new();
    /// b.add(serde_json::json!({"thread": 3, "n": 1}), "Bof.", &a.analyze("Bof."));
    /// b.add("c2", "Bravo !", &a.analyze("Bravo !"));
    /// assert_eq!(b.finish().documents, 2);
    /// ```
    pub fn add(&mut self, id: impl Into<Value>, text: &str, analysis: &Analysis<'_>) {
        self.add_with_columns(id, text, analysis, serde_json::Map::new());
    }

    /// [`add`](Self::add), with input columns to show beside the document (in the
    /// page and with the extremes), in their order: an author, a date.
    ///
    /// ```
    /// use avis_fr::{report::ReportBuilder, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let mut b = ReportBuilder::new();
    /// let mut columns = serde_json::Map::new();
    /// columns.insert("auteur".into(), "Ana".into());
    /// b.add_with_columns(1, "Une honte.", &a.analyze("Une honte."), columns);
    /// let report = b.finish();
    /// assert_eq!(report.most_negative[0].columns["auteur"], "Ana");
    /// assert!(report.to_html().contains("Ana"));
    /// ```
    pub fn add_with_columns(
        &mut self,
        id: impl Into<Value>,
        text: &str,
        analysis: &Analysis<'_>,
        columns: serde_json::Map<String, Value>,
    ) {
        let id = id.into();
        let score = analysis.sentiment.score;
        let label = analysis.sentiment.label.as_str().to_string();
        self.documents += 1;
        // A NaN score would poison the mean; the engine should never give one.
        if score.is_finite() {
            self.score_sum += score;
        }
        *self.labels.entry(label.clone()).or_default() += 1;
        for (target, stance) in &analysis.stance {
            let counts = self.stance.entry(target.to_string()).or_default();
            *counts.entry(stance.label.as_str().to_string()).or_default() += 1;
        }
        let mut frames: Vec<&str> = analysis.frames.iter().map(|f| f.as_ref()).collect();
        frames.sort_unstable();
        frames.dedup();
        for frame in frames {
            *self.frames.entry(frame.to_string()).or_default() += 1;
        }
        for ev in &analysis.evidence {
            let key = (ev.role.as_str().to_string(), ev.entry.to_string());
            *self.markers.entry(key).or_default() += 1;
        }
        if score.is_finite() && score != 0.0 {
            let doc = DocumentExcerpt {
                id: id.clone(),
                score,
                label: label.clone(),
                excerpt: excerpt(text),
                columns: columns.clone(),
            };
            let (list, sign) = if score < 0.0 {
                (&mut self.most_negative, 1.0)
            } else {
                (&mut self.most_positive, -1.0)
            };
            keep_top(list, doc, sign, self.top);
        }
        if self.shown.len() < self.max_shown {
            let mut doc = shown(&id, text, label, analysis);
            doc.columns = columns
                .iter()
                .map(|(name, value)| (name.clone(), id_display(value)))
                .collect();
            self.shown.push(doc);
        }
    }

    /// The report.
    ///
    /// ```
    /// use avis_fr::{report::ReportBuilder, Analyzer};
    ///
    /// let a = Analyzer::default();
    /// let mut b = ReportBuilder::new();
    /// b.add(1, "Bof.", &a.analyze("Bof."));
    /// let report = b.finish();
    /// assert_eq!(report.sentiment.len(), 3, "negative, neutral, positive");
    /// ```
    pub fn finish(self) -> Report {
        let n = self.documents;
        let share = |count: usize| if n == 0 { 0.0 } else { count as f64 / n as f64 };
        let sentiment = ordered_counts(&self.labels, &Label::ALL.map(Label::as_str), &share);
        let stance = self
            .stance
            .iter()
            .map(|(target, counts)| {
                (
                    target.clone(),
                    ordered_counts(counts, &StanceLabel::ALL.map(StanceLabel::as_str), &share),
                )
            })
            .collect();
        let mut frames: Vec<Count> = self
            .frames
            .iter()
            .map(|(name, &count)| Count {
                name: name.clone(),
                count,
                share: share(count),
            })
            .collect();
        frames.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        let mut markers: BTreeMap<String, Vec<MarkerCount>> = BTreeMap::new();
        for ((role, entry), count) in self.markers {
            markers
                .entry(role)
                .or_default()
                .push(MarkerCount { entry, count });
        }
        for list in markers.values_mut() {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.entry.cmp(&b.entry)));
            list.truncate(self.top);
        }
        Report {
            documents: n,
            mean_score: if n == 0 {
                0.0
            } else {
                self.score_sum / n as f64
            },
            sentiment,
            stance,
            frames,
            markers,
            most_negative: self.most_negative,
            most_positive: self.most_positive,
            not_shown: n - self.shown.len(),
            shown: self.shown,
        }
    }
}

/// Counts in a fixed reading order (zeros included), then any other name sorted.
fn ordered_counts(
    counts: &HashMap<String, usize>,
    order: &[&str],
    share: &dyn Fn(usize) -> f64,
) -> Vec<Count> {
    let mut out: Vec<Count> = order
        .iter()
        .map(|name| {
            let count = counts.get(*name).copied().unwrap_or(0);
            Count {
                name: name.to_string(),
                count,
                share: share(count),
            }
        })
        .collect();
    let mut others: Vec<(&String, &usize)> = counts
        .iter()
        .filter(|(name, _)| !order.contains(&name.as_str()))
        .collect();
    others.sort();
    out.extend(others.into_iter().map(|(name, &count)| Count {
        name: name.clone(),
        count,
        share: share(count),
    }));
    out
}

/// Insert `doc` into `list`, kept sorted by `sign * score` ascending and at most
/// `top` long. Ties keep corpus order, so reports are reproducible.
fn keep_top(list: &mut Vec<DocumentExcerpt>, doc: DocumentExcerpt, sign: f64, top: usize) {
    let key = sign * doc.score;
    let at = list.partition_point(|d| sign * d.score <= key);
    if at < top {
        list.insert(at, doc);
        list.truncate(top);
    }
}

/// The first [`EXCERPT_CHARS`] characters of `text`, whitespace collapsed.
fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        for c in word.chars() {
            if chars >= EXCERPT_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            chars += 1;
        }
    }
    out
}

fn shown(id: &Value, text: &str, label: String, analysis: &Analysis<'_>) -> Shown {
    Shown {
        id: id_display(id),
        text: text.to_string(),
        label,
        score: analysis.sentiment.score,
        stance: analysis
            .stance
            .iter()
            .map(|(t, s)| {
                let reasons = s.because.iter().map(ToString::to_string).collect();
                (t.to_string(), s.label.as_str().to_string(), reasons)
            })
            .collect(),
        frames: analysis.frames.iter().map(|f| f.to_string()).collect(),
        columns: Vec::new(),
        marks: analysis
            .evidence
            .iter()
            .map(|ev| Mark {
                start: ev.start,
                end: ev.end,
                role: ev.role.as_str().to_string(),
                entry: ev.entry.to_string(),
                id: ev.id.as_deref().map(str::to_string),
                rules: ev.rules.iter().map(ToString::to_string).collect(),
                contribution: ev.contribution,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: u64, score: f64) -> DocumentExcerpt {
        DocumentExcerpt {
            id: id.into(),
            score,
            label: String::new(),
            excerpt: String::new(),
            columns: serde_json::Map::new(),
        }
    }

    #[test]
    fn keep_top_is_bounded_sorted_and_stable() {
        let mut list = Vec::new();
        for (i, s) in [-0.2, -0.9, -0.5, -0.9, -0.1].into_iter().enumerate() {
            keep_top(&mut list, doc(i as u64, s), 1.0, 3);
        }
        let ids: Vec<_> = list.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, vec![Value::from(1), Value::from(3), Value::from(2)]);
    }

    #[test]
    fn excerpt_collapses_whitespace_and_cuts_on_chars() {
        assert_eq!(excerpt("  a \n\n b  "), "a b");
        let long = "é".repeat(400);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn empty_report_has_zero_shares() {
        let report = ReportBuilder::new().finish();
        assert_eq!(report.documents, 0);
        assert_eq!(report.mean_score, 0.0);
        assert!(report
            .sentiment
            .iter()
            .all(|c| c.count == 0 && c.share == 0.0));
    }
}
