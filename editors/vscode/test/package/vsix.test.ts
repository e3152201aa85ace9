// Checks the packaged .vsix (run after `npm run package`): manifest, bundled code, and the
// bundled Linux x64 server binary, which is extracted and run with --version.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

const root = path.join(__dirname, "..", "..", "..");
const vsixPath = process.env.ISNAD_VSIX || path.join(root, "isnad-linux-x64.vsix");

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
  unixMode: number;
}

/** The central directory of a zip file (no zip64: a .vsix is small). */
function entries(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, "not a zip file (no end of central directory)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, "bad central directory entry");
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    out.push({ name, method, compressedSize, offset, unixMode: (external >>> 16) & 0o7777 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function read(buf: Buffer, e: Entry): Buffer {
  const p = e.offset;
  assert.equal(buf.readUInt32LE(p), 0x04034b50, "bad local header");
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  assert.equal(e.method, 8, `unsupported compression ${e.method} for ${e.name}`);
  return zlib.inflateRawSync(data);
}

test("the .vsix exists (npm run package)", () => {
  assert.ok(fs.existsSync(vsixPath), `${vsixPath} is missing: run npm run package first`);
});

test("manifest, bundle and binary are in the .vsix, and nothing else of note", () => {
  const buf = fs.readFileSync(vsixPath);
  const list = entries(buf);
  const names = list.map((e) => e.name);
  for (const required of ["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js", "extension/bin/isnad", "extension/readme.md"]) {
    assert.ok(names.map((n) => n.toLowerCase()).includes(required.toLowerCase()), `${required} missing from the .vsix: ${names.join(", ")}`);
  }
  assert.ok(!names.some((n) => n.includes("node_modules/") || n.startsWith("extension/src/") || n.startsWith("extension/out/")), `sources or node_modules packaged: ${names.join(", ")}`);

  const manifest = read(buf, list.find((e) => e.name === "extension.vsixmanifest")!).toString("utf8");
  assert.match(manifest, /TargetPlatform="linux-x64"/, "the .vsix must target linux-x64");
  const pkg = JSON.parse(read(buf, list.find((e) => e.name === "extension/package.json")!).toString("utf8"));
  const local = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  assert.equal(pkg.name, "isnad");
  assert.equal(pkg.version, local.version);
  assert.equal(pkg.main, "./dist/extension.js");
  assert.match(manifest, new RegExp(`Version="${local.version.replace(/\./g, "\\.")}"`));
  assert.ok(pkg.contributes.commands.length >= 3);

  const bundle = read(buf, list.find((e) => e.name === "extension/dist/extension.js")!).toString("utf8");
  assert.ok(bundle.includes("isnad.fixAllInCorpus"), "bundle lacks the commands");
  assert.ok(!/require\(["']vscode-languageclient/.test(bundle), "vscode-languageclient must be bundled, not required");
});

test("the bundled server binary runs --version", () => {
  const buf = fs.readFileSync(vsixPath);
  const e = entries(buf).find((x) => x.name === "extension/bin/isnad")!;
  const bin = read(buf, e);
  assert.equal(bin.subarray(0, 4).toString("latin1"), "\x7fELF", "bin/isnad is not an ELF binary");
  assert.equal(bin[4], 2, "bin/isnad is not 64-bit");
  assert.equal(bin.readUInt16LE(18), 0x3e, "bin/isnad is not x86-64");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isnad-vsix-"));
  const file = path.join(dir, "isnad");
  fs.writeFileSync(file, bin, { mode: 0o755 });
  const out = execFileSync(file, ["--version"], { encoding: "utf8" }).trim();
  fs.rmSync(dir, { recursive: true });
  assert.match(out, /^isnad \d+\.\d+\.\d+/);
  if (e.unixMode) assert.ok(e.unixMode & 0o100, `bin/isnad is packaged without the executable bit (mode ${e.unixMode.toString(8)}); the extension sets it on start`);
});
