// Which folder is the corpus: the nearest folder holding `isnad.toml` above the document, as
// long as it lies inside one of the editor's workspace folders; else that workspace folder.
// (Opening a repository that keeps its articles in a subfolder with its own `isnad.toml`, such
// as this repository's tests/corpus/seeds, must not make the README and the docs articles.)
import * as path from "path";

/**
 * The corpus root for `file` (an absolute path): the nearest ancestor folder of `file` holding
 * `isnad.toml`, searched up to and including the workspace folder that contains `file`;
 * undefined when no workspace folder contains it or no `isnad.toml` lies between them (the
 * workspace folder is then the corpus, as the server decides).
 */
export function corpusRoot(file: string, workspaceRoots: string[], exists: (p: string) => boolean): string | undefined {
  const within = (root: string) => {
    const rel = path.relative(root, file);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  // the innermost workspace folder holding the file
  const workspace = workspaceRoots.filter(within).sort((a, b) => b.length - a.length)[0];
  if (!workspace) return undefined;
  let dir = path.dirname(file);
  for (;;) {
    if (exists(path.join(dir, "isnad.toml"))) return dir;
    if (path.relative(workspace, dir) === "") return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
