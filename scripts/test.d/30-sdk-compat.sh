#!/usr/bin/env bash
# The official SDKs (alibabacloud-oss-v2 and oss2 from PyPI, ali-oss from npm) against a
# freshly started ossio-server: each test starts the binary on 127.0.0.1 with a random port
# and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

cargo build -p ossio-server
export OSSIO_SERVER_BIN="$CARGO_TARGET_DIR/debug/ossio-server"

# shellcheck disable=SC1091
source scripts/lib/venv.sh
py_log=$(mktemp)
# The official SDKs alone: ossio's own pytest plugin (installed with the package) is not needed.
python -m pytest -q -p no:ossio tests/sdk-compat/test_python_sdks.py tests/sdk-compat/test_multipart_sdks.py tests/sdk-compat/test_versioning_sdks.py 2>&1 | tee "$py_log"
py_passed=$(grep -Eo '[0-9]+ passed' "$py_log" | tail -1 | awk '{print $1}')

cd tests/sdk-compat
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
node_log=$(mktemp)
node --test 2>&1 | tee "$node_log"
node_passed=$(grep -Eo '^# pass [0-9]+' "$node_log" | awk '{print $3}')
node_failed=$(grep -Eo '^# fail [0-9]+' "$node_log" | awk '{print $3}')
[ "${node_failed:-1}" = "0" ]

echo "sdk-compat|$((py_passed + node_passed)) passed (python ${py_passed:-0}, ali-oss ${node_passed:-0})"
