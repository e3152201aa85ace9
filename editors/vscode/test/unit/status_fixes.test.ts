import { test } from "node:test";
import * as assert from "node:assert/strict";

import { parseSummary, summaryText, formatBytes } from "../../src/status";
import { fixEdits, describeFixes } from "../../src/fixes";

test("the server's index summary line is parsed", () => {
  const s = parseSummary("isnad: indexed 30000 documents, 104857600 bytes, in 4.02 s (scan 1.10 s; 3 skipped) under /c");
  assert.deepEqual(s, { documents: 30000, bytes: 104857600, seconds: 4.02, skipped: 3 });
  assert.equal(summaryText(s!), "$(book) isnad: 30,000 articles, 100 MB");
  assert.equal(parseSummary("isnad: skipped a.txt: binary"), undefined);
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(44 * 1024), "44 KB");
  assert.equal(formatBytes(1536), "1.5 KB");
});

const r = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });

test("fix edits come from isnad diagnostics' data, sorted, without overlaps", () => {
  const edits = fixEdits([
    { range: r(3, 20, 27), source: "isnad", data: { variant: "كاراباخ", canonical: "قره باغ", replacement: "قره باغ" } },
    { range: r(3, 5, 12), source: "isnad", data: { variant: "باشنيان", canonical: "باشينيان", replacement: "باشينيان" } },
    { range: r(3, 6, 9), source: "isnad", data: { variant: "x", canonical: "y", replacement: "y" } },
    { range: r(1, 0, 4), source: "other", data: { replacement: "no" } },
    { range: r(2, 0, 4), source: "isnad" },
  ]);
  assert.deepEqual(
    edits.map((e) => [e.range.start.character, e.newText]),
    [
      [5, "باشينيان"],
      [20, "قره باغ"],
    ],
  );
  assert.equal(describeFixes([edits, []]), "2 fixes in 1 file: باشنيان → باشينيان (1), كاراباخ → قره باغ (1)");
});
