#!/usr/bin/env bash
# The cost of signature checks (require_signatures = true) on a git history in
# which every merge is signed, as GitHub signs the merges made in its web page.
#
#   bench/signatures.sh [N ...]          (default: 2000)
#   KEY=pgp bench/signatures.sh 2000     (RSA-4096 OpenPGP merges, like GitHub's
#                                         web-flow key; default KEY=ssh, ed25519)
#   RUNS=3 bench/signatures.sh           (builds of each corpus, default 2)
#   PROFILE=debug bench/signatures.sh    (use the debug binary; dependencies, the
#                                         crypto among them, are optimised there too)
#
# For each N it makes two corpora with the same items (bench/gen_corpus.py):
#   unsigned  verify_git = true, merges unsigned;
#   signed    verify_git = true and require_signatures = true, the director's
#             merges authored by their GitHub no-reply address and signed with a
#             [merge_service] key made here; then it times `khaosan build` on both
#             and checks that both publish the same pages.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gen="$root/../shared/bench/gen_corpus.py"
[[ -f "$gen" ]] || gen="$root/bench/gen_corpus.py"
now="2026-06-01T12:00:00+07:00"
key_kind="${KEY:-ssh}"
profile="${PROFILE:-release}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(2000)

if [[ "$profile" == release ]]; then
  cargo build --release --quiet
else
  cargo build --quiet
fi
bin="${CARGO_TARGET_DIR:-target}/$profile/khaosan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The merge service's key, made for this run only.
export GNUPGHOME="$work/gnupg"
if [[ "$key_kind" == pgp ]]; then
  mkdir -m 700 "$GNUPGHOME"
  gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
    --quick-gen-key 'Merge service <merge@bench.example>' rsa4096 sign never 2>/dev/null
  public="$(gpg --armor --export merge@bench.example)"
else
  ssh-keygen -q -t ed25519 -N '' -C merge-service -f "$work/merge-key"
  public="$(cat "$work/merge-key.pub")"
fi
export KEY_KIND="$key_kind" KEY_FILE="$work/merge-key" PUBLIC_KEY="$public" GEN="$gen"

# Generates the corpus with the registry asking for signatures and the director's
# merges authored by their no-reply address, then re-signs the first-parent history.
signed_corpus() { # out, n
  python3 - "$1" "$2" "$now" <<'PY'
import hashlib, importlib.util, os, re, subprocess, sys, zlib

out, n, now = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location("gen", os.environ["GEN"])
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)
NOREPLY = "1001+inchai@users.noreply.github.com"
name, title, roles, emails = gen.PEOPLE[gen.DIRECTOR]
gen.PEOPLE[gen.DIRECTOR] = (name, title, roles, [NOREPLY] + emails)
plain = gen.approvers_toml
def approvers_toml(verify_git):
    text = plain(verify_git).replace("verify_git = true\n", "verify_git = true\nrequire_signatures = true\n")
    return text + "\n[merge_service]\nkeys = ['''\n" + os.environ["PUBLIC_KEY"] + "\n''']\n"
gen.approvers_toml = approvers_toml
sys.argv = ["gen_corpus.py", "--git", "--out", out, "--n", n, "--now", now]
with open(os.devnull, "w") as null:
    stdout, sys.stdout = sys.stdout, null
    gen.main()
    sys.stdout = stdout

def git(*args, data=None):
    return subprocess.run(["git", *args], cwd=out, input=data, capture_output=True, check=True).stdout

def sign(data):
    if os.environ["KEY_KIND"] == "pgp":
        cmd = ["gpg", "--batch", "--quiet", "--armor", "--detach-sign", "-u", "merge@bench.example"]
    else:
        cmd = ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", os.environ["KEY_FILE"]]
    return subprocess.run(cmd, input=data, capture_output=True, check=True).stdout

objects = os.path.join(out, ".git", "objects")
def write(raw):
    obj = b"commit %d\0" % len(raw) + raw
    oid = hashlib.sha1(obj).hexdigest()
    path = os.path.join(objects, oid[:2], oid[2:])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(zlib.compress(obj))
    return oid

chain = git("rev-list", "--first-parent", "--reverse", "main").decode().split()
cat = subprocess.Popen(["git", "cat-file", "--batch"], cwd=out, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
new, signed = {}, 0
for old in chain:
    cat.stdin.write(old.encode() + b"\n"); cat.stdin.flush()
    size = int(cat.stdout.readline().split()[2])
    raw = cat.stdout.read(size); cat.stdout.read(1)
    head, body = raw.split(b"\n\n", 1)
    lines = head.split(b"\n")
    parents = [l for l in lines if l.startswith(b"parent ")]
    if parents and parents[0][7:].decode() in new:
        i = lines.index(parents[0])
        lines[i] = b"parent " + new[parents[0][7:].decode()].encode()
    raw = b"\n".join(lines) + b"\n\n" + body
    author = next(l for l in lines if l.startswith(b"author "))
    if len(parents) == 2 and NOREPLY.encode() in author:
        sig = sign(raw).rstrip(b"\n").replace(b"\n", b"\n ")
        raw = b"\n".join(lines) + b"\ngpgsig " + sig + b"\n\n" + body
        signed += 1
    new[old] = write(raw)
git("update-ref", "refs/heads/main", new[chain[-1]])
git("checkout", "-q", "-f", "main")
print(f"  signed {signed} merges of {len(chain)} first-parent commits", file=sys.stderr)
PY
}

measure() { # label, then the command
  local label="$1"; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f s", u+s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$work/time.txt")
  printf '%-52s wall %-9s cpu %-9s peak %s\n' "$label" "$wall" "$cpu" "$rss"
}

for n in "${sizes[@]}"; do
  python3 "$gen" --git --out "$work/unsigned-$n" --n "$n" --now "$now" >/dev/null
  signed_corpus "$work/signed-$n" "$n"
  for run in $(seq "${RUNS:-2}"); do
    measure "build $n items, unsigned merges (run $run)" \
      "$bin" build --root "$work/unsigned-$n" --out "$work/out-unsigned-$n" --now "$now"
    measure "build $n items, $key_kind-signed merges checked (run $run)" \
      "$bin" build --root "$work/signed-$n" --out "$work/out-signed-$n" --now "$now"
  done
  a=$(find "$work/out-unsigned-$n" -name '*.html' | wc -l)
  b=$(find "$work/out-signed-$n" -name '*.html' | wc -l)
  echo "  pages: unsigned $a, signed $b"
  [[ "$a" == "$b" ]] || { echo "the signed history publishes other pages" >&2; exit 1; }
done
