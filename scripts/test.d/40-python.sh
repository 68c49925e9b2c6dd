#!/usr/bin/env bash
# Python package: build ossio (maturin, dev profile, shared target dir) into .venv, then
# pytest (signing vectors, differential against oss2 and alibabacloud-oss-v2, sans-IO ops,
# the client end to end against ossio-server), mypy --strict on the examples and stubtest.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# shellcheck disable=SC1091
source scripts/lib/venv.sh

cargo build -p ossio-server
(cd bindings/python && maturin develop --profile dev --quiet)

log=$(mktemp)
status=0
python -m pytest -q -p no:cacheprovider bindings/python/tests 2>&1 | tee "$log" || status=1
(cd bindings/python && mypy --strict examples/httpx_sansio.py python/ossio) || status=1
(cd bindings/python && python -m mypy.stubtest ossio) || status=1

passed=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | awk '{print $1}' || true)
failed=$(grep -Eo '[0-9]+ failed' "$log" | tail -1 | awk '{print $1}' || true)
if [ "$status" -ne 0 ]; then
  echo "python tests|FAILED (${passed:-0} passed, ${failed:-0} failed; see mypy/stubtest output above)"
  exit 1
fi
echo "python tests|${passed:-0} passed"
