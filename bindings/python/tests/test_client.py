"""ossio.Client end to end against ossio-server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import io
import socket
import threading
import uuid
from pathlib import Path
from typing import Iterator, List

import pytest

import ossio
from ossio import ops

from conftest import AK, SK


@pytest.fixture
def client(server: str) -> ossio.Client:
    return ossio.Client("cn-hangzhou", endpoint=server, credentials=ossio.Credentials(AK, SK))


@pytest.fixture
def bucket(client: ossio.Client) -> Iterator[str]:
    name = "py-" + uuid.uuid4().hex[:12]
    client.put_bucket(bucket=name)
    yield name


def test_bucket_operations(client: ossio.Client, bucket: str) -> None:
    assert bucket in [b.name for page in client.list_buckets_paginator().iter_page() for b in page.buckets]
    info = client.get_bucket_info(ops.GetBucketInfo(bucket=bucket))
    assert info.name == bucket and info.request_id
    assert client.put_bucket_acl(ops.PutBucketAcl(bucket=bucket, acl="public-read")).request_id
    acl = client.get_bucket_acl(bucket=bucket)
    assert acl.acl == "public-read"
    assert isinstance(acl, ops.GetBucketAclOutput)
    client.delete_bucket(bucket=bucket)
    with pytest.raises(ossio.NoSuchBucket) as info_err:
        client.get_bucket_info(bucket=bucket)
    err = info_err.value
    assert err.status == 404 and err.code == "NoSuchBucket" and err.request_id
    assert isinstance(err, ossio.ServiceError) and isinstance(err, ossio.OssError)
    assert err.operation == "GetBucketInfo"


def test_object_operations(client: ossio.Client, bucket: str) -> None:
    key = "dir/a b+c~%?#é.txt"
    put = client.put_object(
        bucket=bucket, key=key, body=b"hello world", metadata={"color": "blue"}, content_type="text/plain"
    )
    assert put.etag and put.hash_crc64 is not None
    got = client.get_object(bucket=bucket, key=key)
    assert got.body == b"hello world" and got.hash_crc64 == put.hash_crc64
    assert client.get_object(bucket=bucket, key=key, range_header="bytes=6-").body == b"world"
    head = client.head_object(bucket=bucket, key=key)
    assert head.content_length == 11
    assert head.metadata == {"color": "blue"}
    assert head.content_type == "text/plain"
    assert client.put_object_acl(bucket=bucket, key=key, acl="private").request_id
    assert client.get_object_acl(bucket=bucket, key=key).acl == "private"
    listed = client.list_objects_v2(bucket=bucket, prefix="dir/").contents
    assert [o.key for o in listed] == [key]
    assert listed[0].size == 11
    assert client.delete_object(bucket=bucket, key=key).request_id
    with pytest.raises(ossio.NoSuchKey) as e:
        client.get_object(bucket=bucket, key=key)
    assert e.value.details.get("Key") == key
    with pytest.raises(ossio.NoSuchKey):
        client.head_object(bucket=bucket, key=key)


def test_listings_follow_every_page(client: ossio.Client, bucket: str) -> None:
    keys = [f"k{i:03}" for i in range(23)]
    for k in keys:
        client.put_object(bucket=bucket, key=k, body=k.encode())
    paginator = client.list_objects_v2_paginator()
    assert [o.key for p in paginator.iter_page(bucket=bucket, max_keys=5) for o in p.contents] == keys
    pages = list(paginator.iter_page(ops.ListObjectsV2(bucket=bucket, max_keys=10)))
    assert [len(p.contents) for p in pages] == [10, 10, 3]
    objects = [{"key": k} for k in keys[:20]] + [ops.ObjectIdentifier(key="k020")]
    result = client.delete_multiple_objects(bucket=bucket, objects=objects)
    assert len(result.deleted_objects) == 21
    assert [o.key for o in client.list_objects_v2(bucket=bucket).contents] == keys[21:]
    with pytest.raises(ossio.BucketNotEmpty):
        client.delete_bucket(bucket=bucket)


def test_access_points(client: ossio.Client, bucket: str) -> None:
    names = [f"ap-{i}-{bucket[-6:]}" for i in range(3)]
    created = client.create_access_point(
        bucket=bucket, access_point_name=names[0], network_origin="vpc", vpc_id="vpc-t4nlw426y44rd3iq4xxxx"
    )
    assert created.access_point_arn.endswith(names[0])
    assert created.alias
    for n in names[1:]:
        client.create_access_point(bucket=bucket, access_point_name=n, network_origin="internet")
    got = client.get_access_point(bucket=bucket, access_point_name=names[0])
    assert got.vpc_id == "vpc-t4nlw426y44rd3iq4xxxx" and got.network_origin == "vpc"
    pages = client.list_access_points_paginator().iter_page(bucket=bucket, max_keys=1)
    listed = [ap.access_point_name for page in pages for ap in page.access_points]
    assert sorted(listed) == sorted(names)
    policy = '{"Version": "1", "Statement": []}'
    client.put_access_point_policy(bucket=bucket, access_point_name=names[0], body=policy)
    assert '"Version"' in client.get_access_point_policy(bucket=bucket, access_point_name=names[0]).body
    client.delete_access_point_policy(bucket=bucket, access_point_name=names[0])
    client.put_access_point_public_access_block(
        bucket=bucket, access_point_name=names[0], block_public_access=True
    )
    block = client.get_access_point_public_access_block(bucket=bucket, access_point_name=names[0])
    assert block.block_public_access is True
    client.delete_access_point_public_access_block(bucket=bucket, access_point_name=names[0])
    for n in names:
        client.delete_access_point(ops.DeleteAccessPoint(bucket=bucket, access_point_name=n))
    with pytest.raises(ossio.NoSuchAccessPoint):
        client.get_access_point(bucket=bucket, access_point_name=names[0])


def test_errors_map_to_exception_classes(server: str, bucket: str) -> None:
    bad_secret = ossio.Client("cn-hangzhou", endpoint=server, credentials=ossio.Credentials(AK, "wrong"))
    with pytest.raises(ossio.SignatureDoesNotMatch) as e:
        bad_secret.get_bucket_acl(bucket=bucket)
    assert e.value.status == 403 and e.value.string_to_sign
    unknown = ossio.Client("cn-hangzhou", endpoint=server, credentials=ossio.Credentials("nobody", "x"))
    with pytest.raises(ossio.InvalidAccessKeyId):
        unknown.get_bucket_acl(bucket=bucket)
    good = ossio.Client("cn-hangzhou", endpoint=server, credentials=ossio.Credentials(AK, SK))
    with pytest.raises(ossio.ValidationError) as v:
        good.put_bucket_acl(bucket="Bad_Bucket", acl="private")
    assert isinstance(v.value, ValueError) and v.value.field == "bucket"
    with pytest.raises(ossio.ValidationError):
        good.put_bucket_acl(bucket=bucket, acl="world-writable")  # type: ignore[call-overload]
    with pytest.raises(ossio.ValidationError):  # vpc needs a vpc_id
        good.create_access_point(bucket=bucket, access_point_name="ap-x", network_origin="vpc")


def test_transport_error(bucket: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = ossio.Client(
        "cn-hangzhou", endpoint=f"http://127.0.0.1:{port}", credentials=ossio.Credentials(AK, SK), retries=0
    )
    with pytest.raises(ossio.TransportError) as e:
        c.get_bucket_acl(bucket=bucket)
    assert isinstance(e.value, ossio.OssError)


def test_credentials_from_environment(server: str, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSS_REGION", "cn-hangzhou")
    monkeypatch.setenv("OSS_ENDPOINT", server)
    monkeypatch.setenv("OSS_ACCESS_KEY_ID", AK)
    monkeypatch.setenv("OSS_ACCESS_KEY_SECRET", SK)
    assert ossio.Client().get_bucket_acl(bucket=bucket).acl


def test_presign_works_with_a_plain_http_client(client: ossio.Client, bucket: str) -> None:
    import urllib.request

    client.put_object(bucket=bucket, key="shared.txt", body=b"presigned")
    p = client.presign(ops.GetObject(bucket=bucket, key="shared.txt"), expires=300)
    with urllib.request.urlopen(p.url) as resp:  # noqa: S310 - loopback only
        assert resp.read() == b"presigned"


def test_file_objects_stream(client: ossio.Client, bucket: str) -> None:
    payload = bytes(range(256)) * 20_000
    src = io.BytesIO(b"skip" + payload)
    src.seek(4)
    client.put_object(bucket=bucket, key="stream.bin", body=src)
    out = io.BytesIO()
    meta = client.get_object_to_file(ops.GetObject(bucket=bucket, key="stream.bin"), out)
    assert out.getvalue() == payload
    assert meta.content_length == len(payload) and meta.body == b""


def _peak_rss_reset() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _peak_rss() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def test_100_mib_upload_and_download_with_flat_memory(client: ossio.Client, bucket: str, tmp_path: Path) -> None:
    size = 100 * 1024 * 1024
    src, dst = tmp_path / "src.bin", tmp_path / "dst.bin"
    digest = hashlib.sha256()
    block = hashlib.sha256(b"seed").digest() * (1024 * 1024 // 32)
    with open(src, "wb") as f:
        for i in range(100):
            chunk = bytes([i]) + block[1:]
            digest.update(chunk)
            f.write(chunk)
    if not _peak_rss_reset():
        pytest.skip("cannot reset the peak RSS on this system")
    before = _peak_rss()
    put = client.put_object(bucket=bucket, key="big.bin", body=src)
    got = client.get_object_to_file(ops.GetObject(bucket=bucket, key="big.bin"), dst)
    grown = _peak_rss() - before
    assert got.content_length == size and put.hash_crc64 == got.hash_crc64
    assert grown < 40 * 1024 * 1024, f"peak memory grew by {grown} bytes"
    check = hashlib.sha256()
    with open(dst, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            check.update(chunk)
    assert check.hexdigest() == digest.hexdigest()


def test_eight_threads_share_one_client(client: ossio.Client, bucket: str) -> None:
    errors: List[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                key = f"t{n}/{i}"
                client.put_object(bucket=bucket, key=key, body=key.encode() * 100)
                assert client.get_object(bucket=bucket, key=key).body == key.encode() * 100
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(client.list_objects_v2(bucket=bucket).contents) == 80


def test_gil_is_released_while_waiting() -> None:
    """Eight requests must be in flight at once at a server written in Python: if a
    client call held the GIL, the server's threads could not run and the barrier would
    break instead of filling."""
    barrier = threading.Barrier(8, timeout=20)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_DELETE(self) -> None:  # noqa: N802 - http.server naming
            barrier.wait()
            self.send_response(204)
            self.send_header("x-oss-request-id", "gil-test")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        c = ossio.Client(
            "cn-hangzhou",
            endpoint=f"http://127.0.0.1:{httpd.server_address[1]}",
            credentials=ossio.Credentials(AK, SK),
            retries=0,
        )
        results: List[object] = []

        def call(i: int) -> None:
            try:
                results.append(c.delete_object(bucket="bucket", key=f"k{i}"))
            except BaseException as e:  # noqa: BLE001 - reported below
                results.append(e)

        threads = [threading.Thread(target=call, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(isinstance(r, ops.DeleteObjectOutput) for r in results), results
        assert not barrier.broken
    finally:
        httpd.shutdown()
