//! Every operation: the request it builds, its documented response, and an error.

use ossio_core::encoding::render_query;
use ossio_core::ops::*;
use ossio_core::paginate::Pages;
use ossio_core::signer::v1;
use ossio_core::{Acl, Error, Headers, Method, ObjectAcl, Operation, Request, Response};

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn rid() -> Headers {
    [("x-oss-request-id", "RID-1")].into_iter().collect()
}

/// (method, V1 canonical resource, wire query) of a request.
fn shape(req: &Request) -> (Method, String, String) {
    (
        req.method,
        v1::request_resource(req),
        render_query(req.query.iter().map(|(k, v)| (k.as_str(), v.as_deref()))),
    )
}

fn check<O: Operation>(op: &O, method: Method, resource: &str, query: &str) -> Request {
    let req = op.to_request().unwrap();
    assert_eq!(
        shape(&req),
        (method, resource.to_owned(), query.to_owned()),
        "{}",
        O::NAME
    );
    req
}

/// Every operation turns a 404 NoSuchBucket into the typed service error, with all fields.
fn check_error<O: Operation>(op: &O)
where
    O::Output: std::fmt::Debug,
{
    let body = fixture("ops/no_such_bucket.xml");
    let h = rid();
    match op.parse_response(&Response::new(404, &h, &body)) {
        Err(Error::Service(e)) => {
            assert_eq!(e.code, "NoSuchBucket", "{}", O::NAME);
            assert_eq!(e.ec, "0015-00000101");
            assert_eq!(e.detail("BucketName"), Some("test"));
        }
        other => panic!("{}: {other:?}", O::NAME),
    }
}

#[test]
fn access_point_family() {
    let req = check(
        &GetAccessPoint::new("bkt", "ap-01"),
        Method::Get,
        "/bkt/?accessPoint",
        "accessPoint",
    );
    assert_eq!(req.headers.get("x-oss-access-point-name"), Some("ap-01"));
    let req = check(
        &DeleteAccessPoint::new("bkt", "ap-01"),
        Method::Delete,
        "/bkt/?accessPoint",
        "accessPoint",
    );
    assert_eq!(req.headers.get("x-oss-access-point-name"), Some("ap-01"));
    check(
        &ListAccessPoints::new(),
        Method::Get,
        "/?accessPoint",
        "accessPoint",
    );
    check(
        &ListAccessPoints::for_bucket("bkt")
            .max_keys(10)
            .continuation_token("abc"),
        Method::Get,
        "/bkt/?accessPoint&continuation-token=abc",
        "accessPoint&max-keys=10&continuation-token=abc",
    );
    let policy = r#"{"Version":"1","Statement":[]}"#;
    let req = check(
        &PutAccessPointPolicy::new("bkt", "ap-01", policy),
        Method::Put,
        "/bkt/?accessPointPolicy",
        "accessPointPolicy",
    );
    assert_eq!(req.body.as_bytes().unwrap(), policy.as_bytes());
    assert_eq!(
        req.headers.get("content-md5"),
        Some(content_md5(policy.as_bytes()).as_str())
    );
    check(
        &GetAccessPointPolicy::new("bkt", "ap-01"),
        Method::Get,
        "/bkt/?accessPointPolicy",
        "accessPointPolicy",
    );
    check(
        &DeleteAccessPointPolicy::new("bkt", "ap-01"),
        Method::Delete,
        "/bkt/?accessPointPolicy",
        "accessPointPolicy",
    );
    // The name travels as a query parameter here, and V1 signs it (x-oss- rule).
    let req = check(
        &PutAccessPointPublicAccessBlock::new("bkt", "ap-01", true),
        Method::Put,
        "/bkt/?publicAccessBlock&x-oss-access-point-name=ap-01",
        "publicAccessBlock&x-oss-access-point-name=ap-01",
    );
    assert_eq!(
        req.body.as_bytes().unwrap(),
        b"<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>"
    );
    assert!(!req.headers.contains("x-oss-access-point-name"));
    check(
        &GetAccessPointPublicAccessBlock::new("bkt", "ap-01"),
        Method::Get,
        "/bkt/?publicAccessBlock&x-oss-access-point-name=ap-01",
        "publicAccessBlock&x-oss-access-point-name=ap-01",
    );
    check(
        &DeleteAccessPointPublicAccessBlock::new("bkt", "ap-01"),
        Method::Delete,
        "/bkt/?publicAccessBlock&x-oss-access-point-name=ap-01",
        "publicAccessBlock&x-oss-access-point-name=ap-01",
    );
    assert!(GetAccessPoint::new("bkt", "AP").to_request().is_err());
    assert!(
        ListAccessPoints::for_bucket("bkt")
            .max_keys(101)
            .to_request()
            .is_err()
    );
    assert!(ListAccessPoints::new().max_keys(1000).to_request().is_ok());
    assert!(
        PutAccessPointPolicy::new("bkt", "ap-01", " ")
            .to_request()
            .is_err()
    );

    check_error(&GetAccessPoint::new("bkt", "ap-01"));
    check_error(&DeleteAccessPoint::new("bkt", "ap-01"));
    check_error(&ListAccessPoints::new());
    check_error(&PutAccessPointPolicy::new("bkt", "ap-01", "{}"));
    check_error(&GetAccessPointPolicy::new("bkt", "ap-01"));
    check_error(&DeleteAccessPointPolicy::new("bkt", "ap-01"));
    check_error(&PutAccessPointPublicAccessBlock::new("bkt", "ap-01", false));
    check_error(&GetAccessPointPublicAccessBlock::new("bkt", "ap-01"));
    check_error(&DeleteAccessPointPublicAccessBlock::new("bkt", "ap-01"));
    check_error(&CreateAccessPoint::new(
        "bkt",
        "ap-01",
        NetworkOrigin::Internet,
    ));
}

#[test]
fn access_point_responses() {
    let h = rid();
    let body = fixture("ops/get_access_point.xml");
    let op = GetAccessPoint::new("oss-example", "ap-01");
    let out = op.parse_response(&Response::new(200, &h, &body)).unwrap();
    assert_eq!(out.name, "ap-01");
    assert_eq!(out.bucket, "oss-example");
    assert_eq!(out.account_id, "111933544165xxxx");
    assert_eq!(out.network_origin, "vpc");
    assert_eq!(out.vpc_id.as_deref(), Some("vpc-t4nlw426y44rd3iq4xxxx"));
    assert_eq!(
        out.access_point_arn,
        "arn:acs:oss:cn-hangzhou:111933544165xxxx:accesspoint/ap-01"
    );
    assert_eq!(out.creation_date, "1626769503");
    assert_eq!(out.alias, "ap-01-ossalias");
    assert_eq!(out.status, "enable");
    assert_eq!(
        out.public_endpoint.as_deref(),
        Some("ap-01.oss-cn-hangzhou.oss-accesspoint.aliyuncs.com")
    );
    assert_eq!(
        out.internal_endpoint.as_deref(),
        Some("ap-01.oss-cn-hangzhou-internal.oss-accesspoint.aliyuncs.com")
    );
    assert_eq!(out.block_public_access, Some(true));
    assert_eq!(out.request_id, "RID-1");
    // What the server writes reads back the same.
    let again = op
        .parse_response(&Response::new(200, &h, out.to_xml().as_bytes()))
        .unwrap();
    assert_eq!(again, out);

    let body = fixture("ops/list_access_points.xml");
    let op = ListAccessPoints::for_bucket("oss-example");
    let out = op.parse_response(&Response::new(200, &h, &body)).unwrap();
    assert!(out.is_truncated);
    assert_eq!(out.next_continuation_token.as_deref(), Some("abc"));
    assert_eq!(out.max_keys, Some(3));
    assert_eq!(out.access_points.len(), 2);
    assert_eq!(
        out.access_points[0].vpc_id.as_deref(),
        Some("vpc-t4nlw426y44rd3iq4****")
    );
    assert_eq!(out.access_points[1].vpc_id, None);
    assert_eq!(out.access_points[1].status, "creating");
    assert_eq!(
        op.parse_response(&Response::new(200, &h, out.to_xml().as_bytes()))
            .unwrap(),
        out
    );
    let empty = op
        .parse_response(&Response::new(
            200,
            &h,
            b"<ListAccessPointsResult><IsTruncated>false</IsTruncated></ListAccessPointsResult>",
        ))
        .unwrap();
    assert!(empty.access_points.is_empty());

    // The policy is raw JSON: never run through the XML parser.
    let policy = br#"{"Version":"1","Statement":[{"Effect":"Deny"}]}"#;
    let out = GetAccessPointPolicy::new("b-1", "ap-01")
        .parse_response(&Response::new(200, &h, policy))
        .unwrap();
    assert_eq!(out.policy.as_bytes(), policy);

    let out = GetAccessPointPublicAccessBlock::new("b-1", "ap-01")
        .parse_response(&Response::new(
            200,
            &h,
            b"<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>",
        ))
        .unwrap();
    assert!(!out.block_public_access);
    assert!(
        GetAccessPointPublicAccessBlock::new("b-1", "ap-01")
            .parse_response(&Response::new(200, &h, b"<PublicAccessBlockConfiguration><BlockPublicAccess>maybe</BlockPublicAccess></PublicAccessBlockConfiguration>"))
            .is_err()
    );
    let out = DeleteAccessPoint::new("b-1", "ap-01")
        .parse_response(&Response::new(204, &h, b""))
        .unwrap();
    assert_eq!(out.request_id, "RID-1");
}

#[test]
fn acl_family() {
    check(&GetBucketAcl::new("bkt"), Method::Get, "/bkt/?acl", "acl");
    let req = check(
        &PutObjectAcl::new("bkt", "a b/c+d", ObjectAcl::Default).version_id("v1"),
        Method::Put,
        "/bkt/a b/c+d?acl&versionId=v1",
        "acl&versionId=v1",
    );
    assert_eq!(req.headers.get("x-oss-object-acl"), Some("default"));
    check(
        &GetObjectAcl::new("bkt", "k"),
        Method::Get,
        "/bkt/k?acl",
        "acl",
    );
    for s in ["default", "private", "public-read", "public-read-write"] {
        assert_eq!(s.parse::<ObjectAcl>().unwrap().as_str(), s);
    }
    assert!("bogus".parse::<ObjectAcl>().is_err());

    let h = rid();
    let body = fixture("ops/get_bucket_acl.xml");
    let out = GetBucketAcl::new("bkt")
        .parse_response(&Response::new(200, &h, &body))
        .unwrap();
    assert_eq!(
        (out.owner_id.as_str(), out.owner_display_name.as_str()),
        ("0022012****", "user_example")
    );
    assert_eq!(out.acl, Acl::PublicRead);
    let again = GetBucketAcl::new("bkt")
        .parse_response(&Response::new(200, &h, out.to_xml().as_bytes()))
        .unwrap();
    assert_eq!(again, out);
    let obj = br#"<AccessControlPolicy><Owner><ID>1</ID><DisplayName>1</DisplayName></Owner><AccessControlList><Grant>default</Grant></AccessControlList></AccessControlPolicy>"#;
    let out = GetObjectAcl::new("bkt", "k")
        .parse_response(&Response::new(200, &h, obj))
        .unwrap();
    assert_eq!(out.acl, ObjectAcl::Default);
    // `default` is not a bucket ACL: a typed parse error, not a panic.
    assert!(matches!(
        GetBucketAcl::new("bkt").parse_response(&Response::new(200, &h, obj)),
        Err(Error::Parse(_))
    ));
    let missing = b"<AccessControlPolicy><Owner><ID>1</ID></Owner></AccessControlPolicy>";
    match GetBucketAcl::new("bkt").parse_response(&Response::new(200, &h, missing)) {
        Err(Error::Parse(e)) => assert!(e.reason.contains("Grant"), "{}", e.reason),
        other => panic!("{other:?}"),
    }
    check_error(&GetBucketAcl::new("bkt"));
    check_error(&PutBucketAcl::new("bkt", Acl::Private));
    check_error(&PutObjectAcl::new("bkt", "k", ObjectAcl::Default));
    check_error(&GetObjectAcl::new("bkt", "k"));
}

#[test]
fn bucket_family() {
    let req = check(
        &PutBucket::new("bkt")
            .acl(Acl::PublicRead)
            .storage_class(StorageClass::Archive)
            .data_redundancy_type(DataRedundancyType::Lrs),
        Method::Put,
        "/bkt/",
        "",
    );
    assert_eq!(req.headers.get("x-oss-acl"), Some("public-read"));
    assert_eq!(
        req.body.as_bytes().unwrap(),
        b"<CreateBucketConfiguration><StorageClass>Archive</StorageClass><DataRedundancyType>LRS</DataRedundancyType></CreateBucketConfiguration>"
    );
    assert_eq!(
        PutBucket::from_xml("bkt", req.body.as_bytes().unwrap())
            .unwrap()
            .storage_class,
        Some(StorageClass::Archive)
    );
    let plain = check(&PutBucket::new("bkt"), Method::Put, "/bkt/", "");
    assert!(plain.body.is_empty() && !plain.headers.contains("content-type"));
    check(&DeleteBucket::new("bkt"), Method::Delete, "/bkt/", "");
    check(
        &ListBuckets::new().prefix("my").marker("m").max_keys(10),
        Method::Get,
        "/",
        "prefix=my&marker=m&max-keys=10",
    );
    check(
        &GetBucketInfo::new("bkt"),
        Method::Get,
        "/bkt/?bucketInfo",
        "bucketInfo",
    );
    assert!(ListBuckets::new().max_keys(0).to_request().is_err());

    let h = rid();
    let out = ListBuckets::new()
        .parse_response(&Response::new(200, &h, &fixture("ops/list_buckets.xml")))
        .unwrap();
    assert!(out.is_truncated);
    assert_eq!(out.next_marker.as_deref(), Some("mybucket10"));
    assert_eq!(out.owner_id, "ut_test_put_bucket");
    assert_eq!(out.buckets[0].name, "mybucket01");
    assert_eq!(out.buckets[0].region.as_deref(), Some("cn-hangzhou"));
    assert_eq!(
        ListBuckets::new()
            .parse_response(&Response::new(200, &h, out.to_xml().as_bytes()))
            .unwrap(),
        out
    );

    let out = GetBucketInfo::new("oss-example")
        .parse_response(&Response::new(200, &h, &fixture("ops/get_bucket_info.xml")))
        .unwrap();
    assert_eq!(out.name, "oss-example");
    assert_eq!(out.acl, "private");
    assert_eq!(out.data_redundancy_type.as_deref(), Some("LRS"));
    assert_eq!(out.owner_id, "27183473914****");
    assert_eq!(
        GetBucketInfo::new("oss-example")
            .parse_response(&Response::new(200, &h, out.to_xml().as_bytes()))
            .unwrap(),
        out
    );

    check_error(&PutBucket::new("bkt"));
    check_error(&DeleteBucket::new("bkt"));
    check_error(&ListBuckets::new());
    check_error(&GetBucketInfo::new("bkt"));
}

#[test]
fn object_family() {
    let req = check(
        &PutObject::new("bkt", "dir/ü +%?#.txt")
            .bytes(b"hello".to_vec())
            .content_type("text/plain")
            .meta("Author", "alice")
            .acl(ObjectAcl::Explicit(Acl::Private))
            .storage_class(StorageClass::Ia)
            .with_content_md5(),
        Method::Put,
        "/bkt/dir/ü +%?#.txt",
        "",
    );
    assert_eq!(req.headers.get("content-type"), Some("text/plain"));
    assert_eq!(req.headers.get("x-oss-meta-author"), Some("alice"));
    assert_eq!(req.headers.get("x-oss-object-acl"), Some("private"));
    assert_eq!(req.headers.get("x-oss-storage-class"), Some("IA"));
    assert_eq!(
        req.headers.get("content-md5"),
        Some("XUFAKrxLKna5cZ2REBfFkg==")
    );
    let stream = PutObject::new("bkt", "big")
        .stream_length(1 << 30)
        .to_request()
        .unwrap();
    assert_eq!(stream.body.len(), 1 << 30);
    assert!(stream.body.as_bytes().is_none());
    assert!(
        PutObject::new("bkt", "k")
            .meta("bad name", "v")
            .to_request()
            .is_err()
    );
    assert!(
        PutObject::new("bkt", "k")
            .meta("a", "1")
            .meta("A", "2")
            .to_request()
            .is_err()
    );

    let req = check(
        &GetObject::new("bkt", "k").range(10, None).version_id("v"),
        Method::Get,
        "/bkt/k?versionId=v",
        "versionId=v",
    );
    assert_eq!(req.headers.get("range"), Some("bytes=10-"));
    let mut g = GetObject::new("bkt", "k");
    g.overrides.content_disposition = Some("attachment; filename=a.txt".into());
    check(
        &g,
        Method::Get,
        "/bkt/k?response-content-disposition=attachment; filename=a.txt",
        "response-content-disposition=attachment%3B%20filename%3Da.txt",
    );
    assert!(
        GetObject::new("bkt", "k")
            .range(5, Some(4))
            .to_request()
            .is_err()
    );
    check(&HeadObject::new("bkt", "k"), Method::Head, "/bkt/k", "");
    check(&DeleteObject::new("bkt", "k"), Method::Delete, "/bkt/k", "");
    let req = check(
        &DeleteMultipleObjects::new("bkt", ["a", "b&<\"'\u{1}c"]).quiet(true),
        Method::Post,
        "/bkt/?delete",
        "delete&encoding-type=url",
    );
    let body = req.body.as_bytes().unwrap();
    assert_eq!(
        req.headers.get("content-md5"),
        Some(content_md5(body).as_str())
    );
    let back = DeleteMultipleObjects::from_xml("bkt", body).unwrap();
    assert_eq!(back.objects[1].key, "b&<\"'\u{1}c");
    assert!(back.quiet);
    let padded = DeleteMultipleObjects::new("bkt", [" lead", "trail ", " "])
        .to_request()
        .unwrap();
    let back = DeleteMultipleObjects::from_xml("bkt", padded.body.as_bytes().unwrap()).unwrap();
    let keys: Vec<&str> = back.objects.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, [" lead", "trail ", " "]);
    assert!(
        DeleteMultipleObjects::new("bkt", Vec::<String>::new())
            .to_request()
            .is_err()
    );
    assert!(
        DeleteMultipleObjects::new("bkt", (0..1001).map(|i| i.to_string()))
            .to_request()
            .is_err()
    );
    check(
        &ListObjectsV2::new("bkt")
            .prefix("a/")
            .delimiter("/")
            .max_keys(2),
        Method::Get,
        "/bkt/",
        "list-type=2&prefix=a%2F&delimiter=%2F&max-keys=2&encoding-type=url",
    );

    let headers: Headers = [
        ("x-oss-request-id", "RID-2"),
        ("Content-Length", "5"),
        ("Content-Type", "text/plain"),
        ("ETag", "\"5D41402ABC4B2A76B9719D911017C592\""),
        ("x-oss-hash-crc64ecma", "5981764153023615706"),
        ("x-oss-meta-Author", "alice"),
        ("x-oss-object-type", "Normal"),
    ]
    .into_iter()
    .collect();
    let out = HeadObject::new("bkt", "k")
        .parse_response(&Response::new(200, &headers, b""))
        .unwrap();
    assert_eq!(out.meta.content_length, Some(5));
    assert_eq!(out.meta.crc64, Some(5981764153023615706));
    assert_eq!(
        out.meta.metadata,
        vec![("author".to_string(), "alice".to_string())]
    );
    assert_eq!(out.request_id, "RID-2");
    let out = GetObject::new("bkt", "k")
        .parse_response(&Response::new(200, &headers, b""))
        .unwrap();
    assert_eq!(
        out.meta.etag.as_deref(),
        Some("\"5D41402ABC4B2A76B9719D911017C592\"")
    );
    let out = PutObject::new("bkt", "k")
        .parse_response(&Response::new(200, &headers, b""))
        .unwrap();
    assert_eq!(out.crc64, Some(5981764153023615706));
    let dm: Headers = [("x-oss-delete-marker", "true"), ("x-oss-version-id", "v9")]
        .into_iter()
        .collect();
    let out = DeleteObject::new("bkt", "k")
        .parse_response(&Response::new(204, &dm, b""))
        .unwrap();
    assert!(out.delete_marker);
    assert_eq!(out.version_id.as_deref(), Some("v9"));

    let h = rid();
    let result = br#"<DeleteResult><EncodingType>url</EncodingType><Deleted><Key>a%26b%20c</Key></Deleted><Deleted><Key>x</Key><DeleteMarker>true</DeleteMarker><VersionId>v1</VersionId></Deleted></DeleteResult>"#;
    let out = DeleteMultipleObjects::new("bkt", ["a&b c", "x"])
        .parse_response(&Response::new(200, &h, result))
        .unwrap();
    assert_eq!(out.deleted[0].key, "a&b c");
    assert!(out.deleted[1].delete_marker);
    let again = DeleteMultipleObjects::new("bkt", ["x"])
        .parse_response(&Response::new(200, &h, out.to_xml(true).as_bytes()))
        .unwrap();
    assert_eq!(again, out);

    // A HEAD error comes without a body: the status is kept and the code defaulted.
    match HeadObject::new("bkt", "k").parse_response(&Response::new(404, &h, b"")) {
        Err(Error::Service(e)) => assert_eq!(
            (e.status, e.code.as_str(), e.request_id.as_str()),
            (404, "NotFound", "RID-1")
        ),
        other => panic!("{other:?}"),
    }
    check_error(&PutObject::new("bkt", "k"));
    check_error(&GetObject::new("bkt", "k"));
    check_error(&HeadObject::new("bkt", "k"));
    check_error(&DeleteObject::new("bkt", "k"));
    check_error(&DeleteMultipleObjects::new("bkt", ["k"]));
    check_error(&ListObjectsV2::new("bkt"));
}

#[test]
fn listing_decodes_url_encoded_keys() {
    let h = rid();
    let op = ListObjectsV2::new("examplebucket");
    let out = op
        .parse_response(&Response::new(200, &h, &fixture("ops/list_objects_v2.xml")))
        .unwrap();
    assert_eq!(out.prefix.as_deref(), Some("dir/"));
    assert_eq!(out.delimiter.as_deref(), Some("/"));
    assert_eq!(out.contents[0].key, "dir/a b+c%d?#é&<.txt");
    assert_eq!(out.contents[0].size, 25);
    assert_eq!(out.contents[0].owner_id.as_deref(), Some("1250000000"));
    assert_eq!(out.common_prefixes, vec!["dir/sub dir/".to_string()]);
    assert_eq!(out.key_count, Some(2));
    // Round trip through the server-side writer with awkward keys.
    let keys = [
        "plain",
        "sp ace",
        "plus+",
        "per%cent",
        "q?h#",
        "ünï",
        "x&y<z>\"'",
        "tab\tctl\u{1}",
    ];
    let page = ListObjectsV2Output {
        name: "b".into(),
        encoding_type: Some("url".into()),
        contents: keys
            .iter()
            .map(|k| ObjectSummary {
                key: (*k).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let back = op
        .parse_response(&Response::new(200, &h, page.to_xml().as_bytes()))
        .unwrap();
    let got: Vec<&str> = back.contents.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(got, keys);
    let bad = b"<ListBucketResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Contents><Key>%zz</Key></Contents></ListBucketResult>";
    assert!(matches!(
        op.parse_response(&Response::new(200, &h, bad)),
        Err(Error::Parse(_))
    ));
    let no_key = b"<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Size>1</Size></Contents></ListBucketResult>";
    match op.parse_response(&Response::new(200, &h, no_key)) {
        Err(Error::Parse(e)) => assert!(e.reason.contains("<Key>"), "{}", e.reason),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pagination_walks_three_pages_and_refuses_loops() {
    let page = |token: Option<&str>, keys: &[&str]| ListObjectsV2Output {
        is_truncated: token.is_some(),
        next_continuation_token: token.map(str::to_owned),
        contents: keys
            .iter()
            .map(|k| ObjectSummary {
                key: (*k).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let responses = [
        page(Some("t1"), &["a"]),
        page(Some("t2"), &["b"]),
        page(None, &["c"]),
    ];
    let mut pages = Pages::new(ListObjectsV2::new("bkt").max_keys(1));
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(op) = pages.next_op() {
        tokens.push(op.continuation_token.clone());
        let req = op.to_request().unwrap();
        assert_eq!(req.query_value("max-keys"), Some(Some("1")));
        pages.feed(&responses[i]).unwrap();
        i += 1;
    }
    assert_eq!(pages.pages(), 3);
    assert_eq!(
        tokens,
        vec![None, Some("t1".to_string()), Some("t2".to_string())]
    );

    let mut looping = Pages::new(ListAccessPoints::new());
    let same = ListAccessPointsOutput {
        is_truncated: true,
        next_continuation_token: Some("again".into()),
        ..Default::default()
    };
    looping.feed(&same).unwrap();
    let err = looping.feed(&same).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");

    let mut buckets = Pages::new(ListBuckets::new());
    buckets
        .feed(&ListBucketsOutput {
            is_truncated: true,
            next_marker: Some("m".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(buckets.next_op().unwrap().marker.as_deref(), Some("m"));
    buckets.feed(&ListBucketsOutput::default()).unwrap();
    assert!(buckets.is_done());
}

#[test]
fn every_operation_accepts_an_access_point_alias() {
    let alias = "ap-01-45ee7945007a2f0bcb595f63e2215cxxxx-ossalias";
    PutObject::new(alias, "k").to_request().unwrap();
    GetObject::new(alias, "k").to_request().unwrap();
    HeadObject::new(alias, "k").to_request().unwrap();
    DeleteObject::new(alias, "k").to_request().unwrap();
    DeleteMultipleObjects::new(alias, ["k"])
        .to_request()
        .unwrap();
    ListObjectsV2::new(alias).to_request().unwrap();
    PutObjectAcl::new(alias, "k", ObjectAcl::Default)
        .to_request()
        .unwrap();
    GetObjectAcl::new(alias, "k").to_request().unwrap();
    let req = GetBucketAcl::new(alias).to_request().unwrap();
    assert_eq!(v1::request_resource(&req), format!("/{alias}/?acl"));
}

#[test]
fn malformed_success_bodies_are_parse_errors() {
    let h = rid();
    for body in [
        &b""[..],
        b"<html>oops</html>",
        b"<GetAccessPointResult><Alias>x",
        b"\0\xff",
    ] {
        match GetAccessPoint::new("b-1", "ap-01").parse_response(&Response::new(200, &h, body)) {
            Err(Error::Parse(e)) => {
                assert_eq!(e.status, 200);
                assert_eq!(e.request_id.as_deref(), Some("RID-1"));
            }
            other => panic!("{other:?}"),
        }
    }
}
