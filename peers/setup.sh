#!/usr/bin/env bash
# Create peers/.venv (if missing) and install the pinned peer tools into it. Idempotent:
# rerunning reuses the venv and pip leaves already-satisfied pins alone.
# Needs python3 (3.11 here) with venv/ensurepip, and access to PyPI.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" - <<'PY'
import importlib.metadata as md
for d in ("vaderSentiment-fr", "textblob-fr", "spacy"):
    print(f"{d}=={md.version(d)}")
PY
