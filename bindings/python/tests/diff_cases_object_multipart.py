"""Differential cases: multipart uploads, copies, appends and object versions."""

from diff_common import BUCKET, KEY, V2

from ossio import ops

UPLOAD = "0004B9894A22E5B1888A1E29F823****"
WORM = dict(
    object_worm_retain_until_date="2030-01-01T00:00:00.000Z", object_worm_mode="GOVERNANCE", object_worm_legal_hold="ON"
)
SSE = dict(server_side_encryption="KMS", server_side_data_encryption="SM4", server_side_encryption_key_id="key-1")
CONDITIONS = dict(
    if_match='"E1"',
    if_none_match='"E2"',
    if_modified_since="Mon, 02 Jan 2006 15:04:05 GMT",
    if_unmodified_since="Tue, 03 Jan 2006 15:04:05 GMT",
)
HEADERS = dict(
    cache_control="no-cache",
    content_disposition="inline",
    content_encoding="identity",
    content_type="text/plain",
    expires="Wed, 04 Jan 2006 15:04:05 GMT",
)
INITIATE = dict(
    storage_class="IA",
    metadata={"team": "storage"},
    tagging="a=1&b=2",
    forbid_overwrite=True,
    request_payer="requester",
    **HEADERS,
    **SSE,
    **WORM,
)
COPY = dict(
    acl="private",
    storage_class="IA",
    metadata={"team": "storage"},
    metadata_directive="REPLACE",
    tagging="a=1",
    tagging_directive="REPLACE",
    forbid_overwrite=True,
    traffic_limit=819200,
    request_payer="requester",
    **CONDITIONS,
    **HEADERS,
    **SSE,
    **WORM,
)
APPEND = dict(
    acl="public-read",
    storage_class="Standard",
    metadata={"team": "storage"},
    tagging="a=1",
    forbid_overwrite=False,
    traffic_limit=819200,
    request_payer="requester",
    **HEADERS,
    **SSE,
)
PARTS = [(1, '"3349DC700140D7F86A0784842780****"'), (2, '"8C315065167132444177411FDA14****"')]

CASES = [
    (
        "InitiateMultipartUpload",
        ops.InitiateMultipartUpload(bucket=BUCKET, key=KEY, **INITIATE),
        lambda c: c.initiate_multipart_upload(
            V2.InitiateMultipartUploadRequest(bucket=BUCKET, key=KEY, disable_auto_detect_mime_type=True, **INITIATE)
        ),
    ),
    (
        "UploadPart",
        ops.UploadPart(
            bucket=BUCKET,
            key=KEY,
            part_number=3,
            upload_id=UPLOAD,
            body=b"part data",
            content_md5="ZGF0YQ==",
            traffic_limit=819200,
            request_payer="requester",
        ),
        lambda c: c.upload_part(
            V2.UploadPartRequest(
                bucket=BUCKET,
                key=KEY,
                part_number=3,
                upload_id=UPLOAD,
                body=b"part data",
                content_md5="ZGF0YQ==",
                traffic_limit=819200,
                request_payer="requester",
            )
        ),
    ),
    (
        "UploadPartCopy",
        ops.UploadPartCopy(
            bucket=BUCKET,
            key=KEY,
            part_number=2,
            upload_id=UPLOAD,
            source_bucket="srcbucket",
            source_key=KEY,
            source_version_id="CAEQNhiBgM0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0****",
            source_range="bytes=0-102399",
            traffic_limit=819200,
            request_payer="requester",
            **CONDITIONS,
        ),
        lambda c: c.upload_part_copy(
            V2.UploadPartCopyRequest(
                bucket=BUCKET,
                key=KEY,
                part_number=2,
                upload_id=UPLOAD,
                source_bucket="srcbucket",
                source_key=KEY,
                source_version_id="CAEQNhiBgM0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0****",
                source_range="bytes=0-102399",
                traffic_limit=819200,
                request_payer="requester",
                **CONDITIONS,
            )
        ),
    ),
    (
        "CompleteMultipartUpload",
        ops.CompleteMultipartUpload(
            bucket=BUCKET,
            key=KEY,
            upload_id=UPLOAD,
            acl="private",
            complete_multipart_upload={"parts": [{"part_number": n, "etag": e} for n, e in PARTS]},
            callback="eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbSJ9",
            callback_var="eyJ4OnZhciI6IjEifQ==",
            forbid_overwrite=True,
            request_payer="requester",
        ),
        lambda c: c.complete_multipart_upload(
            V2.CompleteMultipartUploadRequest(
                bucket=BUCKET,
                key=KEY,
                upload_id=UPLOAD,
                acl="private",
                complete_multipart_upload=V2.CompleteMultipartUpload(
                    parts=[V2.UploadPart(part_number=n, etag=e) for n, e in PARTS]
                ),
                callback="eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbSJ9",
                callback_var="eyJ4OnZhciI6IjEifQ==",
                forbid_overwrite=True,
                request_payer="requester",
            )
        ),
    ),
    (
        "CompleteMultipartUpload",
        ops.CompleteMultipartUpload(bucket=BUCKET, key=KEY, upload_id=UPLOAD, complete_all=True),
        lambda c: c.complete_multipart_upload(
            V2.CompleteMultipartUploadRequest(bucket=BUCKET, key=KEY, upload_id=UPLOAD, complete_all="yes")
        ),
    ),
    (
        "AbortMultipartUpload",
        ops.AbortMultipartUpload(bucket=BUCKET, key=KEY, upload_id=UPLOAD, request_payer="requester"),
        lambda c: c.abort_multipart_upload(
            V2.AbortMultipartUploadRequest(bucket=BUCKET, key=KEY, upload_id=UPLOAD, request_payer="requester")
        ),
    ),
    (
        "ListParts",
        ops.ListParts(
            bucket=BUCKET, key=KEY, upload_id=UPLOAD, max_parts=10, part_number_marker=2, request_payer="requester"
        ),
        lambda c: c.list_parts(
            V2.ListPartsRequest(
                bucket=BUCKET, key=KEY, upload_id=UPLOAD, max_parts=10, part_number_marker=2, request_payer="requester"
            )
        ),
    ),
    (
        "ListMultipartUploads",
        ops.ListMultipartUploads(
            bucket=BUCKET,
            delimiter="/",
            key_marker="a b",
            max_uploads=10,
            prefix="dir/",
            upload_id_marker=UPLOAD,
            request_payer="requester",
        ),
        lambda c: c.list_multipart_uploads(
            V2.ListMultipartUploadsRequest(
                bucket=BUCKET,
                delimiter="/",
                key_marker="a b",
                max_uploads=10,
                prefix="dir/",
                upload_id_marker=UPLOAD,
                request_payer="requester",
            )
        ),
    ),
    (
        "CopyObject",
        ops.CopyObject(bucket=BUCKET, key="copy.txt", source_bucket="srcbucket", source_key=KEY, source_version_id="v1", **COPY),
        lambda c: c.copy_object(
            V2.CopyObjectRequest(
                bucket=BUCKET, key="copy.txt", source_bucket="srcbucket", source_key=KEY, source_version_id="v1", **COPY
            )
        ),
    ),
    (
        "CopyObject",
        ops.CopyObject(bucket=BUCKET, key="copy.txt", source_key="a?b&c%d #e"),
        lambda c: c.copy_object(V2.CopyObjectRequest(bucket=BUCKET, key="copy.txt", source_key="a?b&c%d #e")),
    ),
    (
        "AppendObject",
        ops.AppendObject(bucket=BUCKET, key=KEY, position=0, body=b"first", content_md5="Zmlyc3Q=", **APPEND),
        lambda c: c.append_object(
            V2.AppendObjectRequest(bucket=BUCKET, key=KEY, position=0, body=b"first", content_md5="Zmlyc3Q=", **APPEND)
        ),
    ),
    (
        "SealAppendObject",
        ops.SealAppendObject(bucket=BUCKET, key=KEY, position=5),
        lambda c: c.seal_append_object(V2.SealAppendObjectRequest(bucket=BUCKET, key=KEY, position=5)),
    ),
    (
        "ListObjectVersions",
        ops.ListObjectVersions(
            bucket=BUCKET,
            delimiter="/",
            key_marker="a b",
            version_id_marker="v1",
            max_keys=100,
            prefix="dir/",
            request_payer="requester",
        ),
        lambda c: c.list_object_versions(
            V2.ListObjectVersionsRequest(
                bucket=BUCKET,
                delimiter="/",
                key_marker="a b",
                version_id_marker="v1",
                max_keys=100,
                prefix="dir/",
                request_payer="requester",
            )
        ),
    ),
]
