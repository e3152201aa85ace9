#!/usr/bin/env python3
"""Repeated quotes on a real archive: `isnad quotes` on the whole of ant2018, scored two ways.

1. False links (as ../shared/eval/quote_groups.py counts them): a copy whose normalised words
   are less than half contained in its group's source (or the source in it, for truncations) is
   a false link: go-to-definition from it would land on an unrelated quotation.
2. The recall list tests/corpus/ant2018.quotes.json: real quotations reprinted by several
   outlets, each with every copy's file and the expected source (earliest front-matter date,
   then relative path), found by reading stories, not from isnad's output. For every copy
   but the source: is it in a group whose source is the expected one (definition -> source)?
   For every copy: which share of the other listed copies is in its group (references recall)?

Fails when a number misses its bar: the issue's (false links <= 1%, definition -> source >= 95%,
references recall >= 90%), all reached; never lower them to make a change pass. Time and peak
memory are reported (the issue asks 10 s and 600 MB on 2 cores; BENCHMARKS.md has the numbers).

  scripts/quote_eval.py [--bin target/release/isnad] [--corpus DIR] [--verbose]

Without --corpus the archive is unpacked (once) as scripts/archive_eval.py does.
"""
import argparse, json, os, re, resource, statistics, subprocess, sys, time

MAX_FALSE_LINK_RATE = 0.01
MIN_DEFINITION = 0.95
MIN_REFERENCES_RECALL = 0.90

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))


def words(t):
    # the normalisation and the measure of ../shared/eval/quote_groups.py
    t = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", t)
    t = re.sub(r"[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه")
    return [w for w in re.findall(r"\w+", t) if len(w) > 1]


def contain(a, b):
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def byte_span(path, item):
    """Byte range of a listed occurrence in its file (its text, or its text inside its context)."""
    text = open(path, encoding="utf-8", newline="").read()
    needle, ctx = item["text"], item.get("context")
    if ctx:
        i = text.find(ctx)
        i = i + ctx.find(needle) if i >= 0 and ctx.find(needle) >= 0 else -1
    else:
        i = text.find(needle)
    if i < 0:
        raise SystemExit("%s: listed text not found: %r" % (path, needle[:60]))
    start = len(text[:i].encode("utf-8"))
    return start, start + len(needle.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "isnad"))
    ap.add_argument("--corpus")
    ap.add_argument("--truth", default=os.path.join(ROOT, "tests", "corpus", "ant2018.quotes.json"))
    ap.add_argument("--verbose", action="store_true", help="print every miss of the recall list")
    ap.add_argument("--save", help="also write isnad's JSON output to this file")
    a = ap.parse_args()
    if a.corpus:
        corpus = a.corpus
    else:
        import archive_eval
        corpus = archive_eval.archive()
    corpus = os.path.abspath(corpus)

    t0 = time.time()
    run = subprocess.run([a.bin, "quotes", corpus, "--format", "json"], capture_output=True)
    secs = time.time() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if run.returncode != 0:
        sys.exit("isnad quotes failed (exit %d): %s" % (run.returncode, run.stderr.decode("utf-8", "replace")[-2000:]))
    if a.save:
        open(a.save, "wb").write(run.stdout)
    groups = json.loads(run.stdout)["groups"]

    copies = false = largest = 0
    # (relative path) -> [(start, end, group index)]
    where = {}
    for gi, g in enumerate(groups):
        c = g["copies"]
        largest = max(largest, len(c))
        src = words(c[0]["text"])
        for y in c[1:]:
            copies += 1
            if contain(src, words(y["text"])) < 0.5:
                false += 1
        for k, y in enumerate(c):
            rel = os.path.relpath(y["path"], corpus)
            where.setdefault(rel, []).append((y["start"], y["end"], k > 0, gi))
    rate = false / copies if copies else 0.0

    def group_of(rel, span):
        # the group of the copy that covers most of the listed text (half of it at least), and
        # where it is a copy rather than the source (a source that is itself a copy of an
        # earlier quotation heads a group and sits in another)
        need = (span[1] - span[0]) / 2
        hits = [(min(e, span[1]) - max(s, span[0]), member, gi) for s, e, member, gi in where.get(rel, [])]
        hits = [(ov, member, gi) for ov, member, gi in hits if ov >= need]
        if not hits:
            return None
        best = max(ov for ov, _, _ in hits)
        return max((member, gi) for ov, member, gi in hits if ov == best)[1]

    truth = json.load(open(a.truth, encoding="utf-8"))
    def_ok = def_total = 0
    recall = []
    misses = []
    for t in truth["groups"]:
        occ = [(o["file"], byte_span(os.path.join(corpus, o["file"]), o)) for o in t["occurrences"]]
        found = [group_of(rel, sp) for rel, sp in occ]
        src_rel, src_span = occ[t.get("source", 0)]
        for k, ((rel, sp), gi) in enumerate(zip(occ, found)):
            # the other listed copies in this copy's group
            others = sum(1 for j, g2 in enumerate(found) if j != k and gi is not None and g2 == gi)
            recall.append(others / (len(occ) - 1))
            if k == t.get("source", 0):
                continue
            def_total += 1
            s = groups[gi]["copies"][0] if gi is not None else None
            ok = s is not None and os.path.relpath(s["path"], corpus) == src_rel and s["start"] < src_span[1] and src_span[0] < s["end"]
            def_ok += ok
            if not ok:
                got = "no group" if s is None else "%s:%d" % (os.path.relpath(s["path"], corpus), s["line"])
                misses.append("%s  %s -> %s (expected %s)" % (t["id"], rel, got, src_rel))
    definition = def_ok / def_total if def_total else 0.0
    refs = statistics.mean(recall) if recall else 0.0

    print("ant2018 quotes: %d groups, %d linked copies, %d false links (%.2f%%), largest group %d, %.1f s, %d MB"
          % (len(groups), copies, false, 100 * rate, largest, secs, rss))
    print("recall list (%d quotations): definition -> source %d/%d (%.1f%%), references recall %.1f%%"
          % (len(truth["groups"]), def_ok, def_total, 100 * definition, 100 * refs))
    for m in misses if a.verbose else misses[:10]:
        print("  miss: " + m)
    failures = []
    if rate > MAX_FALSE_LINK_RATE:
        failures.append("false-link rate %.4f > %.2f" % (rate, MAX_FALSE_LINK_RATE))
    if definition < MIN_DEFINITION:
        failures.append("definition -> source %.3f < %.2f" % (definition, MIN_DEFINITION))
    if refs < MIN_REFERENCES_RECALL:
        failures.append("references recall %.3f < %.2f" % (refs, MIN_REFERENCES_RECALL))
    if failures:
        sys.exit("quote evaluation failed: " + "; ".join(failures))
    print("quote evaluation passed (false links <= %.2f, definition -> source >= %.2f, references recall >= %.2f)"
          % (MAX_FALSE_LINK_RATE, MIN_DEFINITION, MIN_REFERENCES_RECALL))


if __name__ == "__main__":
    main()
