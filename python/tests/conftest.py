"""Shared fixtures: the repository, the bundled thread, the `avis` binary."""

import json
import os
import shutil
from pathlib import Path

import pytest

import avis_fr

REPO = Path(__file__).resolve().parents[2]
THREAD = REPO / "data" / "consultation-2015.jsonl"


@pytest.fixture(scope="session")
def analyzer():
    """An analyzer with the bundled consultation's topic (targets and frames)."""
    return avis_fr.Analyzer(topic="consultation-2015")


@pytest.fixture(scope="session")
def thread():
    """The bundled thread's records (45 dicts with `id` and `text`)."""
    with open(THREAD, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def avis_binary():
    """The `avis` command: $AVIS (CI sets it; then it must exist), else this
    checkout's release build, else `avis` on PATH; skipped when there is none."""
    given = os.environ.get("AVIS")
    if given:
        assert os.access(given, os.X_OK), f"AVIS={given} is not an executable"
        return given
    built = REPO / "target" / "release" / "avis"
    if built.exists():
        return str(built)
    found = shutil.which("avis")
    if found is None:
        pytest.skip("no avis binary: set AVIS or run cargo build --release")
    return found


def pytest_sessionfinish(session, exitstatus):
    """With AVIS_NO_SKIP=1 (CI), a skipped test fails the run: CI has every
    optional library installed, so a skip means a test did not run."""
    if not os.environ.get("AVIS_NO_SKIP"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == 0:
        session.exitstatus = 1
        print(f"\nAVIS_NO_SKIP: {len(skipped)} test(s) skipped; every test must run in CI")
