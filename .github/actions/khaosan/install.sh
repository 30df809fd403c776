#!/usr/bin/env bash
# The steps of the khaosan composite action (action.yml), as a script so they can be
# run and tested outside GitHub Actions.
#
#   install.sh key       prints dir=, key= and scripts= for $GITHUB_OUTPUT
#   install.sh install   builds khaosan into $KHAOSAN_DIR unless a cached binary is
#                        there, checks it runs, and adds its folder to $GITHUB_PATH
#
# Environment: GITHUB_OUTPUT, GITHUB_PATH (files the runner reads), RUNNER_OS,
# RUNNER_TEMP, KHAOSAN_DIR (install), KHAOSAN_ACTION_REF (the action's ref, recorded
# as the commit khaosan was built from), CARGO (default: cargo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The action lives in .github/actions/khaosan of the tool's repository.
tool="$(cd "$here/../../.." && pwd)"

out() { echo "$1" >>"${GITHUB_OUTPUT:-/dev/stdout}"; }

case "${1:-}" in
  key)
    version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$tool/Cargo.toml" | head -n 1)"
    digest="$(cd "$tool" && find Cargo.toml Cargo.lock build.rs checklist.toml src themes \
      -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
    out "dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/khaosan-bin"
    out "key=khaosan-${RUNNER_OS:-$(uname -s)}-${version}-${digest}"
    out "scripts=$tool/.github/scripts"
    ;;
  install)
    dir="${KHAOSAN_DIR:?KHAOSAN_DIR must name the folder khaosan is installed in}"
    bin="$dir/bin/khaosan"
    if [[ -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
      echo "khaosan: using the cached binary ($bin)" >&2
    else
      echo "khaosan: building from $tool (first run of this version)" >&2
      # GitHub's ubuntu runners come with Rust; the toolchain is never changed here.
      if ! command -v "${CARGO:-cargo}" >/dev/null; then
        echo "khaosan: cargo was not found; use a runner with Rust (ubuntu-latest has it)" >&2
        exit 1
      fi
      KHAOSAN_BUILD_COMMIT="${KHAOSAN_ACTION_REF:-}" \
        "${CARGO:-cargo}" install --locked --path "$tool" --root "$dir" --force
    fi
    version="$("$bin" --version)"
    echo "$version" >&2
    echo "$dir/bin" >>"${GITHUB_PATH:?GITHUB_PATH must name the PATH file of the runner}"
    out "version=$version"
    ;;
  *)
    echo "usage: install.sh key|install" >&2
    exit 2
    ;;
esac
