#!/usr/bin/env bash
# Python package: build ossio (maturin, dev profile, shared target dir) into .venv, then
# pytest (signing vectors, differential signing against oss2 and alibabacloud-oss-v2, every
# operation's built request against alibabacloud-oss-v2's, sans-IO ops and bad input, the
# client end to end against ossio-server), mypy --strict on the examples and stubtest, and
# that README.md's operation coverage section is current (scripts/op-coverage.py --check).
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
stale=""
# README.md's counts of operations (against the SDKs' lists, and served by ossio-server), and
# the Python SDK's list against the installed alibabacloud-oss-v2.
if ! python scripts/op-coverage.py --check || ! python scripts/sdk-operations.py --check; then
  stale="; operation coverage is stale, see scripts/op-coverage.py / scripts/sdk-operations.py"
  status=1
fi
python -m pytest -q -p no:cacheprovider bindings/python/tests 2>&1 | tee "$log" || status=1
(cd bindings/python && mypy --strict examples/httpx_sansio.py python/ossio) || status=1
(cd bindings/python && python -m mypy.stubtest --allowlist stubtest-allowlist.txt ossio) || status=1

passed=$(grep -Eo '[0-9]+ passed' "$log" | tail -1 | awk '{print $1}' || true)
failed=$(grep -Eo '[0-9]+ failed' "$log" | tail -1 | awk '{print $1}' || true)

# The wheel in an empty virtualenv: the package, its testing module and the pytest plugin
# (registered through its entry point) work without anything from this checkout.
fresh=$(mktemp -d)
(
  set -e
  maturin build --profile dev --quiet -m bindings/python/Cargo.toml -i "$(command -v python)" --out "$fresh/wheels"
  python -m venv "$fresh/venv"
  "$fresh/venv/bin/python" -m pip install --quiet "$fresh"/wheels/ossio-*.whl pytest
  mkdir "$fresh/suite"
  cat > "$fresh/suite/test_user.py" <<'PY'
def test_fixture(oss_server, oss_bucket):
    client = oss_server.client()
    client.put_object(bucket=oss_bucket, key="k", body=b"v")
    assert client.get_object(bucket=oss_bucket, key="k").body == b"v"
    assert [r["operation"] for r in oss_server.requests()][-1] == "GetObject"
PY
  cd "$fresh/suite" && "$fresh/venv/bin/python" -m pytest -q -p no:cacheprovider test_user.py
) 2>&1 | tee "$fresh.log" || status=1
grep -q '1 passed' "$fresh.log" && passed=$((${passed:-0} + 1)) || status=1
rm -rf "$fresh" "$fresh.log"

if [ "$status" -ne 0 ]; then
  echo "python tests|FAILED (${passed:-0} passed, ${failed:-0} failed; see mypy/stubtest output above$stale)"
  exit 1
fi
echo "python tests|${passed:-0} passed"
