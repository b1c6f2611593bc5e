#!/usr/bin/env bash
# Seed corpora for the fuzz targets, built from the repository's own files into
# fuzz/corpus/<target>/ (git-ignored): the bundled comments, the lexicons split into
# small files, the default topic. Targets other than `tokenize` read a first mode
# byte: 0 (even) means "the rest is the raw input".
# Usage: fuzz/seed.sh   (from anywhere; needs only sed, split and printf)
set -euo pipefail
cd "$(dirname "$0")"
root=..
corpus=corpus
mkdir -p "$corpus"/{tokenize,analyze,lexicon_tsv,topic_toml,csv_input,model_dir}

# One seed per comment: the "text" field with JSON escapes for line breaks undone.
n=0
while IFS= read -r line; do
    n=$((n + 1))
    text=$(printf '%s' "$line" | sed -e 's/.*"text": *"//' -e 's/"[^"]*$//' -e 's/\\n/\n/g' -e 's/\\"/"/g')
    printf '%s' "$text" >"$corpus/tokenize/comment-$n"
    { printf '\0'; printf '%s' "$text"; } >"$corpus/analyze/comment-$n"
done <"$root/data/consultation-2015.jsonl"

# Lexicons: 40 entries per seed, each with the header, so seeds stay small.
header=$(printf 'term\tkind\tvalence\tnote')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tsv in "$root"/lexicons/*.tsv; do
    name=$(basename "$tsv" .tsv)
    grep -v -e '^#' -e '^term	kind' -e '^$' "$tsv" | split -l 40 - "$tmp/$name-"
done
for part in "$tmp"/*; do
    { printf '\0%s\n' "$header"; cat "$part"; } >"$corpus/lexicon_tsv/$(basename "$part")"
done

# The default topic, whole and in its first sections.
for toml in "$root"/lexicons/*.toml; do
    name=$(basename "$toml" .toml)
    { printf '\0'; cat "$toml"; } >"$corpus/topic_toml/$name"
    { printf '\0'; sed -n '1,80p' "$toml"; } >"$corpus/topic_toml/$name-head"
done

# CSV files: the tramway export (`;`, Windows-1252, CRLF, quoted line breaks) read
# as it is (mode 0: UTF-8, delimiter detected) and with --encoding windows-1252
# (mode 0x30); a few generated ones (odd modes: the rest drives the generator).
printf '\0' | cat - "$root/data/tramway.csv" >"$corpus/csv_input/tramway"
printf '\060' | cat - "$root/data/tramway.csv" >"$corpus/csv_input/tramway-cp1252"
printf '\0id,text\n1,"Bravo, vraiment"\n2,Une honte\n' >"$corpus/csv_input/comma"
for seed in 1 2 3 4; do
    { printf '\001'; head -c 256 "$root/data/consultation-2015.jsonl" | tail -c $((seed * 60)); } \
        >"$corpus/csv_input/generated-$seed"
done

# Model directories (mode 0: model.toml, lexicon.tsv and weights.toml split at NUL
# bytes): a sentiment and a stance model of this version, each with a part of the
# sentiment lexicon and a few weights, and one of another version.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
model_seed() { # name, header lines, weights lines, lexicon part
    { printf '\0%s\0%s\n' "$2" "$header"; cat "$4"; printf '\0%s\n' "$3"; } >"$corpus/model_dir/$1"
}
parts=("$tmp"/sentiment-*)
model_seed sentiment "avis_fr_version = \"$version\"
task = \"sentiment\"" "[sentiment]
negative = -0.1
positive = 0.2" "${parts[0]}"
model_seed stance "avis_fr_version = \"$version\"
task = \"stance\"
target = \"microsoft\"" "[stance]
threshold = 0.1" "${parts[1]:-${parts[0]}}"
model_seed old-version 'avis_fr_version = "0.0.1"
task = "sentiment"' "" "${parts[0]}"

for target in tokenize analyze lexicon_tsv topic_toml csv_input model_dir; do
    echo "seed.sh: $target: $(ls "$corpus/$target" | wc -l) seeds"
done

# A libFuzzer dictionary: the ASCII rule words and a few French cues.
{
    grep -v -e '^#' -e '^term	kind' -e '^$' "$root/lexicons/rules.tsv" | cut -f1 |
        LC_ALL=C grep -v -e '[^ -~]' -e '["\\]' | sed 's/.*/"&"/'
    printf '"%s"\n' "n'" "l'" "qu'" "!!!" "?!" "..." " " "," ":-(" "honte" "bravo" "microsoft" \
        "logiciel libre" "partenariat"
} >"$corpus/french.dict"
echo "seed.sh: dictionary: $(wc -l <"$corpus/french.dict") entries"
