#!/usr/bin/env bash
# The map step of a distributed run, on one machine: split a JSON Lines corpus into
# shards, score them in parallel with `avis score`, join the results in shard order,
# then `avis report` the joined output. Spark's RDD.pipe and Hadoop Streaming run
# the same `avis score` over their own partitions.
#
# Usage: scripts/sharded.sh [INPUT.jsonl] [LINES_PER_SHARD] [JOBS]
# Writes the joined records to $OUT_DIR/scored.jsonl (OUT_DIR defaults to a fresh
# temporary directory) and prints the report. Set AVIS to an `avis` binary to skip
# the build. With CHECK=1, also scores the input unsharded and fails unless both
# outputs are byte for byte the same.
set -euo pipefail

# Paths given by the caller are relative to where they called from.
if [ -n "${1:-}" ]; then input=$(realpath "$1"); fi
if [ -n "${OUT_DIR:-}" ]; then mkdir -p "$OUT_DIR" && OUT_DIR=$(realpath "$OUT_DIR"); fi
cd "$(dirname "$0")/.."
input=${input:-data/consultation-2015.jsonl}
lines=${2:-10}
jobs=${3:-2}

if [ -z "${AVIS:-}" ]; then
    cargo build --release --quiet --bin avis
    AVIS="${CARGO_TARGET_DIR:-target}/release/avis"
fi
export AVIS

out=${OUT_DIR:-$(mktemp -d)}
mkdir -p "$out/shards"
rm -f "$out"/shards/*

# Whole lines only: a JSON Lines record never spans two shards. Numeric suffixes
# (shard.00000, shard.00001, …) sort in input order.
split -l "$lines" -d -a 5 "$input" "$out/shards/shard."

# Each shard is scored by its own process; a failed shard fails the whole run.
find "$out/shards" -name 'shard.*' ! -name '*.out' -print0 | sort -z |
    xargs -0 -P "$jobs" -I{} sh -c '"$AVIS" score -q "$1" --output "$1.out"' _ {}

# Join in shard order, whatever order the jobs finished in.
find "$out/shards" -name 'shard.*.out' -print0 | sort -z | xargs -0 cat >"$out/scored.jsonl"

if [ "${CHECK:-0}" = 1 ]; then
    "$AVIS" score -q "$input" --output "$out/unsharded.jsonl"
    if ! cmp -s "$out/scored.jsonl" "$out/unsharded.jsonl"; then
        echo "sharded.sh: FAIL: sharded and unsharded outputs differ ($out)" >&2
        exit 1
    fi
    echo "sharded.sh: ok: sharded output equals unsharded ($(wc -l <"$out/scored.jsonl") records)" >&2
fi

"$AVIS" report -q "$out/scored.jsonl"
