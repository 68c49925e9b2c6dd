#!/usr/bin/env bash
# Benchmarks ossio against the physical floor and against the official SDKs, in one run,
# and prints one table of medians and ratios (see BENCHMARKS.md).
#
#   scripts/bench.sh            the full run (about 10 minutes on 2 idle cores)
#   scripts/bench.sh --quick    a smoke run: short criterion samples, 300 requests, 64 MiB
#
# Installs what it needs: the Python peers (oss2, alibabacloud-oss-v2) into .venv, ali-oss
# into bench/node, and release builds of ossio-server, the Rust end-to-end binary, the
# Python package (a wheel installed into target/bench/pylib, leaving .venv's development
# install alone) and the Node package (staged in target/bench/node). Everything the
# end-to-end runs talk to is one ossio-server process, so each client's CPU time is its own.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then
  N=300; MIB=64; CRITERION_ARGS=(--warm-up-time 0.2 --measurement-time 0.5 --sample-size 20)
else
  N=10000; MIB=1024; CRITERION_ARGS=()
fi
export BENCH_QUICK=$QUICK

OUT="$CARGO_TARGET_DIR/bench"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
START=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
step() { echo "==> $*" >&2; }

# ---- peers and release builds ------------------------------------------------------------
step "Python peers (.venv)"
# shellcheck disable=SC1091
source scripts/lib/venv.sh
step "Node peers (bench/node)"
(cd bench/node && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi)

step "release builds: ossio-server, ossio-bench-e2e"
# Two commands: one with `--bin` would build only that binary of every package named.
cargo build --release --quiet -p ossio-server --bin ossio-server
cargo build --release --quiet -p ossio-bench --bin ossio-bench-e2e
SERVER_BIN="$CARGO_TARGET_DIR/release/ossio-server"
E2E="$CARGO_TARGET_DIR/release/ossio-bench-e2e"

step "release build: the ossio Python package"
rm -rf "$OUT/wheels" "$OUT/pylib"
maturin build --release --quiet -m bindings/python/Cargo.toml -i "$(command -v python)" --out "$OUT/wheels" >&2
python -m pip install --quiet --no-deps --target "$OUT/pylib" "$OUT"/wheels/ossio-*.whl
export PYTHONPATH="$OUT/pylib"

step "release build: the ossio Node package"
cargo build --release --quiet -p ossio-node --lib
rm -rf "$OUT/node/ossio"
mkdir -p "$OUT/node/ossio"
cp bindings/node/index.js bindings/node/operations.js bindings/node/testing.js bindings/node/package.json "$OUT/node/ossio/"
cp "$CARGO_TARGET_DIR/release/libossio_node.so" "$OUT/node/ossio/ossio.node"
export OSSIO_NODE_DIR="$OUT/node/ossio"

# ---- Rust core (criterion) ------------------------------------------------------------------
step "criterion: ossio-core against the floor and the peer signers"
cargo bench --quiet -p ossio-bench --bench core -- --noplot "${CRITERION_ARGS[@]}" >&2

# ---- end to end, against one ossio-server process ----------------------------------------------
export BENCH_AK=bench-ak BENCH_SK=bench-sk
"$SERVER_BIN" --addr 127.0.0.1:0 --key "$BENCH_AK:$BENCH_SK" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  rm -f "$OUT/big.bin" "$OUT/big.down"
}
trap cleanup EXIT
for _ in $(seq 100); do
  grep -q '^listening on' "$OUT/server.log" 2>/dev/null && break
  sleep 0.1
done
ENDPOINT=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$OUT/server.log" | head -1)
[ -n "$ENDPOINT" ] || { echo "ossio-server did not start:" >&2; cat "$OUT/server.log" >&2; exit 1; }
E2E_ARGS=(--endpoint "$ENDPOINT" --ak "$BENCH_AK" --sk "$BENCH_SK")
"$E2E" setup "${E2E_ARGS[@]}"

step "end to end: $N small PutObject + GetObject per client"
"$E2E" small "${E2E_ARGS[@]}" --n "$N" >> "$RESULTS"
for c in ossio v2 oss2; do
  python bench/python/e2e.py small --client "$c" --endpoint "$ENDPOINT" --n "$N" >> "$RESULTS"
done
for c in ossio ali-oss; do
  node bench/node/e2e.mjs --client "$c" --endpoint "$ENDPOINT" --n "$N" >> "$RESULTS"
done

step "end to end: $MIB MiB streaming upload and download (CRC-64 on), bare ureq floor"
"$E2E" bare-put "${E2E_ARGS[@]}" --mib "$MIB" >> "$RESULTS"
"$E2E" upload "${E2E_ARGS[@]}" --mib "$MIB" >> "$RESULTS"
"$E2E" bare-get "${E2E_ARGS[@]}" >> "$RESULTS"
"$E2E" download "${E2E_ARGS[@]}" >> "$RESULTS"
head -c "$((MIB * 1024 * 1024))" /dev/urandom > "$OUT/big.bin"
python bench/python/e2e.py upload --endpoint "$ENDPOINT" --file "$OUT/big.bin" >> "$RESULTS"
python bench/python/e2e.py download --endpoint "$ENDPOINT" --file "$OUT/big.down" >> "$RESULTS"
cmp "$OUT/big.bin" "$OUT/big.down"
rm -f "$OUT/big.bin" "$OUT/big.down"
kill "$SERVER_PID" 2>/dev/null || true

# ---- Python and Node micro benchmarks --------------------------------------------------------------
step "Python: signing and parsing against alibabacloud-oss-v2 and oss2"
"$E2E" fixture list-objects > "$OUT/list_objects_1000.xml"
(cd bench/python && python micro.py "$OUT/list_objects_1000.xml") >> "$RESULTS"
step "Node: signing against ali-oss"
node bench/node/micro.mjs >> "$RESULTS"
step "Starting the test server from Python and Node"
python bench/startup.py >> "$RESULTS"
OSSIO_NODE_TESTING="$OSSIO_NODE_DIR/testing.js" node bench/node/startup.mjs >> "$RESULTS"

# ---- the table -----------------------------------------------------------------------------------
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $( [ "$QUICK" = 1 ] && echo 'quick' || echo 'full'), $(( $(date +%s) - START )) s"
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load average $LOAD_BEFORE before, $LOAD_AFTER after"
  echo "Versions: $(rustc --version), Python $(python -c 'import platform; print(platform.python_version())'), Node $(node --version), oss2 $(python -c 'import oss2; print(oss2.__version__)'), alibabacloud-oss-v2 $(python -m pip show alibabacloud-oss-v2 2>/dev/null | sed -n 's/^Version: //p'), ali-oss $(node -p "require('./bench/node/node_modules/ali-oss/package.json').version")"
  echo
  python bench/report.py "$RESULTS" "$CARGO_TARGET_DIR/criterion" "$START"
} | tee "$OUT/report.md"
