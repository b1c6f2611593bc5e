//! Negation: `ne … pas/plus/jamais/rien/…`, spoken `pas` alone, `sans`, `non`.
//!
//! - A negator (`pas`, `jamais`, `sans`…) negates the next few tokens of its clause,
//!   and, without `ne`, the word just before it when it is one that follows its
//!   verb: spoken French drops `ne` and leaves `pas` after the verb (`j'aime pas`);
//!   `sans` comes before what it negates (`à recommander sans réserve`).
//! - `ne`/`n'` opens a scope that a negator or a `ne`-only negator (`plus`, `point`,
//!   `personne`) completes, before or after it (`Personne n'est convaincu`); the scope
//!   then runs from `ne` to a few tokens past the completion. `ne … que` is a
//!   restriction, not a negation; `ne` left alone negates nothing (spoken French
//!   drops `ne`, not `pas`, so a lone `ne` is usually literary or `n'importe`).
//! - An absence marker (`à quand`, `quid de`) negates the rest of its clause: "À quand
//!   une vraie gauche cohérente et courageuse ?" laments that there is none.
//! - Scopes add up by parity: `pas sans intérêt`, `ne … pas moins` flip back.
//!
//! A negated positive word turns about three quarters as negative (`pas content`); a
//! negated negative word turns only mildly positive (`pas mauvais`).

use super::{feelings, some, Marks, Reading, Weighed, WordRule, NONE};
use crate::document::Document;
use crate::explain::{Rule, RuleKind};
use crate::lexicon::{EntryKind, Hit};
use crate::tokenize::TokenKind;
use crate::weights::Weights;

/// Marks the hits in negation scopes, then turns the negated words around.
pub(crate) struct Negation;

impl WordRule for Negation {
    fn mark(&self, doc: &Document<'_>, weights: &Weights, marks: &mut Marks) {
        let NegationMarks { hits, scratch } = &mut marks.negation;
        scratch.find_scopes(doc, weights.rules.negation_scope);
        scratch.count(doc, hits);
    }

    fn weigh<'a>(&self, read: &Reading<'_, 'a>, words: &mut [Weighed<'a>]) {
        let Reading {
            doc,
            marks,
            weights,
        } = *read;
        for word in feelings(words).filter(|w| marks.negated(w.hit)) {
            let negator = marks.negator(word.hit).map(|h| &doc.hits[h]);
            if negator.is_some_and(|n| superlative(doc, n, word)) {
                continue;
            }
            let factor = if word.value > 0.0 {
                weights.rules.negated_positive
            } else {
                weights.rules.negated_negative
            };
            let by = marks.negator(word.hit).map(|h| doc.span_text(&doc.hits[h]));
            word.apply(Rule {
                kind: RuleKind::Negation,
                factor,
                by: by.map(Into::into),
            });
        }
    }
}

/// Whether a universal negation of a comparison makes a superlative rather than a
/// negation: `je n'ai jamais mangé aussi bien`, `rien de mieux`, `personne ne fait
/// un meilleur couscous`, `on n'a jamais aussi mal mangé` say the best (or the
/// worst) there is. The negator says nothing exists (`jamais`, `rien`,
/// `personne`, `aucun`) and the word is a comparative (`mieux`, `meilleur`,
/// `pire`) or follows a word of degree (`aussi`, `si`, `autant`, `plus`) within
/// two tokens. `pas` keeps negating: `pas aussi bon que l'original` is worse.
fn superlative(doc: &Document<'_>, negator: &Hit<'_>, word: &Weighed<'_>) -> bool {
    let universal = |text: &str| {
        let folded = crate::normalize::fold(text);
        matches!(
            folded.as_ref(),
            "jamais" | "rien" | "personne" | "aucun" | "aucune" | "nulle part"
        )
    };
    let comparative = |text: &str| {
        let folded = crate::normalize::fold(text);
        matches!(
            folded.as_ref(),
            "mieux" | "meilleur" | "meilleure" | "meilleurs" | "meilleures" | "pire" | "pires"
        )
    };
    let degree = |text: &str| {
        let folded = crate::normalize::fold(text);
        matches!(
            folded.as_ref(),
            "aussi" | "si" | "autant" | "plus" | "moins"
        )
    };
    if !universal(doc.span_text(negator)) {
        return false;
    }
    let before = &doc.tokens[word.first.saturating_sub(2)..word.first];
    comparative(doc.tokens[word.first].text) || before.iter().any(|t| degree(t.text))
}

/// Whether a negator stands after the verb it negates when `ne` is dropped (`j'aime
/// pas`, `ça vaut rien`): the adverbs of `ne … pas` do; `sans`, `non`, `ni` and
/// `aucun` stand before what they negate (`à recommander sans réserve` does not
/// negate `recommander`). A closed class of French grammar, so it is written here.
fn follows_its_verb(negator: &str) -> bool {
    let folded = crate::normalize::fold(negator);
    // A negator of several words follows its verb when its first word does
    // (`j'accroche pas vraiment`, `on s'ennuie pas du tout`).
    let first = folded.split_whitespace().next().unwrap_or_default();
    matches!(
        first,
        "pas" | "jamais" | "rien" | "guere" | "nullement" | "point" | "plus"
    )
}

/// Whether `text` is one of `words`, without case: the grammar words this rule
/// looks for next to a negator have no accent to fold, so nothing is allocated.
fn one_of(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| text.eq_ignore_ascii_case(word))
}

/// Whether `plus` opens its clause before `de` (`Plus de sourire, accueil
/// glacial`): a verbless loss, `il n'y a plus de` without its verb, so it negates
/// what follows as `pas` would. Inside a clause `plus de` is a quantity (`il faudrait
/// plus de choix`) and is left alone. A closed class of French grammar.
fn lost(doc: &Document<'_>, hit: &Hit<'_>) -> bool {
    // Neither word has an accent to fold: a comparison without case is enough, and
    // allocates nothing (this runs at every `ne` negator).
    let opens = hit.first == 0 || doc.clause(hit.first - 1) != doc.clause(hit.first);
    opens
        && doc.span_text(hit).eq_ignore_ascii_case("plus")
        && doc
            .tokens
            .get(hit.end)
            .is_some_and(|next| one_of(next.text, &["de", "d'", "d’"]))
}

/// Whether a negator is `sans` before a negative determiner (`sans aucun goût`,
/// `sans aucune difficulté`, `sans nul doute`): French negative concord, one
/// negation in two words. The determiner negates its noun group (or is part of an
/// expression that already says the absence, `aucun goût`); `sans` adds nothing,
/// where counted apart the two would cancel and `sans aucun problème` would read as
/// a problem.
fn concord(doc: &Document<'_>, hit: &Hit<'_>) -> bool {
    // No word here has an accent: compared without case, allocating nothing.
    doc.span_text(hit).eq_ignore_ascii_case("sans")
        && doc.tokens.get(hit.end).is_some_and(|next| {
            one_of(
                next.text,
                &["aucun", "aucune", "aucuns", "aucunes", "nul", "nulle"],
            )
        })
}

/// How far a negator reaches past itself: `after` tokens, or for one that is a
/// determiner (`aucun`, `aucune`) or `sans`, only the noun group it opens: `aucun
/// service et patronne exécrable` negates the service, not the owner.
fn reach(negator: &str, after: usize) -> usize {
    let folded = crate::normalize::fold(negator);
    match folded.as_ref() {
        "aucun" | "aucune" | "sans" => after.min(NOUN_GROUP),
        _ => after,
    }
}

/// The tokens of a noun group after its determiner, most of the time: a noun and
/// an adjective, or an adverb, an adjective and a noun (`aucun bon souvenir`).
const NOUN_GROUP: usize = 3;

/// How far a negator ending at token `end` reaches: [`reach`], and for a
/// determiner or `sans` whose noun group is joined to another by `ou` or `ni`, that
/// one too. Under a negation `ou` lists what is missing (`aucune proposition de
/// changement ou geste commercial`: neither was offered), where `et` may start a
/// new statement (`aucun service et patronne exécrable`).
fn reach_at(doc: &Document<'_>, negator: &str, end: usize, after: usize) -> usize {
    let reach = reach(negator, after);
    if reach == after {
        return reach;
    }
    // The joining word ends the first group or comes just after it; neither word
    // has an accent, so a comparison without case allocates nothing.
    (end..doc.tokens.len().min(end + reach + 1))
        .find(|&i| one_of(doc.tokens[i].text, &["ou", "ni"]))
        .map_or(reach, |or| or + 1 + NOUN_GROUP - end)
}

/// How many earlier scopes a new post-verbal negator may cut: a bound, so that a
/// wall of `pas pas pas …` stays linear (a clause rarely holds more than two).
const MAX_CUT: usize = 4;

/// What negation knows of each hit, and the memory it works it out in.
#[derive(Debug, Default)]
pub(super) struct NegationMarks {
    hits: Vec<Negated>,
    scratch: Scratch,
}

/// What negation knows of one hit.
#[derive(Clone, Copy, Debug)]
struct Negated {
    /// Negation scopes covering its first token.
    negations: u32,
    /// The hit that negates it (the innermost scope's), or [`NONE`].
    negator: u32,
}

impl NegationMarks {
    /// No hit negated, for a document of `hits` hits.
    pub(super) fn reset(&mut self, hits: usize) {
        self.hits.clear();
        self.hits.resize(
            hits,
            Negated {
                negations: 0,
                negator: NONE,
            },
        );
    }

    /// Whether hit `h` starts in the scope of an odd number of negations.
    pub(super) fn negated(&self, h: usize) -> bool {
        self.hits[h].negations % 2 == 1
    }

    /// The hit whose negation covers hit `h`, if one does.
    pub(super) fn negator(&self, h: usize) -> Option<usize> {
        some(self.hits[h].negator)
    }
}

/// One negation scope: tokens `from..to` of a clause, and the hit that negates.
///
/// A scope never covers its own negator: a word that negates is not negated by
/// itself, so a stance cue that is a negator (`jamais X`, `sans X`, `X jamais`)
/// keeps its meaning, and a negator scored as a feeling (`nul`) keeps its sign.
#[derive(Clone, Copy, Debug)]
struct Scope {
    from: usize,
    to: usize,
    clause: u32,
    by: usize,
}

/// The working memory of the negation rule, kept from one document to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// The scopes, in text order.
    scopes: Vec<Scope>,
    /// For each hit that is a `ne`, the hit completing it; see [`find_completions`].
    completions: Vec<Option<usize>>,
    /// The hits each scope covers: `(first, past, by)`.
    covered: Vec<(usize, usize, usize)>,
    /// For each hit, the next hit not yet given its negator (see [`Scratch::count`]).
    next: Vec<usize>,
}

impl Scratch {
    /// Find the negation scopes of a document, in one pass over its hits.
    /// The scopes of the document's negations, each reaching `after` tokens past
    /// its negating word.
    fn find_scopes(&mut self, doc: &Document<'_>, after: usize) {
        self.scopes.clear();
        let n = doc.tokens.len();
        let hits = &doc.hits;
        let has = |h: usize, kind: EntryKind| hits[h].kinds.has(kind);
        find_completions(doc, &mut self.completions);
        // What the clause held before the current hit.
        let (mut current, mut negator_seen, mut open_ne) = (u32::MAX, None, false);
        for (h, hit) in hits.iter().enumerate() {
            let clause = doc.clause(hit.first);
            if clause != current {
                (current, negator_seen, open_ne) = (clause, None, false);
            }
            let scopes = &mut self.scopes;
            let scope = |scopes: &mut Vec<Scope>, from: usize, to: usize, by: usize| {
                // Scopes stay in text order of their start (see `count`).
                let from = from.max(scopes.last().map_or(0, |s| s.from));
                scopes.push(Scope {
                    from,
                    to,
                    clause,
                    by,
                })
            };
            if has(h, EntryKind::Absence) {
                scope(scopes, hit.end, n, h);
            } else if has(h, EntryKind::Ne) {
                if let Some(g) = self.completions.get(h).copied().flatten() {
                    // Around the negator, not over it (see `Scope`).
                    scope(scopes, hit.end, hits[g].first, g);
                    let reach = reach_at(doc, doc.span_text(&hits[g]), hits[g].end, after);
                    scope(scopes, hits[g].end, hits[g].end + reach, g);
                } else if let Some(g) = negator_seen.filter(|&g| !has(g, EntryKind::Negator)) {
                    // A `ne`-only negator before `ne` in its clause completes it
                    // (`Personne n'est venu`); a negator there (`Rien n'est dit`)
                    // already negates by itself: one negation, not two.
                    scope(scopes, hit.end, hit.end + after + 2, g);
                }
            } else if has(h, EntryKind::Negator) && !open_ne && !concord(doc, hit) {
                // A negator that completes an earlier `ne` is already covered by it; one
                // that does not negates by itself, and inside another scope flips it back.
                // Without `ne` (spoken French: `j'aime pas`, `c'est pas terrible`) it
                // follows the verb it negates: the word just before it is covered too.
                let post_verbal = follows_its_verb(doc.span_text(hit));
                let verb = hit
                    .first
                    .checked_sub(1)
                    .filter(|_| post_verbal)
                    .filter(|&v| doc.clause(v) == clause && doc.tokens[v].kind == TokenKind::Word);
                if post_verbal {
                    // A new `pas` negates another verb: the negations before it in
                    // the clause stop there (`je n'y retournerai pas car pas bon`
                    // negates `bon` once, not twice). `sans`, `non` inside a scope
                    // still flip it back (`pas sans intérêt`).
                    let stop = verb.unwrap_or(hit.first);
                    let earlier = scopes.iter_mut().rev().take(MAX_CUT);
                    for earlier in earlier.take_while(|s| s.clause == clause) {
                        earlier.to = earlier.to.min(stop).max(earlier.from);
                    }
                }
                if let Some(verb) = verb {
                    // The verb may end a longer match (`on s'ennuie pas`): the
                    // scope starts where that match does, as counts read first tokens.
                    let start = doc.hit_at(verb).map_or(verb, |v| hits[v].first);
                    scope(scopes, start, hit.first, h);
                }
                let reach = reach_at(doc, doc.span_text(hit), hit.end, after);
                scope(scopes, hit.end, hit.end + reach, h);
            } else if has(h, EntryKind::NeNegator) && lost(doc, hit) {
                scope(scopes, hit.end, hit.end + after, h);
            }
            if completes_ne(hit) {
                (negator_seen, open_ne) = (Some(h), false);
            } else if has(h, EntryKind::Ne) {
                open_ne = true;
            }
        }
    }

    /// Count, for each hit, the scopes that cover its first token, and name the
    /// innermost one's negator.
    ///
    /// Linear in the document: each scope runs to its end or its clause's end,
    /// whichever comes first; scopes come in text order and clauses only grow, so
    /// one sweep finds the clause ends; the hits inside each scope count it, added
    /// as differences then summed. A wall of `ne ne ne …` or `à quand à quand …`
    /// costs no more per token than ordinary text.
    fn count(&mut self, doc: &Document<'_>, marks: &mut [Negated]) {
        let (n, hits) = (doc.tokens.len(), &doc.hits);
        self.covered.clear();
        let (mut clause_end, mut first_inside) = (0, 0);
        for scope in &self.scopes {
            clause_end = clause_end.max(scope.from);
            while clause_end < n && doc.clause(clause_end) == scope.clause {
                clause_end += 1;
            }
            let end = scope.to.min(clause_end).min(n);
            while first_inside < hits.len() && hits[first_inside].first < scope.from {
                first_inside += 1;
            }
            let past = first_inside + hits[first_inside..].partition_point(|hit| hit.first < end);
            if first_inside < past {
                let first = &mut marks[first_inside].negations;
                *first = first.wrapping_add(1);
                if past < hits.len() {
                    let past = &mut marks[past].negations;
                    *past = past.wrapping_sub(1);
                }
                self.covered.push((first_inside, past, scope.by));
            }
        }
        let mut running = 0u32;
        for marks in marks.iter_mut() {
            running = running.wrapping_add(marks.negations);
            marks.negations = running;
        }
        self.name_negators(marks);
    }

    /// Give each covered hit the negator of the innermost scope covering it (the
    /// last to start). Scopes are taken from the last, each claiming the hits it
    /// covers that no later scope claimed; `next` jumps over claimed runs (with
    /// path halving), so that each hit is claimed once.
    fn name_negators(&mut self, marks: &mut [Negated]) {
        if self.covered.is_empty() {
            return;
        }
        let next = &mut self.next;
        next.clear();
        next.extend(0..=marks.len());
        let find = |next: &mut Vec<usize>, mut i: usize| {
            while next[i] != i {
                next[i] = next[next[i]];
                i = next[i];
            }
            i
        };
        for &(first, past, by) in self.covered.iter().rev() {
            let mut i = find(next, first);
            while i < past {
                marks[i].negator = by as u32;
                next[i] = i + 1;
                i = find(next, i + 1);
            }
        }
    }
}

/// For each hit that is a `ne`, the hit of the negator completing it later in its
/// clause, unless a restriction (`que`) comes first, into `next` (left empty when
/// no hit is a `ne` at all).
fn find_completions(doc: &Document<'_>, next: &mut Vec<Option<usize>>) {
    let hits = &doc.hits;
    let has = |h: usize, kind: EntryKind| hits[h].kinds.has(kind);
    next.clear();
    if !(0..hits.len()).any(|h| has(h, EntryKind::Ne)) {
        return;
    }
    next.resize(hits.len(), None);
    // Backward: what a `ne` at hit `h` finds from hit `h + 1` on.
    let mut found: Option<usize> = None;
    for h in (0..hits.len()).rev() {
        next[h] = found;
        let same_clause = |g: usize| doc.clause(hits[g].first) == doc.clause(hits[h].first);
        found = if has(h, EntryKind::Restriction) {
            None
        } else if completes_ne(&hits[h]) {
            Some(h)
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
fn completes_ne(hit: &Hit<'_>) -> bool {
    hit.kinds.has(EntryKind::Negator) || hit.kinds.has(EntryKind::NeNegator)
}

#[cfg(test)]
mod tests;
