#!/usr/bin/env python3
"""Measure the peer tools on the bundled French corpus, side by side.

Peers (installed from PyPI by peers/setup.sh; only *called* here, never copied):
  - vaderSentiment-fr : French port of VADER, SentimentIntensityAnalyzer().polarity_scores(text)
  - textblob-fr       : pattern.fr's French lexicon via TextBlob, TextBlob(text, analyzer=PatternAnalyzer()).sentiment
  - spacy             : spacy.blank("fr") tokenizer only (no model), nlp(text) and nlp.tokenizer(text)

What is measured:
  - sentiment accuracy on the labelled dev docs (gold-dev.jsonl, docs 0-22), with each tool's
    score mapped to negative/neutral/positive by the tool's usual thresholds (see THRESHOLDS);
  - the label distribution each sentiment tool gives over all comments (kind == "comment");
  - throughput in MB/s (10^6 bytes of UTF-8 text per second) over the corpus repeated to about
    2 MB, best of N runs, timing only the analysis calls (import and model/lexicon load excluded);
  - how spaCy's blank French tokenizer splits a few tricky strings.

Usage (from the repo root):
  bash peers/setup.sh && peers/.venv/bin/python peers/measure.py [--json peers/results.json]
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import importlib.metadata as md
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus" / "consultation-2015.jsonl"
DEFAULT_GOLD = REPO_ROOT / ".." / "shared" / "corpus" / "gold-dev.jsonl"

LABELS = ("negative", "neutral", "positive")

THRESHOLDS = {
    "vaderSentiment-fr": "compound >= 0.05 positive, <= -0.05 negative, else neutral "
    "(VADER's documented thresholds)",
    "textblob-fr": "polarity > 0 positive, < 0 negative, == 0 neutral (sign of polarity)",
    "avis-fr": "its own label: score >= 0.05 positive, <= -0.05 negative, else neutral",
}

TRICKY = [
    "!!!!",
    "Allons-y",
    "l'avion",
    "l\u2019avion",
    "aujourd'hui",
    "aujourd\u2019hui",
    "va-t-on",
    "grands-pères",
    ":-(",
    "http://www.ordi-solidaire.fr",
]


def vader_label(compound: float) -> str:
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def textblob_label(polarity: float) -> str:
    if polarity > 0:
        return "positive"
    if polarity < 0:
        return "negative"
    return "neutral"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def figures(texts: list[str], times: list[float]) -> dict:
    """The throughput figures of timed runs over `texts`: the best run counts."""
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    best = min(times)
    return {
        "bytes": nbytes,
        "docs": len(texts),
        "runs_s": [round(x, 4) for x in times],
        "best_s": round(best, 4),
        "mb_per_s": nbytes / best / 1e6,
    }


def throughput(fn, texts: list[str], runs: int) -> dict:
    """Best-of-`runs` MB/s of calling fn(text) on every text; only the calls are timed."""
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - t0)
    return figures(texts, times)


def avis_binary(path: Path | None) -> Path:
    """The `avis` command to measure: the one given, else this checkout's release build."""
    if path is not None:
        return path
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "avis"], cwd=REPO_ROOT, check=True)
    return REPO_ROOT / "target" / "release" / "avis"


def jsonl_file(texts: list[str]) -> str:
    """A temporary JSON Lines file of the texts (the caller removes it)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    return f.name


def avis_scores(avis: Path, texts: list[str]) -> dict[str, float]:
    """avis-fr's sentiment score of each text, from one `avis score` run."""
    path = jsonl_file(texts)
    try:
        out = subprocess.run([str(avis), "score", "-q", "--topic", "consultation-2015", path], capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    return {t: json.loads(line)["sentiment"]["score"] for t, line in zip(texts, out.stdout.splitlines())}


def avis_label(score: float) -> str:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def avis_throughput(avis: Path, texts: list[str], runs: int, threads: int | None) -> dict:
    """Best-of-`runs` MB/s of a whole `avis score` process over the texts as JSON Lines: start-up
    (building the analyzer), JSON reading and writing included, so it understates the library."""
    env = dict(os.environ)
    if threads is not None:
        env["RAYON_NUM_THREADS"] = str(threads)
    path = jsonl_file(texts)
    times = []
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([str(avis), "score", "-q", "--topic", "consultation-2015", path], stdout=subprocess.DEVNULL, env=env, check=True)
            times.append(time.perf_counter() - t0)
    finally:
        os.unlink(path)
    return figures(texts, times)


def sentiment_eval(name: str, score_fn, label_fn, docs: list[dict], gold: dict[int, str]) -> dict:
    scores = {d["id"]: score_fn(d["text"]) for d in docs}
    labels = {i: label_fn(s) for i, s in scores.items()}
    dev_ids = sorted(gold)
    correct = sum(labels[i] == gold[i] for i in dev_ids)
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for i in dev_ids:
        confusion[gold[i]][labels[i]] += 1
    gold_neg = [i for i in dev_ids if gold[i] == "negative"]
    comment_ids = [d["id"] for d in docs if d.get("kind") == "comment"]
    return {
        "tool": name,
        "mapping": THRESHOLDS[name],
        "dev_docs": len(dev_ids),
        "dev_correct": correct,
        "dev_accuracy": correct / len(dev_ids),
        "dev_gold_negative": len(gold_neg),
        "dev_gold_negative_found": sum(labels[i] == "negative" for i in gold_neg),
        "dev_predicted_negative": sum(labels[i] == "negative" for i in dev_ids),
        "dev_confusion_gold_by_pred": confusion,
        "comments": len(comment_ids),
        "comments_distribution": {l: sum(labels[i] == l for i in comment_ids) for l in LABELS},
        "dev_per_doc": [
            {"id": i, "gold": gold[i], "pred": labels[i], "score": round(scores[i], 4)} for i in dev_ids
        ],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="corpus JSONL (default: ../shared/corpus/consultation-2015.jsonl from the repo root)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="dev labels JSONL (default: ../shared/corpus/gold-dev.jsonl from the repo root)")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this JSON file")
    ap.add_argument("--target-mb", type=float, default=2.0,
                    help="repeat the corpus to about this many MB (10^6 bytes) for throughput (default 2)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool; the best is kept (default 3)")
    ap.add_argument("--avis", type=Path, default=None,
                    help="the avis command to measure beside the peers (default: build this checkout's)")
    args = ap.parse_args(argv)

    docs = read_jsonl(args.corpus)
    gold = {g["id"]: g["sentiment"] for g in read_jsonl(args.gold)}
    texts = [d["text"] for d in docs]
    corpus_bytes = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, round(args.target_mb * 1e6 / corpus_bytes))
    bench = texts * reps

    # ---- load the peers (not timed) ----
    with warnings.catch_warnings():
        # fuzzywuzzy warns about its pure-python SequenceMatcher; polarity_scores() never calls it
        # (only polarity_scores_max() does), so the warning does not concern what is measured.
        warnings.simplefilter("ignore")
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    from textblob import TextBlob
    from textblob_fr import PatternAnalyzer
    import spacy

    vader = SentimentIntensityAnalyzer()
    tb_analyzer = PatternAnalyzer()
    nlp = spacy.blank("fr")

    def vader_compound(text: str) -> float:
        return vader.polarity_scores(text)["compound"]

    def textblob_polarity(text: str) -> float:
        return TextBlob(text, analyzer=tb_analyzer).sentiment[0]

    # warm-up: first calls may build lazy caches (pattern loads its lexicon on first use)
    for t in texts:
        vader_compound(t)
        textblob_polarity(t)
        nlp(t)

    results = {
        "date_utc": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {
            "cpu": cpu_model(),
            "cores": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "versions": {d: version(d) for d in
                     ("vaderSentiment-fr", "textblob-fr", "textblob", "spacy", "fuzzywuzzy", "nltk")},
        "corpus": {
            "path": str(args.corpus),
            "docs": len(docs),
            "comments": sum(d.get("kind") == "comment" for d in docs),
            "bytes": corpus_bytes,
            "dev_labelled": len(gold),
            "dev_gold_distribution": {l: sum(v == l for v in gold.values()) for l in LABELS},
        },
        "throughput_setup": {"repeats": reps, "docs": len(bench),
                             "bytes": corpus_bytes * reps, "runs": args.runs,
                             "unit": "MB/s = 10^6 bytes of UTF-8 text per second, best run"},
        "sentiment": {},
        "throughput": {},
        "spacy_tokenization": {},
    }

    # ---- sentiment on the dev labels + distribution over the comments ----
    results["sentiment"]["vaderSentiment-fr"] = sentiment_eval(
        "vaderSentiment-fr", vader_compound, vader_label, docs, gold)
    results["sentiment"]["textblob-fr"] = sentiment_eval(
        "textblob-fr", textblob_polarity, textblob_label, docs, gold)
    avis = avis_binary(args.avis)
    avis_by_text = avis_scores(avis, texts)
    results["sentiment"]["avis-fr"] = sentiment_eval(
        "avis-fr", avis_by_text.__getitem__, avis_label, docs, gold)
    majority = Counter(gold.values()).most_common(1)[0]
    results["baseline_majority"] = {"label": majority[0], "dev_accuracy": majority[1] / len(gold)}

    # ---- throughput ----
    results["throughput"]["vaderSentiment-fr polarity_scores"] = throughput(vader.polarity_scores, bench, args.runs)
    results["throughput"]["textblob-fr sentiment"] = throughput(
        lambda t: TextBlob(t, analyzer=tb_analyzer).sentiment, bench, args.runs)
    results["throughput"]["spacy blank fr nlp(text)"] = throughput(nlp, bench, args.runs)
    results["throughput"]["spacy blank fr nlp.tokenizer(text)"] = throughput(nlp.tokenizer, bench, args.runs)
    results["throughput"]["avis-fr `avis score` process, 1 thread"] = avis_throughput(avis, bench, args.runs, 1)
    results["throughput"]["avis-fr `avis score` process, all cores"] = avis_throughput(avis, bench, args.runs, None)

    # ---- spaCy on tricky strings ----
    for s in TRICKY:
        results["spacy_tokenization"][s] = [t.text for t in nlp.tokenizer(s)]

    # ---- report ----
    out = []
    c = results["corpus"]
    ts = results["throughput_setup"]
    out.append(f"# Peer tools on consultation-2015 ({results['date_utc']})\n")
    out.append(f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
               f"Python {results['machine']['python']}. Corpus: {c['docs']} docs ({c['comments']} comments), "
               f"{c['bytes']} bytes; dev labels: {c['dev_labelled']} docs "
               f"({', '.join(f'{k} {v}' for k, v in c['dev_gold_distribution'].items())}).\n")
    out.append("## Sentiment\n")
    out.append("| tool | version | dev accuracy (23) | gold-negative found | predicted negative (dev) "
               "| comments neg / neu / pos |")
    out.append("|---|---|---|---|---|---|")
    vers = {"vaderSentiment-fr": results["versions"]["vaderSentiment-fr"],
            "textblob-fr": results["versions"]["textblob-fr"], "avis-fr": "this checkout"}
    for name, r in results["sentiment"].items():
        dist = r["comments_distribution"]
        out.append(f"| {name} | {vers[name]} | {r['dev_correct']}/{r['dev_docs']} = {r['dev_accuracy']:.1%} "
                   f"| {r['dev_gold_negative_found']}/{r['dev_gold_negative']} | {r['dev_predicted_negative']} "
                   f"| {dist['negative']} / {dist['neutral']} / {dist['positive']} |")
    b = results["baseline_majority"]
    out.append(f"| (baseline: always {b['label']}) | - | {b['dev_accuracy']:.1%} | - | - | - |")
    out.append("")
    for name in results["sentiment"]:
        out.append(f"- {name}: {THRESHOLDS[name]}")
    out.append("")
    out.append("Confusion on the dev docs (rows gold, columns predicted neg/neu/pos):\n")
    for name, r in results["sentiment"].items():
        rows = "; ".join(f"{g}: {' '.join(str(r['dev_confusion_gold_by_pred'][g][p]) for p in LABELS)}"
                         for g in LABELS if any(r['dev_confusion_gold_by_pred'][g].values()))
        out.append(f"- {name}: {rows}")
    out.append("")
    out.append(f"## Throughput (corpus x{ts['repeats']} = {ts['docs']} docs, {ts['bytes'] / 1e6:.2f} MB, "
               f"best of {ts['runs']})\n")
    out.append("| call | version | best s | MB/s | all runs (s) |")
    out.append("|---|---|---|---|---|")
    tver = {"vaderSentiment-fr": vers["vaderSentiment-fr"], "textblob-fr": vers["textblob-fr"],
            "spacy": results["versions"]["spacy"], "avis-fr": vers["avis-fr"]}
    for name, r in results["throughput"].items():
        v = tver[name.split()[0]]
        out.append(f"| {name} | {v} | {r['best_s']:.3f} | {r['mb_per_s']:.3f} | "
                   f"{', '.join(f'{x:.3f}' for x in r['runs_s'])} |")
    out.append("")
    out.append("## spaCy blank fr tokenizer on tricky strings\n")
    out.append("| input | tokens |")
    out.append("|---|---|")
    for s, toks in results["spacy_tokenization"].items():
        shown = " · ".join(f"`{t}`" for t in toks)
        out.append(f"| `{s}` | {shown} |")
    print("\n".join(out))

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\n(figures written to {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
