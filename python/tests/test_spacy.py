"""The spaCy component on a blank French pipeline (no model download)."""

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

spacy = pytest.importorskip("spacy")

import avis_fr  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("fr")
    nlp.add_pipe("avis_fr", config={"topic": "consultation-2015"})
    return nlp


def test_doc_attributes(nlp):
    doc = nlp("Ce partenariat avec Microsoft est une honte !")
    assert doc._.sentiment.label == "negative"
    assert doc._.stance["partenariat"].label == "against"
    assert doc._.frames == []
    assert isinstance(doc._.avis, avis_fr.Analysis)
    spans = doc.spans["avis_fr"]
    assert len(spans) == len(doc._.avis.evidence)
    honte = [s for s in spans if s.text == "honte"]
    assert {s.label_ for s in honte} == {"sentiment", "stance_marker"}
    for span in spans:
        assert span.text == span._.evidence.text  # this text falls on token boundaries


def test_sentences(nlp):
    doc = nlp("Les acteurs sont bons. Mais quel scénario raté !")
    assert [s.label for s in doc._.sentences] == ["positive", "negative"]
    spans = doc.spans["avis_fr_sentences"]
    assert [s.text for s in spans] == ["Les acteurs sont bons.", "Mais quel scénario raté !"]
    assert [s.label_ for s in spans] == ["positive", "negative"]


def test_spans_off_token_boundaries_are_widened(nlp):
    # spaCy reads `honte:-` `(`; avis-fr reads `honte` and the emoticon `:-(`.
    text = "Quelle honte:-("
    doc = nlp(text)
    smiley = next(s for s in doc.spans["avis_fr"] if s._.evidence.text == ":-(")
    assert smiley.text == "honte:-("  # the whole tokens that cover it
    e = smiley._.evidence
    assert text[e.start : e.end] == ":-("
    assert smiley.start_char <= e.start and e.end <= smiley.end_char


def test_pipe_batches_match_single_docs(nlp):
    texts = ["Bravo pour cette initiative.", "Quelle honte !", "", "Microsoft, non merci."] * 20
    piped = [d._.avis.to_json() for d in nlp.pipe(texts, batch_size=7)]
    assert piped == [nlp(t)._.avis.to_json() for t in texts]


def test_factory_is_an_entry_point():
    names = [ep.name for ep in entry_points(group="spacy_factories")]
    assert "avis_fr" in names


def test_add_pipe_without_importing_the_package():
    # A fresh interpreter that imports only spaCy: the entry point finds the factory.
    code = (
        "import spacy; nlp = spacy.blank('fr'); nlp.add_pipe('avis_fr'); "
        "print(nlp('Une honte !')._.sentiment.label)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "negative"
