#!/usr/bin/env bash
# The one test command: Rust, Python and Node suites and the official-SDK checks.
# Installs what it needs (Python packages into .venv, npm packages into node_modules).
# Every suite shares one cargo profile (dev) and one target directory (./target).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TARGET_DIR="$ROOT/target"
export CARGO_TERM_COLOR=never

SUMMARY=()
step() { echo; echo "==> $*"; }
record() { SUMMARY+=("$(printf '%-34s %s' "$1" "$2")"); }

step "Generated files are current"
# Stubs and typings are generated from the operation registry; a stale one fails the run.
cargo run -q -p xtask -- codegen --check

step "Rust workspace tests"
log=$(mktemp)
# The binding crates are built and tested by their own parts (maturin, napi) below; the
# benchmark crate (peer signers as dependencies) runs with scripts/bench.sh, not here.
EXCLUDE=()
for pkg in ossio-python ossio-node ossio-bench; do
  if cargo metadata --no-deps --format-version 1 | grep -q "\"name\":\"$pkg\""; then
    EXCLUDE+=(--exclude "$pkg")
  fi
done
cargo test --workspace "${EXCLUDE[@]}" --all-targets 2>&1 | tee "$log"
cargo test --workspace "${EXCLUDE[@]}" --doc 2>&1 | tee -a "$log"
cargo test -p ossio-core --test vectors -- --nocapture 2>&1 | tee -a "$log"
passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
vectors=$(grep -Eo 'signing vectors: [0-9]+ of [0-9]+ passed' "$log" | head -1 || true)
record "rust tests" "$passed passed"
record "signing vectors (rust)" "${vectors#signing vectors: }"

for extra in scripts/test.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$(basename "$extra" .sh)"
  # Each part prints one summary line as its last line: "name|result".
  out=$(mktemp)
  bash "$extra" 2>&1 | tee "$out"
  line=$(tail -n 1 "$out")
  record "${line%%|*}" "${line#*|}"
done

echo
echo "==================== summary ===================="
printf '%s\n' "${SUMMARY[@]}"
