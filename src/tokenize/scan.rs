//! The token scanner: one forward pass over bytes, ASCII first.
//!
//! Every scan function takes the offset where a token starts and returns where it
//! ends. None of them moves backwards by more than a bounded amount (URL trimming
//! gives back only trailing punctuation), and look-aheads that may fail over long
//! stretches (e-mail local parts) remember their failure, so the pass is linear.

use super::classify::{
    abbreviation, apostrophe_len, char_at, cluster_end, is_clitic, is_elision, is_emoji_cluster,
    is_euphonic_pronoun, is_ordinal_suffix, is_unicode_punct, skip_space, word_char_len, Abbrev,
    ALNUM, CLASS, DIGIT, EMOTICONS, HIGH, LOCAL, SPACE, STOP, TAIL,
};
use super::{TokenKind, Tokens};

/// Keycap combining mark (U+20E3) and emoji presentation selector (U+FE0F).
const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
const VS16: &[u8] = "\u{FE0F}".as_bytes();

impl<'a> Tokens<'a> {
    /// Scan the token starting at `s` (not whitespace, `s < len`).
    ///
    /// Always inlined: the analyzer's token loop (`push_all`, which also looks each
    /// word up in the memo) grew past what the compiler inlines on its own, and the
    /// call per token cost the full analysis 4% (`cargo bench --bench analyze`, the
    /// two builds alternated: 128.0 → 133.4 MiB/s).
    #[inline(always)]
    pub(super) fn scan(&mut self, s: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes();
        let x = b[s];
        let class = CLASS[x as usize];
        if class & ALNUM != 0 {
            if class & DIGIT != 0 {
                return self.number(s);
            }
            if matches!(x, b'h' | b'H' | b'w' | b'W') {
                if let Some(end) = self.url(s) {
                    return (end, TokenKind::Url);
                }
            }
            if matches!(x, b'x' | b'X') && b.get(s + 1) == Some(&b'D') && !self.word_at(s + 2) {
                return (s + 2, TokenKind::Emoticon);
            }
            return self.word(s);
        }
        if x >= 0x80 {
            return self.non_ascii(s);
        }
        if class & STOP != 0 {
            return (self.stop_run(s), TokenKind::Punct);
        }
        match x {
            b'-' if s < self.clitics_end => (self.clitic(s), TokenKind::Word),
            b'-' => (run_of(b, s, b'-'), TokenKind::Punct),
            b':' | b';' | b'=' | b'^' | b'<' => match self.emoticon(s) {
                Some(end) => (end, TokenKind::Emoticon),
                None if x == b':' || x == b';' => (s + 1, TokenKind::Punct),
                None => (s + 1, TokenKind::Symbol),
            },
            b'@' if self.name_at(s + 1) => (self.name_end(s + 1), TokenKind::Mention),
            b'#' if self.name_at(s + 1) => (self.name_end(s + 1), TokenKind::Hashtag),
            b'#' | b'*' if keycap_len(b, s + 1) > 0 => {
                (s + 1 + keycap_len(b, s + 1), TokenKind::Emoji)
            }
            b',' | b'\'' | b'"' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
                (s + 1, TokenKind::Punct)
            }
            _ => (s + 1, TokenKind::Symbol),
        }
    }

    /// A token starting with a non-ASCII char: letter, punctuation, emoji or symbol.
    fn non_ascii(&mut self, s: usize) -> (usize, TokenKind) {
        if word_char_len(self.text, s, s) > 0 {
            return self.word(s);
        }
        let c = char_at(self.text, s);
        if c == '…' {
            return (self.stop_run(s), TokenKind::Punct);
        }
        if is_unicode_punct(c) || c == 'ʼ' {
            return (s + c.len_utf8(), TokenKind::Punct);
        }
        let end = cluster_end(self.text, s);
        let kind = if is_emoji_cluster(&self.text[s..end]) {
            TokenKind::Emoji
        } else {
            TokenKind::Symbol
        };
        (end, kind)
    }

    /// Whether a word char starts at `i`.
    #[inline]
    fn word_at(&self, i: usize) -> bool {
        i < self.text.len() && word_char_len(self.text, i, i) > 0
    }

    /// End of the run of word chars (letters, digits, marks) from `i`.
    #[inline]
    fn letters(&self, word_start: usize, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() {
            // ASCII fast path: one table lookup and one test per letter (the
            // table marks non-ASCII bytes, so no separate `x < 0x80` test).
            let class = CLASS[b[i] as usize];
            if class & ALNUM != 0 {
                i += 1;
                continue;
            }
            if class & HIGH == 0 {
                break;
            }
            let n = word_char_len(self.text, word_start, i);
            if n == 0 {
                break;
            }
            i += n;
        }
        i
    }

    /// A word: segments joined by apostrophes, hyphens or `·`, with elisions and
    /// trailing clitics split off, and abbreviations given their period.
    #[inline]
    fn word(&mut self, s: usize) -> (usize, TokenKind) {
        let first = self.letters(s, s);
        // Most words end at a space or plain punctuation: decided by one lookup.
        match self.text.as_bytes().get(first) {
            Some(&x) if CLASS[x as usize] & TAIL != 0 => self.word_tail(s, first),
            _ => (first, TokenKind::Word),
        }
    }

    /// The rest of [`Self::word`] after its first run of letters `s..first`.
    fn word_tail(&mut self, s: usize, first: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes();
        let mut i = first;
        // Letters stopped at `.` `_` `%` `+` `-` or `@`: maybe `jean.dupont@x.fr`.
        if i < b.len() && (CLASS[b[i] as usize] & LOCAL != 0 || b[i] == b'@') {
            if let Some(end) = self.email(s) {
                return (end, TokenKind::Email);
            }
        }
        // `n°` is one word.
        if i == s + 1 && matches!(b[s], b'n' | b'N') && b.get(i..i + 2) == Some("°".as_bytes()) {
            return (i + 2, TokenKind::Word);
        }
        // Offset of the hyphen where an unbroken tail of clitics begins.
        let mut clitic_tail: Option<usize> = None;
        loop {
            let apos = apostrophe_len(b, i);
            if apos > 0 {
                let after = i + apos;
                if i == first && is_elision(&self.text[s..i]) {
                    return (after, TokenKind::Word); // `l'` `avion`, also `l'` before a space
                }
                if !self.word_at(after) {
                    break; // a closing quote, not part of the word
                }
                // `aujourd'hui`, `prud'hommes`, `main-d'œuvre`, `O'Neil` stay whole.
                clitic_tail = None;
                i = self.letters(s, after);
                continue;
            }
            let joiner = match b.get(i) {
                Some(b'-') => 1,
                Some(0xC2) if b.get(i + 1) == Some(&0xB7) => 2, // `·` of inclusive writing
                _ => 0,
            };
            if joiner == 0 || !self.word_at(i + joiner) {
                break;
            }
            let seg = i + joiner;
            let seg_end = self.letters(s, seg);
            if joiner == 1 {
                let (unit_end, clitic) = self.clitic_unit(seg, seg_end);
                if clitic {
                    clitic_tail.get_or_insert(i);
                } else {
                    clitic_tail = None;
                }
                i = unit_end;
            } else {
                clitic_tail = None;
                i = seg_end;
            }
        }
        if let Some(h) = clitic_tail {
            self.clitics_end = i;
            return (h, TokenKind::Word);
        }
        if i == first && b.get(i) == Some(&b'.') && self.keeps_period(s, i) {
            return (i + 1, TokenKind::Word);
        }
        (i, TokenKind::Word)
    }

    /// The clitic segment from `seg` to `seg_end`, extended over the euphonic
    /// `t` (`t-il`, `t’il`): its end and whether it is a clitic.
    fn clitic_unit(&self, seg: usize, seg_end: usize) -> (usize, bool) {
        let b = self.text.as_bytes();
        let word = &self.text[seg..seg_end];
        if word.eq_ignore_ascii_case("t") {
            let sep = if b.get(seg_end) == Some(&b'-') {
                1
            } else {
                apostrophe_len(b, seg_end)
            };
            if sep > 0 && self.word_at(seg_end + sep) {
                let p = seg_end + sep;
                let p_end = self.letters(p, p);
                if is_euphonic_pronoun(&self.text[p..p_end]) {
                    return (p_end, true);
                }
            }
            return (seg_end, false);
        }
        (seg_end, is_clitic(word))
    }

    /// One clitic token at `s` (a `-`), already validated by [`Self::word`].
    fn clitic(&mut self, s: usize) -> usize {
        let seg_end = self.letters(s + 1, s + 1);
        self.clitic_unit(s + 1, seg_end).0
    }

    /// Whether the `.` at `dot` after the word `s..dot` belongs to an abbreviation.
    fn keeps_period(&self, s: usize, dot: usize) -> bool {
        let b = self.text.as_bytes();
        let Some(kind) = abbreviation(&self.text[s..dot]) else {
            return false;
        };
        if matches!(b.get(dot + 1), Some(b'.')) {
            return false; // `etc...`: the dots are an ellipsis
        }
        let next = skip_space(self.text, dot + 1);
        let spaced = next > dot + 1;
        let c = if next < b.len() {
            char_at(self.text, next)
        } else {
            '\0'
        };
        match kind {
            Abbrev::Always => true,
            Abbrev::Title => spaced && c.is_uppercase(),
            Abbrev::BeforeLower => {
                (spaced && (c.is_lowercase() || c.is_ascii_digit()))
                    || matches!(c, ',' | ':' | ';' | ')')
            }
        }
    }

    /// A number: digits with inner `.` `,` `/` `:` `-` (`13,5`, `2013-660`), an
    /// ordinal suffix (`1er`), or a keycap emoji (`1️⃣`).
    fn number(&mut self, s: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes();
        let k = keycap_len(b, s + 1);
        if k > 0 {
            return (s + 1 + k, TokenKind::Emoji);
        }
        let mut i = s;
        loop {
            while i < b.len() && CLASS[b[i] as usize] & DIGIT != 0 {
                i += 1;
            }
            let inner = matches!(b.get(i), Some(b'.' | b',' | b'/' | b':' | b'-'));
            if inner && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                break;
            }
        }
        if !self.word_at(i) {
            return (i, TokenKind::Number);
        }
        let end = self.letters(s, i);
        if is_ordinal_suffix(&self.text[i..end]) {
            (end, TokenKind::Number)
        } else {
            (end, TokenKind::Word) // `4G`, `18h30`, `2e2b`: letters make it a word
        }
    }

    /// A run of `.` `!` `?` `…` in any mix.
    fn stop_run(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() {
            if CLASS[b[i] as usize] & STOP != 0 {
                i += 1;
            } else if is_ellipsis(b, i) {
                i += 3;
            } else {
                break;
            }
        }
        i
    }

    /// An emoticon from the closed list at `s`.
    fn emoticon(&self, s: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        // Most `:` and `;` are followed by a space: no face to look for.
        if !matches!(b.get(s + 1), Some(&x) if CLASS[x as usize] & SPACE == 0) {
            return None;
        }
        let rest = &b[s..];
        let e = EMOTICONS.iter().find(|e| rest.starts_with(e.as_bytes()))?;
        let mut end = s + e.len();
        let last = e.as_bytes()[e.len() - 1];
        if last.is_ascii_alphanumeric() || last == b'/' {
            // `:D` but not `:Dupont`, `<3` but not `<30`, `:/` but not `://`.
            if self.word_at(end) || b.get(end) == Some(&b'/') {
                return None;
            }
        }
        if b[s] == b'=' && s > 0 && CLASS[b[s - 1] as usize] & SPACE == 0 {
            return None; // `x=(a+b)` is not a face
        }
        if matches!(last, b')' | b'(' | b'^') {
            end = run_of(b, end, last); // `:)))`
        }
        Some(end)
    }

    /// A URL starting with `http://`, `https://` or `www.` (any case).
    fn url(&self, s: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let rest = &b[s..];
        let prefix = ["https://", "http://", "www."]
            .iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?
            .len();
        let mut i = s + prefix;
        let (mut open, mut close) = (0usize, 0usize);
        while i < b.len() {
            let x = b[i];
            if x < 0x80 {
                if CLASS[x as usize] & SPACE != 0 || matches!(x, b'<' | b'>' | b'"') {
                    break;
                }
                open += usize::from(x == b'(');
                close += usize::from(x == b')');
                i += 1;
            } else {
                let c = char_at(self.text, i);
                if c.is_whitespace() || matches!(c, '«' | '»' | '“' | '”' | '’' | '…') {
                    break;
                }
                i += c.len_utf8();
            }
        }
        // Give back trailing punctuation: `(voir www.x.fr).` keeps `).` out.
        while i > s + prefix {
            let x = b[i - 1];
            let trim = matches!(
                x,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}'
            ) || (x == b')' && close > open);
            if !trim {
                break;
            }
            close -= usize::from(x == b')');
            i -= 1;
        }
        (i > s + prefix && b[i - 1] != b'.').then_some(i)
    }

    /// An e-mail address whose local part starts at `s`.
    fn email(&mut self, s: usize) -> Option<usize> {
        if s < self.no_email_before {
            return None;
        }
        let b = self.text.as_bytes();
        let mut at = s;
        while at < b.len() && CLASS[b[at] as usize] & LOCAL != 0 {
            at += 1;
        }
        // Every start before `at` reaches this same `@` (or its absence): remember.
        self.no_email_before = at;
        if b.get(at) != Some(&b'@') || at == s {
            return None;
        }
        let mut i = at + 1;
        let mut last_dot = None;
        while i < b.len() {
            let x = b[i];
            if x.is_ascii_alphanumeric() || x == b'-' {
                i += 1;
            } else if x == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
                last_dot = Some(i);
                i += 1;
            } else {
                break;
            }
        }
        let tld = &b[last_dot? + 1..i];
        (tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(i)
    }

    /// Whether a mention or hashtag name starts at `i`.
    fn name_at(&self, i: usize) -> bool {
        self.text.as_bytes().get(i) == Some(&b'_') || self.word_at(i)
    }

    /// End of a mention or hashtag name: word chars and `_`.
    fn name_end(&self, mut i: usize) -> usize {
        let b = self.text.as_bytes();
        let start = i;
        loop {
            i = self.letters(start, i);
            if b.get(i) == Some(&b'_') {
                i += 1;
            } else {
                return i;
            }
        }
    }
}

/// End of the run of byte `x` starting at `i`.
#[inline]
fn run_of(b: &[u8], mut i: usize, x: u8) -> usize {
    while b.get(i) == Some(&x) {
        i += 1;
    }
    i
}

/// Length of a keycap tail (`U+FE0F U+20E3` or `U+20E3`) at `i`, or 0.
fn keycap_len(b: &[u8], i: usize) -> usize {
    // Both tails start with 0xE2 or 0xEF: skip the comparisons for anything else.
    if !matches!(b.get(i), Some(0xE2 | 0xEF)) {
        return 0;
    }
    let rest = &b[i..];
    if rest.starts_with(KEYCAP) {
        KEYCAP.len()
    } else if rest.starts_with(VS16) && rest[VS16.len()..].starts_with(KEYCAP) {
        VS16.len() + KEYCAP.len()
    } else {
        0
    }
}

/// Whether `…` (E2 80 A6) starts at `i`.
#[inline]
pub(super) fn is_ellipsis(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3) == Some("…".as_bytes())
}
