#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each (default 60), one after the other.
#
#   scripts/fuzz.sh [seconds] [target...]
#
# How it builds on a stable toolchain: libFuzzer (from the libfuzzer-sys crate, compiled
# with the system C++ compiler) drives the targets, and the coverage it needs comes from
# LLVM's SanitizerCoverage pass, which stable rustc runs with `-Cpasses=sancov-module` and
# `-Cllvm-args=-sanitizer-coverage-*` (the flags `cargo fuzz` passes). Only the
# AddressSanitizer needs nightly (`-Zsanitizer=address`): the code under test is safe Rust
# (`unsafe_code = "deny"`), so the targets run without it. Building for an explicit
# `--target` keeps the flags off build scripts and proc macros. With a nightly toolchain and
# cargo-fuzz installed, `cd fuzz && cargo +nightly fuzz run <target>` works as usual.
#
# Corpora: fuzz/seeds/<target>/ (committed: fixtures and signed requests) seed
# fuzz/corpus/<target>/ (grown by runs, not committed). Crashes land in
# fuzz/artifacts/<target>/; copy each to fuzz/regressions/<target>/ so that
# `cargo test -p ossio-props --test fuzz_corpus` replays it from then on.
# Each run's last libFuzzer status line goes to fuzz/artifacts/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(error_body response_parsers x_oss_err encoding request_bodies server_auth)
fi

HOST=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR="$ROOT/fuzz/target"
export RUSTFLAGS="-Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# Nice: the machine's cores are shared with builds and tests.
nice cargo build --release --manifest-path fuzz/Cargo.toml --target "$HOST" --bins

mkdir -p fuzz/artifacts
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t" "fuzz/seeds/$t"
  echo "==> $t for ${SECONDS_PER_TARGET}s"
  log="fuzz/artifacts/$t.log"
  set +e
  nice "$CARGO_TARGET_DIR/$HOST/release/$t" \
    -max_total_time="$SECONDS_PER_TARGET" \
    -max_len=8192 \
    -timeout=25 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" \
    "fuzz/corpus/$t" "fuzz/seeds/$t" 2>"$log"
  rc=$?
  set -e
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -Eo 'cov: [0-9]+' || true)
  line="$t: ${SECONDS_PER_TARGET}s, $execs executions, ${cov:-cov: ?}, exit $rc"
  echo "$line" | tee -a fuzz/artifacts/summary.txt
  if [ "$rc" -ne 0 ]; then
    echo "crash or error in $t: see $log and fuzz/artifacts/$t/" >&2
    tail -n 40 "$log" >&2
    exit "$rc"
  fi
done
