//! The French behaviour suite (CheckList, Ribeiro et al. 2020): what the engine
//! should do with French as people write it, one behaviour per file of
//! `tests/behaviour/` (the format is in the README's "Behaviour suite").
//!
//! No behaviour may pass fewer cases than its line in `tests/behaviour/ratchet.tsv`.
//! `--nocapture` prints the table; `AVIS_BEHAVIOUR_VERBOSE=1` the failing cases;
//! `AVIS_BEHAVIOUR_WRITE=1` rewrites the ratchet and the README's table to today's
//! counts; `AVIS_BEHAVIOUR_JSON=path` also writes every case's result as JSON.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use avis_fr::{Analyzer, Topic};
use serde::Serialize;

const MIN_BEHAVIOURS: usize = 25;
const MIN_CASES: usize = 15;
const HEADER: &str = "check\ttarget\ttext\texpect";
const RATCHET: &str = "tests/behaviour/ratchet.tsv";
const TABLE_START: &str = "<!-- behaviour table -->";
const TABLE_END: &str = "<!-- /behaviour table -->";
/// Scores closer than this are equal: `stronger` must not pass on rounding noise.
const EPSILON: f64 = 1e-9;
const SENTIMENT_LABELS: [&str; 3] = ["negative", "neutral", "positive"];
const STANCE_LABELS: [&str; 3] = ["against", "none", "favor"];

/// The kinds of case: `label` and `stance` expect a label, the others compare two texts.
const CHECKS: [&str; 6] = ["label", "stance", "same", "flip", "stronger", "weaker"];

fn compares(check: &str) -> bool {
    !matches!(check, "label" | "stance")
}

struct Case {
    line: usize,
    check: &'static str,
    /// Empty: the case is about sentiment. Else the target's names, `|` between
    /// names, `+` before other targets of the same topic.
    target: String,
    text: String,
    /// A label, or the second text of a comparison.
    expect: String,
}

struct Behaviour {
    name: String,
    file: String,
    /// The file's first comment line.
    about: String,
    cases: Vec<Case>,
}

impl Behaviour {
    fn checks(&self) -> String {
        let used = |c: &&str| self.cases.iter().any(|case| case.check == *c);
        let used: Vec<&str> = CHECKS.into_iter().filter(used).collect();
        used.join(", ")
    }
}

/// A file of the repository: the test reads nothing outside it.
fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every behaviour file, by name; a malformed line fails, as `file:line: why`.
fn suite() -> Vec<Behaviour> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo("tests/behaviour"))
        .expect("tests/behaviour/")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv") && !p.ends_with("ratchet.tsv"))
        .collect();
    paths.sort();
    let mut errors = Vec::new();
    let suite = paths.iter().map(|p| parse_file(p, &mut errors)).collect();
    let errors = errors.join("\n");
    assert!(errors.is_empty(), "malformed behaviour files:\n{errors}");
    suite
}

fn parse_file(path: &Path, errors: &mut Vec<String>) -> Behaviour {
    let name = path.file_stem().expect("a name").to_string_lossy();
    let name = name.into_owned();
    let file = format!("tests/behaviour/{name}.tsv");
    let (mut about, mut cases, mut header) = (String::new(), Vec::new(), false);
    for (i, line) in read(path).lines().enumerate() {
        let (line, at) = (line.trim_end_matches('\r'), format!("{file}:{}", i + 1));
        if line.trim().is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if about.is_empty() && !header {
                about = comment.trim().to_string();
            }
        } else if !header {
            header = true;
            if line != HEADER {
                errors.push(format!("{at}: expected the header {HEADER:?}"));
            }
        } else {
            match parse_case(line, i + 1) {
                Ok(case) => cases.push(case),
                Err(why) => errors.push(format!("{at}: {why}")),
            }
        }
    }
    if about.is_empty() {
        errors.push(format!("{file}: no comment line says what it tests"));
    }
    Behaviour {
        name,
        file,
        about,
        cases,
    }
}

fn parse_case(line: &str, number: usize) -> Result<Case, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [check, target, text, expect] = fields[..] else {
        return Err(format!("{} fields, expected 4", fields.len()));
    };
    let Some(check) = CHECKS.into_iter().find(|c| *c == check) else {
        return Err(format!("unknown check `{check}`: one of {CHECKS:?}"));
    };
    if text.trim().is_empty() || expect.trim().is_empty() {
        return Err("empty text or expect".into());
    }
    // Names go into TOML strings: none empty, no quotes or backslashes.
    let bad = |n: &str| n.trim().is_empty() || n.contains(['"', '\\']);
    if !target.is_empty() && target.split(['+', '|']).any(bad) {
        return Err(format!("bad target `{target}`"));
    }
    let labels: &[&str] = match check {
        "label" if !target.is_empty() => return Err("a `label` case has no target".into()),
        "stance" if target.is_empty() => return Err("a `stance` case needs a target".into()),
        "label" => &SENTIMENT_LABELS,
        "stance" => &STANCE_LABELS,
        _ if text == expect => return Err("a comparison needs two different texts".into()),
        _ => &[],
    };
    if !compares(check) && !labels.contains(&expect) {
        return Err(format!("expected label `{expect}` is none of {labels:?}"));
    }
    let (target, text, expect) = (target.into(), text.into(), expect.into());
    Ok(Case {
        line: number,
        check,
        target,
        text,
        expect,
    })
}

/// What the engine said of one text: the sentiment, or the stance toward a target.
#[derive(Clone, Copy, Serialize)]
struct Observed {
    label: &'static str,
    score: f64,
}

impl std::fmt::Display for Observed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({:+.2})", self.label, self.score)
    }
}

/// -1, 0 or 1: negative/against, neutral/none, positive/favor.
fn polarity(label: &str) -> i8 {
    match label {
        "negative" | "against" => -1,
        "positive" | "favor" => 1,
        _ => 0,
    }
}

/// The analyzers: one without a topic for sentiment, one per target column.
#[derive(Default)]
struct Engine {
    plain: Analyzer,
    topics: BTreeMap<String, Analyzer>,
}

impl Engine {
    fn observe(&mut self, target: &str, text: &str) -> Observed {
        if target.is_empty() {
            let sentiment = self.plain.analyze(text).sentiment;
            let (label, score) = (sentiment.label.as_str(), sentiment.score);
            return Observed { label, score };
        }
        let analyzer = self.topics.entry(target.into());
        let analyzer = analyzer.or_insert_with(|| topic(target));
        let stance = &analyzer.analyze(text).stance["t0"];
        let (label, score) = (stance.label.as_str(), stance.score);
        Observed { label, score }
    }
}

/// An analyzer whose topic's target `t0` has the first group's names; the other
/// groups (after `+`) are the other targets a reader of these comments follows.
fn topic(target: &str) -> Analyzer {
    let mut toml = String::new();
    for (i, group) in target.split('+').enumerate() {
        let names = group.split('|').map(|n| format!("\"{}\"", n.trim()));
        let names = names.collect::<Vec<_>>().join(", ");
        toml += &format!("[targets.t{i}]\nnames = [{names}]\n");
    }
    let topic = Topic::from_toml(target, &toml).expect("a valid topic");
    let analyzer = Analyzer::builder().topic(topic).build();
    analyzer.expect("an analyzer")
}

/// One case's result: what the JSON output holds for it.
#[derive(Serialize)]
struct Outcome<'s> {
    line: usize,
    check: &'static str,
    /// `sentiment`, or `stance` toward the target.
    measure: &'static str,
    target: Option<&'s str>,
    texts: Vec<&'s str>,
    /// The label for `label` and `stance`; the relation (the check) for comparisons.
    expected: &'s str,
    got: Vec<Observed>,
    passed: bool,
}

fn run<'s>(engine: &mut Engine, case: &'s Case) -> Outcome<'s> {
    let first = engine.observe(&case.target, &case.text);
    let target = Some(case.target.as_str()).filter(|t| !t.is_empty());
    let mut outcome = Outcome {
        line: case.line,
        check: case.check,
        measure: target.map_or("sentiment", |_| "stance"),
        target,
        texts: vec![&case.text],
        expected: &case.expect,
        got: vec![first],
        passed: first.label == case.expect,
    };
    if compares(case.check) {
        let second = engine.observe(&case.target, &case.expect);
        let (a, b) = (first.score, second.score);
        let same_sign = a * b > 0.0;
        outcome.passed = match case.check {
            "same" => first.label == second.label,
            "flip" => polarity(first.label) * polarity(second.label) == -1,
            "stronger" => same_sign && b.abs() > a.abs() + EPSILON,
            "weaker" => same_sign && b.abs() + EPSILON < a.abs(),
            other => unreachable!("{other} is not a comparison"),
        };
        (outcome.expected, outcome.got) = (case.check, vec![first, second]);
        outcome.texts.push(&case.expect);
    }
    outcome
}

/// One behaviour's results: what the JSON output holds for it.
#[derive(Serialize)]
struct Summary<'s> {
    name: &'s str,
    about: &'s str,
    file: &'s str,
    checks: String,
    cases: usize,
    passed: usize,
    results: Vec<Outcome<'s>>,
}

fn summarize<'s>(engine: &mut Engine, b: &'s Behaviour) -> Summary<'s> {
    let results: Vec<Outcome> = b.cases.iter().map(|case| run(engine, case)).collect();
    Summary {
        name: &b.name,
        about: &b.about,
        file: &b.file,
        checks: b.checks(),
        cases: b.cases.len(),
        passed: results.iter().filter(|o| o.passed).count(),
        results,
    }
}

/// The committed minimum passes per behaviour.
fn ratchet() -> BTreeMap<String, usize> {
    let text = read(&repo(RATCHET));
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(lines.next(), Some("behaviour\tpassed"), "header");
    let mut ratchet = BTreeMap::new();
    for line in lines {
        let (name, min) = line.split_once('\t').expect("behaviour<TAB>passed");
        let min = min.parse().expect("a number of cases");
        assert!(
            ratchet.insert(name.to_string(), min).is_none(),
            "{name} twice"
        );
    }
    ratchet
}

fn write_ratchet(summaries: &[Summary]) {
    let mut text = String::from(
        "# The minimum number of cases each behaviour must pass: `cargo test` fails below.\n\
         # Raise it as work lands: AVIS_BEHAVIOUR_WRITE=1 cargo test --release --test behaviour\n\
         behaviour\tpassed\n",
    );
    for s in summaries {
        text += &format!("{}\t{}\n", s.name, s.passed);
    }
    std::fs::write(repo(RATCHET), text).expect("the ratchet written");
}

fn rate(passed: usize, cases: usize) -> f64 {
    100.0 * passed as f64 / cases.max(1) as f64
}

/// The README's table, markers included: each behaviour's cases and committed passes.
fn table(suite: &[Behaviour], ratchet: &BTreeMap<String, usize>) -> String {
    let mut table =
        format!("{TABLE_START}\n| behaviour | what it tests | checks | cases | passed | rate |\n");
    table += "|---|---|---|---:|---:|---:|\n";
    let (mut cases, mut passes) = (0, 0);
    for b in suite {
        let (n, p) = (b.cases.len(), ratchet.get(&b.name).copied().unwrap_or(0));
        (cases, passes) = (cases + n, passes + p);
        let (name, about, checks) = (&b.name, b.about.replace('|', "\\|"), b.checks());
        let rate = rate(p, n);
        table += &format!("| `{name}` | {about} | {checks} | {n} | {p} | {rate:.0}% |\n");
    }
    let (all, rate) = (suite.len(), rate(passes, cases));
    table += &format!("| all {all} behaviours | | | {cases} | {passes} | {rate:.0}% |\n");
    table + TABLE_END
}

/// Where the README's table is, markers included.
fn table_span(readme: &str) -> (usize, usize) {
    let start = readme.find(TABLE_START).expect("the README's table marker");
    let end = readme[start..].find(TABLE_END).expect("its end marker");
    (start, start + end + TABLE_END.len())
}

fn write_readme(table: &str) {
    let text = read(&repo("README.md"));
    let (start, end) = table_span(&text);
    let text = format!("{}{table}{}", &text[..start], &text[end..]);
    std::fs::write(repo("README.md"), text).expect("the README written");
}

fn print(summaries: &[Summary], verbose: bool) {
    let row = |name: &str, checks: &str, n: usize, p: usize| {
        println!("{name:<28} {checks:<20} {n:>5} {p:>6} {:>4.0}%", rate(p, n));
    };
    println!("{:<28} {:<20} cases passed  rate", "behaviour", "checks");
    for s in summaries {
        row(s.name, &s.checks, s.cases, s.passed);
    }
    let cases = summaries.iter().map(|s| s.cases).sum();
    row("all", "", cases, summaries.iter().map(|s| s.passed).sum());
    for s in summaries.iter().filter(|_| verbose) {
        for o in s.results.iter().filter(|o| !o.passed) {
            let got: Vec<String> = o.got.iter().map(Observed::to_string).collect();
            let target = o.target.map(|t| format!(" [{t}]")).unwrap_or_default();
            let (file, line, check, text) = (s.file, o.line, o.check, o.texts[0]);
            println!("FAIL {file}:{line} {check}{target}: {text:?}");
            let expected = o.texts.get(1).map_or(o.expected, |second| *second);
            println!("     expected {expected:?}, got {}", got.join(" then "));
        }
    }
}

fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0")
}

/// What is wrong with the suite's size: too few behaviours, or cases in one.
fn size_problems(suite: &[Behaviour]) -> Vec<String> {
    let mut problems = Vec::new();
    if suite.len() < MIN_BEHAVIOURS {
        problems.push(format!(
            "{} behaviours, {MIN_BEHAVIOURS} wanted",
            suite.len()
        ));
    }
    for b in suite.iter().filter(|b| b.cases.len() < MIN_CASES) {
        let (file, n) = (&b.file, b.cases.len());
        problems.push(format!("{file}: {n} cases, {MIN_CASES} wanted"));
    }
    problems
}

/// Behaviours below their ratchet, or missing from it, and ratchet lines of no
/// behaviour; a note for each behaviour above it.
fn ratchet_problems(summaries: &[Summary]) -> Vec<String> {
    let (mut ratchet, mut problems) = (ratchet(), Vec::new());
    for s in summaries {
        let (now, name) = (s.passed, s.name);
        match ratchet.remove(name) {
            None => problems.push(format!("{name}: no line in {RATCHET}")),
            Some(min) if now < min => problems.push(format!(
                "{name}: {now} cases pass, its ratchet says {min} (AVIS_BEHAVIOUR_VERBOSE=1 shows them)"
            )),
            Some(min) if now > min => println!(
                "note: {name} passes {now} cases, its ratchet says {min}: raise it (AVIS_BEHAVIOUR_WRITE=1)"
            ),
            Some(_) => {}
        }
    }
    let orphans = ratchet
        .keys()
        .map(|name| format!("{RATCHET}: no file for `{name}`"));
    problems.extend(orphans);
    problems
}

fn write_json(path: &std::ffi::OsStr, summaries: &[Summary]) {
    let cases: usize = summaries.iter().map(|s| s.cases).sum();
    let passed: usize = summaries.iter().map(|s| s.passed).sum();
    let all = serde_json::json!({"cases": cases, "passed": passed, "behaviours": summaries});
    let text = serde_json::to_string_pretty(&all).expect("JSON");
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
}

/// Each behaviour passes at least its ratchet's count of cases.
#[test]
fn behaviours_hold_their_ratchet() {
    let suite = suite();
    let mut engine = Engine::default();
    let summaries: Vec<Summary> = suite.iter().map(|b| summarize(&mut engine, b)).collect();
    print(&summaries, env_set("AVIS_BEHAVIOUR_VERBOSE"));
    if let Some(path) = std::env::var_os("AVIS_BEHAVIOUR_JSON").filter(|p| !p.is_empty()) {
        write_json(&path, &summaries);
    }
    if env_set("AVIS_BEHAVIOUR_WRITE") {
        write_ratchet(&summaries);
        write_readme(&table(&suite, &ratchet()));
        println!("wrote {RATCHET} and the README's table");
    }
    let mut problems = size_problems(&suite);
    problems.extend(ratchet_problems(&summaries));
    let problems = problems.join("\n");
    assert!(problems.is_empty(), "behaviour suite:\n{problems}");
}

/// The README's table is the committed ratchet's (both are rewritten together by
/// `AVIS_BEHAVIOUR_WRITE=1`), so that the two cannot drift apart.
#[test]
fn readme_table_is_the_ratchets() {
    if env_set("AVIS_BEHAVIOUR_WRITE") {
        return; // the other test is rewriting both
    }
    let readme = read(&repo("README.md"));
    let (start, end) = table_span(&readme);
    let expected = table(&suite(), &ratchet());
    assert!(
        readme[start..end] == expected,
        "the README's behaviour table is not {RATCHET}'s: run \
         AVIS_BEHAVIOUR_WRITE=1 cargo test --release --test behaviour\nexpected:\n{expected}"
    );
}
