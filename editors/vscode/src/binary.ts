// Finding the server binary: the `isnad.path` setting, then the binary bundled in the
// extension (bin/isnad), then `isnad` on PATH. No `vscode` import: unit-tested with node --test.
import * as fs from "fs";
import * as path from "path";

export interface LookupInput {
  /** Value of the `isnad.path` setting (may be empty). */
  settingPath?: string;
  /** The extension's install folder (context.extensionPath). */
  extensionPath: string;
  /** process.env.PATH */
  envPath?: string;
  /** process.platform */
  platform?: NodeJS.Platform;
  /** Home folder, for a leading `~` in the setting. */
  home?: string;
  /** Is this an executable file? (injectable for tests) */
  isExecutable?: (file: string) => boolean;
}

export type Source = "setting" | "bundled" | "PATH";

export interface LookupResult {
  /** The binary to run, or undefined when none was found. */
  command?: string;
  source?: Source;
  /** Every place looked at, in order, for the error message. */
  tried: string[];
  /** A problem with the setting worth telling the user even when another binary was found. */
  warning?: string;
}

export function defaultIsExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function binaryName(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "isnad.exe" : "isnad";
}

export function expandHome(p: string, home?: string): string {
  if (home && (p === "~" || p.startsWith("~/"))) return path.join(home, p.slice(1));
  return p;
}

export function findServer(input: LookupInput): LookupResult {
  const isExec = input.isExecutable ?? defaultIsExecutable;
  const platform = input.platform ?? process.platform;
  const name = binaryName(platform);
  const tried: string[] = [];
  let warning: string | undefined;

  const setting = (input.settingPath ?? "").trim();
  if (setting) {
    const p = expandHome(setting, input.home);
    tried.push(`isnad.path setting: ${p}`);
    if (isExec(p)) return { command: p, source: "setting", tried };
    warning = `The isnad.path setting points to "${p}", which is not an executable file.`;
    // A misconfigured setting is an error the user must see: do not silently fall back.
    return { tried, warning };
  }

  const bundled = path.join(input.extensionPath, "bin", name);
  tried.push(`bundled: ${bundled}`);
  if (isExec(bundled)) return { command: bundled, source: "bundled", tried, warning };

  const sep = platform === "win32" ? ";" : ":";
  for (const dir of (input.envPath ?? "").split(sep)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExec(candidate)) {
      tried.push(`PATH: ${candidate}`);
      return { command: candidate, source: "PATH", tried, warning };
    }
  }
  tried.push(`PATH: no ${name} in ${input.envPath ? input.envPath.split(sep).filter(Boolean).length : 0} folders`);
  return { tried, warning };
}

/** The message shown when no binary was found. */
export function notFoundMessage(result: LookupResult): string {
  if (result.warning) {
    return `isnad: ${result.warning} Fix or clear the setting (Settings → isnad.path).`;
  }
  return (
    "isnad: the isnad server binary was not found (looked at: " +
    result.tried.join("; ") +
    "). Install it with `cargo install --locked --profile dist --path .` from the isnad checkout, or set isnad.path to the binary."
  );
}
