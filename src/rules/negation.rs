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
use crate::lexicon::EntryKind;

/// Tokens after the negating word that its scope still covers.
const SCOPE_AFTER: usize = 5;

/// Count, for each token, the negation scopes that cover it.
pub(super) fn count_scopes(layout: &mut Layout<'_, '_>) {
    let n = layout.tokens.len();
    let mut covers = Vec::with_capacity(8);
    let mut cover = |from: usize, to: usize, clause: u32| covers.push((from, to.min(n), clause));
    let mut i = 0;
    while i < n {
        let Some(h) = layout.hit_at(i) else {
            i += 1;
            continue;
        };
        let hit = layout.hits[h as usize];
        let clause = layout.clause(i);
        if layout.is(i, EntryKind::Absence) {
            cover(hit.end, usize::MAX, clause);
        } else if layout.is(i, EntryKind::Ne) {
            if let Some(completion) = completion_after(layout, hit.end, clause) {
                cover(hit.end, completion + 1 + SCOPE_AFTER, clause);
            } else if completion_before(layout, hit.first, clause) {
                cover(hit.end, hit.end + SCOPE_AFTER + 2, clause);
            }
        } else if layout.is(i, EntryKind::Negator) && !after_open_ne(layout, hit.first, clause) {
            // A negator that completes an earlier `ne` is already covered by it; one
            // that does not negates by itself, and inside another scope flips it back.
            cover(hit.end, hit.end + SCOPE_AFTER, clause);
        }
        i = hit.end;
    }
    for (from, to, clause) in covers {
        for slot in layout.slots.iter_mut().take(to).skip(from) {
            if slot.clause != clause {
                break;
            }
            slot.negations += 1;
        }
    }
}

/// The first negator completing a `ne` after token `from`, unless a restriction
/// (`que`) comes first.
fn completion_after(layout: &Layout<'_, '_>, from: usize, clause: u32) -> Option<usize> {
    for i in from..layout.tokens.len() {
        if layout.clause(i) != clause {
            return None;
        }
        if layout.is(i, EntryKind::Restriction) {
            return None;
        }
        if layout.is(i, EntryKind::Negator) || layout.is(i, EntryKind::NeNegator) {
            return Some(
                layout
                    .hit_at(i)
                    .map_or(i, |h| layout.hits[h as usize].end - 1),
            );
        }
    }
    None
}

/// Whether a negator before `ne` in its clause completes it (`Rien n'est dit`).
fn completion_before(layout: &Layout<'_, '_>, to: usize, clause: u32) -> bool {
    (0..to)
        .rev()
        .take_while(|&i| layout.clause(i) == clause)
        .any(|i| layout.is(i, EntryKind::Negator) || layout.is(i, EntryKind::NeNegator))
}

/// Whether an earlier `ne` of the clause is still waiting for its completion at `at`.
fn after_open_ne(layout: &Layout<'_, '_>, at: usize, clause: u32) -> bool {
    for i in (0..at).rev() {
        if layout.clause(i) != clause {
            return false;
        }
        if layout.is(i, EntryKind::Negator) || layout.is(i, EntryKind::NeNegator) {
            return false;
        }
        if layout.is(i, EntryKind::Ne) {
            return true;
        }
    }
    false
}
