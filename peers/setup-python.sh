#!/usr/bin/env bash
# peers/.venv (setup.sh) plus what measure_python.py needs: spacytextblob and this
# checkout's Python package (built by pip from ../python: a release build, ~1 min).
# Idempotent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/setup.sh"
"$here/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-python.txt"
"$here/.venv/bin/python" -m pip install --quiet --disable-pip-version-check "$here/../python"
"$here/.venv/bin/python" -c 'import avis_fr, spacytextblob; print("avis_fr and spacytextblob ready")'
