//! Negation: `ne … pas/plus/jamais/rien/…`, spoken `pas` alone, `sans`, `non`.
//!
//! - A negator (`pas`, `jamais`, `sans`…) negates the next few tokens of its clause.
//! - `ne`/`n'` opens a scope that a negator or a `ne`-only negator (`plus`, `point`,
//!   `personne`) completes, before or after it (`Personne n'est convaincu`); the scope
//!   then runs from `ne` to a few tokens past the completion. `ne … que` is a
//!   restriction, not a negation; `ne` left alone negates nothing (spoken French
//!   drops `ne`, not `pas`, so a lone `ne` is usually literary or `n'importe`).
//! - An absence marker (`à quand`, `quid de`) negates the rest of its clause: "À quand
//!   une vraie gauche cohérente et courageuse ?" laments that there is none.
//! - Scopes add up by parity: `pas sans intérêt`, `ne … pas moins` flip back.

use super::Layout;
use crate::lexicon::{EntryKind, Hit};

/// Tokens after the negating word that its scope still covers.
const SCOPE_AFTER: usize = 5;

/// Count, for each hit, the negation scopes that cover its first token.
///
/// Linear in the document: the hits are read once forward (what came before in the
/// clause), once backward (the next completion of a `ne`), and the scopes are
/// added as differences, then summed, so a wall of `ne ne ne …` or `à quand à quand
/// …` costs no more per token than ordinary text.
pub(super) fn count_scopes(layout: &mut Layout<'_, '_>) {
    let Scopes {
        mut covers,
        mut completions,
    } = std::mem::take(&mut layout.scopes);
    covers.clear();
    let n = layout.tokens.len();
    let hits = layout.hits;
    let has = |h: usize, kind: EntryKind| hits[h].has(kind);
    let clause = |h: usize| layout.clause(hits[h].first);
    find_completions(layout, &mut completions);
    // What the clause held before the current hit.
    let (mut current, mut negator_seen, mut open_ne) = (u32::MAX, false, false);
    for (h, hit) in hits.iter().enumerate() {
        let c = clause(h);
        if c != current {
            (current, negator_seen, open_ne) = (c, false, false);
        }
        if has(h, EntryKind::Absence) {
            covers.push((hit.end, n, c));
        } else if has(h, EntryKind::Ne) {
            if let Some(completion) = completions.get(h).copied().flatten() {
                covers.push((hit.end, completion + 1 + SCOPE_AFTER, c));
            } else if negator_seen {
                // A negator before `ne` in its clause completes it (`Rien n'est dit`).
                covers.push((hit.end, hit.end + SCOPE_AFTER + 2, c));
            }
        } else if has(h, EntryKind::Negator) && !open_ne {
            // A negator that completes an earlier `ne` is already covered by it; one
            // that does not negates by itself, and inside another scope flips it back.
            covers.push((hit.end, hit.end + SCOPE_AFTER, c));
        }
        if completes_ne(&hits[h]) {
            (negator_seen, open_ne) = (true, false);
        } else if has(h, EntryKind::Ne) {
            open_ne = true;
        }
    }
    // Each scope runs to its end or its clause's end, whichever comes first. Scopes
    // come in text order and clauses only grow, so one sweep finds the clause ends;
    // then the hits starting inside it count it, added as differences.
    let mut clause_end = 0;
    let mut first_inside = 0;
    for &(from, to, c) in &covers {
        clause_end = clause_end.max(from);
        while clause_end < n && layout.slots[clause_end].clause == c {
            clause_end += 1;
        }
        let end = to.min(clause_end).min(n);
        while first_inside < hits.len() && hits[first_inside].first < from {
            first_inside += 1;
        }
        let past = first_inside + hits[first_inside..].partition_point(|hit| hit.first < end);
        if first_inside < past {
            let marks = &mut layout.marks;
            marks[first_inside].negations = marks[first_inside].negations.wrapping_add(1);
            if past < hits.len() {
                marks[past].negations = marks[past].negations.wrapping_sub(1);
            }
        }
    }
    let mut running = 0u32;
    for marks in layout.marks.iter_mut() {
        running = running.wrapping_add(marks.negations);
        marks.negations = running;
    }
    layout.scopes = Scopes {
        covers,
        completions,
    };
}

/// The working memory of [`count_scopes`], kept from one document to the next.
#[derive(Debug, Default)]
pub(super) struct Scopes {
    /// (first token, end token, clause) of each scope.
    covers: Vec<(usize, usize, u32)>,
    /// See [`find_completions`].
    completions: Vec<Option<usize>>,
}

/// For each hit that is a `ne`, the last token of the negator completing it later
/// in its clause, unless a restriction (`que`) comes first, into `next` (left empty
/// when no hit is a `ne` at all).
fn find_completions(layout: &Layout<'_, '_>, next: &mut Vec<Option<usize>>) {
    let hits = layout.hits;
    let has = |h: usize, kind: EntryKind| hits[h].has(kind);
    next.clear();
    if !(0..hits.len()).any(|h| has(h, EntryKind::Ne)) {
        return;
    }
    next.resize(hits.len(), None);
    // Backward: what a `ne` at hit `h` finds from hit `h + 1` on.
    let mut found: Option<usize> = None;
    for h in (0..hits.len()).rev() {
        next[h] = found;
        let same_clause = |g: usize| layout.clause(hits[g].first) == layout.clause(hits[h].first);
        found = if has(h, EntryKind::Restriction) {
            None
        } else if completes_ne(&hits[h]) {
            Some(hits[h].end - 1)
        } else {
            found
        };
        // A completion found beyond this clause does not reach back into it.
        if h > 0 && !same_clause(h - 1) {
            found = None;
        }
    }
}

/// Whether a hit completes a `ne`: a negator (`pas`, `jamais`) or a `ne`-only one
/// (`plus`, `point`, `personne`).
fn completes_ne(hit: &Hit) -> bool {
    hit.has(EntryKind::Negator) || hit.has(EntryKind::NeNegator)
}
