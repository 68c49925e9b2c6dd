"""ossio.testing and its pytest plugin, used the way a user's test suite uses them: only the
``oss_server`` and ``oss_bucket`` fixtures, with the official SDKs and ossio as code under test.
"""

from __future__ import annotations

from typing import Iterator

import alibabacloud_oss_v2 as oss
import oss2
import pytest
import requests

import ossio
from ossio.testing import LocalServer


def v2_client(server: LocalServer, sts: bool = False, version: str = "v4") -> oss.Client:
    cfg = oss.config.load_default()
    cfg.signature_version = version
    if sts:
        provider = oss.credentials.StaticCredentialsProvider(
            server.sts_access_key_id, server.sts_access_key_secret, server.session_token
        )
    else:
        provider = oss.credentials.StaticCredentialsProvider(
            server.access_key_id, server.access_key_secret
        )
    cfg.credentials_provider = provider
    cfg.region = server.region
    cfg.endpoint = server.endpoint
    cfg.use_path_style = True
    return oss.Client(cfg)


# The code under test: what a user's application might do with the official SDK.
def save_report(client: oss.Client, bucket: str, name: str, data: bytes) -> str:
    result = client.put_object(oss.PutObjectRequest(bucket=bucket, key=f"reports/{name}", body=data))
    return str(result.etag)


def test_fixtures_give_a_server_and_a_fresh_bucket(oss_server: LocalServer, oss_bucket: str) -> None:
    assert oss_server.endpoint.startswith("http://127.0.0.1:")
    client = oss_server.client()
    assert client.list_objects_v2(bucket=oss_bucket).contents == []
    client.put_object(bucket=oss_bucket, key="a.txt", body=b"hello")
    assert client.get_object(bucket=oss_bucket, key="a.txt").body == b"hello"
    assert "***" in repr(oss_server.credentials)


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_official_sdks_against_the_fixture(oss_server: LocalServer, oss_bucket: str, version: str) -> None:
    v2 = v2_client(oss_server, version=version)
    body = b"seed flow " + version.encode()
    v2.put_object(oss.PutObjectRequest(bucket=oss_bucket, key="seed.txt", body=body))
    assert v2.get_object(oss.GetObjectRequest(bucket=oss_bucket, key="seed.txt")).body.read() == body
    pre = v2.presign(oss.GetObjectRequest(bucket=oss_bucket, key="seed.txt"))
    assert requests.get(pre.url, headers=pre.signed_headers or {}).content == body

    auth = oss2.AuthV4 if version == "v4" else oss2.Auth
    bucket = oss2.Bucket(
        auth(oss_server.access_key_id, oss_server.access_key_secret),
        oss_server.endpoint,
        oss_bucket,
        region=oss_server.region,
    )
    bucket.put_object("oss2.txt", body)
    assert bucket.get_object("oss2.txt").read() == body
    assert requests.get(bucket.sign_url("GET", "oss2.txt", 60)).content == body


def test_sts_credentials_are_accepted(oss_server: LocalServer, oss_bucket: str) -> None:
    client = v2_client(oss_server, sts=True)
    client.put_object(oss.PutObjectRequest(bucket=oss_bucket, key="sts.txt", body=b"t"))
    records = [r for r in oss_server.requests() if r["key"] == "sts.txt"]
    assert records[-1]["access_key_id"] == oss_server.sts_access_key_id
    assert records[-1]["status"] == 200
    assert oss_server.sts_credentials.has_security_token


def test_a_retried_fault_shows_in_the_request_log(oss_server: LocalServer, oss_bucket: str) -> None:
    oss_server.clear_requests()
    oss_server.fail_next(1, 503, "ServiceUnavailable")
    etag = save_report(v2_client(oss_server), oss_bucket, "q3.csv", b"a,b\n1,2\n")
    assert etag
    puts = [r for r in oss_server.requests() if r["operation"] == "PutObject"]
    assert [(r["status"], r["error_code"]) for r in puts] == [
        (503, "ServiceUnavailable"),
        (200, None),
    ]
    assert all(r["key"] == "reports/q3.csv" and r["bucket"] == oss_bucket for r in puts)


@pytest.fixture(scope="module")
def shared_bucket(oss_server: LocalServer) -> str:
    oss_server.client().put_bucket(bucket="isolation-shared")
    return "isolation-shared"


class TestIsolation:
    """Two tests that would see each other's objects, isolated by snapshot and restore."""

    @pytest.fixture(autouse=True)
    def isolated(self, oss_server: LocalServer, shared_bucket: str) -> Iterator[None]:
        snap = oss_server.snapshot()
        yield
        oss_server.restore(snap)

    @pytest.mark.parametrize("writer", ["first", "second"])
    def test_each_sees_only_its_own_object(self, oss_server: LocalServer, shared_bucket: str, writer: str) -> None:
        client = oss_server.client()
        client.put_object(bucket=shared_bucket, key=f"{writer}.txt", body=writer.encode())
        keys = [o.key for o in client.list_objects_v2(bucket=shared_bucket).contents]
        assert keys == [f"{writer}.txt"]


def test_controls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with LocalServer(data_dir=tmp_path, region="cn-shanghai") as server:
        client = server.client(retries=0)
        client.put_bucket(bucket="controls")
        server.corrupt_crc_next(1)
        with pytest.raises(ossio.ChecksumError):
            client.put_object(bucket="controls", key="k", body=b"data")
        server.drop_next(1)
        with pytest.raises(ossio.TransportError):
            client.get_object(bucket="controls", key="k")
        # ossio corrects a skewed clock from the server's answer; the log shows the refusal.
        server.set_clock_skew(3600)
        server.clear_requests()
        assert client.get_object(bucket="controls", key="k").body == b"data"
        assert [r["error_code"] for r in server.requests()][0] == "RequestTimeTooSkewed"
        server.clear_faults()
        assert client.get_object(bucket="controls", key="k").body == b"data"
        server.reset()
        with pytest.raises(ossio.NoSuchBucket):
            client.get_object(bucket="controls", key="k")
    with pytest.raises(ValueError):
        server.requests()

