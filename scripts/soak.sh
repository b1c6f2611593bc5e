#!/usr/bin/env bash
# Soak: MEGABYTES (default 1000) of generated records (scripts/gen-records.py)
# through `avis score --output`, then the figures: throughput, peak resident memory,
# and N records in = N records out, ids in order. Not part of CI (minutes, and a few
# gigabytes of disk in TMPDIR).
#
# Usage: scripts/soak.sh [MEGABYTES] [avis score options…]
#   e.g. scripts/soak.sh 1000 --evidence none
# Set AVIS to an `avis` binary to skip the build. Needs python3 and GNU time
# (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-1000}
shift || true

if [ -z "${AVIS:-}" ]; then
    cargo build --release --quiet --bin avis
    AVIS="${CARGO_TARGET_DIR:-target}/release/avis"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/gen-records.py "$megabytes" >"$work/in.jsonl"
bytes=$(stat -c %s "$work/in.jsonl")
records_in=$(wc -l <"$work/in.jsonl")
echo "soak.sh: $records_in records, $bytes bytes in; avis score $*"

time_out="$work/time"
start=$(date +%s%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$time_out" "$AVIS" score -q "$@" "$work/in.jsonl" --output "$work/out.jsonl"
else
    "$AVIS" score -q "$@" "$work/in.jsonl" --output "$work/out.jsonl"
fi
elapsed_ms=$((($(date +%s%N) - start) / 1000000))

records_out=$(wc -l <"$work/out.jsonl")
# Every record once, in order: the output's ids are 0, 1, 2, … (compact JSON).
out_of_order=$(cut -d, -f1 "$work/out.jsonl" | sed 's/^{"id"://' |
    awk 'NR - 1 != $1 { bad++ } END { print bad + 0 }')
peak="unknown (no /usr/bin/time)"
if [ -s "$time_out" ]; then
    peak="$(($(tail -n 1 "$time_out") / 1024)) MiB"
fi
echo "soak.sh: $((elapsed_ms / 1000)).$((elapsed_ms % 1000 / 100)) s, \
$(awk -v b="$bytes" -v ms="$elapsed_ms" 'BEGIN { printf "%.1f", b / ms / 1000 }') MB/s, peak RSS $peak, \
$(stat -c %s "$work/out.jsonl") bytes out"
echo "soak.sh: $records_in records in, $records_out out, $out_of_order out of order"
[ "$records_in" = "$records_out" ] && [ "$out_of_order" = 0 ]
