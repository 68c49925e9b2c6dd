"""Differential cases: inventory, replication, WORM, public access blocks, transfer
acceleration, HTTPS config, CNAME, styles, access monitor, archive direct read, resource
group."""

from diff_common import BUCKET, V2

from ossio import ops

# ---- inventory ----------------------------------------------------------------------------

INVENTORY = {
    "included_object_versions": "All",
    "optional_fields": {"fields": ["Size", "LastModifiedDate", "ETag", "StorageClass", "Crc64"]},
    "id": "report1",
    "is_enabled": True,
    "destination": {
        "oss_bucket_destination": {
            "format": "CSV",
            "account_id": "1000000000000000",
            "role_arn": "acs:ram::1000000000000000:role/AliyunOSSRole",
            "bucket": "acs:oss:::destbucket",
            "prefix": "inventory/",
            "encryption": {"sse_kms": {"key_id": "kms-key-1"}},
        }
    },
    "schedule": {"frequency": "Monthly", "day_of_month": 15},
    "filter": {
        "lower_size_bound": 1024,
        "upper_size_bound": 1048576,
        "storage_class": "Standard,IA",
        "prefix": "logs/",
        "last_modify_begin_time_stamp": 1637883649,
        "last_modify_end_time_stamp": 1638347592,
    },
    "incremental_inventory": {
        "is_enabled": True,
        "schedule": {"frequency": 600},
        "optional_fields": {"fields": ["SequenceNumber", "RecordType", "Size"]},
    },
}


def v2_inventory(once: bool = False) -> "V2.InventoryConfiguration":
    f = INVENTORY["filter"]
    d = INVENTORY["destination"]["oss_bucket_destination"]
    inc = INVENTORY["incremental_inventory"]
    return V2.InventoryConfiguration(
        included_object_versions="Current" if once else "All",
        optional_fields=V2.OptionalFields(fields=INVENTORY["optional_fields"]["fields"]),
        id="report1",
        is_enabled=True,
        destination=V2.InventoryDestination(
            oss_bucket_destination=V2.InventoryOSSBucketDestination(
                format="CSV",
                account_id=d["account_id"],
                role_arn=d["role_arn"],
                bucket=d["bucket"],
                prefix=d["prefix"],
                encryption=V2.InventoryEncryption(sse_kms=V2.SSEKMS(key_id="kms-key-1")),
            )
        ),
        schedule=V2.InventorySchedule(frequency="Once", auto_delete=True)
        if once
        else V2.InventorySchedule(frequency="Monthly", day_of_month=15),
        filter=None if once else V2.InventoryFilter(**f),
        incremental_inventory=None
        if once
        else V2.IncrementalInventory(
            is_enabled=True,
            schedule=V2.IncrementInventorySchedule(frequency=600),
            optional_fields=V2.OptionalFields(fields=inc["optional_fields"]["fields"]),
        ),
    )


# SSE-OSS is an empty element: the SDK writes `<SSE-OSS />`, ossio `<SSE-OSS></SSE-OSS>` (the
# same document, other bytes, so another Content-MD5); its case is a unit test in
# bucket_inventory.rs. Here: a `Once` schedule, without a filter and an incremental inventory.
INVENTORY_ONCE = {
    **{k: v for k, v in INVENTORY.items() if k not in ("filter", "incremental_inventory")},
    "included_object_versions": "Current",
    "schedule": {"frequency": "Once", "auto_delete": True},
}

CASES = [
    (
        "PutBucketInventory",
        ops.PutBucketInventory(bucket=BUCKET, inventory_id="report1", inventory_configuration=INVENTORY),
        lambda c: c.put_bucket_inventory(
            V2.PutBucketInventoryRequest(bucket=BUCKET, inventory_id="report1", inventory_configuration=v2_inventory())
        ),
    ),
    (
        "PutBucketInventory",
        ops.PutBucketInventory(bucket=BUCKET, inventory_id="report1", inventory_configuration=INVENTORY_ONCE),
        lambda c: c.put_bucket_inventory(
            V2.PutBucketInventoryRequest(
                bucket=BUCKET, inventory_id="report1", inventory_configuration=v2_inventory(once=True)
            )
        ),
    ),
    (
        "GetBucketInventory",
        ops.GetBucketInventory(bucket=BUCKET, inventory_id="report1"),
        lambda c: c.get_bucket_inventory(V2.GetBucketInventoryRequest(bucket=BUCKET, inventory_id="report1")),
    ),
    (
        "ListBucketInventory",
        ops.ListBucketInventory(bucket=BUCKET, continuation_token="token-2"),
        lambda c: c.list_bucket_inventory(V2.ListBucketInventoryRequest(bucket=BUCKET, continuation_token="token-2")),
    ),
    (
        "ListBucketInventory",
        ops.ListBucketInventory(bucket=BUCKET),
        lambda c: c.list_bucket_inventory(V2.ListBucketInventoryRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketInventory",
        ops.DeleteBucketInventory(bucket=BUCKET, inventory_id="report1"),
        lambda c: c.delete_bucket_inventory(V2.DeleteBucketInventoryRequest(bucket=BUCKET, inventory_id="report1")),
    ),
]

# ---- replication --------------------------------------------------------------------------

RULE = {
    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
    "rtc": {"status": "enabled"},
    "destination": {"bucket": "destbucket", "location": "oss-cn-beijing", "transfer_type": "oss_acc"},
    "historical_object_replication": "enabled",
    "sync_role": "aliyunramrole",
    "encryption_configuration": {"replica_kms_key_id": "c4d49f85-ee30-426b-a5ed-95e9139d****"},
    "id": "rule-1",
    "prefix_set": {"prefixs": ["source1", "video/"]},
    "action": "PUT",
}

V2_RULE = V2.ReplicationRule(
    source_selection_criteria=V2.ReplicationSourceSelectionCriteria(
        sse_kms_encrypted_objects=V2.SseKmsEncryptedObjects(status="Enabled")
    ),
    rtc=V2.ReplicationTimeControl(status="enabled"),
    destination=V2.ReplicationDestination(bucket="destbucket", location="oss-cn-beijing", transfer_type="oss_acc"),
    historical_object_replication="enabled",
    sync_role="aliyunramrole",
    encryption_configuration=V2.ReplicationEncryptionConfiguration(
        replica_kms_key_id="c4d49f85-ee30-426b-a5ed-95e9139d****"
    ),
    id="rule-1",
    prefix_set=V2.ReplicationPrefixSet(prefixs=["source1", "video/"]),
    action="PUT",
)

CASES += [
    (
        "PutBucketReplication",
        ops.PutBucketReplication(bucket=BUCKET, replication_configuration={"rules": [RULE]}),
        lambda c: c.put_bucket_replication(
            V2.PutBucketReplicationRequest(
                bucket=BUCKET, replication_configuration=V2.ReplicationConfiguration(rules=[V2_RULE])
            )
        ),
    ),
    (
        "PutBucketReplication",
        ops.PutBucketReplication(
            bucket=BUCKET,
            replication_configuration={
                "rules": [{"destination": {"bucket": "destbucket", "location": "oss-cn-beijing"}}]
            },
        ),
        lambda c: c.put_bucket_replication(
            V2.PutBucketReplicationRequest(
                bucket=BUCKET,
                replication_configuration=V2.ReplicationConfiguration(
                    rules=[
                        V2.ReplicationRule(
                            destination=V2.ReplicationDestination(bucket="destbucket", location="oss-cn-beijing")
                        )
                    ]
                ),
            )
        ),
    ),
    (
        "GetBucketReplication",
        ops.GetBucketReplication(bucket=BUCKET),
        lambda c: c.get_bucket_replication(V2.GetBucketReplicationRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketReplication",
        ops.DeleteBucketReplication(bucket=BUCKET, replication_rules={"ids": ["rule-1"]}),
        lambda c: c.delete_bucket_replication(
            V2.DeleteBucketReplicationRequest(bucket=BUCKET, replication_rules=V2.ReplicationRules(ids=["rule-1"]))
        ),
    ),
    (
        "GetBucketReplicationLocation",
        ops.GetBucketReplicationLocation(bucket=BUCKET),
        lambda c: c.get_bucket_replication_location(V2.GetBucketReplicationLocationRequest(bucket=BUCKET)),
    ),
    (
        "GetBucketReplicationProgress",
        ops.GetBucketReplicationProgress(bucket=BUCKET, rule_id="rule-1"),
        lambda c: c.get_bucket_replication_progress(
            V2.GetBucketReplicationProgressRequest(bucket=BUCKET, rule_id="rule-1")
        ),
    ),
    (
        "PutBucketRtc",
        ops.PutBucketRtc(bucket=BUCKET, rtc_configuration={"rtc": {"status": "enabled"}, "id": "rule-1"}),
        lambda c: c.put_bucket_rtc(
            V2.PutBucketRtcRequest(
                bucket=BUCKET,
                rtc_configuration=V2.RtcConfiguration(rtc=V2.ReplicationTimeControl(status="enabled"), id="rule-1"),
            )
        ),
    ),
]

# ---- WORM ---------------------------------------------------------------------------------

CASES += [
    (
        "InitiateBucketWorm",
        ops.InitiateBucketWorm(bucket=BUCKET, initiate_worm_configuration={"retention_period_in_days": 365}),
        lambda c: c.initiate_bucket_worm(
            V2.InitiateBucketWormRequest(
                bucket=BUCKET, initiate_worm_configuration=V2.InitiateWormConfiguration(retention_period_in_days=365)
            )
        ),
    ),
    (
        "AbortBucketWorm",
        ops.AbortBucketWorm(bucket=BUCKET),
        lambda c: c.abort_bucket_worm(V2.AbortBucketWormRequest(bucket=BUCKET)),
    ),
    (
        "CompleteBucketWorm",
        ops.CompleteBucketWorm(bucket=BUCKET, worm_id="1666E2CFB2B3418****"),
        lambda c: c.complete_bucket_worm(V2.CompleteBucketWormRequest(bucket=BUCKET, worm_id="1666E2CFB2B3418****")),
    ),
    (
        "ExtendBucketWorm",
        ops.ExtendBucketWorm(
            bucket=BUCKET, worm_id="1666E2CFB2B3418****", extend_worm_configuration={"retention_period_in_days": 730}
        ),
        lambda c: c.extend_bucket_worm(
            V2.ExtendBucketWormRequest(
                bucket=BUCKET,
                worm_id="1666E2CFB2B3418****",
                extend_worm_configuration=V2.ExtendWormConfiguration(retention_period_in_days=730),
            )
        ),
    ),
    (
        "GetBucketWorm",
        ops.GetBucketWorm(bucket=BUCKET),
        lambda c: c.get_bucket_worm(V2.GetBucketWormRequest(bucket=BUCKET)),
    ),
]

# ---- object-level retention (object WORM) -------------------------------------------------

CASES += [
    (
        "PutBucketObjectWormConfiguration",
        ops.PutBucketObjectWormConfiguration(
            bucket=BUCKET,
            object_worm_configuration={
                "object_worm_enabled": "Enabled",
                "rule": {"default_retention": {"mode": "GOVERNANCE", "days": 30}},
            },
        ),
        lambda c: c.put_bucket_object_worm_configuration(
            V2.PutBucketObjectWormConfigurationRequest(
                bucket=BUCKET,
                object_worm_configuration=V2.ObjectWormConfiguration(
                    object_worm_enabled="Enabled",
                    rule=V2.ObjectWormConfigurationRule(
                        default_retention=V2.ObjectWormConfigurationRuleDefaultRetention(mode="GOVERNANCE", days=30)
                    ),
                ),
            )
        ),
    ),
    (
        "PutBucketObjectWormConfiguration",
        ops.PutBucketObjectWormConfiguration(
            bucket=BUCKET,
            object_worm_configuration={
                "object_worm_enabled": "Enabled",
                "rule": {"default_retention": {"mode": "COMPLIANCE", "years": 2}},
            },
        ),
        lambda c: c.put_bucket_object_worm_configuration(
            V2.PutBucketObjectWormConfigurationRequest(
                bucket=BUCKET,
                object_worm_configuration=V2.ObjectWormConfiguration(
                    object_worm_enabled="Enabled",
                    rule=V2.ObjectWormConfigurationRule(
                        default_retention=V2.ObjectWormConfigurationRuleDefaultRetention(mode="COMPLIANCE", years=2)
                    ),
                ),
            )
        ),
    ),
    (
        "GetBucketObjectWormConfiguration",
        ops.GetBucketObjectWormConfiguration(bucket=BUCKET),
        lambda c: c.get_bucket_object_worm_configuration(V2.GetBucketObjectWormConfigurationRequest(bucket=BUCKET)),
    ),
]

# ---- public access blocks -----------------------------------------------------------------

CASES += [
    (
        "PutBucketPublicAccessBlock",
        ops.PutBucketPublicAccessBlock(
            bucket=BUCKET, public_access_block_configuration={"block_public_access": True}
        ),
        lambda c: c.put_bucket_public_access_block(
            V2.PutBucketPublicAccessBlockRequest(
                bucket=BUCKET,
                public_access_block_configuration=V2.PublicAccessBlockConfiguration(block_public_access=True),
            )
        ),
    ),
    (
        "GetBucketPublicAccessBlock",
        ops.GetBucketPublicAccessBlock(bucket=BUCKET),
        lambda c: c.get_bucket_public_access_block(V2.GetBucketPublicAccessBlockRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketPublicAccessBlock",
        ops.DeleteBucketPublicAccessBlock(bucket=BUCKET),
        lambda c: c.delete_bucket_public_access_block(V2.DeleteBucketPublicAccessBlockRequest(bucket=BUCKET)),
    ),
    (
        "PutPublicAccessBlock",
        ops.PutPublicAccessBlock(public_access_block_configuration={"block_public_access": False}),
        lambda c: c.put_public_access_block(
            V2.PutPublicAccessBlockRequest(
                public_access_block_configuration=V2.PublicAccessBlockConfiguration(block_public_access=False)
            )
        ),
    ),
    (
        "GetPublicAccessBlock",
        ops.GetPublicAccessBlock(),
        lambda c: c.get_public_access_block(V2.GetPublicAccessBlockRequest()),
    ),
    (
        "DeletePublicAccessBlock",
        ops.DeletePublicAccessBlock(),
        lambda c: c.delete_public_access_block(V2.DeletePublicAccessBlockRequest()),
    ),
]

# ---- transfer acceleration ----------------------------------------------------------------

CASES += [
    (
        "PutBucketTransferAcceleration",
        ops.PutBucketTransferAcceleration(bucket=BUCKET, transfer_acceleration_configuration={"enabled": True}),
        lambda c: c.put_bucket_transfer_acceleration(
            V2.PutBucketTransferAccelerationRequest(
                bucket=BUCKET, transfer_acceleration_configuration=V2.TransferAccelerationConfiguration(enabled=True)
            )
        ),
    ),
    (
        "GetBucketTransferAcceleration",
        ops.GetBucketTransferAcceleration(bucket=BUCKET),
        lambda c: c.get_bucket_transfer_acceleration(V2.GetBucketTransferAccelerationRequest(bucket=BUCKET)),
    ),
]

# ---- access monitor -----------------------------------------------------------------------

CASES += [
    (
        "PutBucketAccessMonitor",
        ops.PutBucketAccessMonitor(bucket=BUCKET, access_monitor_configuration={"status": "Enabled"}),
        lambda c: c.put_bucket_access_monitor(
            V2.PutBucketAccessMonitorRequest(
                bucket=BUCKET, access_monitor_configuration=V2.AccessMonitorConfiguration(status="Enabled")
            )
        ),
    ),
    (
        "GetBucketAccessMonitor",
        ops.GetBucketAccessMonitor(bucket=BUCKET),
        lambda c: c.get_bucket_access_monitor(V2.GetBucketAccessMonitorRequest(bucket=BUCKET)),
    ),
]

# ---- archive direct read ------------------------------------------------------------------

CASES += [
    (
        "PutBucketArchiveDirectRead",
        ops.PutBucketArchiveDirectRead(bucket=BUCKET, archive_direct_read_configuration={"enabled": False}),
        lambda c: c.put_bucket_archive_direct_read(
            V2.PutBucketArchiveDirectReadRequest(
                bucket=BUCKET, archive_direct_read_configuration=V2.ArchiveDirectReadConfiguration(enabled=False)
            )
        ),
    ),
    (
        "GetBucketArchiveDirectRead",
        ops.GetBucketArchiveDirectRead(bucket=BUCKET),
        lambda c: c.get_bucket_archive_direct_read(V2.GetBucketArchiveDirectReadRequest(bucket=BUCKET)),
    ),
]

# ---- resource group -----------------------------------------------------------------------

CASES += [
    (
        "PutBucketResourceGroup",
        ops.PutBucketResourceGroup(
            bucket=BUCKET, bucket_resource_group_configuration={"resource_group_id": "rg-aek27tc********"}
        ),
        lambda c: c.put_bucket_resource_group(
            V2.PutBucketResourceGroupRequest(
                bucket=BUCKET,
                bucket_resource_group_configuration=V2.BucketResourceGroupConfiguration(
                    resource_group_id="rg-aek27tc********"
                ),
            )
        ),
    ),
    (
        "GetBucketResourceGroup",
        ops.GetBucketResourceGroup(bucket=BUCKET),
        lambda c: c.get_bucket_resource_group(V2.GetBucketResourceGroupRequest(bucket=BUCKET)),
    ),
]

# ---- HTTPS config -------------------------------------------------------------------------

CASES += [
    (
        "PutBucketHttpsConfig",
        ops.PutBucketHttpsConfig(
            bucket=BUCKET,
            https_configuration={
                "tls": {"enable": True, "tls_versions": ["TLSv1.2", "TLSv1.3"]},
                "cipher_suite": {
                    "enable": True,
                    "strong_cipher_suite": False,
                    "custom_cipher_suites": ["ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-GCM-SHA256"],
                    "tls13_custom_cipher_suites": ["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"],
                },
            },
        ),
        lambda c: c.put_bucket_https_config(
            V2.PutBucketHttpsConfigRequest(
                bucket=BUCKET,
                https_configuration=V2.HttpsConfiguration(
                    tls=V2.TLS(enable=True, tls_versions=["TLSv1.2", "TLSv1.3"]),
                    cipher_suite=V2.CipherSuite(
                        enable=True,
                        strong_cipher_suite=False,
                        custom_cipher_suites=["ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-GCM-SHA256"],
                        tls13_custom_cipher_suites=["TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"],
                    ),
                ),
            )
        ),
    ),
    (
        "GetBucketHttpsConfig",
        ops.GetBucketHttpsConfig(bucket=BUCKET),
        lambda c: c.get_bucket_https_config(V2.GetBucketHttpsConfigRequest(bucket=BUCKET)),
    ),
]

# ---- CNAME --------------------------------------------------------------------------------

CNAME = {
    "cname": {
        "domain": "example.com",
        "certificate_configuration": {
            "certificate": "-----BEGIN CERTIFICATE-----\nMIIDhDCCAmwCCQCFs8ixARsyrDANBgkqhkiG9w0BAQsFADCBgzELMAkGA1UEBhMC\n-----END CERTIFICATE-----",
            "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCl8GtQ\n-----END PRIVATE KEY-----",
            "previous_cert_id": "493****-cn-hangzhou",
            "force": True,
            "delete_certificate": False,
            "cert_id": "493****-cn-hangzhou",
        },
        "is_wild_card": False,
    }
}


def v2_cname() -> "V2.BucketCnameConfiguration":
    cc = CNAME["cname"]["certificate_configuration"]
    return V2.BucketCnameConfiguration(
        cname=V2.Cname(
            domain="example.com",
            certificate_configuration=V2.CertificateConfiguration(**cc),
            is_wild_card=False,
        )
    )


CASES += [
    (
        "PutCname",
        ops.PutCname(bucket=BUCKET, bucket_cname_configuration=CNAME),
        lambda c: c.put_cname(V2.PutCnameRequest(bucket=BUCKET, bucket_cname_configuration=v2_cname())),
    ),
    (
        "PutCname",
        ops.PutCname(bucket=BUCKET, bucket_cname_configuration={"cname": {"domain": "*.example.com", "is_wild_card": True}}),
        lambda c: c.put_cname(
            V2.PutCnameRequest(
                bucket=BUCKET,
                bucket_cname_configuration=V2.BucketCnameConfiguration(
                    cname=V2.Cname(domain="*.example.com", is_wild_card=True)
                ),
            )
        ),
    ),
    ("ListCname", ops.ListCname(bucket=BUCKET), lambda c: c.list_cname(V2.ListCnameRequest(bucket=BUCKET))),
    (
        "DeleteCname",
        ops.DeleteCname(bucket=BUCKET, bucket_cname_configuration={"cname": {"domain": "example.com"}}),
        lambda c: c.delete_cname(
            V2.DeleteCnameRequest(
                bucket=BUCKET, bucket_cname_configuration=V2.BucketCnameConfiguration(cname=V2.Cname(domain="example.com"))
            )
        ),
    ),
    (
        "CreateCnameToken",
        ops.CreateCnameToken(bucket=BUCKET, bucket_cname_configuration={"cname": {"domain": "example.com"}}),
        lambda c: c.create_cname_token(
            V2.CreateCnameTokenRequest(
                bucket=BUCKET, bucket_cname_configuration=V2.BucketCnameConfiguration(cname=V2.Cname(domain="example.com"))
            )
        ),
    ),
    (
        "GetCnameToken",
        ops.GetCnameToken(bucket=BUCKET, cname="example.com"),
        lambda c: c.get_cname_token(V2.GetCnameTokenRequest(bucket=BUCKET, cname="example.com")),
    ),
    (
        "GetCnameToken",
        ops.GetCnameToken(bucket=BUCKET, cname="*.example.com", wildcard=True),
        lambda c: c.get_cname_token(V2.GetCnameTokenRequest(bucket=BUCKET, cname="*.example.com", wildcard=True)),
    ),
]

# ---- styles -------------------------------------------------------------------------------

CASES += [
    (
        "PutStyle",
        ops.PutStyle(
            bucket=BUCKET, style_name="small", category="image", style={"content": "image/resize,p_63/quality,q_90"}
        ),
        lambda c: c.put_style(
            V2.PutStyleRequest(
                bucket=BUCKET,
                style_name="small",
                category="image",
                style=V2.StyleContent(content="image/resize,p_63/quality,q_90"),
            )
        ),
    ),
    (
        "GetStyle",
        ops.GetStyle(bucket=BUCKET, style_name="small"),
        lambda c: c.get_style(V2.GetStyleRequest(bucket=BUCKET, style_name="small")),
    ),
    ("ListStyle", ops.ListStyle(bucket=BUCKET), lambda c: c.list_style(V2.ListStyleRequest(bucket=BUCKET))),
    (
        "DeleteStyle",
        ops.DeleteStyle(bucket=BUCKET, style_name="small"),
        lambda c: c.delete_style(V2.DeleteStyleRequest(bucket=BUCKET, style_name="small")),
    ),
]
