//! Stage 5: the evidence, every matched marker with its byte span, what it is and
//! what it did, assembled from what the other stages returned.
//!
//! In text order: by span, and on the same span, the scored words first, then what
//! the hit means beyond a feeling (rule words, targets, frames, stance markers).
//! Built in that order rather than sorted: hits do not overlap, and an expression
//! nested in a hit lies inside it.

use std::borrow::Cow;

use crate::analysis::{Evidence, Role};
use crate::document::Document;
use crate::lexicon::{CompiledTopic, Hit, TopicMeaning};
use crate::rules::Weighed;
use crate::stance::Contribution;

/// Every marker of the document. Takes the weighed words' rules (leaving `words`
/// empty, for its allocation to be kept); `contributions` are the stance stage's,
/// by hit then target.
pub(crate) fn assemble<'a>(
    doc: &Document<'a>,
    words: &mut Vec<Weighed<'a>>,
    contributions: &[Contribution],
    topic: &'a CompiledTopic,
) -> Vec<Evidence<'a>> {
    let mut evidence = Vec::with_capacity(words.len() + doc.hits.len() + doc.nested.len());
    // The words are read in place, by index, each giving up its rules: drained
    // through a `Peekable`, each word (96 bytes) was moved into the peeked slot
    // and out again.
    let mut next = 0;
    let mut nested = doc.nested.iter().peekable();
    for (index, hit) in doc.hits.iter().enumerate() {
        // One nested at its start is shorter, so it comes first.
        while let Some(inner) = nested.next_if(|inner| inner.first == hit.first) {
            nested_evidence(doc, inner, topic, &mut evidence);
        }
        let at_start = |word: &Weighed<'_>| word.hit == index && word.first == hit.first;
        while let Some(word) = words.get_mut(next).filter(|word| at_start(word)) {
            push_in_place(&mut evidence, weighed_evidence(doc, word));
            next += 1;
        }
        // Feelings are weighed words already.
        if hit.kinds.beyond_feeling() {
            let contributions = of_hit(contributions, index);
            hit_evidence(doc, hit, contributions, topic, &mut evidence);
        }
        // What lies inside it further on, in text order: names and frames, and the
        // feelings the expression keeps (`bravo` in `bravo à`).
        loop {
            let word_at = words.get(next).filter(|w| w.hit == index).map(|w| w.first);
            let inner_at = nested.peek().filter(|n| n.first < hit.end).map(|n| n.first);
            let inner_first = match (word_at, inner_at) {
                (Some(w), Some(n)) => n <= w,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => break,
            };
            if inner_first {
                if let Some(inner) = nested.next() {
                    nested_evidence(doc, inner, topic, &mut evidence);
                }
            } else if let Some(word) = words.get_mut(next) {
                push_in_place(&mut evidence, weighed_evidence(doc, word));
                next += 1;
            }
        }
    }
    // Every word is a hit's, every nested hit inside one: none is left over.
    debug_assert!(next == words.len() && nested.next().is_none());
    words.clear();
    evidence
}

/// A weighed word's evidence: its own span and entry (inside its hit, for a feeling
/// a longer expression keeps), its valence, the rules that weighed it and its
/// contribution.
fn weighed_evidence<'a>(doc: &Document<'a>, word: &mut Weighed<'a>) -> Evidence<'a> {
    let (start, end) = (doc.tokens[word.first].start, doc.tokens[word.end - 1].end);
    Evidence {
        text: Cow::Borrowed(&doc.text[start..end]),
        start,
        end,
        role: word.role,
        entry: Cow::Borrowed(word.entry),
        id: None,
        source: None,
        valence: word.valence,
        rules: std::mem::take(&mut word.rules),
        contribution: word.value,
    }
}

/// The contributions of hit `index`.
fn of_hit(contributions: &[Contribution], index: usize) -> &[Contribution] {
    let from = contributions.partition_point(|c| c.hit < index);
    let to = from + contributions[from..].partition_point(|c| c.hit == index);
    &contributions[from..to]
}

/// What a hit means beyond a feeling: rule words, targets, frames and stance
/// markers, with what it contributed to each target's stance.
fn hit_evidence<'a>(
    doc: &Document<'a>,
    hit: &Hit<'a>,
    contributions: &[Contribution],
    topic: &'a CompiledTopic,
    evidence: &mut Vec<Evidence<'a>>,
) {
    for &(kind, valence) in hit.meaning.words.iter() {
        if let Some(role) = kind.marker_role() {
            push_in_place(
                evidence,
                Evidence {
                    valence,
                    ..marker(doc, hit, role)
                },
            );
        }
    }
    for meaning in hit.meaning.topic.iter() {
        let (role, target, valence) = match *meaning {
            TopicMeaning::Target { target, polarity } => (Role::Target, target, polarity),
            TopicMeaning::Stance { target, weight } => (Role::StanceMarker, target, weight),
            TopicMeaning::Frame { frame } => {
                push_in_place(
                    evidence,
                    Evidence {
                        id: Some(Cow::Borrowed(&topic.frames[frame])),
                        ..marker(doc, hit, Role::Frame)
                    },
                );
                continue;
            }
        };
        let contribution = contributions
            .iter()
            .filter(|c| c.target == target)
            .fold(0.0, |sum, c| sum + c.value);
        push_in_place(
            evidence,
            Evidence {
                id: Some(Cow::Borrowed(&topic.targets[target])),
                valence,
                contribution,
                ..marker(doc, hit, role)
            },
        );
    }
}

/// The targets and frames named inside a longer expression.
fn nested_evidence<'a>(
    doc: &Document<'a>,
    hit: &Hit<'a>,
    topic: &'a CompiledTopic,
    evidence: &mut Vec<Evidence<'a>>,
) {
    for meaning in hit.meaning.topic.iter() {
        let (role, id, valence) = match *meaning {
            TopicMeaning::Target { target, polarity } => {
                (Role::Target, &topic.targets[target], polarity)
            }
            TopicMeaning::Frame { frame } => (Role::Frame, &topic.frames[frame], 0.0),
            TopicMeaning::Stance { .. } => continue,
        };
        push_in_place(
            evidence,
            Evidence {
                id: Some(Cow::Borrowed(id)),
                valence,
                ..marker(doc, hit, role)
            },
        );
    }
}

/// The evidence of a hit in some role, its values yet to fill in.
fn marker<'a>(doc: &Document<'a>, hit: &Hit<'a>, role: Role) -> Evidence<'a> {
    let (start, end) = doc.span(hit);
    Evidence {
        text: Cow::Borrowed(&doc.text[start..end]),
        start,
        end,
        role,
        entry: Cow::Borrowed(&hit.meaning.term),
        id: None,
        source: None,
        valence: 0.0,
        rules: Vec::new(),
        contribution: 0.0,
    }
}

/// Push `value` into `evidence`, built in its slot.
///
/// `Vec::push` grows the vector by a call, and the value must outlive that call:
/// so the compiler builds the 136-byte evidence on the stack and copies it into the
/// vector with a `memcpy` call, whose wide loads stall on the narrow stores that
/// just built it (store forwarding fails). That copy took about 5% of the full
/// analysis (`perf` on `cargo bench --bench analyze`). With the growth out of line,
/// the common path has no call, and the fields are stored straight into the slot.
#[inline(always)]
fn push_in_place<'a>(evidence: &mut Vec<Evidence<'a>>, value: Evidence<'a>) {
    if evidence.len() < evidence.capacity() {
        evidence.push(value);
    } else {
        grow_and_push(evidence, value);
    }
}

/// [`push_in_place`]'s rare path: the capacity planned in [`assemble`] ran out.
#[cold]
#[inline(never)]
fn grow_and_push<'a>(evidence: &mut Vec<Evidence<'a>>, value: Evidence<'a>) {
    evidence.push(value);
}
