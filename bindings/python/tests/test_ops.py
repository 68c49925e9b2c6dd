"""ossio.ops: sans-IO operations, and the httpx example against ossio-server."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any, List

import pytest

import ossio
from ossio import ops

from conftest import AK, SK, utc

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_create_access_point_request_and_parse() -> None:
    op = ops.CreateAccessPoint(bucket="oss-example", access_point_name="ap-01", network_origin="vpc", vpc_id="vpc-1")
    req = op.request()
    assert isinstance(req, ossio.Request)
    assert req.method == "PUT" and req.bucket == "oss-example" and req.key is None
    assert req.query == {"accessPoint": None}
    assert req.body is not None and b"<AccessPointName>ap-01</AccessPointName>" in req.body
    body = (
        b"<CreateAccessPointResult><AccessPointArn>acs:oss:cn-hangzhou:1:accesspoint/ap-01"
        b"</AccessPointArn><Alias>ap-01-abc-ossalias</Alias></CreateAccessPointResult>"
    )
    out = op.parse(200, {"x-oss-request-id": "RID"}, body)
    assert isinstance(out, ops.CreateAccessPointOutput)
    assert (out.access_point_arn, out.alias, out.request_id) == (
        "acs:oss:cn-hangzhou:1:accesspoint/ap-01",
        "ap-01-abc-ossalias",
        "RID",
    )
    assert "ap-01-abc-ossalias" in repr(out)


def test_parse_raises_the_typed_error() -> None:
    op = ops.GetAccessPoint(bucket="oss-example", access_point_name="ap-01")
    body = (
        b"<Error><Code>NoSuchAccessPoint</Code><Message>gone</Message><RequestId>R1</RequestId>"
        b"<HostId>h</HostId><EC>0031-00000001</EC><AccessPointName>ap-01</AccessPointName></Error>"
    )
    with pytest.raises(ossio.NoSuchAccessPoint) as e:
        op.parse(404, [("x-oss-request-id", "R1")], body)
    err = e.value
    assert (err.status, err.code, err.message, err.request_id, err.host_id, err.ec) == (
        404, "NoSuchAccessPoint", "gone", "R1", "h", "0031-00000001"
    )
    assert err.details == {"AccessPointName": "ap-01"}


def test_unknown_code_is_a_plain_service_error() -> None:
    op = ops.GetBucketAcl(bucket="oss-example")
    with pytest.raises(ossio.ServiceError) as e:
        op.parse(409, {}, b"<Error><Code>SomethingNew</Code><Message>m</Message></Error>")
    assert type(e.value) is ossio.ServiceError and e.value.code == "SomethingNew"


def test_unparseable_success_is_a_parse_error() -> None:
    with pytest.raises(ossio.ParseError):
        ops.GetBucketAcl(bucket="oss-example").parse(200, {}, b"not xml")


def test_validation_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        ops.PutBucketAcl(bucket="oss-example", acl="everyone")  # type: ignore[arg-type]
    with pytest.raises(ossio.ValidationError) as e:
        ops.CreateAccessPoint(
            bucket="oss-example", access_point_name="ap-01", network_origin="internet", vpc_id="v"
        ).request()
    assert e.value.kind == "NetworkOrigin" and e.value.operation == "CreateAccessPoint"
    with pytest.raises(ossio.ValidationError):
        ops.PutObject(bucket="b", key="/abs").request()


# Each kind of bad input: a typed error naming the field and the operation, raised when the
# request object is built (so before anything is sent).
BAD_INPUT = [
    ("missing required field", lambda: ops.PutBucketAcl(bucket="bkt"), "acl", "PutBucketAcl"),  # type: ignore[call-arg]
    ("string for an integer", lambda: ops.ListObjectsV2(bucket="bkt", max_keys="10"), "max_keys", "ListObjectsV2"),  # type: ignore[arg-type]
    ("integer for a string", lambda: ops.GetBucketAcl(bucket=7), "bucket", "GetBucketAcl"),  # type: ignore[arg-type]
    ("string for a boolean", lambda: ops.DeleteMultipleObjects(bucket="bkt", objects=[], quiet="yes"), "quiet", "DeleteMultipleObjects"),  # type: ignore[arg-type]
    ("unknown enum value", lambda: ops.PutBucket(bucket="bkt", storage_class="Glacier"), "storage_class", "PutBucket"),  # type: ignore[arg-type]
    ("unknown field name", lambda: ops.GetBucketInfo(bucket="bkt", bukcet="x"), "bukcet", "GetBucketInfo"),  # type: ignore[call-arg]
    ("unknown nested field", lambda: ops.DeleteMultipleObjects(bucket="bkt", objects=[{"key": "a", "kye": "b"}]), "objects", "DeleteMultipleObjects"),
    ("missing nested field", lambda: ops.DeleteMultipleObjects(bucket="bkt", objects=[{"version_id": "v"}]), "key", "DeleteMultipleObjects"),
    ("value of no accepted type", lambda: ops.PutObject(bucket="bkt", key="k", metadata={"a": 1.5}), "metadata", "PutObject"),  # type: ignore[dict-item]
]


@pytest.mark.parametrize("what,build,field,operation", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_names_the_field_and_the_operation(what: str, build: Any, field: str, operation: str) -> None:
    with pytest.raises(ossio.ValidationError) as e:
        build()
    err = e.value
    assert isinstance(err, ValueError)
    assert err.field.startswith(field), (err.field, str(err))
    assert err.operation == operation
    assert operation in str(err) and field in str(err)


def test_bad_input_through_the_client_is_caught_before_sending() -> None:
    # Nothing listens on port 9: a request that got as far as the network would fail
    # with a TransportError instead.
    c = ossio.Client("cn-hangzhou", endpoint="http://127.0.0.1:9", credentials=ossio.Credentials("a", "b"), retries=0)
    with pytest.raises(ossio.ValidationError) as e:
        c.put_bucket_acl(bucket="bkt", acl="world")  # type: ignore[call-overload]
    assert (e.value.field, e.value.operation) == ("acl", "PutBucketAcl")
    with pytest.raises(ossio.ValidationError) as e:
        c.list_objects_v2(bucket="bkt", max_key=3)  # type: ignore[call-overload]
    assert (e.value.field, e.value.operation) == ("max_key", "ListObjectsV2")
    with pytest.raises(TypeError):
        c.get_bucket_acl(ops.GetBucketAcl(bucket="bkt"), bucket="other")  # type: ignore[call-overload]


def test_nested_documents_as_dicts_or_classes() -> None:
    as_dicts = ops.DeleteMultipleObjects(bucket="bkt", objects=[{"key": "a"}, {"key": "b", "version_id": "v1"}])
    as_classes = ops.DeleteMultipleObjects(
        bucket="bkt", objects=[ops.ObjectIdentifier(key="a"), ops.ObjectIdentifier(key="b", version_id="v1")]
    )
    assert as_dicts.request().body == as_classes.request().body
    body = as_dicts.request().body
    assert body is not None and b"<VersionId>v1</VersionId>" in body


def test_requests_and_results_are_immutable_values() -> None:
    op = ops.GetObject(bucket="bkt", key="k")
    with pytest.raises(AttributeError):
        op.key = "other"
    changed = op.replace(key="other", range_header="bytes=0-1")
    assert (changed.key, op.key) == ("other", "k")
    assert changed.request().headers["Range"] == "bytes=0-1"
    assert op == ops.GetObject(bucket="bkt", key="k") and op != changed
    out = op.parse(200, {"x-oss-request-id": "R", "x-oss-meta-team": "a"}, b"data")
    assert out.body == b"data" and out.metadata == {"team": "a"}
    assert out.to_dict()["request_id"] == "R"


def test_every_operation_builds_a_request() -> None:
    built: List[ops.Operation[Any]] = [
        ops.CreateAccessPoint(bucket="bkt", access_point_name="ap-1", network_origin="internet"),
        ops.GetAccessPoint(bucket="bkt", access_point_name="ap-1"),
        ops.ListAccessPoints(),
        ops.ListAccessPoints(bucket="bkt", max_keys=10, continuation_token="t"),
        ops.DeleteAccessPoint(bucket="bkt", access_point_name="ap-1"),
        ops.PutAccessPointPolicy(bucket="bkt", access_point_name="ap-1", body="{}"),
        ops.GetAccessPointPolicy(bucket="bkt", access_point_name="ap-1"),
        ops.DeleteAccessPointPolicy(bucket="bkt", access_point_name="ap-1"),
        ops.PutAccessPointPublicAccessBlock(bucket="bkt", access_point_name="ap-1", block_public_access=True),
        ops.GetAccessPointPublicAccessBlock(bucket="bkt", access_point_name="ap-1"),
        ops.DeleteAccessPointPublicAccessBlock(bucket="bkt", access_point_name="ap-1"),
        ops.PutBucketAcl(bucket="bkt", acl="private"),
        ops.GetBucketAcl(bucket="bkt"),
        ops.PutObjectAcl(bucket="bkt", key="k", acl="default"),
        ops.GetObjectAcl(bucket="bkt", key="k", version_id="v1"),
        ops.PutBucket(bucket="bkt", acl="private", storage_class="IA", data_redundancy_type="LRS"),
        ops.DeleteBucket(bucket="bkt"),
        ops.ListBuckets(prefix="p", max_keys=5),
        ops.GetBucketInfo(bucket="bkt"),
        ops.PutObject(bucket="bkt", key="k", body=b"x", metadata={"a": "1"}, acl="private"),
        ops.GetObject(bucket="bkt", key="k", range_header="bytes=0-9", response_content_type="text/plain"),
        ops.HeadObject(bucket="bkt", key="k"),
        ops.DeleteObject(bucket="bkt", key="k"),
        ops.DeleteMultipleObjects(bucket="bkt", objects=[{"key": "a"}, {"key": "b", "version_id": "v1"}], quiet=True),
        ops.ListObjectsV2(bucket="bkt", prefix="p/", delimiter="/", max_keys=3),
    ]
    names = {type(op).__name__ for op in built}
    assert len(names) == 24
    built += [
        ops.ListObjects(bucket="bkt", prefix="p/", marker="m"),
        ops.GetObjectMeta(bucket="bkt", key="k"),
        ops.GetBucketLocation(bucket="bkt"),
    ]
    signer = ossio.Signer(ossio.Credentials("ak", "sk"), "cn-hangzhou")
    for op in built:
        req = op.request()
        signed = signer.sign(req, at=utc(1_700_000_000))
        assert signed.headers["Authorization"].startswith("OSS4-HMAC-SHA256 Credential=ak/20231114/")
        assert op.name == type(op).__name__


def test_signed_request_carries_the_body() -> None:
    signer = ossio.Signer(ossio.Credentials("ak", "sk"), "cn-hangzhou", version="v1")
    op = ops.PutObject(bucket="bkt", key="k", body=b"payload")
    signed = signer.sign(op.request(), at=utc(1_700_000_000))
    assert signed.body == b"payload"
    assert signed.headers["Authorization"].startswith("OSS ak:")
    assert signed.canonical_request is None


def test_credentials_repr_hides_secrets() -> None:
    c = ossio.Credentials("LTAIexample", "very-secret", "sts-token-value")
    shown = repr(c) + str(c)
    assert "LTAIexample" in shown
    assert "very-secret" not in shown and "sts-token-value" not in shown
    signer = ossio.Signer(c, "cn-hangzhou")
    p = signer.presign(ossio.Request("GET", "bkt", "k"), at=utc(1_700_000_000))
    assert "sts-token-value" not in repr(p) and "very-secret" not in repr(signer)


def test_naive_datetime_is_rejected() -> None:
    import datetime

    signer = ossio.Signer(ossio.Credentials("ak", "sk"), "cn-hangzhou")
    with pytest.raises(ValueError):
        signer.sign(ossio.Request("GET", "bkt"), at=datetime.datetime(2024, 1, 1))
    with pytest.raises(ValueError):
        signer.presign(ossio.Request("GET", "bkt"), at=datetime.datetime(2024, 1, 1))


def test_v4_presign_longer_than_seven_days_is_rejected() -> None:
    signer = ossio.Signer(ossio.Credentials("ak", "sk"), "cn-hangzhou")
    with pytest.raises(ossio.ValidationError):
        signer.presign(ossio.Request("GET", "bkt", "k"), at=utc(1_700_000_000), expires=604_801)


def test_a_rust_panic_is_an_oss_error() -> None:
    from ossio import _ossio

    with pytest.raises(ossio.OssError) as e:
        _ossio._panic_for_test()
    assert "internal error" in str(e.value)


def test_httpx_example_against_the_server(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    sys.argv = ["httpx_sansio.py", server, AK, SK]
    runpy.run_path(str(EXAMPLES / "httpx_sansio.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "sync: ap-sync vpc vpc-1" in out
    assert "as expected: NoSuchKey" in out
    assert "async: public-read" in out


class _Pages(ossio.Client):
    """A client whose every ListObjectsV2 answer says ``is_truncated`` with one token."""

    sent: List[Any] = []

    def _send(self, op: Any) -> Any:
        self.sent.append(op.continuation_token)
        token = "t1" if len(self.sent) < 3 else "t2"
        return ops.ListObjectsV2Output(name="bkt", is_truncated=True, next_continuation_token=token, request_id="r")


def test_paginator_follows_tokens_and_refuses_a_loop() -> None:
    c = _Pages("cn-hangzhou", endpoint="http://127.0.0.1:9", credentials=ossio.Credentials("a", "b"))
    pages = c.list_objects_v2_paginator().iter_page(bucket="bkt")
    with pytest.raises(ossio.ParseError) as e:
        list(pages)
    assert _Pages.sent == [None, "t1"]
    assert "t1" in str(e.value) and e.value.operation == "ListObjectsV2"
