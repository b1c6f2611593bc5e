#!/usr/bin/env python3
"""Learning curves of `avis fit` against the engine as it is and TF-IDF + logistic
regression (scikit-learn), on the same labels and the same folds.

For each labelled set and each number of labels N (50, 100, 200, 500, 1000, as far
as the set goes) and each seed: N texts drawn at random (stratified by label), cut
into 5 folds; each fold is predicted by each method fitted on the other four:

- `engine`: `avis score` as it is (nothing learned);
- `tfidf_lr`: `TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)` +
  `LogisticRegression(C=..., max_iter=2000)`, C chosen by `LogisticRegressionCV`
  on the training folds (what a data scientist writes in ten lines);
- `avis_fit`: `avis fit` on the training folds, `avis score --model` on the fold.

The figure is macro-F1 over the classes the gold labels hold, on all N texts
(each predicted once), averaged over seeds. The data is not in this repository:
point --data at the folder with the development sets (data/README.md says how to
fetch them).

    pip install scikit-learn
    cargo build --release
    python3 peers/fit_baseline.py --data data/external --avis target/release/avis
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from collections import defaultdict

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import f1_score

# name, file, extra `avis` options, label kind
SETS = [
    ("allocine", "allocine-train.jsonl", [], "sentiment"),
    ("tweets", "tweets-train.jsonl", [], "sentiment"),
    ("restaurants", "restaurants-tune.jsonl", [], "sentiment"),
    ("macron", "macron-train.jsonl",
     ["--topic", "examples/topics/presidentielle-2017.toml", "--target", "macron"], "stance"),
]
SIZES = [50, 100, 200, 500, 1000]
FOLDS = 5


def read(path):
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [{"id": str(r["id"]), "text": r["text"], "label": str(r["label"]).lower()} for r in rows]


def draw(rows, n, seed):
    """n rows, each label in its share, shuffled by seed."""
    rng = random.Random(seed)
    by_label = defaultdict(list)
    for r in rows:
        by_label[r["label"]].append(r)
    chosen = []
    for label in sorted(by_label):
        group = by_label[label][:]
        rng.shuffle(group)
        chosen += group[: round(n * len(group) / len(rows))]
    rng.shuffle(chosen)
    return chosen[:n]


def folds(rows, seed):
    """Stratified folds: each label dealt round the folds."""
    rng = random.Random(seed + 1000)
    out = [[] for _ in range(FOLDS)]
    k = 0
    for label in sorted({r["label"] for r in rows}):
        group = [i for i, r in enumerate(rows) if r["label"] == label]
        rng.shuffle(group)
        for i in group:
            out[k % FOLDS].append(i)
            k += 1
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def avis_labels(avis, rows, options, kind, model=None, tmp="."):
    """The label `avis score` gives each row (sentiment, or stance toward --target)."""
    path = os.path.join(tmp, "score.jsonl")
    write_jsonl(path, [{"id": r["id"], "text": r["text"]} for r in rows])
    command = [avis, "score", "-q", "--evidence", "none", path]
    opts = list(options)
    target = None
    if "--target" in opts:
        i = opts.index("--target")
        target = opts[i + 1]
        del opts[i : i + 2]
    command += opts
    if model:
        command += ["--model", model]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    labels = []
    for line in out.splitlines():
        record = json.loads(line)
        if kind == "stance":
            labels.append(record["stance"].get(target, {}).get("label", "none"))
        else:
            labels.append(record["sentiment"]["label"])
    return labels


def canonical(label, kind):
    if kind == "stance":
        return {"favour": "favor"}.get(label, label)
    return label


def run(args, name, file, options, kind, sizes, seeds, results):
    rows = read(os.path.join(args.data, file))
    for row in rows:
        row["label"] = canonical(row["label"], kind)
    with tempfile.TemporaryDirectory() as tmp:
        for n in [s for s in sizes if s <= len(rows)]:
            figures = defaultdict(list)
            for seed in seeds:
                sample = draw(rows, n, seed)
                m = len(sample)  # n, give or take the rounding of each label's share
                gold = [r["label"] for r in sample]
                predicted = {method: [None] * m for method in ("engine", "tfidf_lr", "avis_fit")}
                engine = avis_labels(args.avis, sample, options, kind, tmp=tmp)
                for k, fold in enumerate(folds(sample, seed)):
                    held = set(fold)
                    train = [i for i in range(m) if i not in held]
                    test_rows = [sample[i] for i in fold]
                    for i in fold:
                        predicted["engine"][i] = engine[i]
                    # TF-IDF + logistic regression.
                    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2)
                    x = vectorizer.fit_transform([sample[i]["text"] for i in train])
                    lr = LogisticRegressionCV(Cs=[0.1, 1, 10, 100], cv=3, max_iter=2000)
                    lr.fit(x, [gold[i] for i in train])
                    for i, p in zip(fold, lr.predict(vectorizer.transform([r["text"] for r in test_rows]))):
                        predicted["tfidf_lr"][i] = p
                    # avis fit on the training folds.
                    labelled = os.path.join(tmp, "train.jsonl")
                    write_jsonl(labelled, [sample[i] for i in train])
                    model = os.path.join(tmp, f"model-{k}")
                    fit_options = [o for o in options]
                    fitted = subprocess.run(
                        [args.avis, "fit", "-q", labelled, "-o", model, "--seed", str(seed)] + fit_options,
                        capture_output=True, text=True)
                    if fitted.returncode != 0:
                        # Too few labels of a class to learn from: the engine as it is.
                        print(f"# {name} {n} seed {seed} fold {k}: {fitted.stderr.strip()}", file=sys.stderr)
                        model = None
                    for i, p in zip(fold, avis_labels(args.avis, test_rows, options, kind, model=model, tmp=tmp)):
                        predicted["avis_fit"][i] = p
                present = sorted(set(gold))
                for method, labels in predicted.items():
                    figures[method].append(f1_score(gold, labels, labels=present, average="macro"))
            line = {method: round(sum(v) / len(v), 3) for method, v in figures.items()}
            results.append({"set": name, "labels": n, "seeds": len(seeds), **line})
            print(json.dumps(results[-1]), flush=True)


def main():
    warnings.simplefilter("ignore", FutureWarning)  # scikit-learn's notices of coming defaults
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="data/external")
    parser.add_argument("--avis", default="target/release/avis")
    parser.add_argument("--sets", default=",".join(s[0] for s in SETS))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--out", help="write the figures as JSON here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    results = []
    start = time.time()
    for name, file, options, kind in SETS:
        if name in args.sets.split(","):
            run(args, name, file, options, kind, sizes, seeds, results)
    print(f"# {time.time() - start:.0f} s", file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
