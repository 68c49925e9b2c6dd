"""An upload without a Content-Type gets the type alibabacloud-oss-v2 guesses from the
key's extension (ossio's table in ossio_core::mime, applied when the request is built)."""

import pytest
from diff_cases_object_misc import GUESSED_KEYS
from diff_common import BUCKET, V2
from test_requests_differential import v2_request

from ossio import ops


@pytest.mark.parametrize("key", GUESSED_KEYS)
def test_guessed_content_type_matches_the_official_sdk(key: str) -> None:
    ours = ops.PutObject(bucket=BUCKET, key=key, body=b"x").request().headers
    _, _, theirs, _ = v2_request(lambda c: c.put_object(V2.PutObjectRequest(bucket=BUCKET, key=key, body=b"x")))
    assert ours["Content-Type"] == theirs["Content-Type"]


def test_a_given_content_type_is_kept() -> None:
    req = ops.PutObject(bucket=BUCKET, key="photo.jpg", body=b"x", content_type="application/x-custom").request()
    assert req.headers["Content-Type"] == "application/x-custom"
