"""CORS in a real browser: headless Chromium loads a page from one loopback origin that
PUTs an object to ossio-server (another origin) with a presigned URL (Content-Type signed),
then fetches it back with another presigned URL, and writes the outcome into the page.

Usage: python browser_cors.py OSSIO_SERVER_BIN CHROMIUM_BIN

Cases: a rule for the page's origin (exact, or with a `*` wildcard) lets both requests
through and exposes ETag; no rules at all, a rule for another origin, or one that does not
allow the Content-Type header makes the browser block the upload at its preflight (and the
object is not written). The last line printed is
the summary: ``browser CORS|N passed`` or ``browser CORS|FAILED ...``.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import secrets
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional

import ossio

REGION = "cn-hangzhou"
BUCKET = "browser-cors"
BODY = "hello from the browser"
# Not a CORS-safelisted content type, so the preflight names the header and the rule's
# AllowedHeader must allow it.
CONTENT_TYPE = "application/octet-stream"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>ossio CORS</title></head>
<body><pre id="out">PENDING</pre>
<script>
const out = document.getElementById("out");
(async () => {
  try {
    const put = await fetch(PUT_URL, {
      method: "PUT",
      headers: {"Content-Type": CONTENT_TYPE},
      body: BODY,
    });
    if (!put.ok) { out.textContent = "PUT-STATUS " + put.status; return; }
    const etag = put.headers.get("ETag");
    const got = await fetch(GET_URL);
    const text = await got.text();
    out.textContent = (got.ok && text === BODY)
      ? "OK etag=" + etag
      : "GET-MISMATCH " + got.status + " " + text;
  } catch (e) {
    out.textContent = "BLOCKED " + e;
  }
})();
</script></body></html>
"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def start_server(binary: str, ak: str, sk: str) -> "tuple[subprocess.Popen[str], str]":
    proc = subprocess.Popen(
        [binary, "--addr", "127.0.0.1:0", "--key", f"{ak}:{sk}", "--region", REGION],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    m = re.search(r"listening on (http://\S+)", line)
    if not m:
        proc.kill()
        raise RuntimeError(f"ossio-server did not start: {line!r}")
    return proc, m.group(1)


def run_page(chromium: str, url: str, profile: str) -> str:
    """The text the page wrote, read from the DOM headless Chromium dumps."""
    out = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    m = re.search(r'<pre id="out">(.*?)</pre>', out.stdout, re.S)
    if not m:
        return f"NO-DOM (exit {out.returncode}): {out.stderr.strip()[-400:]}"
    return html.unescape(m.group(1)).strip()


def main() -> int:
    binary, chromium = sys.argv[1], sys.argv[2]
    ak, sk = "LTAI" + secrets.token_hex(8), secrets.token_urlsafe(24)
    proc, endpoint = start_server(binary, ak, sk)
    pages = tempfile.TemporaryDirectory()
    handler = functools.partial(Quiet, directory=pages.name)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    results: List[str] = []
    failures: List[str] = []
    try:
        client = ossio.Client(
            region=REGION,
            endpoint=endpoint,
            credentials=ossio.Credentials(ak, sk),
        )
        client.put_bucket(bucket=BUCKET)

        def rule(origins: List[str]) -> Dict[str, Any]:
            return {
                "allowed_origins": origins,
                "allowed_methods": ["PUT", "GET"],
                "allowed_headers": ["content-type"],
                "expose_headers": ["ETag"],
                "max_age_seconds": 0,
            }

        cases: List["tuple[str, Optional[List[Dict[str, Any]]], bool]"] = [
            ("rule for the page's origin", [rule([origin])], True),
            ("no CORS rules", None, False),
            ("rule for another origin", [rule(["http://other.example"])], False),
            ("rule without the Content-Type header", [dict(rule([origin]), allowed_headers=[])], False),
            ("wildcard rule", [rule(["http://127.0.0.1:*"])], True),
        ]
        for n, (name, rules, allowed) in enumerate(cases):
            if rules is None:
                client.delete_bucket_cors(bucket=BUCKET)
            else:
                client.put_bucket_cors(bucket=BUCKET, cors_configuration={"cors_rules": rules})
            key = f"case-{n}.txt"
            put = client.presign(
                ossio.Request("PUT", BUCKET, key, headers={"Content-Type": CONTENT_TYPE}),
                expires=600,
            )
            get = client.presign(ossio.Request("GET", BUCKET, key), expires=600)
            page = (
                PAGE.replace("PUT_URL", json.dumps(put.url))
                .replace("GET_URL", json.dumps(get.url))
                .replace("BODY", json.dumps(BODY))
                .replace("CONTENT_TYPE", json.dumps(CONTENT_TYPE))
            )
            Path(pages.name, f"case-{n}.html").write_text(page)
            with tempfile.TemporaryDirectory() as profile:
                seen = run_page(chromium, f"{origin}/case-{n}.html", profile)
            try:
                stored: Optional[bytes] = client.get_object(bucket=BUCKET, key=key).body
            except ossio.ServiceError:
                stored = None
            if allowed:
                ok = seen.startswith("OK etag=") and seen != "OK etag=null" and stored == BODY.encode()
            else:
                ok = seen.startswith("BLOCKED") and stored is None
            want = "both requests succeed" if allowed else "the browser blocks the upload"
            print(f"{'ok' if ok else 'FAILED'}: {name}: want {want}; page says {seen!r}")
            (results if ok else failures).append(name)
    finally:
        httpd.shutdown()
        proc.terminate()
        proc.wait(timeout=10)
        pages.cleanup()
    if failures:
        print(f"browser CORS|FAILED ({len(failures)} failed, {len(results)} passed)")
        return 1
    print(f"browser CORS|{len(results)} passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # the summary line stays the last line
        print(f"browser CORS|FAILED ({type(e).__name__}: {e})")
        sys.exit(1)
