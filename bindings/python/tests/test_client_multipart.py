"""ossio.Client's multipart, copy and append calls, and the paginators that follow two
markers at once, against ossio-server on 127.0.0.1."""

from __future__ import annotations

import uuid
from typing import Iterator

import pytest

import ossio
from ossio import ops

from conftest import AK, SK


@pytest.fixture
def client(server: str) -> ossio.Client:
    return ossio.Client("cn-hangzhou", endpoint=server, credentials=ossio.Credentials(AK, SK))


@pytest.fixture
def bucket(client: ossio.Client) -> Iterator[str]:
    name = "pymp-" + uuid.uuid4().hex[:12]
    client.put_bucket(bucket=name)
    yield name


def test_multipart_upload_with_paginated_listings(client: ossio.Client, bucket: str) -> None:
    key = "dir/a b+é.bin"
    ids = [client.initiate_multipart_upload(bucket=bucket, key=key).upload_id for _ in range(3)]
    other = client.initiate_multipart_upload(bucket=bucket, key="z").upload_id
    # One upload per page: pages of one key continue at its upload id marker.
    pages = client.list_multipart_uploads_paginator().iter_page(bucket=bucket, max_uploads=1)
    assert [u.upload_id for p in pages for u in p.uploads] == ids + [other]

    upload_id = ids[0]
    first = b"a" * (100 * 1024)
    e1 = client.upload_part(bucket=bucket, key=key, upload_id=upload_id, part_number=1, body=first).etag
    e2 = client.upload_part(bucket=bucket, key=key, upload_id=upload_id, part_number=2, body=b"tail").etag
    parts = client.list_parts_paginator().iter_page(bucket=bucket, key=key, upload_id=upload_id, max_parts=1)
    assert [p.part_number for page in parts for p in page.parts] == [1, 2]
    done = client.complete_multipart_upload(
        bucket=bucket,
        key=key,
        upload_id=upload_id,
        complete_multipart_upload={"parts": [{"part_number": 1, "etag": e1}, {"part_number": 2, "etag": e2}]},
    )
    assert done.etag and done.etag.endswith('-2"') and done.key == key
    assert client.get_object(bucket=bucket, key=key).body == first + b"tail"
    for i in ids[1:]:
        client.abort_multipart_upload(bucket=bucket, key=key, upload_id=i)
    with pytest.raises(ossio.ServiceError) as e:
        client.list_parts(bucket=bucket, key=key, upload_id=ids[1])
    assert e.value.code == "NoSuchUpload"

    client.copy_object(ops.CopyObject(bucket=bucket, key="copy", source_key=key))
    assert client.get_object(bucket=bucket, key="copy").body == first + b"tail"
    a = client.append_object(bucket=bucket, key="log", position=0, body=b"hello")
    assert a.next_position == 5
    a = client.append_object(bucket=bucket, key="log", position=5, body=b" world")
    assert a.next_position == 11
    assert client.get_object(bucket=bucket, key="log").body == b"hello world"
