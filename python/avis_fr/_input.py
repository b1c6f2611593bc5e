"""How ``Analyzer.analyze_columns`` reads a column of texts it is not given as a list.

A data frame's text column is usually Arrow strings already: pandas 3 stores
``str`` columns in Arrow when pyarrow is installed (``string[pyarrow]`` before it),
Polars always does. Their UTF-8 is then handed over in a few buffers per column
(:func:`arrow_chunks`; the native side checks it and copies it once more), instead
of a Python ``str`` made for every text only to be encoded back to UTF-8: for the
bundled thread repeated to 2 MB, that round trip took about 5 ms, against about
12 ms for the analysis itself. Any other Series or array becomes a list in one bulk
conversion (:func:`as_list`).

The native side calls these two; neither imports pandas, Polars or pyarrow unless
the column given is one of theirs.
"""

from __future__ import annotations

import sys
from typing import Any, List, Optional, Tuple

# One chunk of an Arrow string column, as the native side reads it: the UTF-8 of
# its texts end to end, its 64-bit little-endian offsets, its validity bitmap
# (``None``: no null), the index of its first item in those two, and its length.
Chunk = Tuple[bytes, bytes, Optional[bytes], int, int]


def arrow_chunks(texts: Any) -> Optional[List[Chunk]]:
    """The chunks of ``texts`` if it is an Arrow string column (a pyarrow array or
    chunked array, an Arrow-backed pandas Series or array, a Polars Series of
    strings), else ``None``.

    Every string type is read as ``large_string`` (``string``, ``string_view`` and
    dictionary-encoded strings are cast: a copy, still far cheaper than a ``str``
    per text); a column of another type is ``None``, so that its items are
    reported one by one as not strings.
    """
    arrow = _arrow_of(texts)
    if arrow is None:
        return None
    import pyarrow as pa

    chunks = arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]
    read = []
    for chunk in chunks:
        if not _is_text(pa, chunk.type):
            return None
        if len(chunk) == 0:
            continue
        chunk = chunk.cast(pa.large_string())
        validity, offsets, data = chunk.buffers()
        read.append(
            (
                b"" if data is None else data.to_pybytes(),
                offsets.to_pybytes(),
                None if validity is None or chunk.null_count == 0 else validity.to_pybytes(),
                chunk.offset,
                len(chunk),
            )
        )
    return read


def as_list(texts: Any) -> Any:
    """A pandas or Polars Series (or a NumPy array) as a list, in one bulk
    conversion: read item by item through the Series' own iterator, 4,000 texts
    cost 5 to 7 ms more than the same texts in a list, half the time of the
    analysis. Any other iterable is returned as it is.
    """
    for method in ("tolist", "to_list"):
        convert = getattr(texts, method, None)
        if callable(convert):
            return convert()
    return texts


def _arrow_of(texts: Any) -> Any:
    """``texts`` as a pyarrow array or chunked array, without converting any
    text, or ``None`` when its values are not stored in Arrow (or pyarrow is not
    installed)."""
    module = type(texts).__module__.split(".")[0]
    if module == "pyarrow":
        return texts
    if module == "polars":
        if "pyarrow" not in sys.modules and not _importable("pyarrow"):
            return None
        to_arrow = getattr(texts, "to_arrow", None)
        return to_arrow() if callable(to_arrow) else None
    if module == "pandas":
        # A Series, or the array behind one; only Arrow storage hands over its
        # buffers (`__arrow_array__` of a NumPy-backed array converts every item).
        array = getattr(texts, "array", texts)
        dtype = getattr(array, "dtype", None)
        arrow_backed = getattr(dtype, "storage", None) == "pyarrow" or (
            type(dtype).__name__ == "ArrowDtype"
        )
        if arrow_backed and hasattr(array, "__arrow_array__"):
            return array.__arrow_array__()
    return None


def _is_text(pa: Any, kind: Any) -> bool:
    """Whether an Arrow type holds strings (plain, large, views or dictionary)."""
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or getattr(pa.types, "is_string_view", lambda _: False)(kind)
    )


def _importable(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None
