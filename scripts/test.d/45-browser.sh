#!/usr/bin/env bash
# CORS in a real browser: headless Chromium on a page served from one loopback port PUTs to
# ossio-server (another port) with a presigned URL and reads the object back; a matching
# PutBucketCors rule lets both through, no rule or another origin's rule gets them blocked
# (scripts/lib/browser_cors.py). Skipped, with the reason, where Chromium is not installed
# (Debian: apt-get install chromium; .ci/run tries to install it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "chromium is not installed (Debian package 'chromium'): the browser test does not run"
  echo "browser CORS|skipped (no chromium)"
  exit 0
fi

# shellcheck disable=SC1091
source scripts/lib/venv.sh
# The Python package presigns the URLs; 40-python.sh has usually built it already.
python -c "import ossio" 2>/dev/null || (cd bindings/python && maturin develop --profile dev --quiet)
cargo build -p ossio-server

python scripts/lib/browser_cors.py "$CARGO_TARGET_DIR/debug/ossio-server" "$CHROMIUM"
