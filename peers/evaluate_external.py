#!/usr/bin/env python3
"""The peers and avis-fr on the external development sets, side by side, one run.

Sets (extracted by scripts/dev-data.py into data/external/, git-ignored):
  - allocine-dev.jsonl, allocine-train.jsonl: TV-series reviews, positive/negative;
  - macron-train.jsonl: the training rows of the Macron stance tweets
    (against/none/favor).

Reviews: accuracy by the sign of each tool's score (positive above 0, negative
below; a score of exactly 0, no feeling found, counts as a miss), and for the peers
also at their best threshold on that same file (an upper bound, tuned on what it is
scored on). Tweets: stance macro-F1 of against and favor; the peers' sentiment read
as stance (VADER's thresholds, +-0.05), and the constant "against".
avis-fr runs as `avis evaluate` (its own figures, from the same files).

Usage, from the repository root:
  bash peers/setup.sh && peers/.venv/bin/python peers/evaluate_external.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "external"
TOPIC = ROOT / "examples" / "topics" / "presidentielle-2017.toml"


def read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def peers():
    warnings.filterwarnings("ignore")
    from textblob import TextBlob
    from textblob_fr import PatternAnalyzer, PatternTagger
    from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    analyzer, tagger = PatternAnalyzer(), PatternTagger()
    return {
        "vaderSentiment-fr": lambda t: vader.polarity_scores(t)["compound"],
        "textblob-fr": lambda t: TextBlob(t, pos_tagger=tagger, analyzer=analyzer).sentiment[0],
    }


def sign_accuracy(scores: list[float], labels: list[str], threshold: float = 0.0) -> float:
    right = sum(
        (s > threshold and g == "positive") or (s < threshold and g == "negative")
        for s, g in zip(scores, labels)
    )
    return right / len(labels)


def best_threshold(scores: list[float], labels: list[str]) -> tuple[float, float]:
    candidates = sorted(set(scores))
    mids = [(a + b) / 2 for a, b in zip(candidates, candidates[1:])] or [0.0]
    return max((sign_accuracy(scores, labels, t), t) for t in mids)


def macro_f1(pred: list[str], gold: list[str]) -> float:
    f1s = []
    for c in ("against", "favor"):
        tp = sum(p == c and g == c for p, g in zip(pred, gold))
        p_n, g_n = pred.count(c), gold.count(c)
        prec, rec = (tp / p_n if p_n else 0.0), (tp / g_n if g_n else 0.0)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2


def avis(args: list[str]) -> dict:
    binary = ROOT / "target" / "release" / "avis"
    out = subprocess.run([str(binary), "evaluate", "-q", "--json", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    tools = peers()
    results = {}
    for name in ("allocine-dev.jsonl", "allocine-train.jsonl"):
        docs = read(name)
        texts, labels = [d["text"] for d in docs], [d["label"] for d in docs]
        row = {"avis-fr": avis(["--label-column", "label", str(DATA / name)])["accuracy"]}
        for tool, fn in tools.items():
            scores = [fn(t) for t in texts]
            best, at = best_threshold(scores, labels)
            row[tool] = sign_accuracy(scores, labels)
            row[f"{tool} at its best threshold ({at:+.3f})"] = best
        results[name] = row
    docs = read("macron-train.jsonl")
    texts, gold = [d["text"] for d in docs], [d["label"] for d in docs]
    stance = avis(["--topic", str(TOPIC), "--target", "macron", "--label-column", "label", str(DATA / "macron-train.jsonl")])
    row = {"avis-fr": stance["macro_f1_against_favor"], 'constant "against"': macro_f1(["against"] * len(gold), gold)}
    for tool, fn in tools.items():
        pred = ["favor" if s >= 0.05 else "against" if s <= -0.05 else "none" for s in map(fn, texts)]
        row[f"{tool} sentiment read as stance"] = macro_f1(pred, gold)
    results["macron-train.jsonl (macro-F1 against/favor)"] = row
    for name, row in results.items():
        print(name)
        for tool, value in row.items():
            print(f"  {tool:<50} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
