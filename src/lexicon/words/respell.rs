//! Second readings of a word no entry knows as written: drawn out (`nuuuul`) or
//! spelt as it sounds in texting (`magnifik`). Each is tried only for such a word,
//! once per distinct word (the memo keeps the answer), and is kept only when an
//! entry knows the word it gives.

use super::{Symbols, Word, WordMemo};
use crate::lexicon::forms::squeeze;
use crate::lexicon::forms::Level;
use crate::lexicon::Matcher;
use crate::normalize::normalize;

impl WordMemo {
    /// An elongated word (`nuuuul`, `trooop`, `belllle`) that no entry knows as
    /// written, read as the word it draws out: its runs of three letters or more cut
    /// to one letter (`nul`, `trop`), and only if that is no word the lexicons know
    /// or a pattern matches, to two (`belle`: French doubles letters, never triples
    /// them; one letter first, since most drawn-out letters are single in the word).
    /// Mixed cuts (one run to one letter, another to two) are not tried: they grow
    /// exponentially with the runs, and two forms find nearly every word.
    pub(super) fn squeezed(&mut self, matcher: &Matcher, text: &str) -> Option<Word> {
        for keep in [1, 2] {
            let form = squeeze(text, keep)?;
            let from = self.longer.len();
            let mut word = self.work_out(matcher, &form, true);
            if word.syms.0 != [Symbols::NONE; 4] {
                return Some(word);
            }
            self.longer.truncate(from);
            if let Some(expr) = matcher.pattern(&normalize(&form), &word.fold) {
                word.single = Some((expr, Level::Exact));
                return Some(word);
            }
        }
        None
    }

    /// A word that no entry knows, written the way it sounds in texting: `-ik` for
    /// `-ique` (`magnifik`, `fantastik`, `pathétik`), read as the word it spells if
    /// an entry knows that one. Only this ending: few French words end in `-ik`
    /// (`batik`, `moujik`: no entry reads them as `-ique`), so the respelling does
    /// not invent a sense, where other phonetic spellings (`ke`, `-ent` for `-ant`)
    /// would meet words of their own.
    pub(super) fn respelled(&mut self, matcher: &Matcher, text: &str) -> Option<Word> {
        let stem = text
            .strip_suffix("ik")
            .or_else(|| text.strip_suffix("IK"))
            .map(|stem| (stem, ""))
            .or_else(|| {
                (text
                    .strip_suffix("iks")
                    .or_else(|| text.strip_suffix("IKS")))
                .map(|s| (s, "s"))
            });
        let (stem, plural) = stem.filter(|(stem, _)| stem.chars().count() >= 3)?;
        let form = format!("{stem}ique{plural}");
        let from = self.longer.len();
        let word = self.work_out(matcher, &form, true);
        if word.syms.0 != [Symbols::NONE; 4] {
            return Some(word);
        }
        self.longer.truncate(from);
        None
    }
}
