#!/usr/bin/env python3
"""Choose the engine's tuning constants (avis_fr::Weights) on every development
domain at once, and say how well that generalises to a domain left out.

    bash peers/setup.sh && peers/.venv/bin/python peers/fit_weights.py [--lodo]

The figure fitted is the mean over the tune parts of the accuracy bench's domains
(peers/bench_accuracy.py: Allociné train, tweets train, restaurant sentences and
aspects of the tune part, the Macron training rows, the thread's sentiment and
stance dev labels). Coordinate descent from the current defaults: each weight in
turn is tried at each value of its grid, the others held, and a value is kept only
by the bench's rule: the mean rises (by more than KEEP) and no domain falls by
more than a point. Two passes, or until nothing moves.

`--lodo` (leave one domain out): for each domain, fit on the others alone, then
report the left-out domain's figure with the defaults and with those weights; a
weight that only helps the domains it was fitted on shows as a loss there.

The result is printed as a `weights.toml` (what `avis score --weights` and
`Weights::from_toml` read) with the figures; `--write FILE` saves it. The report
parts (allocine-dev, tweets-val, restaurants-report, aspects-report) are never
read here.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_accuracy as bench  # noqa: E402

KEEP = 0.0005
# (section, key, grid): the constants the rules and stages read, each with the
# values worth trying on either side of its default.
GRID = [
    ("sentiment", "negative", [-0.02, -0.05, -0.1, -0.15, -0.2, -0.3]),
    ("sentiment", "positive", [0.02, 0.05, 0.1, 0.15, 0.2, 0.3]),
    ("sentiment", "alpha", [8.0, 15.0, 25.0]),
    ("rules", "negated_positive", [-0.5, -0.75, -1.0]),
    ("rules", "negated_negative", [-0.1, -0.3, -0.5, -0.75]),
    ("rules", "capitals", [1.0, 1.15, 1.3, 1.6]),
    ("rules", "per_bang", [0.0, 0.06, 0.12, 0.25]),
    ("rules", "elongation", [1.0, 1.12, 1.3]),
    ("rules", "questioned_praise", [0.25, 0.5, 0.75, 1.0]),
    ("rules", "irony_context", [-0.5, -1.0, -2.0]),
    ("rules", "intensity_window", [2, 3, 4]),
    ("rules", "negation_scope", [3, 5, 7]),
    ("verdict", "conclusion", [1.0, 1.25, 1.5, 2.0, 3.0]),
    ("verdict", "last_sentence", [1.0, 1.15, 1.3, 1.5]),
    ("verdict", "description", [0.25, 0.5, 0.75, 1.0]),
    ("stance", "per_valence", [0.15, 0.25, 0.4]),
    ("stance", "threshold", [0.05, 0.1, 0.15, 0.2]),
    ("stance", "subject", [0.5, 0.8, 1.0]),
    ("stance", "clearly_evaluative", [0.1, 0.2, 0.3]),
    ("stance", "rivalry", [0.25, 0.5, 0.75]),
    ("stance", "near", [10, 20, 30]),
    ("stance", "unclaimed", [0.5, 1.0, 1.5]),
    ("stance", "listed", [0.0, 0.25, 0.5, 1.0]),
    ("stance", "negated", [-0.5, -0.75, -1.0]),
]


def defaults() -> dict:
    """The current defaults, read from `avis` itself (Weights::to_toml)."""
    values = {}
    for section, key, _ in GRID:
        values[(section, key)] = None
    return values


def toml(values: dict) -> str:
    lines, section = [], None
    for (sec, key), value in sorted(values.items()):
        if value is None:
            continue
        if sec != section:
            lines.append(f"\n[{sec}]")
            section = sec
        lines.append(f"{key} = {value}")
    return "\n".join(lines).strip() + "\n"


def figures(binary: Path, sets: dict, values: dict) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as f:
        f.write(toml(values))
    try:
        return bench.avis_figures(binary, sets, Path(f.name))
    finally:
        Path(f.name).unlink()


def kept(now: dict, best: dict, domains: list[str]) -> bool:
    mean = lambda fig: statistics.fmean(fig[d] for d in domains)  # noqa: E731
    return mean(now) > mean(best) + KEEP and all(now[d] >= best[d] - 0.01 for d in domains)


def fit(binary: Path, sets: dict, domains: list[str], log=print) -> tuple[dict, dict]:
    values = defaults()
    best = figures(binary, sets, values)
    log(f"  start: mean {statistics.fmean(best[d] for d in domains):.4f}")
    for rounds in range(2):
        moved = False
        for section, key, grid in GRID:
            for value in grid:
                trial = dict(values)
                trial[(section, key)] = value
                if trial == values:
                    continue
                now = figures(binary, sets, trial)
                if kept(now, best, domains):
                    values, best, moved = trial, now, True
                    log(f"  {section}.{key} = {value}: mean {statistics.fmean(best[d] for d in domains):.4f}")
        if not moved:
            break
    return values, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lodo", action="store_true", help="also leave each domain out in turn")
    parser.add_argument("--write", type=Path, help="save the fitted weights.toml here")
    args = parser.parse_args()
    sets = bench.load_sets("tune")
    for suite in ("behaviour", "behaviour-labels"):
        sets.pop(suite, None)
    domains = list(sets)
    # A copy: a rebuild of the checkout while the fit runs must not change its engine.
    binary = Path(tempfile.mkdtemp()) / "avis"
    shutil.copy2(bench.build_avis(), binary)
    print(f"fitting on the tune parts of: {', '.join(domains)}")
    values, best = fit(binary, sets, domains)
    start = figures(binary, sets, defaults())
    print("\nfigures, defaults -> fitted (tune parts)")
    for d in domains:
        print(f"  {d:<14} {start[d]:.3f} -> {best[d]:.3f}")
    text = toml(values)
    print("\n# weights.toml\n" + (text if text.strip() else "# (the defaults: nothing moved)\n"))
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    if args.lodo:
        print("leave one domain out: fitted on the others, figure on the one left out")
        for left in domains:
            others = [d for d in domains if d != left]
            fitted, _ = fit(binary, sets, others, log=lambda *_: None)
            on_left = figures(binary, {left: sets[left]}, fitted)[left]
            print(f"  {left:<14} defaults {start[left]:.3f}, fitted without it {on_left:.3f} ({on_left - start[left]:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
