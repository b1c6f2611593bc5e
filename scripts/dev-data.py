#!/usr/bin/env python3
"""Extract this project's external development data from clones of its two public
source repositories into data/external/ (git-ignored), as JSON Lines for
`avis evaluate`.

    git clone https://github.com/Akram-ch/TP_NLP_2023
    git clone https://github.com/mirkolai/MultilingualStanceDetection
    python3 scripts/dev-data.py TP_NLP_2023 MultilingualStanceDetection

Only the development parts are read out; the held-out parts stay where they are:
- TV-series reviews (Allociné), `2-python_data_analysis/fr/train.tsv` (tune on it)
  and `dev.tsv` (report on it): label (0 bad, 1 good), a tab, the review,
  lowercased and space-tokenized. `test.tsv` is held out and never opened.
- Stance tweets on Emmanuel Macron (Lai et al. 2020), `dataset/macron_fr.csv`:
  only its rows whose `Set` is `Training` are written; the other rows and files
  are held out.

Each repository is read at its committed HEAD (`git show`, a bare clone will do),
or as plain files when the folder is not a git repository.
"""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "external"
REVIEWS = "2-python_data_analysis/fr/{}.tsv"
TWEETS = "dataset/macron_fr.csv"


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


def tweets(repo: Path) -> None:
    rows = csv.DictReader(io.StringIO(read(repo, TWEETS)))
    stance = {"AGAINST": "against", "FAVOUR": "favor", "FAVOR": "favor", "NONE": "none"}
    # Only the training rows are kept; nothing of the others is written or shown.
    records = [
        {"id": row["id"], "label": stance[row["Stance"].strip().upper()], "text": row["Tweet"]}
        for row in rows
        if row["Set"] == "Training"
    ]
    write_jsonl("macron-train.jsonl", records)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    reviews(Path(sys.argv[1]))
    tweets(Path(sys.argv[2]))
