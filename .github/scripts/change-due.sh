#!/usr/bin/env bash
# Says whether the published site is due for a rebuild, so an hourly scheduled run
# can stop before building anything when nothing has changed.
#
#   .github/scripts/change-due.sh INFO COMMIT [NOW]
#
# INFO    the live site's build-info.json: a URL (fetched with curl) or a file
# COMMIT  the commit that would be built now (github.sha)
# NOW     RFC 3339 time to compare with (default: the current time)
#
# Prints "due=true" or "due=false" (append it to $GITHUB_OUTPUT) and says why on
# standard error. Due when: there is no readable build-info.json yet; it was built
# from another commit; or its next_change (an item going live or expiring) has come.
set -euo pipefail
info="${1:?usage: change-due.sh INFO COMMIT [NOW]}"
commit="${2:?usage: change-due.sh INFO COMMIT [NOW]}"
now="${3:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"

if [[ "$info" == http://* || "$info" == https://* ]]; then
  text="$(curl -fsSL --max-time 30 "$info" 2>/dev/null || true)"
else
  text="$(cat "$info" 2>/dev/null || true)"
fi

INFO_TEXT="$text" python3 - "$commit" "$now" <<'PY'
import datetime, json, os, sys

commit, now_text = sys.argv[1], sys.argv[2]

def when(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))

def answer(due, why):
    print(f"due={'true' if due else 'false'}")
    print(why, file=sys.stderr)
    sys.exit(0)

try:
    info = json.loads(os.environ["INFO_TEXT"])
except ValueError:
    answer(True, "no readable build-info.json on the live site: build")
if info.get("commit") != commit:
    answer(True, f"live site was built from {info.get('commit')}, main is at {commit}: build")
next_change = info.get("next_change")
if next_change and when(next_change) <= when(now_text):
    answer(True, f"an item goes live or expires at {next_change}: build")
answer(False, f"nothing changes before {next_change or 'a new commit'}: skip")
PY
