# Sourced by bench/run.sh and bench/large.sh: the project root (made the working
# folder), the corpus generator (../shared/bench/gen_corpus.py when present, else
# bench/gen_corpus.py), the release binary (built first), a scratch folder
# removed on exit, and `median_of`.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gen="$root/../shared/bench/gen_corpus.py"
[[ -f "$gen" ]] || gen="$root/bench/gen_corpus.py"
cargo build --release --quiet
bin="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/release/khaosan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The median of the numbers on standard input.
median_of() {
  sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
