#!/usr/bin/env bash
# Time and memory of one large item, up to the item size limit: both should grow in
# proportion to the item, not faster.
#
# For each size in MB (default 12, 25 and 50) it makes a small synthetic site with the
# corpus generator (../shared/bench/gen_corpus.py when present, else
# bench/gen_corpus.py), makes the body of its first published item that large (the
# item's own Markdown, headings, lists and Thai paragraphs, repeated), raises
# `[limits] item_size_mb` to the highest allowed, builds into an empty folder and
# prints the median of ROUNDS runs (default 3): wall time, peak memory, and bytes of
# memory per byte of the item.
#
#   bench/large.sh [MB ...]        (default: 12 25 50)
#   ROUNDS=5 bench/large.sh 50
set -euo pipefail
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(12 25 50)
rounds="${ROUNDS:-3}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
now="$(date +%Y-%m-%dT%H:%M:%S+00:00)"

printf '%10s %9s %9s %12s\n' "item MB" "wall s" "peak MB" "peak/item"
for mb in "${sizes[@]}"; do
  site="$work/site-$mb"
  python3 "$gen" --out "$site" --n 20 --now "$now" >/dev/null
  # The highest item size limit; a site.toml names its sections, one per content folder.
  {
    printf 'title = "สำนักงานทดสอบ"\nbase_url = "https://example.go.th/"\n\n[limits]\nitem_size_mb = 64\n'
    for folder in "$site"/content/*/; do
      id="$(basename "$folder")"
      printf '\n[[section]]\nid = "%s"\ntitle = "%s"\npermanent = true\n' "$id" "$id"
    done
  } >"$site/site.toml"
  item="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["published"][0])' "$site/expected.json")"
  python3 - "$site/$item" "$mb" <<'EOF'
import sys
path, mb = sys.argv[1], float(sys.argv[2])
_, front, body = open(path, encoding="utf-8").read().split("+++", 2)
block = body.strip() + "\n\n"
want = int(mb * 1024 * 1024) - len(front.encode()) - 16
count = max(1, want // len(block.encode()))
with open(path, "w", encoding="utf-8") as out:
    out.write("+++" + front + "+++\n\n" + block * count)
EOF
  bytes=$(stat -c %s "$site/$item")
  slug="$(python3 -c 'import os, sys; p = sys.argv[1]; b = os.path.basename(p)
print(os.path.basename(os.path.dirname(p)) if b == "index.md" else b[:-3])' "$item")"
  : >"$work/runs"
  for round in $(seq "$rounds"); do
    out="$work/out-$mb-$round"
    rm -rf "$site/.khaosan/cache"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" build --root "$site" --out "$out" --now "$now" >/dev/null 2>"$work/err.txt" ||
      { cat "$work/err.txt"; exit 1; }
    # A large item withheld (over the limit, say) would make a fast build: refuse that.
    [[ -n "$(find "$out" -path "*/$slug/index.html" -print -quit)" ]] ||
      { echo "the large item ($item) was not published"; exit 1; }
    cat "$work/time.txt" >>"$work/runs"
  done
  wall=$(awk '{print $1}' "$work/runs" | median_of)
  peak_kb=$(awk '{print $2}' "$work/runs" | median_of)
  printf '%10.1f %9.2f %9.0f %12.1f\n' "$(echo "$bytes / 1048576" | bc -l)" "$wall" \
    "$(echo "$peak_kb / 1024" | bc -l)" "$(echo "$peak_kb * 1024 / $bytes" | bc -l)"
done
