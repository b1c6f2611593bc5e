#!/usr/bin/env python3
"""Generated records for soak runs: the bundled thread's 45 records repeated, each
with a fresh id (0, 1, 2, ...) and its other fields as they are, until at least
MEGABYTES (10^6 bytes) of JSON Lines are written to standard output.

Usage: scripts/gen-records.py MEGABYTES > records.jsonl
"""
import json
import pathlib
import sys


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    limit = int(sys.argv[1]) * 1_000_000
    corpus = pathlib.Path(__file__).resolve().parent.parent / "data" / "consultation-2015.jsonl"
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    out = sys.stdout.buffer
    written = 0
    n = 0
    while written < limit:
        record = dict(records[n % len(records)])
        record["id"] = n
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        out.write(line)
        written += len(line)
        n += 1


if __name__ == "__main__":
    main()
