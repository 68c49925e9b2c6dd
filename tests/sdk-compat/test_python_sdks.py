"""The official Python SDKs (alibabacloud-oss-v2 and oss2) against a fresh ossio-server.

Each SDK, with V1 and V4 signing: create a bucket with an ACL, put and get the bucket ACL,
create, get, list and delete an access point, put and get an object through the access
point alias, fetch a presigned URL with a plain HTTP client, and see a wrong secret fail
with SignatureDoesNotMatch.
"""

import os
import re
import subprocess
import uuid

import alibabacloud_oss_v2 as oss
import oss2
import pytest
import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AK, SK = "compat-ak", "compat-sk"
REGION = "cn-hangzhou"


def server_binary():
    if os.environ.get("OSSIO_SERVER_BIN"):
        return os.environ["OSSIO_SERVER_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "debug", "ossio-server")


@pytest.fixture(scope="module")
def endpoint():
    proc = subprocess.Popen(
        [server_binary(), "--addr", "127.0.0.1:0", "--key", f"{AK}:{SK}", "--region", REGION],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        m = re.match(r"listening on (http://\S+)", line)
        assert m, f"unexpected first line from ossio-server: {line!r}"
        yield m.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# ----------------------------------------------------------------- alibabacloud-oss-v2


def v2_client(endpoint, version, secret=SK, ak=AK):
    cfg = oss.config.load_default()
    cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(ak, secret)
    cfg.region = REGION
    cfg.endpoint = endpoint
    cfg.use_path_style = True
    cfg.signature_version = version
    return oss.Client(cfg)


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_alibabacloud_oss_v2(endpoint, version):
    client = v2_client(endpoint, version)
    bucket = unique(f"v2{version}")
    client.put_bucket(oss.PutBucketRequest(bucket=bucket, acl="public-read"))
    assert client.get_bucket_acl(oss.GetBucketAclRequest(bucket=bucket)).acl == "public-read"
    client.put_bucket_acl(oss.PutBucketAclRequest(bucket=bucket, acl="private"))
    assert client.get_bucket_acl(oss.GetBucketAclRequest(bucket=bucket)).acl == "private"

    ap = unique("ap")[:19]
    created = client.create_access_point(
        oss.CreateAccessPointRequest(
            bucket=bucket,
            create_access_point_configuration=oss.CreateAccessPointConfiguration(
                access_point_name=ap, network_origin="internet"
            ),
        )
    )
    assert created.access_point_arn == f"acs:oss:{REGION}:1234567890123456:accesspoint/{ap}"
    alias = created.alias
    assert alias.endswith("-ossalias")
    got = client.get_access_point(oss.GetAccessPointRequest(bucket=bucket, access_point_name=ap))
    assert got.alias == alias
    assert got.access_point_name == ap
    listed = client.list_access_points(oss.ListAccessPointsRequest(bucket=bucket))
    assert [a.access_point_name for a in listed.access_points] == [ap]
    everywhere = client.list_access_points(oss.ListAccessPointsRequest())
    assert ap in [a.access_point_name for a in everywhere.access_points]

    body = b"through the access point " + version.encode()
    put = client.put_object(oss.PutObjectRequest(bucket=alias, key="dir/obj.txt", body=body))
    assert put.etag.strip('"').upper() == put.etag.strip('"')
    got = client.get_object(oss.GetObjectRequest(bucket=alias, key="dir/obj.txt"))
    assert got.body.read() == body
    got = client.get_object(oss.GetObjectRequest(bucket=bucket, key="dir/obj.txt"))
    assert got.body.read() == body

    pre = client.presign(oss.GetObjectRequest(bucket=bucket, key="dir/obj.txt"))
    r = requests.get(pre.url, headers=pre.signed_headers or {})
    assert r.status_code == 200, r.text
    assert r.content == body
    assert requests.get(f"{endpoint}/{bucket}/dir/obj.txt").status_code == 403

    bad = v2_client(endpoint, version, secret="wrong-secret")
    with pytest.raises(oss.exceptions.OperationError) as e:
        bad.get_bucket_acl(oss.GetBucketAclRequest(bucket=bucket))
    err = e.value.unwrap()
    assert err.code == "SignatureDoesNotMatch"
    assert err.status_code == 403

    client.delete_object(oss.DeleteObjectRequest(bucket=bucket, key="dir/obj.txt"))
    client.delete_access_point(oss.DeleteAccessPointRequest(bucket=bucket, access_point_name=ap))
    with pytest.raises(oss.exceptions.OperationError) as e:
        client.get_access_point(oss.GetAccessPointRequest(bucket=bucket, access_point_name=ap))
    assert e.value.unwrap().code == "NoSuchAccessPoint"
    client.delete_bucket(oss.DeleteBucketRequest(bucket=bucket))


# ----------------------------------------------------------------- oss2


def oss2_auth(version, secret=SK):
    if version == "v4":
        return oss2.AuthV4(AK, secret)
    return oss2.Auth(AK, secret)


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_oss2(endpoint, version):
    # An IP endpoint makes oss2 use path-style addressing.
    name = unique(f"oss2{version}")
    bucket = oss2.Bucket(oss2_auth(version), endpoint, name, region=REGION)
    bucket.create_bucket(oss2.BUCKET_ACL_PUBLIC_READ)
    assert bucket.get_bucket_acl().acl == oss2.BUCKET_ACL_PUBLIC_READ
    bucket.put_bucket_acl(oss2.BUCKET_ACL_PRIVATE)
    assert bucket.get_bucket_acl().acl == oss2.BUCKET_ACL_PRIVATE

    ap = unique("ap")[:19]
    created = bucket.create_access_point(
        oss2.models.CreateAccessPointRequest(ap, "internet")
    )
    alias = created.alias
    assert alias.endswith("-ossalias")
    got = bucket.get_access_point(ap)
    assert got.alias == alias
    assert got.access_point_status == "enable"
    listed = bucket.list_bucket_access_points()
    assert [a.access_point_name for a in listed.access_points] == [ap]
    service = oss2.Service(oss2_auth(version), endpoint, region=REGION)
    assert ap in [a.access_point_name for a in service.list_access_points().access_points]

    via_alias = oss2.Bucket(oss2_auth(version), endpoint, alias, region=REGION)
    body = b"oss2 through the alias " + version.encode()
    via_alias.put_object("k/obj.bin", body)
    assert via_alias.get_object("k/obj.bin").read() == body
    assert bucket.get_object("k/obj.bin").read() == body

    url = bucket.sign_url("GET", "k/obj.bin", 60)
    r = requests.get(url)
    assert r.status_code == 200, r.text
    assert r.content == body

    bad = oss2.Bucket(oss2_auth(version, "wrong-secret"), endpoint, name, region=REGION)
    with pytest.raises(oss2.exceptions.OssError) as e:
        bad.get_bucket_acl()
    assert e.value.code == "SignatureDoesNotMatch"
    assert e.value.status == 403
    assert "StringToSign" in e.value.details

    bucket.delete_object("k/obj.bin")
    bucket.delete_access_point(ap)
    with pytest.raises(oss2.exceptions.OssError) as e:
        bucket.get_access_point(ap)
    assert e.value.code == "NoSuchAccessPoint"
    bucket.delete_bucket()


# ----------------------------------------------------------------- server fidelity, as the
# SDKs see it: their paginators, is_bucket_exist, oss2's resumable download, a gzip GET.

TREE = ["a", "d/a/1", "d/a/2", "d/a/x/3", "d/b", "d/c/1", "e/1", "e/2", "f"]


def expected_listing(prefix, delimiter):
    out = set()
    for k in TREE:
        if not k.startswith(prefix):
            continue
        rest = k[len(prefix):]
        if delimiter and delimiter in rest:
            out.add(prefix + rest[: rest.index(delimiter) + len(delimiter)])
        else:
            out.add(k)
    return out


def fill_tree(client, bucket):
    client.put_bucket(oss.PutBucketRequest(bucket=bucket))
    for k in TREE:
        client.put_object(oss.PutObjectRequest(bucket=bucket, key=k, body=k.encode()))


def take_pages(pages, limit=100):
    seen = []
    for n, page in enumerate(pages):
        assert n < limit, "the paginator never ends"
        seen.extend(o.key for o in (page.contents or []))
        seen.extend(p.prefix for p in (page.common_prefixes or []))
    return seen


@pytest.mark.parametrize("max_keys", [1, 2, 3])
@pytest.mark.parametrize("prefix,delimiter", [("", "/"), ("d/", "/"), ("d/a", "/"), ("", "")])
def test_v2_paginators_yield_each_entry_once(endpoint, max_keys, prefix, delimiter):
    client = v2_client(endpoint, "v4")
    bucket = unique("pages")
    fill_tree(client, bucket)
    want = expected_listing(prefix, delimiter)
    args = dict(bucket=bucket, prefix=prefix, max_keys=max_keys)
    if delimiter:
        args["delimiter"] = delimiter
    v1 = take_pages(client.list_objects_paginator().iter_page(oss.ListObjectsRequest(**args)))
    v2 = take_pages(client.list_objects_v2_paginator().iter_page(oss.ListObjectsV2Request(**args)))
    for seen in (v1, v2):
        assert len(seen) == len(set(seen)), seen
        assert set(seen) == want


@pytest.mark.parametrize("max_keys", [1, 2])
def test_oss2_iterators_yield_each_entry_once(endpoint, max_keys):
    client = v2_client(endpoint, "v4")
    name = unique("iters")
    fill_tree(client, name)
    bucket = oss2.Bucket(oss2_auth("v4"), endpoint, name, region=REGION)
    for iterator in (oss2.ObjectIterator, oss2.ObjectIteratorV2):
        seen = []
        for n, info in enumerate(iterator(bucket, delimiter="/", max_keys=max_keys)):
            assert n < 100, "the iterator never ends"
            seen.append(info.key)
        assert len(seen) == len(set(seen)), seen
        assert set(seen) == expected_listing("", "/")


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_v2_is_bucket_exist_with_any_key(endpoint, version):
    client = v2_client(endpoint, version)
    bucket = unique("exist")
    client.put_bucket(oss.PutBucketRequest(bucket=bucket))
    assert client.is_bucket_exist(bucket) is True
    assert client.is_bucket_exist(unique("missing")) is False
    # OSS says a bucket does not exist before it looks at the key.
    stranger = v2_client(endpoint, version, secret="whatever", ak="no-such-key")
    assert stranger.is_bucket_exist(unique("missing")) is False


def test_oss2_resumable_download_with_unquoted_etags(endpoint, tmp_path):
    name = unique("resume")
    bucket = oss2.Bucket(oss2_auth("v4"), endpoint, name, region=REGION)
    bucket.create_bucket()
    data = os.urandom(700 * 1024)
    bucket.put_object("big.bin", data)
    target = tmp_path / "big.bin"
    oss2.resumable_download(
        bucket,
        "big.bin",
        str(target),
        multiget_threshold=100 * 1024,
        part_size=128 * 1024,
        num_threads=3,
        store=oss2.ResumableDownloadStore(root=str(tmp_path / "store")),
    )
    assert target.read_bytes() == data


def test_gzip_get_through_both_sdks(endpoint, tmp_path):
    import gzip

    client = v2_client(endpoint, "v4")
    name = unique("gzip")
    client.put_bucket(oss.PutBucketRequest(bucket=name))
    text = b"a line that compresses very well\n" * 300
    client.put_object(
        oss.PutObjectRequest(bucket=name, key="notes.txt", body=text, content_type="text/plain")
    )
    raw = requests.get(
        client.presign(oss.GetObjectRequest(bucket=name, key="notes.txt")).url,
        headers={"Accept-Encoding": "gzip"},
        stream=True,
    )
    assert raw.headers["Content-Encoding"] == "gzip"
    assert "Content-Length" not in raw.headers
    assert "x-oss-hash-crc64ecma" not in raw.headers
    assert gzip.decompress(raw.raw.read()) == text

    def plain(body):
        return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body

    got = client.get_object(
        oss.GetObjectRequest(bucket=name, key="notes.txt", accept_encoding="gzip")
    )
    assert plain(got.body.read()) == text
    # get_object_to_file checks CRC-64 when the answer carries one; a gzip answer has none.
    target = tmp_path / "v2.txt"
    client.get_object_to_file(
        oss.GetObjectRequest(bucket=name, key="notes.txt", accept_encoding="gzip"), str(target)
    )
    assert plain(target.read_bytes()) == text

    bucket = oss2.Bucket(oss2_auth("v4"), endpoint, name, region=REGION)
    headers = {"Accept-Encoding": "gzip"}
    assert plain(bucket.get_object("notes.txt", headers=headers).read()) == text
    target = tmp_path / "oss2.txt"
    bucket.get_object_to_file("notes.txt", str(target), headers=headers)
    assert plain(target.read_bytes()) == text
