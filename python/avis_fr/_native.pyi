"""Type stubs of the native module (avis_fr._native, built from python/src)."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Tuple, Union

BUILTIN_TOPICS: List[str]

class AvisError(ValueError):
    """A lexicon, topic or setting the library rejects; the message is the library's
    (``file:line:column: message``); ``kind`` is "parse", "config" or "io"."""

    kind: Literal["parse", "config", "io", "other"]

class Sentiment:
    """The overall sentiment of a text."""

    score: float
    label: Literal["negative", "neutral", "positive"]
    positive: float
    negative: float
    neutral: float

class Stance:
    """Stance toward one target; ``because`` lists the reasons as dicts (``kind``,
    their words, ``value``, ``text``)."""

    score: float
    label: Literal["against", "none", "favor"]
    @property
    def because(self) -> List[Dict[str, Any]]: ...

class Rule:
    """A rule that changed the weight of a sentiment word."""

    kind: str
    factor: float
    by: Optional[str]
    text: str

class Evidence:
    """One matched marker; ``start``/``end`` are Python string indices."""

    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    role: str
    entry: str
    id: Optional[str]
    source: Optional[str]
    valence: float
    rules: List[Rule]
    contribution: float

class Sentence:
    """The sentiment of one sentence; ``start``/``end`` are Python string indices."""

    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    score: float
    label: Literal["negative", "neutral", "positive"]

class Analysis:
    """The analysis of one text."""

    @property
    def sentiment(self) -> Sentiment: ...
    @property
    def stance(self) -> Dict[str, Stance]: ...
    @property
    def frames(self) -> List[str]: ...
    @property
    def evidence(self) -> List[Evidence]: ...
    @property
    def truncated(self) -> bool: ...
    @property
    def sentences(self) -> List[Sentence]: ...
    @property
    def text(self) -> str: ...
    def to_dict(self, offsets: Literal["bytes", "chars"] = "bytes") -> Dict[str, Any]:
        """The JSON of ``avis score`` as Python objects."""
    def to_json(self) -> str:
        """The JSON of ``avis score``, one line."""

_Source = Union[str, "PathLike[str]"]

class Analyzer:
    """Analyses French texts; see ``help(avis_fr.Analyzer)``."""

    def __init__(
        self,
        lexicons: Optional[Iterable[_Source]] = None,
        topic: Optional[_Source] = None,
        *,
        defaults: bool = True,
        thresholds: Optional[Tuple[float, float]] = None,
        model: Optional[_Source] = None,
    ) -> None: ...
    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Any],
        model_dir: _Source,
        *,
        target: Optional[str] = None,
        seed: int = 1,
        label_map: Optional[str] = None,
        ids: Optional[Sequence[Any]] = None,
    ) -> Tuple["Analyzer", Dict[str, Any]]:
        """Learn from labelled texts (as ``avis fit``); write the model; return the new analyzer and the report."""
    @property
    def targets(self) -> List[str]: ...
    @property
    def frames(self) -> List[str]: ...
    def analyze(self, text: str) -> Analysis:
        """Analyse one text."""
    def analyze_many(
        self, texts: Iterable[Optional[str]], threads: Optional[int] = None, *, skip_invalid: bool = False
    ) -> List[Optional[Analysis]]:
        """Analyse many texts in parallel, in input order."""
    def analyze_columns(
        self,
        texts: Union[Iterable[Optional[str]], Any],
        ids: Optional[Sequence[Any]] = None,
        threads: Optional[int] = None,
        *,
        stance: Literal["label", "score"] = "label",
        skip_invalid: bool = False,
    ) -> Dict[str, Sequence[Any]]:
        """Columns for a data frame: lists, and ``range(n)`` for ``id`` without ``ids``.

        ``texts``: an iterable of ``str``, or a data frame's column as it is (an Arrow
        string column is read from its buffers: a Polars Series, an Arrow-backed
        pandas Series, a pyarrow array)."""

def tokenize(text: str) -> List[Dict[str, Any]]:
    """The library's tokens, with Python string indices."""
