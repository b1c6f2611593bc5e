#!/usr/bin/env python3
"""What share of the coverage sample (lexicons/coverage-sample.tsv) the engine knows
with the right sign.

    cargo build --release --bin avis
    python3 tools/coverage.py                          # this checkout's avis
    python3 tools/coverage.py --avis OLD --avis NEW    # side by side, one run
    python3 tools/coverage.py --misses                 # and the terms it gets wrong

Each term is scored alone (`avis score`, no topic): it is *known with the right
sign* when its score has the sign of its label, *known with the wrong sign* when the
opposite one, and *unknown* when the score is 0 (nothing matched, or only words
that carry no sentiment). Alone, because the sample asks whether the lexicons know
the word or expression, not how a text's rules weigh it. Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "lexicons" / "coverage-sample.tsv"


def read_sample(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def scores(binary: Path, terms: list[str]) -> list[float]:
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(terms))
    out = subprocess.run([str(binary), "score", "-q", "--format", "jsonl", "--evidence", "none"],
                         input=lines, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} score failed: {out.stderr.strip()}")
    return [json.loads(line)["sentiment"]["score"] for line in out.stdout.splitlines()]


def verdict(score: float, polarity: str) -> str:
    if score == 0:
        return "unknown"
    return "right" if (score > 0) == (polarity == "positive") else "wrong"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--avis", type=Path, action="append", help="an avis binary (repeatable)")
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--misses", action="store_true", help="list the terms not known with the right sign")
    args = ap.parse_args()
    binaries = args.avis or [ROOT / "target" / "release" / "avis"]
    rows = read_sample(args.sample)
    terms = [r["term"] for r in rows]
    print(f"coverage of {args.sample.relative_to(ROOT) if args.sample.is_relative_to(ROOT) else args.sample}: "
          f"{len(rows)} terms ({Counter(r['polarity'] for r in rows)['negative']} negative)")
    domains = sorted({r["domain"] for r in rows})
    for binary in binaries:
        verdicts = [verdict(s, r["polarity"]) for s, r in zip(scores(binary, terms), rows)]
        count = Counter(verdicts)
        per_domain = "  ".join(
            f"{d} {sum(v == 'right' for v, r in zip(verdicts, rows) if r['domain'] == d)}"
            f"/{sum(r['domain'] == d for r in rows)}" for d in domains)
        print(f"{binary}: right sign {count['right']}/{len(rows)} = {count['right'] / len(rows):.3f}; "
              f"wrong sign {count['wrong']}; unknown {count['unknown']}  ({per_domain})")
        if args.misses:
            for v, r in zip(verdicts, rows):
                if v != "right":
                    print(f"    {v:<8} {r['polarity']:<9} {r['term']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
