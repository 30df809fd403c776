#!/usr/bin/env bash
# Times `khaosan serve` rebuilding after one edit, on a synthetic site of N items
# (default 2000) made by the corpus generator; prints the first build and the
# rebuild after each of EDITS edits (default 5), as serve itself reports them.
#
#   bench/serve.sh [N] [EDITS]        (uses target/release/khaosan; build it first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-2000}"
edits="${2:-5}"
gen="$root/../shared/bench/gen_corpus.py"
[[ -f "$gen" ]] || gen="$root/bench/gen_corpus.py"
bin="${KHAOSAN:-$root/target/${CARGO_BUILD_TARGET:-}release/khaosan}"
[[ -x "$bin" ]] || bin="${CARGO_TARGET_DIR:-$root/target}/release/khaosan"
tmp="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
python3 "$gen" --out "$tmp/site" --n "$n" --now 2026-06-01T12:00:00+07:00 >/dev/null
"$bin" serve --root "$tmp/site" --port 0 --now 2026-06-01T12:00:00+07:00 \
  >"$tmp/out" 2>"$tmp/err" &
server=$!
rebuilt() { grep -c 'rebuilt' "$tmp/err" || true; }
wait_for() { # bounded wait for the n-th rebuild line
  for _ in $(seq 1 600); do [[ "$(rebuilt)" -ge "$1" ]] && return 0; sleep 0.1; done
  echo "no rebuild $1" >&2; exit 1
}
wait_for 1
file="$(find "$tmp/site/content/news" -name '*.md' -print -quit)"
for i in $(seq 1 "$edits"); do
  printf '\nแก้ไขครั้งที่ %s (edit %s)\n' "$i" "$i" >>"$file"
  wait_for $((i + 1))
done
echo "items: $n"
grep 'rebuilt' "$tmp/err" | sed -E 's/.*#([0-9]+).*\[([0-9]+) ms\].*/build #\1: \2 ms/'
