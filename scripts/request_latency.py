#!/usr/bin/env python3
"""Hover and references while typing goes on in another document, through the server, with a
whole archive indexed (issue "archive-scale speed": hover p95 <= 10 ms, references p95 <= 50 ms
while typing goes on in another document).

Starts `isnad lsp` on the corpus as an editor does (../shared/eval/lsp_eval.py's client, which
works on a copy of the corpus), waits until indexing and the background look-ups are done,
opens the documents that name the most of the archive's frequent places and people, then
types into the first of them (one keystroke every --every ms after the previous one's
diagnostics came, --keystrokes in all; the time to those diagnostics is measured too) on one
thread while another asks hover and references, one after the other, at those names in the
other open documents (--at widespread, the worst case: thousands of locations an answer), or
at every name their outlines list (--at symbols: documentSymbol, what a reader clicks). Prints p50 / p95 / max of each, how many answered with an error, the server's memory (VmRSS, and the peak VmHWM) once the documents are open and at the end
(a request overtaken by an edit may answer ContentModified, -32801). Not run by the test
command (it needs the archive and a few minutes); BENCHMARKS.md has the numbers.

  scripts/request_latency.py --corpus /tmp/ant/ant2018 [--bin target/release/isnad] [--at symbols]
"""
import argparse, json, os, re, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_session  # noqa: E402

# names the archive's stories are about: the requests that read the most documents
NAMES = ["ترامب", "إيران", "السعودية", "روسيا", "بوتين", "إسرائيل", "سوريا", "الحوثي", "قطر", "تركيا", "أردوغان", "اليمن"]


def main():
    ap = argparse.ArgumentParser()
    lsp_session.add_arguments(ap)
    ap.add_argument("--open", type=int, default=8)
    ap.add_argument("--keystrokes", type=int, default=100)
    ap.add_argument("--every", type=float, default=50.0, help="ms between keystrokes")
    ap.add_argument("--at", choices=["widespread", "symbols"], default="widespread",
                    help="ask at the archive's most widespread names (the worst case), or at every name "
                         "the other open documents' outlines list (documentSymbol: what a reader clicks)")
    ap.add_argument("--slowest", type=int, default=0, help="print this many slowest requests of each method (method, ms, word asked at) to stderr")
    a = ap.parse_args()
    ev, settle = lsp_session.start(a)
    pattern = re.compile("|".join(NAMES))
    ranked = sorted(ev.docs.items(), key=lambda kv: (-len(pattern.findall(kv[1].text)), kv[0]))[: a.open]
    for _, d in ranked:
        ev.client.notify("textDocument/didOpen", {"textDocument": {"uri": d.uri, "languageId": "plaintext", "version": 1, "text": d.text}})
    ev.client.wait_quiet(quiet=2.0, limit=120.0)
    rss_opened = ev.client.rss_kib()
    typed, asked = ranked[0][1], [d for _, d in ranked[1:]]
    if a.at == "widespread":
        at = [(d, d.pos(m.start() + 1)) for d in asked for m in pattern.finditer(d.text)]
    else:
        at = []
        for d in asked:
            res, _, _ = ev.client.request("textDocument/documentSymbol", {"textDocument": {"uri": d.uri}})
            stack = list(res or [])
            while stack:
                sym = stack.pop()
                stack.extend(sym.get("children") or [])
                at.append((d, sym["selectionRange"]["start"]))
    done = threading.Event()
    typing_times = []

    def typing():
        end = typed.text.find("\n", len(typed.text) // 2)
        off = end if end > 0 else len(typed.text)
        for k in range(a.keystrokes):
            t0 = time.time()
            ev.client.notify("textDocument/didChange", {"textDocument": {"uri": typed.uri, "version": k + 2},
                                                        "contentChanges": [{"range": {"start": typed.pos(off), "end": typed.pos(off)}, "text": "ب"}]})
            off += 1
            # (the keystroke's diagnostics: those of its version or of a later one)
            while time.time() < t0 + 5:
                e = ev.client.diags.get(typed.uri)
                if e and e[0] >= t0 and e[1] is not None and e[1] >= k + 2:
                    typing_times.append(e[0] - t0)
                    break
                time.sleep(0.0005)
            else:
                typing_times.append(5.0)
            time.sleep(a.every / 1000)
        done.set()

    times = {"textDocument/hover": [], "textDocument/references": []}
    errors = {m: 0 for m in times}
    every = []  # (seconds, method, document, position) of each request, for --slowest
    t = threading.Thread(target=typing)
    t.start()
    i = 0
    while not done.is_set() and at:
        d, position = at[i % len(at)]
        i += 1
        for method in times:
            params = {"textDocument": {"uri": d.uri}, "position": position}
            if method.endswith("references"):
                params["context"] = {"includeDeclaration": True}
            _, err, dt = ev.client.request(method, params)
            times[method].append(dt)
            errors[method] += err is not None
            every.append((dt, method, d, position))
    t.join()
    rss_end = ev.client.rss_kib()
    ev.client.request("shutdown", None)
    ev.client.notify("exit", None)
    out = {"settled_s": settle, "open": len(ranked), "keystrokes": a.keystrokes, "at": a.at, "positions": len(at),
           "rss_kib_opened": rss_opened, "rss_kib_end": rss_end}
    for method, ts in times.items():
        ts.sort()
        q = lambda p: round(1000 * ts[min(len(ts) - 1, int(p * len(ts)))], 1) if ts else None
        out[method.split("/")[1]] = {"n": len(ts), "errors": errors[method], "p50_ms": q(0.5), "p95_ms": q(0.95), "max_ms": q(1.0)}
    ts = sorted(typing_times)
    q = lambda p: round(1000 * ts[min(len(ts) - 1, int(p * len(ts)))], 1) if ts else None
    out["typing_to_diagnostics"] = {"n": len(ts), "p50_ms": q(0.5), "p95_ms": q(0.95), "max_ms": q(1.0)}
    print(json.dumps(out))
    slowest = []
    for method in times:
        slowest += sorted((r for r in every if r[1] == method), key=lambda r: -r[0])[: a.slowest]
    for dt, method, d, position in slowest:
        line = d.text.split("\n")[position["line"]]
        word = re.match(r"\w*", line[position["character"]:]).group(0)
        print("%7.1f ms  %-10s %s  %s:%d" % (1000 * dt, method.split("/")[1], word, os.path.basename(d.uri), position["line"]), file=sys.stderr)


if __name__ == "__main__":
    main()
