#!/usr/bin/env python3
"""avis-fr from Python beside the Python peers: one run, one process, same corpus.

Throughput of each way into the library from Python, against the library's own
(timed inside Rust over the same texts in the same process: analyse and drop, no
Python objects), and against vaderSentiment-fr, textblob-fr and spacytextblob (on
textblob-fr's French lexicon).

Rows, per thread count (1, then every core):
  - library alone: `Analyzer._time_library(texts, threads)`, the Rust loop itself
    (`analyze_with`, evidence included), over texts read out of Python once
    (`Analyzer._library_texts`, outside the timing);
  - analyze_many: the batch call, one `Analysis` per text, nothing read;
  - analyze_many + read scores: the same, reading sentiment, each target's stance
    label and frames of every analysis (what the columns hold);
  - analyze_many + read evidence: reading every piece of evidence as Python objects
    (1 thread only);
  - analyze_columns: the columnar call;
  - the same two from a data frame's column (a pandas Series of the texts, stored
    in Arrow as pandas 3 does with pyarrow installed): `analyze_columns(series)`
    reads the column's UTF-8 buffers; `analyze_many(series.tolist())` is the
    fastest way to give it a column (reading the Series item by item is slower);
  - analyze loop: `analyzer.analyze(text)` in a Python loop (1 thread);
  - library alone, scores only (1 thread): the same loop on `analyze_scores`
    (the values, nothing that explains them), the library call that the batch
    calls make (their evidence and reasons are worked out when read), so that
    what Python adds is measured apart.

Throughput is MB/s = 10^6 bytes of UTF-8 text per second, best of --runs; the
rows are measured round-robin (one run of each, then again), so that a busy
machine slows them alike; each timed run follows an untimed run of the same row.
Each row is timed twice over: wall-clock seconds, and the CPU seconds of the whole
process (every thread) during the call (`time.process_time`). Throughput per CPU
second is the throughput per core: on a machine shared with other work it moves
much less than wall-clock time, which waits for the cores others hold. Usage,
from the repository root:

  bash peers/setup-python.sh && peers/.venv/bin/python peers/measure_python.py [--json PATH]

`--alternate N` then times `analyze_many` against `analyze_columns` alone, one call
of each in turn N times per thread count and input (a list, a pandas column): best
and median, and in how many turns the columns were faster. A difference of a few
percent between two rows shows there, not in best-of-runs rows minutes apart on a
shared machine.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import functools
import gc
import json
import math
import os
import platform
import sys
import time
import warnings
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT / ".." / "shared" / "corpus" / "consultation-2015.jsonl"
BUNDLED = REPO_ROOT / "data" / "consultation-2015.jsonl"


def read_texts(path: Path) -> list:
    """The `text` of each record of a JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def timed(fn) -> tuple:
    """(wall seconds, process CPU seconds) of one call of fn (its result dropped
    inside the timing)."""
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def pandas_column(bench: list):
    """The texts as a pandas Series (Arrow-backed with pandas 3 and pyarrow), or
    None without pandas."""
    try:
        import pandas
    except ImportError as e:
        print(f"(pandas column not measured: {e})", file=sys.stderr)
        return None
    return pandas.Series(bench)


# How the rows name the batch calls made from the pandas column.
COLUMN_CALLS = {"analyze_many": "analyze_many(column.tolist())",
                "analyze_columns": "analyze_columns(column)"}


def batch_calls(analyzer, bench: list, column, threads) -> dict:
    """`analyze_many` and `analyze_columns` on `threads`, from the list and, if
    there is one, from the pandas column: {(input, call): callable}."""
    calls = {("list", "analyze_many"): lambda: analyzer.analyze_many(bench, threads=threads),
             ("list", "analyze_columns"): lambda: analyzer.analyze_columns(bench, threads=threads)}
    if column is not None:
        calls[("pandas column", "analyze_many")] = (
            lambda: analyzer.analyze_many(column.tolist(), threads=threads))
        calls[("pandas column", "analyze_columns")] = (
            lambda: analyzer.analyze_columns(column, threads=threads))
    return calls


def avis_calls(bench: list, topic: str) -> dict:
    """The avis-fr rows: name -> callable that runs the whole benchmark once and
    returns the seconds taken."""
    import avis_fr

    analyzer = avis_fr.Analyzer(topic=topic)
    analyzer.analyze_many(bench[:100])  # warm the word memo, as the peers are warmed up
    targets = analyzer.targets
    # The library alone runs over texts copied out of Python once, outside the timing.
    library_texts = analyzer._library_texts(bench)
    column = pandas_column(bench)

    def read_scores(analyses):
        for a in analyses:
            a.sentiment.label, a.frames, [a.stance[t].label for t in targets]

    def read_evidence(analyses):
        for a in analyses:
            for e in a.evidence:
                e.start, e.role

    rows = {}
    cores = os.cpu_count() or 1
    for threads, tag in ((1, "1 thread"), (None, f"{cores} cores")):
        rows[f"library alone (Rust loop), {tag}"] = functools.partial(
            timed, lambda th=threads: analyzer._time_library(library_texts, th))
        rows[f"analyze_many + read scores, {tag}"] = functools.partial(
            timed, lambda th=threads: read_scores(analyzer.analyze_many(bench, threads=th)))
        for (source, call), run in batch_calls(analyzer, bench, column, threads).items():
            name = call if source == "list" else f"{COLUMN_CALLS[call]}, {source}"
            rows[f"{name}, {tag}"] = functools.partial(timed, run)
    rows["library alone, scores only (Rust loop), 1 thread"] = functools.partial(
        timed, lambda: analyzer._time_library(library_texts, 1, evidence=False))
    rows["analyze_many + read evidence, 1 thread"] = functools.partial(
        timed, lambda: read_evidence(analyzer.analyze_many(bench, threads=1)))
    rows["analyze loop, 1 thread"] = functools.partial(
        timed, lambda: [analyzer.analyze(t) for t in bench])
    return rows


def peer_calls(bench: list, texts: list) -> dict:
    """The peers' rows (those that import), each one call per text."""
    rows = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # fuzzywuzzy's note, see measure.py
            from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
        for t in texts:
            vader.polarity_scores(t)
        rows["vaderSentiment-fr polarity_scores"] = functools.partial(
            timed, lambda: [vader.polarity_scores(t) for t in bench])
    except ImportError as e:
        print(f"(vaderSentiment-fr not measured: {e})", file=sys.stderr)
    try:
        from textblob import TextBlob
        from textblob_fr import PatternAnalyzer

        tb = PatternAnalyzer()
        for t in texts:
            TextBlob(t, analyzer=tb).sentiment
        rows["textblob-fr sentiment"] = functools.partial(
            timed, lambda: [TextBlob(t, analyzer=tb).sentiment for t in bench])
        import spacy
        import spacytextblob.spacytextblob  # noqa: F401  (registers the factory)

        @spacy.registry.misc("avis_peers.textblob_fr")
        def textblob_fr():
            # spacytextblob's blob on textblob-fr's French lexicon, as a French user sets it up.
            return functools.partial(TextBlob, analyzer=tb)

        nlp = spacy.blank("fr")
        nlp.add_pipe("spacytextblob", config={"custom_blob": {"@misc": "avis_peers.textblob_fr"}})
        for t in texts:
            nlp(t)._.blob.polarity
        rows["spacytextblob (blank fr, textblob-fr) polarity"] = functools.partial(
            timed, lambda: [nlp(t)._.blob.polarity for t in bench])
    except ImportError as e:
        print(f"(textblob-fr / spacytextblob not measured: {e})", file=sys.stderr)
    return rows


def alternate(bench: list, topic: str, n: int) -> dict:
    """`analyze_many` against `analyze_columns`, from a list and from a pandas column,
    one call of each in turn n times (the order reversed every turn, each timed call
    after an untimed one, as in the rows), per thread count:
    {tag: {input: {call: [(wall s, CPU s), ...]}}}. The calls share the process,
    the machine's load and the build: their difference is the one thing that
    changes, which a best-of-7 row per call, minutes apart on a shared machine,
    cannot show when it is a few percent."""
    import avis_fr

    analyzer = avis_fr.Analyzer(topic=topic)
    analyzer.analyze_many(bench[:100])
    column = pandas_column(bench)
    cores = os.cpu_count() or 1
    result = {}
    for threads, tag in ((1, "1 thread"), (None, f"{cores} cores")):
        calls = batch_calls(analyzer, bench, column, threads)
        times = {key: [] for key in calls}
        for turn in range(n):
            for key in (list(calls) if turn % 2 == 0 else list(calls)[::-1]):
                calls[key]()
                times[key].append(timed(calls[key]))
        result[tag] = {}
        for (source, call), runs in times.items():
            result[tag].setdefault(source, {})[call] = runs
    return result


def sign_test(wins: int, turns: int) -> float:
    """Two-sided p-value of `wins` in `turns` under "neither call is faster" (each
    turn a fair coin): how often chance alone gives a split at least that uneven."""
    if turns == 0:
        return 1.0
    extreme = max(wins, turns - wins)
    tail = sum(math.comb(turns, k) for k in range(extreme, turns + 1)) / 2 ** turns
    return min(1.0, 2 * tail)


def alternate_table(result: dict) -> list:
    """Markdown lines for `alternate`'s result: per call, best and median times; for
    the columns, in how many turns they were faster (wall-clock, the same turn), the
    sign test's p-value of that count, and the median per-turn speed-up."""
    import statistics

    out = ["| threads | input | call | best wall ms | median wall ms | best CPU ms "
           "| median CPU ms | turns where columns was faster | sign test p "
           "| median per-turn many / columns |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for tag, sources in result.items():
        for source, times in sources.items():
            many, columns = times["analyze_many"], times["analyze_columns"]
            faster = sum(c[0] < m[0] for m, c in zip(many, columns))
            speedup = statistics.median(m[0] / c[0] for m, c in zip(many, columns))
            for name, runs in times.items():
                wall, cpu = [w * 1e3 for w, _ in runs], [c * 1e3 for _, c in runs]
                won = (f"{faster}/{len(runs)} | {sign_test(faster, len(runs)):.1g} "
                       f"| {speedup:.3f}" if name == "analyze_columns" else " |  | ")
                out.append(f"| {tag} | {source} | {name} | {min(wall):.2f} "
                           f"| {statistics.median(wall):.2f} | {min(cpu):.2f} "
                           f"| {statistics.median(cpu):.2f} | {won} |")
    return out


def main(argv=None) -> int:
    """Measure, print a Markdown table, optionally write JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED if SHARED.exists() else BUNDLED)
    ap.add_argument("--target-mb", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=5, help="rounds; the best run of each row is kept")
    ap.add_argument("--topic", default="consultation-2015")
    ap.add_argument("--no-peers", action="store_true", help="only the avis-fr rows")
    ap.add_argument("--alternate", type=int, default=0, metavar="N",
                    help="then analyze_many against analyze_columns, N turns each")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    # The machine's load before the run, for the record (a shared machine).
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    texts = read_texts(args.corpus)
    corpus_bytes = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, round(args.target_mb * 1e6 / corpus_bytes))
    bench = texts * reps
    nbytes = corpus_bytes * reps

    rows = avis_calls(bench, args.topic)
    peer_rows = {} if args.no_peers else peer_calls(bench, texts)
    times = {name: [] for name in [*rows, *peer_rows]}
    for _ in range(args.runs):
        for name, run in rows.items():
            # One untimed run first: a row that frees many objects leaves the
            # allocator returning memory to the system, and the next row would pay
            # the page faults to get it back.
            run()
            times[name].append(run())
    for name, run in peer_rows.items():  # the peers are slow: fewer runs
        for _ in range(min(args.runs, 3)):
            times[name].append(run())

    def best(name, clock):
        """Best seconds of a row: clock 0 is wall-clock time, 1 CPU time."""
        return min(t[clock] for t in times[name])

    def mbs(name, clock=0):
        return nbytes / best(name, clock) / 1e6

    cores = os.cpu_count() or 1
    out = [f"# avis-fr from Python ({_dt.datetime.now(_dt.timezone.utc):%Y-%m-%d %H:%M} UTC)\n",
           f"Corpus {args.corpus.name} x{reps} = {len(bench)} docs, {nbytes / 1e6:.2f} MB; "
           f"Python {platform.python_version()}, {cores} cores; best of {args.runs} "
           "(peers: of 3); load average before the run: "
           f"{load_before}.\n",
           "| call | best wall s | MB/s | library alone / this | best CPU s | MB per CPU s "
           "| library alone / this, per CPU s |",
           "|---|---|---|---|---|---|---|"]
    for name in times:
        ratio = cpu_ratio = ""
        for tag in ("1 thread", f"{cores} cores"):
            lib = f"library alone (Rust loop), {tag}"
            if name.endswith(tag) and not name.startswith("library"):
                ratio = f"{mbs(lib) / mbs(name):.2f}x"
                cpu_ratio = f"{mbs(lib, 1) / mbs(name, 1):.2f}x"
        out.append(f"| {name} | {best(name, 0):.4f} | {mbs(name):.1f} | {ratio} "
                   f"| {best(name, 1):.4f} | {mbs(name, 1):.1f} | {cpu_ratio} |")
    lean = "library alone, scores only (Rust loop), 1 thread"
    if lean in times:
        out.append("\nWhat Python adds, 1 thread, per CPU second (this / the library, scores "
                   "only, the library call the batch calls make): " + ", ".join(
                       f"{call} {mbs(lean, 1) / mbs(f'{call}, 1 thread', 1):.2f}x"
                       for call in ("analyze_many", "analyze_columns")))
    alternated = {}
    if args.alternate:
        alternated = alternate(bench, args.topic, args.alternate)
        out += [f"\n`analyze_many` against `analyze_columns`, {args.alternate} turns each "
                "(alternated, right after the rows; load average before: "
                + " ".join(f"{x:.2f}" for x in os.getloadavg()) + "):\n",
                *alternate_table(alternated)]
    print("\n".join(out))
    if args.json:
        result = {"date_utc": f"{_dt.datetime.now(_dt.timezone.utc):%Y-%m-%d %H:%M}",
                  "corpus": str(args.corpus), "docs": len(bench), "bytes": nbytes,
                  "cores": cores, "python": platform.python_version(),
                  "load_average_before": load_before,
                  "runs_s": {k: [round(w, 5) for w, _ in v] for k, v in times.items()},
                  "runs_cpu_s": {k: [round(c, 5) for _, c in v] for k, v in times.items()},
                  "mb_per_s": {k: mbs(k) for k in times},
                  "mb_per_cpu_s": {k: mbs(k, 1) for k in times}}
        if alternated:
            result["alternated_s"] = {
                tag: {source: {k: [[round(w, 5), round(c, 5)] for w, c in v]
                               for k, v in calls.items()}
                      for source, calls in sources.items()}
                for tag, sources in alternated.items()}
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
