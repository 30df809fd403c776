#!/usr/bin/env bash
# Search bench: khaosan's search against Pagefind 1.6 (the anchor) on the same
# generated site (N items, default 2000) and the same queries, in headless Chromium.
#
#   bench/search.sh [N]          # uses target/release/khaosan (cargo build --release)
#
# Prints each engine's passes, recall, top-1 and bytes per query, and khaosan's
# index size and build time. Needs python3, node, npm and chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
n="${1:-2000}"
bin="${KHAOSAN_BIN:-$repo/target/release/khaosan}"
now="2026-06-01T12:00:00+07:00"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x "$bin" ] || (cd "$repo" && cargo build --release --quiet)
if [ ! -d "$repo/tests/browser/node_modules/playwright-core" ]; then
  (cd "$repo/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error pagefind@1.6 >/dev/null)

python3 "$here/gen_corpus.py" --out "$work/site" --n "$n" --now "$now" >/dev/null
# The corpus has no theme: use the project's, so both engines see the same pages.
cp -r "$repo/themes" "$work/site/themes"
start=$(date +%s.%N)
"$bin" build --root "$work/site" --out "$work/public" --now "$now" --report "$work/report.json" >/dev/null
end=$(date +%s.%N)
echo "khaosan build of $n items: $(echo "$end - $start" | bc) s (with search index)"
echo "khaosan index: $(du -sb "$work/public/search-index" | cut -f1) bytes in $(find "$work/public/search-index" -type f | wc -l) files (th: $(cat "$work/public/search-index/th/meta.json"))"
start=$(date +%s.%N)
"$work/node_modules/.bin/pagefind" --site "$work/public" >/dev/null
end=$(date +%s.%N)
echo "pagefind $("$work/node_modules/.bin/pagefind" --version) index: $(du -sb "$work/public/pagefind" | cut -f1) bytes in $(find "$work/public/pagefind" -type f | wc -l) files, $(echo "$end - $start" | bc) s"
node "$here/search.mjs" "$work/site" "$work/public"
