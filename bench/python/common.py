"""What the Python benchmarks share: the request every signer signs, the timer and the
output format (one JSON line per measurement, read by bench/report.py)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from typing import Callable, Dict

# The same request as crates/ossio-bench (ossio_bench::request): a typical object upload.
AK = "LTAI5tBenchmarkAccessKey"
SK = "BenchmarkSecretBenchmarkSecret00"
BUCKET = "examplebucket"
KEY = "photos/2024/summer holiday+beach.jpg"
REGION = "cn-hangzhou"
AT = 1_702_743_657
HEADERS: Dict[str, str] = {
    "Content-Type": "image/jpeg",
    "Content-MD5": "eB5eJF1ptWaXm4bijSPyxw==",
    "x-oss-meta-author": "alice",
    "x-oss-meta-camera": "X100V",
    "x-oss-object-acl": "private",
}

QUICK = os.environ.get("BENCH_QUICK") == "1"


def median_ns(fn: Callable[[], object], repeats: int = 0, target: float = 0.0) -> float:
    """Median time of one call in nanoseconds, over ``repeats`` timed batches of about
    ``target`` seconds each (fewer and shorter with BENCH_QUICK=1)."""
    repeats = repeats or (3 if QUICK else 9)
    target = target or (0.05 if QUICK else 0.25)
    for _ in range(3):  # warm up caches and lazy imports
        fn()
    loops = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        dt = time.perf_counter() - t0
        if dt >= target / 4:
            break
        loops *= 4
    loops = max(1, int(loops * target / max(dt, 1e-9)))
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter_ns() - t0) / loops)
    return statistics.median(samples)


def compare(fns: Dict[str, Callable[[], object]]) -> Dict[str, float]:
    """Median nanoseconds per call of each contender, timed in interleaved rounds (A, B, C,
    A, B, C, ...) so that a burst of load on this shared machine hits every contender alike."""
    repeats = 5 if QUICK else 15
    target = 0.03 if QUICK else 0.1
    loops: Dict[str, int] = {}
    for name, fn in fns.items():
        for _ in range(3):
            fn()
        n = 1
        while True:
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            dt = time.perf_counter() - t0
            if dt >= target / 4:
                break
            n *= 4
        loops[name] = max(1, int(n * target / max(dt, 1e-9)))
    samples: Dict[str, list] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            n = loops[name]
            t0 = time.perf_counter_ns()
            for _ in range(n):
                fn()
            samples[name].append((time.perf_counter_ns() - t0) / n)
    return {name: statistics.median(v) for name, v in samples.items()}


def emit(group: str, name: str, value: float, unit: str) -> None:
    print(json.dumps({"group": group, "name": name, "value": value, "unit": unit}))
    sys.stdout.flush()
