#!/usr/bin/env python3
"""Extract this project's external development data from snapshots of its public
source repositories into data/external/ (git-ignored), as JSON Lines for
`avis evaluate` and `peers/bench_accuracy.py`.

    git clone https://github.com/Akram-ch/TP_NLP_2023
    git clone https://github.com/mirkolai/MultilingualStanceDetection
    git clone https://github.com/cardiffnlp/xlm-t
    git clone https://github.com/ia-bentebib/TER-Sentiment-Analysis
    python3 scripts/dev-data.py --reviews TP_NLP_2023 \\
        --macron MultilingualStanceDetection --tweets xlm-t \\
        --restaurants TER-Sentiment-Analysis

(The first two may also be given as two positional arguments, as before.) Each
option is optional: only the sets whose repository is given are written.

Only the development parts are read out; the held-out parts stay where they are,
never opened:
- TV-series reviews (Allociné), `2-python_data_analysis/fr/train.tsv` (tune on
  it) and `dev.tsv` (report on it): label (0 bad, 1 good), a tab, the review,
  lowercased and space-tokenized. `test.tsv` is held out.
- Stance tweets on Emmanuel Macron (Lai et al. 2020), `dataset/macron_fr.csv`:
  only its rows whose `Set` is `Training` are written.
- French tweets in three classes (UMSAB, XLM-T), `data/sentiment/french/`:
  `train_*` (tune) and `val_*` (report); labels 0 negative, 1 neutral, 2
  positive. `test_*` is held out.
- French restaurant reviews with aspects (SemEval-2016 Task 5),
  `data/ABSA16FR_Restaurants_Train-withcontent.xml` only (the `Gold` files and
  the museum file are held out). Split by review, by a hash of its id, into a
  part to tune on (about 70%) and a part to report on (about 30%), two files each:
  `restaurants-{tune,report}.jsonl`, one record a sentence with its 3-class label
  (below), and `aspects-{tune,report}.jsonl`, one record an opinion with a named
  target (`target`, its character span `from`/`to` in `text`, `label` its
  polarity).

A sentence's label: its opinions' polarity when they agree (neutral opinions
give way to a positive or a negative one); a sentence whose opinions are both
positive and negative is left out (a mixed verdict is no one class); a sentence
with no opinion annotated is neutral; an empty sentence is left out.

Each repository is read at its committed HEAD (`git show`, a bare clone will do),
or as plain files when the folder is not a git repository.
"""
import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "external"
REVIEWS = "2-python_data_analysis/fr/{}.tsv"
MACRON = "dataset/macron_fr.csv"
TWEETS = "data/sentiment/french/{}_{}.txt"
RESTAURANTS = "data/ABSA16FR_Restaurants_Train-withcontent.xml"
TWEET_LABELS = {"0": "negative", "1": "neutral", "2": "positive"}


def read(repo: Path, path: str) -> str:
    """A file of the repository as committed (a checkout or a bare clone), else as
    a plain file of the folder."""
    out = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True)
    if out.returncode == 0:
        return out.stdout.decode("utf-8")
    return (repo / path).read_text(encoding="utf-8")


def write_jsonl(name: str, records: list) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    print(f"{path}: {len(records)} records", file=sys.stderr)


def reviews(repo: Path) -> None:
    for part in ("train", "dev"):
        records = []
        for n, line in enumerate(read(repo, REVIEWS.format(part)).splitlines(), 1):
            if not line.strip():
                continue
            label, _, text = line.partition("\t")
            if label not in ("0", "1") or not text:
                sys.exit(f"{REVIEWS.format(part)}:{n}: expected `0|1<TAB>text`")
            records.append({"id": n, "label": "positive" if label == "1" else "negative", "text": text})
        write_jsonl(f"allocine-{part}.jsonl", records)


def macron(repo: Path) -> None:
    rows = csv.DictReader(io.StringIO(read(repo, MACRON)))
    stance = {"AGAINST": "against", "FAVOUR": "favor", "FAVOR": "favor", "NONE": "none"}
    # Only the training rows are kept; nothing of the others is written or shown.
    records = [
        {"id": row["id"], "label": stance[row["Stance"].strip().upper()], "text": row["Tweet"]}
        for row in rows
        if row["Set"] == "Training"
    ]
    write_jsonl("macron-train.jsonl", records)


def tweets(repo: Path) -> None:
    for part in ("train", "val"):
        texts = read(repo, TWEETS.format(part, "text")).split("\n")
        labels = read(repo, TWEETS.format(part, "labels")).split("\n")
        # Both files end with a newline: the last empty field of each is no record.
        while texts and not texts[-1]:
            texts.pop()
        while labels and not labels[-1].strip():
            labels.pop()
        if len(texts) != len(labels):
            sys.exit(f"{TWEETS.format(part, '*')}: {len(texts)} texts but {len(labels)} labels")
        records = []
        for n, (text, label) in enumerate(zip(texts, labels), 1):
            if label.strip() not in TWEET_LABELS:
                sys.exit(f"{TWEETS.format(part, 'labels')}:{n}: expected 0, 1 or 2")
            records.append({"id": n, "label": TWEET_LABELS[label.strip()], "text": text})
        write_jsonl(f"tweets-{part}.jsonl", records)


def report_part(review_id: str) -> bool:
    """About 30% of the reviews, chosen by a hash of their id: the same split on
    every machine, and every sentence of a review on the same side."""
    return hashlib.sha256(review_id.encode("utf-8")).digest()[0] < 77


def sentence_label(polarities: set) -> str | None:
    if {"positive", "negative"} <= polarities:
        return None
    for label in ("positive", "negative"):
        if label in polarities:
            return label
    return "neutral"


def restaurants(repo: Path) -> None:
    root = ET.fromstring(read(repo, RESTAURANTS))
    parts = {"tune": ([], []), "report": ([], [])}
    for review in root.iter("Review"):
        sentences, aspects = parts["report" if report_part(review.get("rid")) else "tune"]
        for sentence in review.iter("sentence"):
            text = sentence.findtext("text") or ""
            if not text.strip():
                continue
            opinions = sentence.findall("./Opinions/Opinion")
            label = sentence_label({o.get("polarity") for o in opinions})
            if label is not None:
                sentences.append({"id": sentence.get("id"), "label": label, "text": text})
            for n, opinion in enumerate(opinions):
                target = opinion.get("target")
                if target == "NULL":
                    continue
                start, end = int(opinion.get("from")), int(opinion.get("to"))
                if text[start:end] != target:
                    sys.exit(f"{RESTAURANTS}: sentence {sentence.get('id')}: target {target!r} not at {start}..{end}")
                aspects.append({
                    "id": f"{sentence.get('id')}#{n}", "target": target, "from": start, "to": end,
                    "label": opinion.get("polarity"), "text": text,
                })
    for part, (sentences, aspects) in parts.items():
        write_jsonl(f"restaurants-{part}.jsonl", sentences)
        write_jsonl(f"aspects-{part}.jsonl", aspects)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("legacy", nargs="*", type=Path, help="REVIEWS_REPO MACRON_REPO (as before)")
    parser.add_argument("--reviews", type=Path, help="a clone of Akram-ch/TP_NLP_2023")
    parser.add_argument("--macron", type=Path, help="a clone of mirkolai/MultilingualStanceDetection")
    parser.add_argument("--tweets", type=Path, help="a clone of cardiffnlp/xlm-t")
    parser.add_argument("--restaurants", type=Path, help="a clone of ia-bentebib/TER-Sentiment-Analysis")
    args = parser.parse_args()
    if args.legacy:
        if len(args.legacy) != 2:
            parser.error("positional arguments: REVIEWS_REPO MACRON_REPO")
        args.reviews, args.macron = args.reviews or args.legacy[0], args.macron or args.legacy[1]
    jobs = [(args.reviews, reviews), (args.macron, macron), (args.tweets, tweets), (args.restaurants, restaurants)]
    if not any(repo for repo, _ in jobs):
        parser.error("give at least one repository")
    for repo, job in jobs:
        if repo is not None:
            job(repo)


if __name__ == "__main__":
    main()
