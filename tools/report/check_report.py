#!/usr/bin/env python3
"""Check `isnad report` in a real browser (headless Chromium), Python 3 standard library only.

    python3 tools/report/check_report.py [--isnad target/release/isnad] [--chromium PATH]
                                          [--page FILE]

1. `isnad report tests/corpus/seeds -o target/report/seeds.html` (unless --page names a page
   already written: then that page is checked against the seeds);
2. the page loaded in headless Chromium (`--dump-dom`): `<html lang="ar" dir="rtl">`, UTF-8;
   every finding of `isnad check --format json` in the clusters section (its variant among the
   spellings of the cluster named by its canonical spelling), as every "must" variant of
   ../shared/corpus/seeds.truth.json; every group of `isnad quotes --format json` in the quotes
   section, source first (its path and its text), copies in time order; the truth's quote groups
   from their source file; nothing that loads anything (no src, no href but #anchors, no
   <script>, <link>, <img>, <iframe>, no url() or @import in styles);
3. a tiny corpus whose quotes hold markup (`<script>`, `<img onerror>`) written to a page under
   target/report/: the browser builds no element from it and shows it as text;
4. a screenshot `target/report/seeds.png` (1280x5200) as an artifact, checked to be a PNG of that
   size with real content (not a blank page).

Exit 0 when everything holds, 1 with every failure listed.
"""

import argparse
import html.parser
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(ROOT, "..", "shared")
# relative to ROOT, where every command runs: the page shows short paths, as a user's would
SEEDS = "tests/corpus/seeds"
OUT = os.path.join(ROOT, "target", "report")
# words of a quote's text that must appear on the page (the page shows up to 80)
QUOTE_PREFIX_WORDS = 40

failures = []


def fail(msg):
    failures.append(msg)
    print(f"  FAIL {msg}")


def ok(msg):
    print(f"  ok   {msg}")


def run(cmd, codes=(0,), timeout=600):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if p.returncode not in codes:
        sys.exit(f"check_report: {' '.join(cmd)} exited {p.returncode}\n{p.stderr[-2000:]}")
    return p


def words(s):
    return " ".join(s.split())


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find_all(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.attrs.get("class", "").split():
                continue
            if any(n.attrs.get(k) != v for k, v in attrs.items()):
                continue
            yield n

    def find(self, *a, **k):
        return next(self.find_all(*a, **k), None)


class Tree(html.parser.HTMLParser):
    """The DOM as Chromium serialised it, as a tree (void elements closed at once)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, [(k, v or "") for k, v in attrs], self.cur)
        self.cur.children.append(n)
        if tag not in self.VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, [(k, v or "") for k, v in attrs], self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(dom):
    t = Tree()
    t.feed(dom)
    t.close()
    return t.root


def chromium_cmd(chromium, profile, *args):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}", *args]


def dump_dom(chromium, profile, page):
    p = run(chromium_cmd(chromium, profile, "--dump-dom", pathlib.Path(os.path.abspath(page)).as_uri()), timeout=180)
    if "<html" not in p.stdout:
        sys.exit(f"check_report: chromium --dump-dom gave no page for {page}\n{p.stderr[-2000:]}")
    return p.stdout


def check_no_external(root, what):
    """Nothing on the page loads anything: no element with a source, no link but #anchors."""
    bad = []
    for n in root.walk():
        if n.tag in ("script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "picture", "base", "form", "frame"):
            bad.append(f"<{n.tag}>")
        for k, v in n.attrs.items():
            if k in ("src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href", "manifest"):
                bad.append(f"<{n.tag} {k}={v!r}>")
            elif k == "href" and not v.startswith("#"):
                bad.append(f"<{n.tag} href={v!r}>")
            elif k.startswith("on"):
                bad.append(f"<{n.tag} {k}=…> (an event handler)")
            elif k == "style" and re.search(r"url\s*\(|@import", v, re.I):
                bad.append(f"<{n.tag} style=… url()>")
        if n.tag == "style" and re.search(r"url\s*\(|@import", n.text(), re.I):
            bad.append("<style> with url() or @import")
        if n.tag == "meta" and n.attrs.get("http-equiv", "").lower() == "refresh":
            bad.append("<meta http-equiv=refresh>")
    if bad:
        fail(f"{what}: the page would load or run something: {', '.join(sorted(set(bad))[:10])}")
    else:
        ok(f"{what}: nothing external, no script")


def check_seeds_page(root, isnad):
    html_el = root.find("html")
    if html_el is None or html_el.attrs.get("dir") != "rtl" or html_el.attrs.get("lang") != "ar":
        fail(f'<html> is not lang="ar" dir="rtl": {html_el.attrs if html_el else None}')
    else:
        ok('<html lang="ar" dir="rtl">')
    if root.find("meta", charset="utf-8") is None:
        fail('no <meta charset="utf-8">')
    check_no_external(root, "seeds page")

    # clusters: every finding's variant among the spellings of the cluster of its canonical
    section = root.find("section", id="clusters")
    clusters = {}
    if section is None:
        fail('no <section id="clusters">')
    else:
        for art in section.find_all("article", cls="cluster"):
            name_el = art.find("span", cls="name")
            name = words(name_el.text()) if name_el else ""
            spellings = {words(td.find("span").text()) for td in art.find_all("td", cls="sp") if td.find("span")}
            clusters[name] = spellings
    check = json.loads(run([isnad, "check", SEEDS, "--format", "json"], codes=(1,)).stdout)
    pairs = sorted({(f["canonical"], f["variant"]) for f in check["findings"]})
    missing = [f"{v} → {c}" for c, v in pairs if c not in clusters or v not in clusters[c] or c not in clusters[c]]
    if not pairs:
        fail("isnad check found nothing on the seeds: nothing to look for")
    elif missing:
        fail(f"clusters section: {len(missing)} of {len(pairs)} findings' (variant → canonical) missing: {', '.join(missing)}")
    else:
        ok(f"clusters section: all {len(check['findings'])} findings ({len(pairs)} variant → canonical pairs, {len(clusters)} clusters)")

    truth = json.load(open(os.path.join(SHARED, "corpus", "seeds.truth.json"), encoding="utf-8"))
    must = [(e["canonical"][0], v["text"]) for e in truth["spelling"] if not e.get("either") for v in e["variants"] if v.get("level") == "must"]
    missing = [f"{v} → {c}" for c, v in must if v not in clusters.get(c, set())]
    if missing:
        fail(f"clusters section: the truth's must variants missing: {', '.join(missing)}")
    else:
        ok(f"clusters section: all {len(must)} must variants of seeds.truth.json under their canonical spelling")

    # quotes: every group, source first, copies in time order
    section = root.find("section", id="quotes")
    page_groups = []
    if section is None:
        fail('no <section id="quotes">')
    else:
        for art in section.find_all("article", cls="group"):
            items = []
            for li in art.find_all("li"):
                code = li.find("code")
                bq = li.find("blockquote")
                items.append({
                    "source": "source" in li.attrs.get("class", "").split(),
                    "place": words(code.text()) if code else "",
                    "text": words(bq.text()) if bq else "",
                    "dir": bq.attrs.get("dir") if bq else None,
                    "meta": words(li.text()),
                })
            page_groups.append(items)
    quotes = json.loads(run([isnad, "quotes", SEEDS, "--format", "json"]).stdout)["groups"]

    def place(copy):
        # the page names a file below the corpus folder its header names
        return f"{os.path.relpath(copy['path'], SEEDS)}:{copy['line']}"

    def shown(copy, item):
        prefix = " ".join(copy["text"].split()[:QUOTE_PREFIX_WORDS])
        return item["place"] == place(copy) and item["text"].startswith(prefix)

    missing = []
    for g in quotes:
        copies = g["copies"]
        match = [items for items in page_groups if items and items[0]["source"] and shown(copies[0], items[0])]
        if not match:
            missing.append(f"source {copies[0]['path']}:{copies[0]['line']} «{' '.join(copies[0]['text'].split()[:6])} …»")
            continue
        items = match[0]
        if [i["place"] for i in items] != [place(c) for c in copies] or not all(shown(c, i) for c, i in zip(copies, items)):
            missing.append(f"the copies of {copies[0]['path']}:{copies[0]['line']} (not all shown, or not in order)")
        if any(i["dir"] != "rtl" for i in items):
            missing.append(f"a quotation of {copies[0]['path']} not in an RTL block")
        dates = [c["date"] for c in copies if c["date"]]
        if dates != sorted(dates):
            missing.append(f"the copies of {copies[0]['path']} out of time order")
    if not quotes:
        fail("isnad quotes found nothing on the seeds: nothing to look for")
    elif missing:
        fail(f"quotes section: {'; '.join(missing)}")
    else:
        ok(f"quotes section: all {len(quotes)} groups, source first, every copy's place and text, in time order")

    def norm(s):
        return re.sub(r"[^\w\s]", "", s).split()

    missing = []
    for tg in truth["quotes"]["groups"]:
        if tg.get("level") == "nice":
            continue
        src = tg["occurrences"][tg["source"]]
        want = norm(src["text"])
        found = any(
            items and items[0]["place"].startswith(src["file"] + ":")
            and sum(w in set(norm(items[0]["text"])) for w in want) >= 0.8 * len(want)
            for items in page_groups
        )
        if not found:
            missing.append(tg["id"])
    if missing:
        fail(f"quotes section: the truth's groups missing from their source: {', '.join(missing)}")
    else:
        ok("quotes section: every quote group of seeds.truth.json, from its source file")


def check_escaping(isnad, chromium, profile):
    """Markup in article text is shown as text: the browser builds no element from it."""
    corpus = os.path.join(OUT, "escape-corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    for i, (date, outlet) in enumerate([("2021-03-01", "Outlet <b>A</b>"), ("2021-03-02", "قناة \"ب\"")]):
        with open(os.path.join(corpus, f"{i}.txt"), "w", encoding="utf-8") as f:
            f.write(f"---\ndate: {date}\noutlet: {outlet}\n---\n")
            f.write(f"وقال الوزير في بيان: «إن الحكومة لن تقبل أي تدخل في شؤونها الداخلية {evil} مهما كان مصدره».\n")
    page = os.path.join(OUT, "escape.html")
    run([isnad, "report", corpus, "-o", page])
    root = parse(dump_dom(chromium, profile, page))
    check_no_external(root, "markup in articles")
    section = root.find("section", id="quotes")
    text = words(section.text()) if section else ""
    if "<script>document.title='pwned'</script>" not in text or "<b>A</b>" not in words(root.text()):
        fail("markup in articles is not shown as text on the page")
    else:
        ok("markup in article text and front matter shown as text")
    title = root.find("title")
    if title is not None and "pwned" in title.text():
        fail("a script of an article ran")


def png_facts(path):
    """(width, height, distinct scanlines) of a PNG, read with zlib only."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, width, height, bpp = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(color, 4) * max(depth // 8, 1)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp + 1
    rows = {raw[i * stride + 1:(i + 1) * stride] for i in range(height)}
    return width, height, len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--isnad", default=os.path.join(ROOT, "target", "release", "isnad"))
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--page", help="check this page (written from the seeds) instead of writing one")
    a = ap.parse_args()
    # (every command runs in ROOT: paths given relative to here are made absolute first)
    a.isnad = os.path.abspath(a.isnad)
    for exe, what in ((a.isnad, "isnad (cargo build --release)"), (a.chromium, "chromium (apt-get install chromium)")):
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            sys.exit(f"check_report: {exe} missing: {what}")
    if not os.path.isdir(os.path.join(SHARED, "corpus")):
        sys.exit(f"check_report: {SHARED}/corpus missing (../shared beside the checkout)")
    os.makedirs(OUT, exist_ok=True)
    page = os.path.abspath(a.page) if a.page else os.path.join(OUT, "seeds.html")
    if not a.page:
        if os.path.exists(page):
            os.remove(page)
        run([a.isnad, "report", SEEDS, "-o", page])
        if not os.path.isfile(page):
            sys.exit(f"check_report: isnad report exited 0 but wrote no {page}")
    print(f"check_report: {page} ({os.path.getsize(page):,} bytes)")
    with tempfile.TemporaryDirectory(prefix="isnad-chromium-") as profile:
        check_seeds_page(parse(dump_dom(a.chromium, profile, page)), a.isnad)
        check_escaping(a.isnad, a.chromium, profile)
        shot = os.path.join(OUT, "seeds.png")
        if os.path.exists(shot):
            os.remove(shot)
        run(chromium_cmd(a.chromium, profile, f"--screenshot={shot}", "--window-size=1280,5200", "--hide-scrollbars", pathlib.Path(os.path.abspath(page)).as_uri()), timeout=180)
    facts = png_facts(shot) if os.path.isfile(shot) else None
    if facts is None:
        fail(f"no screenshot PNG at {shot}")
    elif facts[:2] != (1280, 5200) or facts[2] < 200 or os.path.getsize(shot) < 30_000:
        fail(f"screenshot {shot}: {facts[0]}x{facts[1]}, {facts[2]} distinct rows, {os.path.getsize(shot):,} bytes: blank or wrong size")
    else:
        ok(f"screenshot {os.path.relpath(shot, ROOT)}: {facts[0]}x{facts[1]}, {facts[2]} distinct rows, {os.path.getsize(shot):,} bytes")
    if failures:
        print(f"check_report: {len(failures)} failure(s)")
        return 1
    print("check_report: the report page holds the seeds' clusters and quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
