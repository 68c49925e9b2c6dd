"""The shared signing vectors (tests/vectors/*.json), run through ``ossio.Signer``.

The inputs map to the signer exactly as in crates/ossio-core/tests/vectors.rs, and the
expected values are the same.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, unquote

import pytest

import ossio
from ossio import _ossio

from conftest import VECTORS, utc


def load() -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    for path in sorted(VECTORS.glob("*.json")):
        out.extend(json.loads(path.read_text())["vectors"])
    return out


ALL = load()


def test_every_vector_is_loaded() -> None:
    assert len(ALL) == 143


def endpoint_of(url: str) -> Tuple[str, str]:
    url = url[url.find("http"):] if "http" in url else url
    if "://" not in url:
        return "https://oss-cn-hangzhou.aliyuncs.com", "/"
    scheme, rest = url.split("://", 1)
    m = re.search(r"[/?]", rest)
    host, path = (rest[: m.start()], rest[m.start():]) if m else (rest, "/")
    return f"{scheme}://{host}", path.split("?")[0]


def request_of(v: Dict[str, Any]) -> ossio.Request:
    return ossio.Request(
        v["method"],
        bucket=v.get("bucket"),
        key=v.get("key"),
        query=v["query"],
        headers=v["headers"],
        sub_resources=v["sub_resource"],
    )


def signer_of(v: Dict[str, Any], version: str) -> ossio.Signer:
    region = v.get("region") or "cn-hangzhou"
    endpoint, _ = endpoint_of(v["request_url"])
    if v.get("bucket"):
        endpoint = endpoint.replace(f"://{v['bucket']}.", "://", 1)
    creds = ossio.Credentials(
        v["access_key_id"], v["access_key_secret"], v.get("security_token")
    )
    if v.get("product") == "oss-cloudbox":
        return ossio.Signer(
            creds,
            "cn-hangzhou",
            version=version,
            endpoint=endpoint,
            product="oss-cloudbox",
            cloudbox_id=region,
        )
    return ossio.Signer(creds, region, version=version, endpoint=endpoint)


def url_query(url: str) -> List[Tuple[str, str]]:
    q = url.split("?", 1)[1] if "?" in url else ""
    return sorted(parse_qsl(q, keep_blank_values=True))


def raw_query_value(url: str, name: str) -> Optional[str]:
    q = url.split("?", 1)[1] if "?" in url else ""
    for part in q.split("&"):
        k, _, val = part.partition("=")
        if unquote(k) == name:
            return val
    return None


def check_presigned(v: Dict[str, Any], p: ossio.PresignedRequest) -> None:
    expected = v["expected"]
    ours = url_query(p.url)
    encoded = expected.get("query_values_are_urlencoded") is True
    for name, want in (expected.get("query") or {}).items():
        if encoded:
            have = raw_query_value(p.url, name)
        else:
            have = next((val for k, val in ours if k == name), None)
        if want is None:
            assert not have, f"query {name} should be absent"
        else:
            assert have == want, f"query {name}"
    if expected.get("url"):
        their_base, their_path = endpoint_of(expected["url"])
        our_base, our_path = endpoint_of(p.url)
        assert our_base == their_base
        context_path = "/" + (v.get("key") or "")
        _, given_path = endpoint_of(v["request_url"])
        if unquote(given_path) == context_path or given_path == "/":
            assert unquote(our_path) == unquote(their_path)
        assert ours == url_query(expected["url"])
    if expected.get("signature"):
        sig = next(val for k, val in ours if k in ("x-oss-signature", "Signature"))
        assert sig == expected["signature"]
    derived = v.get("derived") or {}
    if derived.get("string_to_sign"):
        assert p.string_to_sign == derived["string_to_sign"]
    if p.canonical_request is not None and derived.get("canonical_request"):
        assert p.canonical_request == derived["canonical_request"]


@pytest.mark.parametrize("v", ALL, ids=[v["id"] for v in ALL])
def test_vector(v: Dict[str, Any]) -> None:
    expected = v["expected"]
    derived = v.get("derived") or {}
    algorithm = v["algorithm"]
    if algorithm == "hmac-sha1-base64-primitive":
        sig = _ossio._v1_signature(v["access_key_secret"], v["message"])
        assert sig == expected["signature"]
    elif algorithm == "v4-canonical-headers":
        assert _ossio._v4_canonical_headers(v["headers"]) == expected["canonical_headers"]
    elif algorithm == "v1":
        at = utc(v["signing_time"]["unix"])
        signed = signer_of(v, "v1").sign(request_of(v), at=at)
        auth = signed.headers["Authorization"]
        if expected.get("authorization"):
            assert auth == expected["authorization"]
        if expected.get("string_to_sign"):
            assert signed.string_to_sign == expected["string_to_sign"]
        if derived.get("string_to_sign"):
            assert signed.string_to_sign == derived["string_to_sign"]
        if v.get("security_token"):
            assert signed.headers["x-oss-security-token"] == v["security_token"]
        assert signed.canonical_request is None
    elif algorithm == "v4":
        at = utc(v["signing_time"]["unix"])
        signed = signer_of(v, "v4").sign(
            request_of(v), at=at, additional_headers=v["additional_headers"]
        )
        auth = signed.headers["Authorization"]
        for want in (expected.get("authorization"), derived.get("authorization")):
            if want:
                assert auth == want
        if derived.get("string_to_sign"):
            assert signed.string_to_sign == derived["string_to_sign"]
        if derived.get("canonical_request"):
            assert signed.canonical_request == derived["canonical_request"]
    elif algorithm == "v1-presign":
        expiration = int(v["expires"])
        p = signer_of(v, "v1").presign(request_of(v), at=utc(expiration), expires=0)
        assert int(p.expiration.timestamp()) == expiration
        check_presigned(v, p)
    elif algorithm == "v4-presign":
        start = v["signing_time"]["unix"]
        p = signer_of(v, "v4").presign(
            request_of(v),
            at=utc(start),
            expires=v["expiration"]["unix"] - start,
            additional_headers=v["additional_headers"],
        )
        check_presigned(v, p)
    else:
        pytest.fail(f"unknown algorithm {algorithm}")
