"""Multipart uploads, copies and appends by the official Python SDKs (alibabacloud-oss-v2
and oss2) against a fresh ossio-server, V1 and V4 signing: initiate, upload parts (one of
them copied from an object), list parts and uploads, complete and abort; copy an object
within and across buckets; append to an object. The bytes read back are compared with what
was sent, and the SDKs' own CRC-64 checks run on every upload and download.
"""

import hashlib

import alibabacloud_oss_v2 as oss
import oss2
import pytest

from test_python_sdks import REGION, endpoint, oss2_auth, unique, v2_client  # noqa: F401

PART = 100 * 1024


def data(n, seed):
    return bytes((i * 31 + seed) % 256 for i in range(n))


def multipart_etag(parts):
    md5s = b"".join(hashlib.md5(p).digest() for p in parts)
    return f'"{hashlib.md5(md5s).hexdigest().upper()}-{len(parts)}"'


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_alibabacloud_oss_v2_multipart_copy_append(endpoint, version):  # noqa: F811
    client = v2_client(endpoint, version)
    bucket, other = unique(f"mpv2{version}"), unique(f"mpv2{version}o")
    client.put_bucket(oss.PutBucketRequest(bucket=bucket))
    client.put_bucket(oss.PutBucketRequest(bucket=other))
    key = "dir/big é+.bin"
    p1, p2 = data(PART + 7, 1), data(3000, 2)
    source = data(PART, 3)
    client.put_object(oss.PutObjectRequest(bucket=bucket, key="source", body=source))

    init = client.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=bucket, key=key))
    assert init.key == key
    upload_id = init.upload_id
    e1 = client.upload_part(
        oss.UploadPartRequest(bucket=bucket, key=key, upload_id=upload_id, part_number=1, body=p1)
    ).etag
    copied = client.upload_part_copy(
        oss.UploadPartCopyRequest(
            bucket=bucket, key=key, upload_id=upload_id, part_number=2, source_key="source",
            source_range=f"bytes=0-{PART - 1}",
        )
    )
    e3 = client.upload_part(
        oss.UploadPartRequest(bucket=bucket, key=key, upload_id=upload_id, part_number=3, body=p2)
    ).etag
    parts = client.list_parts(oss.ListPartsRequest(bucket=bucket, key=key, upload_id=upload_id))
    assert [(p.part_number, p.size) for p in parts.parts] == [(1, len(p1)), (2, PART), (3, len(p2))]
    uploads = client.list_multipart_uploads(oss.ListMultipartUploadsRequest(bucket=bucket))
    assert [(u.key, u.upload_id) for u in uploads.uploads] == [(key, upload_id)]

    done = client.complete_multipart_upload(
        oss.CompleteMultipartUploadRequest(
            bucket=bucket, key=key, upload_id=upload_id,
            complete_multipart_upload=oss.CompleteMultipartUpload(
                parts=[
                    oss.UploadPart(part_number=1, etag=e1),
                    oss.UploadPart(part_number=2, etag=copied.etag),
                    oss.UploadPart(part_number=3, etag=e3),
                ]
            ),
        )
    )
    assert done.etag == multipart_etag([p1, source, p2])
    got = client.get_object(oss.GetObjectRequest(bucket=bucket, key=key))
    assert got.body.read() == p1 + source + p2
    assert got.object_type == "Multipart"

    # The SDK's paginator continues at both markers, one upload per page.
    same = [
        client.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=bucket, key="same")).upload_id
        for _ in range(3)
    ]
    pages = client.list_multipart_uploads_paginator(limit=1).iter_page(
        oss.ListMultipartUploadsRequest(bucket=bucket, prefix="same")
    )
    assert [u.upload_id for p in pages for u in p.uploads] == same
    for u in same:
        client.abort_multipart_upload(oss.AbortMultipartUploadRequest(bucket=bucket, key="same", upload_id=u))

    # Abort frees an upload.
    aborted = client.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=bucket, key="x")).upload_id
    client.upload_part(oss.UploadPartRequest(bucket=bucket, key="x", upload_id=aborted, part_number=1, body=b"x"))
    client.abort_multipart_upload(oss.AbortMultipartUploadRequest(bucket=bucket, key="x", upload_id=aborted))
    with pytest.raises(oss.exceptions.OperationError) as e:
        client.list_parts(oss.ListPartsRequest(bucket=bucket, key="x", upload_id=aborted))
    assert e.value.unwrap().code == "NoSuchUpload"

    # Copy across buckets, then within one.
    client.copy_object(oss.CopyObjectRequest(bucket=other, key="copy", source_bucket=bucket, source_key=key))
    assert client.get_object(oss.GetObjectRequest(bucket=other, key="copy")).body.read() == p1 + source + p2
    client.copy_object(oss.CopyObjectRequest(bucket=other, key="copy2", source_key="copy"))
    assert client.get_object(oss.GetObjectRequest(bucket=other, key="copy2")).body.read() == p1 + source + p2

    # Append.
    a = client.append_object(oss.AppendObjectRequest(bucket=bucket, key="log", position=0, body=b"hello"))
    assert a.next_position == 5
    a = client.append_object(oss.AppendObjectRequest(bucket=bucket, key="log", position=5, body=b" world"))
    assert a.next_position == 11
    with pytest.raises(oss.exceptions.OperationError) as e:
        client.append_object(oss.AppendObjectRequest(bucket=bucket, key="log", position=1, body=b"!"))
    assert e.value.unwrap().code == "PositionNotEqualToLength"
    got = client.get_object(oss.GetObjectRequest(bucket=bucket, key="log"))
    assert got.body.read() == b"hello world"
    assert got.object_type == "Appendable"
    sealed = client.seal_append_object(oss.SealAppendObjectRequest(bucket=bucket, key="log", position=11))
    assert sealed.sealed_time

    # Every object is its one null version.
    versions = client.list_object_versions(oss.ListObjectVersionsRequest(bucket=bucket, prefix="dir/"))
    assert [(v.key, v.version_id, v.is_latest) for v in versions.version] == [(key, "null", True)]


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_oss2_multipart_copy_append(endpoint, version):  # noqa: F811
    name = unique(f"mposs2{version}")
    bucket = oss2.Bucket(oss2_auth(version), endpoint, name, region=REGION)
    bucket.create_bucket()
    key = "dir/big é+.bin"
    p1, p2 = data(PART, 4), data(1234, 5)
    bucket.put_object("source", data(PART, 6))

    upload_id = bucket.init_multipart_upload(key).upload_id
    e1 = bucket.upload_part(key, upload_id, 1, p1).etag
    e2 = bucket.upload_part_copy(name, "source", (0, PART - 1), key, upload_id, 2).etag
    e3 = bucket.upload_part(key, upload_id, 3, p2).etag
    listed = bucket.list_parts(key, upload_id)
    assert [(p.part_number, p.size) for p in listed.parts] == [(1, PART), (2, PART), (3, len(p2))]
    assert [u.upload_id for u in bucket.list_multipart_uploads().upload_list] == [upload_id]
    bucket.complete_multipart_upload(
        key, upload_id, [oss2.models.PartInfo(1, e1), oss2.models.PartInfo(2, e2), oss2.models.PartInfo(3, e3)]
    )
    whole = p1 + data(PART, 6) + p2
    assert bucket.get_object(key).read() == whole
    assert bucket.head_object(key).etag == multipart_etag([p1, data(PART, 6), p2]).strip('"')

    aborted = bucket.init_multipart_upload("x").upload_id
    bucket.upload_part("x", aborted, 1, b"x")
    bucket.abort_multipart_upload("x", aborted)
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        bucket.list_parts("x", aborted)

    bucket.copy_object(name, key, "copy")
    assert bucket.get_object("copy").read() == whole

    r = bucket.append_object("log", 0, b"hello")
    assert r.next_position == 5
    r = bucket.append_object("log", r.next_position, b" world", init_crc=r.crc)
    assert r.next_position == 11
    with pytest.raises(oss2.exceptions.PositionNotEqualToLength):
        bucket.append_object("log", 3, b"!")
    assert bucket.get_object("log").read() == b"hello world"
    versions = bucket.list_object_versions(prefix="dir/")
    assert [(v.key, v.versionid) for v in versions.versions] == [(key, "null")]


def test_high_level_transfers(endpoint, tmp_path):  # noqa: F811
    """The SDKs' own multipart helpers: v2's uploader and copier (parallel parts, the
    combined CRC-64 checked against the server's), oss2's resumable upload."""
    client = v2_client(endpoint, "v4")
    name = unique("mphl")
    client.put_bucket(oss.PutBucketRequest(bucket=name))
    payload = data(5 * PART + 123, 8)
    src = tmp_path / "payload.bin"
    src.write_bytes(payload)

    up = client.uploader(part_size=PART, parallel_num=3)
    result = up.upload_file(oss.PutObjectRequest(bucket=name, key="uploaded"), filepath=str(src))
    assert result.etag.endswith('-6"')
    assert client.get_object(oss.GetObjectRequest(bucket=name, key="uploaded")).body.read() == payload

    copier = client.copier(part_size=PART, multipart_copy_threshold=PART)
    copier.copy(oss.CopyObjectRequest(bucket=name, key="copied", source_key="uploaded"))
    assert client.get_object(oss.GetObjectRequest(bucket=name, key="copied")).body.read() == payload

    bucket = oss2.Bucket(oss2_auth("v4"), endpoint, name, region=REGION)
    oss2.resumable_upload(
        bucket, "resumed", str(src), store=oss2.ResumableStore(root=str(tmp_path)),
        multipart_threshold=PART, part_size=PART, num_threads=2,
    )
    assert bucket.get_object("resumed").read() == payload
    assert bucket.head_object("resumed").object_type == "Multipart"
