"""Scores as data-frame columns, for pandas and Polars alike.

Neither library is imported here: the frame given says which it is.

>>> import pandas as pd, avis_fr
>>> from avis_fr.frame import add_scores
>>> df = pd.DataFrame({"text": ["Une honte !", "Bravo pour cette initiative."]})
>>> df = df.pipe(add_scores, analyzer=avis_fr.Analyzer())
>>> list(df["sentiment_label"])
['negative', 'positive']
"""

from __future__ import annotations

from typing import Any, Optional

from avis_fr._native import Analyzer

_DEFAULT: Optional[Analyzer] = None


def _default_analyzer() -> Analyzer:
    """One default analyzer per process, built on first use (building takes ~15 ms)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


def scores(
    texts: Any,
    analyzer: Optional[Analyzer] = None,
    *,
    threads: Optional[int] = None,
    stance: str = "label",
    skip_invalid: bool = False,
) -> dict:
    """The score columns of ``texts`` (without ``id``): ``sentiment_score``,
    ``sentiment_label``, ``stance_<target>`` per target and ``frames``, each a list.

    ``texts`` is any iterable of ``str`` (a list, a pandas Series, a Polars Series):
    ``Analyzer.analyze_columns`` reads a column stored in Arrow from its buffers.
    """
    analyzer = analyzer or _default_analyzer()
    columns = analyzer.analyze_columns(
        texts, threads=threads, stance=stance, skip_invalid=skip_invalid
    )
    del columns["id"]
    return columns


def add_scores(
    df: Any,
    column: str = "text",
    analyzer: Optional[Analyzer] = None,
    *,
    prefix: str = "",
    threads: Optional[int] = None,
    stance: str = "label",
    skip_invalid: bool = False,
) -> Any:
    """``df`` with the score columns of its ``column`` added (``prefix`` before
    each name): ``df.pipe(add_scores, analyzer=...)``.

    Works on a ``pandas.DataFrame`` (returns a new frame, ``df.assign``) and a
    ``polars.DataFrame`` (``df.with_columns``); a missing text (``None``, NaN) raises
    unless ``skip_invalid=True``, which leaves its row's scores empty.
    """
    columns = scores(
        df[column], analyzer, threads=threads, stance=stance, skip_invalid=skip_invalid
    )
    named = {prefix + name: values for name, values in columns.items()}
    kind = type(df).__module__.split(".")[0]
    if kind == "pandas":
        return df.assign(**named)
    if kind == "polars":
        import polars as pl

        frames = prefix + "frames"
        return df.with_columns(
            [
                _polars_frames(pl, name, values) if name == frames else pl.Series(name, values)
                for name, values in named.items()
            ]
        )
    raise TypeError(f"add_scores takes a pandas or polars DataFrame, not {type(df).__name__}")


def _polars_frames(pl: Any, name: str, rows: list) -> Any:
    """The ``frames`` column as a Polars ``List(String)`` series.

    Polars converts a column of tuples row by row, which takes longer than the
    analysis itself (about 20 ms for 4,000 rows). The rows share one tuple per
    distinct set of frames (``analyze_columns`` makes them so), so each distinct
    tuple is converted once and the column is gathered from them by position.
    Rows are told apart by ``id()``, which holds because ``rows`` keeps every
    tuple alive meanwhile; rows that do not share their tuples are still right,
    only not faster.
    """
    first_row: dict = {}
    distinct: list = []
    positions: list = []
    for row in rows:
        at = first_row.setdefault(id(row), len(distinct))
        if at == len(distinct):
            distinct.append(None if row is None else list(row))
        positions.append(at)
    return pl.Series(name, distinct, dtype=pl.List(pl.String)).gather(positions)
