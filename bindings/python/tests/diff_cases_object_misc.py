"""Differential cases: object tagging, symlinks, restore, object WORM, processing, select,
bucket stat and request payment."""

import base64

from diff_common import BUCKET, KEY, V2

from ossio import ops

SQL = base64.b64encode(b"select * from ossobject where _1 > 10").decode()
NL = base64.b64encode(b"\n").decode()
COMMA = base64.b64encode(b",").decode()
CALLBACK = base64.b64encode(b'{"callbackUrl":"https://example.com/cb","callbackBody":"bucket=${bucket}"}').decode()
CALLBACK_VAR = base64.b64encode(b'{"x:team":"storage"}').decode()

CASES = [
    (
        "PutObjectTagging",
        ops.PutObjectTagging(
            bucket=BUCKET,
            key=KEY,
            tagging={"tag_set": {"tags": [{"key": "team", "value": "storage"}, {"key": "env", "value": "prod"}]}},
            version_id="v1",
            request_payer="requester",
        ),
        lambda c: c.put_object_tagging(
            V2.PutObjectTaggingRequest(
                bucket=BUCKET,
                key=KEY,
                tagging=V2.Tagging(
                    tag_set=V2.TagSet(tags=[V2.Tag(key="team", value="storage"), V2.Tag(key="env", value="prod")])
                ),
                version_id="v1",
                request_payer="requester",
            )
        ),
    ),
    (
        "GetObjectTagging",
        ops.GetObjectTagging(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester"),
        lambda c: c.get_object_tagging(
            V2.GetObjectTaggingRequest(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester")
        ),
    ),
    (
        "DeleteObjectTagging",
        ops.DeleteObjectTagging(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester"),
        lambda c: c.delete_object_tagging(
            V2.DeleteObjectTaggingRequest(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester")
        ),
    ),
    (
        "PutSymlink",
        ops.PutSymlink(
            bucket=BUCKET,
            key="link-to-a",
            target="dir/target-1.txt",
            acl="private",
            storage_class="Standard",
            metadata={"team": "storage"},
            forbid_overwrite=True,
            request_payer="requester",
        ),
        lambda c: c.put_symlink(
            V2.PutSymlinkRequest(
                bucket=BUCKET,
                key="link-to-a",
                target="dir/target-1.txt",
                acl="private",
                storage_class="Standard",
                metadata={"team": "storage"},
                forbid_overwrite=True,
                request_payer="requester",
            )
        ),
    ),
    (
        "GetSymlink",
        ops.GetSymlink(bucket=BUCKET, key="link-to-a", version_id="v1", request_payer="requester"),
        lambda c: c.get_symlink(
            V2.GetSymlinkRequest(bucket=BUCKET, key="link-to-a", version_id="v1", request_payer="requester")
        ),
    ),
    (
        "RestoreObject",
        ops.RestoreObject(
            bucket=BUCKET,
            key=KEY,
            version_id="v1",
            restore_request={"days": 2, "job_parameters": {"tier": "Expedited"}},
            request_payer="requester",
        ),
        lambda c: c.restore_object(
            V2.RestoreObjectRequest(
                bucket=BUCKET,
                key=KEY,
                version_id="v1",
                restore_request=V2.RestoreRequest(days=2, job_parameters=V2.JobParameters(tier="Expedited")),
                request_payer="requester",
            )
        ),
    ),
    (
        "RestoreObject",
        ops.RestoreObject(bucket=BUCKET, key=KEY),
        lambda c: c.restore_object(V2.RestoreObjectRequest(bucket=BUCKET, key=KEY)),
    ),
    (
        "CleanRestoredObject",
        ops.CleanRestoredObject(bucket=BUCKET, key=KEY),
        lambda c: c.clean_restored_object(V2.CleanRestoredObjectRequest(bucket=BUCKET, key=KEY)),
    ),
    (
        "PutObjectRetention",
        ops.PutObjectRetention(
            bucket=BUCKET,
            key=KEY,
            version_id="v1",
            bypass_governance_retention=True,
            retention={"mode": "GOVERNANCE", "retain_until_date": "2030-11-10T16:00:00.000Z"},
        ),
        lambda c: c.put_object_retention(
            V2.PutObjectRetentionRequest(
                bucket=BUCKET,
                key=KEY,
                version_id="v1",
                bypass_governance_retention=True,
                retention=V2.Retention(mode="GOVERNANCE", retain_until_date="2030-11-10T16:00:00.000Z"),
            )
        ),
    ),
    (
        "GetObjectRetention",
        ops.GetObjectRetention(bucket=BUCKET, key=KEY, version_id="v1"),
        lambda c: c.get_object_retention(V2.GetObjectRetentionRequest(bucket=BUCKET, key=KEY, version_id="v1")),
    ),
    (
        "PutObjectLegalHold",
        ops.PutObjectLegalHold(bucket=BUCKET, key=KEY, version_id="v1", legal_hold={"status": "ON"}),
        lambda c: c.put_object_legal_hold(
            V2.PutObjectLegalHoldRequest(bucket=BUCKET, key=KEY, version_id="v1", legal_hold=V2.LegalHold(status="ON"))
        ),
    ),
    (
        "GetObjectLegalHold",
        ops.GetObjectLegalHold(bucket=BUCKET, key=KEY, version_id="v1"),
        lambda c: c.get_object_legal_hold(V2.GetObjectLegalHoldRequest(bucket=BUCKET, key=KEY, version_id="v1")),
    ),
    (
        "ProcessObject",
        ops.ProcessObject(
            bucket=BUCKET,
            key="a.jpg",
            process="image/resize,w_100|sys/saveas,o_YS0xMDAuanBn,b_ZXhhbXBsZWJ1Y2tldA",
            request_payer="requester",
        ),
        lambda c: c.process_object(
            V2.ProcessObjectRequest(
                bucket=BUCKET,
                key="a.jpg",
                process="image/resize,w_100|sys/saveas,o_YS0xMDAuanBn,b_ZXhhbXBsZWJ1Y2tldA",
                request_payer="requester",
            )
        ),
    ),
    (
        "AsyncProcessObject",
        ops.AsyncProcessObject(
            bucket=BUCKET,
            key="a.mov",
            process="video/convert,f_mp4,vcodec_h265|sys/saveas,o_YS5tcDQ",
            request_payer="requester",
        ),
        lambda c: c.async_process_object(
            V2.AsyncProcessObjectRequest(
                bucket=BUCKET,
                key="a.mov",
                process="video/convert,f_mp4,vcodec_h265|sys/saveas,o_YS5tcDQ",
                request_payer="requester",
            )
        ),
    ),
    (
        "SelectObject",
        ops.SelectObject(
            bucket=BUCKET,
            key="a.csv",
            process="csv/select",
            select_request={
                "expression": SQL,
                "input_serialization": {
                    "compression_type": "None",
                    "csv": {
                        "record_delimiter": NL,
                        "field_delimiter": COMMA,
                        "quote_character": "Ig==",
                        "comment_character": "Iw==",
                        "range": "line-range=0-10",
                        "allow_quoted_record_delimiter": True,
                        "file_header_info": "Use",
                    },
                },
                "output_serialization": {
                    "keep_all_columns": True,
                    "output_header": False,
                    "output_raw_data": False,
                    "enable_payload_crc": True,
                    "csv": {"record_delimiter": NL, "field_delimiter": COMMA, "quote_character": "Ig=="},
                },
            },
        ),
        lambda c: c.select_object(
            V2.SelectObjectRequest(
                bucket=BUCKET,
                key="a.csv",
                process="csv/select",
                select_request=V2.SelectRequest(
                    expression=SQL,
                    input_serialization=V2.InputSerialization(
                        compression_type="None",
                        csv=V2.CSVInput(
                            record_delimiter=NL,
                            field_delimiter=COMMA,
                            quote_character="Ig==",
                            comment_character="Iw==",
                            range="line-range=0-10",
                            allow_quoted_record_delimiter=True,
                            file_header_info="Use",
                        ),
                    ),
                    output_serialization=V2.OutputSerialization(
                        keep_all_columns=True,
                        output_header=False,
                        output_raw_data=False,
                        enable_payload_crc=True,
                        csv=V2.CSVOutput(record_delimiter=NL, field_delimiter=COMMA, quote_character="Ig=="),
                    ),
                ),
            )
        ),
    ),
    (
        "SelectObject",
        ops.SelectObject(
            bucket=BUCKET,
            key="a.json",
            process="json/select",
            select_request={
                "expression": SQL,
                "input_serialization": {
                    "compression_type": "GZIP",
                    "json": {"parse_json_number_as_string": True, "type": "LINES", "range": "split-range=0-2"},
                },
                "output_serialization": {"json": {"record_delimiter": NL}},
            },
        ),
        lambda c: c.select_object(
            V2.SelectObjectRequest(
                bucket=BUCKET,
                key="a.json",
                process="json/select",
                select_request=V2.SelectRequest(
                    expression=SQL,
                    input_serialization=V2.InputSerialization(
                        compression_type="GZIP",
                        json=V2.JSONInput(parse_json_number_as_string=True, type="LINES", range="split-range=0-2"),
                    ),
                    output_serialization=V2.OutputSerialization(json=V2.JSONOutput(record_delimiter=NL)),
                ),
            )
        ),
    ),
    (
        "CreateSelectObjectMeta",
        ops.CreateSelectObjectMeta(
            bucket=BUCKET,
            key="a.csv",
            process="csv/meta",
            select_meta_request=(
                "<CsvMetaRequest><InputSerialization><CompressionType>None</CompressionType>"
                f"<CSV><RecordDelimiter>{NL}</RecordDelimiter><FieldDelimiter>{COMMA}</FieldDelimiter></CSV>"
                "</InputSerialization><OverwriteIfExists>true</OverwriteIfExists></CsvMetaRequest>"
            ),
        ),
        lambda c: c.create_select_object_meta(
            V2.CreateSelectObjectMetaRequest(
                bucket=BUCKET,
                key="a.csv",
                process="csv/meta",
                select_meta_request=V2.CSVMetaRequest(
                    input_serialization=V2.InputSerialization(
                        compression_type="None", csv=V2.CSVInput(record_delimiter=NL, field_delimiter=COMMA)
                    ),
                    overwrite_if_exists=True,
                ),
            )
        ),
    ),
    (
        "CreateSelectObjectMeta",
        ops.CreateSelectObjectMeta(
            bucket=BUCKET,
            key="a.json",
            process="json/meta",
            select_meta_request=(
                "<JsonMetaRequest><InputSerialization><JSON><Type>LINES</Type></JSON></InputSerialization>"
                "</JsonMetaRequest>"
            ),
        ),
        lambda c: c.create_select_object_meta(
            V2.CreateSelectObjectMetaRequest(
                bucket=BUCKET,
                key="a.json",
                process="json/meta",
                select_meta_request=V2.JSONMetaRequest(
                    input_serialization=V2.InputSerialization(json=V2.JSONInput(type="LINES"))
                ),
            )
        ),
    ),
    (
        "GetBucketStat",
        ops.GetBucketStat(bucket=BUCKET),
        lambda c: c.get_bucket_stat(V2.GetBucketStatRequest(bucket=BUCKET)),
    ),
    (
        "PutBucketRequestPayment",
        ops.PutBucketRequestPayment(bucket=BUCKET, request_payment_configuration={"payer": "Requester"}),
        lambda c: c.put_bucket_request_payment(
            V2.PutBucketRequestPaymentRequest(
                bucket=BUCKET, request_payment_configuration=V2.RequestPaymentConfiguration(payer="Requester")
            )
        ),
    ),
    (
        "GetBucketRequestPayment",
        ops.GetBucketRequestPayment(bucket=BUCKET),
        lambda c: c.get_bucket_request_payment(V2.GetBucketRequestPaymentRequest(bucket=BUCKET)),
    ),
    # The object operations' further fields.
    (
        "PutObject",
        ops.PutObject(
            bucket=BUCKET,
            key=KEY,
            body=b"hello world",
            content_type="text/plain",
            content_md5="XrY7u+Ae7tCTyyK7j1rNww==",
            content_length=11,
            expires="Wed, 21 Oct 2026 07:28:00 GMT",
            server_side_encryption="KMS",
            server_side_data_encryption="SM4",
            server_side_encryption_key_id="kms-key-1",
            tagging="team=storage&env=prod",
            callback=CALLBACK,
            callback_var=CALLBACK_VAR,
            forbid_overwrite=True,
            traffic_limit=819200,
            request_payer="requester",
            object_worm_retain_until_date="2030-11-10T16:00:00.000Z",
            object_worm_mode="COMPLIANCE",
            object_worm_legal_hold="ON",
        ),
        lambda c: c.put_object(
            V2.PutObjectRequest(
                bucket=BUCKET,
                key=KEY,
                body=b"hello world",
                content_type="text/plain",
                content_md5="XrY7u+Ae7tCTyyK7j1rNww==",
                content_length=11,
                expires="Wed, 21 Oct 2026 07:28:00 GMT",
                server_side_encryption="KMS",
                server_side_data_encryption="SM4",
                server_side_encryption_key_id="kms-key-1",
                tagging="team=storage&env=prod",
                callback=CALLBACK,
                callback_var=CALLBACK_VAR,
                forbid_overwrite=True,
                traffic_limit=819200,
                request_payer="requester",
                object_worm_retain_until_date="2030-11-10T16:00:00.000Z",
                object_worm_mode="COMPLIANCE",
                object_worm_legal_hold="ON",
            )
        ),
    ),
    (
        "GetObject",
        ops.GetObject(
            bucket=BUCKET,
            key=KEY,
            version_id="v1",
            range_header="bytes=0-",
            range_behavior="standard",
            if_match='"etag"',
            if_none_match='"other"',
            if_modified_since="Mon, 02 Jan 2006 15:04:05 GMT",
            if_unmodified_since="Tue, 03 Jan 2006 15:04:05 GMT",
            response_content_type="text/plain",
            response_content_language="en",
            response_expires="Wed, 21 Oct 2026 07:28:00 GMT",
            response_cache_control="no-cache",
            response_content_disposition="attachment",
            response_content_encoding="identity",
            traffic_limit=838860800,
            process="image/resize,w_100",
            request_payer="requester",
            accept_encoding="gzip",
        ),
        lambda c: c.get_object(
            V2.GetObjectRequest(
                bucket=BUCKET,
                key=KEY,
                version_id="v1",
                range_header="bytes=0-",
                range_behavior="standard",
                if_match='"etag"',
                if_none_match='"other"',
                if_modified_since="Mon, 02 Jan 2006 15:04:05 GMT",
                if_unmodified_since="Tue, 03 Jan 2006 15:04:05 GMT",
                response_content_type="text/plain",
                response_content_language="en",
                response_expires="Wed, 21 Oct 2026 07:28:00 GMT",
                response_cache_control="no-cache",
                response_content_disposition="attachment",
                response_content_encoding="identity",
                traffic_limit=838860800,
                process="image/resize,w_100",
                request_payer="requester",
                accept_encoding="gzip",
            )
        ),
    ),
    (
        "HeadObject",
        ops.HeadObject(
            bucket=BUCKET,
            key=KEY,
            version_id="v1",
            if_match='"etag"',
            if_none_match='"other"',
            if_modified_since="Mon, 02 Jan 2006 15:04:05 GMT",
            if_unmodified_since="Tue, 03 Jan 2006 15:04:05 GMT",
            request_payer="requester",
        ),
        lambda c: c.head_object(
            V2.HeadObjectRequest(
                bucket=BUCKET,
                key=KEY,
                version_id="v1",
                if_match='"etag"',
                if_none_match='"other"',
                if_modified_since="Mon, 02 Jan 2006 15:04:05 GMT",
                if_unmodified_since="Tue, 03 Jan 2006 15:04:05 GMT",
                request_payer="requester",
            )
        ),
    ),
    (
        "GetObjectMeta",
        ops.GetObjectMeta(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester"),
        lambda c: c.get_object_meta(
            V2.GetObjectMetaRequest(bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester")
        ),
    ),
    (
        "DeleteObject",
        ops.DeleteObject(
            bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester", bypass_governance_retention=True
        ),
        lambda c: c.delete_object(
            V2.DeleteObjectRequest(
                bucket=BUCKET, key=KEY, version_id="v1", request_payer="requester", bypass_governance_retention=True
            )
        ),
    ),
]

# Without a Content-Type, both guess it from the key's extension.
GUESSED_KEYS = ["photo.jpg", "a.txt", "noext", "x.tar.gz", "dir/b.PNG", "c.json", "d.html", "e.pdf", "f.docx", "g.js", "h.zip", "i.csv", "j.mp4"]
CASES += [
    (
        "PutObject",
        ops.PutObject(bucket=BUCKET, key=key, body=b"x"),
        (lambda k: lambda c: c.put_object(V2.PutObjectRequest(bucket=BUCKET, key=k, body=b"x")))(key),
    )
    for key in GUESSED_KEYS
]

