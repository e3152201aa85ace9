#!/usr/bin/env python3
"""An edit inside a reprinted quote, then go-to-definition, through the server, with a whole
archive indexed (issue "quotes at archive scale": re-linked within 50 ms p95).

Starts `isnad lsp` on the corpus as an editor does (../shared/eval/lsp_eval.py's client, which
works on a copy of the corpus), waits until indexing and the background look-ups are done,
then for N quoted copies of reprinted quotes (`isnad quotes --format json`, seeded random
choice): opens the document, asks definition once, inserts a word inside the quote and asks
definition again at once. The time from the edit to the answer is the re-link latency. Prints
p50 / p95 / max and how many definitions answered before and after the edit. Not run by the
test command (it needs the archive and a few minutes); BENCHMARKS.md has the numbers.

  scripts/quote_relink.py --corpus /tmp/ant/ant2018 [--bin target/release/isnad] [--n 60]
"""
import argparse, json, os, random, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_session  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    lsp_session.add_arguments(ap)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    out = subprocess.run([a.bin, "quotes", corpus, "--format", "json"], capture_output=True, check=True).stdout
    groups = json.loads(out)["groups"]
    ev, settle = lsp_session.start(a)
    copies = [c for g in groups if len(g["copies"]) >= 2 for c in g["copies"] if c["quoted"]]
    random.seed(a.seed)
    random.shuffle(copies)
    times, before, after = [], 0, 0
    for c in copies[: a.n]:
        rel = os.path.relpath(c["path"], corpus)
        d = ev.docs[rel]
        b = d.text.encode()
        # (the JSON gives byte offsets; the client counts characters)
        start, end = len(b[: c["start"]].decode()), len(b[: c["end"]].decode())
        ev.client.notify("textDocument/didOpen", {"textDocument": {"uri": d.uri, "languageId": "plaintext", "version": 1, "text": d.text}})
        time.sleep(0.3)
        at_quote = {"textDocument": {"uri": d.uri}, "position": d.pos(start + 1)}
        res, err, _ = ev.client.request("textDocument/definition", at_quote)
        before += bool(res) and not err
        space = d.text.find(" ", start + (end - start) // 3)
        at = space if 0 < space < end else (start + end) // 2
        pos = d.pos(at)
        t0 = time.time()
        ev.client.notify("textDocument/didChange", {"textDocument": {"uri": d.uri, "version": 2},
                                                    "contentChanges": [{"range": {"start": pos, "end": pos}, "text": " كلمة"}]})
        res, err, _ = ev.client.request("textDocument/definition", at_quote)
        times.append(time.time() - t0)
        after += bool(res) and not err
        ev.client.notify("textDocument/didClose", {"textDocument": {"uri": d.uri}})
        time.sleep(0.1)
    ev.client.request("shutdown", None)
    ev.client.notify("exit", None)
    times.sort()
    q = lambda p: round(1000 * times[min(len(times) - 1, int(p * len(times)))], 1)
    print(json.dumps({"settled_s": settle, "edits": len(times), "definition_before_edit": before,
                      "definition_after_edit": after, "p50_ms": q(0.5), "p95_ms": q(0.95),
                      "max_ms": round(1000 * times[-1], 1) if times else None}))


if __name__ == "__main__":
    main()
