#!/usr/bin/env bash
# Times `khaosan build` on synthetic sites of 2,000 and 10,000 items made by
# the corpus generator (../shared/bench/gen_corpus.py when present, else
# bench/gen_corpus.py), and prints wall time and peak memory.
#
#   bench/run.sh [N ...]        (default: 2000 10000)
#   GIT=1 bench/run.sh 10000    (corpus with git history: verified and --trust-front-matter)
#   HUGO=1 bench/run.sh 10000   (also Hugo on the same posts, with the layouts in bench/hugo;
#                                Hugo has no --now, so both corpora use the current time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gen="$root/../shared/bench/gen_corpus.py"
[[ -f "$gen" ]] || gen="$root/bench/gen_corpus.py"
now="2026-06-01T12:00:00+07:00"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(2000 10000)

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/khaosan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # label, then the command
  local label="$1"; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$work/time.txt")
  printf '%-42s wall %-9s peak %s\n' "$label" "$wall" "$rss"
}

if [[ "${HUGO:-0}" == 1 ]]; then
  now="$(date +%Y-%m-%dT%H:%M:%S+00:00)"
fi

for n in "${sizes[@]}"; do
  site="$work/site-$n"
  if [[ "${HUGO:-0}" == 1 ]]; then
    python3 "$gen" --out "$site" --n "$n" --now "$now" >/dev/null
    python3 "$gen" --format hugo --out "$work/hugo-$n" --n "$n" --now "$now" >/dev/null
    cp -r "$root/bench/hugo/." "$work/hugo-$n/"
    measure "khaosan build $n items" "$bin" build --root "$site" --out "$work/out-$n" --now "$now"
    measure "hugo $n items ($(hugo version | awk '{print $2}'))" hugo --quiet -s "$work/hugo-$n" -d "$work/hugo-out-$n"
    echo "  pages: khaosan $(find "$work/out-$n" -name '*.html' | wc -l), hugo $(find "$work/hugo-out-$n" -name '*.html' | wc -l)"
  elif [[ "${GIT:-0}" == 1 ]]; then
    python3 "$gen" --git --out "$site" --n "$n" --now "$now" >/dev/null
    measure "build $n items, git verified" "$bin" build --root "$site" --out "$work/out-$n" --now "$now"
    measure "build $n items, --trust-front-matter" "$bin" build --root "$site" --out "$work/out-$n" --now "$now" --trust-front-matter
    measure "report $n items (git latency)" "$bin" report --root "$site" --now "$now" --from 2024-01-01 --to 2026-06-01 --format csv
  else
    python3 "$gen" --out "$site" --n "$n" --now "$now" >/dev/null
    measure "build $n items (first)" "$bin" build --root "$site" --out "$work/out-$n" --now "$now"
    measure "build $n items (again, replacing output)" "$bin" build --root "$site" --out "$work/out-$n" --now "$now"
  fi
done
