// Status bar text from the server's one-line index summary (window/logMessage).
// No `vscode` import: unit-tested.

export interface IndexSummary {
  documents: number;
  bytes: number;
  seconds: number;
  skipped: number;
}

// "isnad: indexed 5 documents, 44123 bytes, in 0.03 s (scan 0.01 s; 0 skipped) under /x"
const SUMMARY = /indexed (\d+) documents?, (\d+) bytes, in ([\d.]+) s(?: \(scan [\d.]+ s; (\d+) skipped\))?/;

export function parseSummary(line: string): IndexSummary | undefined {
  const m = SUMMARY.exec(line);
  if (!m) return undefined;
  return { documents: Number(m[1]), bytes: Number(m[2]), seconds: Number(m[3]), skipped: Number(m[4] ?? 0) };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n;
  let i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function summaryText(s: IndexSummary): string {
  const docs = s.documents === 1 ? "1 article" : `${s.documents.toLocaleString("en-US")} articles`;
  return `$(book) isnad: ${docs}, ${formatBytes(s.bytes)}`;
}

export function summaryTooltip(s: IndexSummary): string {
  const skipped = s.skipped ? `, ${s.skipped} file(s) skipped (see the server log)` : "";
  return `isnad indexed ${s.documents} documents (${s.bytes} bytes) in ${s.seconds} s${skipped}. Click for the server log.`;
}

export const INDEXING = "$(sync~spin) isnad: indexing";
