//! The declarations and the registry: every registered operation round-trips through its
//! request (`from_request(to_request(x)) == x`, the server's inverse mapping) and its
//! response (`parse(to_response(y)) == y`), and the registry's data is complete.

use ossio_core::ops::decl::{Declared, Fields, Location, TypeRef};
use ossio_core::ops::dynamic::{self, DynField};
use ossio_core::ops::*;
use ossio_core::{Acl, Body, Error, ObjectAcl, Operation};
use std::collections::BTreeSet;
use std::fmt::Debug;

type Seen = BTreeSet<(&'static str, &'static str)>;

/// The request of `x` reads back as `x`; records the operation and which of its query
/// parameters and headers the example put on the wire.
fn input<T: Declared + Operation + PartialEq + Debug + DynField>(x: T, seen: &mut Seen) {
    let req = x
        .to_request()
        .unwrap_or_else(|e| panic!("{}: {e}", T::OP.name));
    // The same input as a plain value (what the bindings send) builds the same request.
    let value = x.to_dyn();
    let erased = dynamic::build(T::OP.snake, &value).unwrap_or_else(|e| panic!("{e}"));
    let mut via_value = erased.to_request().unwrap();
    if matches!(req.body, Body::Stream { .. }) {
        // A stream is not a value: the bindings hand streamed bodies over themselves.
        via_value.body = req.body.clone();
    }
    assert_eq!(via_value, req, "{}", T::OP.name);
    assert_eq!(erased.schema().name, T::OP.name);
    assert_eq!(req, x.declared_request().unwrap(), "{}", T::OP.name);
    assert_eq!(req.method, T::OP.method, "{}", T::OP.name);
    let back = T::from_request(&req).unwrap_or_else(|e| panic!("{}: {e}", T::OP.name));
    assert_eq!(back, x, "{}", T::OP.name);
    assert_eq!(
        route(&req).map(|o| o.name),
        Some(T::OP.name),
        "the request routes back to its operation"
    );
    seen.insert((T::OP.name, ""));
    for f in T::SCHEMA.fields {
        let on_wire = match f.location {
            Location::Query(q) => req.query.iter().any(|(k, _)| k == q),
            Location::Header(h) => req.headers.contains(h),
            _ => false,
        };
        if on_wire {
            seen.insert((T::OP.name, f.name));
        }
    }
}

/// The response of `y` parses back as `y`, through the operation's own parser.
fn output<
    T: Declared + Operation<Output = O> + DynField,
    O: Fields + PartialEq + Debug + DynField,
>(
    op: &T,
    y: O,
) {
    let parts = y.to_response();
    let back = op
        .parse_response(&parts.as_response())
        .unwrap_or_else(|e| panic!("{}: {e}", T::OP.name));
    assert_eq!(back, y, "{}", T::OP.name);
    // Through the value bridge the output arrives as the same fields.
    let erased = dynamic::build(T::OP.kebab, &op.to_dyn()).unwrap();
    let value = erased.parse_response(&parts.as_response()).unwrap();
    assert_eq!(value, y.to_dyn(), "{}", T::OP.name);
}

#[test]
fn the_hand_written_listing_parser_agrees_with_the_declaration() {
    let h: ossio_core::Headers = [("x-oss-request-id", "r")].into_iter().collect();
    for body in [
        &br#"<ListBucketResult><Name>b</Name><Prefix></Prefix><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><MaxKeys>2</MaxKeys><Contents><Key>a%20b</Key><Size>3</Size><StorageClass></StorageClass><Owner><ID>o</ID></Owner></Contents><CommonPrefixes><Prefix>c%2F</Prefix></CommonPrefixes><CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes></ListBucketResult>"#[..],
        br#"<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated><Contents><Key>k</Key><LastModified>t</LastModified><ETag>e</ETag><Type>Normal</Type></Contents></ListBucketResult>"#,
    ] {
        let resp = ossio_core::Response::new(200, &h, body);
        let fast = ListObjectsV2::new("b").parse_response(&resp).unwrap();
        let declared = ListObjectsV2Output::from_response(&resp).unwrap();
        assert_eq!(fast, declared);
    }
}

fn meta() -> ObjectMeta {
    ObjectMeta {
        content_length: Some(11),
        content_type: Some("text/plain".into()),
        content_encoding: Some("gzip".into()),
        etag: Some("\"5B3C1A2E053D763E1B002CC607C5A0FE\"".into()),
        last_modified: Some("Fri, 24 Feb 2012 06:07:48 GMT".into()),
        crc64: Some(5981764153023615706),
        version_id: Some("v1".into()),
        object_type: Some("Normal".into()),
        storage_class: Some("IA".into()),
        metadata: vec![("author".into(), "alice".into())],
        tagging_count: Some(2),
        ..ObjectMeta::default()
    }
}

fn rid() -> String {
    "5C1B138A109F4E405B2D".into()
}

#[test]
fn every_operation_round_trips_its_request() {
    let mut seen = BTreeSet::new();
    let s = &mut seen;
    input(
        CreateAccessPoint::new("bkt", "ap-01", NetworkOrigin::Vpc).vpc_id("vpc-1"),
        s,
    );
    input(
        CreateAccessPoint::new("bkt", "ap-01", NetworkOrigin::Internet),
        s,
    );
    input(GetAccessPoint::new("bkt", "ap-01"), s);
    input(DeleteAccessPoint::new("bkt", "ap-01"), s);
    input(
        ListAccessPoints::for_bucket("bkt")
            .max_keys(10)
            .continuation_token("tok"),
        s,
    );
    input(ListAccessPoints::new().max_keys(1000), s);
    input(
        PutAccessPointPolicy::new("bkt", "ap-01", r#"{"Version":"1","Statement":[]}"#),
        s,
    );
    input(GetAccessPointPolicy::new("bkt", "ap-01"), s);
    input(DeleteAccessPointPolicy::new("bkt", "ap-01"), s);
    input(
        PutAccessPointPublicAccessBlock::new("bkt", "ap-01", true),
        s,
    );
    input(
        PutAccessPointPublicAccessBlock::new("bkt", "ap-01", false),
        s,
    );
    input(GetAccessPointPublicAccessBlock::new("bkt", "ap-01"), s);
    input(DeleteAccessPointPublicAccessBlock::new("bkt", "ap-01"), s);
    let mut pb = PutBucket::new("bkt")
        .acl(Acl::PublicRead)
        .storage_class(StorageClass::ColdArchive)
        .data_redundancy_type(DataRedundancyType::Zrs);
    pb.resource_group_id = Some("rg-1".into());
    input(pb, s);
    input(PutBucket::new("bkt"), s);
    input(DeleteBucket::new("bkt"), s);
    input(GetBucketInfo::new("bkt"), s);
    input(ListBuckets::new().prefix("my").marker("m").max_keys(10), s);
    input(PutBucketAcl::new("bkt", Acl::PublicReadWrite), s);
    input(GetBucketAcl::new("bkt"), s);
    let mut po = PutObject::new("bkt", "dir/a b+c.txt")
        .bytes(b"hello".to_vec())
        .content_type("text/plain")
        .meta("author", "alice")
        .meta("x", "y z")
        .acl(ObjectAcl::Explicit(Acl::Private))
        .storage_class(StorageClass::Ia)
        .with_content_md5();
    po.cache_control = Some("no-cache".into());
    po.content_disposition = Some("attachment".into());
    po.content_encoding = Some("gzip".into());
    input(po, s);
    let mut streamed = PutObject::new("bkt", "big.bin").stream_length(1 << 30);
    streamed.acl = Some(ObjectAcl::Default);
    streamed.cache_control = Some("max-age=1".into());
    streamed.content_disposition = Some("inline".into());
    streamed.content_encoding = Some("identity".into());
    streamed.content_md5 = Some("XrY7u+Ae7tCTyyK7j1rNww==".into());
    streamed.content_type = Some("application/octet-stream".into());
    streamed.storage_class = Some(StorageClass::Standard);
    input(streamed, s);
    let mut go = GetObject::new("bkt", "k").range(5, None).version_id("v1");
    go.overrides = ResponseOverrides {
        content_type: Some("text/html".into()),
        content_language: Some("en".into()),
        expires: Some("Fri, 24 Feb 2012 17:00:00 GMT".into()),
        cache_control: Some("no-cache".into()),
        content_disposition: Some("attachment; filename=a.txt".into()),
        content_encoding: Some("gzip".into()),
    };
    go.if_match = Some("\"e\"".into());
    go.if_none_match = Some("\"f\"".into());
    go.if_modified_since = Some("Fri, 13 Nov 2015 14:47:53 GMT".into());
    go.if_unmodified_since = Some("Fri, 13 Nov 2015 14:47:53 GMT".into());
    go.accept_encoding = Some("gzip".into());
    input(go.clone(), s);
    input(go.range(0, Some(99)), s);
    let mut ho = HeadObject::new("bkt", "k");
    ho.version_id = Some("v2".into());
    input(ho, s);
    let mut gm = GetObjectMeta::new("bkt", "k");
    gm.version_id = Some("v2".into());
    input(gm, s);
    let mut dobj = DeleteObject::new("bkt", "k");
    dobj.version_id = Some("v3".into());
    input(dobj, s);
    let mut dm = DeleteMultipleObjects::new("bkt", ["a&b", " lead", "c<d>'\""]).quiet(true);
    dm.objects[0].version_id = Some("v1".into());
    input(dm, s);
    let mut lo = ListObjectsV2::new("bkt")
        .prefix("a/")
        .delimiter("/")
        .start_after("a/b")
        .max_keys(1000);
    lo.continuation_token = Some("tok".into());
    lo.fetch_owner = true;
    input(lo, s);
    let mut l1 = ListObjects::new("bkt");
    l1.prefix = Some("a/".into());
    l1.delimiter = Some("/".into());
    l1.marker = Some("a/b".into());
    l1.max_keys = Some(10);
    input(l1, s);
    input(GetBucketLocation::new("bkt"), s);
    input(
        PutObjectAcl::new("bkt", "k", ObjectAcl::Default).version_id("v1"),
        s,
    );
    input(GetObjectAcl::new("bkt", "k").version_id("v1"), s);
}

#[test]
fn every_operation_round_trips_its_response() {
    let mut seen = BTreeSet::new();
    fn name_of<T: Operation>(_: &T) -> &'static str {
        T::NAME
    }
    macro_rules! out {
        ($op:expr, $y:expr) => {{
            let op = $op;
            output(&op, $y);
            seen.insert(name_of(&op));
        }};
    }
    let empty = || EmptyOutput { request_id: rid() };

    out!(
        CreateAccessPoint::new("bkt", "ap-01", NetworkOrigin::Internet),
        CreateAccessPointOutput {
            access_point_arn: "acs:oss:cn-hangzhou:128364106451xxxx:accesspoint/ap-01".into(),
            alias: "ap-01-ossalias".into(),
            request_id: rid(),
        }
    );
    out!(
        GetAccessPoint::new("bkt", "ap-01"),
        GetAccessPointOutput {
            name: "ap-01".into(),
            bucket: "bkt".into(),
            account_id: "111933544165xxxx".into(),
            network_origin: "vpc".into(),
            vpc_id: Some("vpc-t4nlw426y44rd3iq4xxxx".into()),
            access_point_arn: "arn:acs:oss:cn-hangzhou:111933544165xxxx:accesspoint/ap-01".into(),
            creation_date: "1626769503".into(),
            alias: "ap-01-ossalias".into(),
            status: "enable".into(),
            public_endpoint: Some("ap-01.oss-cn-hangzhou.oss-accesspoint.aliyuncs.com".into()),
            internal_endpoint: Some(
                "ap-01.oss-cn-hangzhou-internal.oss-accesspoint.aliyuncs.com".into()
            ),
            block_public_access: Some(true),
            request_id: rid(),
        }
    );
    out!(DeleteAccessPoint::new("bkt", "ap-01"), empty());
    out!(
        ListAccessPoints::new(),
        ListAccessPointsOutput {
            is_truncated: true,
            next_continuation_token: Some("abc".into()),
            account_id: "111933544165xxxx".into(),
            max_keys: Some(2),
            access_points: vec![
                AccessPointSummary {
                    bucket: "bkt".into(),
                    name: "ap-01".into(),
                    alias: "ap-01-ossalias".into(),
                    network_origin: "vpc".into(),
                    vpc_id: Some("vpc-1".into()),
                    status: "enable".into(),
                },
                AccessPointSummary {
                    bucket: "bkt".into(),
                    name: "ap-02".into(),
                    alias: "ap-02-ossalias".into(),
                    network_origin: "internet".into(),
                    vpc_id: None,
                    status: "creating".into(),
                },
            ],
            request_id: rid(),
        }
    );
    out!(PutAccessPointPolicy::new("bkt", "ap-01", "{}"), empty());
    out!(
        GetAccessPointPolicy::new("bkt", "ap-01"),
        GetAccessPointPolicyOutput {
            policy: r#"{"Version":"1","Statement":[{"Effect":"Allow"}]}"#.into(),
            request_id: rid(),
        }
    );
    out!(DeleteAccessPointPolicy::new("bkt", "ap-01"), empty());
    out!(
        PutAccessPointPublicAccessBlock::new("bkt", "ap-01", true),
        empty()
    );
    out!(
        GetAccessPointPublicAccessBlock::new("bkt", "ap-01"),
        GetAccessPointPublicAccessBlockOutput {
            block_public_access: true,
            request_id: rid(),
        }
    );
    out!(
        DeleteAccessPointPublicAccessBlock::new("bkt", "ap-01"),
        empty()
    );
    out!(PutBucket::new("bkt"), empty());
    out!(DeleteBucket::new("bkt"), empty());
    out!(
        GetBucketInfo::new("bkt"),
        GetBucketInfoOutput {
            name: "bkt".into(),
            creation_date: "2013-07-31T10:56:21.000Z".into(),
            location: "oss-cn-hangzhou".into(),
            region: Some("cn-hangzhou".into()),
            extranet_endpoint: Some("oss-cn-hangzhou.aliyuncs.com".into()),
            intranet_endpoint: Some("oss-cn-hangzhou-internal.aliyuncs.com".into()),
            storage_class: Some("Standard".into()),
            data_redundancy_type: Some("LRS".into()),
            owner_id: "27183473914****".into(),
            owner_display_name: "username".into(),
            acl: "private".into(),
            resource_group_id: Some("rg-aek27tc********".into()),
            access_monitor: Some("Enabled".into()),
            cross_region_replication: Some("Disabled".into()),
            transfer_acceleration: Some("Disabled".into()),
            versioning: Some("Enabled".into()),
            comment: Some("test".into()),
            block_public_access: Some(false),
            sse_rule: Some(SseRule {
                sse_algorithm: Some("KMS".into()),
                kms_master_key_id: Some("key-1".into()),
                kms_data_encryption: Some("SM4".into()),
            }),
            request_id: rid(),
        }
    );
    out!(
        ListBuckets::new(),
        ListBucketsOutput {
            owner_id: "51264".into(),
            owner_display_name: "51264".into(),
            prefix: Some("my".into()),
            marker: Some("mb".into()),
            max_keys: Some(10),
            is_truncated: true,
            next_marker: Some("mybucket10".into()),
            buckets: vec![BucketSummary {
                name: "app-base-oss".into(),
                creation_date: "2014-02-17T18:12:43.000Z".into(),
                location: "oss-cn-shanghai".into(),
                region: Some("cn-shanghai".into()),
                extranet_endpoint: Some("oss-cn-shanghai.aliyuncs.com".into()),
                intranet_endpoint: Some("oss-cn-shanghai-internal.aliyuncs.com".into()),
                storage_class: Some("Standard".into()),
                resource_group_id: Some("rg-1".into()),
            }],
            request_id: rid(),
        }
    );
    out!(
        PutBucketAcl::new("bkt", Acl::Private),
        PutBucketAclOutput { request_id: rid() }
    );
    out!(
        GetBucketAcl::new("bkt"),
        GetBucketAclOutput {
            owner_id: "0022012".into(),
            owner_display_name: "user_example".into(),
            acl: Acl::PublicRead,
            request_id: rid(),
        }
    );
    out!(
        PutObject::new("bkt", "k"),
        PutObjectOutput {
            content_md5: None,
            etag: Some("\"e\"".into()),
            crc64: Some(u64::MAX),
            version_id: Some("v1".into()),
            callback_result: String::new(),
            request_id: rid(),
        }
    );
    out!(
        GetObject::new("bkt", "k"),
        GetObjectOutput {
            meta: meta(),
            content_range: Some("bytes 0-10/11".into()),
            delete_marker: false,
            request_id: rid(),
        }
    );
    out!(
        HeadObject::new("bkt", "k"),
        HeadObjectOutput {
            meta: meta(),
            request_charged: None,
            allow_origin: None,
            allow_methods: None,
            allow_age: None,
            allow_headers: None,
            expose_headers: None,
            transition_time: None,
            request_id: rid(),
        }
    );
    out!(
        GetObjectMeta::new("bkt", "k"),
        GetObjectMetaOutput {
            content_length: Some(344_606),
            etag: Some("\"5B3C1A2E053D763E1B002CC607C5A0FE\"".into()),
            last_modified: Some("Fri, 24 Feb 2012 06:07:48 GMT".into()),
            last_access_time: Some("Thu, 14 Oct 2021 11:49:05 GMT".into()),
            crc64: Some(4_527_271_926_178_024_104),
            version_id: Some("CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0".into()),
            transition_time: None,
            request_id: rid(),
        }
    );
    out!(
        DeleteObject::new("bkt", "k"),
        DeleteObjectOutput {
            delete_marker: true,
            version_id: Some("v9".into()),
            request_id: rid(),
        }
    );
    out!(
        DeleteMultipleObjects::new("bkt", ["x"]),
        DeleteMultipleObjectsOutput {
            encoding_type: Some("url".into()),
            deleted: vec![
                DeletedObject {
                    key: "a&b c\u{1}".into(),
                    version_id: None,
                    delete_marker: false,
                },
                DeletedObject {
                    key: "x".into(),
                    version_id: Some("v1".into()),
                    delete_marker: true,
                },
            ],
            request_id: rid(),
        }
    );
    out!(
        ListObjectsV2::new("bkt"),
        ListObjectsV2Output {
            name: "bkt".into(),
            prefix: Some("a /".into()),
            delimiter: Some("/".into()),
            start_after: Some("a /b".into()),
            max_keys: Some(2),
            key_count: Some(3),
            is_truncated: true,
            continuation_token: Some("t1".into()),
            next_continuation_token: Some("t2".into()),
            encoding_type: Some("url".into()),
            contents: vec![ObjectSummary {
                key: "a /\u{1}x&y".into(),
                last_modified: "2012-02-24T08:42:32.000Z".into(),
                etag: "\"5B3C1A2E053D763E1B002CC607C5A0FE\"".into(),
                size: 344606,
                storage_class: Some("Standard".into()),
                object_type: Some("Normal".into()),
                owner_id: Some("0022012".into()),
            }],
            common_prefixes: vec!["a /c/".into(), "a /d/".into()],
            request_id: rid(),
        }
    );
    out!(
        ListObjects::new("bkt"),
        ListObjectsOutput {
            name: "bkt".into(),
            prefix: Some("a /".into()),
            marker: Some("a /b".into()),
            max_keys: Some(2),
            delimiter: Some("/".into()),
            encoding_type: Some("url".into()),
            is_truncated: true,
            next_marker: Some("a /c/".into()),
            contents: vec![ObjectSummary {
                key: "a /\u{1}x&y".into(),
                last_modified: "2012-02-24T08:42:32.000Z".into(),
                etag: "\"5B3C1A2E053D763E1B002CC607C5A0FE\"".into(),
                size: 344606,
                storage_class: Some("Standard".into()),
                object_type: Some("Normal".into()),
                owner_id: Some("0022012".into()),
            }],
            common_prefixes: vec!["a /c/".into()],
            request_id: rid(),
        }
    );
    out!(
        GetBucketLocation::new("bkt"),
        GetBucketLocationOutput {
            location: "oss-cn-hangzhou".into(),
            request_id: rid(),
        }
    );
    out!(
        PutObjectAcl::new("bkt", "k", ObjectAcl::Default),
        PutObjectAclOutput {
            version_id: Some("v1".into()),
            request_id: rid(),
        }
    );
    out!(
        GetObjectAcl::new("bkt", "k"),
        GetObjectAclOutput {
            owner_id: "0022012".into(),
            owner_display_name: "0022012".into(),
            acl: ObjectAcl::Default,
            version_id: Some("v1".into()),
            request_id: rid(),
        }
    );

    // Every registered operation round-trips in tests/round_trip.rs; these are the
    // hand-picked cases.
    assert!(seen.len() >= 27);
}

fn check_type(op: &str, field: &str, ty: &TypeRef) {
    match ty {
        TypeRef::Enum(e) => assert!(!e.values.is_empty(), "{op}.{field}"),
        TypeRef::List(t) => check_type(op, field, t),
        TypeRef::Struct(s) => {
            assert!(!s.doc.is_empty(), "{op}.{field}: {} has no doc", s.name);
            for f in s.fields {
                check_field(op, f);
            }
        }
        _ => {}
    }
}

fn check_field(op: &str, f: &ossio_core::ops::decl::FieldSchema) {
    assert!(
        !f.name.is_empty()
            && f.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "{op}.{}: binding names are snake_case",
        f.name
    );
    assert!(!f.doc.is_empty(), "{op}.{} has no doc", f.name);
    check_type(op, f.name, &f.ty);
}

#[test]
fn the_registry_is_complete() {
    // Every `op = "..."` declared in src/ops is registered (linkme gathered it).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ops");
    let mut declared = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("#[oss(") {
            if let Some(rest) = text[i + 6..].trim_start().strip_prefix("op = \"") {
                declared.insert(rest.split('"').next().unwrap().to_owned());
            }
        }
    }
    let registered: BTreeSet<String> = OPERATIONS.iter().map(|o| o.name.to_owned()).collect();
    assert_eq!(declared, registered);
    let mut names = BTreeSet::new();
    for op in OPERATIONS.iter() {
        for n in [op.name, op.snake, op.camel, op.kebab] {
            assert!(names.insert(n), "{n} is not unique");
            assert_eq!(operation(n).map(|o| o.name), Some(op.name));
        }
        assert!(!op.doc.is_empty(), "{} has no doc", op.name);
        assert_eq!(op.snake.replace('_', "-"), op.kebab);
        assert_eq!(op.camel.to_lowercase(), op.snake.replace('_', ""));
        for s in [op.input, op.output] {
            let mut seen = BTreeSet::new();
            for f in s.fields {
                check_field(op.name, f);
                assert!(seen.insert(f.name), "{}: {} twice", op.name, f.name);
            }
        }
    }
    let lov2 = operation("list_objects_v2").unwrap();
    assert_eq!(
        (lov2.camel, lov2.kebab),
        ("listObjectsV2", "list-objects-v2")
    );
    assert_eq!(lov2.fixed_query, &[("list-type", "2")]);
    let cap = operation("CreateAccessPoint").unwrap();
    assert_eq!(cap.input.xml, Some("CreateAccessPointConfiguration"));
    let name = cap.input.field("access_point_name").unwrap();
    assert_eq!(name.location, Location::Xml("AccessPointName"));
    let origin = cap.input.field("network_origin").unwrap();
    match origin.ty {
        TypeRef::Enum(e) => assert_eq!(e.values, ["vpc", "internet"]),
        other => panic!("{other:?}"),
    }
    let put = operation("PutObject").unwrap();
    assert_eq!(put.input.field("body").unwrap().ty, TypeRef::Body);
    assert_eq!(put.input.field("metadata").unwrap().ty, TypeRef::Map);
}

#[test]
fn the_server_side_reads_requests_and_refuses_bad_ones() {
    use ossio_core::{Method, Request, ValidationKind};
    // A request a client built by hand reads as the typed input.
    let req = Request::new(Method::Put)
        .bucket("bkt")
        .query_flag("acl")
        .header("x-oss-acl", "public-read");
    assert_eq!(
        PutBucketAcl::from_request(&req).unwrap(),
        PutBucketAcl::new("bkt", Acl::PublicRead)
    );
    // An unknown enum value, a missing required header, a bad name, a malformed document.
    let bad = req.clone().header("x-oss-acl", "everyone");
    assert_eq!(
        PutBucketAcl::from_request(&bad).unwrap_err().kind,
        ValidationKind::Acl
    );
    let mut missing = req.clone();
    missing.headers.remove("x-oss-acl");
    assert_eq!(
        PutBucketAcl::from_request(&missing).unwrap_err().field,
        "acl"
    );
    let ap = Request::new(Method::Get)
        .bucket("bkt")
        .query_flag("accessPoint")
        .header("x-oss-access-point-name", "Bad_Name");
    // Readable but against the rules: read, then refused by validate (InvalidArgument on
    // the server, not MalformedXML).
    let read = GetAccessPoint::from_request(&ap).unwrap();
    assert_eq!(
        read.validate().unwrap_err().kind,
        ValidationKind::AccessPointName
    );
    let doc = Request::new(Method::Post)
        .bucket("bkt")
        .query_flag("delete")
        .body(Body::Bytes(
            b"<Delete><Quiet>maybe</Quiet></Delete>".to_vec(),
        ));
    assert!(DeleteMultipleObjects::from_request(&doc).is_err());
    let empty = doc.body(Body::Bytes(
        b"<Delete><Quiet>true</Quiet></Delete>".to_vec(),
    ));
    assert_eq!(
        DeleteMultipleObjects::from_request(&empty)
            .unwrap()
            .validate()
            .unwrap_err()
            .field,
        "objects"
    );
}

#[test]
fn requests_of_no_registered_operation_do_not_route() {
    use ossio_core::{Method, Request};
    let unknown = [
        Request::new(Method::Get).bucket("b").query_flag("vod"),
        Request::new(Method::Put)
            .bucket("b")
            .query_flag("acl")
            .query_flag("cors"),
        Request::new(Method::Get)
            .bucket("b")
            .key("k")
            .query_flag("objectMeta"),
        Request::new(Method::Post)
            .bucket("b")
            .key("k")
            .query_flag("resourcePool"),
        Request::new(Method::Get).key("k"),
    ];
    for req in unknown {
        assert_eq!(route(&req).map(|o| o.name), None, "{req:?}");
    }
    // Refining parameters never change the operation.
    let req = Request::new(Method::Get)
        .bucket("b")
        .key("k")
        .query("response-content-type", "text/plain")
        .query("x-oss-unknown", "1");
    assert_eq!(route(&req).map(|o| o.name), Some("GetObject"));
    let svc = Request::new(Method::Get).query_flag("accessPoint");
    assert_eq!(route(&svc).map(|o| o.name), Some("ListAccessPoints"));
}

#[test]
fn malformed_responses_are_errors_naming_the_element() {
    let h: ossio_core::Headers = [("x-oss-request-id", "r")].into_iter().collect();
    let cases: [(&[u8], &str); 4] = [
        (
            b"<ListBucketResult><MaxKeys>many</MaxKeys></ListBucketResult>",
            "MaxKeys",
        ),
        (
            b"<ListBucketResult><IsTruncated>perhaps</IsTruncated></ListBucketResult>",
            "IsTruncated",
        ),
        (
            b"<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>",
            "Key",
        ),
        (b"<ListAllMyBucketsResult/>", "ListBucketResult"),
    ];
    for (body, needle) in cases {
        match ListObjectsV2::new("bkt").parse_response(&ossio_core::Response::new(200, &h, body)) {
            Err(Error::Parse(e)) => assert!(e.reason.contains(needle), "{}", e.reason),
            other => panic!("{other:?}"),
        }
    }
    let bad_crc: ossio_core::Headers = [("x-oss-hash-crc64ecma", "12x")].into_iter().collect();
    assert!(matches!(
        PutObject::new("bkt", "k").parse_response(&ossio_core::Response::new(200, &bad_crc, b"")),
        Err(Error::Parse(_))
    ));
}

/// Every way a plain value can be wrong is an error naming the operation and the field,
/// before any request exists.
#[test]
fn bad_plain_values_name_the_operation_and_the_field() {
    use dynamic::Dyn;
    let cases = [
        (
            "CreateAccessPoint",
            Dyn::map([
                ("bucket", Dyn::from("bkt")),
                ("network_origin", Dyn::from("internet")),
            ]),
            "access_point_name",
            "is required",
        ),
        (
            "ListObjectsV2",
            Dyn::map([("bucket", Dyn::from("bkt")), ("max_keys", Dyn::from("ten"))]),
            "max_keys",
            "expected an integer",
        ),
        (
            "CreateAccessPoint",
            Dyn::map([
                ("bucket", Dyn::from("bkt")),
                ("access_point_name", Dyn::from("ap-1")),
                ("network_origin", Dyn::from("lan")),
            ]),
            "network_origin",
            "expected one of: vpc, internet",
        ),
        (
            "PutBucketAcl",
            Dyn::map([
                ("bucket", Dyn::from("bkt")),
                ("acl", Dyn::from("private")),
                ("acll", Dyn::from("private")),
            ]),
            "acll",
            "unknown field",
        ),
        (
            "ListObjectsV2",
            Dyn::map([("bucket", Dyn::from("bkt")), ("max_keys", Dyn::Int(5000))]),
            "max_keys",
            "",
        ),
    ];
    for (op, value, field, reason) in cases {
        let err = dynamic::build(op, &value)
            .and_then(|o| o.to_request())
            .expect_err(op);
        let Error::Validation(v) = &err else {
            panic!("{op}: not a validation error: {err:?}")
        };
        assert_eq!(v.operation, Some(op), "{err}");
        let text = err.to_string();
        assert!(text.contains(op) && text.contains(field), "{text}");
        assert!(text.contains(reason), "{text}");
    }
    assert!(dynamic::build("NoSuchOperation", &Dyn::Map(vec![])).is_err());
    assert!(dynamic::build("put_bucket_acl", &Dyn::from("not a map")).is_err());
}

/// A listing built from a plain value asks OSS to URL-encode keys, as the constructor does.
#[test]
fn plain_listings_ask_for_url_encoding() {
    use dynamic::Dyn;
    for op in ["ListObjects", "ListObjectsV2"] {
        let req = dynamic::build(op, &Dyn::map([("bucket", Dyn::from("bkt"))]))
            .unwrap()
            .to_request()
            .unwrap();
        assert_eq!(req.query_value("encoding-type"), Some(Some("url")), "{op}");
        let off = Dyn::map([
            ("bucket", Dyn::from("bkt")),
            ("url_encoding", Dyn::Bool(false)),
        ]);
        let req = dynamic::build(op, &off).unwrap().to_request().unwrap();
        assert_eq!(req.query_value("encoding-type"), None, "{op}");
    }
}
