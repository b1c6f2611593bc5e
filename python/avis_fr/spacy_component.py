"""The spaCy component: ``nlp.add_pipe("avis_fr")`` on any French pipeline.

After ``pip install``, spaCy finds the factory through the ``spacy_factories`` entry
point; nothing needs importing first. The component analyses ``doc.text`` and sets:

- ``doc._.sentiment``: the ``avis_fr.Sentiment`` (``score``, ``label``, shares);
- ``doc._.stance``: ``{target: avis_fr.Stance}`` (empty without a topic);
- ``doc._.frames``: the frame ids;
- ``doc._.sentences``: the ``avis_fr.Sentence`` of each sentence (its span, score and
  label), and ``doc.spans["avis_fr_sentences"]``: each as a ``Span`` labelled with its
  sentiment label;
- ``doc._.avis``: the whole ``avis_fr.Analysis``;
- ``doc.spans["avis_fr"]``: one ``Span`` per piece of evidence, labelled with its
  role, and ``span._.evidence`` the ``avis_fr.Evidence`` it stands for.

**Token boundaries.** avis-fr and spaCy cut words differently (``-t-on``,
``aujourd'hui``, emoticons). A span that does not fall on spaCy's token boundaries is
widened to the smallest run of whole tokens covering it
(``doc.char_span(start, end, alignment_mode="expand")``), so ``span.text`` may be
longer than ``evidence.text``; ``span._.evidence.start``/``end`` keep the exact
characters. Evidence that covers only whitespace between tokens (never in practice)
would have no span and is left out of ``doc.spans``, but is still in
``doc._.avis.evidence``.

Config: ``nlp.add_pipe("avis_fr", config={"topic": "consultation-2015",
"lexicons": [...], "threads": None})`` (``topic`` and ``lexicons`` as for
``avis_fr.Analyzer``). ``nlp.pipe(texts)`` analyses each batch in parallel.
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from avis_fr._native import Analysis, Analyzer

SPANS_KEY = "avis_fr"
SENTENCES_KEY = "avis_fr_sentences"


def _register_extensions() -> None:
    """Declare the ``doc._`` and ``span._`` attributes once per process."""
    for name in ("sentiment", "stance", "frames", "sentences", "avis"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("evidence"):
        Span.set_extension("evidence", default=None)


class AvisComponent:
    """Sets avis-fr's analysis of each ``Doc`` on it (see the module docstring)."""

    def __init__(self, analyzer: Analyzer, threads: Optional[int] = None) -> None:
        """Wrap ``analyzer``; ``threads`` is for ``nlp.pipe`` batches (default: all cores)."""
        _register_extensions()
        self.analyzer = analyzer
        self.threads = threads

    def __call__(self, doc: Doc) -> Doc:
        """Analyse one ``Doc``."""
        return self._set(doc, self.analyzer.analyze(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Analyse ``Doc``s in batches, each batch over several threads."""
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, docs: List[Doc]) -> Iterator[Doc]:
        analyses = self.analyzer.analyze_many([d.text for d in docs], threads=self.threads)
        for doc, analysis in zip(docs, analyses):
            yield self._set(doc, analysis)

    @staticmethod
    def _set(doc: Doc, analysis: Analysis) -> Doc:
        doc._.avis = analysis
        doc._.sentiment = analysis.sentiment
        doc._.stance = analysis.stance
        doc._.frames = analysis.frames
        doc._.sentences = analysis.sentences
        sentences = []
        for sentence in doc._.sentences:
            span = doc.char_span(
                sentence.start, sentence.end, label=sentence.label, alignment_mode="expand"
            )
            if span is not None:
                sentences.append(span)
        doc.spans[SENTENCES_KEY] = sentences
        spans = []
        for evidence in analysis.evidence:
            span = doc.char_span(
                evidence.start, evidence.end, label=evidence.role, alignment_mode="expand"
            )
            if span is not None:
                span._.evidence = evidence
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory(
    "avis_fr",
    default_config={"topic": None, "lexicons": None, "threads": None},
)
def make_avis_fr(
    nlp: Language,
    name: str,
    topic: Optional[str],
    lexicons: Optional[List[str]],
    threads: Optional[int],
) -> AvisComponent:
    """Build the component (spaCy calls this for ``nlp.add_pipe("avis_fr")``)."""
    return AvisComponent(Analyzer(lexicons=lexicons, topic=topic), threads=threads)
