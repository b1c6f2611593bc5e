//! The French conventions of the tokenizer and sentence splitter, one table each.

use std::borrow::Cow;

use avis_fr::{fold, normalize, sentences, tokenize, TokenKind};

/// The token texts of `text`.
fn texts(text: &str) -> Vec<&str> {
    tokenize(text).map(|t| t.text).collect()
}

/// Check each `(input, expected tokens)` row, naming the failing row.
fn check(rows: &[(&str, &[&str])]) {
    for (input, want) in rows {
        assert_eq!(texts(input), *want, "input: {input:?}");
    }
}

/// Check that each input is exactly one token of the given kind.
fn check_single(kind: TokenKind, inputs: &[&str]) {
    for input in inputs {
        let toks: Vec<_> = tokenize(input).collect();
        assert_eq!(toks.len(), 1, "input: {input:?} gave {toks:?}");
        assert_eq!(toks[0].kind, kind, "input: {input:?}");
        assert_eq!(toks[0].text, *input);
    }
}

#[test]
fn elision_splits_after_apostrophe() {
    check(&[
        ("l'avion", &["l'", "avion"]),
        ("l’avion", &["l’", "avion"]),
        ("qu’ils", &["qu’", "ils"]),
        ("qu'ils", &["qu'", "ils"]),
        ("N’avez", &["N’", "avez"]),
        ("j’ai", &["j’", "ai"]),
        ("d’éviter", &["d’", "éviter"]),
        ("c’est", &["c’", "est"]),
        ("s’il", &["s’", "il"]),
        ("jusqu'à", &["jusqu'", "à"]),
        ("lorsqu'il", &["lorsqu'", "il"]),
        ("puisqu'il", &["puisqu'", "il"]),
        ("quoiqu'il", &["quoiqu'", "il"]),
        ("m'a", &["m'", "a"]),
        ("t'as", &["t'", "as"]),
        ("n'est", &["n'", "est"]),
        ("L'ÉCOLE", &["L'", "ÉCOLE"]),
        ("ç'a", &["ç'", "a"]),
        ("l‘école", &["l‘", "école"]),
        ("l' avion", &["l'", "avion"]),
        ("c'est-à-dire", &["c'", "est-à-dire"]),
        ("qu'est-ce", &["qu'", "est", "-ce"]),
    ]);
}

#[test]
fn lexicalized_apostrophes_stay_whole() {
    check_single(
        TokenKind::Word,
        &[
            "aujourd'hui",
            "aujourd’hui",
            "prud'hommes",
            "quelqu'un",
            "quelqu’une",
            "presqu'île",
            "main-d'œuvre",
            "O'Neil",
        ],
    );
}

#[test]
fn apostrophe_as_quote() {
    check(&[
        ("'oui'", &["'", "oui", "'"]),
        ("enfants' ", &["enfants", "'"]),
        ("'''", &["'", "'", "'"]),
    ]);
}

#[test]
fn hyphenated_compounds_stay_whole() {
    check_single(
        TokenKind::Word,
        &[
            "après-midi",
            "peut-être",
            "sous-jacentes",
            "anti-démocratique",
            "italo-mexicain",
            "grands-pères",
            "e-Éducation",
            "Janssen-Cilag",
            "Vallaud-Belkacem",
            "sur-le-champ",
            "est-à-dire",
            "COVID-19",
            "étudiant·e·s",
        ],
    );
}

#[test]
fn clitics_split_with_their_hyphen() {
    check(&[
        ("est-ce", &["est", "-ce"]),
        ("avez-vous", &["avez", "-vous"]),
        ("a-t-il", &["a", "-t-il"]),
        ("va-t-on", &["va", "-t-on"]),
        ("va-t’il", &["va", "-t’il"]),
        ("va-t'il", &["va", "-t'il"]),
        ("va-t'en", &["va", "-t'en"]),
        ("Allons-y", &["Allons", "-y"]),
        ("Rendez-vous compte", &["Rendez", "-vous", "compte"]),
        ("qu'en faites-vous", &["qu'", "en", "faites", "-vous"]),
        ("Excusez-moi", &["Excusez", "-moi"]),
        ("est-elle", &["est", "-elle"]),
        ("serait-il", &["serait", "-il"]),
        ("permettront-elles", &["permettront", "-elles"]),
        ("peut-on", &["peut", "-on"]),
        ("dis-le-moi", &["dis", "-le", "-moi"]),
        ("Donnez-leur", &["Donnez", "-leur"]),
        ("prends-en", &["prends", "-en"]),
        ("EST-CE", &["EST", "-CE"]),
        ("a-t-il-", &["a", "-t-il", "-"]),
    ]);
}

#[test]
fn abbreviations_keep_their_period() {
    check(&[
        ("M. Dupont", &["M.", "Dupont"]),
        ("Mme. Martin", &["Mme.", "Martin"]),
        ("Dr. Knock", &["Dr.", "Knock"]),
        ("Mr. Smith", &["Mr.", "Smith"]),
        ("le 3 janv. 2016", &["le", "3", "janv.", "2016"]),
        (
            "des livres, etc. Puis",
            &["des", "livres", ",", "etc.", "Puis"],
        ),
        ("cf. supra", &["cf.", "supra"]),
        ("p. 12", &["p.", "12"]),
        ("par ex. les", &["par", "ex.", "les"]),
        ("par ex., les", &["par", "ex.", ",", "les"]),
        ("etc...", &["etc", "..."]),
    ]);
}

#[test]
fn sentence_final_period_is_not_an_abbreviation() {
    check(&[
        ("la lettre M.", &["la", "lettre", "M", "."]),
        ("ils étaient sept.", &["ils", "étaient", "sept", "."]),
        ("mon ex. Il", &["mon", "ex", ".", "Il"]),
        ("fin. Début", &["fin", ".", "Début"]),
        ("M. le ministre", &["M", ".", "le", "ministre"]),
    ]);
}

#[test]
fn numbers_ordinals_decimals() {
    check_single(
        TokenKind::Number,
        &[
            "1er",
            "1ère",
            "2e",
            "6e",
            "2nd",
            "3ème",
            "13,5",
            "13.5",
            "2013-660",
            "30/11/2015",
            "1.000.000",
            "18:30",
        ],
    );
    check_single(TokenKind::Word, &["XXe", "n°", "N°", "4G", "18h30"]);
    check(&[
        ("18 mois", &["18", "mois"]),
        ("n°5", &["n°", "5"]),
        ("en 2015.", &["en", "2015", "."]),
        ("50%", &["50", "%"]),
        ("-5", &["-", "5"]),
        ("1, 2", &["1", ",", "2"]),
    ]);
}

#[test]
fn punctuation_runs_are_one_token() {
    check_single(
        TokenKind::Punct,
        &["!!!!", "?!", "…", ".....", "???", "…..", "?…", "!?!"],
    );
}

#[test]
fn quotes_brackets_dashes_stand_alone() {
    check(&[
        ("«Non»", &["«", "Non", "»"]),
        ("“oui”", &["“", "oui", "”"]),
        ("((x))", &["(", "(", "x", ")", ")"]),
        ("a – b — c", &["a", "–", "b", "—", "c"]),
        ("(MIOL)", &["(", "MIOL", ")"]),
        ("Paris : la", &["Paris", ":", "la"]),
        ("oui,non", &["oui", ",", "non"]),
        ("\"cité\"", &["\"", "cité", "\""]),
    ]);
    for t in tokenize("« ( ) — , ;") {
        assert_eq!(t.kind, TokenKind::Punct, "{t:?}");
    }
}

#[test]
fn emoticons_are_one_token() {
    check_single(
        TokenKind::Emoticon,
        &[
            ":-(", ":)", ";-)", ":D", ":-/", ":'(", "^^", "xD", "XD", "<3", ":p", ":)))", "^_^",
            ":-D", ";)",
        ],
    );
    check(&[
        ("super:)", &["super", ":)"]),
        ("bof :/", &["bof", ":/"]),
        (":Dupont", &[":", "Dupont"]),
        ("<30", &["<", "30"]),
        ("x=(a)", &["x", "=", "(", "a", ")"]),
        ("xDD", &["xDD"]),
    ]);
}

/// A face with a letter is one token in either case: the lexicons write `:d`, and a
/// term is tokenized as a text is, so `:D` in a text meets `:d` only if both are one
/// token (`:d` was two, `:` and `d`, and `:D` never matched its entry).
#[test]
fn letter_faces_are_one_token_in_either_case() {
    check_single(
        TokenKind::Emoticon,
        &[":d", ":-d", ";d", ";-d", "=d", ":D", ":-D", ";D", "=D"],
    );
    check(&[(":dupont", &[":", "dupont"]), ("x=d", &["x", "=", "d"])]);
}

#[test]
fn emoji_are_whole_clusters() {
    check_single(
        TokenKind::Emoji,
        &["👍", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "❤️", "❤", "1️⃣", "#️⃣", "😂"],
    );
    check(&[
        ("top👍👍", &["top", "👍", "👍"]),
        ("🇫🇷🇫🇷", &["🇫🇷", "🇫🇷"]),
        ("merci❤️!", &["merci", "❤️", "!"]),
    ]);
}

#[test]
fn urls_emails_mentions_hashtags() {
    check_single(
        TokenKind::Url,
        &[
            "http://www.education.gouv.fr",
            "https://fr.wikipedia.org/wiki/Microsoft_(entreprise)",
            "www.microsoft.fr/education?x=1&y=2",
            "HTTPS://EXEMPLE.FR",
        ],
    );
    check_single(
        TokenKind::Email,
        &["jean.dupont@education.gouv.fr", "a_b+c@x.fr"],
    );
    check_single(TokenKind::Mention, &["@najat", "@Vallaud_Belkacem"]);
    check_single(TokenKind::Hashtag, &["#école", "#numérique2015", "#1"]);
    check(&[
        ("voir www.x.fr.", &["voir", "www.x.fr", "."]),
        ("(https://x.fr/a)", &["(", "https://x.fr/a", ")"]),
        ("https://x.fr/a, b", &["https://x.fr/a", ",", "b"]),
        ("www.x.fr!!", &["www.x.fr", "!!"]),
        ("«www.x.fr»", &["«", "www.x.fr", "»"]),
        ("écrire à a@x.fr.", &["écrire", "à", "a@x.fr", "."]),
        ("a@b", &["a", "@b"]),
        ("@ #", &["@", "#"]),
        ("http://", &["http", ":", "/", "/"]),
    ]);
}

#[test]
fn whitespace_is_never_a_token() {
    check(&[
        ("", &[]),
        (" \t\n\r ", &[]),
        ("Quoi\u{a0}? Non\u{202f}!", &["Quoi", "?", "Non", "!"]),
        ("a\u{2003}b\u{3000}c\u{85}d", &["a", "b", "c", "d"]),
        ("ligne\n\nligne", &["ligne", "ligne"]),
    ]);
}

#[test]
fn capitals_are_kept() {
    check(&[("C'EST SCANDALEUX", &["C'", "EST", "SCANDALEUX"])]);
}

#[test]
fn odd_input() {
    check(&[
        ("\u{301}", &["\u{301}"]),
        ("e\u{301}te\u{301}", &["e\u{301}te\u{301}"]),
        ("\u{0}\u{7}", &["\u{0}", "\u{7}"]),
        ("×÷", &["×", "÷"]),
        ("a_b", &["a", "_", "b"]),
        ("---", &["---"]),
    ]);
    let kinds: Vec<_> = tokenize("\u{301} ©").map(|t| t.kind).collect();
    assert_eq!(kinds, [TokenKind::Symbol, TokenKind::Symbol]);
}

#[test]
fn spans_match_text() {
    let text = "Qu’en dites-vous ? L'État, 13,5 % :-) 👍🏽 https://x.fr.";
    for t in tokenize(text) {
        assert_eq!(&text[t.start..t.end], t.text);
    }
}

#[test]
fn norm_and_fold() {
    let rows = [
        ("École", "école", "ecole"),
        ("L’Œuvre", "l'oeuvre", "l'oeuvre"),
        ("ÆTHER", "aether", "aether"),
        ("qu‘ʼ", "qu''", "qu''"),
        ("IMPÔTS", "impôts", "impots"),
        (
            "àâäéèêëîïôöùûüÿçñáíóúãõ",
            "àâäéèêëîïôöùûüÿçñáíóúãõ",
            "aaaeeeeiioouuuycnaiouao",
        ),
        ("ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ", "àâäéèêëîïôöùûüÿç", "aaaeeeeiioouuuyc"),
        ("e\u{301}", "e\u{301}", "e"),
    ];
    for (input, norm, folded) in rows {
        assert_eq!(normalize(input), norm, "{input}");
        assert_eq!(fold(input), folded, "{input}");
    }
    let t = tokenize("Impôts").next().unwrap();
    assert_eq!((t.norm(), t.folded()), ("impôts".into(), "impots".into()));
}

#[test]
fn normal_text_is_borrowed() {
    for s in ["", "avion", "l'avion", "13,5", "!!"] {
        assert!(matches!(normalize(s), Cow::Borrowed(_)), "{s}");
        assert!(matches!(fold(s), Cow::Borrowed(_)), "{s}");
    }
    for s in ["école", "déjà", "👍"] {
        assert!(matches!(normalize(s), Cow::Borrowed(_)), "{s}");
    }
    assert!(matches!(fold("école"), Cow::Owned(_)));
}

/// Sentence texts of `text`.
fn sents(text: &str) -> Vec<&str> {
    sentences(text).map(|s| s.text).collect()
}

#[test]
fn sentence_boundaries() {
    let rows: &[(&str, &[&str])] = &[
        ("", &[]),
        ("Oui. Non.", &["Oui.", "Non."]),
        ("Quoi ?! Non !!! Si…", &["Quoi ?!", "Non !!!", "Si…"]),
        ("Vraiment ? Oui", &["Vraiment ?", "Oui"]),
        ("ligne un\nligne deux", &["ligne un", "ligne deux"]),
        ("un\r\n\r\ndeux", &["un", "deux"]),
        (
            "M. Dupont est là. Mme. Martin aussi.",
            &["M. Dupont est là.", "Mme. Martin aussi."],
        ),
        (
            "des livres, etc. et des cahiers.",
            &["des livres, etc. et des cahiers."],
        ),
        (
            "des livres, etc. Puis rien.",
            &["des livres, etc.", "Puis rien."],
        ),
        ("Il a 13.5 ans. Oui.", &["Il a 13.5 ans.", "Oui."]),
        ("Voir www.x.fr. Merci", &["Voir www.x.fr.", "Merci"]),
        (
            "Il dit « Non. Jamais ! » puis part.",
            &["Il dit « Non. Jamais ! » puis part."],
        ),
        ("(Oui. Non.) Bon.", &["(Oui. Non.) Bon."]),
        ("[Note. Fin] Bon.", &["[Note. Fin] Bon."]),
        ("Il a dit « non ». Bon.", &["Il a dit « non ».", "Bon."]),
        ("C'est… compliqué. Bon.", &["C'est… compliqué.", "Bon."]),
        ("aujourd'hui. L'avion.", &["aujourd'hui.", "L'avion."]),
        ("Triste :( Vraiment. Oui.", &["Triste :( Vraiment.", "Oui."]),
        ("« Non ! » Oui.", &["« Non ! » Oui."]),
        ("Il dit : « Non. »\nOui", &["Il dit : « Non. »", "Oui"]),
        ("   \n  ", &[]),
        (
            "axes :\n1. L'engagement. 2. Le code.",
            &["axes :", "1. L'engagement.", "2. Le code."],
        ),
        ("Fin.\u{a0}Début", &["Fin.", "Début"]),
    ];
    for (input, want) in rows {
        assert_eq!(sents(input), *want, "input: {input:?}");
    }
}

#[test]
fn sentence_spans_match_text() {
    let text = "  Bonjour.  Ça va ?\n\nOui !  ";
    let got: Vec<_> = sentences(text).collect();
    assert_eq!(got.len(), 3);
    for s in got {
        assert_eq!(&text[s.start..s.end], s.text);
    }
}

#[test]
fn corpus_tokenizes_without_surprises() {
    let data = include_str!("../data/consultation-2015.jsonl");
    for line in data.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let mut last = 0;
        for t in tokenize(text) {
            assert!(t.start >= last && t.end > t.start);
            assert!(text[last..t.start].chars().all(char::is_whitespace));
            last = t.end;
        }
    }
}
