"""The README's Python examples, run as written (from the repository root)."""

import os
import re

import pytest

from conftest import REPO

MARKER = "<!-- tested: python/tests/test_readme.py runs every python block below -->"


def blocks():
    """The ```python blocks of the README after the marker, up to the next `## `
    section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert MARKER in readme, "the README lost its tested Python section"
    section = readme.split(MARKER, 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(found) >= 3
    return found


def test_the_first_example_is_ten_lines():
    assert len(blocks()[0].strip().splitlines()) <= 10


def test_the_examples_run(capsys, monkeypatch):
    pytest.importorskip("pandas")
    pytest.importorskip("spacy")
    monkeypatch.chdir(REPO)
    namespace = {}
    for code in blocks():
        exec(compile(code, "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert out.startswith("negative -0.")
    assert "'partenariat': 'against'" in out
    assert "sentiment 'honte:-(' ':-('" in out
