#!/usr/bin/env python3
"""Build lexicons/lemmas.tsv: the inflected forms of the lexicon words, with their lemma.

Source: the lexicons themselves and the regular inflection of French, written here
(no external table: the French lemma tables we could find, spaCy's included, derive
from Lefff, DELA or Mechura's lists, whose licences (LGPL-LR, ODbL) do not allow
embedding them in this MIT/Apache crate). For each single-word entry of an
inflecting kind, `inflections` spells the forms of its part of speech:
  * a verb in -er (first group, the one productive conjugation; not the nouns and
    adjectives in -er, see is_verb and NOT_VERBS): present, imperfect, simple past,
    future, conditional, subjunctive, participles; the `g`/`c` of `manger`/`lancer`
    keep their sound (`mangeons`, `lançait`);
  * anything else read as an adjective or noun: feminine and plural by the regular
    patterns (`-e`, `-s`; `-eux`/`-euse`, `-if`/`-ive`, `-el`/`-elle`, `-en`/`-enne`,
    `-on`/`-onne`, `-et`/`-ette`, `-al`/`-aux`, `-er`/`-ère`, `-eur`/`-euse`,
    `-teur`/`-trice`).
Irregular verbs and stem alternations (`achète`, `appelle`, `paie`) are left to the
Snowball stem, as before this table. The output keeps two kinds of rows
(lexicons/README.md says why):
  * an inflected form whose lemma is a single-word entry of an inflecting kind
    (`nulles` -> `nul`, `aimait` -> `aimer`): the engine finds the entry by the lemma;
  * the feminine of an entry adjective (`dépassée` -> `dépassé`, not the verb).
A form spelled by two entries (`aime` of `aimer` and of a noun `aime`) is kept only
when both have the same valence sign; a form that is itself a lexicon word is never
a row (it matches as written).
The first column is the accent-folded lowercase form, as the engine looks it up; rows
are sorted by its bytes, so the engine can binary-search the embedded file.

Usage (from the repository root):
    python3 tools/import_lemmas.py                 # downloads the pinned stemmer with pip
    python3 tools/import_lemmas.py --archives DIR  # uses the stemmer's archive in DIR
Run it after tools/import_lexicons.py: it reads the lexicons it finds in lexicons/.
"""

import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_lexicons as lex  # noqa: E402  (sha256 checks and the pinned stemmer)

ROOT = lex.ROOT
OUT_PATH = os.path.join(ROOT, "lexicons", "lemmas.tsv")
# In the engine's override order (src/lexicon/mod.rs, DEFAULT_LEXICONS).
LEXICONS = ("imported.tsv", "sentiment.tsv", "rules.tsv", "stance.tsv")
# The kinds whose row of the KINDS table (src/lexicon/kind.rs) says they inflect.
INFLECTING_KINDS = {"sentiment", "harm", "remedy", "growth"}
# src/lexicon/forms.rs: shorter stems never match.
MIN_STEM_MATCH = 5

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
    kinds (key -> (term, valence), later files overriding), the keys of every word
    of every entry, and the keys of the entries written by hand (not imported)."""
    inflecting, every_word, hand = {}, set(), set()
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
                if name != "imported.tsv":
                    hand.add(key(term))
    return inflecting, every_word, hand


# Verb endings after the stem (`aim` of `aimer`), then after the infinitive.
STEM_ENDINGS = (
    "e", "es", "ent", "ons", "ez",  # present (and subjunctive)
    "ais", "ait", "ions", "iez", "aient",  # imperfect
    "a", "as", "ai", "âmes", "âtes", "èrent",  # simple past
    "asse", "asses", "ât", "assions", "assiez", "assent",  # past subjunctive
    "é", "ée", "és", "ées", "ant",  # participles
)
INFINITIVE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")
# Adjective and noun agreement: a masculine ending, its other forms.
AGREEMENT = (
    ("teur", ("trice", "trices", "teurs")),
    ("eur", ("euse", "euses", "eurs")),
    ("eux", ("euse", "euses")),
    ("if", ("ive", "ives", "ifs")),
    ("el", ("elle", "elles", "els")),
    ("en", ("enne", "ennes", "ens")),
    ("on", ("onne", "onnes", "ons")),
    ("et", ("ette", "ettes", "ets")),
    ("al", ("ale", "ales", "aux")),
    ("er", ("ère", "ères", "ers")),
)


# The frequent irregular verbs, by their forms: their Snowball stems meet entries by
# accident (`pourra`, `pourrait` stem as `pourr`, the stem of `pourri`), and a row
# sends such a form to its verb instead. Facts of French conjugation.
IRREGULAR = {
    "pouvoir": "peux peut pouvons pouvez peuvent pouvais pouvait pouvions pouviez "
               "pouvaient pourrai pourras pourra pourrons pourrez pourront pourrais "
               "pourrait pourrions pourriez pourraient puisse puisses puissions puissiez "
               "puissent pouvant",
    "vouloir": "veux veut voulons voulez veulent voulais voulait voulions vouliez "
               "voulaient voudrai voudras voudra voudrons voudrez voudront voudrais "
               "voudrait voudrions voudriez voudraient veuille veuilles veuillent voulant",
    "devoir": "dois doit devons devez doivent devais devait devions deviez devaient "
              "devrai devras devra devrons devrez devront devrais devrait devrions "
              "devriez devraient doive doives doivent devant",
    "faire": "fais fait faisons faites font faisais faisait faisions faisiez faisaient "
             "ferai feras fera ferons ferez feront ferais ferait ferions feriez feraient "
             "fasse fasses fassions fassiez fassent faisant",
    "aller": "vais vas va allons allez vont allais allait allions alliez allaient irai "
             "iras ira irons irez iront irais irait irions iriez iraient aille ailles "
             "aillent allant",
    "être": "suis es est sommes êtes sont étais était étions étiez étaient serai seras "
            "sera serons serez seront serais serait serions seriez seraient sois soit "
            "soyons soyez soient étant",
    "avoir": "ai as a avons avez ont avais avait avions aviez avaient aurai auras aura "
             "aurons aurez auront aurais aurait aurions auriez auraient aie aies ait "
             "ayons ayez aient ayant",
    "savoir": "sais sait savons savez savent savais savait savions saviez savaient "
              "saurai sauras saura saurons saurez sauront saurais saurait saurions "
              "sauriez sauraient sache saches sachions sachiez sachent sachant",
    "venir": "viens vient venons venez viennent venais venait venions veniez venaient "
             "viendrai viendras viendra viendrons viendrez viendront viendrais viendrait "
             "viendrions viendriez viendraient vienne viennes venant",
    "prendre": "prends prend prenons prenez prennent prenais prenait prenions preniez "
               "prenaient prendrai prendras prendra prendrons prendrez prendront prendrais "
               "prendrait prendrions prendriez prendraient prenne prennes prenant",
    "mettre": "mets met mettons mettez mettent mettais mettait mettions mettiez "
              "mettaient mettrai mettras mettra mettrons mettrez mettront mettrais "
              "mettrait mettrions mettriez mettraient mette mettes mettant",
    "dire": "dis dit disons dites disent disais disait disions disiez disaient dirai "
            "diras dira dirons direz diront dirais dirait dirions diriez diraient dise "
            "dises disant",
    "voir": "vois voit voyons voyez voient voyais voyait voyions voyiez voyaient verrai "
            "verras verra verrons verrez verront verrais verrait verrions verriez "
            "verraient voie voies voyant",
}


# Lexicon words in -er that are nouns or adjectives, not verbs: conjugated, they would
# spell real words of other families (`enf` + `ant` is `enfant`, read as `enfer`).
# An entry in -er is taken for a verb unless it is here, is shorter than 5 letters
# (`cher`, `fier`, `amer`) or has its feminine in -ère among the lexicon words.
NOT_VERBS = {
    "blockbuster", "cancer", "danger", "enfer", "gravier", "grossier", "joker", "léger",
    "mensonger", "nigger", "super", "thriller", "premier", "dernier", "entier", "amer",
    "hiver", "laser", "poster", "leader", "loser", "boxer", "cocker", "hamburger",
}


def is_verb(term, every_word):
    """A first-group verb: ends in -er with a stem of 3 letters or more (`cher`, `fier`,
    `amer` are adjectives), is not a noun or adjective of NOT_VERBS, and has no
    feminine in -ère among the lexicon words (`grossière`, `première`)."""
    if not term.endswith("er") or len(term) < 5 or term in NOT_VERBS:
        return False
    return key(term[:-2] + "ère") not in every_word


def verb_forms(infinitive):
    stem = infinitive[:-2]

    def joined(ending):
        # `mangeons`, `lançait`: g and c keep their sound before a, â and o.
        if ending[0] in "aâo":
            if stem.endswith("g"):
                return stem + "e" + ending
            if stem.endswith("c"):
                return stem[:-1] + "ç" + ending
        return stem + ending

    forms = [joined(e) for e in STEM_ENDINGS]
    forms += [infinitive + e for e in INFINITIVE_ENDINGS]
    return forms


def agreement_forms(term):
    for masculine, others in AGREEMENT:
        if term.endswith(masculine):
            base = term[: -len(masculine)]
            return [base + other for other in others]
    if term.endswith("x"):
        # A plural (`loyaux`) or an irregular masculine (`faux`, `doux`): none spelt here.
        return []
    if term.endswith("s"):
        # A plural entry (`sucrés`, `abandonnées`, `menteurs`) agrees nothing more; a
        # masculine in -s (`mauvais`, `précis`) has its feminine.
        base = term[:-1]
        if base.endswith(("e", "é")) or any(base.endswith(m) for m, _ in AGREEMENT):
            return []
        return [term + "e", term + "es"]
    if term.endswith("e"):
        return [term + "s"]
    return [term + "e", term + "s", term + "es"]


def inflections(inflecting, every_word):
    """Every folded form the rules spell for the entries, and its candidate lemmas."""
    lemmas = defaultdict(set)
    for term, _ in sorted(inflecting.values()):
        if not FORM_RE.match(term):
            continue
        # Only the forms of the entry's part of speech: a verb's conjugation (its
        # participles agree there), or a noun's or adjective's agreement. (Manner
        # adverbs, `honteusement`, are derivations the engine licenses by the stem:
        # src/lexicon/ending.rs.)
        forms = verb_forms(term) if is_verb(term, every_word) else agreement_forms(term)
        for form in forms:
            if FORM_RE.match(form) and form != term:
                lemmas[engine_fold(form)].add(term)
    for verb, forms in sorted(IRREGULAR.items()):
        for form in forms.split():
            lemmas[engine_fold(form)].add(verb)
    return lemmas


def build(archive_dir):
    inflecting, every_word, hand = read_lexicons()
    stemmer = lex.load_stemmer(archive_dir)

    def stem(word):
        return engine_fold(stemmer(engine_norm(word)))

    entry_stems = {stem(k) for k in inflecting}
    entry_stems = {s for s in entry_stems if len(s) >= MIN_STEM_MATCH}
    lemmas = inflections(inflecting, every_word)
    stemmed, exact, prefixes = lex.load_exclusions(lex.EXCLUDE_PATH)
    # A word written by hand in sentiment.tsv is meant, even when import-exclude.txt
    # drops the imported word of that spelling (`cher`: its sources disagree).
    every_excluded = {key(term) for term in stemmed | exact}
    excluded = every_excluded - hand
    hand_terms = {inflecting[k][0] for k in hand}
    stats = defaultdict(int)
    rows = {}
    for form in sorted(lemmas):
        if singular(form) in every_word:
            stats["skipped: the form is a lexicon word (it matches as written)"] += 1
            continue
        if singular(form) in every_excluded and not lemmas[form] & (IRREGULAR.keys() | hand_terms):
            # The lexicons leave the word out on purpose (`souhaite`, the verb, is not a
            # form of the noun `souhait`): no form of an imported entry brings it back.
            # A hand entry's forms are meant (`conquise`, excluded as imported with the
            # wrong sign, is the feminine of `conquis`), and an irregular verb's row is
            # there to keep the form away from an entry.
            stats["skipped: the form is in import-exclude.txt"] += 1
            continue
        found = sorted(lemmas[form])
        in_lexicon = [lemma for lemma in found if key(lemma) in inflecting]
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
            lemma = choose(found, in_lexicon, inflecting, stats)
            if lemma is not None:
                rows[form] = lemma
                stats["kept: inflection of a lexicon word"] += 1
            continue
        own = stem(form)
        if len(own) < MIN_STEM_MATCH or own not in entry_stems:
            continue
        if any(stem(lemma) == own for lemma in found):
            continue
        rows[form] = found[0]
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


def choose(found, in_lexicon, inflecting, stats):
    """The lemma of a form with lemmas `found` (sorted), some of them lexicon words,
    or None when the form is ambiguous."""
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
    return in_lexicon[0]


def fetch_archives(dest):
    """Download the pinned stemmer the lexicon importer pins, with pip (no dependencies)."""
    src = lex.SOURCES["snowball"]
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                    "--disable-pip-version-check", "-q", "--only-binary", ":all:",
                    "-d", dest, "%s==%s" % (src["pypi"], src["version"])], check=True)


def write(rows, stats, out_path):
    sb = lex.SOURCES["snowball"]
    lines = [
        "# GENERATED FILE - do not edit by hand. Regenerate from the repository root with:",
        "#   python3 tools/import_lemmas.py",
        "# Source: the lexicons of this directory, inflected by the regular rules of French",
        "#   written in tools/import_lemmas.py (this project; no external table).",
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
    lex.run_importer(__doc__, OUT_PATH, build, fetch_archives, write)


if __name__ == "__main__":
    main()
