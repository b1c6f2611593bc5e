"""Columns for pandas and Polars, and the df.pipe helper."""

import math

import pytest

import avis_fr
from avis_fr.frame import add_scores, scores

TEXTS = ["Ce partenariat est une honte !", "Bravo pour cette initiative.", "Le logiciel libre, enfin."]


def test_pandas(analyzer, thread):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(thread)
    columns = analyzer.analyze_columns(df["text"], ids=df["id"])
    frame = pd.DataFrame(columns)
    assert len(frame) == len(df)
    assert frame["id"].tolist() == df["id"].tolist()
    scored = df.pipe(add_scores, analyzer=analyzer)
    assert list(scored.columns[: len(df.columns)]) == list(df.columns)
    assert scored["sentiment_label"].value_counts()["negative"] > 20
    assert scored["sentiment_score"].dtype == "float64"
    assert set(scored["stance_partenariat"]) <= {"against", "none", "favor"}


def test_column_dtypes(analyzer, thread):
    # `id` (a range without ids) is an integer column and the scores are floats,
    # in pandas and in Polars, with None rows or without.
    texts = [r["text"] for r in thread]
    for batch in (texts, [texts[0], None, texts[1]]):
        columns = analyzer.analyze_columns(batch, stance="score", skip_invalid=True)
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(columns)
        assert frame["id"].dtype == "int64" and frame["id"].tolist() == list(range(len(batch)))
        for name in ("sentiment_score", "stance_partenariat"):
            assert frame[name].dtype == "float64"
        pl = pytest.importorskip("polars")
        frame = pl.DataFrame(columns)
        assert frame["id"].dtype == pl.Int64 and frame["id"].to_list() == list(range(len(batch)))
        assert frame["sentiment_score"].dtype == pl.Float64
        assert frame["sentiment_score"].null_count() == batch.count(None)
        assert frame["frames"].dtype == pl.List(pl.String)


def test_pandas_missing_text(analyzer):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": [TEXTS[0], None, TEXTS[1]]})
    with pytest.raises(TypeError, match=r"texts\[1\] is not a string"):
        df.pipe(add_scores, analyzer=analyzer)
    scored = df.pipe(add_scores, analyzer=analyzer, skip_invalid=True, prefix="avis_")
    assert scored["avis_sentiment_label"].tolist()[0] == "negative"
    assert math.isnan(scored["avis_sentiment_score"][1])


def test_polars(analyzer):
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"id": [1, 2, 3], "text": TEXTS})
    frame = pl.DataFrame(analyzer.analyze_columns(df["text"], ids=df["id"]))
    assert frame.columns[:3] == ["id", "sentiment_score", "sentiment_label"]
    scored = df.pipe(add_scores, analyzer=analyzer, stance="score")
    assert scored["sentiment_label"].to_list()[:2] == ["negative", "positive"]
    assert scored["stance_partenariat"].dtype == pl.Float64
    assert scored["frames"].dtype == pl.List(pl.String)


def test_polars_frames_column_row_by_row(analyzer, thread):
    # The frames column built from the distinct sets equals Polars' own conversion
    # of the tuples, row for row, missing rows included.
    pl = pytest.importorskip("polars")
    texts = [r["text"] for r in thread] + [None]
    df = pl.DataFrame({"text": texts})
    scored = df.pipe(add_scores, analyzer=analyzer, skip_invalid=True, prefix="avis_")
    expected = analyzer.analyze_columns(texts, skip_invalid=True)["frames"]
    got = scored["avis_frames"].to_list()
    assert got == [None if f is None else list(f) for f in expected]
    assert got[-1] is None and any(len(f) > 1 for f in got[:-1])
    assert len({tuple(f) for f in got[:-1]}) > 2


def test_scores_without_a_frame_library():
    columns = scores(TEXTS)
    assert "id" not in columns
    assert columns["sentiment_label"][:2] == ["negative", "positive"]


def test_other_frames_are_refused():
    with pytest.raises(TypeError, match="pandas or polars"):
        add_scores({"text": TEXTS})
