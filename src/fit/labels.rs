//! The labels a person gave: read (through a `--label-map`), checked against the
//! expected set, counted per class.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::evaluate::Gold;
use crate::model::Task;

/// A class needs at least this many labelled texts to be learned from (each of
/// the two polar classes, and neutral when it is there at all).
///
/// ```
/// use avis_fr::fit::{check_counts, Task, MIN_PER_CLASS};
///
/// let just_enough: Vec<usize> = [0, 2].iter().flat_map(|&c| vec![c; MIN_PER_CLASS]).collect();
/// assert!(check_counts(&Task::Sentiment, &just_enough).is_ok());
/// ```
pub const MIN_PER_CLASS: usize = 5;

/// How a person's label values map onto the expected ones (`neg=negative,pos=positive`).
///
/// ```
/// use avis_fr::fit::LabelMap;
///
/// let map = LabelMap::parse("neg=negative, pos=positive")?;
/// assert_eq!(map.apply("neg"), "negative");
/// assert_eq!(map.apply("positive"), "positive");
/// assert!(LabelMap::parse("neg").is_err());
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelMap {
    map: BTreeMap<String, String>,
}

impl LabelMap {
    /// Read `from=to` pairs separated by commas (spaces around them ignored).
    ///
    /// # Errors
    /// A pair without `=` or with an empty side (kind `labels`).
    pub fn parse(spec: &str) -> Result<LabelMap, Error> {
        let mut map = BTreeMap::new();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
                    map.insert(from.trim().to_string(), to.trim().to_string());
                }
                _ => {
                    return Err(Error::Labels(format!(
                    "--label-map: `{pair}` is not `value=label` (write neg=negative,pos=positive)"
                )))
                }
            }
        }
        Ok(LabelMap { map })
    }

    /// The label `written` maps to (itself when the map does not name it).
    pub fn apply<'a>(&'a self, written: &'a str) -> &'a str {
        self.map
            .get(written.trim())
            .map_or(written.trim(), String::as_str)
    }
}

/// The expected label values of a task, for messages.
fn expected(task: &Task) -> &'static str {
    match task {
        Task::Sentiment => "negative, neutral, positive (or négatif, neutre, positif, or a number whose sign says it)",
        Task::Stance(_) => "against, none, favor (or contre, aucune, pour; AGAINST, NONE, FAVOR)",
    }
}

/// Read every label, mapped through `map`; the labels as classes 0 (negative or
/// against), 1 (neutral or none), 2 (positive or favor).
///
/// ```
/// use avis_fr::fit::{read_labels, LabelMap, Task};
///
/// let classes = read_labels(&Task::Sentiment, &["positive", "neg", "neutre"], &LabelMap::default())?;
/// assert_eq!(classes, vec![2, 0, 1]);
/// let error = read_labels(&Task::Sentiment, &["good", "bad"], &LabelMap::default()).unwrap_err();
/// assert_eq!(error.kind(), avis_fr::ErrorKind::Labels);
/// assert!(error.to_string().contains("\"bad\""));
/// # Ok::<(), avis_fr::Error>(())
/// ```
///
/// # Errors
/// Values that are none of the expected ones: the error lists each value found
/// (with how many texts have it) and the expected ones, and says `--label-map`.
pub fn read_labels<S: AsRef<str>>(
    task: &Task,
    labels: &[S],
    map: &LabelMap,
) -> Result<Vec<usize>, Error> {
    let mut classes = Vec::with_capacity(labels.len());
    let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
    for label in labels {
        let mapped = map.apply(label.as_ref());
        let gold = match task {
            Task::Sentiment => Gold::sentiment(mapped),
            Task::Stance(_) => Gold::stance(mapped),
        };
        match gold {
            Some(gold) => classes.push(class_of(gold)),
            None => *unknown.entry(label.as_ref().trim()).or_default() += 1,
        }
    }
    if unknown.is_empty() {
        return Ok(classes);
    }
    let found: Vec<String> = unknown
        .iter()
        .take(12)
        .map(|(value, n)| format!("{value:?} ({n} texts)"))
        .collect();
    let more = unknown.len().saturating_sub(12);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    Err(Error::Labels(format!(
        "label values not in the expected set: {}{more}; expected {}; map yours with --label-map (e.g. neg=negative,pos=positive)",
        found.join(", "),
        expected(task)
    )))
}

/// The class index of a gold label: 0 negative or against, 1 neutral or none, 2
/// positive or favor.
pub(crate) fn class_of(gold: Gold) -> usize {
    match gold.as_str() {
        "negative" | "against" => 0,
        "neutral" | "none" => 1,
        _ => 2,
    }
}

/// Check there are enough labels per class to learn from.
///
/// ```
/// use avis_fr::fit::{check_counts, Task};
///
/// assert!(check_counts(&Task::Sentiment, &[0; 5].iter().chain(&[2; 5]).copied().collect::<Vec<_>>()).is_ok());
/// let error = check_counts(&Task::Sentiment, &[0, 0, 2, 2, 2, 2, 2]).unwrap_err();
/// assert!(error.to_string().contains("at least 5"));
/// ```
///
/// # Errors
/// Fewer than [`MIN_PER_CLASS`] texts in a polar class, or in the neutral class
/// when there is one: the error gives the counts and how many are needed.
pub fn check_counts(task: &Task, classes: &[usize]) -> Result<(), Error> {
    let counts = count(classes);
    let names = names(task);
    let short: Vec<String> = (0..3)
        .filter(|&c| counts[c] < MIN_PER_CLASS && (c != 1 || counts[1] > 0))
        .map(|c| format!("{} has {}", names[c], counts[c]))
        .collect();
    if short.is_empty() {
        return Ok(());
    }
    Err(Error::Labels(format!(
        "too few labels to learn from: {}; each of {} and {} needs at least {MIN_PER_CLASS} labelled texts ({} too, if any text has it)",
        short.join(", "),
        names[0],
        names[2],
        names[1]
    )))
}

/// Texts per class.
pub(crate) fn count(classes: &[usize]) -> [usize; 3] {
    let mut counts = [0; 3];
    for &c in classes {
        counts[c] += 1;
    }
    counts
}

/// The names of the three classes of a task, in class order.
pub(crate) fn names(task: &Task) -> [&'static str; 3] {
    match task {
        Task::Sentiment => ["negative", "neutral", "positive"],
        Task::Stance(_) => ["against", "none", "favor"],
    }
}

/// The gold label of a class index.
pub(crate) fn gold_of(task: &Task, class: usize) -> Gold {
    let name = names(task)[class.min(2)];
    match task {
        Task::Sentiment => Gold::sentiment(name),
        Task::Stance(_) => Gold::stance(name),
    }
    .unwrap_or(Gold::by_sign(0.0))
}

/// The error for a label column that is not there, listing the columns present.
///
/// ```
/// let error = avis_fr::fit::missing_column("label", &["id".into(), "text".into()]);
/// assert!(error.to_string().contains("id, text"));
/// ```
pub fn missing_column(column: &str, present: &[String]) -> Error {
    Error::Labels(format!(
        "no label column {column:?}: the columns are {}; name yours with --label-column",
        present.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_labels_are_read_and_unknown_ones_listed() {
        let map = LabelMap::parse("bon=positive,mauvais=negative").unwrap();
        let classes = read_labels(&Task::Sentiment, &["bon", "mauvais", "0"], &map).unwrap();
        assert_eq!(classes, vec![2, 0, 1]);
        let stance = Task::Stance("x".into());
        let error = read_labels(&stance, &["FAVOR", "maybe", "maybe"], &map).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("\"maybe\" (2 texts)"), "{message}");
        assert!(message.contains("against, none, favor"), "{message}");
    }

    #[test]
    fn counts_say_how_many_are_needed() {
        let enough: Vec<usize> = [0; 5].into_iter().chain([2; 6]).collect();
        assert!(check_counts(&Task::Sentiment, &enough).is_ok());
        let mut few_neutral = enough.clone();
        few_neutral.push(1);
        let error = check_counts(&Task::Sentiment, &few_neutral).unwrap_err();
        assert!(error.to_string().contains("neutral has 1"), "{error}");
        assert_eq!(gold_of(&Task::Sentiment, 2).as_str(), "positive");
    }
}
