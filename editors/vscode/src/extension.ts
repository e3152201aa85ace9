// The isnad VS Code extension: starts `isnad lsp` over stdio for plain-text and Markdown
// files and wires commands, settings and the status bar to it.
import * as fs from "fs";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

import * as path from "path";

import { findServer, notFoundMessage } from "./binary";
import { corpusRoot } from "./root";
import { fixEdits, describeFixes, FixEdit } from "./fixes";
import { affectsServer, configurationAnswer, explicitValue, Inspected, toServerSettings, withClientDefaults } from "./settings";
import { INDEXING, parseSummary, summaryText, summaryTooltip } from "./status";

let client: LanguageClient | undefined;
/** The corpus folder the running client was started for, when an isnad.toml chose it. */
let corpusFolder: string | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;

const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "plaintext" },
  { scheme: "file", language: "markdown" },
  { scheme: "untitled", language: "plaintext" },
  { scheme: "untitled", language: "markdown" },
];

/** The server section built from the settings the user set explicitly. */
function serverSettings(scope?: vscode.ConfigurationScope): { [key: string]: unknown } {
  const config = vscode.workspace.getConfiguration("isnad", scope);
  return withClientDefaults(toServerSettings((key) => explicitValue(config.inspect(key) as Inspected | undefined)));
}

function setStatus(text: string, tooltip?: string) {
  status.text = text;
  status.tooltip = tooltip ?? "isnad — click for the server log";
  status.show();
}

/** Make sure a binary unpacked from a .vsix can be executed. */
function ensureExecutable(file: string) {
  if (process.platform === "win32") return;
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    try {
      fs.chmodSync(file, 0o755);
    } catch (e) {
      output.appendLine(`isnad: cannot make ${file} executable: ${e}`);
    }
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const lookup = findServer({
    settingPath: vscode.workspace.getConfiguration("isnad").get<string>("path"),
    extensionPath: context.extensionPath,
    envPath: process.env.PATH,
    home: process.env.HOME,
    isExecutable: (f) => {
      if (!fs.existsSync(f)) return false;
      if (f.startsWith(context.extensionPath)) ensureExecutable(f);
      try {
        fs.accessSync(f, fs.constants.X_OK);
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    },
  });
  if (!lookup.command) {
    const msg = notFoundMessage(lookup);
    output.appendLine(msg);
    setStatus("$(error) isnad: no server", msg);
    const choice = await vscode.window.showErrorMessage(msg, "Open Settings", "Show Log");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "isnad.path");
    } else if (choice === "Show Log") {
      output.show(true);
    }
    return;
  }
  output.appendLine(`isnad: using ${lookup.command} (${lookup.source})`);

  const serverOptions: ServerOptions = {
    run: { command: lookup.command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command: lookup.command, args: ["lsp"], transport: TransportKind.stdio },
  };
  // the corpus: the nearest isnad.toml above the document in view, inside its workspace
  // folder (articles kept in a subfolder of a repository), else the workspace folder
  const active = vscode.window.activeTextEditor?.document ?? vscode.workspace.textDocuments.find((d) => d.uri.scheme === "file");
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  const root = active?.uri.scheme === "file" ? corpusRoot(active.uri.fsPath, roots, (p) => fs.existsSync(p)) : undefined;
  const inCorpus = root ? `${root.split(path.sep).join("/")}/**` : undefined;
  if (root) output.appendLine(`isnad: corpus ${root} (its isnad.toml)`);
  corpusFolder = root;
  const clientOptions: LanguageClientOptions = {
    documentSelector: inCorpus ? DOCUMENT_SELECTOR.filter((f) => f.scheme === "file").map((f) => ({ ...f, pattern: inCorpus })) : DOCUMENT_SELECTOR,
    workspaceFolder: root ? { uri: vscode.Uri.file(root), name: path.basename(root), index: 0 } : undefined,
    outputChannel: output,
    initializationOptions: serverSettings(),
    synchronize: {
      // the server registers its own watchers (workspace/didChangeWatchedFiles) dynamically
      configurationSection: undefined,
    },
    middleware: {
      workspace: {
        // answer the server's workspace/configuration pulls with the mapped section
        configuration: (params, token, next) => {
          const answers = params.items.map((item) => {
            let scope: vscode.Uri | undefined;
            try {
              scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            } catch {
              scope = undefined;
            }
            return configurationAnswer(item.section, serverSettings(scope));
          });
          if (params.items.every((i) => i.section === "isnad" || i.section?.startsWith("isnad."))) {
            return answers;
          }
          // other sections: let the client answer, keep ours
          return Promise.resolve(next(params, token)).then((rest) =>
            Array.isArray(rest)
              ? rest.map((r, i) => (params.items[i].section?.startsWith("isnad") ? answers[i] : r))
              : rest,
          );
        },
      },
    },
  };

  client = new LanguageClient("isnad", "isnad", serverOptions, clientOptions);

  // Status bar: "indexing" from the start until the server's one-line index summary (logged
  // after every (re)index), then the corpus size. The server's work-done progress itself is
  // shown by the language client in VS Code's own progress area; overriding its handlers
  // would break that, so the item reads the log. This handler replaces the client's
  // built-in one, so it forwards every message to the output channel the same way.
  const c = client;
  c.onNotification("window/logMessage", (p: { type: number; message: string }) => {
    switch (p.type) {
      case 1:
        c.error(p.message, undefined, false);
        break;
      case 2:
        c.warn(p.message, undefined, false);
        break;
      case 3:
        c.info(p.message, undefined, false);
        break;
      default:
        output.appendLine(p.message);
    }
    const s = parseSummary(p.message);
    if (s) setStatus(summaryText(s), summaryTooltip(s));
  });
  client.onDidChangeState((e) => {
    if (e.newState === State.Starting) setStatus(INDEXING, "isnad is starting and indexing the corpus");
    if (e.newState === State.Stopped) setStatus("$(debug-stop) isnad: stopped", "The isnad server stopped. Run “isnad: Restart the language server”.");
  });

  setStatus(INDEXING, "isnad is starting and indexing the corpus");
  try {
    await client.start();
  } catch (e) {
    const msg = `isnad: the server failed to start: ${e}`;
    output.appendLine(msg);
    setStatus("$(error) isnad: failed", msg);
    void vscode.window.showErrorMessage(msg, "Show Log").then((c) => c && output.show(true));
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop(2000);
    } catch (e) {
      output.appendLine(`isnad: stopping the server: ${e}`);
    }
  }
}

/** Corpus files to fix: the include globs minus exclude, over the corpus folder (or every
 * workspace folder). */
async function corpusFiles(): Promise<vscode.Uri[]> {
  const cfg = vscode.workspace.getConfiguration("isnad");
  const include = cfg.get<string[]>("corpus.include") ?? ["**/*.txt", "**/*.md"];
  const exclude = cfg.get<string[]>("corpus.exclude") ?? [];
  const excludeGlob = exclude.length ? `{${["**/node_modules/**", ...exclude].join(",")}}` : "**/node_modules/**";
  const seen = new Map<string, vscode.Uri>();
  for (const glob of include) {
    const pattern = corpusFolder ? new vscode.RelativePattern(vscode.Uri.file(corpusFolder), glob) : glob;
    for (const uri of await vscode.workspace.findFiles(pattern, excludeGlob)) seen.set(uri.toString(), uri);
  }
  return [...seen.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/**
 * Wait until the server has published diagnostics for every one of `uris`, or until no
 * diagnostics arrived for `quietMs` (a file without findings may publish no change), or
 * `maxMs` in all.
 */
function waitForDiagnostics(uris: vscode.Uri[], quietMs = 2000, maxMs = 15000): Promise<void> {
  return new Promise((resolve) => {
    const pending = new Set(uris.map((u) => u.toString()));
    let quiet: NodeJS.Timeout;
    const done = () => {
      sub.dispose();
      clearTimeout(quiet);
      clearTimeout(max);
      resolve();
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) pending.delete(u.toString());
      if (pending.size === 0) return done();
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    quiet = setTimeout(done, quietMs);
    const max = setTimeout(done, maxMs);
  });
}

/**
 * Apply every spelling fix in the corpus: opens each corpus file (so the server publishes
 * its diagnostics), collects each isnad diagnostic's `data.replacement` (= its preferred
 * quick fix) and applies all of them as one WorkspaceEdit after a confirmation. The edited
 * files are left unsaved for review (File → Save All).
 */
async function fixAllInCorpus(): Promise<void> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showWarningMessage("isnad: the server is not running.");
    return;
  }
  const perFile = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "isnad: collecting spelling fixes", cancellable: true },
    async (progress, token) => {
      const files = await corpusFiles();
      const result: Array<[vscode.Uri, FixEdit[]]> = [];
      let done = 0;
      const BATCH = 64;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        const fresh = batch.filter((u) => !open.has(u.toString()));
        const wait = fresh.length ? waitForDiagnostics(fresh) : Promise.resolve();
        await Promise.all(batch.map((uri) => vscode.workspace.openTextDocument(uri)));
        await wait;
        for (const uri of batch) {
          const edits = fixEdits(vscode.languages.getDiagnostics(uri) as unknown as never[]);
          if (edits.length) result.push([uri, edits]);
        }
        done += Math.min(BATCH, files.length - i);
        progress.report({ message: `${done}/${files.length} files`, increment: (100 * Math.min(BATCH, files.length - i)) / files.length });
      }
      return token.isCancellationRequested ? undefined : result;
    },
  );
  if (!perFile) return;
  if (perFile.length === 0) {
    void vscode.window.showInformationMessage("isnad: no spelling fixes in the corpus.");
    return;
  }
  const summary = describeFixes(perFile.map(([, e]) => e));
  const ok = await vscode.window.showWarningMessage(`isnad: apply ${summary}?`, { modal: true }, "Apply");
  if (ok !== "Apply") return;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of perFile) {
    for (const e of edits) {
      const r = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
      edit.replace(uri, r, e.newText);
    }
  }
  const applied = await vscode.workspace.applyEdit(edit);
  void vscode.window.showInformationMessage(
    applied ? `isnad: applied ${summary}. Review and save the files (File → Save All).` : "isnad: the edit was not applied.",
  );
}

/** What activate returns (used by the integration tests): the running client, if any. */
export interface IsnadApi {
  client(): LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<IsnadApi> {
  output = vscode.window.createOutputChannel("isnad");
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = "isnad.showServerLog";
  status.name = "isnad";
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand("isnad.restartServer", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("isnad.showServerLog", () => output.show(true)),
    vscode.commands.registerCommand("isnad.fixAllInCorpus", fixAllInCorpus),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("isnad.path")) {
        // a different binary: restart
        await stopClient();
        await startClient(context);
      } else if (affectsServer((s) => e.affectsConfiguration(s)) && client?.state === State.Running) {
        // pushed without a restart: the server pulls the `isnad` section again
        await client.sendNotification("workspace/didChangeConfiguration", { settings: { isnad: serverSettings() } });
      }
    }),
  );
  await startClient(context);
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
