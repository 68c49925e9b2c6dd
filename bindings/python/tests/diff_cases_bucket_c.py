"""Differential cases: meta query, data pipeline, cloud boxes, regions, bucket metadata
tables and storage quota. LiveChannel, AsyncFetch and the Object FC access points are not in
alibabacloud-oss-v2 (LiveChannel and AsyncFetch are compared with ali-oss in
bindings/node/test/ali-cases/bucket_c.js)."""

from diff_common import BUCKET, V2

from ossio import ops

_QUERY = '{"Field": "Size","Value": "1048576","Operation": "gt"}'

CASES = [
    (
        "OpenMetaQuery",
        ops.OpenMetaQuery(bucket=BUCKET),
        lambda c: c.open_meta_query(V2.OpenMetaQueryRequest(bucket=BUCKET)),
    ),
    (
        "OpenMetaQuery",
        ops.OpenMetaQuery(bucket=BUCKET, mode="semantic"),
        lambda c: c.open_meta_query(V2.OpenMetaQueryRequest(bucket=BUCKET, mode="semantic")),
    ),
    (
        "GetMetaQueryStatus",
        ops.GetMetaQueryStatus(bucket=BUCKET),
        lambda c: c.get_meta_query_status(V2.GetMetaQueryStatusRequest(bucket=BUCKET)),
    ),
    (
        "DoMetaQuery",
        ops.DoMetaQuery(
            bucket=BUCKET,
            meta_query={
                "aggregations": [
                    {"field": "Size", "operation": "sum"},
                    {"field": "OSSObjectType", "operation": "group"},
                ],
                "next_token": "MTIzNDU2Nzg6aW1tdGVzdDpleGFtcGxlYnVja2V0OmRhdGFzZXQwMDE6b3NzOi8vZXhhbXBsZWJ1Y2tldC9zYW1wbGVvYmplY3QxLmpwZw==",
                "max_results": 5,
                "query": _QUERY,
                "sort": "Size",
                "order": "asc",
            },
        ),
        lambda c: c.do_meta_query(
            V2.DoMetaQueryRequest(
                bucket=BUCKET,
                meta_query=V2.MetaQuery(
                    aggregations=V2.MetaQueryAggregations(
                        aggregations=[
                            V2.MetaQueryAggregation(field="Size", operation="sum"),
                            V2.MetaQueryAggregation(field="OSSObjectType", operation="group"),
                        ]
                    ),
                    next_token="MTIzNDU2Nzg6aW1tdGVzdDpleGFtcGxlYnVja2V0OmRhdGFzZXQwMDE6b3NzOi8vZXhhbXBsZWJ1Y2tldC9zYW1wbGVvYmplY3QxLmpwZw==",
                    max_results=5,
                    query=_QUERY,
                    sort="Size",
                    order="asc",
                ),
            )
        ),
    ),
    (
        "DoMetaQuery",
        ops.DoMetaQuery(
            bucket=BUCKET,
            mode="semantic",
            meta_query={
                "max_results": 10,
                "query": "a cat on a sofa",
                "media_types": ["image", "video"],
                "simple_query": '{"Operation":"gt", "Field": "Size", "Value": "30"}',
            },
        ),
        lambda c: c.do_meta_query(
            V2.DoMetaQueryRequest(
                bucket=BUCKET,
                mode="semantic",
                meta_query=V2.MetaQuery(
                    max_results=10,
                    query="a cat on a sofa",
                    media_types=V2.MetaQueryMediaTypes(media_type=["image", "video"]),
                    simple_query='{"Operation":"gt", "Field": "Size", "Value": "30"}',
                ),
            )
        ),
    ),
    (
        "CloseMetaQuery",
        ops.CloseMetaQuery(bucket=BUCKET),
        lambda c: c.close_meta_query(V2.CloseMetaQueryRequest(bucket=BUCKET)),
    ),
    (
        "DoMetaQueryAction",
        ops.DoMetaQueryAction(bucket=BUCKET, action="GetMetaQueryWorkflow", body="<GetMetaQueryWorkflow/>"),
        lambda c: c.do_meta_query_action(
            V2.DoMetaQueryActionRequest(bucket=BUCKET, action="GetMetaQueryWorkflow", body=b"<GetMetaQueryWorkflow/>")
        ),
    ),
    (
        "DoDataPipelineAction",
        ops.DoDataPipelineAction(action="ListDataPipelines", body="<ListDataPipelines><MaxResults>10</MaxResults></ListDataPipelines>"),
        lambda c: c.do_data_pipeline_action(
            V2.DoDataPipelineActionRequest(
                action="ListDataPipelines", body=b"<ListDataPipelines><MaxResults>10</MaxResults></ListDataPipelines>"
            )
        ),
    ),
    (
        "ListCloudBoxes",
        ops.ListCloudBoxes(prefix="cb-", marker="cb-0001", max_keys=20),
        lambda c: c.list_cloud_boxes(V2.ListCloudBoxesRequest(prefix="cb-", marker="cb-0001", max_keys=20)),
    ),
    (
        "DescribeRegions",
        ops.DescribeRegions(),
        lambda c: c.describe_regions(V2.DescribeRegionsRequest()),
    ),
    (
        "DescribeRegions",
        ops.DescribeRegions(regions="oss-cn-hangzhou"),
        lambda c: c.describe_regions(V2.DescribeRegionsRequest(regions="oss-cn-hangzhou")),
    ),
    (
        "CreateBucketMetadataConfiguration",
        ops.CreateBucketMetadataConfiguration(
            bucket=BUCKET,
            metadata_configuration={
                "journal_table_configuration": {
                    "record_expiration": {"expiration": "ENABLED", "days": 7},
                    "encryption_configuration": {"sse_algorithm": "oss:kms", "kms_key_arn": "acs:kms:cn-hangzhou:123:key/k1"},
                },
                "inventory_table_configuration": {
                    "configuration_state": "ENABLED",
                    "encryption_configuration": {"sse_algorithm": "AES256"},
                },
            },
        ),
        lambda c: c.create_bucket_metadata_configuration(
            V2.CreateBucketMetadataConfigurationRequest(
                bucket=BUCKET,
                metadata_configuration=V2.MetadataConfiguration(
                    journal_table_configuration=V2.JournalTableConfiguration(
                        record_expiration=V2.MetadataTableRecordExpiration(expiration="ENABLED", days=7),
                        encryption_configuration=V2.MetadataTableEncryptionConfiguration(
                            sse_algorithm="oss:kms", kms_key_arn="acs:kms:cn-hangzhou:123:key/k1"
                        ),
                    ),
                    inventory_table_configuration=V2.InventoryTableConfiguration(
                        configuration_state="ENABLED",
                        encryption_configuration=V2.MetadataTableEncryptionConfiguration(sse_algorithm="AES256"),
                    ),
                ),
            )
        ),
    ),
    (
        "GetBucketMetadataConfiguration",
        ops.GetBucketMetadataConfiguration(bucket=BUCKET),
        lambda c: c.get_bucket_metadata_configuration(V2.GetBucketMetadataConfigurationRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketMetadataConfiguration",
        ops.DeleteBucketMetadataConfiguration(bucket=BUCKET),
        lambda c: c.delete_bucket_metadata_configuration(V2.DeleteBucketMetadataConfigurationRequest(bucket=BUCKET)),
    ),
    (
        "UpdateBucketMetadataInventoryTableConfiguration",
        ops.UpdateBucketMetadataInventoryTableConfiguration(
            bucket=BUCKET,
            inventory_table_configuration={
                "configuration_state": "DISABLED",
                "encryption_configuration": {"sse_algorithm": "oss:kms", "kms_key_arn": "acs:kms:cn-hangzhou:123:key/k2"},
            },
        ),
        lambda c: c.update_bucket_metadata_inventory_table_configuration(
            V2.UpdateBucketMetadataInventoryTableConfigurationRequest(
                bucket=BUCKET,
                inventory_table_configuration=V2.InventoryTableConfiguration(
                    configuration_state="DISABLED",
                    encryption_configuration=V2.MetadataTableEncryptionConfiguration(
                        sse_algorithm="oss:kms", kms_key_arn="acs:kms:cn-hangzhou:123:key/k2"
                    ),
                ),
            )
        ),
    ),
    (
        "UpdateBucketMetadataJournalTableConfiguration",
        ops.UpdateBucketMetadataJournalTableConfiguration(
            bucket=BUCKET,
            journal_table_configuration={
                "record_expiration": {"expiration": "ENABLED", "days": 30},
                "encryption_configuration": {"sse_algorithm": "AES256"},
            },
        ),
        lambda c: c.update_bucket_metadata_journal_table_configuration(
            V2.UpdateBucketMetadataJournalTableConfigurationRequest(
                bucket=BUCKET,
                journal_table_configuration=V2.JournalTableConfiguration(
                    record_expiration=V2.MetadataTableRecordExpiration(expiration="ENABLED", days=30),
                    encryption_configuration=V2.MetadataTableEncryptionConfiguration(sse_algorithm="AES256"),
                ),
            )
        ),
    ),
    (
        "PutBucketStorageQuota",
        ops.PutBucketStorageQuota(bucket=BUCKET, quota_configuration={"storage_quota": 100, "mode": "Strict"}),
        lambda c: c.put_bucket_storage_quota(
            V2.PutBucketStorageQuotaRequest(
                bucket=BUCKET, quota_configuration=V2.QuotaConfiguration(storage_quota=100, mode="Strict")
            )
        ),
    ),
    (
        "GetBucketStorageQuota",
        ops.GetBucketStorageQuota(bucket=BUCKET),
        lambda c: c.get_bucket_storage_quota(V2.GetBucketStorageQuotaRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketStorageQuota",
        ops.DeleteBucketStorageQuota(bucket=BUCKET),
        lambda c: c.delete_bucket_storage_quota(V2.DeleteBucketStorageQuotaRequest(bucket=BUCKET)),
    ),
]

NOT_IN_V2 = {
    # LiveChannel and AsyncFetch: compared with ali-oss.
    "PutLiveChannel",
    "GetLiveChannelInfo",
    "GetLiveChannelStat",
    "PutLiveChannelStatus",
    "ListLiveChannel",
    "GetLiveChannelHistory",
    "PostVodPlaylist",
    "DeleteLiveChannel",
    "PostAsyncFetch",
    "GetAsyncFetch",
    # Object FC access points: in the Go v2 SDK only (and not in ali-oss 6.23.0).
    "CreateAccessPointForObjectProcess",
    "GetAccessPointForObjectProcess",
    "ListAccessPointsForObjectProcess",
    "DeleteAccessPointForObjectProcess",
    "GetAccessPointConfigForObjectProcess",
    "PutAccessPointConfigForObjectProcess",
    "PutAccessPointPolicyForObjectProcess",
    "GetAccessPointPolicyForObjectProcess",
    "DeleteAccessPointPolicyForObjectProcess",
    "WriteGetObjectResponse",
}
