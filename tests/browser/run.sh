#!/usr/bin/env bash
# Browser tests of the default theme: builds the embedded site with the khaosan
# binary, serves it on 127.0.0.1 and checks it in headless Chromium (axe-core,
# keyboard, transfer size, other hosts) and with html-validate.
#
#   tests/browser/run.sh                 # builds and uses target/debug/khaosan
#   KHAOSAN_BIN=target/release/khaosan tests/browser/run.sh
#   SCREENSHOTS=1 tests/browser/run.sh   # also writes docs/screenshots/*.png
#
# Needs node (>= 20.19), npm and Debian's chromium (`apt-get install chromium`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ -z "${KHAOSAN_BIN:-}" ]; then
  (cd "$repo" && cargo build --quiet)
  export KHAOSAN_BIN="$repo/target/debug/khaosan"
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "chromium is not installed: apt-get install -y chromium" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || ! cmp -s "$here/package-lock.json" "$here/node_modules/.package-lock.json.copy" 2>/dev/null; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.package-lock.json.copy)
fi
cd "$here"
exec node --test --test-concurrency=1 search-normalize.test.mjs validate.test.mjs browser.test.mjs search.test.mjs phone.test.mjs

