// Integration suite with @vscode/test-electron. It downloads a VS Code build, so it runs only
// where that is possible (not on the project's CI machines). See README "Editors → VS Code".
//
//   cd editors/vscode && npm ci && npm run test:integration       # xvfb-run on a headless Linux
//   VSCODE_EXECUTABLE=/path/to/code npm run test:integration       # use an installed VS Code
//
// The server binary: $ISNAD_BINARY, else ../../target/release/isnad.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runTests } from "@vscode/test-electron";

async function main() {
  const ext = path.resolve(__dirname, "..", "..", "..");
  const repo = path.resolve(ext, "..", "..");
  const binary = process.env.ISNAD_BINARY || path.join(repo, "target", "release", "isnad");
  if (!fs.existsSync(binary)) throw new Error(`no server binary at ${binary}: cargo build --release first`);
  // a private copy of the seed corpus: the tests edit documents
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), "isnad-vscode-"));
  for (const f of fs.readdirSync(path.join(repo, "tests", "corpus", "seeds"))) {
    fs.copyFileSync(path.join(repo, "tests", "corpus", "seeds", f), path.join(corpus, f));
  }
  fs.writeFileSync(path.join(corpus, "isnad.toml"), "# isnad integration test corpus\n");
  fs.mkdirSync(path.join(corpus, ".vscode"));
  fs.writeFileSync(path.join(corpus, ".vscode", "settings.json"), JSON.stringify({ "isnad.path": binary }, null, 2));
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: ext,
      extensionTestsPath: path.join(__dirname, "suite", "index"),
      launchArgs: [corpus, "--disable-extensions", "--disable-workspace-trust"],
      extensionTestsEnv: { ISNAD_TEST_CORPUS: corpus },
    });
  } finally {
    fs.rmSync(corpus, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
