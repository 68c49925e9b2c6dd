"""Differential cases: bucket configuration (CORS, lifecycle, policy, referer, website,
logging, encryption, tags, redundancy transitions, overwrite configuration)."""

from diff_common import BUCKET, KEY, V2

from ossio import ops

CORS_RULES = [
    {
        "allowed_origins": ["https://www.example.com", "https://*.example.org"],
        "allowed_methods": ["GET", "PUT", "HEAD"],
        "allowed_headers": ["Authorization", "x-oss-*"],
        "expose_headers": ["ETag", "x-oss-request-id"],
        "max_age_seconds": 600,
    },
    {"allowed_origins": ["*"], "allowed_methods": ["POST", "DELETE"]},
]

CASES = [
    # ---- CORS -------------------------------------------------------------------------
    (
        "PutBucketCors",
        ops.PutBucketCors(
            bucket=BUCKET, cors_configuration={"cors_rules": CORS_RULES, "response_vary": True}
        ),
        lambda c: c.put_bucket_cors(
            V2.PutBucketCorsRequest(
                bucket=BUCKET,
                cors_configuration=V2.CORSConfiguration(
                    cors_rules=[V2.CORSRule(**r) for r in CORS_RULES], response_vary=True
                ),
            )
        ),
    ),
    (
        "GetBucketCors",
        ops.GetBucketCors(bucket=BUCKET),
        lambda c: c.get_bucket_cors(V2.GetBucketCorsRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketCors",
        ops.DeleteBucketCors(bucket=BUCKET),
        lambda c: c.delete_bucket_cors(V2.DeleteBucketCorsRequest(bucket=BUCKET)),
    ),
    (
        "OptionObject",
        ops.OptionObject(
            bucket=BUCKET,
            key=KEY,
            origin="https://www.example.com",
            access_control_request_method="PUT",
            access_control_request_headers="authorization,x-oss-meta-a",
        ),
        lambda c: c.option_object(
            V2.OptionObjectRequest(
                bucket=BUCKET,
                key=KEY,
                origin="https://www.example.com",
                access_control_request_method="PUT",
                access_control_request_headers="authorization,x-oss-meta-a",
            )
        ),
    ),
]

LIFECYCLE_RULES = [
    {
        "id": "archive-logs",
        "prefix": "logs/",
        "status": "Enabled",
        "tags": [{"key": "team", "value": "storage"}, {"key": "tier", "value": "cold"}],
        "filter": {
            "object_size_greater_than": 1024,
            "object_size_less_than": 1073741824,
            "nots": [{"prefix": "logs/keep/", "tag": {"key": "keep", "value": "true"}}],
        },
        "expiration": {"days": 365},
        "transitions": [
            {"days": 30, "storage_class": "IA", "is_access_time": True, "return_to_std_when_visit": True, "allow_small_file": False},
            {"days": 90, "storage_class": "Archive"},
        ],
        "noncurrent_version_expiration": {"noncurrent_days": 60},
        "noncurrent_version_transitions": [
            {"noncurrent_days": 30, "storage_class": "ColdArchive", "is_access_time": False, "return_to_std_when_visit": False, "allow_small_file": True},
        ],
        "abort_multipart_upload": {"days": 7},
    },
    {
        "id": "dated",
        "prefix": "tmp/",
        "status": "Disabled",
        "expiration": {"created_before_date": "2024-01-02T00:00:00.000Z"},
        "transitions": [{"created_before_date": "2023-06-01T00:00:00.000Z", "storage_class": "DeepColdArchive"}],
        "abort_multipart_upload": {"created_before_date": "2023-12-01T00:00:00.000Z"},
    },
    {"id": "markers", "status": "Enabled", "expiration": {"expired_object_delete_marker": True}},
]


def _v2_lifecycle_rule(r):
    r = dict(r)
    tags = [V2.Tag(**t) for t in r.pop("tags", [])]
    f = r.pop("filter", None)
    if f:
        nots = [V2.LifecycleRuleNot(prefix=n["prefix"], tag=V2.Tag(**n["tag"])) for n in f["nots"]]
        f = V2.LifecycleRuleFilter(
            object_size_greater_than=f["object_size_greater_than"], object_size_less_than=f["object_size_less_than"], nots=nots
        )
    nve = r.pop("noncurrent_version_expiration", None)
    return V2.LifecycleRule(
        tags=tags or None,
        filter=f,
        expiration=V2.LifecycleRuleExpiration(**r.pop("expiration")),
        transitions=[V2.LifecycleRuleTransition(**t) for t in r.pop("transitions", [])] or None,
        noncurrent_version_expiration=V2.NoncurrentVersionExpiration(**nve) if nve else None,
        noncurrent_version_transitions=[V2.NoncurrentVersionTransition(**t) for t in r.pop("noncurrent_version_transitions", [])]
        or None,
        abort_multipart_upload=V2.LifecycleRuleAbortMultipartUpload(**r.pop("abort_multipart_upload"))
        if "abort_multipart_upload" in r
        else None,
        **r,
    )


BUCKET_TAGS = [{"key": "team", "value": "storage"}, {"key": "cost-center", "value": "cc-1024"}, {"key": "env", "value": "prod"}]

CASES += [
    # ---- lifecycle --------------------------------------------------------------------
    (
        "PutBucketLifecycle",
        ops.PutBucketLifecycle(
            bucket=BUCKET, allow_same_action_overlap="true", lifecycle_configuration={"rules": LIFECYCLE_RULES}
        ),
        lambda c: c.put_bucket_lifecycle(
            V2.PutBucketLifecycleRequest(
                bucket=BUCKET,
                allow_same_action_overlap="true",
                lifecycle_configuration=V2.LifecycleConfiguration(rules=[_v2_lifecycle_rule(r) for r in LIFECYCLE_RULES]),
            )
        ),
    ),
    (
        "GetBucketLifecycle",
        ops.GetBucketLifecycle(bucket=BUCKET),
        lambda c: c.get_bucket_lifecycle(V2.GetBucketLifecycleRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketLifecycle",
        ops.DeleteBucketLifecycle(bucket=BUCKET),
        lambda c: c.delete_bucket_lifecycle(V2.DeleteBucketLifecycleRequest(bucket=BUCKET)),
    ),
    # ---- tags -------------------------------------------------------------------------
    (
        "PutBucketTags",
        ops.PutBucketTags(bucket=BUCKET, tagging={"tag_set": {"tags": BUCKET_TAGS}}),
        lambda c: c.put_bucket_tags(
            V2.PutBucketTagsRequest(
                bucket=BUCKET, tagging=V2.Tagging(tag_set=V2.TagSet(tags=[V2.Tag(**t) for t in BUCKET_TAGS]))
            )
        ),
    ),
    (
        "GetBucketTags",
        ops.GetBucketTags(bucket=BUCKET),
        lambda c: c.get_bucket_tags(V2.GetBucketTagsRequest(bucket=BUCKET)),
    ),
    # alibabacloud-oss-v2 1.4.1 (Python) has no key list; the Go SDK's `Tagging` query is
    # compared with ali-oss's deleteBucketTags(name, keys) in bucket_a.js.
    (
        "DeleteBucketTags",
        ops.DeleteBucketTags(bucket=BUCKET),
        lambda c: c.delete_bucket_tags(V2.DeleteBucketTagsRequest(bucket=BUCKET)),
    ),
]

POLICY = (
    '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject","oss:ListObjects"],'
    '"Principal":["20214760404935xxxx"],"Resource":["acs:oss:*:174649585760xxxx:examplebucket/*"],'
    '"Condition":{"IpAddress":{"acs:SourceIp":["192.168.0.0/16"]}}}]}'
)
OVERWRITE_RULES = [
    {
        "action": "forbid",
        "prefix": "logs/",
        "suffix": ".log",
        "principals": {"principals": ["27737962156157xxxx", "arn:sts::1:assumed-role/r/*"]},
        "id": "protect-logs",
    },
    {"action": "forbid", "prefix": "backup/", "id": "protect-backup"},
]

CASES += [
    # ---- policy -----------------------------------------------------------------------
    (
        "PutBucketPolicy",
        ops.PutBucketPolicy(bucket=BUCKET, body=POLICY),
        lambda c: c.put_bucket_policy(V2.PutBucketPolicyRequest(bucket=BUCKET, body=POLICY)),
    ),
    (
        "GetBucketPolicy",
        ops.GetBucketPolicy(bucket=BUCKET),
        lambda c: c.get_bucket_policy(V2.GetBucketPolicyRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketPolicy",
        ops.DeleteBucketPolicy(bucket=BUCKET),
        lambda c: c.delete_bucket_policy(V2.DeleteBucketPolicyRequest(bucket=BUCKET)),
    ),
    (
        "GetBucketPolicyStatus",
        ops.GetBucketPolicyStatus(bucket=BUCKET),
        lambda c: c.get_bucket_policy_status(V2.GetBucketPolicyStatusRequest(bucket=BUCKET)),
    ),
    # ---- referer ----------------------------------------------------------------------
    (
        "PutBucketReferer",
        ops.PutBucketReferer(
            bucket=BUCKET,
            referer_configuration={
                "allow_empty_referer": False,
                "allow_truncate_query_string": True,
                "truncate_path": True,
                "referer_list": {"referers": ["http://www.aliyun.com", "https://www.?.aliyuncs.com", "http://www.*.com"]},
                "referer_blacklist": {"referers": ["http://www.refuse.com", "https://*.hack.com"]},
            },
        ),
        lambda c: c.put_bucket_referer(
            V2.PutBucketRefererRequest(
                bucket=BUCKET,
                referer_configuration=V2.RefererConfiguration(
                    allow_empty_referer=False,
                    allow_truncate_query_string=True,
                    truncate_path=True,
                    referer_list=V2.RefererList(
                        referers=["http://www.aliyun.com", "https://www.?.aliyuncs.com", "http://www.*.com"]
                    ),
                    referer_blacklist=V2.RefererBlacklist(referers=["http://www.refuse.com", "https://*.hack.com"]),
                ),
            )
        ),
    ),
    (
        "GetBucketReferer",
        ops.GetBucketReferer(bucket=BUCKET),
        lambda c: c.get_bucket_referer(V2.GetBucketRefererRequest(bucket=BUCKET)),
    ),
    # ---- encryption -------------------------------------------------------------------
    (
        "PutBucketEncryption",
        ops.PutBucketEncryption(
            bucket=BUCKET,
            server_side_encryption_rule={
                "apply_server_side_encryption_by_default": {
                    "kms_master_key_id": "9468da86-3509-4f8d-a61e-6eab1eac****",
                    "kms_data_encryption": "SM4",
                    "sse_algorithm": "KMS",
                }
            },
        ),
        lambda c: c.put_bucket_encryption(
            V2.PutBucketEncryptionRequest(
                bucket=BUCKET,
                server_side_encryption_rule=V2.ServerSideEncryptionRule(
                    apply_server_side_encryption_by_default=V2.ApplyServerSideEncryptionByDefault(
                        kms_master_key_id="9468da86-3509-4f8d-a61e-6eab1eac****",
                        kms_data_encryption="SM4",
                        sse_algorithm="KMS",
                    )
                ),
            )
        ),
    ),
    (
        "GetBucketEncryption",
        ops.GetBucketEncryption(bucket=BUCKET),
        lambda c: c.get_bucket_encryption(V2.GetBucketEncryptionRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketEncryption",
        ops.DeleteBucketEncryption(bucket=BUCKET),
        lambda c: c.delete_bucket_encryption(V2.DeleteBucketEncryptionRequest(bucket=BUCKET)),
    ),
    # ---- overwrite protection ---------------------------------------------------------
    (
        "PutBucketOverwriteConfig",
        ops.PutBucketOverwriteConfig(bucket=BUCKET, overwrite_configuration={"rules": OVERWRITE_RULES}),
        lambda c: c.put_bucket_overwrite_config(
            V2.PutBucketOverwriteConfigRequest(
                bucket=BUCKET,
                overwrite_configuration=V2.OverwriteConfiguration(
                    rules=[
                        V2.OverwriteRule(
                            **{k: v for k, v in r.items() if k != "principals"},
                            principals=V2.OverwritePrincipals(**r["principals"]) if "principals" in r else None,
                        )
                        for r in OVERWRITE_RULES
                    ]
                ),
            )
        ),
    ),
    (
        "GetBucketOverwriteConfig",
        ops.GetBucketOverwriteConfig(bucket=BUCKET),
        lambda c: c.get_bucket_overwrite_config(V2.GetBucketOverwriteConfigRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketOverwriteConfig",
        ops.DeleteBucketOverwriteConfig(bucket=BUCKET),
        lambda c: c.delete_bucket_overwrite_config(V2.DeleteBucketOverwriteConfigRequest(bucket=BUCKET)),
    ),
]

CASES += [
    # ---- logging ----------------------------------------------------------------------
    (
        "PutBucketLogging",
        ops.PutBucketLogging(
            bucket=BUCKET,
            bucket_logging_status={
                "logging_enabled": {
                    "target_bucket": "logbucket",
                    "target_prefix": "access-logs/",
                    "logging_role": "AliyunOSSLoggingDefaultRole",
                }
            },
        ),
        lambda c: c.put_bucket_logging(
            V2.PutBucketLoggingRequest(
                bucket=BUCKET,
                bucket_logging_status=V2.BucketLoggingStatus(
                    logging_enabled=V2.LoggingEnabled(
                        target_bucket="logbucket", target_prefix="access-logs/", logging_role="AliyunOSSLoggingDefaultRole"
                    )
                ),
            )
        ),
    ),
    (
        "GetBucketLogging",
        ops.GetBucketLogging(bucket=BUCKET),
        lambda c: c.get_bucket_logging(V2.GetBucketLoggingRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketLogging",
        ops.DeleteBucketLogging(bucket=BUCKET),
        lambda c: c.delete_bucket_logging(V2.DeleteBucketLoggingRequest(bucket=BUCKET)),
    ),
    (
        "PutUserDefinedLogFieldsConfig",
        ops.PutUserDefinedLogFieldsConfig(
            bucket=BUCKET,
            user_defined_log_fields_configuration={
                "header_set": {"headers": ["x-request-from", "x-client-version", "user-agent"]},
                "param_set": {"parameters": ["from", "trace_id"]},
            },
        ),
        lambda c: c.put_user_defined_log_fields_config(
            V2.PutUserDefinedLogFieldsConfigRequest(
                bucket=BUCKET,
                user_defined_log_fields_configuration=V2.UserDefinedLogFieldsConfiguration(
                    header_set=V2.LoggingHeaderSet(headers=["x-request-from", "x-client-version", "user-agent"]),
                    param_set=V2.LoggingParamSet(parameters=["from", "trace_id"]),
                ),
            )
        ),
    ),
    (
        "GetUserDefinedLogFieldsConfig",
        ops.GetUserDefinedLogFieldsConfig(bucket=BUCKET),
        lambda c: c.get_user_defined_log_fields_config(V2.GetUserDefinedLogFieldsConfigRequest(bucket=BUCKET)),
    ),
    (
        "DeleteUserDefinedLogFieldsConfig",
        ops.DeleteUserDefinedLogFieldsConfig(bucket=BUCKET),
        lambda c: c.delete_user_defined_log_fields_config(V2.DeleteUserDefinedLogFieldsConfigRequest(bucket=BUCKET)),
    ),
    # ---- redundancy type changes ------------------------------------------------------
    (
        "CreateBucketDataRedundancyTransition",
        ops.CreateBucketDataRedundancyTransition(bucket=BUCKET, target_redundancy_type="ZRS"),
        lambda c: c.create_bucket_data_redundancy_transition(
            V2.CreateBucketDataRedundancyTransitionRequest(bucket=BUCKET, target_redundancy_type="ZRS")
        ),
    ),
    (
        "GetBucketDataRedundancyTransition",
        ops.GetBucketDataRedundancyTransition(bucket=BUCKET, redundancy_transition_taskid="4be5beb0f74f490186311b268bf6j****"),
        lambda c: c.get_bucket_data_redundancy_transition(
            V2.GetBucketDataRedundancyTransitionRequest(
                bucket=BUCKET, redundancy_transition_taskid="4be5beb0f74f490186311b268bf6j****"
            )
        ),
    ),
    (
        "DeleteBucketDataRedundancyTransition",
        ops.DeleteBucketDataRedundancyTransition(
            bucket=BUCKET, redundancy_transition_taskid="4be5beb0f74f490186311b268bf6j****"
        ),
        lambda c: c.delete_bucket_data_redundancy_transition(
            V2.DeleteBucketDataRedundancyTransitionRequest(
                bucket=BUCKET, redundancy_transition_taskid="4be5beb0f74f490186311b268bf6j****"
            )
        ),
    ),
    (
        "ListBucketDataRedundancyTransition",
        ops.ListBucketDataRedundancyTransition(bucket=BUCKET),
        lambda c: c.list_bucket_data_redundancy_transition(V2.ListBucketDataRedundancyTransitionRequest(bucket=BUCKET)),
    ),
    (
        "ListUserDataRedundancyTransition",
        ops.ListUserDataRedundancyTransition(max_keys=10, continuation_token="abc"),
        lambda c: c.list_user_data_redundancy_transition(
            V2.ListUserDataRedundancyTransitionRequest(max_keys=10, continuation_token="abc")
        ),
    ),
]

MIRROR_REDIRECT = {
    "mirror_url": "https://origin.example.com/",
    "enable_replace_prefix": False,
    "pass_query_string": True,
    "mirror_headers": {
        "pass_all": False,
        "passs": ["cache-control", "x-custom"],
        "removes": ["x-internal"],
        "sets": [{"key": "x-from", "value": "oss"}, {"key": "x-env", "value": "prod"}],
    },
    "mirror_sni": True,
    "redirect_type": "Mirror",
    "mirror_pass_query_string": True,
    "mirror_follow_redirect": True,
    "mirror_check_md5": False,
    "mirror_pass_original_slashes": False,
    "mirror_allow_video_snapshot": False,
    "mirror_async_status": 302,
    "mirror_taggings": {"taggings": [{"key": "source", "value": "mirror"}]},
    "mirror_auth": {"access_key_id": "AKID", "access_key_secret": "secret", "auth_type": "S3V4", "region": "us-east-1"},
    "mirror_dst_region": "cn-hangzhou",
    "mirror_dst_vpc_id": "vpc-1",
    "mirror_tunnel_id": "tunnel-1",
    "mirror_role": "aliyunossmirrorrole",
    "mirror_using_role": True,
    "mirror_return_headers": {"return_headers": [{"value": "max-age=60", "key": "cache-control"}]},
    "mirror_proxy_pass": False,
    "mirror_is_express_tunnel": False,
    "mirror_dst_slave_vpc_id": "vpc-2",
    "mirror_allow_head_object": True,
    "transparent_mirror_response_codes": "400,403",
    "mirror_save_oss_meta": True,
    "mirror_allow_get_image_info": True,
    "mirror_url_probe": "https://origin.example.com/health",
    "mirror_url_slave": "https://backup.example.com/",
    "mirror_user_last_modified": True,
    "mirror_switch_all_errors": False,
    "mirror_multi_alternates": {
        "mirror_multi_alternates": [
            {
                "mirror_multi_alternate_number": 1,
                "mirror_multi_alternate_url": "https://alt.example.com/",
                "mirror_multi_alternate_vpc_id": "vpc-3",
                "mirror_multi_alternate_dst_region": "cn-shanghai",
            }
        ]
    },
}
EXTERNAL_REDIRECT = {
    "replace_key_prefix_with": "new/",
    "enable_replace_prefix": True,
    "pass_query_string": False,
    "http_redirect_code": 301,
    "protocol": "https",
    "redirect_type": "External",
    "host_name": "www.example.com",
}
ROUTING_RULES = [
    {
        "rule_number": 1,
        "condition": {
            "key_suffix_equals": ".jpg",
            "http_error_code_returned_equals": 404,
            "include_headers": [{"key": "host", "equals": "img.example.com"}, {"key": "x-tier", "starts_with": "a", "ends_with": "z"}],
            "key_prefix_equals": "images/",
        },
        "redirect": MIRROR_REDIRECT,
    },
    {"rule_number": 2, "condition": {"key_prefix_equals": "old/"}, "redirect": EXTERNAL_REDIRECT},
    {"rule_number": 3, "condition": {"key_prefix_equals": "docs/"}, "redirect": {"redirect_type": "Internal", "replace_key_with": "${key}.html"}},
    {"rule_number": 4, "condition": {"key_prefix_equals": "lua/"}, "lua_config": {"script": "test.lua"}},
]


def _v2_redirect(r):
    r = dict(r)
    nested = {
        "mirror_headers": lambda h: V2.MirrorHeaders(
            pass_all=h["pass_all"], passs=h["passs"], removes=h["removes"], sets=[V2.MirrorHeadersSet(**s) for s in h["sets"]]
        ),
        "mirror_taggings": lambda t: V2.MirrorTaggings(taggings=[V2.MirrorTagging(**x) for x in t["taggings"]]),
        "mirror_auth": lambda a: V2.MirrorAuth(**a),
        "mirror_return_headers": lambda h: V2.MirrorReturnHeaders(return_headers=[V2.ReturnHeader(**x) for x in h["return_headers"]]),
        "mirror_multi_alternates": lambda m: V2.MirrorMultiAlternates(
            mirror_multi_alternates=[V2.MirrorMultiAlternate(**x) for x in m["mirror_multi_alternates"]]
        ),
    }
    for k, f in nested.items():
        if k in r:
            r[k] = f(r[k])
    return V2.RoutingRuleRedirect(**r)


def _v2_routing_rule(r):
    cond = dict(r.get("condition") or {})
    if "include_headers" in cond:
        cond["include_headers"] = [V2.RoutingRuleIncludeHeader(**h) for h in cond["include_headers"]]
    return V2.RoutingRule(
        rule_number=r["rule_number"],
        condition=V2.RoutingRuleCondition(**cond) if cond else None,
        redirect=_v2_redirect(r["redirect"]) if "redirect" in r else None,
        lua_config=V2.RoutingRuleLuaConfig(**r["lua_config"]) if "lua_config" in r else None,
    )


CASES += [
    # ---- website ----------------------------------------------------------------------
    (
        "PutBucketWebsite",
        ops.PutBucketWebsite(
            bucket=BUCKET,
            website_configuration={
                "index_document": {"suffix": "index.html", "support_sub_dir": True, "type": 0},
                "error_document": {"key": "error.html", "http_status": 404},
                "routing_rules": {"routing_rules": ROUTING_RULES},
            },
        ),
        lambda c: c.put_bucket_website(
            V2.PutBucketWebsiteRequest(
                bucket=BUCKET,
                website_configuration=V2.WebsiteConfiguration(
                    index_document=V2.IndexDocument(suffix="index.html", support_sub_dir=True, type=0),
                    error_document=V2.ErrorDocument(key="error.html", http_status=404),
                    routing_rules=V2.RoutingRules(routing_rules=[_v2_routing_rule(r) for r in ROUTING_RULES]),
                ),
            )
        ),
    ),
    (
        "GetBucketWebsite",
        ops.GetBucketWebsite(bucket=BUCKET),
        lambda c: c.get_bucket_website(V2.GetBucketWebsiteRequest(bucket=BUCKET)),
    ),
    (
        "DeleteBucketWebsite",
        ops.DeleteBucketWebsite(bucket=BUCKET),
        lambda c: c.delete_bucket_website(V2.DeleteBucketWebsiteRequest(bucket=BUCKET)),
    ),
]

# More shapes: a minimal CORS rule, OSS-managed encryption, logging turned off, a header-only
# log field set, a bare preflight.
CASES += [
    (
        "PutBucketCors",
        ops.PutBucketCors(bucket=BUCKET, cors_configuration={"cors_rules": [{"allowed_origins": ["*"], "allowed_methods": ["GET"]}]}),
        lambda c: c.put_bucket_cors(
            V2.PutBucketCorsRequest(
                bucket=BUCKET,
                cors_configuration=V2.CORSConfiguration(cors_rules=[V2.CORSRule(allowed_origins=["*"], allowed_methods=["GET"])]),
            )
        ),
    ),
    (
        "PutBucketEncryption",
        ops.PutBucketEncryption(
            bucket=BUCKET, server_side_encryption_rule={"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}
        ),
        lambda c: c.put_bucket_encryption(
            V2.PutBucketEncryptionRequest(
                bucket=BUCKET,
                server_side_encryption_rule=V2.ServerSideEncryptionRule(
                    apply_server_side_encryption_by_default=V2.ApplyServerSideEncryptionByDefault(sse_algorithm="AES256")
                ),
            )
        ),
    ),
    (
        "PutUserDefinedLogFieldsConfig",
        ops.PutUserDefinedLogFieldsConfig(
            bucket=BUCKET, user_defined_log_fields_configuration={"header_set": {"headers": ["x-request-from"]}}
        ),
        lambda c: c.put_user_defined_log_fields_config(
            V2.PutUserDefinedLogFieldsConfigRequest(
                bucket=BUCKET,
                user_defined_log_fields_configuration=V2.UserDefinedLogFieldsConfiguration(
                    header_set=V2.LoggingHeaderSet(headers=["x-request-from"])
                ),
            )
        ),
    ),
    (
        "OptionObject",
        ops.OptionObject(bucket=BUCKET, key="index.html", origin="https://www.example.com", access_control_request_method="GET"),
        lambda c: c.option_object(
            V2.OptionObjectRequest(
                bucket=BUCKET, key="index.html", origin="https://www.example.com", access_control_request_method="GET"
            )
        ),
    ),
    (
        "ListUserDataRedundancyTransition",
        ops.ListUserDataRedundancyTransition(),
        lambda c: c.list_user_data_redundancy_transition(V2.ListUserDataRedundancyTransitionRequest()),
    ),
]
