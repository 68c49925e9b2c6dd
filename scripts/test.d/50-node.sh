#!/usr/bin/env bash
# Node binding: builds bindings/node from source (dev profile, shared target directory),
# runs its node --test suite (signing vectors, differential against ali-oss, the client end
# to end against ossio-server), the TypeScript check of the examples, and installs the
# `npm pack` tarball into an empty project.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export OSSIO_BUILD_PROFILE=dev
NODE_DIR="$ROOT/bindings/node"

cd "$NODE_DIR"
# npm ci runs the package's install script, which builds ossio.node with cargo.
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

cargo build -p ossio-server
export OSSIO_SERVER_BIN="$CARGO_TARGET_DIR/debug/ossio-server"

log=$(mktemp)
node --test --test-reporter=tap test/ 2>&1 | tee "$log" | grep -E '^(not ok|# (tests|pass|fail|skipped))' || true
status=${PIPESTATUS[0]}
passed=$(grep -E '^# pass ' "$log" | awk '{print $3}')
failed=$(grep -E '^# fail ' "$log" | awk '{print $3}')
if [ "$status" -ne 0 ] || [ "${failed:-1}" != 0 ]; then
  grep -B2 -A30 '^not ok' "$log" | head -120
  echo "node tests|FAILED (${failed:-?} failed, ${passed:-0} passed)"
  exit 1
fi

echo "==> tsc --strict --noEmit over the examples"
npx --no-install tsc -p test/tsconfig.json
passed=$((passed + 1))

echo "==> npm pack, install into an empty project"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm pack --pack-destination "$tmp" >/dev/null
mkdir "$tmp/project"
cd "$tmp/project"
echo '{"name":"pack-check","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund "$tmp"/ossio-*.tgz
node -e '
const assert = require("node:assert/strict");
const { Signer, Credentials, ops, Client, OssError } = require("ossio");
const signer = new Signer({ credentials: new Credentials({ accessKeyId: "ak", accessKeySecret: "sk" }), region: "cn-hangzhou" });
const s = signer.sign(new ops.PutBucketAcl({ bucket: "examplebucket", acl: "private" }).request(), { at: new Date(Date.UTC(2023, 11, 16)) });
assert.equal(s.url, "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?acl");
assert.match(s.headers.Authorization, /^OSS4-HMAC-SHA256 Credential=ak\/20231216\/cn-hangzhou\/oss\/aliyun_v4_request,Signature=[0-9a-f]{64}$/);
assert.equal(typeof Client, "function");
assert.ok(new OssError({ code: "X", message: "m" }) instanceof Error);
console.log("packed tarball installs and signs");
'
node -e '
const assert = require("node:assert/strict");
const { startServer } = require("ossio/testing");
(async () => {
  const server = await startServer();
  const client = server.client();
  await client.putBucket({ bucket: "packed" });
  assert.equal(server.requests().at(-1).operation, "PutBucket");
  server.close();
  console.log("packed tarball serves ossio/testing");
})().catch((e) => { console.error(e); process.exit(1); });
'
passed=$((passed + 2))
echo "node tests|$passed passed"
