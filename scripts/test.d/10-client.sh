#!/usr/bin/env bash
# The Rust client's quickstart, run exactly as the README says, against the in-process
# local server (the client's own tests run with the Rust workspace tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(env -u OSS_ENDPOINT -u OSS_REGION cargo run -q --example quickstart 2>&1) || {
  echo "$out"
  echo "rust quickstart|FAILED"
  exit 1
}
echo "$out"
if ! grep -q "^got hello.txt .*: Hello from ossio through an access point!$" <<<"$out"; then
  echo "rust quickstart|FAILED (unexpected output)"
  exit 1
fi
echo "rust quickstart|ok"
