#!/usr/bin/env bash
# Builds the public site the same way the publish workflow does.
#
#   .github/scripts/build-site.sh
#
# Settings, all optional, read from the environment:
#   OUT       output folder, relative to the repository root (default: public)
#   BASE_URL  address the site is served at (default: base_url in site.toml)
#   GENESIS   commit where approval checking starts (khaosan build --genesis); when
#             set, the build also passes --require-verify: it refuses a history whose
#             approved registry does not say verify_git = true, or a shallow clone
#   PREVIOUS  the live site's commit, from its build-info.json (khaosan build
#             --previous): after a foxtrot merge the walk follows the line main was
#   NOW       build as if it were this time, RFC 3339 (default: the current time)
#   BRANCH    branch whose history is read (default: the checked-out branch)
#   KHAOSAN   a khaosan binary to use (absolute, or relative to the repository root)
#             instead of `cargo build --release`: for tests, or a binary built earlier
#
# The decision report is written to .khaosan/report.json. When run by GitHub
# Actions, the build summary is also added to the run's summary page.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ -n "${KHAOSAN:-}" ]]; then
  khaosan="$KHAOSAN"
  [[ -x "$khaosan" ]] || { echo "build-site.sh: KHAOSAN=$khaosan is not an executable file" >&2; exit 1; }
else
  cargo build --release --locked
  khaosan="${CARGO_TARGET_DIR:-target}/release/khaosan"
fi

args=(build --out "${OUT:-public}")
if [[ -n "${BASE_URL:-}" ]]; then
  # Links are made by appending paths to the base address: it must end with "/".
  [[ "$BASE_URL" == */ ]] || BASE_URL="$BASE_URL/"
  args+=(--base-url "$BASE_URL")
fi
if [[ -n "${GENESIS:-}" ]]; then args+=(--genesis "$GENESIS" --require-verify); fi
if [[ -n "${PREVIOUS:-}" ]]; then args+=(--previous "$PREVIOUS"); fi
if [[ -n "${NOW:-}" ]]; then args+=(--now "$NOW"); fi
if [[ -n "${BRANCH:-}" ]]; then args+=(--branch "$BRANCH"); fi

summary="$(mktemp)"
trap 'rm -f "$summary"' EXIT

status=0
"$khaosan" "${args[@]}" | tee "$summary" || status=$?

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  {
    echo "## khaosan build"
    echo
    echo '```text'
    cat "$summary"
    echo '```'
  } >>"$GITHUB_STEP_SUMMARY"
fi

exit "$status"
