#!/usr/bin/env python3
"""Entity kinds on newsfane (issue "names that hold on a real archive"): word-level precision and
recall of the semantic tokens (person / place / organisation) against the hand-tagged news of
../shared/corpus/newsfane, through the server as an editor drives it (../shared/eval/lsp_eval.py).

Fails when a bar is not met. The bars are the issue's targets (micro F1 0.75, person recall 0.65,
organisation recall 0.60, precision not below 0.80), all reached.

    python3 scripts/entity_eval.py [--bin target/release/isnad]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")

MIN_MICRO_F1 = 0.75
MIN_PRECISION = 0.80
MIN_PERSON_RECALL = 0.65
MIN_ORG_RECALL = 0.60


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "isnad"))
    args = ap.parse_args()
    corpus = os.path.join(SHARED, "corpus", "newsfane")
    with tempfile.TemporaryDirectory(prefix="isnad-ner-") as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = [sys.executable, os.path.join(SHARED, "eval", "lsp_eval.py"), "--server", args.bin + " lsp",
               "--corpus", os.path.join(corpus, "docs"), "--truth", os.path.join(corpus, "truth.json"),
               "--skip", "robustness,typing,malformed,spelling,hovers,quotes", "--json", report]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(report):
            sys.exit("lsp_eval.py failed (exit %d):\n%s%s" % (run.returncode, run.stdout[-2000:], run.stderr[-2000:]))
        ner = json.load(open(report, encoding="utf-8")).get("ner")
    if not ner:
        sys.exit("no entity-kind scores in the report: does the server still offer semantic tokens?")
    micro = ner["micro"]
    line = "  ".join("%s P %.1f%% R %.1f%%" % (k, 100 * (ner[k]["precision"] or 0), 100 * (ner[k]["recall"] or 0)) for k in ("PERS", "LOC", "ORG"))
    print("newsfane entity kinds: micro P %.1f%% R %.1f%% F1 %.2f%%   %s" % (100 * micro["precision"], 100 * micro["recall"], 100 * (micro["f1"] or 0), line))
    failures = []
    if (micro["f1"] or 0) < MIN_MICRO_F1:
        failures.append("micro F1 %.3f < %.2f" % (micro["f1"] or 0, MIN_MICRO_F1))
    if (micro["precision"] or 0) < MIN_PRECISION:
        failures.append("micro precision %.3f < %.2f" % (micro["precision"] or 0, MIN_PRECISION))
    if (ner["PERS"]["recall"] or 0) < MIN_PERSON_RECALL:
        failures.append("person recall %.3f < %.2f" % (ner["PERS"]["recall"] or 0, MIN_PERSON_RECALL))
    if (ner["ORG"]["recall"] or 0) < MIN_ORG_RECALL:
        failures.append("organisation recall %.3f < %.2f" % (ner["ORG"]["recall"] or 0, MIN_ORG_RECALL))
    if failures:
        sys.exit("entity evaluation failed: " + "; ".join(failures))
    print("entity evaluation passed (micro F1 >= %.2f, precision >= %.2f, person recall >= %.2f, organisation recall >= %.2f)"
          % (MIN_MICRO_F1, MIN_PRECISION, MIN_PERSON_RECALL, MIN_ORG_RECALL))


if __name__ == "__main__":
    main()
