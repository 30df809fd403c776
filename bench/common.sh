# Sourced by bench/run.sh and bench/large.sh: the project root (made the working
# folder), the corpus generator (../shared/bench/gen_corpus.py when present, else
# bench/gen_corpus.py), the release binary (built first), and a scratch folder
# removed on exit.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gen="$root/../shared/bench/gen_corpus.py"
[[ -f "$gen" ]] || gen="$root/bench/gen_corpus.py"
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/khaosan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
