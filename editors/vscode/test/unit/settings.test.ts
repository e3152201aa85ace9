import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

import { toServerSettings, explicitValue, configurationAnswer, affectsServer, withClientDefaults, SETTING_KEYS, CLIENT_ONLY } from "../../src/settings";

test("explicit values only, most specific first", () => {
  assert.equal(explicitValue(undefined), undefined);
  assert.equal(explicitValue({}), undefined);
  assert.equal(explicitValue({ globalValue: 1 }), 1);
  assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2 }), 2);
  assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2, workspaceFolderValue: 3 }), 3);
});

test("nothing set: an empty section (isnad.toml and defaults rule)", () => {
  assert.deepEqual(toServerSettings(() => undefined), {});
});

test("VS Code keys map to the server's snake_case sections", () => {
  const values: Record<string, unknown> = {
    "corpus.include": ["**/*.txt"],
    "corpus.exclude": ["drafts/**"],
    "corpus.maxFileSize": 1000.7,
    "severity.inconsistentSpelling": "error",
    "severity.orthographicVariant": "off",
    "spelling.accepted": ["باشنيان"],
    entity: [{ canonical: "أذربيجان", kind: "place", variants: ["اذربيجان"], junk: 1 }, { nope: true }],
    path: "/x/isnad",
    "trace.server": "verbose",
  };
  assert.deepEqual(toServerSettings((k) => values[k]), {
    corpus: { include: ["**/*.txt"], exclude: ["drafts/**"], max_file_size: 1000 },
    severity: { inconsistent_spelling: "error", orthographic_variant: "off" },
    spelling: { accepted: ["باشنيان"] },
    entity: [{ canonical: "أذربيجان", kind: "place", variants: ["اذربيجان"] }],
  });
});

test("language and bidi isolates: explicit values sent, isolates on by default in VS Code", () => {
  const values: Record<string, unknown> = { language: "ar", bidiIsolates: false };
  assert.deepEqual(toServerSettings((k) => values[k]), { language: "ar", bidi_isolates: false });
  assert.deepEqual(withClientDefaults(toServerSettings((k) => values[k])), { language: "ar", bidi_isolates: false });
  assert.deepEqual(withClientDefaults(toServerSettings(() => undefined)), { bidi_isolates: true });
});

test("a partial section stays partial", () => {
  assert.deepEqual(toServerSettings((k) => (k === "severity.orthographicVariant" ? "hint" : undefined)), {
    severity: { orthographic_variant: "hint" },
  });
});

test("workspace/configuration answers", () => {
  const s = { severity: { orthographic_variant: "hint" } };
  assert.deepEqual(configurationAnswer("isnad", s), s);
  assert.deepEqual(configurationAnswer(undefined, s), { isnad: s });
  assert.deepEqual(configurationAnswer("isnad.severity", s), { orthographic_variant: "hint" });
  assert.equal(configurationAnswer("isnad.corpus.include", s), null);
  assert.equal(configurationAnswer("editor", s), null);
});

test("client-only keys do not concern the server", () => {
  assert.equal(affectsServer((k) => k === "isnad.path"), false);
  assert.equal(affectsServer((k) => k === "isnad.trace.server"), false);
  assert.equal(affectsServer((k) => k === "isnad.severity.orthographicVariant"), true);
});

test("package.json contributes exactly the mapped settings plus the client-only ones", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
  const contributed = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^isnad\./, "")).sort();
  const expected = [...SETTING_KEYS.map(([k]) => k), ...CLIENT_ONLY].sort();
  assert.deepEqual(contributed, expected);
  const cmds = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(cmds, ["isnad.fixAllInCorpus", "isnad.restartServer", "isnad.showServerLog"]);
  assert.ok(pkg.activationEvents.includes("onLanguage:plaintext"));
  assert.ok(pkg.activationEvents.includes("onLanguage:markdown"));
});

test("contributed defaults equal the server's defaults (README)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
  const p = pkg.contributes.configuration.properties;
  assert.deepEqual(p["isnad.corpus.include"].default, ["**/*.txt", "**/*.md"]);
  assert.equal(p["isnad.corpus.maxFileSize"].default, 5242880);
  assert.equal(p["isnad.severity.inconsistentSpelling"].default, "warning");
  assert.equal(p["isnad.severity.orthographicVariant"].default, "information");
});
