import { test } from "node:test";
import * as assert from "node:assert/strict";

import { corpusRoot } from "../../src/root";

const only = (...files: string[]) => (f: string) => files.includes(f);

test("the nearest isnad.toml inside the workspace folder is the corpus", () => {
  const r = corpusRoot("/repo/tests/corpus/seeds/a.txt", ["/repo"], only("/repo/tests/corpus/seeds/isnad.toml", "/repo/isnad.toml"));
  assert.equal(r, "/repo/tests/corpus/seeds");
});

test("an isnad.toml higher up, up to the workspace folder itself", () => {
  assert.equal(corpusRoot("/repo/news/2024/a.txt", ["/repo"], only("/repo/news/isnad.toml")), "/repo/news");
  assert.equal(corpusRoot("/repo/news/a.txt", ["/repo"], only("/repo/isnad.toml")), "/repo");
});

test("none between the file and its workspace folder: the workspace folder decides", () => {
  assert.equal(corpusRoot("/repo/README.md", ["/repo"], only()), undefined);
  // (never above the workspace folder)
  assert.equal(corpusRoot("/home/u/repo/a.txt", ["/home/u/repo"], only("/home/u/isnad.toml")), undefined);
});

test("a file outside every workspace folder has no corpus root here", () => {
  assert.equal(corpusRoot("/elsewhere/a.txt", ["/repo"], only("/elsewhere/isnad.toml")), undefined);
  // (a folder whose name only starts like the workspace's is outside it)
  assert.equal(corpusRoot("/repo2/a.txt", ["/repo"], only("/repo2/isnad.toml")), undefined);
});

test("the innermost of nested workspace folders", () => {
  assert.equal(corpusRoot("/repo/sub/x/a.txt", ["/repo", "/repo/sub"], only("/repo/isnad.toml")), undefined);
  assert.equal(corpusRoot("/repo/sub/x/a.txt", ["/repo", "/repo/sub"], only("/repo/sub/x/isnad.toml")), "/repo/sub/x");
});
