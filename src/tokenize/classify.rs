//! Byte classes and the closed word lists of the tokenizer.
//!
//! Everything here is a table or a comparison against a short ASCII list, so the
//! scanner can decide on a byte without decoding a `char`.

use unicode_segmentation::GraphemeCursor;

/// ASCII letter or digit: continues a word.
pub(super) const ALNUM: u8 = 1;
/// ASCII whitespace: never part of a token.
pub(super) const SPACE: u8 = 2;
/// ASCII digit.
pub(super) const DIGIT: u8 = 4;
/// Sentence punctuation that runs together: `.` `!` `?`.
pub(super) const STOP: u8 = 8;
/// Bytes that may appear in the local part of an e-mail address.
pub(super) const LOCAL: u8 = 16;
/// Bytes after a run of letters that need a closer look (apostrophes, hyphens,
/// `.`, e-mail, `n°`, `·`); any other byte ends the word at once.
pub(super) const TAIL: u8 = 32;
/// A non-ASCII byte: the run of letters goes on to the slow path (decoding).
pub(super) const HIGH: u8 = 64;

/// One entry per byte; non-ASCII bytes are [`HIGH`] (some also [`TAIL`]) and take
/// the slow path.
pub(super) static CLASS: [u8; 256] = build_class();

const fn build_class() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= ALNUM | LOCAL;
        }
        if c.is_ascii_digit() {
            k |= DIGIT;
        }
        // Same set as `u8::is_ascii_whitespace` plus vertical tab, as `char::is_whitespace`.
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            k |= SPACE;
        }
        if matches!(c, b'.' | b'!' | b'?') {
            k |= STOP;
        }
        if matches!(c, b'.' | b'_' | b'%' | b'+' | b'-') {
            k |= LOCAL | TAIL;
        }
        if matches!(c, b'\'' | b'@') {
            k |= TAIL;
        }
        t[b] = k;
        b += 1;
    }
    while b < 256 {
        t[b] = HIGH;
        b += 1;
    }
    // Lead bytes of `°` `·` (0xC2), `ʼ` (0xCA), `’` `‘` (0xE2).
    t[0xC2] |= TAIL;
    t[0xCA] |= TAIL;
    t[0xE2] |= TAIL;
    t
}

/// The `char` starting at byte `i` (a char boundary, `i < text.len()`).
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// Length of the apostrophe at `i` (`'`, `’`, `‘` or `ʼ`), if any.
#[inline]
pub(super) fn apostrophe_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\'') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99)) => 3,
        Some(0xCA) if b.get(i + 1) == Some(&0xBC) => 2,
        _ => 0,
    }
}

/// Length of the non-ASCII whitespace char at `i`, if it is one.
#[inline]
fn unicode_space_len(text: &str, i: usize) -> usize {
    // Only these lead bytes start a whitespace char (U+0085, U+00A0, U+1680, U+2000..U+3000).
    if matches!(text.as_bytes()[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        let c = char_at(text, i);
        if c.is_whitespace() {
            return c.len_utf8();
        }
    }
    0
}

/// Offset of the first byte at or after `i` that is not whitespace.
#[inline]
pub(crate) fn skip_space(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        // One table test per ASCII space; the table marks non-ASCII bytes.
        let class = CLASS[b[i] as usize];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        if class & HIGH == 0 {
            break;
        }
        let n = unicode_space_len(text, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    i
}

/// Whether the char at `i` continues a word that started at `word_start`:
/// a letter, a digit, or a mark that extends the previous grapheme (`e` + U+0301).
/// Returns its length, 0 if it does not.
#[inline]
pub(super) fn word_char_len(text: &str, word_start: usize, i: usize) -> usize {
    let b = text.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return usize::from(CLASS[x as usize] & ALNUM != 0);
    }
    // Latin-1 and Latin Extended-A/B letters: the bulk of French, no decoding.
    if x == 0xC3 {
        return if matches!(b[i + 1], 0x97 | 0xB7) {
            0
        } else {
            2
        };
    }
    if (0xC4..=0xC9).contains(&x) {
        return 2;
    }
    // General Punctuation (`’` `…` `–` `“`, U+2000..U+206F): no letters; only
    // ZWNJ and ZWJ extend a word. Deciding here spares a grapheme look-up per `’`.
    if x == 0xE2 && matches!(b[i + 1], 0x80 | 0x81) {
        return if b[i + 1] == 0x80 && matches!(b[i + 2], 0x8C | 0x8D) {
            3
        } else {
            0
        };
    }
    let c = char_at(text, i);
    if c == 'ʼ' {
        return 0; // an apostrophe, even though Unicode calls it a letter
    }
    // A prepended letter (U+0D4E) joins even a space into its grapheme cluster;
    // whitespace never belongs to a token.
    if c.is_alphanumeric() || (!c.is_whitespace() && extends_grapheme(text, word_start, i)) {
        c.len_utf8()
    } else {
        0
    }
}

/// Whether byte `i` is inside the grapheme cluster begun before it (marks, ZWJ,
/// variation selectors). The chunk starts at the word so look-behind stays bounded.
fn extends_grapheme(text: &str, word_start: usize, i: usize) -> bool {
    let chunk = &text[word_start..];
    let mut cursor = GraphemeCursor::new(i - word_start, chunk.len(), true);
    matches!(cursor.is_boundary(chunk, 0), Ok(false))
}

/// End of the grapheme cluster that starts at `i`, or of its part before any
/// whitespace: a prepended char (U+0600 ARABIC NUMBER SIGN) joins the next char into
/// its cluster, even a space, and whitespace never belongs to a token.
pub(super) fn cluster_end(text: &str, i: usize) -> usize {
    // A chunk starting at `i` keeps regional-indicator look-behind bounded (linear time).
    let chunk = &text[i..];
    let mut cursor = GraphemeCursor::new(0, chunk.len(), true);
    let end = match cursor.next_boundary(chunk, 0) {
        Ok(Some(end)) if end > 0 => end,
        _ => char_at(text, i).len_utf8(),
    };
    let space = chunk[..end]
        .char_indices()
        .find(|&(k, c)| k > 0 && c.is_whitespace());
    i + space.map_or(end, |(k, _)| k)
}

/// Whether a grapheme cluster is an emoji (pictographs, flags, keycaps, VS16).
pub(super) fn is_emoji_cluster(cluster: &str) -> bool {
    let mut chars = cluster.chars();
    let Some(c) = chars.next() else { return false };
    let u = c as u32;
    matches!(u,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x2900..=0x297F | 0x3030 | 0x303D
        | 0x3297 | 0x3299 | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x24C2)
        || cluster.contains(['\u{FE0F}', '\u{20E3}'])
}

/// Punctuation outside ASCII that is a token of its own (quotes, dashes, `¡¿`).
pub(super) fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '“'
            | '”'
            | '„'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '‚'
            | '–'
            | '—'
            | '―'
            | '‐'
            | '‑'
            | '¡'
            | '¿'
            | '·'
            | '•'
    )
}

/// ASCII-case-insensitive membership in a list of lowercase words.
#[inline]
fn in_list(word: &str, list: &[&str]) -> bool {
    word.len() <= 8 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Elided words: split after their apostrophe (`l'` `avion`).
/// `quelqu`, `presqu`, `aujourd`, `prud` are absent on purpose: they stay whole.
pub(super) fn is_elision(word: &str) -> bool {
    const ELIDED: &[&str] = &[
        "l", "d", "j", "m", "t", "n", "s", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    ];
    in_list(word, ELIDED) || matches!(word, "ç" | "Ç")
}

/// Pronouns that split off a verb with their hyphen (`avez` `-vous`).
pub(super) fn is_clitic(word: &str) -> bool {
    const CLITICS: &[&str] = &[
        "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "moi", "toi", "le",
        "la", "les", "lui", "leur", "y", "en",
    ];
    in_list(word, CLITICS)
}

/// Pronouns after the euphonic `t` (`a-t-il`, `va-t’on`, `va-t'en`).
pub(super) fn is_euphonic_pronoun(word: &str) -> bool {
    in_list(word, &["il", "elle", "on", "ils", "elles", "en"])
}

/// How an abbreviation's period is recognised.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Abbrev {
    /// A title (`M.`, `Mme.`, `Dr.`): only before a capitalised name.
    Title,
    /// Never a word on its own (`etc.`, `cf.`, `janv.`): always keeps its period.
    Always,
    /// Also a word (`ex.`, `p.`, `sept.`): only before a lowercase word or a number.
    BeforeLower,
}

/// The closed list of abbreviations that keep their period.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    const ALWAYS: &[&str] = &[
        "etc", "cf", "janv", "fevr", "févr", "avr", "juil", "oct", "nov", "déc", "dec", "chap",
        "hab", "éd", "mds", "md",
    ];
    const BEFORE_LOWER: &[&str] = &["p", "pp", "ex", "art", "sept", "env", "vol", "min", "max"];
    if word.len() > 5 {
        return None; // the longest entries, `Mlles` and `févr`, have 5 bytes
    }
    if matches!(
        word,
        "M" | "MM"
            | "Mr"
            | "Mme"
            | "Mmes"
            | "Mlle"
            | "Mlles"
            | "Dr"
            | "Pr"
            | "Me"
            | "Mgr"
            | "St"
            | "Ste"
    ) {
        Some(Abbrev::Title)
    } else if in_list(word, ALWAYS) {
        Some(Abbrev::Always)
    } else if in_list(word, BEFORE_LOWER) {
        Some(Abbrev::BeforeLower)
    } else {
        None
    }
}

/// Ordinal suffixes after digits (`1er`, `1ère`, `2e`, `3ème`, `2nd`): the token is a number.
pub(super) fn is_ordinal_suffix(s: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "e", "er", "ers", "re", "res", "ère", "ères", "ème", "èmes", "eme", "emes", "es", "nd",
        "nde", "nds", "ndes", "d", "de", "ᵉ", "ᵉʳ", "ʳᵉ",
    ];
    SUFFIXES.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// Emoticons, longest first within a shared prefix. A closed list: see the module docs.
/// Each face with a letter is listed in both cases (`:D`, `:d`): the lexicons write
/// their terms in lowercase (`:d`), and a term is tokenized as a text is, so a face
/// missing in one case would be two tokens there and one here, and never match.
pub(super) const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-d", ":-/", ":-P", ":-p", ":-|", ":-o", ":-O", ":-*", ":')", ":'(",
    ":’(", ":’)", ":)", ":(", ":D", ":d", ":/", ":P", ":p", ":|", ":o", ":O", ":*", ";-)", ";-(",
    ";-D", ";-d", ";-P", ";-p", ";)", ";(", ";D", ";d", ";P", ";p", "=)", "=(", "=D", "=d", "^_^",
    "^^", "</3", "<3",
];
