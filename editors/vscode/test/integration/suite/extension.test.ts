// VS Code integration tests against the real server on a copy of the seed corpus.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";

const corpus = process.env.ISNAD_TEST_CORPUS!;

function file(prefix: string): vscode.Uri {
  const name = fs.readdirSync(corpus).find((f) => f.startsWith(prefix));
  assert.ok(name, `no ${prefix}* in ${corpus}`);
  return vscode.Uri.file(path.join(corpus, name));
}

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(prefix: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(prefix));
  return vscode.window.showTextDocument(doc);
}

function isnadDiagnostics(uri: vscode.Uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "isnad");
}

function posOf(doc: vscode.TextDocument, needle: string, into = 2): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `«${needle}» not in ${doc.uri.fsPath}`);
  return doc.positionAt(i + into);
}

async function caps(): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === "isnad" && e.packageJSON.publisher === "isnad");
  assert.ok(ext, "the isnad extension is not loaded");
  const api = (await ext.activate()) as { client(): { initializeResult?: { capabilities: Record<string, unknown> } } | undefined };
  const init = await until("the language client", () => api.client()?.initializeResult);
  return init.capabilities;
}

export const tests: Array<[string, () => Promise<void>]> = [
  [
    "diagnostics on باشنيان, with the canonical spelling",
    async () => {
      const editor = await open("002_");
      const diags = await until("isnad diagnostics", () => {
        const d = isnadDiagnostics(editor.document.uri);
        return d.length ? d : undefined;
      });
      const pos = posOf(editor.document, "باشنيان");
      const d = diags.find((x) => x.range.contains(pos));
      assert.ok(d, "no diagnostic on باشنيان");
      assert.equal(String(typeof d.code === "object" ? d.code.value : d.code), "inconsistent-spelling");
      assert.ok(d.message.includes("باشينيان"), d.message);
    },
  ],
  [
    "hover on باشنيان mentions باشينيان (when the server hovers)",
    async () => {
      if (!(await caps()).hoverProvider) return console.log("SKIP hover: not advertised");
      const editor = await open("002_");
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, posOf(editor.document, "باشنيان"));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
      assert.ok(text.includes("باشينيان"), text);
    },
  ],
  [
    "go-to-definition on a repeated quote lands in 000 (when the server has it)",
    async () => {
      if (!(await caps()).definitionProvider) return console.log("SKIP definition: not advertised");
      const editor = await open("001_");
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        "vscode.executeDefinitionProvider",
        editor.document.uri,
        posOf(editor.document, "كل المساعدة الضرورية", 3),
      );
      assert.ok(defs.length > 0, "no definition");
      const uri = "targetUri" in defs[0] ? defs[0].targetUri : defs[0].uri;
      assert.ok(path.basename(uri.fsPath).startsWith("000_"), uri.fsPath);
    },
  ],
  [
    "the preferred quick fix replaces باشنيان and nothing else",
    async () => {
      const editor = await open("002_");
      const before = editor.document.getText();
      const pos = posOf(editor.document, "باشنيان");
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        editor.document.uri,
        new vscode.Range(pos, pos),
        vscode.CodeActionKind.QuickFix.value,
      );
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, actions.map((a) => a.title).join(" | "));
      assert.ok(preferred[0].edit);
      assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
      assert.equal(editor.document.getText(), before.replace("باشنيان", "باشينيان"));
      await vscode.commands.executeCommand("workbench.action.files.revert");
    },
  ],
  [
    "settings are pushed without a restart",
    async () => {
      const editor = await open("000_");
      await until("diagnostics on 000", () => isnadDiagnostics(editor.document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Information) || undefined);
      const cfg = vscode.workspace.getConfiguration("isnad");
      await cfg.update("severity.orthographicVariant", "off", vscode.ConfigurationTarget.Workspace);
      try {
        await until("orthographic variants switched off", () =>
          isnadDiagnostics(editor.document.uri).every((d) => String(typeof d.code === "object" ? d.code.value : d.code) !== "orthographic-variant") || undefined,
        );
      } finally {
        await cfg.update("severity.orthographicVariant", undefined, vscode.ConfigurationTarget.Workspace);
      }
    },
  ],
  [
    "commands are registered",
    async () => {
      const all = await vscode.commands.getCommands(true);
      for (const c of ["isnad.restartServer", "isnad.showServerLog", "isnad.fixAllInCorpus"]) assert.ok(all.includes(c), c);
      await vscode.commands.executeCommand("isnad.showServerLog");
      await vscode.commands.executeCommand("isnad.restartServer");
      const editor = await open("002_");
      await until("diagnostics after a restart", () => isnadDiagnostics(editor.document.uri).length || undefined);
    },
  ],
];
