//! Stage 2: normalized lookup keys, borrowed when the text is already normal.

use std::borrow::Cow;

/// Lowercase, `’`/`‘`/`ʼ` read as `'`, `œ`/`æ` expanded.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// [`normalize`], then accents removed (`impôts` → `impots`).
pub fn fold(text: &str) -> Cow<'_, str> {
    let norm = normalize(text);
    if norm.is_ascii() {
        return norm;
    }
    Cow::Owned(
        norm.chars()
            .map(|c| match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' | 'ì' => 'i',
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'ÿ' => 'y',
                'ñ' => 'n',
                c => c,
            })
            .collect(),
    )
}
