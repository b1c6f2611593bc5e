//! `Topic::from_toml` on any text (first byte even) or on a generated, mostly valid
//! topic (odd). Bad input is an `Error` naming the source and a line of it, never a
//! panic; a topic that parses is consistent, builds an analyzer and analyses a text
//! made of its own expressions validly.
#![no_main]

use avis_fr::{Analyzer, Error, Topic};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = avis_fr_fuzz::input(data, avis_fr_fuzz::topic_toml) else {
        return;
    };
    let topic = match Topic::from_toml("fuzz.toml", &text) {
        Ok(topic) => topic,
        Err(e) => {
            assert!(matches!(e, Error::Parse { .. }), "{e:?}");
            avis_fr_fuzz::check_error_position(&e.to_string(), "fuzz.toml", &text);
            return;
        }
    };
    let ids = topic.target_ids();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "targets not sorted: {ids:?}"
    );
    if let Some(subject) = topic.subject() {
        assert!(ids.contains(&subject), "unknown subject {subject}");
    }
    let mut sample = Vec::new();
    for t in topic.targets() {
        assert!(!t.names.is_empty(), "target {} has no name", t.id);
        assert!(t.rivals.iter().all(|r| ids.contains(&r.as_str())));
        sample.extend(t.names.iter().chain(&t.against).cloned());
    }
    for f in topic.frames() {
        assert!(!f.markers.is_empty(), "frame {} has no marker", f.id);
        if let Some((target, weight)) = &f.objection {
            assert!(ids.contains(&target.as_str()));
            assert!(weight.abs() <= 1.0 && *weight != 0.0);
        }
        sample.extend(f.markers.iter().cloned());
    }
    for s in topic.stance_markers() {
        assert!(ids.contains(&s.target.as_str()));
        assert!(s.weight.abs() <= 1.0 && s.weight != 0.0);
        sample.extend(s.markers.iter().cloned());
    }
    let analyzer = match Analyzer::builder()
        .without_defaults()
        .lexicon(avis_fr_fuzz::rules_lexicon().clone())
        .topic(topic)
        .build()
    {
        Ok(analyzer) => analyzer,
        Err(e) => panic!("a valid topic does not build: {e}"),
    };
    sample.extend(["ne", "pas", "mais", "contre", "!"].map(String::from));
    let text = sample.join(" ");
    let analysis = analyzer.analyze(&text);
    avis_fr_fuzz::check_analysis(&analyzer, &text, &analysis, (-0.05, 0.05));
});
