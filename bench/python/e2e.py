"""Python end to end against a running ossio-server: client CPU time (user + system, from
getrusage) per small PutObject and GetObject, and for ossio a streaming 1 GiB upload and
download with CRC-64 on (throughput and peak RSS).

  e2e.py small    --client ossio|v2|oss2 --endpoint URL [--n 10000] [--size 1024]
  e2e.py upload   --endpoint URL --file PATH     ossio put_object from a file, streamed
  e2e.py download --endpoint URL --file PATH     ossio get_object to a file, streamed

Run each in its own process: peak RSS is the process's own."""

from __future__ import annotations

import argparse
import os
import pathlib
import resource
import time

from common import REGION, emit

BUCKET = "bench"
BIG_KEY = "big/python.bin"
LABELS = {"ossio": "ossio (Python)", "v2": "alibabacloud-oss-v2", "oss2": "oss2"}


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def make_client(kind: str, endpoint: str, ak: str, sk: str):
    """(put(key, data), get(key) -> bytes) for one client, V4 signing, path style."""
    if kind == "ossio":
        import ossio

        c = ossio.Client(REGION, endpoint=endpoint, credentials=ossio.Credentials(ak, sk))
        return (lambda k, d: c.put_object(bucket=BUCKET, key=k, body=d)), (
            lambda k: c.get_object(bucket=BUCKET, key=k).body
        )
    if kind == "v2":
        import alibabacloud_oss_v2 as oss

        cfg = oss.config.load_default()
        cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(ak, sk)
        cfg.region = REGION
        cfg.endpoint = endpoint
        cfg.use_path_style = True
        cfg.signature_version = "v4"
        c = oss.Client(cfg)

        def v2_get(k: str) -> bytes:
            r = c.get_object(oss.GetObjectRequest(bucket=BUCKET, key=k))
            return r.body.read()

        return (lambda k, d: c.put_object(oss.PutObjectRequest(bucket=BUCKET, key=k, body=d))), v2_get
    if kind == "oss2":
        import oss2

        b = oss2.Bucket(oss2.AuthV4(ak, sk), endpoint, BUCKET, region=REGION)
        return (lambda k, d: b.put_object(k, d)), (lambda k: b.get_object(k).read())
    raise SystemExit(f"unknown client {kind}")


def small(a: argparse.Namespace) -> None:
    put, get = make_client(a.client, a.endpoint, a.ak, a.sk)
    label = LABELS[a.client]
    data = b"x" * a.size
    keys = [f"small/py-{a.client}/{i:06}" for i in range(a.n)]
    put(keys[0], data)  # opens the pooled connection, untimed
    c0, w0 = cpu(), time.perf_counter()
    for k in keys:
        put(k, data)
    c1, w1 = cpu(), time.perf_counter()
    for k in keys:
        got = get(k)
        if len(got) != a.size:
            raise SystemExit(f"{label}: GetObject returned {len(got)} bytes")
    c2, w2 = cpu(), time.perf_counter()
    emit("e2e_put_cpu", label, (c1 - c0) * 1e6 / a.n, "us")
    emit("e2e_get_cpu", label, (c2 - c1) * 1e6 / a.n, "us")
    emit("e2e_put_wall", label, (w1 - w0) * 1e6 / a.n, "us")
    emit("e2e_get_wall", label, (w2 - w1) * 1e6 / a.n, "us")


def transfer(a: argparse.Namespace) -> None:
    import ossio

    c = ossio.Client(REGION, endpoint=a.endpoint, credentials=ossio.Credentials(a.ak, a.sk))
    path = pathlib.Path(a.file)
    t = time.perf_counter()
    if a.mode == "upload":
        size = path.stat().st_size
        out = c.put_object(bucket=BUCKET, key=BIG_KEY, body=path)
        if out.hash_crc64 is None:
            raise SystemExit("no x-oss-hash-crc64ecma: CRC-64 was not checked")
    else:
        c.get_object_to_file(ossio.ops.GetObject(bucket=BUCKET, key=BIG_KEY), path)
        size = path.stat().st_size
    secs = time.perf_counter() - t
    label = "ossio (Python)"
    emit(f"{a.mode}_throughput", label, size / (1024 * 1024) / secs, "MiB/s")
    emit(f"{a.mode}_peak_rss", label, peak_rss_mib(), "MiB")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["small", "upload", "download"])
    p.add_argument("--client", default="ossio")
    p.add_argument("--endpoint", required=True)
    p.add_argument("--ak", default=os.environ.get("BENCH_AK", "bench-ak"))
    p.add_argument("--sk", default=os.environ.get("BENCH_SK", "bench-sk"))
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--size", type=int, default=1024)
    p.add_argument("--file")
    a = p.parse_args()
    small(a) if a.mode == "small" else transfer(a)


if __name__ == "__main__":
    main()
