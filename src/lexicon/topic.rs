//! Topics: the targets, frames and stance markers of one consultation, in TOML.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::BUILTIN_TOPICS;
use crate::error::{position, Error};
use crate::tokenize::tokenize;

/// A target of stance: something a comment can be for or against.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Identifier used in results (`partenariat`).
    pub id: String,
    /// What it is, for people.
    pub description: String,
    /// Expressions that name it.
    pub names: Vec<String>,
    /// Expressions that name its opposite: being for them is being against it.
    pub against: Vec<String>,
    /// Targets that compete with this one: favouring it means opposing them.
    pub rivals: Vec<String>,
}

/// An argument frame: what a comment argues with.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// Identifier used in results (`fiscalite`).
    pub id: String,
    /// What the argument is, for people.
    pub description: String,
    /// Expressions that show the argument.
    pub markers: Vec<String>,
    /// When raising this argument is by itself a stance: (target id, weight).
    pub objection: Option<(String, f64)>,
}

/// Expressions that by themselves state a stance toward a target.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceMarkers {
    /// The target id.
    pub target: String,
    /// Weight in [-1, 1]: negative is against.
    pub weight: f64,
    /// The expressions.
    pub markers: Vec<String>,
}

/// A topic: what one consultation is about.
///
/// ```
/// use avis_fr::Topic;
///
/// let topic = Topic::from_toml("velo.toml", r#"
/// subject = "pistes"
///
/// [targets.pistes]
/// description = "Le projet de pistes cyclables"
/// names = ["pistes cyclables", "ce projet"]
///
/// [frames.securite]
/// description = "La sécurité des cyclistes"
/// markers = ["sécurité", "accident"]
///
/// [[stance]]
/// target = "pistes"
/// weight = 0.8
/// markers = ["enfin"]
/// "#)?;
/// assert_eq!(topic.subject(), Some("pistes"));
/// assert_eq!(topic.targets().len(), 1);
///
/// let err = Topic::from_toml("bad.toml", "[targets.x]\nnames = []\n").unwrap_err();
/// assert!(err.to_string().starts_with("bad.toml:1:"), "{err}");
/// # Ok::<(), avis_fr::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Topic {
    name: String,
    subject: Option<String>,
    targets: Vec<Target>,
    frames: Vec<Frame>,
    stance: Vec<StanceMarkers>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    subject: Option<Spanned<String>>,
    #[serde(default)]
    targets: BTreeMap<String, Spanned<TargetFile>>,
    #[serde(default)]
    frames: BTreeMap<String, Spanned<FrameFile>>,
    #[serde(default)]
    stance: Vec<Spanned<StanceFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFile {
    #[serde(default)]
    description: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    against: Vec<String>,
    #[serde(default)]
    rivals: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameFile {
    #[serde(default)]
    description: String,
    #[serde(default)]
    markers: Vec<String>,
    objection: Option<StanceWeight>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceWeight {
    target: Spanned<String>,
    weight: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceFile {
    target: Spanned<String>,
    weight: Spanned<f64>,
    markers: Vec<String>,
}

impl Topic {
    /// Parse a topic from TOML text; `name` is used in error messages.
    pub fn from_toml(name: &str, text: &str) -> Result<Topic, Error> {
        let mut check = Checker {
            name,
            text,
            target_ids: Vec::new(),
        };
        if text.trim().is_empty() {
            let message =
                "empty topic: expected its targets ([targets.NAME]) and frames ([frames.NAME])";
            return Err(check.error(0, message.into()));
        }
        let file: TopicFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            let (line, _) = position(text, offset);
            let hint = text
                .lines()
                .nth(line - 1)
                .and_then(decimal_comma)
                .unwrap_or_default();
            let message = e.message().trim();
            if offset >= text.len() && !text.is_empty() {
                check.error(offset, format!("{message} (at the end of the file){hint}"))
            } else {
                check.error(offset, format!("{message}{hint}"))
            }
        })?;
        check.target_ids = file.targets.keys().collect();
        if let Some(subject) = &file.subject {
            check.known_target(subject)?;
        }
        Ok(Topic {
            name: name.to_string(),
            targets: check.targets(&file)?,
            frames: check.frames(&file)?,
            stance: check.stance(&file)?,
            subject: file.subject.map(Spanned::into_inner),
        })
    }

    /// A topic embedded in the crate, by name: `consultation-2015` is the bundled
    /// thread's (the 2015 Éducation nationale–Microsoft partnership). See
    /// [`Topic::builtin_names`].
    ///
    /// ```
    /// use avis_fr::{Analyzer, StanceLabel, Topic};
    ///
    /// let topic = Topic::builtin("consultation-2015")?;
    /// let analyzer = Analyzer::builder().topic(topic).build()?;
    /// let analysis = analyzer.analyze("Ce partenariat est une honte.");
    /// assert_eq!(analysis.stance["partenariat"].label, StanceLabel::Against);
    /// assert!(Topic::builtin("tramway").is_err());
    /// # Ok::<(), avis_fr::Error>(())
    /// ```
    pub fn builtin(name: &str) -> Result<Topic, Error> {
        match BUILTIN_TOPICS.iter().find(|(known, _, _)| *known == name) {
            Some((_, file, text)) => Topic::from_toml(file, text),
            None => Err(Error::Config(format!(
                "no built-in topic `{name}`: use one of {} or give a topic file",
                Topic::builtin_names().collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// The names of the built-in topics.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN_TOPICS.iter().map(|(name, _, _)| *name)
    }

    /// Read and parse a topic file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Topic, Error> {
        let path = path.as_ref();
        let text = super::read_to_string(path)?;
        Topic::from_toml(&path.display().to_string(), &text)
    }

    /// The name given when loading (a file path for files).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The id of the target the thread is about, if any.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The targets, sorted by id.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The ids of the targets, sorted.
    pub fn target_ids(&self) -> Vec<&str> {
        self.targets.iter().map(|t| t.id.as_str()).collect()
    }

    /// Whether `id` is one of the targets: if not, an [`Error::Config`] that names
    /// the targets there are (or says there are none), for a stance question
    /// (`avis evaluate --target`, `avis fit --target`) asked of this topic.
    ///
    /// ```
    /// use avis_fr::Topic;
    ///
    /// let topic = Topic::builtin("consultation-2015").unwrap();
    /// assert!(topic.check_target("logiciel_libre").is_ok());
    /// let error = topic.check_target("tramway").unwrap_err();
    /// assert!(error.to_string().contains("no target `tramway`: the topic's targets are"));
    /// assert!(Topic::default().check_target("tramway").is_err());
    /// ```
    pub fn check_target(&self, id: &str) -> Result<(), Error> {
        let ids = self.target_ids();
        if ids.contains(&id) {
            return Ok(());
        }
        let known = if ids.is_empty() {
            "the topic has none: pass --topic with a topic that names it".to_string()
        } else {
            format!("the topic's targets are {}", ids.join(", "))
        };
        Err(Error::Config(format!("no target `{id}`: {known}")))
    }

    /// The frames, sorted by id.
    pub fn frames(&self) -> &[Frame] {
        &self.frames
    }

    /// The stance marker groups, in file order.
    pub fn stance_markers(&self) -> &[StanceMarkers] {
        &self.stance
    }
}

/// Checks a parsed topic file, and says where it is wrong.
struct Checker<'t> {
    name: &'t str,
    text: &'t str,
    target_ids: Vec<&'t String>,
}

impl<'t> Checker<'t> {
    fn error(&self, offset: usize, message: String) -> Error {
        let (line, column) = position(self.text, offset);
        Error::Parse {
            source_name: self.name.to_string(),
            line,
            column,
            message,
        }
    }

    fn known_target(&self, id: &Spanned<String>) -> Result<(), Error> {
        if self.target_ids.contains(&id.get_ref()) {
            return Ok(());
        }
        Err(self.error(
            id.span().start,
            format!(
                "unknown target `{}`: declare it as [targets.{}] or use one of: {}",
                id.get_ref(),
                id.get_ref(),
                join(&self.target_ids)
            ),
        ))
    }

    fn weight(&self, weight: &Spanned<f64>) -> Result<f64, Error> {
        let value = *weight.get_ref();
        if (-1.0..=1.0).contains(&value) && value != 0.0 {
            return Ok(value);
        }
        Err(self.error(
            weight.span().start,
            format!("stance weight {value} out of range: expected a number in [-1, 1], not 0"),
        ))
    }

    fn targets(&self, file: &TopicFile) -> Result<Vec<Target>, Error> {
        let mut targets = Vec::new();
        for (id, target) in &file.targets {
            let span = target.span();
            let target = target.get_ref();
            require(&target.names, || {
                let message = format!("target `{id}` has no expression: give it `names = [\"…\"]`");
                self.error(span.start, message)
            })?;
            for rival in &target.rivals {
                self.known_target(rival)?;
            }
            check_expressions(&target.names, |m| self.error(span.start, m))?;
            check_expressions(&target.against, |m| self.error(span.start, m))?;
            targets.push(Target {
                id: id.clone(),
                description: target.description.clone(),
                names: target.names.clone(),
                against: target.against.clone(),
                rivals: target.rivals.iter().map(|r| r.get_ref().clone()).collect(),
            });
        }
        Ok(targets)
    }

    fn frames(&self, file: &TopicFile) -> Result<Vec<Frame>, Error> {
        let mut frames = Vec::new();
        for (id, frame) in &file.frames {
            let span = frame.span();
            let frame = frame.get_ref();
            require(&frame.markers, || {
                let message = format!("frame `{id}` has no marker: give it `markers = [\"…\"]`");
                self.error(span.start, message)
            })?;
            check_expressions(&frame.markers, |m| self.error(span.start, m))?;
            let objection = match &frame.objection {
                Some(o) => {
                    self.known_target(&o.target)?;
                    Some((o.target.get_ref().clone(), self.weight(&o.weight)?))
                }
                None => None,
            };
            frames.push(Frame {
                id: id.clone(),
                description: frame.description.clone(),
                markers: frame.markers.clone(),
                objection,
            });
        }
        Ok(frames)
    }

    fn stance(&self, file: &TopicFile) -> Result<Vec<StanceMarkers>, Error> {
        let mut stance = Vec::new();
        for group in &file.stance {
            let group = group.get_ref();
            self.known_target(&group.target)?;
            let weight = self.weight(&group.weight)?;
            check_expressions(&group.markers, |m| self.error(group.target.span().start, m))?;
            stance.push(StanceMarkers {
                target: group.target.get_ref().clone(),
                weight,
                markers: group.markers.clone(),
            });
        }
        Ok(stance)
    }
}

/// A number written with a French decimal comma after an `=` on a line TOML could
/// not parse (`weight = -0,3`): the advice to append to the error.
fn decimal_comma(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let comma = (1..bytes.len()).find(|&i| bytes[i] == b',' && digit(i - 1) && digit(i + 1))?;
    // Past the last character that is not part of the number (it may be any
    // character, several bytes long).
    let start = line[..comma]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '-' || c == '+'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if !line[..start].trim_end().ends_with('=') {
        return None;
    }
    let end = line[comma + 1..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(line.len(), |i| comma + 1 + i);
    let written = &line[start..end];
    Some(format!(
        "; `{written}` has a decimal comma: write {} (a decimal point)",
        written.replace(',', ".")
    ))
}

fn join(ids: &[&String]) -> String {
    if ids.is_empty() {
        return "(none declared)".to_string();
    }
    ids.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_expressions(list: &[String], error: impl Fn(String) -> Error) -> Result<(), Error> {
    match list.iter().find(|e| tokenize(e).next().is_none()) {
        Some(empty) => Err(error(format!("empty expression `{empty}`"))),
        None => Ok(()),
    }
}

/// A list that must not be empty.
fn require(list: &[String], error: impl FnOnce() -> Error) -> Result<(), Error> {
    if list.is_empty() {
        Err(error())
    } else {
        Ok(())
    }
}
