#!/usr/bin/env python3
"""The accuracy bench: every development domain, avis-fr and its peers, one table,
one run.

    bash peers/setup.sh && peers/.venv/bin/python peers/bench_accuracy.py

Every change to lexicons, rules or weights is judged here on all domains at once:
it is kept only if the mean rises and no domain falls by more than a point
(`--compare BEFORE.json` prints the deltas and says whether that holds).

Domains (external sets are extracted into data/external/ by scripts/dev-data.py,
whose docstring says where to download them; an absent set is skipped with a
message, and the thread and the behaviour suite are in this repository):

| domain | report part (default) | tune part (`--part tune`) | figure |
|---|---|---|---|
| allocine | allocine-dev | allocine-train | accuracy by the score's sign (0 is a miss) |
| tweets | tweets-val | tweets-train | macro-F1, negative/neutral/positive |
| restaurants | restaurants-report | restaurants-tune | accuracy, three classes |
| aspects | aspects-report | aspects-tune | accuracy of the stance toward each named target, read as polarity |
| macron | macron-train | macron-train | stance macro-F1 of against and favor |
| thread | gold-dev (23) | gold-dev (23) | sentiment accuracy |
| thread-stance | gold-dev (23) | gold-dev (23) | stance accuracy toward its two targets |
| behaviour | tests/behaviour | tests/behaviour | share of cases passed |
| behaviour-labels | tests/behaviour | tests/behaviour | share of its sentiment-label cases right (peers too) |

The peers (vaderSentiment-fr, textblob-fr) are scored with VADER's thresholds
(+-0.05) for three classes and by sign for two; `--peers-best` adds each one's
figure at its best threshold on the same file (an upper bound: tuned on what it
is scored on). Peer scores are cached in data/external/.peer-cache.json (keyed by
the text), since the peers never change. For aspects the peers have no stance:
their sentence's sentiment is read as each aspect's polarity.

avis-fr runs as `avis score --evidence none` (the binary of this checkout, built
first), over a topic per domain: the Macron topic of examples/, the thread's
built-in topic, and for aspects a topic generated from the set, one target per
aspect term naming it (what a user who lists their aspects writes).
`--avis PATH` (repeatable) adds the figures of another build beside it, e.g. the
`avis` of `main` before a change, in the same run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import unicodedata
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT / "data" / "external"
CACHE = EXTERNAL / ".peer-cache.json"
MACRON_TOPIC = ROOT / "examples" / "topics" / "presidentielle-2017.toml"
DOWNLOAD = "see scripts/dev-data.py (its docstring names the repositories and the command)"

# domain -> (report file, tune file, figure)
DOMAINS = {
    "allocine": ("allocine-dev", "allocine-train", "accuracy by sign"),
    "tweets": ("tweets-val", "tweets-train", "macro-F1, 3 classes"),
    "restaurants": ("restaurants-report", "restaurants-tune", "accuracy, 3 classes"),
    "aspects": ("aspects-report", "aspects-tune", "aspect polarity accuracy"),
    "macron": ("macron-train", "macron-train", "stance macro-F1 against/favor"),
    "thread": ("gold-dev", "gold-dev", "sentiment accuracy (23)"),
    "thread-stance": ("gold-dev", "gold-dev", "stance accuracy, 2 targets (46)"),
    "behaviour": ("behaviour", "behaviour", "cases passed"),
    "behaviour-labels": ("behaviour", "behaviour", "sentiment-label cases right"),
}
LABELS = ("negative", "neutral", "positive")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- figures ---------------------------------------------------------------


def label_of(score: float, threshold: float = 0.05) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


def accuracy(pred: list[str], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(pred, gold)) / len(gold) if gold else 0.0


def macro_f1(pred: list[str], gold: list[str], classes: tuple[str, ...]) -> float:
    f1s = []
    for c in classes:
        tp = sum(p == c and g == c for p, g in zip(pred, gold))
        p_n, g_n = pred.count(c), gold.count(c)
        prec, rec = (tp / p_n if p_n else 0.0), (tp / g_n if g_n else 0.0)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def by_sign(scores: list[float], threshold: float = 0.0) -> list[str]:
    return ["positive" if s > threshold else "negative" if s < threshold else "none" for s in scores]


def best_threshold(figure, scores: list[float]) -> float:
    """The figure at the best threshold on the same file (an upper bound)."""
    cuts = sorted({abs(s) for s in scores} | {0.0})
    mids = [(a + b) / 2 for a, b in zip(cuts, cuts[1:])] or [0.05]
    return max(figure(scores, t) for t in mids[:: max(1, len(mids) // 400)])


# --- avis-fr ---------------------------------------------------------------


def avis_score(binary: Path, records: list[dict], topic: str | None = None, weights: Path | None = None) -> list[dict]:
    """`avis score --evidence none` over the records, in order."""
    args = [str(binary), "score", "-q", "--evidence", "none", "--format", "jsonl"]
    if topic:
        args += ["--topic", topic]
    if weights:
        args += ["--weights", str(weights)]
    lines = "".join(json.dumps({"id": i, "text": r["text"]}, ensure_ascii=False) + "\n" for i, r in enumerate(records))
    out = subprocess.run(args, input=lines, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} score failed: {out.stderr.strip()}")
    scored = [json.loads(line) for line in out.stdout.splitlines()]
    if len(scored) != len(records):
        sys.exit(f"{binary} score: {len(records)} records in, {len(scored)} out")
    return scored


def aspect_key(term: str) -> str:
    """One target per aspect whatever its number or accents: `plats` and `plat`
    are one aspect, as the engine matches them."""
    folded = "".join(c for c in unicodedata.normalize("NFD", term.lower()) if not unicodedata.combining(c))
    words = [re.sub(r"(?<=\w\w)[sx]$", "", w) for w in re.findall(r"\w+", folded)]
    return "_".join(words) or "x"


def aspect_topic(records: list[dict]) -> str:
    names: dict[str, set[str]] = {}
    for r in records:
        names.setdefault(aspect_key(r["target"]), set()).add(r["target"].lower())
    lines = ["# Generated by peers/bench_accuracy.py: one target per aspect term of the set."]
    for key in sorted(names):
        quoted = ", ".join(json.dumps(n, ensure_ascii=False) for n in sorted(names[key]))
        lines += [f'[targets."a_{key}"]', f"names = [{quoted}]", ""]
    return "\n".join(lines)


POLARITY = {"favor": "positive", "against": "negative", "none": "neutral"}


def avis_figures(binary: Path, sets: dict, weights: Path | None = None) -> dict[str, float]:
    """avis-fr's figure on each set (`weights`: a TOML file of tuning constants)."""
    out = {}
    score = lambda records, topic=None: avis_score(binary, records, topic, weights)  # noqa: E731
    for domain, records in sets.items():
        if domain in ("behaviour", "behaviour-labels"):
            continue
        if domain == "allocine":
            scores = [r["sentiment"]["score"] for r in score(records)]
            out[domain] = accuracy(by_sign(scores), [r["label"] for r in records])
        elif domain in ("tweets", "restaurants"):
            pred = [r["sentiment"]["label"] for r in score(records)]
            gold = [r["label"] for r in records]
            out[domain] = macro_f1(pred, gold, LABELS) if domain == "tweets" else accuracy(pred, gold)
        elif domain == "aspects":
            with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as f:
                f.write(aspect_topic(records))
            try:
                scored = score(records, f.name)
            finally:
                os.unlink(f.name)
            pred = [POLARITY[s["stance"][f"a_{aspect_key(r['target'])}"]["label"]] for r, s in zip(records, scored)]
            out[domain] = accuracy(pred, [r["label"] for r in records])
        elif domain == "macron":
            scored = score(records, str(MACRON_TOPIC))
            pred = [s["stance"]["macron"]["label"] for s in scored]
            out[domain] = macro_f1(pred, [r["label"] for r in records], ("against", "favor"))
        elif domain == "thread":
            scored = score(records, "consultation-2015")
            out[domain] = accuracy([s["sentiment"]["label"] for s in scored], [r["label"] for r in records])
        elif domain == "thread-stance":
            scored = score(records, "consultation-2015")
            pairs = [(s["stance"][t]["label"], r["stance"][t]) for r, s in zip(records, scored) for t in r["stance"]]
            out[domain] = accuracy([p for p, _ in pairs], [g for _, g in pairs])
    return out


def behaviour_report() -> dict | None:
    """The behaviour suite's results as its test writes them (AVIS_BEHAVIOUR_JSON),
    or None when the suite is not there."""
    if not (ROOT / "tests" / "behaviour.rs").exists():
        return None
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    try:
        env = dict(os.environ, AVIS_BEHAVIOUR_JSON=path)
        subprocess.run(["cargo", "test", "--release", "-q", "--test", "behaviour"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
        report = json.loads(Path(path).read_text(encoding="utf-8") or "null")
    except (OSError, json.JSONDecodeError):
        return None
    finally:
        os.unlink(path)
    return report or None


def behaviour_label_cases(report: dict) -> list[dict]:
    """The suite's sentiment-label cases (one text, a label): what the peers can be
    scored on too."""
    return [
        {"text": r["texts"][0], "label": r["expected"], "passed": r["passed"]}
        for b in report["behaviours"]
        for r in b["results"]
        if r["check"] == "label" and r["measure"] == "sentiment"
    ]


# --- peers -----------------------------------------------------------------


def peer_scorers():
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


def peer_scores(sets: dict) -> dict[str, dict[str, list[float]]]:
    """Each peer's score of each text of each set, from the cache where it has them."""
    cache = json.loads(CACHE.read_text(encoding="utf-8")) if CACHE.exists() else {}
    scorers = None
    out: dict[str, dict[str, list[float]]] = {}
    for domain, records in sets.items():
        if domain in ("behaviour", "thread-stance") or not records:
            continue
        for tool in ("vaderSentiment-fr", "textblob-fr"):
            known = cache.setdefault(tool, {})
            scores = []
            for r in records:
                key = hashlib.sha256(r["text"].encode("utf-8")).hexdigest()[:24]
                if key not in known:
                    scorers = scorers or peer_scorers()
                    known[key] = scorers[tool](r["text"])
                scores.append(known[key])
            out.setdefault(tool, {})[domain] = scores
    if scorers is not None:
        EXTERNAL.mkdir(parents=True, exist_ok=True)
        tmp = CACHE.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache), encoding="utf-8")
        tmp.replace(CACHE)
    return out


def peer_figures(scores: dict[str, list[float]], sets: dict, best: bool) -> dict[str, float]:
    out = {}
    for domain, s in scores.items():
        records = sets[domain]
        gold = [r["label"] for r in records]
        if domain == "allocine":
            figure = lambda sc, t: accuracy(by_sign(sc, t), gold)  # noqa: E731
            out[domain] = figure(s, 0.0)
        elif domain == "macron":
            figure = lambda sc, t: macro_f1(  # noqa: E731
                ["favor" if x >= t else "against" if x <= -t else "none" for x in sc], gold, ("against", "favor"))
            out[domain] = figure(s, 0.05)
        elif domain == "tweets":
            figure = lambda sc, t: macro_f1([label_of(x, t) for x in sc], gold, LABELS)  # noqa: E731
            out[domain] = figure(s, 0.05)
        else:
            figure = lambda sc, t: accuracy([label_of(x, t) for x in sc], gold)  # noqa: E731
            out[domain] = figure(s, 0.05)
        if best:
            out[domain + "*"] = best_threshold(figure, s)
    return out


# --- the table ---------------------------------------------------------------


def load_sets(part: str) -> dict[str, list[dict]]:
    sets = {}
    for domain, (report, tune, _) in DOMAINS.items():
        name = report if part == "dev" else tune
        if domain in ("thread", "thread-stance"):
            gold = {r["id"]: r for r in read_jsonl(ROOT / "data" / "gold-dev.jsonl")}
            docs = [d for d in read_jsonl(ROOT / "data" / "consultation-2015.jsonl") if d["id"] in gold]
            sets[domain] = [
                {"text": d["text"], "label": gold[d["id"]]["sentiment"], "stance": gold[d["id"]]["stance"]}
                for d in docs
            ]
        elif domain in ("behaviour", "behaviour-labels"):
            sets[domain] = []
        elif (EXTERNAL / f"{name}.jsonl").exists():
            sets[domain] = read_jsonl(EXTERNAL / f"{name}.jsonl")
        else:
            print(f"bench: {domain}: data/external/{name}.jsonl is absent, skipped ({DOWNLOAD})", file=sys.stderr)
    return sets


def build_avis() -> Path:
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "avis"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "avis"


def mean(row: dict[str, float]) -> float:
    values = [v for k, v in row.items() if not k.endswith("*")]
    return statistics.fmean(values) if values else 0.0


def print_table(columns: dict[str, dict[str, float]], sets: dict, part: str) -> None:
    names = list(columns)
    width = max(12, *(len(n) for n in names))
    print(f"accuracy bench, {part} parts: one run")
    print(f"{'domain':<12} {'n':>5}  {'figure':<30}" + "".join(f" {n:>{width}}" for n in names))
    for domain, (_, _, figure) in DOMAINS.items():
        if domain not in sets:
            continue
        n = len(sets[domain]) or ""
        cells = []
        for name in names:
            value = columns[name].get(domain)
            best = columns[name].get(domain + "*")
            text = "–" if value is None else f"{value:.3f}" + (f" ({best:.3f})" if best is not None else "")
            cells.append(f" {text:>{width}}")
        print(f"{domain:<12} {n:>5}  {figure:<30}" + "".join(cells))
    print(f"{'mean':<12} {'':>5}  {'of the domains above':<30}" + "".join(
        f" {mean(columns[n]):>{width}.3f}" for n in names))


def compare(now: dict[str, float], before_path: Path) -> bool:
    before = json.loads(before_path.read_text(encoding="utf-8"))["avis-fr"]
    common = [d for d in now if d in before]
    print(f"\nagainst {before_path}:")
    ok = True
    for d in common:
        delta = now[d] - before[d]
        fell = delta < -0.01
        ok &= not fell
        print(f"  {d:<12} {before[d]:.3f} -> {now[d]:.3f} ({delta:+.3f}){'  FELL MORE THAN A POINT' if fell else ''}")
    m_before = statistics.fmean(before[d] for d in common)
    m_now = statistics.fmean(now[d] for d in common)
    ok &= m_now > m_before
    print(f"  {'mean':<12} {m_before:.3f} -> {m_now:.3f} ({m_now - m_before:+.4f})")
    print("  kept by the rule (mean rises, no domain falls by more than a point)" if ok else "  NOT kept by the rule")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "tune"), default="dev")
    parser.add_argument("--no-peers", action="store_true", help="avis-fr alone (quick)")
    parser.add_argument("--peers-best", action="store_true", help="also each peer at its best threshold")
    parser.add_argument("--no-behaviour", action="store_true", help="skip the behaviour suite (saves a cargo test)")
    parser.add_argument("--binary", type=Path, help="score with this avis binary instead of building this checkout's")
    parser.add_argument("--avis", action="append", default=[], type=Path, help="another avis binary to score beside")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="a --json file of before: deltas and the keep rule")
    args = parser.parse_args()

    sets = load_sets(args.part)
    report = None if args.no_behaviour else behaviour_report()
    if report is None:
        sets.pop("behaviour", None)
        sets.pop("behaviour-labels", None)
    else:
        sets["behaviour-labels"] = behaviour_label_cases(report)
    columns = {"avis-fr": avis_figures(args.binary or build_avis(), sets)}
    if report is not None:
        columns["avis-fr"]["behaviour"] = report["passed"] / report["cases"]
        cases = sets["behaviour-labels"]
        columns["avis-fr"]["behaviour-labels"] = sum(c["passed"] for c in cases) / len(cases)
    for other in args.avis:
        columns[f"avis-fr ({other})"] = avis_figures(other, sets)
    if not args.no_peers:
        for tool, scores in peer_scores(sets).items():
            columns[tool] = peer_figures(scores, sets, args.peers_best)
    print_table(columns, sets, args.part)
    if args.json:
        args.json.write_text(json.dumps(columns, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        compare(columns["avis-fr"], args.compare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
