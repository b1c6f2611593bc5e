//! Each French rule changes a score the right way, shown against the same text
//! without the rule's trigger.

use avis_fr::{Analyzer, Label, Lexicon, Role, StanceLabel, Topic};

fn score(text: &str) -> f64 {
    analyzer().analyze(text).sentiment.score
}

fn analyzer() -> &'static Analyzer {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    ANALYZER.get_or_init(|| {
        let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
        let analyzer = Analyzer::builder().topic(topic).build();
        analyzer.expect("the embedded lexicons")
    })
}

#[test]
fn negation_flips_and_damps() {
    assert!(score("C'est bon.") > 0.0);
    assert!(score("Ce n'est pas bon.") < 0.0);
    assert!(score("Ce n'est plus bon.") < 0.0);
    assert!(score("Ce n'est jamais bon.") < 0.0);
    assert!(score("pas bon du tout") < 0.0, "spoken `pas` alone negates");
    // A negated insult is only mildly positive.
    let negated = score("Ce n'est pas une décision honteuse.");
    assert!(negated > 0.0 && negated < score("C'est bon."));
    assert!(score("On ne vous remercie pas") < 0.0);
}

#[test]
fn negation_stops_at_the_clause() {
    assert!(score("Je ne sais pas, c'est honteux.") < score("Je ne sais pas, c'est bon."));
    assert!(score("Je ne sais pas, c'est honteux.") < 0.0);
}

#[test]
fn ne_que_is_a_restriction_not_a_negation() {
    assert!(score("Je n'aime que ça.") > 0.0);
}

#[test]
fn double_negation_flips_back() {
    assert!(score("Ce ne sera pas moins choquant.") < 0.0);
}

#[test]
fn absence_questions_negate_their_clause() {
    assert!(score("Quid de l'éthique ?") < 0.0);
    assert!(score("À quand une vraie politique cohérente et courageuse ?") < 0.0);
}

#[test]
fn intensifiers_and_diminishers() {
    assert!(score("C'est très bon.") > score("C'est bon."));
    assert!(score("C'est extrêmement décevant.") < score("C'est décevant."));
    assert!(score("C'est un peu décevant.") > score("C'est décevant."));
    assert!(score("C'est un peu décevant.") < 0.0);
}

#[test]
fn intensifiers_match_only_as_written() {
    // `telles` shares a stem with `tellement`: rule words never match by stem.
    let analysis = analyzer().analyze("de telles annonces");
    assert!(analysis
        .evidence
        .iter()
        .all(|e| e.role != Role::Intensifier));
}

#[test]
fn contrast_weighs_the_clause_after_mais() {
    assert!(score("C'est une excellente idée, mais c'est honteux.") < 0.0);
    assert!(score("C'est honteux, mais c'est une excellente idée.") > 0.0);
}

#[test]
fn capitals_and_exclamations_emphasise() {
    assert!(
        score("Cet accord est vraiment HONTEUX pour nous tous.")
            < score("Cet accord est vraiment honteux pour nous tous.")
    );
    assert!(score("C'est honteux !!!!") < score("C'est honteux."));
    assert!(score("C'est honteux !") < score("C'est honteux."));
    // In text all in capitals, capitals emphasise nothing.
    assert_eq!(score("C'EST HONTEUX."), score("c'est honteux."));
}

#[test]
fn emoticons_and_emoji_carry_valence() {
    assert!(score(":-(") < 0.0);
    assert!(score(":)") > 0.0);
    assert!(score("👍") > 0.0);
    assert!(score("Ce partenariat est regrettable :-(") < score("Ce partenariat est regrettable"));
}

#[test]
fn irony_turns_praise_against_the_addressee() {
    assert_eq!(
        analyzer()
            .analyze("Vive la pensée unique !")
            .sentiment
            .label,
        Label::Negative
    );
    assert_eq!(
        analyzer()
            .analyze("Merci Madame le ministre pour n'écouter que ces lobbyistes")
            .sentiment
            .label,
        Label::Negative
    );
    assert!(
        score("Heureusement que la consultation se prononçait pour le logiciel libre, hein…") < 0.0
    );
    assert!(score("Mouhahahaha ! Et on prévoit quoi là ?") < 0.0);
    // Sincere praise in a positive comment stays praise.
    assert!(score("Merci pour cette excellente initiative !") > 0.0);
}

#[test]
fn evidence_spans_point_into_the_text() {
    let text = "Cet accord est une HONTE !!! Vive la pensée unique…";
    for e in analyzer().analyze(text).evidence {
        assert_eq!(&text[e.start..e.end], e.text);
    }
}

#[test]
fn stance_through_comparatives_and_names() {
    let a = analyzer().analyze("Microsoft n'apporte rien de plus que les logiciels libres.");
    assert_eq!(a.stance["partenariat"].label, StanceLabel::Against);
    assert_eq!(a.stance["logiciel_libre"].label, StanceLabel::Favor);
    let a =
        analyzer().analyze("Le gros problème du logiciel libre : son absence d'infrastructure.");
    assert_ne!(a.stance["logiciel_libre"].label, StanceLabel::Favor);
    let a = analyzer().analyze("Il faut favoriser le logiciel libre à l'école.");
    assert_eq!(a.stance["logiciel_libre"].label, StanceLabel::Favor);
    // Condemning without naming the subject is against it.
    let a = analyzer().analyze("C'est une honte !");
    assert_eq!(a.stance["partenariat"].label, StanceLabel::Against);
    assert_eq!(a.stance["logiciel_libre"].label, StanceLabel::None);
}

#[test]
fn frames_with_their_evidence() {
    let a = analyzer().analyze("Une société qui ne paie pas ses impôts et vit de son monopole.");
    assert_eq!(a.frames, ["fiscalite", "monopole"]);
    assert!(a
        .evidence
        .iter()
        .any(|e| e.role == Role::Frame && e.id.as_deref() == Some("fiscalite")));
}

#[test]
fn inflections_and_missing_accents_match() {
    let a = analyzer().analyze("des logiciels libres, des impots, scandaleuse");
    assert!(a
        .evidence
        .iter()
        .any(|e| e.role == Role::Target && e.text == "logiciels libres"));
    assert!(a.frames.iter().any(|f| f == "fiscalite"));
    assert!(a
        .evidence
        .iter()
        .any(|e| e.role == Role::Sentiment && e.text == "scandaleuse"));
}

#[test]
fn user_lexicons_add_and_override() {
    let mine = Lexicon::from_tsv(
        "mine.tsv",
        "term\tkind\tvalence\tnote\nchouette\tsentiment\t2.5\t\nhonteux\tsentiment\t1\toverride\n",
    )
    .expect("valid lexicon");
    let analyzer = Analyzer::builder().lexicon(mine).build().expect("builds");
    assert!(analyzer.analyze("chouette").sentiment.score > 0.0);
    assert!(
        analyzer.analyze("honteux").sentiment.score > 0.0,
        "later lexicon overrides"
    );
}

#[test]
fn bad_lexicon_lines_name_file_and_line() {
    let header = "term\tkind\tvalence\tnote\n";
    let cases = [
        ("x\tfeeling\t1\t\n", "unknown kind"),
        ("x\tsentiment\t9\t\n", "out of range"),
        ("x\tsentiment\tabc\t\n", "not a number"),
        ("x\tsentiment\t1\t\nx\tsentiment\t2\t\n", "duplicate"),
        ("x\n", "tab-separated"),
    ];
    for (body, expected) in cases {
        let err = Lexicon::from_tsv("bad.tsv", &format!("{header}{body}")).expect_err(body);
        let message = err.to_string();
        assert!(message.starts_with("bad.tsv:"), "{message}");
        assert!(message.contains(expected), "{message}");
    }
    let err = Lexicon::from_tsv("bad.tsv", "# c\n\nx\tsentiment\t9\t\n").expect_err("no header");
    assert!(err.to_string().starts_with("bad.tsv:3:"), "{err}");
}

#[test]
fn bad_topics_name_file_and_line() {
    let cases = [
        ("subject = \"nope\"\n", "unknown target", 1),
        ("[targets.a]\nnames = []\n", "no expression", 1),
        ("[targets.a]\nnames = [\"x\"]\n[[stance]]\ntarget = \"b\"\nweight = 1\nmarkers = [\"y\"]\n", "unknown target", 4),
        ("[targets.a]\nnames = [\"x\"]\n[targets.a]\nnames = [\"y\"]\n", "duplicate", 3),
        ("[targets.a]\nnames = [\"x\"]\n[frames.f]\nmarkers = [\"y\"]\nobjection = { target = \"zz\", weight = -0.3 }\n", "unknown target", 5),
    ];
    for (text, expected, line) in cases {
        let err = Topic::from_toml("t.toml", text).expect_err(text);
        let message = err.to_string();
        assert!(message.contains(expected), "{message}");
        assert!(message.starts_with(&format!("t.toml:{line}:")), "{message}");
    }
}

#[test]
fn analyzer_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Analyzer>();
    let text = "C'est une honte ! Vive le logiciel libre.";
    let alone = analyzer().analyze(text);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| analyzer().analyze(text)))
            .collect();
        for handle in handles {
            assert_eq!(handle.join().expect("no panic"), alone);
        }
    });
}

#[test]
fn pathological_inputs_give_valid_analyses() {
    let inputs = [
        String::new(),
        "aaaa".repeat(250_000),
        "ne pas jamais rien ".repeat(50_000),
        "!".repeat(1_000_000),
        "honte ".repeat(100_000),
        // Walls of words whose rules look around them: each once took time
        // quadratic in its length (a megabyte of `n'` ran for minutes).
        "n'".repeat(500_000),
        "ne ".repeat(300_000),
        "à quand ".repeat(100_000),
        "mais ".repeat(200_000),
        "favoriser Linux ".repeat(60_000),
        "Microsoft mieux que Linux ".repeat(40_000),
        // Thousands of contrast words in one sentence once made the score NaN.
        format!("content {}content", "mais ".repeat(2_000)),
        format!("Bien par\ncontre {}honteux", "pourtant ".repeat(3_000)),
    ];
    for text in &inputs {
        let a = analyzer().analyze(text);
        assert!(a.sentiment.score.is_finite() && a.sentiment.score.abs() <= 1.0);
        let s = &a.sentiment;
        assert!([s.positive, s.negative, s.neutral]
            .iter()
            .all(|x| x.is_finite()));
        assert!(a.stance.values().all(|s| s.score.abs() <= 1.0));
    }
}

/// Punctuation is in no embedded entry, so the analyzer passes it without a lookup;
/// a lexicon that does list punctuation still has it matched, alone or in a longer
/// expression, wherever it comes (here after other punctuation).
#[test]
fn punctuation_entries_still_match() {
    let lexicon = avis_fr::Lexicon::from_tsv(
        "ponctuation.tsv",
        "term\tkind\tvalence\tnote\n?!\tsentiment\t-2\t\nbravo !\tsentiment\t3\t\n",
    )
    .expect("a valid lexicon");
    let custom = Analyzer::builder()
        .lexicon(lexicon)
        .build()
        .expect("builds");
    let entries = |analyzer: &Analyzer, text: &str| -> Vec<String> {
        let analysis = analyzer.analyze(text);
        analysis
            .evidence
            .iter()
            .map(|e| e.entry.to_string())
            .collect()
    };
    assert!(entries(&custom, "Bien. Vraiment ?!").contains(&"?!".to_string()));
    assert!(entries(&custom, "Eh bien, bravo ! Et ensuite.").contains(&"bravo !".to_string()));
    assert!(!entries(analyzer(), "Bien. Vraiment ?!").contains(&"?!".to_string()));
}
