#!/usr/bin/env python3
"""Build lexicons/imported.tsv from two permissively licensed French sentiment lexicons.

Sources (pinned, checked by sha256 before use):
  * vaderSentiment-fr 1.3.4 (PyPI sdist, MIT): vaderSentiment_fr/fr_lexicon.txt,
    lines "term->valence", valence already on the VADER scale [-4, 4].
  * textblob-fr 0.2.0 (PyPI sdist, MIT packaging; the data file comes from the
    Pattern library, BSD-3, and declares license="PDDL"): textblob_fr/fr-sentiment.xml,
    <word form=... polarity=...> with polarity in [-1, 1].

Conversion, merge and filtering rules are described in lexicons/README.md and are
implemented below; everything is deterministic, so two runs give identical bytes.

Usage (from the repository root):
    python3 tools/import_lexicons.py                 # downloads with pip into a temp dir
    python3 tools/import_lexicons.py --archives DIR  # uses archives already in DIR
Only the Python standard library and the `pip` command are needed.
"""

import argparse
import hashlib
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_PATH = os.path.join(ROOT, "lexicons", "imported.tsv")
EXCLUDE_PATH = os.path.join(ROOT, "lexicons", "import-exclude.txt")

SOURCES = {
    "vader-fr": {
        "pypi": "vaderSentiment-fr",
        "version": "1.3.4",
        "archive": "vaderSentiment_fr-1.3.4.tar.gz",
        "sha256": "615af9a3eff0717a63941073801668e384610a2225622dc1f8d3ff0c0958cd34",
        "member": "vaderSentiment_fr-1.3.4/vaderSentiment_fr/fr_lexicon.txt",
        "licence": "MIT (LICENSE.txt and PKG-INFO of the sdist)",
    },
    "snowball": {
        # Not a lexicon: the Snowball French stemmer (same algorithm as the engine's
        # rust-stemmers), used to apply exclusions to every inflection the engine would
        # match. Pure Python wheel, imported straight from the downloaded archive.
        "pypi": "snowballstemmer",
        "version": "3.1.1",
        "archive": "snowballstemmer-3.1.1-py3-none-any.whl",
        "sha256": "7e207fa178741da09cdee59d3ecec3827ad5f92b1fc5c9ff3755b639f71f5752",
        "member": None,
        "licence": "BSD-3-Clause (tool only, nothing of it is written out)",
    },
    "pattern-fr": {
        "pypi": "textblob-fr",
        "version": "0.2.0",
        "archive": "textblob-fr-0.2.0.tar.gz",
        "sha256": "1edc942d018ae7cc121e59ec6bda7c33ece92943f81f9c9acc57a23a67897c33",
        "member": "textblob-fr-0.2.0/textblob_fr/fr-sentiment.xml",
        "licence": "Pattern data, BSD-3 (Pattern) / PDDL (declared in the XML); packaging MIT",
    },
}

# Pattern polarity p in [-1, 1] becomes valence PATTERN_SCALE * p.  A least-squares fit
# of VADER-fr valences on Pattern polarities over the words both lexicons share gives
# a factor of about 2.75; we use the round 3.0 so that Pattern's +/-1.0 lands on the
# VADER "strong" band (+/-3) and never saturates the scale.
PATTERN_SCALE = 3.0
# Entries whose final |valence| is below this are dropped (mostly noise: inferred or
# machine-translated weak polarities).
MIN_ABS_VALENCE = 0.3
# Pattern rates each adjective's subjectivity in [0, 1]; forms whose mean subjectivity is
# below this are mostly descriptive ("premier", "international", "classique") and carry
# no opinion in a comment, so their Pattern polarity is ignored.
MIN_PATTERN_SUBJECTIVITY = 0.4
MAX_ABS_VALENCE = 4.0

# Multi-word entries are dropped unless listed here (the others in the sources are
# word-by-word translations of English expressions, not French expressions).
ALLOWED_MULTIWORD = {
    "bouc émissaire",
    "boucs émissaires",
    "en colère",
    "sans espoir",
    "tristement célèbre",
    "ouverture d'esprit",
}

# A term is kept only if made of French letters, with optional inner apostrophes,
# hyphens and single spaces (this drops emoticons, digits and fragments; emoticons
# are curated by hand in lexicons/sentiment.tsv).
TERM_RE = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]+(?:['\- ][a-zàâäçéèêëîïôöùûüÿœæ]+)*$")


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


LEXICON_SOURCES = ("vader-fr", "pattern-fr")


def fetch_archives(dest):
    """Download the pinned archives with pip (no dependencies): the two lexicons as
    source distributions, the stemmer as its pure-Python wheel."""
    base = [sys.executable, "-m", "pip", "download", "--no-deps",
            "--disable-pip-version-check", "-q", "-d", dest]
    sdists = ["%s==%s" % (SOURCES[k]["pypi"], SOURCES[k]["version"]) for k in LEXICON_SOURCES]
    subprocess.run(base + ["--no-binary", ":all:"] + sdists, check=True)
    sb = SOURCES["snowball"]
    subprocess.run(base + ["--only-binary", ":all:", "%s==%s" % (sb["pypi"], sb["version"])],
                   check=True)


def checked_path(archive_dir, src):
    path = os.path.join(archive_dir, src["archive"])
    if not os.path.exists(path):
        sys.exit("missing archive %s (run without --archives to download it)" % path)
    digest = sha256_of(path)
    if digest != src["sha256"]:
        sys.exit("sha256 mismatch for %s: got %s, expected %s" % (path, digest, src["sha256"]))
    return path


def load_stemmer(archive_dir):
    """Import snowballstemmer from its checked wheel (a zip of pure Python modules)."""
    sys.path.insert(0, checked_path(archive_dir, SOURCES["snowball"]))
    import snowballstemmer  # noqa: E402  (resolved from the wheel just added)
    stemmer = snowballstemmer.stemmer("french")
    return lambda word: stemmer.stemWord(word)


def read_member(archive_dir, src):
    path = checked_path(archive_dir, src)
    with tarfile.open(path, "r:gz") as tar:
        return tar.extractfile(src["member"]).read()


def normalize(term):
    term = unicodedata.normalize("NFC", term).strip().lower()
    term = term.replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\s+", " ", term)


def parse_vader(data):
    """term -> list of valences (a term may occur more than once)."""
    out = defaultdict(list)
    for line in data.decode("utf-8").splitlines():
        if "->" not in line:
            continue
        term, _, val = line.strip().rpartition("->")
        try:
            out[normalize(term)].append(float(val))
        except ValueError:
            continue
    return out


def parse_pattern(data):
    """term -> list of valences mapped to the VADER scale (one per sense), for the
    forms whose mean subjectivity reaches MIN_PATTERN_SUBJECTIVITY."""
    senses = defaultdict(list)
    root = ET.fromstring(data)
    for w in root.iter("word"):
        form, pol, subj = w.get("form"), w.get("polarity"), w.get("subjectivity")
        if form is None or pol is None or subj is None:
            continue
        senses[normalize(form)].append((float(pol), float(subj)))
    out = {}
    for form, ss in senses.items():
        if mean([s for _, s in ss]) >= MIN_PATTERN_SUBJECTIVITY:
            out[form] = [p * PATTERN_SCALE for p, _ in ss]
    return out


def load_exclusions(path):
    """Return (terms, exact-only terms, prefixes). A line is `term  # reason`; a plain
    term also drops every single imported word that has the same Snowball stem (see
    build()); `=term` drops that exact term only; `prefix*` drops every term that
    starts with prefix."""
    stemmed, exact, prefixes = set(), set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            term = normalize(line.split("#", 1)[0])
            if not term:
                continue
            if term.endswith("*"):
                prefixes.add(term[:-1])
            elif term.startswith("="):
                exact.add(term[1:])
            else:
                stemmed.add(term)
    return stemmed, exact, tuple(sorted(prefixes))


def fold(term):
    """Accent-folded form (the engine's second matching step)."""
    return "".join(c for c in unicodedata.normalize("NFD", term) if unicodedata.category(c) != "Mn")


def mean(xs):
    return sum(xs) / len(xs)


def build(archive_dir):
    vader = parse_vader(read_member(archive_dir, SOURCES["vader-fr"]))
    pattern = parse_pattern(read_member(archive_dir, SOURCES["pattern-fr"]))
    stemmed, exact_only, prefixes = load_exclusions(EXCLUDE_PATH)
    exact = stemmed | exact_only
    stem = load_stemmer(archive_dir)
    # The engine matches a text word to an entry through their common stem, so an
    # excluded word must take along every imported word of the same stem; otherwise
    # "doute" (excluded) would still fire through "doutes".
    # Stems are taken of the written and of the accent-folded form, in case the engine
    # stems folded text.
    def stems(t):
        return {stem(t), stem(fold(t))}
    excluded_stems = set()
    for t in stemmed:
        if " " not in t and "'" not in t:
            excluded_stems |= stems(t)
    stats = defaultdict(int)
    entries = {}
    for term in sorted(set(vader) | set(pattern)):
        if not TERM_RE.match(term):
            stats["dropped: not a French word/expression (emoticon, digit, fragment)"] += 1
            continue
        if " " in term and term not in ALLOWED_MULTIWORD:
            stats["dropped: multi-word, not a French expression"] += 1
            continue
        if len(term.replace("'", "").replace("-", "")) < 3:
            stats["dropped: shorter than 3 letters"] += 1
            continue
        if term in exact or term.startswith(prefixes):
            stats["dropped: import-exclude.txt"] += 1
            continue
        if " " not in term and stems(term) & excluded_stems:
            stats["dropped: same stem as a term of import-exclude.txt"] += 1
            continue
        v = mean(vader[term]) if term in vader else None
        p = mean(pattern[term]) if term in pattern else None
        if v is not None and p is not None and v != 0 and p != 0:
            if (v > 0) != (p > 0):
                stats["dropped: sources disagree on polarity sign"] += 1
                continue
            val, note = (v + p) / 2, "vader-fr+pattern-fr"
        elif v is not None and v != 0:
            val, note = v, "vader-fr"
        elif p is not None and p != 0:
            val, note = p, "pattern-fr"
        else:
            stats["dropped: zero polarity"] += 1
            continue
        val = max(-MAX_ABS_VALENCE, min(MAX_ABS_VALENCE, val))
        val = round(val + 0.0, 1)
        if abs(val) < MIN_ABS_VALENCE:
            stats["dropped: |valence| < %.1f" % MIN_ABS_VALENCE] += 1
            continue
        entries[term] = (val, note)
        stats["kept: " + note] += 1
    return entries, stats


def fmt_val(v):
    s = "%.1f" % v
    return s


def write(entries, stats, out_path):
    lines = [
        "# GENERATED FILE - do not edit by hand; hand-curated entries go in sentiment.tsv,",
        "# which overrides this file. Regenerate from the repository root with:",
        "#   python3 tools/import_lexicons.py",
        "# Sources (pinned PyPI archives, sha256-checked):",
    ]
    for tag, s in SOURCES.items():
        if s["member"] is None:
            lines.append("#   tool: %s %s (%s) sha256 %s" % (s["pypi"], s["version"], s["archive"], s["sha256"]))
            continue
        lines.append("#   %s: %s %s (%s) sha256 %s" % (tag, s["pypi"], s["version"], s["archive"], s["sha256"]))
        lines.append("#     file %s; licence: %s" % (s["member"].split("/", 1)[1], s["licence"]))
    lines += [
        "# Mapping: vader-fr valence kept as is; pattern-fr valence = %.1f * mean polarity of" % PATTERN_SCALE,
        "#   the form's senses, for forms whose mean subjectivity is >= %.1f." % MIN_PATTERN_SUBJECTIVITY,
        "# Merge: a term in both sources gets the mean of the two; opposite signs -> dropped.",
        "# Filters: see lexicons/README.md and lexicons/import-exclude.txt (an excluded word",
        "#   also drops the imported words of the same Snowball French stem).",
        "# Entries: %d" % len(entries),
    ]
    for k in sorted(stats):
        lines.append("#   %s: %d" % (k, stats[k]))
    lines.append("term\tkind\tvalence\tnote")
    for term in sorted(entries):
        val, note = entries[term]
        lines.append("%s\tsentiment\t%s\t%s" % (term, fmt_val(val), note))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(out_path, "wb") as f:
        f.write(data)


def run_importer(doc, out_path, build, fetch, write):
    """The command line of an importer (this one and import_lemmas.py): build from the
    pinned archives (downloaded into a temporary directory, or `--archives DIR`), write
    the TSV, and print what was kept and dropped."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--archives", help="directory holding the pinned archives (skip download)")
    ap.add_argument("--out", default=out_path,
                    help="output TSV (default: %s)" % os.path.relpath(out_path, ROOT))
    args = ap.parse_args()
    if args.archives:
        rows, stats = build(args.archives)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fetch(tmp)
            rows, stats = build(tmp)
    write(rows, stats, args.out)
    print("wrote %s: %d rows" % (os.path.relpath(args.out), len(rows)), file=sys.stderr)
    for k in sorted(stats):
        print("  %s: %d" % (k, stats[k]), file=sys.stderr)


def main():
    run_importer(__doc__, OUT_PATH, build, fetch_archives, write)


if __name__ == "__main__":
    main()
