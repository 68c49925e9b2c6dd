"""Differential built requests: every operation ossio and ``alibabacloud-oss-v2`` 1.4.1 both
have (the first operations here, the rest in ``diff_cases_*.py``), built by ossio (sans-IO ``op.request()``) and by the official SDK driven offline
through a transport that records the request and answers with a canned response. Method,
bucket, key, query, the headers both set and the body must match.

``ossio.ops.<Operation>(**fields)`` and ``oss.<Operation>Request(...)`` take the same field
names; where the SDK nests a configuration object, the table builds it.
"""

from __future__ import annotations

import datetime
import importlib
import pathlib
import xml.etree.ElementTree as ET
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, unquote, urlsplit

import alibabacloud_oss_v2 as oss
import pytest
from alibabacloud_oss_v2.types import HttpClient, HttpRequest, HttpResponse

import ossio
from ossio import ops

from diff_common import BUCKET, KEY, REGION

# Headers only a signer or a transport sets: they are not the operation's.
TRANSPORT_HEADERS = {"authorization", "x-oss-date", "date", "x-oss-content-sha256", "user-agent", "content-length"}


class _Canned(HttpResponse):
    """An empty 200 answer: the SDK's parsing of it does not matter here."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    def __enter__(self) -> "_Canned":
        return self

    def __exit__(self, *args: Any) -> None:
        pass

    @property
    def request(self) -> HttpRequest:
        return self._request

    @property
    def status_code(self) -> int:
        return 200

    @property
    def headers(self) -> Any:
        return {"x-oss-request-id": "canned"}

    @property
    def reason(self) -> str:
        return "OK"

    @property
    def is_closed(self) -> bool:
        return True

    @property
    def is_stream_consumed(self) -> bool:
        return True

    @property
    def content(self) -> bytes:
        return b""

    def read(self) -> bytes:
        return b""

    def close(self) -> None:
        pass

    def iter_bytes(self, **kwargs: Any) -> Any:
        return iter([b""])


class Recorder(HttpClient):
    """An HTTP client that never touches the network: it keeps what it is given."""

    def __init__(self) -> None:
        self.sent: List[Tuple[str, str, Dict[str, str], bytes]] = []

    def send(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        body = request.body
        if body is None:
            data = b""
        elif isinstance(body, str):
            data = body.encode()
        elif isinstance(body, (bytes, bytearray)):
            data = bytes(body)
        else:
            data = body.read() if hasattr(body, "read") else b"".join(body)
        self.sent.append((request.method, request.url, dict(request.headers), data))
        return _Canned(request)

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass


def v2_request(
    call: Callable[[oss.Client], Any], signature_version: Optional[str] = None
) -> Tuple[str, str, Dict[str, str], bytes]:
    """The request the SDK sends for ``call``, recorded."""
    recorder = Recorder()
    cfg = oss.config.load_default()
    cfg.credentials_provider = oss.credentials.StaticCredentialsProvider("ak", "sk")
    cfg.region = REGION
    if signature_version is not None:
        cfg.signature_version = signature_version
    cfg.http_client = recorder
    cfg.retry_max_attempts = 1
    client = oss.Client(cfg)
    try:
        call(client)
    except Exception:  # noqa: BLE001 - the canned answer may not parse; the request is recorded
        pass
    assert recorder.sent, "the SDK sent nothing"
    return recorder.sent[0]


def canonical_body(body: bytes) -> bytes:
    """XML documents compared as canonical XML (no declaration, same spelling)."""
    if body.lstrip().startswith(b"<"):
        return ET.canonicalize(body.decode(), strip_text=True).encode()
    return body


V2 = oss.models
CASES: List[Tuple[str, ops.Operation[Any], Callable[[oss.Client], Any]]] = [
    (
        "CreateAccessPoint",
        ops.CreateAccessPoint(bucket=BUCKET, access_point_name="ap-1", network_origin="vpc", vpc_id="vpc-1"),
        lambda c: c.create_access_point(
            V2.CreateAccessPointRequest(
                bucket=BUCKET,
                create_access_point_configuration=V2.CreateAccessPointConfiguration(
                    access_point_name="ap-1",
                    network_origin="vpc",
                    vpc_configuration=V2.AccessPointVpcConfiguration(vpc_id="vpc-1"),
                ),
            )
        ),
    ),
    (
        "GetAccessPoint",
        ops.GetAccessPoint(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.get_access_point(V2.GetAccessPointRequest(bucket=BUCKET, access_point_name="ap-1")),
    ),
    (
        "DeleteAccessPoint",
        ops.DeleteAccessPoint(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.delete_access_point(V2.DeleteAccessPointRequest(bucket=BUCKET, access_point_name="ap-1")),
    ),
    (
        "ListAccessPoints",
        ops.ListAccessPoints(bucket=BUCKET, max_keys=10, continuation_token="t1"),
        lambda c: c.list_access_points(V2.ListAccessPointsRequest(bucket=BUCKET, max_keys=10, continuation_token="t1")),
    ),
    (
        "PutAccessPointPolicy",
        ops.PutAccessPointPolicy(bucket=BUCKET, access_point_name="ap-1", body='{"Version":"1"}'),
        lambda c: c.put_access_point_policy(
            V2.PutAccessPointPolicyRequest(bucket=BUCKET, access_point_name="ap-1", body='{"Version":"1"}')
        ),
    ),
    (
        "GetAccessPointPolicy",
        ops.GetAccessPointPolicy(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.get_access_point_policy(V2.GetAccessPointPolicyRequest(bucket=BUCKET, access_point_name="ap-1")),
    ),
    (
        "DeleteAccessPointPolicy",
        ops.DeleteAccessPointPolicy(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.delete_access_point_policy(
            V2.DeleteAccessPointPolicyRequest(bucket=BUCKET, access_point_name="ap-1")
        ),
    ),
    (
        "PutAccessPointPublicAccessBlock",
        ops.PutAccessPointPublicAccessBlock(bucket=BUCKET, access_point_name="ap-1", block_public_access=True),
        lambda c: c.put_access_point_public_access_block(
            V2.PutAccessPointPublicAccessBlockRequest(
                bucket=BUCKET,
                access_point_name="ap-1",
                public_access_block_configuration=V2.PublicAccessBlockConfiguration(block_public_access=True),
            )
        ),
    ),
    (
        "GetAccessPointPublicAccessBlock",
        ops.GetAccessPointPublicAccessBlock(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.get_access_point_public_access_block(
            V2.GetAccessPointPublicAccessBlockRequest(bucket=BUCKET, access_point_name="ap-1")
        ),
    ),
    (
        "DeleteAccessPointPublicAccessBlock",
        ops.DeleteAccessPointPublicAccessBlock(bucket=BUCKET, access_point_name="ap-1"),
        lambda c: c.delete_access_point_public_access_block(
            V2.DeleteAccessPointPublicAccessBlockRequest(bucket=BUCKET, access_point_name="ap-1")
        ),
    ),
    (
        "PutBucket",
        ops.PutBucket(bucket=BUCKET, acl="private", storage_class="IA", data_redundancy_type="LRS", resource_group_id="rg-1"),
        lambda c: c.put_bucket(
            V2.PutBucketRequest(
                bucket=BUCKET,
                acl="private",
                resource_group_id="rg-1",
                create_bucket_configuration=V2.CreateBucketConfiguration(storage_class="IA", data_redundancy_type="LRS"),
            )
        ),
    ),
    ("DeleteBucket", ops.DeleteBucket(bucket=BUCKET), lambda c: c.delete_bucket(V2.DeleteBucketRequest(bucket=BUCKET))),
    ("GetBucketInfo", ops.GetBucketInfo(bucket=BUCKET), lambda c: c.get_bucket_info(V2.GetBucketInfoRequest(bucket=BUCKET))),
    (
        "ListBuckets",
        ops.ListBuckets(prefix="p", marker="m", max_keys=5),
        lambda c: c.list_buckets(V2.ListBucketsRequest(prefix="p", marker="m", max_keys=5)),
    ),
    (
        "PutBucketAcl",
        ops.PutBucketAcl(bucket=BUCKET, acl="public-read"),
        lambda c: c.put_bucket_acl(V2.PutBucketAclRequest(bucket=BUCKET, acl="public-read")),
    ),
    ("GetBucketAcl", ops.GetBucketAcl(bucket=BUCKET), lambda c: c.get_bucket_acl(V2.GetBucketAclRequest(bucket=BUCKET))),
    (
        "PutObject",
        ops.PutObject(
            bucket=BUCKET,
            key=KEY,
            body=b"hello",
            content_type="text/plain",
            metadata={"team": "storage"},
            acl="private",
            storage_class="IA",
            cache_control="no-cache",
            content_disposition="inline",
            content_encoding="identity",
        ),
        lambda c: c.put_object(
            V2.PutObjectRequest(
                bucket=BUCKET,
                key=KEY,
                body=b"hello",
                content_type="text/plain",
                metadata={"team": "storage"},
                acl="private",
                storage_class="IA",
                cache_control="no-cache",
                content_disposition="inline",
                content_encoding="identity",
            )
        ),
    ),
    (
        "GetObject",
        ops.GetObject(
            bucket=BUCKET,
            key=KEY,
            version_id="v1",
            range_header="bytes=0-9",
            if_match='"etag"',
            response_content_type="text/plain",
            response_cache_control="no-cache",
        ),
        lambda c: c.get_object(
            V2.GetObjectRequest(
                bucket=BUCKET,
                key=KEY,
                version_id="v1",
                range_header="bytes=0-9",
                if_match='"etag"',
                response_content_type="text/plain",
                response_cache_control="no-cache",
            )
        ),
    ),
    (
        "HeadObject",
        ops.HeadObject(bucket=BUCKET, key=KEY, version_id="v1"),
        lambda c: c.head_object(V2.HeadObjectRequest(bucket=BUCKET, key=KEY, version_id="v1")),
    ),
    (
        "DeleteObject",
        ops.DeleteObject(bucket=BUCKET, key=KEY),
        lambda c: c.delete_object(V2.DeleteObjectRequest(bucket=BUCKET, key=KEY)),
    ),
    (
        "DeleteMultipleObjects",
        ops.DeleteMultipleObjects(bucket=BUCKET, objects=[{"key": "a"}, {"key": KEY, "version_id": "v1"}], quiet=True),
        lambda c: c.delete_multiple_objects(
            V2.DeleteMultipleObjectsRequest(
                bucket=BUCKET,
                objects=[V2.DeleteObject(key="a"), V2.DeleteObject(key=KEY, version_id="v1")],
                quiet=True,
                encoding_type="url",
            )
        ),
    ),
    (
        "ListObjectsV2",
        ops.ListObjectsV2(
            bucket=BUCKET, prefix="p/", delimiter="/", start_after="a", max_keys=3, fetch_owner=True
        ),
        lambda c: c.list_objects_v2(
            V2.ListObjectsV2Request(
                bucket=BUCKET, prefix="p/", delimiter="/", start_after="a", max_keys=3, fetch_owner=True, encoding_type="url"
            )
        ),
    ),
    (
        "ListObjects",
        ops.ListObjects(bucket=BUCKET, prefix="p/", delimiter="/", marker="a", max_keys=3),
        lambda c: c.list_objects(
            V2.ListObjectsRequest(bucket=BUCKET, prefix="p/", delimiter="/", marker="a", max_keys=3, encoding_type="url")
        ),
    ),
    (
        "GetObjectMeta",
        ops.GetObjectMeta(bucket=BUCKET, key=KEY, version_id="v1"),
        lambda c: c.get_object_meta(V2.GetObjectMetaRequest(bucket=BUCKET, key=KEY, version_id="v1")),
    ),
    (
        "GetBucketLocation",
        ops.GetBucketLocation(bucket=BUCKET),
        lambda c: c.get_bucket_location(V2.GetBucketLocationRequest(bucket=BUCKET)),
    ),
    (
        "PutObjectAcl",
        ops.PutObjectAcl(bucket=BUCKET, key=KEY, acl="public-read", version_id="v1"),
        lambda c: c.put_object_acl(V2.PutObjectAclRequest(bucket=BUCKET, key=KEY, acl="public-read", version_id="v1")),
    ),
    (
        "GetObjectAcl",
        ops.GetObjectAcl(bucket=BUCKET, key=KEY, version_id="v1"),
        lambda c: c.get_object_acl(V2.GetObjectAclRequest(bucket=BUCKET, key=KEY, version_id="v1")),
    ),
]

# The families' tables, one module each; NOT_IN_V2 names operations the SDK does not have
# (compared with ali-oss in bindings/node/test/ali-cases instead).
NOT_IN_V2: set = set()
for _path in sorted(pathlib.Path(__file__).parent.glob("diff_cases_*.py")):
    _module = importlib.import_module(_path.stem)
    CASES += _module.CASES
    NOT_IN_V2 |= set(getattr(_module, "NOT_IN_V2", ()))


def test_every_registered_operation_is_compared() -> None:
    compared = {name for name, _, _ in CASES}
    registered = {name for name in ops.__all__ if isinstance(getattr(ops, name), type) and issubclass(getattr(ops, name), ops.Operation) and name != "Operation"}
    assert compared | NOT_IN_V2 == registered
    assert not compared & NOT_IN_V2


@pytest.mark.parametrize("name,ours,theirs", CASES, ids=[c[0] for c in CASES])
def test_built_request_matches_the_official_sdk(
    name: str, ours: ops.Operation[Any], theirs: Callable[[oss.Client], Any]
) -> None:
    assert ours.name == name
    req = ours.request()
    method, url, headers, body = v2_request(theirs)
    parts = urlsplit(url)
    suffix = f"oss-{REGION}.aliyuncs.com"
    host = parts.hostname or ""
    host_bucket: Optional[str] = host[: -len(suffix) - 1] if host != suffix else None
    assert method == req.method
    assert host_bucket == req.bucket
    path = unquote(parts.path)[1:] or None
    assert path == req.key
    their_query = dict(parse_qsl(parts.query, keep_blank_values=True))
    our_query = {k: ("" if v is None else v) for k, v in req.query.items()}
    assert our_query == their_query
    theirs_h = {k.lower(): v for k, v in headers.items()}
    ours_h = {k.lower(): v for k, v in req.headers.items()}
    both = (set(theirs_h) & set(ours_h)) - TRANSPORT_HEADERS
    assert {k: ours_h[k] for k in both} == {k: theirs_h[k] for k in both}
    # What the operation itself says: every x-oss-* header ossio sets, the SDK sets too.
    ours_only = {k for k in ours_h if k.startswith("x-oss-")} - set(theirs_h)
    assert not ours_only, ours_only
    assert canonical_body(req.body or b"") == canonical_body(body)


# Query parameters the SDKs disagree on signing in V1: alibabacloud-oss-v2 leaves them out
# of the canonical resource; ossio signs every `x-oss-` parameter, as Go v2 does and OSS's V1
# documentation lists them (ali-oss signs x-oss-process too). Where one is in the request,
# the V1 signatures must differ.
V1_SIGNED_BY_OSSIO_ONLY = {
    "x-oss-process": "GetObject with process, ProcessObject, SelectObject, CreateSelectObjectMeta",
    "x-oss-async-process": "AsyncProcessObject",
}
# Headers that frame a body (either choice is valid OSS): the SDK's are given to ossio's
# request for the comparison, so that the rest of the signature is what is compared.
FRAMING = {"content-type", "content-md5"}


@pytest.mark.parametrize("version", ["v4", "v1"])
@pytest.mark.parametrize("name,ours,theirs", CASES, ids=[c[0] for c in CASES])
def test_signature_matches_the_official_sdk(
    version: str, name: str, ours: ops.Operation[Any], theirs: Callable[[oss.Client], Any]
) -> None:
    # The SDK signs at its own clock; ossio signs the same operation at that instant with the
    # same credentials, and the Authorization headers must be equal.
    _, _, headers, _ = v2_request(theirs, signature_version=version)
    h = {k.lower(): v for k, v in headers.items()}
    if version == "v4":
        at = datetime.datetime.strptime(h["x-oss-date"], "%Y%m%dT%H%M%SZ")
    else:
        at = datetime.datetime.strptime(h["date"], "%a, %d %b %Y %H:%M:%S GMT")
    # Headers the SDK adds on its own (a Content-MD5 of an empty body on a GET) are given to
    # ossio's request too; framing headers are taken as the SDK sends them.
    req = ours.request()
    mine = {k: v for k, v in req.headers.items() if k.lower() not in FRAMING or k.lower() in h}
    have = {k.lower() for k in mine}
    extra = {k: v for k, v in headers.items() if k.lower() not in have and k.lower() not in TRANSPORT_HEADERS}
    req = ossio.Request(
        req.method,
        req.bucket,
        req.key,
        list(req.query.items()),
        {**mine, **extra},
        req.body,
        sub_resources=req.sub_resources,
    )
    signer = ossio.Signer(ossio.Credentials("ak", "sk"), REGION, version=version)
    signed = signer.sign(req, at=at.replace(tzinfo=datetime.timezone.utc))
    disputed = version == "v1" and any(q in V1_SIGNED_BY_OSSIO_ONLY for q in req.query)
    if disputed:
        assert signed.headers["Authorization"] != headers["Authorization"]
    else:
        assert signed.headers["Authorization"] == headers["Authorization"], signed.string_to_sign


def test_ossio_names_follow_the_sdk() -> None:
    # Moving from the SDK is a change of import: the same keywords build the same request.
    fields = {"bucket": BUCKET, "key": KEY, "range_header": "bytes=1-2", "response_content_type": "a/b"}
    ours = ops.GetObject(**fields).request()
    theirs = V2.GetObjectRequest(**fields)
    assert all(getattr(theirs, k) == v for k, v in fields.items())
    assert ours.headers["Range"] == "bytes=1-2"
    with pytest.raises(ossio.ValidationError):
        ops.GetObject(bucket=BUCKET, key=KEY, range_behaviour="standard")  # a misspelt field is refused
