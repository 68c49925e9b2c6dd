"""Startup of the test server from Python: ``LocalServer()`` until it answers, then ``stop()``.
Prints one JSON line (median of 50 runs, microseconds) for bench/report.py."""

import json
import statistics
import time
import urllib.error
import urllib.request

from ossio.testing import LocalServer


def once() -> float:
    t0 = time.perf_counter()
    server = LocalServer()
    try:
        urllib.request.urlopen(server.endpoint + "/", timeout=5)
    except urllib.error.HTTPError as e:
        assert e.code == 403
    server.stop()
    return (time.perf_counter() - t0) * 1e6


samples = [once() for _ in range(50)]
print(json.dumps({"group": "py_server_start", "name": "ossio (Python)", "value": statistics.median(samples), "unit": "us"}))
