#!/usr/bin/env python3
"""List the words of the development tune corpora that no lexicon entry knows, and
the entries the same corpora contradict.

    cargo build --release --bin avis
    python3 tools/unknown_words.py                    # the 200 most frequent unknown words
    python3 tools/unknown_words.py --top 500 --min-count 5
    python3 tools/unknown_words.py --ngrams 2         # two-word sequences, neither word known
    python3 tools/unknown_words.py --contradicted     # entries whose texts lean the other way

A word is *known* when some evidence span of `avis score` (every matched marker:
sentiment words, rule words, targets) covers it; the rest are unknown. Words are
counted once per text, per domain, over the tune parts only (the report parts are
read through the accuracy bench's figures, never here):

| domain | file | labels |
|---|---|---|
| allocine | allocine-train | positive / negative (a review) |
| tweets | tweets-train | negative / neutral / positive (a tweet) |
| restaurants | restaurants-tune | negative / neutral / positive (a sentence) |
| aspects | aspects-tune (one text per sentence) | counted, no label: its labels are per aspect |
| macron | macron-train | counted, no label: its labels are stances |

How skewed a word is toward each label: over the labelled domains, the number of
texts of each label that hold it (`obs`) against the number expected if the word
were spread like the texts of its domain (`exp`, from each domain's share of that
label). `lean` is log2 of (positive obs/exp) over (negative obs/exp), smoothed by
one text: above 1, the word sits mostly in positive texts; below -1, in negative
ones. A lean is a hint for a reader, not a reason for an entry: a series' name
leans too (see lexicons/README.md for what an entry must be).

Function words (determiners, pronouns, prepositions, auxiliaries) are left out of
the list unless `--all`: they are never sentiment entries, and they would fill it.

`--contradicted` lists sentiment entries matched in at least `--min-count` texts
(not under a negation or an irony cue) whose texts lean against the entry's sign by
`--lean` or more: each is a sense to check, not an error to fix by itself.
Standard library only; the `avis` binary of this checkout (or `--avis PATH`).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT / "data" / "external"
# domain -> (tune file, whether its labels are sentiment labels)
DOMAINS = {
    "allocine": ("allocine-train", True),
    "tweets": ("tweets-train", True),
    "restaurants": ("restaurants-tune", True),
    "aspects": ("aspects-tune", False),
    "macron": ("macron-train", False),
}
LABELS = ("negative", "neutral", "positive")

# French function words: closed classes that no sentiment entry is made of alone.
FUNCTION_WORDS = set("""
a à ai aie aient ais ait alors as au aucun aucune aura aurait aux avaient avais avait
avec avez avoir avons ayant c ça car ce ceci cela celle celles celui cet cette ceux
chaque chez ci comme comment d dans de des donc dont du elle elles en entre es est et
étaient était étant été êtes être eu eux fait faire font furent fut il ils j je jusqu
l la là le les leur leurs lui m ma mais me même mes moi mon n ne ni nos notre nous on
ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles
quels qui quoi s sa sans se ses si sien soi soit son sont sous suis sur t ta te tes
toi ton tous tout toute toutes tu un une vos votre vous y
aussi autre autres avant après bien cet cette déjà encore ici là-bas lors puis sera
serait ont avons va vont vais fois ainsi alors tant très trop où dont celle-ci
http https www com user rt amp
""".split())

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load(domains: list[str]) -> dict[str, list[dict]]:
    sets = {}
    for domain in domains:
        name, _ = DOMAINS[domain]
        path = EXTERNAL / f"{name}.jsonl"
        if not path.exists():
            print(f"{domain}: {path} is absent, skipped (scripts/dev-data.py)", file=sys.stderr)
            continue
        records = read_jsonl(path)
        if domain == "aspects":
            seen, unique = set(), []
            for r in records:
                if r["text"] not in seen:
                    seen.add(r["text"])
                    unique.append({"text": r["text"], "label": None})
            records = unique
        sets[domain] = records
    return sets


def score(binary: Path, records: list[dict]) -> list[dict]:
    """`avis score` with all evidence, in order."""
    lines = "".join(json.dumps({"id": i, "text": r["text"]}, ensure_ascii=False) + "\n"
                    for i, r in enumerate(records))
    out = subprocess.run([str(binary), "score", "-q", "--format", "jsonl", "--evidence", "all"],
                         input=lines, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} score failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines()]


def words_of(text: str, evidence: list[dict]) -> list[tuple[str, bool]]:
    """Each word of `text`, lowercase, and whether an evidence span covers it
    (evidence spans are byte offsets)."""
    data = text.encode("utf-8")
    spans = sorted((e["start"], e["end"]) for e in evidence)
    out = []
    for m in WORD_RE.finditer(text):
        start = len(text[: m.start()].encode("utf-8"))
        end = start + len(m.group().encode("utf-8"))
        known = any(s < end and start < e for s, e in spans)
        out.append((data[start:end].decode("utf-8").lower(), known))
    return out


class Tally:
    """Texts per word: per domain, and per label over the labelled domains."""

    def __init__(self, sets: dict[str, list[dict]]):
        self.sets = sets
        self.by_domain: dict[str, Counter] = defaultdict(Counter)
        self.by_label: dict[str, Counter] = defaultdict(Counter)
        self.expected: dict[str, Counter] = defaultdict(Counter)
        self.share = {}
        for domain, records in sets.items():
            if DOMAINS[domain][1]:
                labels = Counter(r["label"] for r in records)
                self.share[domain] = {lab: labels[lab] / len(records) for lab in LABELS}

    def add(self, domain: str, label: str | None, key: str) -> None:
        self.by_domain[key][domain] += 1
        if domain in self.share:
            self.by_label[key][label] += 1
            for lab in LABELS:
                self.expected[key][lab] += self.share[domain][lab]

    def lean(self, key: str) -> float:
        obs, exp = self.by_label[key], self.expected[key]
        pos = (obs["positive"] + 1) / (exp["positive"] + 1)
        neg = (obs["negative"] + 1) / (exp["negative"] + 1)
        return math.log2(pos / neg)

    def total(self, key: str) -> int:
        return sum(self.by_domain[key].values())

    def row(self, key: str, domains: list[str]) -> str:
        obs, exp = self.by_label[key], self.expected[key]
        cells = [f"{self.by_domain[key][d]:>6}" for d in domains]
        labels = " ".join(f"{obs[lab]:>4}/{exp[lab]:<5.1f}" for lab in LABELS)
        return f"{self.total(key):>6} " + "".join(cells) + f"  {labels} {self.lean(key):+6.2f}"

    def header(self, first: str, domains: list[str]) -> str:
        cells = "".join(f"{d[:6]:>6}" for d in domains)
        labels = " ".join(f"{lab[:3] + ' obs/exp':<10}" for lab in LABELS)
        return f"{first:<24} {'texts':>6} {cells}  {labels} {'lean':>6}"


def unknown(sets, scored, ngrams: int, keep_function: bool) -> Tally:
    tally = Tally(sets)
    for domain, records in sets.items():
        for record, result in zip(records, scored[domain]):
            words = words_of(record["text"], result.get("evidence", []))
            seen = set()
            for i in range(len(words) - ngrams + 1):
                gram = words[i:i + ngrams]
                if any(known for _, known in gram):
                    continue
                if not keep_function and all(w in FUNCTION_WORDS for w, _ in gram):
                    continue
                if not keep_function and ngrams == 1 and len(gram[0][0]) < 2:
                    continue
                seen.add(" ".join(w for w, _ in gram))
            for key in seen:
                tally.add(domain, record["label"], key)
    return tally


def negated(ev: dict) -> bool:
    return any(rule.get("rule") in ("negation", "irony", "absence") for rule in ev.get("rules", []))


def contradicted(sets, scored, min_count: int, min_lean: float):
    tally = Tally(sets)
    valence, forms = {}, defaultdict(Counter)
    for domain, records in sets.items():
        for record, result in zip(records, scored[domain]):
            seen = set()
            for ev in result.get("evidence", []):
                if ev.get("role") != "sentiment" or negated(ev):
                    continue
                valence[ev["entry"]] = ev["valence"]
                forms[ev["entry"]][ev["text"].lower()] += 1
                seen.add(ev["entry"])
            for entry in seen:
                tally.add(domain, record["label"], entry)
    rows = []
    for entry, v in valence.items():
        obs = tally.by_label[entry]
        if sum(obs.values()) < min_count:
            continue
        lean = tally.lean(entry)
        if (v > 0 and lean <= -min_lean) or (v < 0 and lean >= min_lean):
            rows.append((entry, v, lean))
    return tally, rows, forms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--avis", type=Path, default=ROOT / "target" / "release" / "avis")
    ap.add_argument("--domains", default=",".join(DOMAINS), help="comma-separated")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--min-count", type=int, default=3, help="texts a word must be in")
    ap.add_argument("--ngrams", type=int, default=1, help="1: words; 2: two-word sequences")
    ap.add_argument("--sort", choices=("count", "lean"), default="count",
                    help="by texts, or by how far the lean is from 0")
    ap.add_argument("--all", action="store_true", help="keep the function words")
    ap.add_argument("--contradicted", action="store_true", help="entries the texts contradict")
    ap.add_argument("--lean", type=float, default=1.0, help="--contradicted: the lean to flag")
    args = ap.parse_args()
    if not args.avis.exists():
        sys.exit(f"{args.avis} is absent: cargo build --release --bin avis")
    sets = load([d for d in args.domains.split(",") if d])
    scored = {domain: score(args.avis, records) for domain, records in sets.items()}
    domains = list(sets)
    sizes = ", ".join(f"{d} {len(r)}" for d, r in sets.items())
    if args.contradicted:
        tally, rows, forms = contradicted(sets, scored, args.min_count, args.lean)
        print(f"# entries contradicted by the tune texts ({sizes}); lean >= {args.lean}")
        print(tally.header("entry (valence)", domains) + "  forms seen")
        for entry, v, lean in sorted(rows, key=lambda r: -abs(r[2])):
            seen = ", ".join(f for f, _ in forms[entry].most_common(4))
            print(f"{entry + ' (' + format(v, '+.1f') + ')':<24} {tally.row(entry, domains)}  {seen}")
        return 0
    tally = unknown(sets, scored, args.ngrams, args.all)
    keys = [k for k in tally.by_domain if tally.total(k) >= args.min_count]
    if args.sort == "lean":
        keys.sort(key=lambda k: (-abs(tally.lean(k)), -tally.total(k), k))
    else:
        keys.sort(key=lambda k: (-tally.total(k), k))
    print(f"# words no entry knows, in the tune texts ({sizes}); {len(keys)} in "
          f"{args.min_count}+ texts")
    print(tally.header("word", domains))
    for key in keys[: args.top]:
        print(f"{key:<24} {tally.row(key, domains)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
