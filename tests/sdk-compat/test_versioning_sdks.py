"""Versioning through the official Python SDKs (alibabacloud-oss-v2 and oss2) against a
fresh ossio-server, V1 and V4 signing: enable versioning, put a key twice, list its
versions, get and delete by version id, and see a delete marker hide the key until it is
removed itself.
"""

import alibabacloud_oss_v2 as oss
import oss2
import pytest

from test_python_sdks import REGION, endpoint, oss2_auth, unique, v2_client  # noqa: F401


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_alibabacloud_oss_v2_versioning(endpoint, version):  # noqa: F811
    client = v2_client(endpoint, version)
    bucket = unique(f"verv2{version}")
    client.put_bucket(oss.PutBucketRequest(bucket=bucket))
    client.put_bucket_versioning(
        oss.PutBucketVersioningRequest(
            bucket=bucket,
            versioning_configuration=oss.VersioningConfiguration(status="Enabled"),
        )
    )
    got = client.get_bucket_versioning(oss.GetBucketVersioningRequest(bucket=bucket))
    assert got.version_status == "Enabled"
    key = "dir/k é+.txt"
    v1 = client.put_object(oss.PutObjectRequest(bucket=bucket, key=key, body=b"one")).version_id
    v2 = client.put_object(oss.PutObjectRequest(bucket=bucket, key=key, body=b"two")).version_id
    assert v1 and v2 and v1 != v2

    listed = client.list_object_versions(oss.ListObjectVersionsRequest(bucket=bucket))
    assert [(v.key, v.version_id, v.is_latest) for v in listed.version] == [
        (key, v2, True),
        (key, v1, False),
    ]
    assert not listed.delete_marker

    old = client.get_object(oss.GetObjectRequest(bucket=bucket, key=key, version_id=v1))
    assert old.body.read() == b"one"
    assert old.version_id == v1
    assert client.get_object(oss.GetObjectRequest(bucket=bucket, key=key)).body.read() == b"two"
    head = client.head_object(oss.HeadObjectRequest(bucket=bucket, key=key, version_id=v1))
    assert head.content_length == 3

    # A delete without a version id adds a marker: the key reads as missing.
    deleted = client.delete_object(oss.DeleteObjectRequest(bucket=bucket, key=key))
    assert deleted.delete_marker is True
    marker = deleted.version_id
    assert marker
    with pytest.raises(oss.exceptions.OperationError) as err:
        client.get_object(oss.GetObjectRequest(bucket=bucket, key=key))
    assert err.value.unwrap().code == "NoSuchKey"
    listed = client.list_object_versions(oss.ListObjectVersionsRequest(bucket=bucket))
    assert [(m.key, m.version_id, m.is_latest) for m in listed.delete_marker] == [(key, marker, True)]
    assert [v.is_latest for v in listed.version] == [False, False]
    assert not client.list_objects_v2(oss.ListObjectsV2Request(bucket=bucket)).contents

    # Removing the marker brings the latest version back; a version can be deleted for good.
    client.delete_object(oss.DeleteObjectRequest(bucket=bucket, key=key, version_id=marker))
    assert client.get_object(oss.GetObjectRequest(bucket=bucket, key=key)).body.read() == b"two"
    gone = client.delete_object(oss.DeleteObjectRequest(bucket=bucket, key=key, version_id=v2))
    assert gone.version_id == v2
    assert client.get_object(oss.GetObjectRequest(bucket=bucket, key=key)).body.read() == b"one"
    with pytest.raises(oss.exceptions.OperationError) as err:
        client.get_object(oss.GetObjectRequest(bucket=bucket, key=key, version_id=v2))
    assert err.value.unwrap().code == "NoSuchVersion"

    # Several at once: a marker for one key, a version removed for the other.
    other = client.put_object(oss.PutObjectRequest(bucket=bucket, key="other", body=b"x")).version_id
    result = client.delete_multiple_objects(
        oss.DeleteMultipleObjectsRequest(
            bucket=bucket,
            objects=[oss.DeleteObject(key=key), oss.DeleteObject(key="other", version_id=other)],
        )
    )
    by_key = {d.key: d for d in result.deleted_objects}
    assert by_key[key].delete_marker is True
    assert by_key[key].delete_marker_version_id
    assert by_key["other"].version_id == other
    listed = client.list_object_versions(oss.ListObjectVersionsRequest(bucket=bucket))
    assert [v.version_id for v in listed.version] == [v1]
    assert [m.version_id for m in listed.delete_marker] == [by_key[key].delete_marker_version_id]

    # The paginator goes through every version, one per page.
    client.put_object(oss.PutObjectRequest(bucket=bucket, key=key, body=b"three"))
    pages = client.list_object_versions_paginator(limit=1).iter_page(
        oss.ListObjectVersionsRequest(bucket=bucket)
    )
    seen = [(v.key, v.version_id) for p in pages for v in p.version or []]
    assert len(seen) == 2 and seen[1] == (key, v1)


@pytest.mark.parametrize("version", ["v1", "v4"])
def test_oss2_versioning(endpoint, version):  # noqa: F811
    name = unique(f"vero2{version}")
    bucket = oss2.Bucket(oss2_auth(version), endpoint, name, region=REGION)
    bucket.create_bucket()
    bucket.put_bucket_versioning(oss2.models.BucketVersioningConfig("Enabled"))
    assert bucket.get_bucket_versioning().status == "Enabled"
    v1 = bucket.put_object("k", b"one").versionid
    v2 = bucket.put_object("k", b"two").versionid
    assert v1 and v2 and v1 != v2

    listed = bucket.list_object_versions()
    assert [(v.key, v.versionid, v.is_latest) for v in listed.versions] == [("k", v2, True), ("k", v1, False)]
    assert bucket.get_object("k", params={"versionId": v1}).read() == b"one"
    assert bucket.get_object("k").read() == b"two"

    deleted = bucket.delete_object("k")
    assert deleted.delete_marker
    marker = deleted.versionid
    with pytest.raises(oss2.exceptions.NoSuchKey):
        bucket.get_object("k")
    listed = bucket.list_object_versions()
    assert [(m.key, m.versionid, m.is_latest) for m in listed.delete_marker] == [("k", marker, True)]

    bucket.delete_object("k", params={"versionId": marker})
    assert bucket.get_object("k").read() == b"two"
    bucket.delete_object("k", params={"versionId": v2})
    assert bucket.get_object("k").read() == b"one"

    versions = oss2.models.BatchDeleteObjectVersionList()
    versions.append(oss2.models.BatchDeleteObjectVersion("k", v1))
    result = bucket.delete_object_versions(versions)
    assert [(d.key, d.versionid) for d in result.delete_versions] == [("k", v1)]
    assert not bucket.list_object_versions().versions
