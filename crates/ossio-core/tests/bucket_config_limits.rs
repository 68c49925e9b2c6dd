//! The documented limits of the bucket configuration families are refused before anything
//! is sent, by a validation error that names the field.

use ossio_core::Error;
use ossio_core::ops::*;

fn refused_field<O: Operation>(op: &O) -> String {
    match op.to_request() {
        Err(Error::Validation(v)) => v.field.to_string(),
        Err(other) => panic!("{} refused with {other}", O::NAME),
        Ok(_) => panic!("{} was accepted", O::NAME),
    }
}

fn cors_rule() -> CorsRule {
    CorsRule {
        allowed_origins: vec!["https://www.example.com".into()],
        allowed_methods: vec![CorsMethod::Get],
        ..CorsRule::default()
    }
}

#[test]
fn cors_limits() {
    assert!(
        PutBucketCors::new("examplebucket", vec![cors_rule(); 10])
            .to_request()
            .is_ok()
    );
    let many = PutBucketCors::new("examplebucket", vec![cors_rule(); 11]);
    assert_eq!(refused_field(&many), "cors_rules");
    let no_origin = PutBucketCors::new(
        "examplebucket",
        [CorsRule {
            allowed_origins: vec![],
            ..cors_rule()
        }],
    );
    assert_eq!(refused_field(&no_origin), "allowed_origins");
    let two_wildcards = PutBucketCors::new(
        "examplebucket",
        [CorsRule {
            allowed_origins: vec!["https://*.*.example.com".into()],
            ..cors_rule()
        }],
    );
    assert_eq!(refused_field(&two_wildcards), "allowed_origins");
    let exposed_wildcard = PutBucketCors::new(
        "examplebucket",
        [CorsRule {
            expose_headers: vec!["x-oss-*".into()],
            ..cors_rule()
        }],
    );
    assert_eq!(refused_field(&exposed_wildcard), "expose_headers");
    assert!("PATCH".parse::<CorsMethod>().is_err());
    let mut preflight =
        OptionObject::new("examplebucket", "a.txt", "https://www.example.com", "PUT");
    preflight.origin = None;
    assert_eq!(refused_field(&preflight), "origin");
    let mut preflight =
        OptionObject::new("examplebucket", "a.txt", "https://www.example.com", "PUT");
    preflight.access_control_request_method = Some(String::new());
    assert_eq!(refused_field(&preflight), "access_control_request_method");
}

fn lifecycle_rule() -> LifecycleRule {
    LifecycleRule {
        prefix: Some("logs/".into()),
        expiration: Some(LifecycleRuleExpiration {
            days: Some(30),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[test]
fn lifecycle_limits() {
    let ok = PutBucketLifecycle::new("examplebucket", vec![lifecycle_rule(); 1000]);
    assert!(ok.to_request().is_ok());
    let many = PutBucketLifecycle::new("examplebucket", vec![lifecycle_rule(); 1001]);
    assert_eq!(refused_field(&many), "rules");
    let zero_days = PutBucketLifecycle::new(
        "examplebucket",
        [LifecycleRule {
            expiration: Some(LifecycleRuleExpiration {
                days: Some(0),
                ..Default::default()
            }),
            ..lifecycle_rule()
        }],
    );
    assert_eq!(refused_field(&zero_days), "days");
    let bad_date = PutBucketLifecycle::new(
        "examplebucket",
        [LifecycleRule {
            transitions: vec![LifecycleRuleTransition {
                created_before_date: Some("2024-01-02".into()),
                storage_class: Some(StorageClass::Ia),
                ..Default::default()
            }],
            ..lifecycle_rule()
        }],
    );
    assert_eq!(refused_field(&bad_date), "created_before_date");
    let long_id = PutBucketLifecycle::new(
        "examplebucket",
        [LifecycleRule {
            id: Some("x".repeat(256)),
            ..lifecycle_rule()
        }],
    );
    assert_eq!(refused_field(&long_id), "id");
    let empty_window = PutBucketLifecycle::new(
        "examplebucket",
        [LifecycleRule {
            filter: Some(LifecycleRuleFilter {
                object_size_greater_than: Some(1024),
                object_size_less_than: Some(1024),
                nots: vec![],
            }),
            ..lifecycle_rule()
        }],
    );
    assert_eq!(refused_field(&empty_window), "object_size_less_than");
}

#[test]
fn tag_limits() {
    let tags = |n: usize| (0..n).map(|i| Tag::new(format!("k{i}"), "v"));
    assert!(
        PutBucketTags::new("examplebucket", tags(20))
            .to_request()
            .is_ok()
    );
    assert_eq!(
        refused_field(&PutBucketTags::new("examplebucket", tags(21))),
        "tags"
    );
    let long_key = PutBucketTags::new("examplebucket", [Tag::new("k".repeat(65), "v")]);
    assert_eq!(refused_field(&long_key), "key");
    let long_value = PutBucketTags::new("examplebucket", [Tag::new("k", "v".repeat(129))]);
    assert_eq!(refused_field(&long_value), "value");
    let bad_delete = DeleteBucketTags::new("examplebucket").keys(["ok", ""]);
    assert_eq!(refused_field(&bad_delete), "tagging");
}

#[test]
fn policy_referer_encryption_limits() {
    assert_eq!(
        refused_field(&PutBucketPolicy::new("examplebucket", "[1]")),
        "body"
    );
    let huge = format!("{{\"Version\":\"1\",\"x\":\"{}\"}}", "a".repeat(16 * 1024));
    assert_eq!(
        refused_field(&PutBucketPolicy::new("examplebucket", huge)),
        "body"
    );

    let mut referer = PutBucketReferer::new("examplebucket", false, ["https://www.example.com"]);
    referer.referer_configuration.truncate_path = Some(true);
    referer.referer_configuration.allow_truncate_query_string = Some(false);
    assert_eq!(refused_field(&referer), "truncate_path");
    let blank = PutBucketReferer::new("examplebucket", true, [" "]);
    assert_eq!(refused_field(&blank), "referers");

    let aes_with_key =
        PutBucketEncryption::new("examplebucket", SseAlgorithm::Aes256).kms_master_key_id("k-1");
    assert_eq!(refused_field(&aes_with_key), "kms_master_key_id");
    let kms = PutBucketEncryption::new("examplebucket", SseAlgorithm::Kms).kms_master_key_id("k-1");
    assert!(kms.to_request().is_ok());
}

#[test]
fn website_logging_overwrite_redundancy_limits() {
    let rule = RoutingRule {
        rule_number: Some(1),
        ..Default::default()
    };
    let mut site = PutBucketWebsite::new("examplebucket", "index.html", "error.html");
    site.website_configuration.routing_rules = Some(RoutingRules {
        routing_rules: vec![rule.clone(); 21],
    });
    assert_eq!(refused_field(&site), "routing_rules");
    site.website_configuration.routing_rules = Some(RoutingRules {
        routing_rules: vec![RoutingRule {
            rule_number: Some(0),
            ..rule
        }],
    });
    assert_eq!(refused_field(&site), "rule_number");

    let mut logging = PutBucketLogging::new("examplebucket", "Bad_Bucket", "logs/");
    assert_eq!(refused_field(&logging), "target_bucket");
    logging = PutBucketLogging::new("examplebucket", "logbucket", "logs/");
    assert!(logging.to_request().is_ok());
    let fields = PutUserDefinedLogFieldsConfig {
        bucket: "examplebucket".into(),
        user_defined_log_fields_configuration: UserDefinedLogFieldsConfiguration {
            header_set: Some(LoggingHeaderSet {
                headers: (0..4).map(|i| format!("x-h{i}")).collect(),
            }),
            param_set: Some(LoggingParamSet {
                parameters: (0..3).map(|i| format!("p{i}")).collect(),
            }),
        },
    };
    assert_eq!(refused_field(&fields), "headers");

    let rule = OverwriteRule {
        id: Some("r".into()),
        ..Default::default()
    };
    let dup = PutBucketOverwriteConfig::new("examplebucket", [rule.clone(), rule.clone()]);
    assert_eq!(refused_field(&dup), "id");
    let long = PutBucketOverwriteConfig::new(
        "examplebucket",
        [OverwriteRule {
            prefix: Some("p".repeat(1024)),
            ..Default::default()
        }],
    );
    assert_eq!(refused_field(&long), "prefix");
    let many = PutBucketOverwriteConfig::new(
        "examplebucket",
        (0..101).map(|i| OverwriteRule {
            id: Some(format!("r{i}")),
            ..Default::default()
        }),
    );
    assert_eq!(refused_field(&many), "rules");

    let page = ListUserDataRedundancyTransition::new().max_keys(101);
    assert_eq!(refused_field(&page), "max_keys");
    let no_task = GetBucketDataRedundancyTransition::new("examplebucket", " ");
    assert_eq!(refused_field(&no_task), "redundancy_transition_taskid");
}

#[test]
fn get_documents_parse() {
    use ossio_core::{Headers, Response};
    let h: Headers = [("x-oss-request-id", "r")].into_iter().collect();
    let body = b"<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>\
        <AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>100</MaxAgeSeconds></CORSRule>\
        <ResponseVary>false</ResponseVary></CORSConfiguration>";
    let out = GetBucketCors::new("examplebucket")
        .parse_response(&Response::new(200, &h, body))
        .unwrap();
    let cfg = out.cors_configuration.unwrap();
    assert_eq!(cfg.cors_rules[0].allowed_methods, vec![CorsMethod::Get]);
    assert_eq!(cfg.cors_rules[0].max_age_seconds, Some(100));
    assert_eq!(cfg.response_vary, Some(false));

    let body = b"<Tagging><TagSet/></Tagging>";
    let out = GetBucketTags::new("examplebucket")
        .parse_response(&Response::new(200, &h, body))
        .unwrap();
    assert!(out.tagging.unwrap().tags().is_empty());

    let body = b"<ListBucketDataRedundancyTransition><IsTruncated>true</IsTruncated>\
        <NextContinuationToken>t2</NextContinuationToken><BucketDataRedundancyTransition>\
        <Bucket>b</Bucket><TaskId>t</TaskId><Status>Processing</Status>\
        <ProcessPercentage>50</ProcessPercentage></BucketDataRedundancyTransition>\
        </ListBucketDataRedundancyTransition>";
    let out = ListUserDataRedundancyTransition::new()
        .parse_response(&Response::new(200, &h, body))
        .unwrap();
    let page = out.list_bucket_data_redundancy_transition.unwrap();
    assert_eq!(page.is_truncated, Some(true));
    assert_eq!(
        page.bucket_data_redundancy_transition[0].process_percentage,
        Some(50)
    );

    let h: Headers = [
        ("x-oss-request-id", "r"),
        ("Access-Control-Allow-Origin", "https://www.example.com"),
        ("Access-Control-Max-Age", "600"),
    ]
    .into_iter()
    .collect();
    let out = OptionObject::new("examplebucket", "a.txt", "https://www.example.com", "GET")
        .parse_response(&Response::new(200, &h, b""))
        .unwrap();
    assert_eq!(out.access_control_max_age, Some(600));
}
