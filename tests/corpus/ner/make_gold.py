#!/usr/bin/env python3
"""Build a word-level NER gold file for lsp_eval.py's `ner` method from
hand-written annotations, so that no offset is ever counted by hand.

Annotation file (TSV, UTF-8; '#' starts a comment line; blank lines ignored):

    file <TAB> token <TAB> which <TAB> KIND

  file   path of the article relative to the corpus directory
  token  one exact whitespace token (an \\S+ match), including any attached
         punctuation, quotes or proclitics, e.g.  لأرمينيا،  or  "مجموعة
         -- or a phrase: several tokens separated by single spaces, matched as
         consecutive \\S+ tokens; every token of the phrase gets KIND, except
         tokens written in square brackets, which must match but are only
         context:  [شركة] بايكار   or   منظمة معاهدة الأمن الجماعي
  which  "all" (every match in the file), or a comma list of 1-based
         occurrence numbers among the matches (e.g. "1" or "2,4")
  KIND   PERS, LOC, ORG or MISC

A file may also be declared with no entities:   file <TAB> - <TAB> - <TAB> NONE

The article is read exactly as the evaluator reads it (UTF-8, newline='',
whole file including any front matter), the words are re.finditer(r"\\S+"),
and each annotation becomes [start, end, KIND] with Python code-point offsets.

Usage:
    make_gold.py ANNOTATIONS.tsv CORPUS_DIR OUT.json [--show FILE]

--show prints the article with gold tokens bracketed as [token|KIND], for
review.  The script fails on a token that does not occur, an occurrence number
past the last one, or one token given two different kinds.
"""
import json
import re
import sys
from collections import defaultdict

KINDS = {"PERS", "LOC", "ORG", "MISC"}


def read_doc(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def words(text):
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def load_annotations(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                sys.exit("%s:%d: want 4 tab-separated fields, got %d: %r" % (path, ln, len(parts), line))
            rows.append((ln,) + tuple(p.strip() for p in parts))
    return rows


def build(ann_path, corpus):
    errors = []
    per_file = defaultdict(dict)      # file -> {(s, e): kind}
    declared = set()
    texts = {}
    for ln, fname, token, which, kind in load_annotations(ann_path):
        declared.add(fname)
        if fname not in texts:
            try:
                texts[fname] = read_doc("%s/%s" % (corpus, fname))
            except OSError as e:
                errors.append("%d: %s" % (ln, e))
                texts[fname] = None
        text = texts[fname]
        if text is None:
            continue
        if kind == "NONE":
            continue
        if kind not in KINDS:
            errors.append("%d: bad kind %r" % (ln, kind))
            continue
        pattern = []
        for p in token.split(" "):
            if len(p) > 2 and p.startswith("[") and p.endswith("]"):
                pattern.append((p[1:-1], False))
            else:
                pattern.append((p, True))
        ws = words(text)
        hits = []          # each hit: list of labelled spans
        for i in range(len(ws) - len(pattern) + 1):
            if all(ws[i + j][2] == p for j, (p, _) in enumerate(pattern)):
                hits.append([ws[i + j][:2] for j, (_, lab) in enumerate(pattern) if lab])
        if not hits:
            errors.append("%d: %r not found in %s" % (ln, token, fname))
            continue
        if which == "all":
            chosen = hits
        else:
            chosen = []
            for n in which.split(","):
                i = int(n)
                if not 1 <= i <= len(hits):
                    errors.append("%d: %r has %d occurrences, asked for #%d" % (ln, token, len(hits), i))
                    continue
                chosen.append(hits[i - 1])
        for span in [sp for hit in chosen for sp in hit]:
            old = per_file[fname].get(span)
            if old and old != kind:
                errors.append("%d: %r at %s is both %s and %s" % (ln, token, span, old, kind))
            per_file[fname][span] = kind
    if errors:
        sys.exit("\n".join(errors))
    gold = {}
    for fname in sorted(declared):
        gold[fname] = [[s, e, k] for (s, e), k in sorted(per_file[fname].items())]
    # sanity: every span is exactly one \S+ token
    for fname, spans in gold.items():
        toks = {(s, e) for s, e, _ in words(texts[fname])}
        for s, e, k in spans:
            assert (s, e) in toks, (fname, s, e)
    return gold, texts


def show(gold, texts, fname):
    text = texts[fname]
    marks = {(s, e): k for s, e, k in gold.get(fname, [])}
    out, last = [], 0
    for s, e, w in words(text):
        out.append(text[last:s])
        out.append("[%s|%s]" % (w, marks[(s, e)]) if (s, e) in marks else w)
        last = e
    out.append(text[last:])
    print("".join(out))


def main():
    args = sys.argv[1:]
    show_file = None
    if "--show" in args:
        i = args.index("--show")
        show_file = args[i + 1]
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    ann, corpus, out = args
    gold, texts = build(ann, corpus)
    with open(out, "w", encoding="utf-8") as f:
        # one [start, end, KIND] per line, so diffs stay readable
        f.write('{"ner": {\n')
        for i, (fname, spans) in enumerate(sorted(gold.items())):
            f.write(" %s: [\n" % json.dumps(fname, ensure_ascii=False))
            f.write(",\n".join("  " + json.dumps(sp, ensure_ascii=False) for sp in spans))
            f.write("\n ]%s\n" % ("," if i + 1 < len(gold) else ""))
        f.write("}}\n")
    counts = defaultdict(int)
    for spans in gold.values():
        for _, _, k in spans:
            counts[k] += 1
    print("%s: %d files, %s" % (out, len(gold), ", ".join("%s %d" % kv for kv in sorted(counts.items()))),
          file=sys.stderr)
    if show_file:
        show(gold, texts, show_file)


if __name__ == "__main__":
    main()
