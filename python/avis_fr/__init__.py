"""French comment analysis: sentiment, stance toward named targets, argument frames,
and the evidence for each, from the Rust library avis-fr.

>>> import avis_fr
>>> analyzer = avis_fr.Analyzer(topic="consultation-2015")
>>> analysis = analyzer.analyze("Ce partenariat avec Microsoft est une honte !")
>>> analysis.sentiment.label
'negative'
>>> analysis.stance["partenariat"].label
'against'

- ``Analyzer.analyze(text)``: one ``Analysis`` (``sentiment``, ``sentences``,
  ``stance``, ``frames``, ``evidence`` with Python string indices, ``to_dict()`` = the JSON of ``avis score``);
- ``Analyzer.analyze_many(texts, threads=None)``: many, in parallel, in input order;
- ``Analyzer.analyze_columns(texts, ids=None)``: columns for pandas or Polars, and
  ``avis_fr.frame.add_scores`` to use with ``df.pipe``;
- ``avis_fr.tokenize(text)``: the library's tokens;
- ``nlp.add_pipe("avis_fr")``: the spaCy component (``avis_fr.spacy_component``).
"""

from avis_fr._native import (
    BUILTIN_TOPICS,
    Analysis,
    Analyzer,
    AvisError,
    Evidence,
    Rule,
    Sentence,
    Sentiment,
    Stance,
    tokenize,
)

__all__ = [
    "BUILTIN_TOPICS",
    "Analysis",
    "Analyzer",
    "AvisError",
    "Evidence",
    "Rule",
    "Sentence",
    "Sentiment",
    "Stance",
    "tokenize",
]
