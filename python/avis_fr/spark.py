"""PySpark over the package: score a DataFrame of JSON Lines on the executors.

Ship the wheel to the executors (``pip install`` it in their Python, or
``spark-submit --py-files``/``--archives`` with a packed environment); each Python
worker builds its analyzer once and reuses it for every batch.

>>> lines = spark.read.text("comments.jsonl")            # one column, "value"
>>> scored = avis_fr.spark.score_jsonl(lines, topic="consultation-2015")
>>> scored.write.text("scored")                           # the lines of `avis score`

``scored`` holds, per input record, the line ``avis score`` writes for it: the
record's fields unchanged and in order, then ``sentiment``, ``stance``, ``frames``
and ``evidence`` (UTF-8 byte offsets, as the command line writes them).
"""

from __future__ import annotations

import functools
import json
from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

from avis_fr._native import Analyzer

_ANALYZERS: Dict[Tuple[Any, ...], Analyzer] = {}


def _analyzer(topic: Optional[str], lexicons: Optional[Sequence[str]]) -> Analyzer:
    """One analyzer per worker process and configuration (built on first use)."""
    key = (topic, tuple(lexicons or ()))
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(lexicons=list(lexicons or ()), topic=topic)
    return _ANALYZERS[key]


def score_lines(lines: Sequence[str], analyzer: Analyzer, text_field: str = "text") -> list:
    """The ``avis score`` line of each JSON Lines record in ``lines``, in order.

    Raises ``ValueError`` naming the index of a line that is not a JSON object with
    a string ``text_field``.
    """
    records = []
    for index, line in enumerate(lines):
        record = json.loads(line)
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            raise ValueError(f"lines[{index}] is not a JSON object with a string {text_field!r}")
        records.append(record)
    analyses = analyzer.analyze_many([r[text_field] for r in records])
    out = []
    for record, analysis in zip(records, analyses):
        # The analysis's fields follow the record's own, as `avis score` writes them.
        record.update(analysis.to_dict())
        out.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return out


def _score_batches(
    batches: Iterator[Any],
    column: str,
    topic: Optional[str],
    lexicons: Optional[Sequence[str]],
    text_field: str,
) -> Iterator[Any]:
    """``mapInPandas`` body: each pandas batch of JSON lines to their scored lines."""
    import pandas as pd

    analyzer = _analyzer(topic, lexicons)
    for batch in batches:
        yield pd.DataFrame({"value": score_lines(list(batch[column]), analyzer, text_field)})


def score_jsonl(
    df: Any,
    column: str = "value",
    *,
    topic: Optional[str] = None,
    lexicons: Optional[Sequence[str]] = None,
    text_field: str = "text",
) -> Any:
    """Score a Spark DataFrame whose ``column`` holds JSON Lines records (as
    ``spark.read.text`` gives): a DataFrame of one string column ``value``, the
    ``avis score`` line of each record, partition by partition.

    ``topic`` and ``lexicons`` as for ``avis_fr.Analyzer`` (built-in names, TOML or
    TSV text, or paths that exist on the executors).
    """
    body = functools.partial(
        _score_batches, column=column, topic=topic, lexicons=lexicons, text_field=text_field
    )
    return df.select(column).mapInPandas(body, schema="value string")
