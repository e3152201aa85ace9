// "Apply every spelling fix in the corpus": which edits to make, from the diagnostics the
// server published. No `vscode` import: unit-tested.
//
// Choice: each isnad diagnostic carries `data = { variant, canonical, replacement }`, the
// exact text its preferred quick fix ("Replace with «canonical»") would insert over the
// diagnostic's range. Using it needs one didOpen per file and no code-action round trips;
// the result is the same as applying every preferred quick fix.

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}
export interface FixDiagnostic {
  range: Rng;
  source?: string;
  data?: unknown;
}
export interface FixEdit {
  range: Rng;
  newText: string;
  variant: string;
  canonical: string;
}

function cmp(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** The edits for one document: isnad diagnostics with a replacement, sorted, overlaps dropped. */
export function fixEdits(diagnostics: readonly FixDiagnostic[]): FixEdit[] {
  const edits: FixEdit[] = [];
  for (const d of diagnostics) {
    if (d.source !== "isnad") continue;
    const data = d.data as { replacement?: unknown; variant?: unknown; canonical?: unknown } | undefined;
    if (!data || typeof data.replacement !== "string") continue;
    edits.push({
      range: d.range,
      newText: data.replacement,
      variant: String(data.variant ?? ""),
      canonical: String(data.canonical ?? data.replacement),
    });
  }
  edits.sort((a, b) => cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end));
  const out: FixEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && cmp(e.range.start, last.range.end) < 0) continue; // overlapping: keep the first
    out.push(e);
  }
  return out;
}

/** "12 fixes in 3 files: باشنيان → باشينيان (1), ..." */
export function describeFixes(perFile: ReadonlyArray<readonly FixEdit[]>, maxPairs = 5): string {
  const counts = new Map<string, number>();
  let total = 0;
  let files = 0;
  for (const edits of perFile) {
    if (edits.length) files++;
    for (const e of edits) {
      total++;
      const key = `${e.variant} → ${e.canonical}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const pairs = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = pairs.slice(0, maxPairs).map(([k, n]) => `${k} (${n})`);
  if (pairs.length > maxPairs) shown.push(`and ${pairs.length - maxPairs} more`);
  return `${total} fix${total === 1 ? "" : "es"} in ${files} file${files === 1 ? "" : "s"}: ${shown.join(", ")}`;
}
