#!/usr/bin/env python3
"""List the word-level entity-kind errors behind lsp_eval.py's `ner` score.

It drives the server through lsp_eval.py's own client (same start-up, same
semantic-token decoding, same matching rule: a word's predicted kind is the
kind of the first semantic token overlapping it) and prints, per word:
  FP    predicted PERS/LOC/ORG, gold says none (or MISC)
  FN    gold PERS/LOC/ORG, nothing predicted
  KIND  both, but different kinds

Usage (from the repo root, like lsp_eval.py):
  python3 tests/corpus/ner/ner_errors.py --server "target/release/isnad lsp" \
      --corpus tests/corpus/ner/news --truth tests/corpus/ner/news.ner.json \
      [--eval ../shared/eval/lsp_eval.py] [--context 4]
"""
import argparse
import collections
import importlib.util
import re
import shutil


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default="target/release/isnad lsp")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--eval", default="../shared/eval/lsp_eval.py")
    ap.add_argument("--encoding", default="utf-16")
    ap.add_argument("--context", type=int, default=0, help="print this many words either side of each error")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("lsp_eval", a.eval)
    le = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(le)
    args = argparse.Namespace(server=a.server, corpus=a.corpus, truth=a.truth, encoding=a.encoding,
                              settings=None, open="all", quiet=1.5, index_timeout=180)
    ev = le.Eval(args)
    try:
        ev.start()
        legend = ((ev.caps.get("semanticTokensProvider") or {}).get("legend") or {}).get("tokenTypes") or []

        def kind_of(name):          # same mapping as lsp_eval.Eval.ner
            n = name.lower()
            if "person" in n or "people" in n:
                return "PERS"
            if "place" in n or "location" in n:
                return "LOC"
            if "org" in n:
                return "ORG"
            return None
        kinds = [kind_of(x) for x in legend]
        counts = collections.Counter()
        for rel in ev.opened:
            gold = ev.truth["ner"].get(rel)
            if gold is None:
                continue
            d = ev.docs[rel]
            res, err, _ = ev.client.request("textDocument/semanticTokens/full", {"textDocument": {"uri": d.uri}})
            data = (res or {}).get("data") or []
            pred, line, char = [], 0, 0
            for i in range(0, len(data) - 4, 5):
                dl, dc, ln, ty = data[i:i + 4]
                line += dl
                char = dc if dl else char + dc
                k = kinds[ty] if ty < len(kinds) else None
                if k:
                    pred.append((d.off({"line": line, "character": char}),
                                 d.off({"line": line, "character": char + ln}), k))
            gk = {(s, e): k for s, e, k in gold}
            tokens = list(re.finditer(r"\S+", d.text))
            for n, m in enumerate(tokens):
                w = (m.start(), m.end())
                g = gk.get(w)
                g = g if g in ("PERS", "LOC", "ORG") else None
                p = next((k for s, e, k in pred if s < w[1] and w[0] < e), None)
                if p == g:
                    continue
                what = "KIND" if p and g else ("FP" if p else "FN")
                counts[what] += 1
                around = ""
                if a.context:
                    before = " ".join(t.group() for t in tokens[max(0, n - a.context):n])
                    after = " ".join(t.group() for t in tokens[n + 1:n + 1 + a.context])
                    around = "    %s [%s] %s" % (before, m.group(), after)
                print("%-4s %-5s->%-5s %s  %s%s" % (what, g or "-", p or "-", rel, m.group(), around))
        print("# totals:", dict(counts))
    finally:
        ev.finish()
        shutil.rmtree(ev.work, ignore_errors=True)


if __name__ == "__main__":
    main()
