"""`analyze_columns` over data frames' Arrow string columns: read from their
buffers, with the same columns as from a list of the same texts."""

import pytest

import avis_fr._input
from avis_fr.frame import add_scores

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def texts(thread):
    return [r["text"] for r in thread]


@pytest.fixture(scope="module")
def expected(analyzer, texts):
    return analyzer.analyze_columns(texts, stance="score")


@pytest.fixture
def no_list(monkeypatch):
    """Fail if a column is converted to a list: the Arrow path must take it."""

    def refuse(texts):
        raise AssertionError(f"{type(texts).__name__} converted to a list")

    monkeypatch.setattr(avis_fr._input, "as_list", refuse)


def arrow_columns(texts):
    """The same texts in each Arrow layout a column can have."""
    array = pa.array(texts)
    thirds = [texts[:10], texts[10:11], [], texts[11:]]
    yield "string", array
    yield "large_string", array.cast(pa.large_string())
    yield "chunked", pa.chunked_array(thirds, type=pa.string())
    yield "dictionary", array.dictionary_encode()
    if hasattr(pa, "string_view"):
        yield "string_view", array.cast(pa.string_view())
    # A slice starts inside its buffers.
    padded = pa.array(["avant"] * 3 + texts + ["après"])
    yield "slice", padded.slice(3, len(texts))
    # Read as it is (no cast), its offset included.
    yield "large_string slice", padded.cast(pa.large_string()).slice(3, len(texts))


@pytest.mark.parametrize("threads", [1, 2])
def test_every_arrow_layout_gives_the_list_columns(analyzer, texts, expected, threads, no_list):
    for name, column in arrow_columns(texts):
        got = analyzer.analyze_columns(column, threads=threads, stance="score")
        assert got == expected, name


def test_pandas_and_polars_columns_are_read_from_arrow(analyzer, texts, expected, no_list):
    pd = pytest.importorskip("pandas")
    for dtype in ("string[pyarrow]", pd.ArrowDtype(pa.large_string())):
        series = pd.Series(texts, dtype=dtype)
        assert analyzer.analyze_columns(series, stance="score") == expected, dtype
        assert analyzer.analyze_columns(series.array, stance="score") == expected, dtype
    pl = pytest.importorskip("polars")
    assert analyzer.analyze_columns(pl.Series(texts), stance="score") == expected


def test_other_columns_are_converted_at_once(analyzer, texts, expected):
    pd = pytest.importorskip("pandas")
    series = pd.Series(texts, dtype=object)
    assert avis_fr._input.arrow_chunks(series) is None
    assert analyzer.analyze_columns(series, stance="score") == expected
    # Not strings at all: each item is reported, as from a list.
    with pytest.raises(TypeError, match=r"texts\[0\] is not a string \(got int\)"):
        analyzer.analyze_columns(pa.array([1, 2]))


def test_a_null_is_a_missing_text(analyzer, texts):
    # Counted across chunks: the null is item 2 of the column.
    column = pa.chunked_array([[texts[0], texts[1]], [None, texts[2]]])
    with pytest.raises(TypeError, match=r"texts\[2\] is not a string \(got a null\)"):
        analyzer.analyze_columns(column)
    got = analyzer.analyze_columns(column, skip_invalid=True)
    want = analyzer.analyze_columns([texts[0], texts[1], None, texts[2]], skip_invalid=True)
    assert got == want
    assert got["sentiment_score"][2] is None and got["frames"][2] is None
    # A missing text in a pandas or Polars column is a null of its Arrow column.
    pd = pytest.importorskip("pandas")
    series = pd.Series([texts[0], None, texts[1]], dtype="string[pyarrow]")
    with pytest.raises(TypeError, match=r"texts\[1\] is not a string \(got a null\)"):
        analyzer.analyze_columns(series)
    pl = pytest.importorskip("polars")
    series = pl.Series([texts[0], None, texts[1]])
    assert analyzer.analyze_columns(series, skip_invalid=True)["sentiment_label"][1] is None


def test_a_slice_reads_its_own_nulls(analyzer, texts):
    # The validity bits and offsets of a slice start at its offset in the buffers.
    column = pa.array([None, texts[0], None, texts[1], texts[2], None]).slice(2, 3)
    got = analyzer.analyze_columns(column, skip_invalid=True)
    assert got == analyzer.analyze_columns([None, texts[1], texts[2]], skip_invalid=True)
    with pytest.raises(TypeError, match=r"texts\[0\] is not a string \(got a null\)"):
        analyzer.analyze_columns(column)


def test_an_empty_column_has_empty_columns(analyzer):
    for column in (pa.array([], type=pa.string()), pa.chunked_array([], type=pa.large_string())):
        got = analyzer.analyze_columns(column)
        assert got["id"] == range(0) and got["sentiment_score"] == [] and got["frames"] == []


def test_bytes_that_are_not_utf8_are_refused(analyzer):
    offsets = pa.py_buffer(pa.array([0, 2, 5], type=pa.int64()).buffers()[1])
    data = pa.py_buffer(b"ok\xff\xfeo")
    column = pa.Array.from_buffers(pa.large_string(), 2, [None, offsets, data])
    with pytest.raises(ValueError, match=r"texts\[1\] is not valid UTF-8"):
        analyzer.analyze_columns(column)


def test_ids_and_the_frame_helper_take_arrow_columns(analyzer, texts, no_list):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": range(len(texts)), "text": pd.Series(texts, dtype="string[pyarrow]")})
    columns = analyzer.analyze_columns(df["text"], ids=df["id"])
    assert columns["id"] == list(range(len(texts)))
    scored = df.pipe(add_scores, analyzer=analyzer)
    assert scored["sentiment_label"].tolist() == analyzer.analyze_columns(texts)["sentiment_label"]


def test_analyze_many_converts_a_series_at_once(analyzer, texts, monkeypatch):
    pd = pytest.importorskip("pandas")
    converted = []
    as_list = avis_fr._input.as_list

    def spy(column):
        converted.append(type(column).__name__)
        return as_list(column)

    monkeypatch.setattr(avis_fr._input, "as_list", spy)
    got = analyzer.analyze_many(pd.Series(texts))
    assert converted == ["Series"]
    assert [a.to_dict() for a in got] == [a.to_dict() for a in analyzer.analyze_many(texts)]
    # A list is read as it is.
    analyzer.analyze_many(texts)
    assert converted == ["Series"]
