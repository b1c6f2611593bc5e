//! Stage 1: cut a French text into tokens that borrow from it.
//!
//! [`tokenize`] returns an iterator of [`Token`]s. Each token is a slice of the
//! input with its byte span and a [`TokenKind`]; nothing is allocated per token,
//! and lookup keys ([`Token::norm`], [`Token::folded`]) are computed only when asked.
//!
//! ```
//! use avis_fr::{tokenize, TokenKind};
//!
//! let text = "Qu’en pense-t-on ? L'école… 👍🏽";
//! let words: Vec<&str> = tokenize(text).map(|t| t.text).collect();
//! assert_eq!(words, ["Qu’", "en", "pense", "-t-on", "?", "L'", "école", "…", "👍🏽"]);
//!
//! let t = tokenize(text).last().unwrap();
//! assert_eq!(t.kind, TokenKind::Emoji);
//! assert_eq!(&text[t.start..t.end], t.text);
//! ```
//!
//! The conventions are documented on [`tokenize`], the public entry point.
//!
//! # Speed
//!
//! The scanner reads bytes: ASCII bytes are classified by a 256-entry table, and
//! `char`s are decoded only at non-ASCII bytes (Latin letters `é` `œ` are
//! recognised from their lead byte). Grapheme clusters are computed only for
//! non-letter, non-ASCII chars (emoji, combining marks). Time is linear in the
//! input whatever it holds.

mod classify;
mod scan;

use std::borrow::Cow;

use crate::names::spelled;

pub(crate) use classify::{abbreviation, Abbrev};

/// What a token is.
///
/// ```
/// use avis_fr::{tokenize, TokenKind};
///
/// let kinds: Vec<TokenKind> = tokenize("Top :) #num @moi").map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Word, TokenKind::Emoticon, TokenKind::Hashtag, TokenKind::Mention]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, elided word (`l'`), hyphenated compound or inversion clitic (`-t-il`).
    Word,
    /// A number, ordinal or decimal (`13,5`, `1er`; `XXe` is a word).
    Number,
    /// A run of punctuation (`!!!!`, `?!`, `…`), or one quote, bracket or dash.
    Punct,
    /// A URL (`https://…`, `www.…`).
    Url,
    /// An e-mail address.
    Email,
    /// An `@mention`.
    Mention,
    /// A `#hashtag`.
    Hashtag,
    /// An emoticon such as `:-(` or `^^`.
    Emoticon,
    /// An emoji: one whole grapheme cluster.
    Emoji,
    /// Any other symbol (`%`, `€`, `+`, a control character, a lone combining mark).
    Symbol,
}

spelled!(serde TokenKind {
    Word => "word",
    Number => "number",
    Punct => "punct",
    Url => "url",
    Email => "email",
    Mention => "mention",
    Hashtag => "hashtag",
    Emoticon => "emoticon",
    Emoji => "emoji",
    Symbol => "symbol",
});

/// A token: a slice of the input, its byte span and its kind.
///
/// ```
/// use avis_fr::{tokenize, TokenKind};
///
/// let text = "N’avez-vous";
/// let t = tokenize(text).next().unwrap();
/// assert_eq!((t.text, t.start, t.end, t.kind), ("N’", 0, 4, TokenKind::Word));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The exact text, `&input[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl<'a> Token<'a> {
    /// Lowercase form with typographic apostrophes read as `'` and `œ`/`æ` expanded;
    /// borrowed when the text is already normal.
    ///
    /// ```
    /// use avis_fr::tokenize;
    ///
    /// let t = tokenize("Qu’Œdipe").next().unwrap();
    /// assert_eq!(t.norm(), "qu'");
    /// assert_eq!(tokenize("Œuvre").next().unwrap().norm(), "oeuvre");
    /// ```
    pub fn norm(&self) -> Cow<'a, str> {
        crate::normalize::normalize(self.text)
    }

    /// The normalized form with accents removed: the lookup key of last resort.
    ///
    /// ```
    /// use avis_fr::tokenize;
    ///
    /// assert_eq!(tokenize("Impôts").next().unwrap().folded(), "impots");
    /// ```
    pub fn folded(&self) -> Cow<'a, str> {
        crate::normalize::fold(self.text)
    }
}

/// Iterator over the tokens of a text; see [`tokenize`].
///
/// ```
/// use avis_fr::tokenize;
///
/// assert_eq!(tokenize("Bof !!!").count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// Clitics validated by the word before them (`avez` then `-vous`) end here.
    clitics_end: usize,
    /// An e-mail local part starting before this offset is known not to reach an `@`.
    no_email_before: usize,
}

/// Tokenize a French text into tokens that borrow from it.
///
/// ```
/// use avis_fr::{tokenize, TokenKind};
///
/// let text = "Allons-y !!! Aujourd’hui, M. Martin a 2 000 € :-)";
/// let toks: Vec<(&str, TokenKind)> = tokenize(text).map(|t| (t.text, t.kind)).collect();
/// assert_eq!(toks, [
///     ("Allons", TokenKind::Word),
///     ("-y", TokenKind::Word),
///     ("!!!", TokenKind::Punct),
///     ("Aujourd’hui", TokenKind::Word),
///     (",", TokenKind::Punct),
///     ("M.", TokenKind::Word),
///     ("Martin", TokenKind::Word),
///     ("a", TokenKind::Word),
///     ("2", TokenKind::Number),
///     ("000", TokenKind::Number),
///     ("€", TokenKind::Symbol),
///     (":-)", TokenKind::Emoticon),
/// ]);
/// ```
///
/// # Conventions
///
/// The rules are those a French reader expects; each is tested in `tests/tokenize.rs`.
///
/// | Input | Tokens | Why |
/// |---|---|---|
/// | `l'avion`, `qu’ils`, `jusqu'à` | `l'` `avion`, `qu’` `ils`, `jusqu'` `à` | elision: the apostrophe stays on the elided word |
/// | `aujourd'hui`, `prud'hommes`, `quelqu'un`, `presqu'île` | one token | lexicalized: only the elisions below split |
/// | `après-midi`, `peut-être`, `Vallaud-Belkacem` | one token | compounds stay whole |
/// | `est-ce`, `avez-vous`, `Allons-y` | `est` `-ce`, `avez` `-vous`, `Allons` `-y` | inversion and object clitics split with their hyphen |
/// | `a-t-il`, `va-t’il`, `va-t'en` | `a` `-t-il`, `va` `-t’il`, `va` `-t'en` | the euphonic `t` stays with its pronoun |
/// | `M. Dupont`, `etc.`, `p. 12` | `M.`, `etc.`, `p.` | a closed list of abbreviations keeps its period |
/// | `1er`, `6e`, `13,5`, `13.5`, `2013-660`, `30/11/2015` | one `Number` each | ordinals, decimals, identifiers, dates |
/// | `!!!!`, `?!`, `…..` | one `Punct` each | a run of `.` `!` `?` `…` is one token |
/// | `«`, `)`, `—` | one `Punct` each | quotes, brackets and dashes are never merged |
/// | `:-(`, `;)`, `^^`, `xD`, `<3` | one `Emoticon` each | the closed list below |
/// | `👍🏽`, `👨‍👩‍👧`, `🇫🇷`, `❤️`, `1️⃣` | one `Emoji` each | whole grapheme clusters |
/// | `https://x.fr/a`, `www.x.fr`, `a.b@x.fr`, `@nom`, `#tag` | one token each | `Url`, `Email`, `Mention`, `Hashtag` |
///
/// Elided words that split: `l d j m t n s c ç qu jusqu lorsqu puisqu quoiqu`
/// (any case). Any other apostrophe between letters joins (`O'Neil`, `main-d'œuvre`).
/// An apostrophe not followed by a letter is a quote (`'`), except after an elided
/// word, which keeps it (`l' avion` gives `l'`).
///
/// Clitics split off only when every segment after a hyphen is one of
/// `je tu il elle on nous vous ils elles ce moi toi le la les lui leur y en`
/// (or `t-il`, `t-elle`, `t-on`, `t'en`): `dis-le-moi` gives `dis` `-le` `-moi`,
/// while `sur-le-champ` stays whole. Consequence, chosen for consistency:
/// the noun `rendez-vous` is also `rendez` `-vous` (the analyzer can rejoin it).
///
/// Abbreviations: titles `M MM Mr Mme Mmes Mlle Mlles Dr Pr Me Mgr St Ste` keep
/// their period only before a capital (`M. Dupont`); `etc cf janv févr avr juil
/// oct nov déc chap hab éd md mds` always (unless an ellipsis follows: `etc...`);
/// `p pp ex art sept env vol min max`, which are also words, only before a
/// lowercase word, a digit or `, : ; )`. Elsewhere a final `.` is punctuation.
///
/// Emoticons: `:-) :-( :-D :-d :-/ :-P :-p :-| :-o :-O :-* :') :'( :) :( :D :d :/ :P
/// :p :| :o :O :* ;-) ;-( ;-D ;-d ;-P ;-p ;) ;( ;D ;d ;P ;p =) =( =D =d ^_^ ^^ </3 <3
/// xD XD`,
/// with repeats (`:)))`). A face ending in a letter or digit needs a non-letter
/// after it (`:Dupont`, `<30` are not faces); `=` faces need a space before them.
///
/// Numbers: digits, joined by `.` `,` `/` `:` `-` when a digit follows; with an
/// ordinal suffix (`er`, `ère`, `e`, `ème`, `nd`…) still a `Number`, with other
/// letters a `Word` (`4G`, `18h30`). Roman numerals are words (`XXe`).
///
/// Whitespace (any `char::is_whitespace`, including U+00A0 and U+202F) is never
/// part of a token, and every other byte is part of exactly one token. Capitals
/// are kept: `token.text` is the input as typed.
///
/// # Cost
///
/// One forward pass over the bytes, no allocation, linear time on any `&str`
/// (a megabyte of `!`, of hyphens or of combining marks included): several
/// times faster than `unicode-segmentation`'s word bounds on French comments.
///
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        clitics_end: 0,
        no_email_before: 0,
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let (start, end, kind) = self.advance()?;
        Some(self.token(start, end, kind))
    }
}

impl<'a> Tokens<'a> {
    /// The span and kind of the next token.
    #[inline(always)]
    fn advance(&mut self) -> Option<(usize, usize, TokenKind)> {
        let start = classify::skip_space(self.text, self.pos);
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let (end, kind) = self.scan(start);
        self.pos = end;
        Some((start, end, kind))
    }

    #[inline(always)]
    fn token(&self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        Token {
            text: &self.text[start..end],
            start,
            end,
            kind,
        }
    }

    /// Push every remaining token to `tokens`, calling `each` on it first. The same
    /// as `tokens.extend(self.inspect(each))`, but each token is written straight
    /// into the vector: through `next`, the token is returned on the stack and
    /// copied, and reading back its one-byte kind as part of a wider word stalls the
    /// processor (a failed store forwarding), which cost the analysis about a tenth
    /// of its time. `each` sees the token while its bytes are still in cache.
    pub(crate) fn push_all(
        mut self,
        tokens: &mut Vec<Token<'a>>,
        mut each: impl FnMut(&Token<'a>),
    ) {
        while let Some((start, end, kind)) = self.advance() {
            let token = self.token(start, end, kind);
            each(&token);
            tokens.push(token);
        }
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}
