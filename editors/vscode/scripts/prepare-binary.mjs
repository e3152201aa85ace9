// Puts the Linux x64 server binary into bin/isnad for packaging: $ISNAD_BINARY when set, else
// target/dist/isnad of the checkout, built (or brought up to date) with `cargo build --profile
// dist`: the installed profile, with LTO (the release profile has none, for the test build's
// sake, and answers typing on a large archive markedly slower).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, "..");
const repo = path.resolve(ext, "..", "..");
let src = process.env.ISNAD_BINARY;
if (src) {
  if (!fs.existsSync(src)) {
    console.error(`prepare-binary: ISNAD_BINARY=${src} does not exist`);
    process.exit(1);
  }
} else {
  console.log("prepare-binary: cargo build --profile dist --bin isnad");
  execFileSync("cargo", ["build", "--locked", "--profile", "dist", "--bin", "isnad"], { cwd: repo, stdio: "inherit" });
  src = path.join(repo, "target", "dist", "isnad");
}
if (process.platform !== "linux" || process.arch !== "x64") {
  console.warn(`prepare-binary: this is ${process.platform}-${process.arch}; the .vsix is labelled linux-x64`);
}
const dest = path.join(ext, "bin", "isnad");
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(src, dest);
fs.chmodSync(dest, 0o755);
try {
  execFileSync("strip", ["--strip-debug", dest], { stdio: "ignore" }); // smaller .vsix; optional
} catch {
  console.log("prepare-binary: strip not available; bundling the binary as built");
}
const version = execFileSync(dest, ["--version"], { encoding: "utf8" }).trim();
console.log(`prepare-binary: ${dest} (${version})`);
