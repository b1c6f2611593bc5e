//! What a user of the library writes, and must compile and hold: analyses that
//! outlive their text and analyzer, caches kept by the caller, errors matched by
//! kind, labels spelled as in JSON.

use std::io::Write;
use std::path::Path;

use avis_fr::{
    Analysis, Analyzer, Cache, ErrorKind, Label, Lexicon, Role, RuleKind, StanceLabel, Topic,
};

/// Reads a file of one comment per line and returns its analyses: they outlive
/// both the file's text and the analyzer.
fn analyse_file(path: &Path) -> std::io::Result<Vec<Analysis<'static>>> {
    let text = std::fs::read_to_string(path)?;
    let analyzer = Analyzer::default();
    Ok(text
        .lines()
        .map(|line| analyzer.analyze(line).into_owned())
        .collect())
}

/// Analyses kept beside the analyzer that made them.
struct Corpus {
    analyzer: Analyzer,
    analyses: Vec<Analysis<'static>>,
}

impl Corpus {
    fn add(&mut self, text: String) {
        let analysis = self.analyzer.analyze(&text).into_owned();
        self.analyses.push(analysis);
    }
}

#[test]
fn owned_analyses_outlive_text_and_analyzer() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("comments.txt");
    let mut file = std::fs::File::create(&path).expect("a file");
    writeln!(
        file,
        "Ce partenariat est une honte !\nBravo pour cette initiative."
    )
    .expect("written");
    let analyses = analyse_file(&path).expect("read");
    assert_eq!(analyses[0].sentiment.label, Label::Negative);
    assert_eq!(analyses[1].sentiment.label, Label::Positive);

    let mut corpus = Corpus {
        analyzer: Analyzer::default(),
        analyses: Vec::new(),
    };
    for text in ["Quelle honte.".to_string(), "Merci !".to_string()] {
        corpus.add(text);
    }
    assert_eq!(corpus.analyses.len(), 2);

    let from_thread = std::thread::spawn(|| {
        let analyzer = Analyzer::default();
        let text = String::from("Je ne suis pas content.");
        analyzer.analyze(&text).into_owned()
    })
    .join()
    .expect("the thread");
    let negated = from_thread.evidence.iter().flat_map(|e| &e.rules);
    assert!(negated.clone().any(|r| r.kind == RuleKind::Negation));
}

#[test]
fn a_cache_kept_by_the_caller_changes_no_result() {
    let default = Analyzer::default();
    let other = Analyzer::builder()
        .topic(Topic::default())
        .build()
        .expect("an analyzer");
    let mut cache = Cache::new();
    let texts = [
        "Une honte !",
        "Pas mal du tout, bravo.",
        "Le logiciel libre, enfin.",
    ];
    for _ in 0..2 {
        for text in texts {
            // One cache, two analyzers in turn: each gets its own answers.
            assert_eq!(
                default.analyze_with(&mut cache, text),
                default.analyze(text)
            );
            assert_eq!(other.analyze_with(&mut cache, text), other.analyze(text));
        }
    }
}

#[test]
fn errors_have_a_kind_and_labels_their_json_spelling() {
    let bad = Lexicon::from_tsv("x.tsv", "term\tkind\tvalence\tnote\nmot\tsentiment\t9\t\n");
    assert_eq!(bad.map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Parse));
    let config = Analyzer::builder().thresholds(0.5, -0.5).build();
    assert_eq!(
        config.map(|_| ()).map_err(|e| e.kind()),
        Err(ErrorKind::Config)
    );
    let io = Lexicon::from_path("/nonexistent/avis.tsv");
    assert_eq!(io.map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Io));
    for label in [StanceLabel::Against, StanceLabel::None, StanceLabel::Favor] {
        let json = serde_json::to_value(label).expect("serializes");
        assert_eq!(json, label.as_str());
        assert_eq!(label.to_string(), label.as_str());
    }
    for role in Role::ALL {
        assert_eq!(
            serde_json::to_value(role).expect("serializes"),
            role.as_str()
        );
    }
    assert_eq!(Label::Positive.to_string(), "positive");
}

#[test]
fn a_target_that_may_not_exist_is_asked_with_get() {
    // No topic by default: sentiment and evidence, no targets.
    let default = Analyzer::default();
    let general = default.analyze("Le tramway, quelle horreur.");
    assert!(general.stance.is_empty() && general.frames.is_empty());
    assert_eq!(general.sentiment.label, Label::Negative);
    let topic = Topic::builtin("consultation-2015").expect("the built-in topic");
    let analyzer = Analyzer::builder()
        .topic(topic)
        .build()
        .expect("an analyzer");
    let analysis = analyzer.analyze("Le tramway, quelle horreur.");
    let label = |id: &str| analysis.stance.get(id).map(|s| s.label);
    assert_eq!(label("tramway"), None);
    assert_eq!(label("partenariat"), Some(StanceLabel::Against));
}
