#!/usr/bin/env python3
"""The ceiling of what `avis fit` can reach by refitting global numbers alone: for
each development set, the macro-F1 of the engine with the neutral band chosen on
the whole set itself (the best band, in-sample: an upper bound, not an estimate),
then the same with one weight of weights.toml set to another value.

If the best band and the best value of every weight add a point or two at most,
no refit of global factors can lift the engine by five points on these sets: what
is left to learn is in the words (lexicon lines).

    python3 peers/fit_oracle.py --data data/external --avis target/release/avis
"""

import argparse
import json
import os
import subprocess
import tempfile

SETS = [
    ("allocine", "allocine-train.jsonl", []),
    ("tweets", "tweets-train.jsonl", []),
    ("restaurants", "restaurants-tune.jsonl", []),
    ("macron", "macron-train.jsonl", ["--topic", "examples/topics/presidentielle-2017.toml"]),
]
CLASSES = {"negative": 0, "neutral": 1, "positive": 2, "against": 0, "none": 1, "favor": 2, "favour": 2}
SENTIMENT = {
    "rules.negated_positive": [-0.4, -1.0],
    "rules.negated_negative": [-0.7],
    "verdict.description": [0.1, 0.6, 1.0],
    "verdict.conclusion": [1.0, 2.5],
    "verdict.last_sentence": [1.5, 2.5],
    "rules.contrast_bound": [2.0, 20.0],
    "rules.questioned_praise": [0.7],
    "rules.capitals": [1.0, 1.8],
    "rules.irony_context": [-3.0, 0.0],
}
STANCE = {
    "stance.subject": [0.5, 1.5, 2.0],
    "stance.rivalry": [0.0, 1.0],
    "stance.unclaimed": [0.5, 1.5],
    "stance.listed": [0.0, 1.0],
    "stance.clearly_evaluative": [0.0, 0.4],
    "stance.negated": [-0.5],
}


def macro_f1(gold, predicted):
    total, present = 0.0, 0
    for c in range(3):
        support = sum(1 for g in gold if g == c)
        if not support:
            continue
        present += 1
        right = sum(1 for g, p in zip(gold, predicted) if g == c and p == c)
        said = sum(1 for p in predicted if p == c)
        total += 2 * right / (said + support) if right else 0.0
    return total / max(present, 1)


def bands(gold, symmetric):
    """The bands `avis fit` tries (its grid of 0.025), for 3 classes or a cut for 2."""
    grid = [i * 0.025 for i in range(25)]
    if 1 not in gold:
        return [(c - 1e-9, c) for c in (i * 0.025 for i in range(-24, 25))]
    if symmetric:
        return [(-x, x) for x in grid[1:]]
    return [(-a, b) for a in grid[1:] for b in grid] + [(-b, a) for a in grid[1:] for b in grid]


def best_band(scores, gold, symmetric):
    def label(s, low, high):
        return 0 if s <= low else 2 if s >= high else 1
    return max(macro_f1(gold, [label(s, lo, hi) for s in scores]) for lo, hi in bands(gold, symmetric))


def scores(args, path, options, weights, tmp):
    toml = os.path.join(tmp, "weights.toml")
    with open(toml, "w", encoding="utf-8") as f:
        f.write(weights)
    command = [args.avis, "score", "-q", "--evidence", "none", "--weights", toml, path] + options
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    if options:
        return [r["stance"].get("macron", {}).get("score", 0.0) for r in records]
    return [r["sentiment"]["score"] for r in records]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="data/external")
    parser.add_argument("--avis", default="target/release/avis")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, file, options in SETS:
            with open(os.path.join(args.data, file), encoding="utf-8") as f:
                rows = [json.loads(line) for line in f if line.strip()]
            path = os.path.join(tmp, "texts.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({"id": str(r["id"]), "text": r["text"]}, ensure_ascii=False) + "\n")
            gold = [CLASSES[str(r["label"]).lower()] for r in rows]
            symmetric = bool(options)
            base = best_band(scores(args, path, options, "", tmp), gold, symmetric)
            print(f"{name}: best band {base:.3f}")
            for key, values in (STANCE if options else SENTIMENT).items():
                table, field = key.split(".")
                for value in values:
                    weights = f"[{table}]\n{field} = {value}\n"
                    figure = best_band(scores(args, path, options, weights, tmp), gold, symmetric)
                    print(f"  {key} = {value}: {figure:.3f} ({figure - base:+.3f})", flush=True)


if __name__ == "__main__":
    main()
