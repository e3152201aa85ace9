#!/usr/bin/env python3
"""Spelling findings on a real archive: precision and recall of `isnad check` on ant2018.

Runs ../shared/eval/sample_findings.py on the whole ant2018 archive (31,523 real articles) for
the random samples of seeds 1 and 2, scores each sample against the judged pairs in
tests/corpus/ant2018.judged.tsv and recall against tests/corpus/ant2018.must.tsv, prints the
numbers (findings per 1,000 words, check time, peak memory) and fails when a sample's precision
is below MIN_PRECISION or more than MAX_UNJUDGED of a sample is unjudged.

The bars start at the values reached and rise to the issue's (precision 0.95, unjudged 5%,
recall 0.90) as the work gets there; never lower them to make a change pass.

The whole archive is checked once: the two samples and the story check below read that one
run's findings (sample_findings.py is given a stand-in binary that replays them), and the check
time and peak memory printed are that run's.

It also checks that the judgement holds at every size: the findings of a few stories'
articles checked alone are all flagged again when the whole archive is the corpus; and that it
holds on news it was not tuned on: every finding on ../shared/corpus/newsfane/docs (170k words,
2006-2007, written without hamzas) is scored against tests/corpus/newsfane.judged.tsv, with
MIN_NEWSFANE_PRECISION as the bar (it starts at the value reached; the goal is 0.95).

  scripts/archive_eval.py [--bin target/release/isnad] [--corpus DIR] [--todo PREFIX]
                          [--check-json FILE]
  scripts/archive_eval.py --unpack-only
  scripts/archive_eval.py --check-only FILE

The test command splits the work to overlap it with the cargo tests: --unpack-only unpacks the
archive, --check-only FILE runs the one check of the whole archive into FILE (its time and
peak memory into FILE.stats), and --check-json FILE scores that run instead of checking again.

Without --corpus the archive is unpacked once from ../shared/corpus/ant2018.tar.xz into
target/ant/ (reused while the tarball is unchanged). --todo writes PREFIX1.tsv, PREFIX2.tsv:
the sampled pairs still to judge.
"""
import argparse, json, os, resource, shlex, shutil, subprocess, sys, tarfile, tempfile, time

MIN_PRECISION = 0.95
MAX_UNJUDGED = 0.05
MIN_RECALL = 0.90
MIN_NEWSFANE_PRECISION = 0.90
SEEDS = (1, 2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def archive():
    tarball = os.path.join(SHARED, "corpus", "ant2018.tar.xz")
    dest = os.path.join(ROOT, "target", "ant")
    corpus = os.path.join(dest, "ant2018")
    stamp = os.path.join(dest, ".unpacked")
    mark = "%d %d" % (os.path.getsize(tarball), int(os.path.getmtime(tarball)))
    if not (os.path.isdir(corpus) and os.path.exists(stamp) and open(stamp).read() == mark):
        print("unpacking %s into %s" % (tarball, dest), flush=True)
        os.makedirs(dest, exist_ok=True)
        # tar's xz is several times faster than Python's; tarfile where there is no tar
        if shutil.which("tar") is None or subprocess.run(["tar", "-xJf", tarball, "-C", dest]).returncode != 0:
            with tarfile.open(tarball) as t:
                t.extractall(dest, filter="data")
        open(stamp, "w").write(mark)
    return corpus


# Stories of the archive, each found by a name it is about: the first STORY_FILES articles
# (by path) that mention it are checked alone and as part of the whole archive.
STORIES = ("خاشقجي", "سكريبال", "باشينيان", "كيم جونغ")
STORY_FILES = 12


def check_once(bin, corpus, out_path):
    """Run `isnad check CORPUS --format json` once into out_path; returns (seconds, peak MB)."""
    t0 = time.time()
    with open(out_path, "wb") as out:
        r = subprocess.run([bin, "check", corpus, "--format", "json"], stdout=out, stderr=subprocess.PIPE)
    secs = time.time() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if r.returncode not in (0, 1):
        sys.exit("isnad check failed (exit %d): %s" % (r.returncode, r.stderr.decode(errors="replace")[-2000:]))
    # (the children's ru_maxrss is the largest child's: this run's, the only large one)
    return secs, peak / 1024


def replaying_binary(bin, corpus, findings_json, folder):
    """A stand-in for `bin` that answers `check CORPUS --format json` with the findings of the
    run already made, and hands every other command to the real binary."""
    path = os.path.join(folder, "isnad-replay")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n"
                "if [ \"$#\" -eq 4 ] && [ \"$1\" = check ] && [ \"$2\" = %s ] && [ \"$3 $4\" = \"--format json\" ]; then\n"
                "  cat %s; exit 1\n"
                "fi\n"
                "exec %s \"$@\"\n" % (shlex.quote(corpus), shlex.quote(findings_json), shlex.quote(bin)))
    os.chmod(path, 0o755)
    return path


def findings(bin, paths):
    r = subprocess.run([bin, "check", *paths, "--format", "json"], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("isnad check failed: %s" % r.stderr[-2000:])
    return json.loads(r.stdout)["findings"]


def same_judgement_at_every_size(bin, corpus, whole_findings):
    """The names flagged in a story's few articles checked alone are flagged at the same places
    when the whole archive is the corpus (the canonical may follow the larger corpus). Returns
    the failures; prints what the whole archive adds in those articles."""
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
    texts = {}
    whole = {}
    for x in whole_findings:
        whole.setdefault(os.path.realpath(x["file"]), set()).add((x["byte_start"], x["byte_end"]))
    failures = []
    for name in STORIES:
        story = []
        for f in files:
            if len(story) == STORY_FILES:
                break
            if f not in texts:
                texts[f] = open(f, encoding="utf-8", errors="replace").read()
            if name in texts[f]:
                story.append(f)
        # checked alone: the story's articles copied into a folder of their own (a file named
        # on the command line is checked against the folder around it)
        with tempfile.TemporaryDirectory(prefix="isnad-story-") as tmp:
            copies = {}
            for k, f in enumerate(story):
                copy = os.path.join(tmp, "%02d_%s" % (k, os.path.basename(f)))
                shutil.copyfile(f, copy)
                copies[os.path.realpath(copy)] = f
            alone = findings(bin, [tmp])
            for x in alone:
                x["file"] = copies[os.path.realpath(x["file"])]
        lost = [x for x in alone if (x["byte_start"], x["byte_end"]) not in whole.get(os.path.realpath(x["file"]), set())]
        added = sum(len(whole.get(os.path.realpath(f), ())) for f in story) - (len(alone) - len(lost))
        print("story «%s»: %d articles, %d findings alone, %d of them kept in the whole archive, %d more there"
              % (name, len(story), len(alone), len(alone) - len(lost), added), flush=True)
        for x in lost:
            failures.append("story «%s»: «%s» (%s:%d) flagged alone, not in the whole archive"
                            % (name, x["variant"], os.path.basename(x["file"]), x["line"]))
    return failures


def newsfane_precision(bin, todo):
    """Precision over every finding of the newsfane corpus (a sample larger than the findings
    takes them all). Returns the failures."""
    cmd = [sys.executable, os.path.join(SHARED, "eval", "sample_findings.py"), "--bin", bin,
           "--corpus", os.path.join(SHARED, "corpus", "newsfane", "docs"),
           "--judged", os.path.join(ROOT, "tests", "corpus", "newsfane.judged.tsv"), "--n", "1000", "--seed", "1", "--quiet"]
    if todo:
        cmd += ["--todo", "%snewsfane.tsv" % todo]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("sample_findings.py failed (newsfane): %s" % r.stderr[-2000:])
    rep = json.loads(r.stdout)
    verdicts = rep["sample_verdicts"]
    unjudged = verdicts.get("unjudged", 0) / max(rep["sample"], 1)
    p = rep["precision"] or 0.0
    print("newsfane: precision %.3f (95%% CI %.3f-%.3f, %s) over all %d findings, unjudged %.1f%%"
          % (p, rep["precision_95ci"][0], rep["precision_95ci"][1], verdicts, rep["findings"], 100 * unjudged), flush=True)
    failures = []
    if p < MIN_NEWSFANE_PRECISION:
        failures.append("newsfane: precision %.3f < %.2f" % (p, MIN_NEWSFANE_PRECISION))
    if unjudged > MAX_UNJUDGED:
        failures.append("newsfane: %.1f%% of the findings unjudged > %.0f%% (judge them: --todo)" % (100 * unjudged, 100 * MAX_UNJUDGED))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "isnad"))
    ap.add_argument("--corpus")
    ap.add_argument("--todo")
    ap.add_argument("--unpack-only", action="store_true")
    ap.add_argument("--check-only", metavar="FILE")
    ap.add_argument("--check-json", metavar="FILE")
    a = ap.parse_args()
    corpus = a.corpus or archive()
    if a.unpack_only:
        return
    if a.check_only:
        secs, peak_mb = check_once(a.bin, corpus, a.check_only)
        with open(a.check_only + ".stats", "w") as f:
            json.dump({"seconds": secs, "peak_mb": peak_mb, "corpus": os.path.abspath(corpus)}, f)
        return
    failures = []
    scratch = tempfile.mkdtemp(prefix="isnad-archive-eval-")
    if a.check_json:
        check_json = os.path.abspath(a.check_json)
        with open(check_json + ".stats") as f:
            stats = json.load(f)
        if stats["corpus"] != os.path.abspath(corpus):
            sys.exit("%s is a check of %s, not of %s" % (check_json, stats["corpus"], corpus))
        secs, peak_mb, note = stats["seconds"], stats["peak_mb"], " (run beside the cargo tests)"
    else:
        check_json = os.path.join(scratch, "check.json")
        secs, peak_mb = check_once(a.bin, corpus, check_json)
        note = ""
    with open(check_json, encoding="utf-8") as f:
        whole_findings = json.load(f)["findings"]
    print("isnad check of the archive: %.1f s, peak %.0f MB, %d findings%s" % (secs, peak_mb, len(whole_findings), note), flush=True)
    replay = replaying_binary(os.path.abspath(a.bin), corpus, check_json, scratch)
    for seed in SEEDS:
        cmd = [sys.executable, os.path.join(SHARED, "eval", "sample_findings.py"), "--bin", replay, "--corpus", corpus,
               "--judged", os.path.join(ROOT, "tests", "corpus", "ant2018.judged.tsv"),
               "--must", os.path.join(ROOT, "tests", "corpus", "ant2018.must.tsv"),
               "--n", "200", "--seed", str(seed), "--quiet"]
        if a.todo:
            cmd += ["--todo", "%s%d.tsv" % (a.todo, seed)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("sample_findings.py failed (seed %d): %s" % (seed, r.stderr[-2000:]))
        rep = json.loads(r.stdout)
        verdicts = rep["sample_verdicts"]
        unjudged = verdicts.get("unjudged", 0) / max(rep["sample"], 1)
        p = rep["precision"] or 0.0
        print("seed %d: precision %.3f (95%% CI %.3f-%.3f, %s), unjudged %.1f%%, recall %.3f on %d must pairs "
              "(%.3f with the listed canonical); %d findings, %.2f per 1,000 words, in %d of %d documents" % (
                  seed, p, rep["precision_95ci"][0], rep["precision_95ci"][1], verdicts, 100 * unjudged,
                  rep["recall"], rep["must_pairs"], rep["recall_with_listed_canonical"], rep["findings"],
                  rep["findings_per_1000_words"], rep["documents_with_findings"], rep["documents"]), flush=True)
        if p < MIN_PRECISION:
            failures.append("seed %d: precision %.3f < %.2f" % (seed, p, MIN_PRECISION))
        if unjudged > MAX_UNJUDGED:
            failures.append("seed %d: %.1f%% of the sample unjudged > %.0f%% (judge them: --todo)" % (seed, 100 * unjudged, 100 * MAX_UNJUDGED))
        if rep["recall"] < MIN_RECALL:
            failures.append("seed %d: recall %.3f < %.2f" % (seed, rep["recall"], MIN_RECALL))
    failures += same_judgement_at_every_size(a.bin, corpus, whole_findings)
    shutil.rmtree(scratch, ignore_errors=True)
    failures += newsfane_precision(a.bin, a.todo)
    if failures:
        sys.exit("archive evaluation failed:\n  " + "\n  ".join(failures))
    print("archive evaluation passed (precision >= %.2f, unjudged <= %.0f%%, recall >= %.2f; newsfane precision >= %.2f)"
          % (MIN_PRECISION, 100 * MAX_UNJUDGED, MIN_RECALL, MIN_NEWSFANE_PRECISION))


if __name__ == "__main__":
    main()
