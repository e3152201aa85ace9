// Mapping VS Code settings (`isnad.*`) to the server's configuration section `isnad`
// (the same shape as isnad.toml, snake_case keys). No `vscode` import: unit-tested.
//
// Only values the user set explicitly (user, workspace or folder level) are sent, so the
// extension's defaults never hide what a workspace's isnad.toml says.

/** VS Code setting (below `isnad.`) → path of keys in the server's section. */
export const SETTING_KEYS: ReadonlyArray<[string, string[]]> = [
  ["corpus.include", ["corpus", "include"]],
  ["corpus.exclude", ["corpus", "exclude"]],
  ["corpus.maxFileSize", ["corpus", "max_file_size"]],
  ["severity.inconsistentSpelling", ["severity", "inconsistent_spelling"]],
  ["severity.orthographicVariant", ["severity", "orthographic_variant"]],
  ["spelling.accepted", ["spelling", "accepted"]],
  ["entity", ["entity"]],
  ["language", ["language"]],
  ["bidiIsolates", ["bidi_isolates"]],
];

/**
 * What VS Code needs that the server's defaults (made for any client) do not give: VS Code
 * renders the bidi isolates (U+2068…U+2069) that keep an Arabic name whole inside a
 * left-to-right hover, so they are on unless the user turned them off.
 */
export function withClientDefaults(settings: ServerSettings): ServerSettings {
  return { bidi_isolates: true, ...settings };
}

/** Settings that are the client's, never sent to the server (the server rejects unknown keys). */
export const CLIENT_ONLY = ["path", "trace.server"];

/** Minimal view of vscode.WorkspaceConfiguration#inspect's answer. */
export interface Inspected<T = unknown> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
  globalLanguageValue?: T;
  workspaceLanguageValue?: T;
  workspaceFolderLanguageValue?: T;
}

/** The most specific explicitly set value, or undefined. */
export function explicitValue<T>(i: Inspected<T> | undefined): T | undefined {
  if (!i) return undefined;
  for (const v of [
    i.workspaceFolderLanguageValue,
    i.workspaceFolderValue,
    i.workspaceLanguageValue,
    i.workspaceValue,
    i.globalLanguageValue,
    i.globalValue,
  ]) {
    if (v !== undefined) return v;
  }
  return undefined;
}

export type ServerSettings = { [key: string]: unknown };

/**
 * Build the server section from a lookup of explicit values by VS Code key
 * (e.g. `corpus.maxFileSize` → 1000). Unknown or client-only keys are ignored.
 */
export function toServerSettings(lookup: (key: string) => unknown): ServerSettings {
  const out: ServerSettings = {};
  for (const [key, target] of SETTING_KEYS) {
    let value = lookup(key);
    if (value === undefined || value === null) continue;
    if (key === "entity") value = normalizeEntities(value);
    if (key === "corpus.maxFileSize" && typeof value === "number") value = Math.max(0, Math.floor(value));
    let node = out;
    for (const part of target.slice(0, -1)) {
      if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
      node = node[part] as ServerSettings;
    }
    node[target[target.length - 1]] = value;
  }
  return out;
}

const ENTITY_KEYS = ["canonical", "kind", "latin", "variants", "aliases", "description"];

/** Entities with only the keys the server knows (it rejects unknown fields). */
export function normalizeEntities(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e) => e && typeof e === "object" && typeof (e as { canonical?: unknown }).canonical === "string")
    .map((e) => {
      const o: { [k: string]: unknown } = {};
      for (const k of ENTITY_KEYS) {
        const v = (e as { [k: string]: unknown })[k];
        if (v !== undefined) o[k] = v;
      }
      return o;
    });
}

/** Answer a workspace/configuration item: the `isnad` section, or nothing for other sections. */
export function configurationAnswer(section: string | undefined, settings: ServerSettings): unknown {
  if (section === "isnad") return settings;
  if (section === undefined || section === "") return { isnad: settings };
  if (section.startsWith("isnad.")) {
    let node: unknown = settings;
    for (const part of section.slice("isnad.".length).split(".")) {
      if (!node || typeof node !== "object") return null;
      node = (node as ServerSettings)[part];
    }
    return node ?? null;
  }
  return null;
}

/** Does a change of these VS Code keys concern the server? (client-only keys do not) */
export function affectsServer(affects: (section: string) => boolean): boolean {
  return SETTING_KEYS.some(([key]) => affects(`isnad.${key}`));
}
