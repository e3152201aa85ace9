import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { findServer, notFoundMessage, expandHome, binaryName } from "../../src/binary";

const ext = "/ext";
const only = (...files: string[]) => (f: string) => files.includes(f);

test("the isnad.path setting wins", () => {
  const r = findServer({ settingPath: "/opt/isnad", extensionPath: ext, envPath: "/usr/bin", isExecutable: only("/opt/isnad", "/ext/bin/isnad", "/usr/bin/isnad"), platform: "linux" });
  assert.equal(r.command, "/opt/isnad");
  assert.equal(r.source, "setting");
});

test("a broken setting is reported, not silently replaced", () => {
  const r = findServer({ settingPath: "/nope/isnad", extensionPath: ext, envPath: "/usr/bin", isExecutable: only("/ext/bin/isnad"), platform: "linux" });
  assert.equal(r.command, undefined);
  assert.match(notFoundMessage(r), /isnad\.path setting points to "\/nope\/isnad"/);
});

test("~ in the setting is the home folder", () => {
  assert.equal(expandHome("~/bin/isnad", "/home/u"), path.join("/home/u", "bin/isnad"));
  const r = findServer({ settingPath: "~/bin/isnad", home: "/home/u", extensionPath: ext, isExecutable: only("/home/u/bin/isnad"), platform: "linux" });
  assert.equal(r.command, "/home/u/bin/isnad");
});

test("then the bundled binary", () => {
  const r = findServer({ settingPath: "  ", extensionPath: ext, envPath: "/usr/bin", isExecutable: only("/ext/bin/isnad", "/usr/bin/isnad"), platform: "linux" });
  assert.equal(r.command, "/ext/bin/isnad");
  assert.equal(r.source, "bundled");
});

test("then PATH, in order", () => {
  const r = findServer({ extensionPath: ext, envPath: "/a::/b:/c", isExecutable: only("/b/isnad", "/c/isnad"), platform: "linux" });
  assert.equal(r.command, "/b/isnad");
  assert.equal(r.source, "PATH");
});

test("Windows: isnad.exe and ; separated PATH", () => {
  assert.equal(binaryName("win32"), "isnad.exe");
  const r = findServer({ extensionPath: "C:\\ext", envPath: "C:\\a;C:\\b", isExecutable: (f) => f.endsWith("isnad.exe") && f.includes("b"), platform: "win32" });
  assert.ok(r.command?.endsWith("isnad.exe"));
});

test("nothing found: the message says where we looked and what to do", () => {
  const r = findServer({ extensionPath: ext, envPath: "/usr/bin:/bin", isExecutable: () => false, platform: "linux" });
  assert.equal(r.command, undefined);
  const msg = notFoundMessage(r);
  assert.match(msg, /not found/);
  assert.match(msg, /\/ext\/bin\/isnad/);
  assert.match(msg, /cargo install --locked --profile dist --path \./);
  assert.match(msg, /isnad\.path/);
});

test("the real file check: executable files only", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isnad-bin-"));
  const exe = path.join(dir, "isnad");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o644);
  assert.equal(findServer({ extensionPath: "/none", envPath: dir }).command, undefined);
  fs.chmodSync(exe, 0o755);
  assert.equal(findServer({ extensionPath: "/none", envPath: dir }).command, exe);
  fs.mkdirSync(path.join(dir, "d", "isnad"), { recursive: true });
  assert.equal(findServer({ extensionPath: "/none", envPath: path.join(dir, "d") }).command, undefined);
  fs.rmSync(dir, { recursive: true });
});
