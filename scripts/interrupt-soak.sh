#!/usr/bin/env bash
# Interrupt `avis score --output` at random moments and check that nothing is left
# behind: each run is killed with SIGINT, SIGTERM or SIGHUP (drawn at random) after
# a random delay; an interrupted run must exit 128 + the signal with the old output
# unchanged, a run that finished first must have every record written (and exit 0,
# or 128 + the signal saying `out.jsonl written` if the signal came as it ended),
# and no run may leave a temporary file. Not part of CI (it takes a few minutes).
#
# Usage: scripts/interrupt-soak.sh [RUNS] [MEGABYTES]   (default 100 runs of 30 MB)
# Set AVIS to an `avis` binary to skip the build. Needs python3 (the generator).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
megabytes=${2:-30}

if [ -z "${AVIS:-}" ]; then
    cargo build --release --quiet --bin avis
    AVIS="${CARGO_TARGET_DIR:-target}/release/avis"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/gen-records.py "$megabytes" >"$work/in.jsonl"
records=$(wc -l <"$work/in.jsonl")
# How long one whole run takes here: the random moments span it, and a bit past.
start=$(date +%s%N)
"$AVIS" score -q --evidence none "$work/in.jsonl" --output "$work/full.jsonl"
span_ms=$((($(date +%s%N) - start) / 1000000 * 11 / 10 + 1))
rm "$work/full.jsonl"
echo "interrupt-soak: $records records ($megabytes MB), a whole run takes $((span_ms * 10 / 11)) ms"

old='{"old":"output"}'
# Job control: without it a script's background jobs start with SIGINT ignored (and
# avis keeps an ignored signal ignored, as `nohup` needs).
set -m
signals=(INT TERM HUP)
declare -A code=([INT]=130 [TERM]=143 [HUP]=129) count=()
interrupted=0 finished=0 left=0 wrong=0
for ((run = 1; run <= runs; run++)); do
    printf '%s\n' "$old" >"$work/out.jsonl"
    signal=${signals[RANDOM % 3]}
    delay_ms=$(((RANDOM * 32768 + RANDOM) % span_ms))
    "$AVIS" score -q --evidence none "$work/in.jsonl" --output "$work/out.jsonl" \
        2>"$work/stderr" &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -s "$signal" "$pid" 2>/dev/null || true
    status=0
    wait "$pid" || status=$?
    temps=$(find "$work" -maxdepth 1 -name '.avis-*' | wc -l)
    left=$((left + temps))
    if [ "$status" = 0 ]; then
        finished=$((finished + 1))
        if [ "$(wc -l <"$work/out.jsonl")" != "$records" ]; then
            wrong=$((wrong + 1))
            echo "run $run: finished with $(wc -l <"$work/out.jsonl") of $records records" >&2
        fi
    elif [ "$status" = "${code[$signal]}" ] && grep -q ' written$' "$work/stderr" &&
        [ "$(wc -l <"$work/out.jsonl")" = "$records" ]; then
        # The signal came after the output was in place, as the run was ending.
        finished=$((finished + 1))
    elif [ "$status" = "${code[$signal]}" ] && [ "$(cat "$work/out.jsonl")" = "$old" ]; then
        interrupted=$((interrupted + 1))
        count[$signal]=$((${count[$signal]:-0} + 1))
    else
        wrong=$((wrong + 1))
        echo "run $run: SIG$signal after $delay_ms ms: status $status, stderr: $(cat "$work/stderr")" >&2
    fi
    if [ "$temps" != 0 ]; then
        echo "run $run: SIG$signal after $delay_ms ms left $temps temporary file(s)" >&2
        rm -f "$work"/.avis-*
    fi
done
echo "interrupt-soak: $runs runs: $interrupted interrupted (INT ${count[INT]:-0}, TERM ${count[TERM]:-0}, HUP ${count[HUP]:-0}), $finished finished first; $left temporary files left, $wrong wrong outcomes"
[ "$left" = 0 ] && [ "$wrong" = 0 ]
