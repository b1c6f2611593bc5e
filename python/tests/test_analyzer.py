"""The Analyzer from Python: results, string indices, batches, errors."""

import json
import subprocess
import threading

import pytest

import avis_fr
from conftest import REPO, THREAD

TOPIC = REPO / "lexicons" / "topic-consultation-2015.toml"


def test_one_text(analyzer):
    analysis = analyzer.analyze("Ce partenariat avec Microsoft est une honte !")
    assert analysis.sentiment.label == "negative"
    assert -1 <= analysis.sentiment.score < 0
    assert analysis.stance["partenariat"].label == "against"
    reasons = analysis.stance["partenariat"].because
    assert reasons and all("text" in r and "kind" in r for r in reasons)
    assert set(analysis.stance) == set(analyzer.targets)
    roles = {e.role for e in analysis.evidence}
    assert {"sentiment", "target", "stance_marker"} <= roles


def test_evidence_spans_are_string_indices(analyzer):
    # Accents, curly apostrophes and an emoji before the evidence: bytes and
    # code points differ.
    text = "L’élève 👍 dit : ce n’est pas très honnête, quelle honte !"
    analysis = analyzer.analyze(text)
    assert analysis.evidence
    raw = text.encode("utf-8")
    for e in analysis.evidence:
        assert text[e.start : e.end] == e.text
        assert raw[e.byte_start : e.byte_end].decode("utf-8") == e.text
    honnete = next(e for e in analysis.evidence if e.text == "honnête")
    assert [r.kind for r in honnete.rules][:2] == ["intensifier", "negation"]
    assert str(honnete.rules[1]) == "negation `pas` ×-0.75"
    assert honnete.rules[1].by == "pas"


def test_sentences(analyzer):
    text = "L’élève 👍 : les acteurs sont bons. Mais quel scénario raté !"
    analysis = analyzer.analyze(text)
    first, second = analysis.sentences
    assert first.text == text[first.start : first.end] == "L’élève 👍 : les acteurs sont bons."
    assert text.encode()[second.byte_start : second.byte_end].decode() == second.text
    assert first.label == "positive" and second.label == "negative"
    as_json = analysis.to_dict()["sentences"]
    assert [(s["start"], s["end"], s["score"]) for s in as_json] == [
        (s.byte_start, s.byte_end, s.score) for s in analysis.sentences
    ]


def test_to_dict_is_the_json_of_avis_score(analyzer):
    text = "Élève : une honte, ce partenariat !"
    analysis = analyzer.analyze(text)
    as_json = json.loads(analysis.to_json())
    assert analysis.to_dict() == as_json
    assert list(as_json)[0] == "sentiment"
    assert {"sentences", "stance", "frames", "evidence"} <= set(as_json)
    chars = analysis.to_dict(offsets="chars")
    for e, d in zip(analysis.evidence, chars["evidence"]):
        assert (d["start"], d["end"]) == (e.start, e.end)
    with pytest.raises(ValueError, match="offsets"):
        analysis.to_dict(offsets="lines")


def test_same_records_as_the_command_line(analyzer, thread, avis_binary):
    out = subprocess.run(
        [avis_binary, "score", "-q", "--topic", str(TOPIC), str(THREAD)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    assert len(out) == len(thread)
    for record, line, analysis in zip(thread, out, analyzer.analyze_many([r["text"] for r in thread])):
        expected = json.loads(line)
        mine = dict(record, **analysis.to_dict())
        assert json.dumps(mine, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


@pytest.mark.parametrize("threads", [None, 0, 1, 3, 16, 10**6])
def test_analyze_many_keeps_input_order(analyzer, thread, threads):
    texts = [r["text"] for r in thread] * 3
    one_by_one = [analyzer.analyze(t).to_json() for t in texts]
    batch = analyzer.analyze_many(texts, threads=threads)
    assert [a.to_json() for a in batch] == one_by_one


def test_analyze_many_takes_any_iterable(analyzer):
    assert len(analyzer.analyze_many(t for t in ["Bravo", "Honte"])) == 2
    assert analyzer.analyze_many([]) == []


def test_python_threads_share_one_analyzer(analyzer, thread):
    texts = [r["text"] for r in thread]
    expected = [analyzer.analyze(t).to_json() for t in texts]
    results = {}

    def work(k):
        results[k] = [analyzer.analyze(t).to_json() for t in texts]

    workers = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert all(r == expected for r in results.values())


def test_bad_items_name_their_index(analyzer):
    with pytest.raises(TypeError, match=r"texts\[1\] is not a string \(got NoneType\)"):
        analyzer.analyze_many(["Bravo", None, "Honte"])
    with pytest.raises(TypeError, match=r"texts\[2\] is not a string \(got int\)"):
        analyzer.analyze_columns(["a", "b", 3])
    with pytest.raises(ValueError, match=r"texts\[0\] is not valid Unicode"):
        analyzer.analyze_many(["\ud800"])
    with pytest.raises(TypeError, match="not one string"):
        analyzer.analyze_many("Bravo")
    with pytest.raises(TypeError, match="text must be a string, not bytes"):
        analyzer.analyze(b"Bravo")
    with pytest.raises(ValueError, match="text is not valid Unicode"):
        analyzer.analyze("\udcff")


def test_skip_invalid_puts_none_in_place(analyzer):
    batch = analyzer.analyze_many(["Bravo !", None, 7, "Honte."], skip_invalid=True)
    assert [a is None for a in batch] == [False, True, True, False]
    assert batch[3].sentiment.label == "negative"
    for threads in (1, 2):
        columns = analyzer.analyze_columns(["Bravo !", None] * 40, threads=threads, skip_invalid=True)
        assert columns["id"] == range(80)
        assert columns["sentiment_label"][:2] == ["positive", None]
        assert columns["sentiment_score"][1] is None
        assert all(columns[f"stance_{t}"][1] is None for t in analyzer.targets)
        assert columns["frames"][1] is None and columns["frames"][0] == ()


def test_columns(analyzer, thread):
    texts = [r["text"] for r in thread]
    ids = [r["id"] for r in thread]
    columns = analyzer.analyze_columns(texts, ids=ids, threads=2)
    stance_columns = [f"stance_{t}" for t in analyzer.targets]
    assert list(columns) == ["id", "sentiment_score", "sentiment_label", *stance_columns, "frames"]
    assert all(len(v) == len(texts) for v in columns.values())
    assert columns["id"] == ids
    # Without ids, `range(n)`: no int made per row.
    assert analyzer.analyze_columns(texts)["id"] == range(len(texts))
    assert analyzer.analyze_columns([])["id"] == range(0)
    analyses = analyzer.analyze_many(texts)
    assert columns["sentiment_score"] == [a.sentiment.score for a in analyses]
    assert columns["frames"] == [tuple(a.frames) for a in analyses]
    assert columns["stance_partenariat"] == [a.stance["partenariat"].label for a in analyses]
    scores = analyzer.analyze_columns(texts, stance="score")
    assert scores["stance_partenariat"] == [a.stance["partenariat"].score for a in analyses]
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        analyzer.analyze_columns(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="stance must be"):
        analyzer.analyze_columns(["a"], stance="both")


def test_columns_equal_analyze_many_fields(analyzer, thread):
    # Every column equals the fields of analyze_many, which equal the JSON of the
    # full analysis, on one thread and on two.
    texts = [r["text"] for r in thread]
    analyses = analyzer.analyze_many(texts)
    full = [a.to_dict() for a in analyses]
    for threads in (1, 2):
        labels = analyzer.analyze_columns(texts, threads=threads)
        scores = analyzer.analyze_columns(texts, threads=threads, stance="score")
        assert labels["sentiment_score"] == scores["sentiment_score"]
        assert labels["sentiment_score"] == [a.sentiment.score for a in analyses]
        assert labels["sentiment_score"] == [d["sentiment"]["score"] for d in full]
        assert labels["sentiment_label"] == [a.sentiment.label for a in analyses]
        assert labels["sentiment_label"] == [d["sentiment"]["label"] for d in full]
        for t in analyzer.targets:
            assert labels[f"stance_{t}"] == [a.stance[t].label for a in analyses]
            assert labels[f"stance_{t}"] == [d["stance"][t]["label"] for d in full]
            assert scores[f"stance_{t}"] == [a.stance[t].score for a in analyses]
            assert scores[f"stance_{t}"] == [d["stance"][t]["score"] for d in full]
        assert labels["frames"] == [tuple(a.frames) for a in analyses]
        # Rows with the same frames share one tuple.
        assert len({id(f) for f in labels["frames"]}) == len(set(labels["frames"]))
        assert labels["frames"] == [tuple(d["frames"]) for d in full]


def test_analysis_keeps_the_str_it_was_given(analyzer):
    class Text(str):
        pass

    text = "Quelle honte, ce partenariat !"
    for analysis in (analyzer.analyze(text), analyzer.analyze_many([text])[0]):
        assert analysis.text is text
    for analysis in (analyzer.analyze(Text(text)), analyzer.analyze_many([Text(text)])[0]):
        assert type(analysis.text) is str and analysis.text == text
        assert analysis.sentiment.label == "negative"


def test_topic_errors_carry_the_library_message():
    with pytest.raises(avis_fr.AvisError) as caught:
        avis_fr.Analyzer(topic='[targets.x]\nnames = []\n')
    assert str(caught.value).startswith("<topic>:1:1: target `x` has no expression")
    assert caught.value.kind == "parse"
    with pytest.raises(avis_fr.AvisError, match="neither a built-in topic") as caught:
        avis_fr.Analyzer(topic="consultation-2016")
    assert caught.value.kind == "io"
    with pytest.raises(TypeError, match="topic must be"):
        avis_fr.Analyzer(topic=42)


def test_lexicons_from_text_and_path(tmp_path):
    tsv = "term\tkind\tvalence\tnote\nbétonnage\tsentiment\t-3\t\n"
    assert avis_fr.Analyzer(lexicons=[tsv]).analyze("Encore du bétonnage.").sentiment.label == "negative"
    path = tmp_path / "mine.tsv"
    path.write_text(tsv, encoding="utf-8")
    for spec in (path, str(path)):
        assert avis_fr.Analyzer(lexicons=[spec]).analyze("Du bétonnage.").sentiment.label == "negative"
    path.write_text("term\tkind\tvalence\tnote\nx\tsentiment\t9\t\n", encoding="utf-8")
    with pytest.raises(avis_fr.AvisError, match=r"mine\.tsv:2:\d+: valence 9 out of range"):
        avis_fr.Analyzer(lexicons=[path])
    with pytest.raises(TypeError, match=r"lexicons\[1\] must be"):
        avis_fr.Analyzer(lexicons=[tsv, 3])


def test_topic_from_path_and_text(analyzer):
    text = TOPIC.read_text(encoding="utf-8")
    for spec in (TOPIC, str(TOPIC), text):
        assert avis_fr.Analyzer(topic=spec).targets == analyzer.targets


def test_thresholds():
    with pytest.raises(avis_fr.AvisError, match="thresholds") as caught:
        avis_fr.Analyzer(thresholds=(0.5, -0.5))
    assert caught.value.kind == "config"
    wide = avis_fr.Analyzer(thresholds=(-0.99, 0.99))
    assert wide.analyze("Une honte.").sentiment.label == "neutral"


def test_tokenize():
    text = "L’élève 👍 va-t-on ?"
    tokens = avis_fr.tokenize(text)
    assert [t["text"] for t in tokens] == ["L’", "élève", "👍", "va", "-t-on", "?"]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
    assert tokens[2]["kind"] == "emoji"
    with pytest.raises(TypeError):
        avis_fr.tokenize(None)


def test_docstrings():
    for obj in (avis_fr.Analyzer, avis_fr.Analyzer.analyze, avis_fr.Analyzer.analyze_many,
                avis_fr.Analyzer.analyze_columns, avis_fr.Analysis, avis_fr.Analysis.to_dict,
                avis_fr.tokenize, avis_fr.Evidence, avis_fr.AvisError):
        assert obj.__doc__ and len(obj.__doc__) > 20, obj


def test_batch_results_read_late_equal_eager_ones(analyzer, thread):
    # analyze_many keeps sentiment and frames; the rest is worked out on first read.
    texts = [r["text"] for r in thread]
    for lazy, text in zip(analyzer.analyze_many(texts), texts):
        eager = analyzer.analyze(text)
        assert lazy.text == text
        assert lazy.sentiment.score == eager.sentiment.score
        assert lazy.frames == eager.frames
        assert lazy.to_dict() == eager.to_dict()
        for target, stance in lazy.stance.items():
            assert (stance.score, stance.label) == (eager.stance[target].score, eager.stance[target].label)
            assert stance.because == eager.stance[target].because
        assert [(e.start, e.end, e.text) for e in lazy.evidence] == [
            (e.start, e.end, e.text) for e in eager.evidence
        ]


def test_an_analyzer_pickles_by_its_arguments(analyzer):
    import pickle

    tsv = "term\tkind\tvalence\tnote\nbétonnage\tsentiment\t-3\t\n"
    mine = avis_fr.Analyzer(iter([tsv]), topic="consultation-2015", thresholds=(-0.2, 0.2))
    again = pickle.loads(pickle.dumps(mine))
    assert again.targets == analyzer.targets
    text = "Encore du bétonnage, ce partenariat."
    assert again.analyze(text).to_json() == mine.analyze(text).to_json()
    assert mine.analyze(text).sentiment.label == "negative"


def test_an_analysis_pickles_as_its_analyzer_and_text(analyzer):
    import pickle

    analysis = analyzer.analyze("Ce partenariat ? Une honte !")
    again = pickle.loads(pickle.dumps(analysis))
    assert again.to_json() == analysis.to_json()
    assert again.text == analysis.text


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_long_batches_with_bad_items(analyzer, threads):
    # Longer than one run of texts sent to the workers (64), bad items late.
    texts = ["Bravo !", "Une honte."] * 150
    with pytest.raises(TypeError, match=r"texts\[300\] is not a string \(got NoneType\)"):
        analyzer.analyze_many(texts + [None], threads=threads)
    batch = analyzer.analyze_many(texts[:130] + [None] + texts[130:], threads=threads, skip_invalid=True)
    assert len(batch) == 301 and batch[130] is None
    assert [a.sentiment.label for a in batch[128:133] if a] == ["positive", "negative", "positive", "negative"]

    def failing():
        yield from texts
        raise KeyError("the iterable failed")

    with pytest.raises(KeyError, match="the iterable failed"):
        analyzer.analyze_columns(failing(), threads=threads, skip_invalid=True)


def test_a_model_fitted_by_avis_fit(tmp_path, avis_binary):
    """`Analyzer(model=...)` reads what `avis fit` wrote: its lines show as `model`."""
    model = tmp_path / "model"
    labelled = REPO / "tests" / "fit" / "tramway-labelled.csv"
    subprocess.run([avis_binary, "fit", "-q", str(labelled), "-o", str(model)], check=True, capture_output=True)
    analyzer = avis_fr.Analyzer(model=str(model))
    analysis = analyzer.analyze("Encore des bouchons rue Nationale.")
    assert analysis.sentiment.label == "negative"
    bouchons = next(e for e in analysis.evidence if e.text == "bouchons")
    assert bouchons.source == "model"
    assert avis_fr.Analyzer().analyze("Encore des bouchons.").sentiment.label == "neutral"
    (model / "model.toml").write_text((model / "model.toml").read_text().replace('"0.', '"9.', 1))
    with pytest.raises(avis_fr.AvisError) as error:
        avis_fr.Analyzer(model=str(model))
    assert error.value.kind == "model"


def test_fit_learns_from_labels(tmp_path):
    """`analyzer.fit(texts, labels, model_dir)`: the new analyzer and its report."""
    import csv

    with open(REPO / "tests" / "fit" / "tramway-labelled.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    fitted, report = avis_fr.Analyzer().fit(texts, labels, tmp_path / "model", ids=[r["id"] for r in rows])
    assert report["texts"] == len(rows)
    assert report["after"]["macro_f1"] > report["before"]["macro_f1"]
    assert (tmp_path / "model" / "lexicon.tsv").exists()
    analysis = fitted.analyze("Encore des bouchons rue Nationale.")
    assert analysis.sentiment.label == "negative"
    assert any(e.source == "model" for e in analysis.evidence)
    with pytest.raises(avis_fr.AvisError) as error:
        avis_fr.Analyzer().fit(texts, ["bof"] * len(texts), tmp_path / "bad")
    assert error.value.kind == "labels"
    assert "bof" in str(error.value)
