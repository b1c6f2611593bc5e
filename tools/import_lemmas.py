#!/usr/bin/env python3
"""Build lexicons/lemmas.tsv: the inflected forms of the lexicon words, with their lemma.

Source (pinned, checked by sha256 before use):
  * spacy-lookups-data 1.0.5 (PyPI wheel, MIT): spacy_lookups_data/data/
    fr_lemma_lookup.json.gz (form -> lemma), fr_lemma_exc.json.gz (form -> lemmas per
    part of speech) and fr_lemma_index.json.gz (base forms per part of speech).

The full table has ~217,000 forms; the engine needs only the forms that change what a
word matches, so the output keeps two kinds of rows (lexicons/README.md says why):
  * an inflected form whose lemma is a single-word entry of an inflecting kind
    (`nulles` -> `nul`, `aimait` -> `aimer`): the engine finds the entry by the lemma;
  * a form whose Snowball stem meets the stem of such an entry while none of its lemmas
    is that entry (`pourrait` -> `pouvoir` meets `pourri`): the engine takes the stem of
    the lemma instead, or none (see src/lexicon/forms.rs).
A form with several lemmas (`sens`: `sens`, `sentir`; `suis`: `être`, `suivre`) is kept
only when every lemma is an entry and all of them have the same valence sign.
The first column is the accent-folded lowercase form, as the engine looks it up; rows
are sorted by its bytes, so the engine can binary-search the embedded file.

Usage (from the repository root):
    python3 tools/import_lemmas.py                 # downloads with pip into a temp dir
    python3 tools/import_lemmas.py --archives DIR  # uses archives already in DIR
Run it after tools/import_lexicons.py: it reads the lexicons it finds in lexicons/.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_lexicons as lex  # noqa: E402  (sha256 checks and the pinned stemmer)

ROOT = lex.ROOT
OUT_PATH = os.path.join(ROOT, "lexicons", "lemmas.tsv")
# In the engine's override order (src/lexicon/mod.rs, DEFAULT_LEXICONS).
LEXICONS = ("imported.tsv", "sentiment.tsv", "rules.tsv", "stance.tsv")
# The kinds whose row of the KINDS table (src/lexicon/kind.rs) says they inflect.
INFLECTING_KINDS = {"sentiment"}
# src/lexicon/forms.rs: shorter stems never match.
MIN_STEM_MATCH = 5

SOURCE = {
    "pypi": "spacy-lookups-data",
    "version": "1.0.5",
    "archive": "spacy_lookups_data-1.0.5-py2.py3-none-any.whl",
    "sha256": "466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6",
    "members": {
        "lookup": "spacy_lookups_data/data/fr_lemma_lookup.json.gz",
        "exc": "spacy_lookups_data/data/fr_lemma_exc.json.gz",
        "index": "spacy_lookups_data/data/fr_lemma_index.json.gz",
    },
    "licence": "MIT (LICENSE and PKG-INFO/METADATA of the wheel; no other notice for French)",
}

# A single word: letters, possibly joined by hyphens (`peut-être` is one token for the
# engine only if hyphens join it; other forms are left out).
FORM_RE = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]+(?:-[a-zàâäçéèêëîïôöùûüÿœæ]+)*$")


def engine_norm(text):
    """The engine's `normalize`: lowercase, typographic apostrophes straight, œ/æ expanded."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return text.replace("œ", "oe").replace("æ", "ae")


def engine_fold(text):
    """The engine's `fold`: `engine_norm` without accents."""
    decomposed = unicodedata.normalize("NFD", engine_norm(text))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def singular(folded):
    """src/lexicon/forms.rs `singular`: the folded form without its plural mark."""
    if folded.endswith(("s", "x")) and len(folded) - 1 >= 3:
        return folded[:-1]
    return folded


def key(term):
    return singular(engine_fold(term))


def read_lexicons():
    """The lexicon words, as the engine keys them: single-word entries of inflecting
    kinds (key -> (term, valence), later files overriding) and the keys of every word
    of every entry."""
    inflecting, every_word = {}, set()
    for name in LEXICONS:
        with open(os.path.join(ROOT, "lexicons", name), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
        for row in rows[1:]:
            if len(row) < 3:
                continue
            term, kind, valence = lex.normalize(row[0]), row[1].strip(), float(row[2])
            words = re.split(r"[ '\-]+", term)
            every_word.update(key(w) for w in words if w)
            if len(words) == 1 and kind in INFLECTING_KINDS:
                inflecting[key(term)] = (term, valence)
    return inflecting, every_word


def read_tables(archive_dir):
    """Every folded form and its candidate lemmas: the lookup's, the exceptions' of
    every part of speech, and the form itself where the index lists it as a base form."""
    path = lex.checked_path(archive_dir, SOURCE)
    tables = {}
    with zipfile.ZipFile(path) as wheel:
        for name, member in SOURCE["members"].items():
            tables[name] = json.loads(gzip.decompress(wheel.read(member)))
    lemmas = defaultdict(set)
    first = {}

    def add(form, lemma, preferred=False):
        form, lemma = lex.normalize(form), lex.normalize(lemma)
        if not FORM_RE.match(form) or not FORM_RE.match(lemma):
            return
        folded = engine_fold(form)
        lemmas[folded].add(lemma)
        if preferred:
            first.setdefault(folded, lemma)

    for form, found in sorted(tables["lookup"].items()):
        for lemma in found:
            add(form, lemma, preferred=True)
    for pos in sorted(tables["exc"]):
        for form, found in sorted(tables["exc"][pos].items()):
            for lemma in found:
                add(form, lemma)
    for pos in sorted(tables["index"]):
        for base in tables["index"][pos]:
            add(base, base)
    return lemmas, first


def build(archive_dir):
    inflecting, every_word = read_lexicons()
    stemmer = lex.load_stemmer(archive_dir)

    def stem(word):
        return engine_fold(stemmer(engine_norm(word)))

    entry_stems = {stem(k) for k in inflecting}
    entry_stems = {s for s in entry_stems if len(s) >= MIN_STEM_MATCH}
    lemmas, first = read_tables(archive_dir)
    stemmed, exact, prefixes = lex.load_exclusions(lex.EXCLUDE_PATH)
    excluded = {key(term) for term in stemmed | exact}
    stats = defaultdict(int)
    rows = {}
    for form in sorted(lemmas):
        if singular(form) in every_word:
            stats["skipped: the form is a lexicon word (it matches as written)"] += 1
            continue
        found = sorted(lemmas[form])
        in_lexicon = [lemma for lemma in found if key(lemma) in inflecting]
        preferred = first.get(form, found[0])
        if any(key(lemma) in excluded or lemma.startswith(prefixes) for lemma in in_lexicon):
            # The lexicons leave the word out on purpose (`supporter`: "je ne supporte
            # pas"); a plural entry keyed like it (`supporters`) must not bring it back.
            stats["skipped: a lemma is in import-exclude.txt"] += 1
            continue
        agreed = agreement(form, found, lemmas, inflecting)
        if agreed is not None:
            rows[form] = agreed
            stats["kept: agreement of a lexicon adjective"] += 1
            continue
        if in_lexicon:
            lemma = choose(found, in_lexicon, preferred, inflecting, stats)
            if lemma is not None:
                rows[form] = lemma
                stats["kept: inflection of a lexicon word"] += 1
            continue
        own = stem(form)
        if len(own) < MIN_STEM_MATCH or own not in entry_stems:
            continue
        if any(stem(lemma) == own for lemma in found):
            stats["left to the stem: a lemma has the same stem (a word family)"] += 1
            continue
        rows[form] = preferred
        stats["kept: stem meets a lexicon word's by accident"] += 1
    return rows, stats


def agreement(form, found, lemmas, inflecting):
    """The masculine singular entry of a feminine form (`dépassée` -> `dépassé`), when
    every lemma of the form is that word or a lemma of it: the tables lemmatize a
    participle to its verb (`dépasser`), whose valence may be another (a film that is
    `dépassé` is outdated; to `dépasser` is to surpass)."""
    singular_form = singular(form)
    if not singular_form.endswith("e"):
        return None
    masculine = singular_form[:-1]
    if masculine not in inflecting:
        return None
    own = lemmas.get(masculine, set()) | {inflecting[masculine][0]}
    if any(lemma not in own for lemma in found):
        return None
    return inflecting[masculine][0]


def choose(found, in_lexicon, preferred, inflecting, stats):
    """The lemma of a form with lemmas `found`, some of them lexicon words, or None
    when the form is ambiguous."""
    keys = {key(lemma) for lemma in found}
    if len(keys) > 1:
        if len(in_lexicon) < len(found):
            stats["skipped: ambiguous, a lemma is not a lexicon word"] += 1
            return None
        if len({inflecting[key(lemma)][1] > 0 for lemma in in_lexicon}) > 1:
            stats["skipped: ambiguous, lemmas of opposite valence"] += 1
            return None
    # A lemma that is also a rule word (`nul`, `beau`) is fine: the engine gives a
    # form matched through its lemma only the meanings that inflect.
    return preferred if preferred in in_lexicon else in_lexicon[0]


def fetch_archives(dest):
    """Download the pinned wheels with pip (no dependencies): the lemma tables and the
    stemmer the lexicon importer pins."""
    sb = lex.SOURCES["snowball"]
    for src in (SOURCE, sb):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "--disable-pip-version-check", "-q", "--only-binary", ":all:",
                        "-d", dest, "%s==%s" % (src["pypi"], src["version"])], check=True)


def write(rows, stats, out_path):
    sb = lex.SOURCES["snowball"]
    lines = [
        "# GENERATED FILE - do not edit by hand. Regenerate from the repository root with:",
        "#   python3 tools/import_lemmas.py",
        "# Source (pinned PyPI archive, sha256-checked):",
        "#   %s %s (%s) sha256 %s" % (SOURCE["pypi"], SOURCE["version"], SOURCE["archive"],
                                     SOURCE["sha256"]),
        "#     files %s; licence: %s" % (", ".join(
            m.rsplit("/", 1)[1] for m in SOURCE["members"].values()), SOURCE["licence"]),
        "#   tool: %s %s (%s) sha256 %s" % (sb["pypi"], sb["version"], sb["archive"], sb["sha256"]),
        "# Rows: the accent-folded form, then its lemma; sorted by the form's bytes.",
        "# Format and selection: lexicons/README.md. Rows: %d" % len(rows),
    ]
    for k in sorted(stats):
        lines.append("#   %s: %d" % (k, stats[k]))
    lines.append("form\tlemma")
    for form in sorted(rows, key=lambda f: f.encode("utf-8")):
        lines.append("%s\t%s" % (form, rows[form]))
    with open(out_path, "wb") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--archives", help="directory holding the pinned archives (skip download)")
    ap.add_argument("--out", default=OUT_PATH, help="output TSV (default: lexicons/lemmas.tsv)")
    args = ap.parse_args()
    if args.archives:
        rows, stats = build(args.archives)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            fetch_archives(tmp)
            rows, stats = build(tmp)
    write(rows, stats, args.out)
    print("wrote %s: %d rows" % (os.path.relpath(args.out), len(rows)), file=sys.stderr)
    for k in sorted(stats):
        print("  %s: %d" % (k, stats[k]), file=sys.stderr)


if __name__ == "__main__":
    main()
