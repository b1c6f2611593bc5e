//! Stage 1, the tokens' lookup keys: normalized forms, borrowed when the text is
//! already normal.
//!
//! Two keys, computed only when asked: [`normalize`] (lowercase, `’` `‘` `ʼ` read
//! as `'`, `œ` `æ` expanded) and [`fold`] (the same, accents removed). Both scan
//! for the first char that would change and return the input itself when there is
//! none, so an already-normal token (`école` for `normalize`, `ecole` for `fold`)
//! costs no allocation.

use std::borrow::Cow;

/// Lowercase, `’`/`‘`/`ʼ` read as `'`, `œ`/`æ` expanded (capitals too).
///
/// Borrows when the text is already normal.
///
/// ```
/// use std::borrow::Cow;
/// use avis_fr::normalize;
///
/// assert_eq!(normalize("L’Œuvre"), "l'oeuvre");
/// assert!(matches!(normalize("déjà"), Cow::Borrowed("déjà")));
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    match first_change(text, false) {
        None => Cow::Borrowed(text),
        Some(i) => {
            let mut out = String::with_capacity(text.len() + 2);
            out.push_str(&text[..i]);
            push_mapped(&text[i..], false, &mut out);
            Cow::Owned(out)
        }
    }
}

/// [`normalize`], then accents removed (`impôts` → `impots`), combining accents too.
///
/// Borrows when the text is already folded.
///
/// ```
/// use std::borrow::Cow;
/// use avis_fr::fold;
///
/// assert_eq!(fold("Impôts À Noël, ÇA"), "impots a noel, ca");
/// assert!(matches!(fold("ecole"), Cow::Borrowed("ecole")));
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    match first_change(text, true) {
        None => Cow::Borrowed(text),
        Some(i) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..i]);
            push_mapped(&text[i..], true, &mut out);
            Cow::Owned(out)
        }
    }
}

/// Byte offset of the first char that normalizing (or folding) would change.
fn first_change(text: &str, folding: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next()?;
        if changes(c, folding) {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// Whether `c` is not its own normal (or folded) form.
fn changes(c: char, folding: bool) -> bool {
    if matches!(c, '’' | '‘' | 'ʼ' | 'œ' | 'Œ' | 'æ' | 'Æ') {
        return true;
    }
    if folding && (fold_char(c).is_some() || is_combining_accent(c)) {
        return true;
    }
    // `to_lowercase` is the identity on chars with no lowercase mapping.
    let mut lower = c.to_lowercase();
    !(lower.next() == Some(c) && lower.next().is_none())
}

/// Append the normal (or folded) form of `text` to `out`.
fn push_mapped(text: &str, folding: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => {
                for l in c.to_lowercase() {
                    if !folding {
                        out.push(l);
                    } else if let Some(f) = fold_char(l) {
                        out.push(f);
                    } else if !is_combining_accent(l) {
                        out.push(l);
                    }
                }
            }
        }
    }
}

/// Combining diacritics (U+0300..U+036F): `e` + U+0301 folds to `e`.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// The base letter of a lowercase Latin letter with a diacritic.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}
