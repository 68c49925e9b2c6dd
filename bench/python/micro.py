"""Python micro benchmarks: ossio's Signer against alibabacloud-oss-v2 and oss2 signing the
same request (V4 and V1, header and presigned URL), and parsing the same ListObjectsV2
page of 1,000 keys. Each contender's timed call builds its own request object and signs
it, as a client does for every request. Usage: micro.py LIST_OBJECTS_XML_FILE."""

from __future__ import annotations

import datetime as dt
import sys
from types import SimpleNamespace
from urllib.parse import quote

import alibabacloud_oss_v2 as oss
import oss2
import oss2.auth
import oss2.http
import oss2.models
import oss2.xml_utils
from alibabacloud_oss_v2 import serde, serde_utils
from alibabacloud_oss_v2.signer import SignerV1, SignerV4
from alibabacloud_oss_v2.types import Credentials as V2Credentials
from alibabacloud_oss_v2.types import HttpRequest, OperationOutput, SigningContext

import ossio
import ossio.ops
from common import AK, AT, BUCKET, HEADERS, KEY, REGION, SK, compare, emit

OURS = "ossio (Python)"
V2 = "alibabacloud-oss-v2"
OSS2 = "oss2"
AT_DT = dt.datetime.fromtimestamp(AT, dt.timezone.utc)
EXPIRES = 3600


def ossio_signers():
    creds = ossio.Credentials(AK, SK)
    return {v: ossio.Signer(creds, REGION, version=v) for v in ("v1", "v4")}


def bench_signing() -> None:
    signers = ossio_signers()
    v2_creds = V2Credentials(AK, SK)
    v2_signers = {"v1": SignerV1(), "v4": SignerV4()}
    oss2_auth = {
        "v1": oss2.auth.ProviderAuth(oss2.credentials.StaticCredentialsProvider(AK, SK, "")),
        "v4": oss2.auth.ProviderAuthV4(oss2.credentials.StaticCredentialsProvider(AK, SK, "")),
    }
    put_url = f"https://{BUCKET}.oss-{REGION}.aliyuncs.com/{quote(KEY)}"

    for version in ("v4", "v1"):
        s = signers[version]

        def ours_sign() -> object:
            return s.sign(ossio.Request("PUT", BUCKET, KEY, headers=HEADERS), at=AT_DT)

        def ours_presign() -> object:
            return s.presign(ossio.Request("GET", BUCKET, KEY), at=AT_DT, expires=EXPIRES)

        def v2_sign(presign: bool) -> object:
            ctx = SigningContext(
                product="oss",
                region=REGION,
                bucket=BUCKET,
                key=KEY,
                request=HttpRequest(
                    "GET" if presign else "PUT",
                    put_url,
                    headers={} if presign else dict(HEADERS),
                ),
                credentials=v2_creds,
                signing_time=AT_DT,
            )
            if presign:
                ctx.auth_method_query = True
                ctx.expiration_time = dt.datetime.fromtimestamp(AT + EXPIRES, dt.timezone.utc)
            v2_signers[version].sign(ctx)
            return ctx

        auth = oss2_auth[version]

        def oss2_sign() -> object:
            req = oss2.http.Request("PUT", put_url, headers=dict(HEADERS), region=REGION, product="oss")
            auth._sign_request(req, BUCKET, KEY)
            return req

        def oss2_presign() -> object:
            req = oss2.http.Request("GET", put_url, region=REGION, product="oss")
            return auth._sign_url(req, BUCKET, KEY, EXPIRES)

        # Each contender must produce a signature before it is timed.
        assert ours_sign().headers["Authorization"]
        assert v2_sign(False).request.headers["Authorization"]
        assert oss2_sign().headers["authorization"]
        group = f"py_sign_{version}"
        for name, ns in compare({OURS: ours_sign, V2: lambda: v2_sign(False), OSS2: oss2_sign}).items():
            emit(group, name, ns, "ns")

        assert "ignature" in ours_presign().url
        assert "ignature" in v2_sign(True).request.url
        assert "ignature" in oss2_presign()
        group = f"py_presign_{version}"
        for name, ns in compare({OURS: ours_presign, V2: lambda: v2_sign(True), OSS2: oss2_presign}).items():
            emit(group, name, ns, "ns")


def bench_parse(body: bytes) -> None:
    headers = {"x-oss-request-id": "5C1B138A109F4E405B2D0000"}
    op = ossio.ops.ListObjectsV2(bucket=BUCKET)

    def ours() -> int:
        return len(op.parse(200, headers, body).contents)

    def v2() -> int:
        # The SDK's own path (operations/bucket_basic.py list_objects_v2) after the response.
        out = OperationOutput(
            status="OK",
            status_code=200,
            headers=oss.types.CaseInsensitiveDict(headers) if hasattr(oss.types, "CaseInsensitiveDict") else dict(headers),
            http_response=SimpleNamespace(content=body),
        )
        result = serde.deserialize_output(
            result=oss.models.ListObjectsV2Result(),
            op_output=out,
            custom_deserializer=[serde.deserialize_output_xmlbody, serde_utils.deserialize_encode_type],
        )
        return len(result.contents)

    resp = SimpleNamespace(status=200, headers=headers, request_id=headers["x-oss-request-id"])

    def oss2_parse() -> int:
        # Bucket.list_objects_v2 → _parse_result(resp, parse_list_objects_v2, ListObjectsV2Result)
        result = oss2.models.ListObjectsV2Result(resp)
        oss2.xml_utils.parse_list_objects_v2(result, body)
        return len(result.object_list)

    counts = {ours(), v2(), oss2_parse()}
    assert counts == {1000}, counts
    group = "py_parse_list_objects_v2_1000"
    for name, ns in compare({OURS: ours, V2: v2, OSS2: oss2_parse}).items():
        emit(group, name, ns, "ns")


def main() -> None:
    print(f"# ossio from {ossio.__file__}", file=sys.stderr)
    bench_signing()
    with open(sys.argv[1], "rb") as f:
        bench_parse(f.read())


if __name__ == "__main__":
    main()
