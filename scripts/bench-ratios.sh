#!/usr/bin/env bash
# The time ratio 1 MB / 100 KB of each input and function of benches/pathological.rs,
# from criterion's saved estimates (mean): about 10 when the time is linear.
# Usage: scripts/bench-ratios.sh [CRITERION_DIR]   (default: $CARGO_TARGET_DIR or
# target, then /criterion). Run `cargo bench --bench pathological` first.
set -euo pipefail
dir=${1:-${CARGO_TARGET_DIR:-target}/criterion}
mean() { # the mean point estimate, in ns, of one benchmark
    local f="$dir/$1/new/estimates.json"
    [ -f "$f" ] || { echo "-"; return; }
    grep -o '"mean":{"confidence_interval":{[^}]*},"point_estimate":[0-9.e+-]*' "$f" |
        sed 's/.*"point_estimate"://'
}
printf '%-22s %-9s %12s %12s %12s %7s\n' input function "1KB (us)" "100KB (us)" "1MB (us)" ratio
for input in long_word punctuation apostrophes hyphens ne_pas pas_non_jamais emoji_zwj url \
    sentiment_words contrast_words ne_alone target_and_sentiment absence_words ne_elided \
    cues_and_targets; do
    for function in tokenize analyze; do
        small=$(mean "$input/$function/1KB")
        mid=$(mean "$input/$function/100KB")
        big=$(mean "$input/$function/1MB")
        awk -v i="$input" -v f="$function" -v s="$small" -v m="$mid" -v b="$big" 'BEGIN {
            printf "%-22s %-9s %12s %12s %12s %7s\n", i, f,
                (s == "-" ? "-" : sprintf("%.1f", s / 1000)),
                (m == "-" ? "-" : sprintf("%.1f", m / 1000)),
                (b == "-" ? "-" : sprintf("%.1f", b / 1000)),
                (m == "-" || b == "-" ? "-" : sprintf("%.1f", b / m))
        }'
    done
done
