//! Every core operation, built from the JavaScript input (a JSON object with camelCase
//! fields) and parsed into a JSON output. The fields map one to one onto the core's input
//! and output structs; every rule (validation, request shape, XML) stays in `ossio_core`.

use crate::error::{self, ErrorInfo, guard};
use crate::signer::{HeaderPair, RequestData, request_to};
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use ossio_core::ops::{self, NetworkOrigin, ObjectMeta, Operation};
use ossio_core::{Acl, Body, Headers, ObjectAcl, Response, ValidationError};
use serde_json::{Map, Value, json};
use std::str::FromStr;

/// A JSON input object with typed, field-naming accessors.
pub struct Input(Map<String, Value>);

impl Input {
    /// Parses the JSON text `index.js` sends.
    pub fn parse(text: &str) -> napi::Result<Self> {
        match serde_json::from_str(text) {
            Ok(Value::Object(m)) => Ok(Input(m)),
            _ => Err(ErrorInfo::argument("input", "must be an object").into_napi()),
        }
    }

    fn get(&self, f: &str) -> Option<&Value> {
        self.0.get(f).filter(|v| !v.is_null())
    }

    /// A required string field.
    pub fn s(&self, f: &str) -> napi::Result<String> {
        self.os(f)?
            .ok_or_else(|| ErrorInfo::argument(f, "is required").into_napi())
    }

    /// An optional string field.
    pub fn os(&self, f: &str) -> napi::Result<Option<String>> {
        match self.get(f) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ErrorInfo::argument(f, "must be a string").into_napi()),
        }
    }

    /// An optional unsigned integer field.
    pub fn ou(&self, f: &str) -> napi::Result<Option<u64>> {
        match self.get(f) {
            None => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or_else(|| {
                ErrorInfo::argument(f, "must be a non-negative integer").into_napi()
            }),
        }
    }

    /// An optional `u32` field.
    pub fn ou32(&self, f: &str) -> napi::Result<Option<u32>> {
        self.ou(f)?
            .map(|n| {
                u32::try_from(n).map_err(|_| ErrorInfo::argument(f, "is too large").into_napi())
            })
            .transpose()
    }

    /// A boolean field, `false` when absent.
    pub fn b(&self, f: &str) -> napi::Result<bool> {
        Ok(self.ob(f)?.unwrap_or(false))
    }

    /// An optional boolean field.
    pub fn ob(&self, f: &str) -> napi::Result<Option<bool>> {
        match self.get(f) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ErrorInfo::argument(f, "must be a boolean").into_napi()),
        }
    }

    /// A required field parsed by the core's `FromStr` (ACLs, network origins, ...).
    pub fn p<T: FromStr<Err = ValidationError>>(&self, f: &str) -> napi::Result<T> {
        self.s(f)?.parse().map_err(error::validation)
    }

    /// An optional field parsed by the core's `FromStr`.
    pub fn op<T: FromStr<Err = ValidationError>>(&self, f: &str) -> napi::Result<Option<T>> {
        self.os(f)?
            .map(|s| s.parse().map_err(error::validation))
            .transpose()
    }

    /// A `{ name: value }` object of strings, in order.
    pub fn pairs(&self, f: &str) -> napi::Result<Vec<(String, String)>> {
        match self.get(f) {
            None => Ok(Vec::new()),
            Some(Value::Object(m)) => {
                m.iter()
                    .map(|(k, v)| match v {
                        Value::String(s) => Ok((k.clone(), s.clone())),
                        _ => Err(ErrorInfo::argument(&format!("{f}.{k}"), "must be a string")
                            .into_napi()),
                    })
                    .collect()
            }
            Some(_) => Err(ErrorInfo::argument(f, "must be an object of strings").into_napi()),
        }
    }

    /// A nested object.
    pub fn object(&self, f: &str) -> napi::Result<Option<Input>> {
        match self.get(f) {
            None => Ok(None),
            Some(Value::Object(m)) => Ok(Some(Input(m.clone()))),
            Some(_) => Err(ErrorInfo::argument(f, "must be an object").into_napi()),
        }
    }

    /// A nested array.
    pub fn array(&self, f: &str) -> napi::Result<Vec<Value>> {
        match self.get(f) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(ErrorInfo::argument(f, "must be an array").into_napi()),
        }
    }
}

/// An operation built from its JavaScript input.
pub trait FromInput: Sized {
    /// Builds the operation (the body, if any, comes separately).
    fn from_input(i: &Input, body: Option<Vec<u8>>) -> napi::Result<Self>;
}

/// An output as the JSON object JavaScript receives.
pub trait ToJson {
    /// The JSON value.
    fn to_json(&self) -> Value;
}

fn pairs_json(pairs: &[(String, String)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

fn meta_json(m: &ObjectMeta) -> Value {
    json!({
        "contentLength": m.content_length,
        "contentType": m.content_type,
        "etag": m.etag,
        "lastModified": m.last_modified,
        // A u64 CRC does not fit a JavaScript number: it travels as a decimal string.
        "crc64": m.crc64.map(|c| c.to_string()),
        "versionId": m.version_id,
        "objectType": m.object_type,
        "storageClass": m.storage_class,
        "metadata": pairs_json(&m.metadata),
    })
}

macro_rules! bucket_name_op {
    ($($t:ident),*) => {$(
        impl FromInput for ops::$t {
            fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
                Ok(ops::$t::new(i.s("bucket")?, i.s("name")?))
            }
        }
    )*};
}
bucket_name_op!(
    DeleteAccessPoint,
    GetAccessPoint,
    GetAccessPointPolicy,
    DeleteAccessPointPolicy,
    GetAccessPointPublicAccessBlock,
    DeleteAccessPointPublicAccessBlock
);

macro_rules! bucket_op {
    ($($t:ident),*) => {$(
        impl FromInput for ops::$t {
            fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
                Ok(ops::$t::new(i.s("bucket")?))
            }
        }
    )*};
}
bucket_op!(GetBucketAcl, DeleteBucket, GetBucketInfo);

macro_rules! request_id_output {
    ($($t:ident),*) => {$(
        impl ToJson for ops::$t {
            fn to_json(&self) -> Value {
                json!({ "requestId": self.request_id })
            }
        }
    )*};
}
request_id_output!(EmptyOutput, PutBucketAclOutput);

impl FromInput for ops::CreateAccessPoint {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::CreateAccessPoint::new(
            i.s("bucket")?,
            i.s("name")?,
            i.p::<NetworkOrigin>("networkOrigin")?,
        );
        op.vpc_id = i.os("vpcId")?;
        Ok(op)
    }
}

impl ToJson for ops::CreateAccessPointOutput {
    fn to_json(&self) -> Value {
        json!({ "accessPointArn": self.access_point_arn, "alias": self.alias, "requestId": self.request_id })
    }
}

impl ToJson for ops::GetAccessPointOutput {
    fn to_json(&self) -> Value {
        json!({
            "name": self.name, "bucket": self.bucket, "accountId": self.account_id,
            "networkOrigin": self.network_origin, "vpcId": self.vpc_id,
            "accessPointArn": self.access_point_arn, "creationDate": self.creation_date,
            "alias": self.alias, "status": self.status, "publicEndpoint": self.public_endpoint,
            "internalEndpoint": self.internal_endpoint, "blockPublicAccess": self.block_public_access,
            "requestId": self.request_id,
        })
    }
}

impl FromInput for ops::ListAccessPoints {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::ListAccessPoints::new();
        op.bucket = i.os("bucket")?;
        op.max_keys = i.ou32("maxKeys")?;
        op.continuation_token = i.os("continuationToken")?;
        Ok(op)
    }
}

impl ToJson for ops::ListAccessPointsOutput {
    fn to_json(&self) -> Value {
        let aps: Vec<Value> = self
            .access_points
            .iter()
            .map(|a| {
                json!({
                    "bucket": a.bucket, "name": a.name, "alias": a.alias,
                    "networkOrigin": a.network_origin, "vpcId": a.vpc_id, "status": a.status,
                })
            })
            .collect();
        json!({
            "isTruncated": self.is_truncated, "nextContinuationToken": self.next_continuation_token,
            "accountId": self.account_id, "maxKeys": self.max_keys, "accessPoints": aps,
            "requestId": self.request_id,
        })
    }
}

impl FromInput for ops::PutAccessPointPolicy {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        Ok(ops::PutAccessPointPolicy::new(
            i.s("bucket")?,
            i.s("name")?,
            i.s("policy")?,
        ))
    }
}

impl ToJson for ops::GetAccessPointPolicyOutput {
    fn to_json(&self) -> Value {
        json!({ "policy": self.policy, "requestId": self.request_id })
    }
}

impl FromInput for ops::PutAccessPointPublicAccessBlock {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let block = i
            .ob("blockPublicAccess")?
            .ok_or_else(|| ErrorInfo::argument("blockPublicAccess", "is required").into_napi())?;
        Ok(ops::PutAccessPointPublicAccessBlock::new(
            i.s("bucket")?,
            i.s("name")?,
            block,
        ))
    }
}

impl ToJson for ops::GetAccessPointPublicAccessBlockOutput {
    fn to_json(&self) -> Value {
        json!({ "blockPublicAccess": self.block_public_access, "requestId": self.request_id })
    }
}

impl FromInput for ops::PutBucketAcl {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        Ok(ops::PutBucketAcl::new(i.s("bucket")?, i.p::<Acl>("acl")?))
    }
}

impl ToJson for ops::GetBucketAclOutput {
    fn to_json(&self) -> Value {
        json!({
            "ownerId": self.owner_id, "ownerDisplayName": self.owner_display_name,
            "acl": self.acl.as_str(), "requestId": self.request_id,
        })
    }
}

impl FromInput for ops::PutObjectAcl {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::PutObjectAcl::new(i.s("bucket")?, i.s("key")?, i.p::<ObjectAcl>("acl")?);
        op.version_id = i.os("versionId")?;
        Ok(op)
    }
}

impl ToJson for ops::PutObjectAclOutput {
    fn to_json(&self) -> Value {
        json!({ "versionId": self.version_id, "requestId": self.request_id })
    }
}

impl FromInput for ops::GetObjectAcl {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::GetObjectAcl::new(i.s("bucket")?, i.s("key")?);
        op.version_id = i.os("versionId")?;
        Ok(op)
    }
}

impl ToJson for ops::GetObjectAclOutput {
    fn to_json(&self) -> Value {
        json!({
            "ownerId": self.owner_id, "ownerDisplayName": self.owner_display_name,
            "acl": self.acl.as_str(), "versionId": self.version_id, "requestId": self.request_id,
        })
    }
}

impl FromInput for ops::PutBucket {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::PutBucket::new(i.s("bucket")?);
        op.acl = i.op("acl")?;
        op.storage_class = i.op("storageClass")?;
        op.data_redundancy_type = i.op("dataRedundancyType")?;
        op.resource_group_id = i.os("resourceGroupId")?;
        Ok(op)
    }
}

impl FromInput for ops::ListBuckets {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::ListBuckets::new();
        op.prefix = i.os("prefix")?;
        op.marker = i.os("marker")?;
        op.max_keys = i.ou32("maxKeys")?;
        Ok(op)
    }
}

impl ToJson for ops::ListBucketsOutput {
    fn to_json(&self) -> Value {
        let buckets: Vec<Value> = self
            .buckets
            .iter()
            .map(|b| {
                json!({
                    "name": b.name, "creationDate": b.creation_date, "location": b.location,
                    "region": b.region, "extranetEndpoint": b.extranet_endpoint,
                    "intranetEndpoint": b.intranet_endpoint, "storageClass": b.storage_class,
                })
            })
            .collect();
        json!({
            "ownerId": self.owner_id, "ownerDisplayName": self.owner_display_name,
            "prefix": self.prefix, "marker": self.marker, "maxKeys": self.max_keys,
            "isTruncated": self.is_truncated, "nextMarker": self.next_marker,
            "buckets": buckets, "requestId": self.request_id,
        })
    }
}

impl ToJson for ops::GetBucketInfoOutput {
    fn to_json(&self) -> Value {
        json!({
            "name": self.name, "creationDate": self.creation_date, "location": self.location,
            "region": self.region, "extranetEndpoint": self.extranet_endpoint,
            "intranetEndpoint": self.intranet_endpoint, "storageClass": self.storage_class,
            "dataRedundancyType": self.data_redundancy_type, "ownerId": self.owner_id,
            "ownerDisplayName": self.owner_display_name, "acl": self.acl,
            "resourceGroupId": self.resource_group_id, "requestId": self.request_id,
        })
    }
}

impl FromInput for ops::PutObject {
    fn from_input(i: &Input, body: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::PutObject::new(i.s("bucket")?, i.s("key")?);
        op.body = match body {
            Some(b) if !b.is_empty() => Body::Bytes(b),
            _ => Body::Empty,
        };
        op.content_type = i.os("contentType")?;
        op.metadata = i.pairs("metadata")?;
        op.acl = i.op("acl")?;
        op.storage_class = i.op("storageClass")?;
        op.cache_control = i.os("cacheControl")?;
        op.content_disposition = i.os("contentDisposition")?;
        op.content_encoding = i.os("contentEncoding")?;
        Ok(op)
    }
}

impl ToJson for ops::PutObjectOutput {
    fn to_json(&self) -> Value {
        json!({ "etag": self.etag, "versionId": self.version_id, "requestId": self.request_id })
    }
}

impl FromInput for ops::GetObject {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::GetObject::new(i.s("bucket")?, i.s("key")?);
        if let Some(r) = i.object("range")? {
            let start = r
                .ou("start")?
                .ok_or_else(|| ErrorInfo::argument("range.start", "is required").into_napi())?;
            op.range = Some((start, r.ou("end")?));
        }
        if let Some(o) = i.object("responseOverrides")? {
            op.overrides.content_type = o.os("contentType")?;
            op.overrides.content_language = o.os("contentLanguage")?;
            op.overrides.expires = o.os("expires")?;
            op.overrides.cache_control = o.os("cacheControl")?;
            op.overrides.content_disposition = o.os("contentDisposition")?;
            op.overrides.content_encoding = o.os("contentEncoding")?;
        }
        op.if_match = i.os("ifMatch")?;
        op.if_none_match = i.os("ifNoneMatch")?;
        op.if_modified_since = i.os("ifModifiedSince")?;
        op.if_unmodified_since = i.os("ifUnmodifiedSince")?;
        op.version_id = i.os("versionId")?;
        Ok(op)
    }
}

impl ToJson for ops::GetObjectOutput {
    fn to_json(&self) -> Value {
        json!({ "meta": meta_json(&self.meta), "contentRange": self.content_range, "requestId": self.request_id })
    }
}

macro_rules! key_version_op {
    ($($t:ident),*) => {$(
        impl FromInput for ops::$t {
            fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
                let mut op = ops::$t::new(i.s("bucket")?, i.s("key")?);
                op.version_id = i.os("versionId")?;
                Ok(op)
            }
        }
    )*};
}
key_version_op!(HeadObject, DeleteObject);

impl ToJson for ops::HeadObjectOutput {
    fn to_json(&self) -> Value {
        json!({ "meta": meta_json(&self.meta), "requestId": self.request_id })
    }
}

impl ToJson for ops::DeleteObjectOutput {
    fn to_json(&self) -> Value {
        json!({ "deleteMarker": self.delete_marker, "versionId": self.version_id, "requestId": self.request_id })
    }
}

impl FromInput for ops::DeleteMultipleObjects {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::DeleteMultipleObjects::new(i.s("bucket")?, Vec::<String>::new());
        for (n, v) in i.array("objects")?.into_iter().enumerate() {
            let field = format!("objects[{n}]");
            let (key, version_id) = match v {
                Value::String(k) => (k, None),
                Value::Object(m) => {
                    let o = Input(m);
                    (o.s("key")?, o.os("versionId")?)
                }
                _ => {
                    return Err(
                        ErrorInfo::argument(&field, "must be a key or { key, versionId }")
                            .into_napi(),
                    );
                }
            };
            op.objects.push(ops::ObjectIdentifier { key, version_id });
        }
        op.quiet = i.b("quiet")?;
        Ok(op)
    }
}

impl ToJson for ops::DeleteMultipleObjectsOutput {
    fn to_json(&self) -> Value {
        let deleted: Vec<Value> = self
            .deleted
            .iter()
            .map(|d| json!({ "key": d.key, "versionId": d.version_id, "deleteMarker": d.delete_marker }))
            .collect();
        json!({ "deleted": deleted, "requestId": self.request_id })
    }
}

impl FromInput for ops::ListObjectsV2 {
    fn from_input(i: &Input, _: Option<Vec<u8>>) -> napi::Result<Self> {
        let mut op = ops::ListObjectsV2::new(i.s("bucket")?);
        op.prefix = i.os("prefix")?;
        op.delimiter = i.os("delimiter")?;
        op.start_after = i.os("startAfter")?;
        op.continuation_token = i.os("continuationToken")?;
        op.max_keys = i.ou32("maxKeys")?;
        op.fetch_owner = i.b("fetchOwner")?;
        Ok(op)
    }
}

impl ToJson for ops::ListObjectsV2Output {
    fn to_json(&self) -> Value {
        let contents: Vec<Value> = self
            .contents
            .iter()
            .map(|o| {
                json!({
                    "key": o.key, "lastModified": o.last_modified, "etag": o.etag, "size": o.size,
                    "storageClass": o.storage_class, "objectType": o.object_type, "ownerId": o.owner_id,
                })
            })
            .collect();
        json!({
            "name": self.name, "prefix": self.prefix, "delimiter": self.delimiter,
            "startAfter": self.start_after, "maxKeys": self.max_keys, "keyCount": self.key_count,
            "isTruncated": self.is_truncated, "continuationToken": self.continuation_token,
            "nextContinuationToken": self.next_continuation_token, "encodingType": self.encoding_type,
            "contents": contents, "commonPrefixes": self.common_prefixes, "requestId": self.request_id,
        })
    }
}

/// Expands `$m!` with the name of every operation.
#[macro_export]
macro_rules! each_operation {
    ($m:ident, $($args:tt)*) => {
        $m!($($args)*;
            CreateAccessPoint, GetAccessPoint, ListAccessPoints, DeleteAccessPoint,
            PutAccessPointPolicy, GetAccessPointPolicy, DeleteAccessPointPolicy,
            PutAccessPointPublicAccessBlock, GetAccessPointPublicAccessBlock,
            DeleteAccessPointPublicAccessBlock, PutBucketAcl, GetBucketAcl, PutObjectAcl,
            GetObjectAcl, PutBucket, DeleteBucket, ListBuckets, GetBucketInfo, PutObject,
            GetObject, HeadObject, DeleteObject, DeleteMultipleObjects, ListObjectsV2)
    };
}

/// Runs `$body` with `$op` bound to the operation named `$name`, built from `$input`.
#[macro_export]
macro_rules! dispatch {
    ($name:expr, $input:expr, $data:expr, |$op:ident| $body:expr; $($t:ident),*) => {
        match $name {
            $(stringify!($t) => {
                let $op = <ossio_core::ops::$t as $crate::ops::FromInput>::from_input($input, $data)?;
                $body
            })*
            other => Err($crate::error::ErrorInfo::argument("operation", format!("{other:?} is not an OSS operation ossio knows")).into_napi()),
        }
    };
}

/// The names of every operation.
#[napi]
pub fn operation_names() -> Vec<String> {
    macro_rules! names {
        (; $($t:ident),*) => { vec![$(stringify!($t).to_owned()),*] };
    }
    each_operation!(names,)
}

/// Builds the request of operation `name` from its JSON input (and body, for PutObject).
#[napi]
pub fn op_request(name: String, input: String, body: Option<Buffer>) -> napi::Result<RequestData> {
    guard(|| {
        let i = Input::parse(&input)?;
        let data = body.map(|b| b.to_vec());
        let req = each_operation!(dispatch, name.as_str(), &i, data, |op| op
            .to_request()
            .map_err(error::core));
        Ok(request_to(req?))
    })
}

/// Parses the response of operation `name` into its JSON output.
#[napi]
pub fn op_parse(
    name: String,
    input: String,
    status: u32,
    headers: Vec<HeaderPair>,
    body: Buffer,
) -> napi::Result<String> {
    guard(|| {
        let i = Input::parse(&input)?;
        let mut h = Headers::new();
        for p in headers {
            h.append(p.name, p.value);
        }
        let status = u16::try_from(status)
            .map_err(|_| ErrorInfo::argument("status", "must be an HTTP status").into_napi())?;
        let resp = Response::new(status, &h, &body);
        let out: napi::Result<Value> = each_operation!(dispatch, name.as_str(), &i, None, |op| op
            .parse_response(&resp)
            .map(|o| o.to_json())
            .map_err(error::core));
        Ok(out?.to_string())
    })
}
