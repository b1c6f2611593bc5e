//! Spellings that are words of their own: a text word spelt exactly so is not
//! another word with accents lost or added.
//!
//! Folding forgives accents left out (`decu` is `déçu`) because most writers who
//! drop one meant the accented word; and an entry written without accents takes any
//! (an imported entry may have lost them). Both guesses are wrong for a few common
//! words whose other spelling is another word: `style` (a manner) is not `stylé`
//! (stylish), `limite` (a limit) not `limité` (limited), `en outre` not `outré`,
//! `j'estime que` not `estimé`, `les haies` not `haïes`, `une tâche` (a task) not
//! `une tache` (a stain). `lexicons/homographs.tsv` lists them, one spelling a line
//! with what it is; such a word matches an entry only through a spelling with exactly
//! its accents (see [`super::matcher`]'s `accents_fit`), and never by its stem.
//!
//! The list is short and read once per process; each distinct word of a text is
//! checked once, when the word memo ([`super::words`]) first sees it.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::lemmas::rows_after;

/// The header line of `homographs.tsv`; the rows follow it.
const HEADER: &str = "spelling\tnote\n";

/// The spellings of `homographs.tsv`, lowercase with their accents.
#[derive(Debug, Default)]
pub(crate) struct Homographs(HashSet<&'static str>);

impl Homographs {
    /// The list embedded in the crate, read on first use.
    pub(crate) fn embedded() -> &'static Homographs {
        static EMBEDDED: OnceLock<Homographs> = OnceLock::new();
        EMBEDDED.get_or_init(|| Homographs::new(include_str!("../../lexicons/homographs.tsv")))
    }

    /// The first column of the rows after `text`'s comment lines and header.
    fn new(text: &'static str) -> Homographs {
        let spellings = rows_after(text, HEADER)
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next())
            .map(str::trim)
            .filter(|spelling| !spelling.is_empty());
        Homographs(spellings.collect())
    }

    /// Whether `lower` (a word lowercased, accents kept) is spelt as a word of its own.
    pub(crate) fn contains(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_after_the_header_are_read_and_comments_skipped() {
        let list = Homographs::new("# about\nspelling\tnote\nstyle\ta manner\n# x\ntâche\ttask\n");
        assert!(list.contains("style"));
        assert!(list.contains("tâche"));
        assert!(!list.contains("tache"));
        assert!(!list.contains("# x"));
        assert!(!Homographs::new("style\tno header\n").contains("style"));
    }

    #[test]
    fn the_embedded_list_is_lowercase_and_without_duplicates() {
        let text = include_str!("../../lexicons/homographs.tsv");
        let list = Homographs::embedded();
        let rows = text.lines().skip_while(|l| *l != HEADER.trim_end()).skip(1);
        let rows: Vec<&str> = rows
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        assert_eq!(rows.len(), list.0.len(), "a spelling is listed twice");
        for spelling in &list.0 {
            assert_eq!(spelling.to_lowercase(), *spelling);
        }
        assert!(list.contains("style"));
    }
}
