//! Routing, access control and the operations.

use crate::auth;
use crate::auth::{KeyPair, Principal, SignedParts, Verifier};
use crate::error::{OssError, Result};
use crate::faults::{Fault, Faults};
use crate::http::{BodyReader, Delivery, Handler, RequestHead, Response, ResponseBody};
use crate::log::{RequestLog, RequestRecord};
use crate::routes::{self, Routed};
use crate::state::{
    AccessPoint, Blob, Bucket, DEFAULT_RESOURCE_GROUP, Object, Store, unique_suffix,
};
use md5::{Digest, Md5};
use ossio_core::names;
use ossio_core::ops::decl::OpSchema;
use ossio_core::ops::{self, CreateAccessPoint};
use ossio_core::{Acl, Headers, ObjectAcl, encoding, time, validate, xml};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

// The object operations beyond PUT/GET/DELETE, one file per concern, as child modules
// (they use this module's private helpers).
#[path = "append.rs"]
mod append;
#[path = "copy.rs"]
mod copy;
#[path = "multipart.rs"]
mod multipart;
#[path = "object_version.rs"]
mod object_version;
#[path = "symlink.rs"]
mod symlink;
#[path = "tagging.rs"]
mod tagging;
#[path = "versions.rs"]
mod versions;

/// Access points per bucket.
pub(crate) const MAX_AP_PER_BUCKET: usize = 100;
/// Access points per account.
pub(crate) const MAX_AP_PER_ACCOUNT: usize = 1000;
/// OSS's EC for a body that did not arrive in time.
const EC_REQUEST_TIMEOUT: &str = "0017-00000704";
/// Largest XML or JSON request document read into memory.
const MAX_DOC_BYTES: u64 = 1 << 20;

/// Everything a running server shares between its connection threads.
pub(crate) struct Service {
    pub keys: Vec<KeyPair>,
    pub region: String,
    pub account_id: String,
    pub domains: Vec<String>,
    pub max_body: u64,
    pub faults: Arc<Faults>,
    pub store: Mutex<Store>,
    pub request_ids: AtomicU64,
    pub log: RequestLog,
}

/// Bucket, key and decoded query of a request.
type Route = (
    Option<String>,
    Option<String>,
    Vec<(String, Option<String>)>,
);

/// The registered operations this server serves (`dispatch` has an arm for each).
const SERVED: &[&str] = &[
    "ListBuckets",
    "ListAccessPoints",
    "PutBucket",
    "DeleteBucket",
    "PutBucketAcl",
    "GetBucketAcl",
    "GetBucketInfo",
    "GetBucketLocation",
    "ListObjects",
    "ListObjectsV2",
    "DeleteMultipleObjects",
    "CreateAccessPoint",
    "GetAccessPoint",
    "DeleteAccessPoint",
    "PutAccessPointPolicy",
    "GetAccessPointPolicy",
    "DeleteAccessPointPolicy",
    "PutAccessPointPublicAccessBlock",
    "GetAccessPointPublicAccessBlock",
    "DeleteAccessPointPublicAccessBlock",
    "PutObject",
    "GetObject",
    "HeadObject",
    "GetObjectMeta",
    "DeleteObject",
    "PutObjectAcl",
    "GetObjectAcl",
    "InitiateMultipartUpload",
    "UploadPart",
    "UploadPartCopy",
    "CompleteMultipartUpload",
    "AbortMultipartUpload",
    "ListParts",
    "ListMultipartUploads",
    "CopyObject",
    "AppendObject",
    "ListObjectVersions",
    "SealAppendObject",
    "PutObjectTagging",
    "GetObjectTagging",
    "DeleteObjectTagging",
    "PutSymlink",
    "GetSymlink",
    "OptionObject",
];

/// Whether the operation `name` has a handler of its own (an arm in `dispatch`).
pub(crate) fn has_handler(name: &str) -> bool {
    SERVED.contains(&name)
}

/// Whether this server serves the registered operation `name` (any other is
/// `501 NotImplemented`): one of `SERVED`, or a bucket configuration served generically
/// ([`crate::config`]).
pub fn serves(name: &str) -> bool {
    SERVED.contains(&name) || crate::config::serves(name)
}

/// Whether OSS answers `404 NoSuchBucket` for a missing bucket before it authenticates a
/// request for `op`: every call to a bucket but the two that may create one (PutBucket, and
/// PutBucketAcl, which once did).
fn existence_first(op: &str) -> bool {
    !matches!(op, "PutBucket" | "PutBucketAcl" | "ListBuckets")
}

/// A request as the log records it.
#[derive(Default)]
struct Seen {
    op: Option<&'static str>,
    bucket: Option<String>,
    key: Option<String>,
    query: Vec<(String, Option<String>)>,
}

/// One request, with bucket and key resolved from host and path.
struct Ctx<'a> {
    method: String,
    bucket: Option<String>,
    key: Option<String>,
    query: Vec<(String, Option<String>)>,
    headers: &'a Headers,
    principal: Principal,
    now: u64,
}

impl Ctx<'_> {
    fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    fn owner(&self) -> Result<()> {
        match self.principal {
            Principal::Owner => Ok(()),
            Principal::Anonymous => Err(OssError::access_denied(
                "You have no right to access this resource: anonymous access is not allowed.",
            )),
        }
    }
}

fn quoted_md5(md5: &[u8]) -> String {
    let hex: String = md5.iter().map(|b| format!("{b:02X}")).collect();
    format!("\"{hex}\"")
}

fn md5_from_etag(etag: &str) -> Option<Vec<u8>> {
    let h = etag.trim_matches('"');
    if h.len() != 32 {
        return None;
    }
    (0..16)
        .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
        .collect()
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(crate) fn xml_response(doc: String) -> Response {
    Response::new(200)
        .header(names::CONTENT_TYPE, names::APPLICATION_XML)
        .body(ResponseBody::Bytes(
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doc}").into_bytes(),
        ))
}

pub(crate) fn io_err(e: std::io::Error) -> OssError {
    OssError::new(500, "InternalError", format!("storage error: {e}"))
}

impl Service {
    fn now(&self) -> u64 {
        let real = time::unix_seconds(std::time::SystemTime::now()) as i64;
        (real + self.faults.clock_skew()).max(0) as u64
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn request_id(&self) -> String {
        let n = self.request_ids.fetch_add(1, Ordering::SeqCst);
        let t = time::unix_seconds(std::time::SystemTime::now());
        format!("{:08X}{:016X}", t as u32, n ^ 0x5EED_0000_0000_0000)
    }

    /// The bucket named by a virtual-hosted `Host: <bucket>.<domain>`, where `<domain>` is a
    /// host this server is reached at (`localhost`, its address, a configured domain). Any
    /// other `Host` is taken as path-style: some SDKs send a virtual-hosted `Host` header
    /// for the cloud endpoint while putting the bucket in the path of a local endpoint.
    fn host_bucket(&self, host: &str) -> Option<String> {
        if host.starts_with('[') {
            return None;
        }
        let name = host
            .rsplit_once(':')
            .map_or(host, |(h, _)| h)
            .to_ascii_lowercase();
        let (first, rest) = name.split_once('.')?;
        (!first.is_empty() && self.is_domain(rest)).then(|| first.to_owned())
    }

    fn is_domain(&self, name: &str) -> bool {
        name == "localhost" || self.domains.iter().any(|d| d == name)
    }

    fn route(&self, head: &RequestHead) -> Result<Route> {
        let (raw_path, raw_query) = head
            .target
            .split_once('?')
            .unwrap_or((head.target.as_str(), ""));
        // Absolute-form targets (`http://host/path`) carry the path after the authority.
        let raw_path = match raw_path.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
            None => raw_path,
        };
        let path = encoding::decode(raw_path, false).map_err(|_| {
            OssError::invalid_argument(
                "The request path is not valid percent-encoding.",
                "path",
                raw_path,
            )
        })?;
        let query = encoding::parse_query(raw_query).map_err(|_| {
            OssError::invalid_argument(
                "The query string is not valid percent-encoding.",
                "query",
                raw_query,
            )
        })?;
        let host = head.headers.get("host").unwrap_or("");
        let rest = path.strip_prefix('/').unwrap_or(&path);
        let (bucket, key) = match self.host_bucket(host) {
            Some(b) => (Some(b), rest.to_owned()),
            None if rest.is_empty() => (None, String::new()),
            None => match rest.split_once('/') {
                Some((b, k)) => (Some(b.to_owned()), k.to_owned()),
                None => (Some(rest.to_owned()), String::new()),
            },
        };
        Ok((bucket, (!key.is_empty()).then_some(key), query))
    }

    /// What a request is, for the request log: routed without authenticating.
    fn identify(&self, head: &RequestHead) -> Seen {
        let Ok((bucket, key, query)) = self.route(head) else {
            return Seen::default();
        };
        let op = match routes::resolve(
            bucket.as_deref(),
            key.as_deref(),
            &head.method.to_ascii_uppercase(),
            &query,
            &head.headers,
            serves,
        ) {
            Routed::Op(op) => Some(op.name),
            // Every `OPTIONS` to a bucket is a preflight (see `handle_inner`).
            _ if head.method.eq_ignore_ascii_case("OPTIONS") && bucket.is_some() => {
                Some("OptionObject")
            }
            _ => None,
        };
        Seen {
            op,
            bucket,
            key,
            query,
        }
    }

    fn handle_inner(&self, head: &RequestHead, body: &mut BodyReader<'_>) -> Result<Response> {
        let (bucket, key, query) = self.route(head)?;
        let now = self.now();
        let method = head.method.to_ascii_uppercase();
        // A CORS preflight is answered from the bucket's rules, unauthenticated.
        if let (true, Some(b)) = (method == "OPTIONS", bucket.as_deref()) {
            return self.preflight(b, &head.headers);
        }
        let routed = routes::resolve(
            bucket.as_deref(),
            key.as_deref(),
            &method,
            &query,
            &head.headers,
            serves,
        );
        let verifier = Verifier {
            keys: &self.keys,
            region: &self.region,
            now,
        };
        let verified = verifier.verify(&SignedParts {
            method: &method,
            bucket: bucket.as_deref(),
            key: key.as_deref(),
            query: &query,
            headers: &head.headers,
        });
        let principal = match verified {
            Ok(p) => p,
            Err(e) => {
                // OSS tells a caller that a bucket does not exist before it checks who is
                // asking, except for the calls that may create one.
                if let (Routed::Op(op), Some(b)) = (&routed, bucket.as_deref()) {
                    if existence_first(op.name) && self.store().resolve(b).is_none() {
                        return Err(OssError::no_such_bucket(b));
                    }
                }
                return Err(e);
            }
        };
        let op = match routed {
            Routed::Op(op) => op,
            Routed::NotImplemented(what) => return Err(OssError::not_implemented(&what)),
            Routed::MethodNotAllowed => {
                return Err(OssError::new(
                    405,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                ));
            }
        };
        let ctx = Ctx {
            method,
            bucket,
            key,
            query,
            headers: &head.headers,
            principal,
            now,
        };
        self.dispatch(op, &ctx, body)
    }

    fn dispatch(
        &self,
        op: &OpSchema,
        ctx: &Ctx<'_>,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let bucket = ctx.bucket.as_deref().unwrap_or("");
        let key = ctx.key.as_deref().unwrap_or("");
        if !key.is_empty() {
            validate::object_key(key).map_err(|e| {
                OssError::new(
                    400,
                    "InvalidObjectName",
                    format!("The specified object is not valid: {}", e.reason),
                )
                .detail("ObjectName", key)
            })?;
        }
        // One arm per served operation; `SERVED` below lists the same names.
        match op.name {
            "ListBuckets" => self.list_buckets(ctx),
            "ListAccessPoints" => self.list_access_points(ctx, ctx.bucket.as_deref()),
            "PutBucket" => self.put_bucket(ctx, bucket, body),
            "DeleteBucket" => self.delete_bucket(ctx, bucket),
            "PutBucketAcl" => self.put_bucket_acl(ctx, bucket),
            "GetBucketAcl" => self.get_bucket_acl(ctx, bucket),
            "GetBucketInfo" => self.get_bucket_info(ctx, bucket),
            "GetBucketLocation" => self.get_bucket_location(ctx, bucket),
            "ListObjects" => self.list_objects(ctx, bucket, false),
            "ListObjectsV2" => self.list_objects(ctx, bucket, true),
            "DeleteMultipleObjects" => self.delete_multiple(ctx, bucket, body),
            "CreateAccessPoint" => self.create_access_point(ctx, bucket, body),
            "GetAccessPoint" => self.get_access_point(ctx, bucket),
            "DeleteAccessPoint" => self.delete_access_point(ctx, bucket),
            "PutAccessPointPolicy" | "GetAccessPointPolicy" | "DeleteAccessPointPolicy" => {
                self.access_point_policy(ctx, bucket, body)
            }
            "PutAccessPointPublicAccessBlock"
            | "GetAccessPointPublicAccessBlock"
            | "DeleteAccessPointPublicAccessBlock" => self.access_point_pab(ctx, bucket, body),
            "PutObject" => self.put_object(ctx, bucket, key, body),
            "GetObject" | "HeadObject" => self.get_object(ctx, bucket, key, false),
            "GetObjectMeta" => self.get_object(ctx, bucket, key, true),
            "DeleteObject" => self.delete_object(ctx, bucket, key),
            "PutObjectAcl" => self.put_object_acl(ctx, bucket, key),
            "GetObjectAcl" => self.get_object_acl(ctx, bucket, key),
            "InitiateMultipartUpload" => self.initiate_multipart(ctx, bucket, key),
            "UploadPart" => self.upload_part(ctx, bucket, key, body),
            "UploadPartCopy" => self.upload_part_copy(ctx, bucket, key),
            "CompleteMultipartUpload" => self.complete_multipart(ctx, bucket, key, body),
            "AbortMultipartUpload" => self.abort_multipart(ctx, bucket, key),
            "ListParts" => self.list_parts(ctx, bucket, key),
            "ListMultipartUploads" => self.list_uploads(ctx, bucket),
            "CopyObject" => self.copy_object(ctx, bucket, key),
            "AppendObject" => self.append_object(ctx, bucket, key, body),
            "ListObjectVersions" => self.list_object_versions(ctx, bucket),
            "SealAppendObject" => self.seal_append_object(ctx, bucket, key),
            "PutObjectTagging" => self.put_object_tagging(ctx, bucket, key, body),
            "GetObjectTagging" => self.get_object_tagging(ctx, bucket, key),
            "DeleteObjectTagging" => self.delete_object_tagging(ctx, bucket, key),
            "PutSymlink" => self.put_symlink(ctx, bucket, key),
            "GetSymlink" => self.get_symlink(ctx, bucket, key),
            "OptionObject" => self.preflight(bucket, ctx.headers),
            name if crate::config::serves(name) => {
                ctx.owner()?;
                let family = crate::config::family_of(name).expect("served generically");
                self.serve_config(family, op, bucket, &ctx.query, ctx.headers, body)
            }
            other => Err(OssError::not_implemented(other)),
        }
    }

    // ---------------------------------------------------------------- buckets

    fn bucket<'s>(&self, store: &'s Store, name: &str) -> Result<&'s Bucket> {
        store
            .buckets
            .get(name)
            .ok_or_else(|| OssError::no_such_bucket(name))
    }

    fn put_bucket(&self, ctx: &Ctx<'_>, name: &str, body: &mut BodyReader<'_>) -> Result<Response> {
        ctx.owner()?;
        validate::bucket_name(name).map_err(|e| {
            OssError::new(
                400,
                "InvalidBucketName",
                format!("The specified bucket is not valid: {}", e.reason),
            )
            .ec("0015-00000001")
            .detail("BucketName", name)
        })?;
        let doc = read_doc(body)?;
        let op = ops::PutBucket::from_xml(name, &doc).map_err(|e| OssError::malformed_xml(&e))?;
        let acl = match ctx.headers.get(names::X_OSS_ACL) {
            Some(a) => parse_acl(a, names::X_OSS_ACL)?,
            None => op.acl.unwrap_or(Acl::Private),
        };
        let resource_group_id = ctx
            .headers
            .get(names::X_OSS_RESOURCE_GROUP_ID)
            .filter(|g| !g.is_empty())
            .unwrap_or(DEFAULT_RESOURCE_GROUP)
            .to_owned();
        let sse = bucket_sse(ctx.headers)?;
        let mut store = self.store();
        // Every key of this server belongs to its one account: an existing bucket is the
        // caller's own, which OSS leaves as it is and answers 200.
        if let Some(b) = store.buckets.get(name) {
            if b.owner == self.account_id {
                return Ok(Response::new(200).header("Location", format!("/{name}")));
            }
        }
        if store.buckets.contains_key(name) || store.resolve(name).is_some() {
            return Err(OssError::new(
                409,
                "BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
            )
            .ec("0015-00000102")
            .detail("BucketName", name));
        }
        if store.buckets.len() >= 100 {
            return Err(OssError::new(
                400,
                "TooManyBuckets",
                "You have attempted to create more buckets than allowed (100 per region).",
            ));
        }
        store.buckets.insert(
            name.to_owned(),
            Bucket {
                name: name.to_owned(),
                acl: acl.as_str().to_owned(),
                created: ctx.now,
                storage_class: op
                    .storage_class
                    .map_or("Standard".to_owned(), |c| c.as_str().to_owned()),
                data_redundancy: op
                    .data_redundancy_type
                    .map_or("LRS".to_owned(), |d| d.as_str().to_owned()),
                region: self.region.clone(),
                owner: self.account_id.clone(),
                resource_group_id,
                comment: String::new(),
                sse,
                configs: Default::default(),
            },
        );
        if let Err(e) = store.save_meta() {
            store.buckets.remove(name);
            return Err(io_err(e));
        }
        Ok(Response::new(200).header("Location", format!("/{name}")))
    }

    fn delete_bucket(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        ctx.owner()?;
        let mut store = self.store();
        self.bucket(&store, name)?;
        if !store.bucket_is_empty(name) {
            return Err(OssError::new(
                409,
                "BucketNotEmpty",
                "The bucket you tried to delete is not empty.",
            )
            .ec("0015-00000301")
            .detail("BucketName", name));
        }
        if store.uploads.values().any(|u| u.bucket == name) {
            return Err(OssError::new(
                409,
                "BucketNotEmpty",
                "The bucket you tried to delete has multipart uploads in progress. Abort them first.",
            )
            .ec("0015-00000301")
            .detail("BucketName", name));
        }
        if store.access_points.values().any(|a| a.bucket == name) {
            return Err(OssError::new(
                409,
                "BucketNotEmpty",
                "The bucket you tried to delete still has access points. Delete them first.",
            )
            .detail("BucketName", name));
        }
        let old = store.buckets.remove(name);
        store.objects.remove(name);
        if let Err(e) = store.save_meta() {
            if let Some(b) = old {
                store.buckets.insert(name.to_owned(), b);
            }
            return Err(io_err(e));
        }
        Ok(Response::new(204))
    }

    fn put_bucket_acl(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        ctx.owner()?;
        let value = ctx.headers.get(names::X_OSS_ACL).unwrap_or("");
        let acl = parse_acl(value, names::X_OSS_ACL)?;
        let mut store = self.store();
        let b = store
            .buckets
            .get_mut(name)
            .ok_or_else(|| OssError::no_such_bucket(name))?;
        let old = std::mem::replace(&mut b.acl, acl.as_str().to_owned());
        if let Err(e) = store.save_meta() {
            if let Some(b) = store.buckets.get_mut(name) {
                b.acl = old;
            }
            return Err(io_err(e));
        }
        Ok(Response::new(200))
    }

    fn get_bucket_acl(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        ctx.owner()?;
        let store = self.store();
        let b = self.bucket(&store, name)?;
        let doc = ops::AccessControlPolicy {
            owner_id: b.owner.clone(),
            owner_display_name: b.owner.clone(),
            grant: b.acl.clone(),
        }
        .to_xml();
        Ok(xml_response(doc))
    }

    fn endpoints(&self) -> (String, String) {
        (
            format!("oss-{}.aliyuncs.com", self.region),
            format!("oss-{}-internal.aliyuncs.com", self.region),
        )
    }

    fn get_bucket_info(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        ctx.owner()?;
        let store = self.store();
        let b = self.bucket(&store, name)?;
        let (ext, int) = self.endpoints();
        let out = ops::GetBucketInfoOutput {
            name: b.name.clone(),
            creation_date: time::iso8601_extended(b.created),
            location: format!("oss-{}", b.region),
            region: Some(b.region.clone()),
            extranet_endpoint: Some(ext),
            intranet_endpoint: Some(int),
            storage_class: Some(b.storage_class.clone()),
            data_redundancy_type: Some(b.data_redundancy.clone()),
            owner_id: b.owner.clone(),
            owner_display_name: b.owner.clone(),
            acl: b.acl.clone(),
            resource_group_id: Some(b.resource_group_id.clone()),
            access_monitor: Some("Disabled".to_owned()),
            cross_region_replication: Some("Disabled".to_owned()),
            transfer_acceleration: Some("Disabled".to_owned()),
            versioning: match b.versioning() {
                crate::state::Versioning::Off => None,
                crate::state::Versioning::Enabled => Some("Enabled".to_owned()),
                crate::state::Versioning::Suspended => Some("Suspended".to_owned()),
            },
            comment: Some(b.comment.clone()),
            block_public_access: Some(false),
            sse_rule: Some(match &b.sse {
                Some((alg, key, data)) => ops::SseRule {
                    sse_algorithm: Some(alg.clone()),
                    kms_master_key_id: key.clone(),
                    kms_data_encryption: data.clone(),
                },
                None => ops::SseRule {
                    sse_algorithm: Some("None".to_owned()),
                    ..Default::default()
                },
            }),
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    fn get_bucket_location(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        ctx.owner()?;
        let store = self.store();
        let b = self.bucket(&store, name)?;
        let mut w = xml::Writer::new();
        w.element("LocationConstraint", &format!("oss-{}", b.region));
        Ok(xml_response(w.finish()))
    }

    fn list_buckets(&self, ctx: &Ctx<'_>) -> Result<Response> {
        ctx.owner()?;
        let prefix = ctx.q("prefix").filter(|p| !p.is_empty());
        let marker = ctx.q("marker").filter(|p| !p.is_empty());
        let max = parse_max_keys(ctx.q("max-keys"), 100, 1000)?;
        let store = self.store();
        let (ext, int) = self.endpoints();
        let mut buckets = Vec::new();
        let mut truncated = false;
        let group = ctx
            .headers
            .get(names::X_OSS_RESOURCE_GROUP_ID)
            .filter(|g| !g.is_empty());
        for b in store.buckets.values() {
            if group.is_some_and(|g| b.resource_group_id != g) {
                continue;
            }
            if prefix.is_some_and(|p| !b.name.starts_with(p))
                || marker.is_some_and(|m| b.name.as_str() <= m)
            {
                continue;
            }
            if buckets.len() == max {
                truncated = true;
                break;
            }
            buckets.push(ops::BucketSummary {
                name: b.name.clone(),
                creation_date: time::iso8601_extended(b.created),
                location: format!("oss-{}", b.region),
                region: Some(b.region.clone()),
                extranet_endpoint: Some(ext.clone()),
                intranet_endpoint: Some(int.clone()),
                storage_class: Some(b.storage_class.clone()),
                resource_group_id: Some(b.resource_group_id.clone()),
            });
        }
        let next_marker = truncated
            .then(|| buckets.last().map(|b| b.name.clone()))
            .flatten();
        let out = ops::ListBucketsOutput {
            owner_id: self.account_id.clone(),
            owner_display_name: self.account_id.clone(),
            prefix: prefix.map(str::to_owned),
            marker: marker.map(str::to_owned),
            max_keys: ctx.q("max-keys").map(|_| max as u32),
            is_truncated: truncated,
            next_marker,
            buckets,
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    // ---------------------------------------------------------------- access points

    fn create_access_point(
        &self,
        ctx: &Ctx<'_>,
        bucket: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        ctx.owner()?;
        let doc = read_doc(body)?;
        {
            let store = self.store();
            self.bucket(&store, bucket)?;
        }
        let op =
            CreateAccessPoint::from_xml(bucket, &doc).map_err(|e| OssError::malformed_xml(&e))?;
        op.validate().map_err(|e| {
            let name = match e.kind {
                ossio_core::ValidationKind::AccessPointName => "AccessPointName",
                ossio_core::ValidationKind::NetworkOrigin => "NetworkOrigin",
                _ => "BucketName",
            };
            OssError::invalid_argument(&e.to_string(), name, e.value.as_deref().unwrap_or(""))
        })?;
        let mut store = self.store();
        self.bucket(&store, bucket)?;
        if store.access_points.contains_key(&op.name) {
            return Err(OssError::new(
                409,
                "AccessPointAlreadyExists",
                "An access point of this name already exists in this region of the account.",
            )
            .detail("AccessPointName", &op.name));
        }
        let on_bucket = store
            .access_points
            .values()
            .filter(|a| a.bucket == bucket)
            .count();
        if on_bucket >= MAX_AP_PER_BUCKET {
            return Err(OssError::new(
                400,
                "TooManyAccessPoints",
                format!("A bucket can have at most {MAX_AP_PER_BUCKET} access points."),
            )
            .detail("BucketName", bucket));
        }
        if store.access_points.len() >= MAX_AP_PER_ACCOUNT {
            return Err(OssError::new(
                400,
                "TooManyAccessPoints",
                format!("An account can have at most {MAX_AP_PER_ACCOUNT} access points."),
            ));
        }
        let random: String = (unique_suffix() + &unique_suffix())
            .chars()
            .take(30)
            .collect();
        let alias = format!("{}-{random}-ossalias", op.name);
        let arn = format!(
            "acs:oss:{}:{}:accesspoint/{}",
            self.region, self.account_id, op.name
        );
        store.access_points.insert(
            op.name.clone(),
            AccessPoint {
                name: op.name.clone(),
                bucket: bucket.to_owned(),
                network_origin: op.network_origin.as_str().to_owned(),
                vpc_id: op.vpc_id.clone(),
                alias: alias.clone(),
                arn: arn.clone(),
                created: ctx.now,
                status: "enable".to_owned(),
                policy: None,
                block_public_access: None,
            },
        );
        if let Err(e) = store.save_meta() {
            store.access_points.remove(&op.name);
            return Err(io_err(e));
        }
        let out = ops::CreateAccessPointOutput {
            access_point_arn: arn,
            alias,
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    /// The access point named by the `x-oss-access-point-name` header (or query parameter)
    /// on `bucket`.
    fn named_ap<'s>(
        &self,
        ctx: &Ctx<'_>,
        store: &'s Store,
        bucket: &str,
    ) -> Result<&'s AccessPoint> {
        self.bucket(store, bucket)?;
        let name = ctx
            .headers
            .get(ops_name_header())
            .or_else(|| ctx.q(names::X_OSS_ACCESS_POINT_NAME))
            .unwrap_or("");
        if name.is_empty() {
            return Err(OssError::new(
                400,
                "MissingArgument",
                "The access point name (x-oss-access-point-name) is missing.",
            )
            .ec("0016-00000502")
            .detail("ArgumentName", names::X_OSS_ACCESS_POINT_NAME));
        }
        store
            .access_points
            .get(name)
            .filter(|a| a.bucket == bucket)
            .ok_or_else(|| OssError::no_such_access_point(name))
    }

    fn get_access_point(&self, ctx: &Ctx<'_>, bucket: &str) -> Result<Response> {
        ctx.owner()?;
        let store = self.store();
        let ap = self.named_ap(ctx, &store, bucket)?;
        let out = ops::GetAccessPointOutput {
            name: ap.name.clone(),
            bucket: ap.bucket.clone(),
            account_id: self.account_id.clone(),
            network_origin: ap.network_origin.clone(),
            vpc_id: ap.vpc_id.clone(),
            access_point_arn: ap.arn.clone(),
            creation_date: ap.created.to_string(),
            alias: ap.alias.clone(),
            status: ap.status.clone(),
            public_endpoint: Some(format!(
                "{}.oss-{}.oss-accesspoint.aliyuncs.com",
                ap.name, self.region
            )),
            internal_endpoint: Some(format!(
                "{}.oss-{}-internal.oss-accesspoint.aliyuncs.com",
                ap.name, self.region
            )),
            block_public_access: Some(ap.block_public_access.unwrap_or(false)),
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    fn list_access_points(&self, ctx: &Ctx<'_>, bucket: Option<&str>) -> Result<Response> {
        ctx.owner()?;
        let limit = if bucket.is_some() { 100 } else { 1000 };
        let max = parse_max_keys(ctx.q("max-keys"), limit, limit)?;
        let token = ctx.q("continuation-token").filter(|t| !t.is_empty());
        let store = self.store();
        if let Some(b) = bucket {
            self.bucket(&store, b)?;
        }
        let mut page = Vec::new();
        let mut truncated = false;
        for ap in store.access_points.values() {
            if bucket.is_some_and(|b| ap.bucket != b) || token.is_some_and(|t| ap.name.as_str() < t)
            {
                continue;
            }
            if page.len() == max {
                truncated = true;
                break;
            }
            page.push(ap);
        }
        let next = if truncated {
            let last = page.last().map(|a| a.name.clone()).unwrap_or_default();
            // The token is the first name of the next page.
            store
                .access_points
                .range::<String, _>((std::ops::Bound::Excluded(&last), std::ops::Bound::Unbounded))
                .find(|(_, a)| bucket.is_none_or(|b| a.bucket == b))
                .map(|(n, _)| n.clone())
        } else {
            None
        };
        let out = ops::ListAccessPointsOutput {
            is_truncated: truncated,
            next_continuation_token: next,
            account_id: self.account_id.clone(),
            max_keys: Some(max as u32),
            access_points: page
                .iter()
                .map(|a| ops::AccessPointSummary {
                    bucket: a.bucket.clone(),
                    name: a.name.clone(),
                    alias: a.alias.clone(),
                    network_origin: a.network_origin.clone(),
                    vpc_id: a.vpc_id.clone(),
                    status: a.status.clone(),
                })
                .collect(),
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    fn delete_access_point(&self, ctx: &Ctx<'_>, bucket: &str) -> Result<Response> {
        ctx.owner()?;
        let mut store = self.store();
        let name = self.named_ap(ctx, &store, bucket)?.name.clone();
        let old = store.access_points.remove(&name);
        if let Err(e) = store.save_meta() {
            if let Some(a) = old {
                store.access_points.insert(name, a);
            }
            return Err(io_err(e));
        }
        Ok(Response::new(204))
    }

    fn update_ap(
        &self,
        ctx: &Ctx<'_>,
        bucket: &str,
        f: impl FnOnce(&mut AccessPoint),
    ) -> Result<()> {
        let mut store = self.store();
        let name = self.named_ap(ctx, &store, bucket)?.name.clone();
        let ap = store.access_points.get_mut(&name).expect("checked above");
        let old = ap.clone();
        f(ap);
        if let Err(e) = store.save_meta() {
            store.access_points.insert(name, old);
            return Err(io_err(e));
        }
        Ok(())
    }

    fn access_point_policy(
        &self,
        ctx: &Ctx<'_>,
        bucket: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        ctx.owner()?;
        match ctx.method.as_str() {
            "PUT" => {
                let doc = read_doc(body)?;
                let text = String::from_utf8(doc).map_err(|_| {
                    OssError::new(400, "InvalidPolicyDocument", "The policy is not UTF-8.")
                })?;
                if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                    return Err(OssError::new(
                        400,
                        "InvalidPolicyDocument",
                        "The policy document is not valid JSON.",
                    ));
                }
                self.update_ap(ctx, bucket, |ap| ap.policy = Some(text))?;
                Ok(Response::new(200))
            }
            "GET" => {
                let store = self.store();
                let ap = self.named_ap(ctx, &store, bucket)?;
                let policy = ap.policy.clone().ok_or_else(|| {
                    OssError::new(
                        404,
                        "NoSuchAccessPointPolicy",
                        "The access point has no policy.",
                    )
                    .detail("AccessPointName", &ap.name)
                })?;
                Ok(Response::new(200)
                    .header(names::CONTENT_TYPE, "application/json")
                    .body(ResponseBody::Bytes(policy.into_bytes())))
            }
            "DELETE" => {
                self.update_ap(ctx, bucket, |ap| ap.policy = None)?;
                Ok(Response::new(204))
            }
            m => Err(OssError::not_implemented(&format!(
                "{m} ?accessPointPolicy"
            ))),
        }
    }

    fn access_point_pab(
        &self,
        ctx: &Ctx<'_>,
        bucket: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        ctx.owner()?;
        match ctx.method.as_str() {
            "PUT" => {
                let doc = read_doc(body)?;
                let block = ops::common::public_access_block_from_xml(&doc)
                    .map_err(|e| OssError::malformed_xml(&e))?;
                self.update_ap(ctx, bucket, |ap| ap.block_public_access = Some(block))?;
                Ok(Response::new(200))
            }
            "GET" => {
                let store = self.store();
                let ap = self.named_ap(ctx, &store, bucket)?;
                Ok(xml_response(ops::common::public_access_block_xml(
                    ap.block_public_access.unwrap_or(false),
                )))
            }
            "DELETE" => {
                self.update_ap(ctx, bucket, |ap| ap.block_public_access = None)?;
                Ok(Response::new(204))
            }
            m => Err(OssError::not_implemented(&format!(
                "{m} ?publicAccessBlock"
            ))),
        }
    }

    // ---------------------------------------------------------------- objects

    /// Resolves a bucket name or alias and checks the caller may do `write` (or read).
    fn object_access(
        &self,
        ctx: &Ctx<'_>,
        store: &Store,
        name: &str,
        write: bool,
        object: Option<&Object>,
    ) -> Result<String> {
        let (bucket, ap) = store
            .resolve(name)
            .ok_or_else(|| OssError::no_such_bucket(name))?;
        if ctx.principal == Principal::Owner {
            return Ok(bucket.name.clone());
        }
        if ap.is_some_and(|a| a.block_public_access == Some(true)) {
            return Err(OssError::access_denied(
                "Public access through this access point is blocked.",
            ));
        }
        let effective = match object.map(|o| o.acl.as_str()) {
            Some(a) if a != "default" && !write => a,
            _ => bucket.acl.as_str(),
        };
        let allowed = if write {
            effective == "public-read-write"
        } else {
            effective == "public-read" || effective == "public-read-write"
        };
        if allowed {
            Ok(bucket.name.clone())
        } else {
            Err(OssError::access_denied(
                "You have no right to access this object because of bucket acl.",
            ))
        }
    }

    fn put_object(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let (bucket, bucket_class) = {
            let store = self.store();
            let bucket = self.object_access(ctx, &store, name, true, None)?;
            let class = self.bucket(&store, &bucket)?.storage_class.clone();
            (bucket, class)
        };
        // An object without its own storage class takes the bucket's.
        let storage_class = match ctx.headers.get(names::X_OSS_STORAGE_CLASS) {
            Some(c) => c
                .parse::<ops::StorageClass>()
                .map_err(|_| {
                    OssError::invalid_argument(
                        "Invalid storage class.",
                        names::X_OSS_STORAGE_CLASS,
                        c,
                    )
                })?
                .as_str()
                .to_owned(),
            None => bucket_class,
        };
        let acl = match ctx.headers.get(names::X_OSS_OBJECT_ACL) {
            Some(a) => parse_object_acl(a)?,
            None => ObjectAcl::Default,
        };
        let tags = tagging::header_tags(ctx.headers)?;
        if ctx
            .headers
            .get(names::X_OSS_FORBID_OVERWRITE)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            && self.store().would_overwrite(&bucket, key)
        {
            return Err(OssError::new(
                409,
                "FileAlreadyExists",
                "The object you specified already exists and can not be overwritten.",
            )
            .ec("0026-00000002"));
        }
        if let Some(n) = body.declared_len() {
            if n > self.max_body {
                return Err(too_large(self.max_body));
            }
        }
        let data_file = self.store().new_data_file(&bucket, key);
        let mut sink: Box<dyn Write> = match &data_file {
            Some((_, tmp)) => Box::new(std::fs::File::create(tmp).map_err(io_err)?),
            None => Box::new(Vec::new()),
        };
        let mut mem = Vec::new();
        let mut md5 = Md5::new();
        let mut crc = ossio_core::crc64::Crc64::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        let cleanup = |f: &Option<(String, std::path::PathBuf)>| {
            if let Some((_, tmp)) = f {
                let _ = std::fs::remove_file(tmp);
            }
        };
        loop {
            let n = match body.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    cleanup(&data_file);
                    return Err(body_error(&e));
                }
            };
            total += n as u64;
            if total > self.max_body {
                cleanup(&data_file);
                return Err(too_large(self.max_body));
            }
            md5.update(&buf[..n]);
            crc.update(&buf[..n]);
            if data_file.is_some() {
                if let Err(e) = sink.write_all(&buf[..n]) {
                    cleanup(&data_file);
                    return Err(io_err(e));
                }
            } else {
                mem.extend_from_slice(&buf[..n]);
            }
        }
        let digest = md5.finalize();
        if let Some(expected) = ctx.headers.get("content-md5") {
            if expected.trim() != b64(&digest) {
                cleanup(&data_file);
                return Err(OssError::new(
                    400,
                    "InvalidDigest",
                    "The Content-MD5 you specified is not valid.",
                )
                .ec("0017-00000503"));
            }
        }
        if let Some((name_, tmp)) = &data_file {
            sink.flush().map_err(io_err)?;
            drop(sink);
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(tmp)
                .map_err(io_err)?;
            f.sync_all().map_err(io_err)?;
            self.store().commit_data_file(tmp, name_).map_err(io_err)?;
        }
        let mut meta = Vec::new();
        let mut stored = Vec::new();
        for (k, v) in ctx.headers.iter() {
            let lk = k.to_ascii_lowercase();
            if lk.starts_with(names::X_OSS_META_PREFIX) {
                meta.push((lk, v.to_owned()));
            } else if matches!(
                lk.as_str(),
                "cache-control"
                    | "content-disposition"
                    | "content-encoding"
                    | "content-language"
                    | "expires"
            ) {
                stored.push((k.to_owned(), v.to_owned()));
            }
        }
        let etag = quoted_md5(&digest);
        let crc64 = crc.value();
        let obj = Object {
            bucket: bucket.clone(),
            key: key.to_owned(),
            size: total,
            etag: etag.clone(),
            crc64,
            content_type: ctx
                .headers
                .get("content-type")
                .filter(|c| !c.is_empty())
                .unwrap_or(ossio_core::names::APPLICATION_OCTET_STREAM)
                .to_owned(),
            meta,
            headers: stored,
            acl: acl.as_str().to_owned(),
            storage_class,
            last_modified: ctx.now,
            object_type: "Normal".to_owned(),
            sealed: None,
            data_file: data_file.as_ref().map(|(n, _)| n.clone()),
            mem: data_file.is_none().then(|| Arc::new(mem)),
            tags,
            symlink_target: None,
            version_id: None,
            delete_marker: false,
        };
        let version = self.store().put_object(obj).map_err(io_err)?;
        Ok(object_version::with_new_version(
            Response::new(200)
                .header(names::ETAG, etag)
                .header(names::CONTENT_MD5, b64(&digest))
                .header(names::X_OSS_HASH_CRC64ECMA, crc64.to_string()),
            version,
        ))
    }

    fn lookup(&self, store: &Store, bucket: &str, key: &str) -> Result<Object> {
        store
            .objects
            .get(bucket)
            .and_then(|m| m.get(key))
            .cloned()
            .ok_or_else(|| OssError::no_such_key(key))
    }

    fn get_object(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        meta_only: bool,
    ) -> Result<Response> {
        let store = self.store();
        let (b, _) = store
            .resolve(name)
            .ok_or_else(|| OssError::no_such_bucket(name))?;
        let existing = store.objects.get(&b.name).and_then(|m| m.get(key)).cloned();
        let bucket = self.object_access(ctx, &store, name, false, existing.as_ref())?;
        let link = self.addressed(ctx, &store, &bucket, key)?;
        let obj = self.follow_symlink(&store, &bucket, &link)?;
        let blob = obj.blob(&store);
        let versioned = object_version::with_version(Response::new(200), &store, &link);
        drop(store);
        // A link answers as one; anything else as what it is (Normal, Appendable, Multipart).
        let object_type = if link.symlink_target.is_some() {
            "Symlink".to_owned()
        } else {
            obj.object_type.clone()
        };
        let mut resp = Response::new(200)
            .header(names::ETAG, obj.etag.clone())
            .header(names::LAST_MODIFIED, time::rfc1123(obj.last_modified))
            .header(names::X_OSS_OBJECT_TYPE, object_type)
            .header(names::X_OSS_STORAGE_CLASS, obj.storage_class.clone())
            .header(names::X_OSS_HASH_CRC64ECMA, obj.crc64.to_string());
        if let Some(t) = obj.sealed {
            resp.set_header(names::X_OSS_SEALED_TIME, time::rfc1123(t));
        }
        for (k, v) in versioned.headers {
            resp.set_header(&k, v);
        }
        if meta_only {
            resp.head_length = Some(obj.size);
            return Ok(resp);
        }
        resp.set_header(names::CONTENT_TYPE, obj.content_type.clone());
        resp.set_header("Accept-Ranges", "bytes");
        if let Some(md5) = md5_from_etag(&obj.etag) {
            resp.set_header(names::CONTENT_MD5, b64(&md5));
        }
        for (k, v) in obj.meta.iter().chain(obj.headers.iter()) {
            resp.set_header(k, v.clone());
        }
        if !link.tags.is_empty() {
            resp.set_header(names::X_OSS_TAGGING_COUNT, link.tags.len().to_string());
        }
        match preconditions(ctx.headers, &obj.etag, obj.last_modified) {
            Precondition::Proceed => {}
            Precondition::NotModified => {
                let mut r = Response::new(304);
                r.headers = resp.headers;
                return Ok(r);
            }
            Precondition::Failed(which) => {
                return Err(OssError::new(
                    412,
                    "PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold.",
                )
                .ec("0017-00001001")
                .detail("Condition", which));
            }
        }
        for (param, header) in [
            ("response-content-type", "Content-Type"),
            ("response-content-language", "Content-Language"),
            ("response-expires", "Expires"),
            ("response-cache-control", "Cache-Control"),
            ("response-content-disposition", "Content-Disposition"),
            ("response-content-encoding", "Content-Encoding"),
        ] {
            if let Some(v) = ctx.q(param) {
                resp.set_header(header, v.to_owned());
            }
        }
        let (start, len) = match ctx
            .headers
            .get("range")
            .and_then(|r| parse_range(r, obj.size))
        {
            Some(Ok((s, e))) => {
                resp.status = 206;
                resp.set_header("Content-Range", format!("bytes {s}-{e}/{}", obj.size));
                (s, e - s + 1)
            }
            Some(Err(())) => {
                return Err(OssError::new(
                    416,
                    "InvalidRange",
                    "The requested range cannot be satisfied.",
                )
                .detail("ActualObjectSize", obj.size.to_string()));
            }
            None => (0, obj.size),
        };
        let body = if ctx.method == "HEAD" {
            resp.head_length = Some(len);
            ResponseBody::Bytes(Vec::new())
        } else {
            match blob {
                Blob::Mem(m) => ResponseBody::Shared(m, start, len),
                Blob::File(p) => {
                    ResponseBody::File(std::fs::File::open(p).map_err(io_err)?, start, len)
                }
            }
        };
        resp.body = body;
        if ctx.method == "GET" && resp.status == 200 && gzip_applies(ctx.headers, &obj) {
            resp = gzip(resp)?;
        }
        Ok(resp)
    }

    fn delete_object(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let deleted = match object_version::requested_version(ctx)? {
            None => store.delete_latest(&bucket, key, ctx.now).map_err(io_err)?,
            Some(id) => store
                .delete_version(&bucket, key, &id)
                .map_err(io_err)?
                .unwrap_or_else(|| crate::state::Deleted {
                    version_id: Some(id.unwrap_or_else(|| "null".to_owned())),
                    delete_marker: false,
                }),
        };
        let mut resp = Response::new(204);
        if deleted.delete_marker {
            resp = resp.header(names::X_OSS_DELETE_MARKER, "true");
        }
        Ok(object_version::with_new_version(resp, deleted.version_id))
    }

    fn put_object_acl(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        ctx.owner()?;
        let acl = parse_object_acl(ctx.headers.get(names::X_OSS_OBJECT_ACL).unwrap_or(""))?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let mut obj = self.addressed(ctx, &store, &bucket, key)?;
        obj.acl = acl.as_str().to_owned();
        store.save_object_meta(&obj).map_err(io_err)?;
        Ok(object_version::with_version(
            Response::new(200),
            &store,
            &obj,
        ))
    }

    fn get_object_acl(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        ctx.owner()?;
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let obj = self.addressed(ctx, &store, &bucket, key)?;
        let doc = ops::AccessControlPolicy {
            owner_id: self.account_id.clone(),
            owner_display_name: self.account_id.clone(),
            grant: obj.acl.clone(),
        }
        .to_xml();
        Ok(object_version::with_version(
            xml_response(doc),
            &store,
            &obj,
        ))
    }

    fn delete_multiple(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let doc = read_doc(body)?;
        let op = ops::DeleteMultipleObjects::from_xml(name, &doc)
            .map_err(|e| OssError::malformed_xml(&e))?;
        if op.objects.len() > 1000 {
            return Err(OssError::malformed_xml("at most 1000 objects per request"));
        }
        let url = ctx.q("encoding-type") == Some("url");
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let mut deleted = Vec::new();
        // The version id of each delete marker created or removed, which the answer tells
        // as `DeleteMarkerVersionId` (the core's result has no field for it).
        let mut marker_ids = Vec::new();
        for o in &op.objects {
            let asked = o.version_id.as_deref().filter(|v| !v.is_empty());
            let d = match asked {
                None => store
                    .delete_latest(&bucket, &o.key, ctx.now)
                    .map_err(io_err)?,
                Some(v) => {
                    let id = object_version::parse_version(v)?;
                    store
                        .delete_version(&bucket, &o.key, &id)
                        .map_err(io_err)?
                        .unwrap_or_else(|| crate::state::Deleted {
                            version_id: Some(v.to_owned()),
                            delete_marker: false,
                        })
                }
            };
            if !op.quiet {
                marker_ids.push(d.delete_marker.then(|| d.version_id.clone()).flatten());
                deleted.push(ops::DeletedObject {
                    key: o.key.clone(),
                    version_id: asked.map(str::to_owned),
                    delete_marker: d.delete_marker,
                });
            }
        }
        let out = ops::DeleteMultipleObjectsOutput {
            encoding_type: None,
            deleted,
            request_id: String::new(),
        };
        let xml = out.to_xml(url);
        let mut parts: Vec<String> = xml.split("</Deleted>").map(str::to_owned).collect();
        for (part, id) in parts.iter_mut().zip(&marker_ids) {
            if let Some(id) = id {
                *part = part.replacen(
                    "<DeleteMarker>true</DeleteMarker>",
                    &format!(
                        "<DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>{id}</DeleteMarkerVersionId>"
                    ),
                    1,
                );
            }
        }
        Ok(xml_response(parts.join("</Deleted>")))
    }

    fn list_objects(&self, ctx: &Ctx<'_>, name: &str, v2: bool) -> Result<Response> {
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let prefix = ctx.q("prefix").unwrap_or("");
        let delimiter = ctx.q("delimiter").unwrap_or("");
        let max = parse_max_keys(ctx.q("max-keys"), 100, 1000)?;
        let url = ctx.q("encoding-type") == Some("url");
        let enc = |s: &str| {
            if url {
                encoding::encode_path(s)
            } else {
                s.to_owned()
            }
        };
        let marker = if v2 {
            match ctx.q("continuation-token").filter(|t| !t.is_empty()) {
                Some(t) => decode_token(t).ok_or_else(|| {
                    OssError::invalid_argument(
                        "The continuation token provided is incorrect.",
                        "continuation-token",
                        t,
                    )
                    .ec("0015-00000404")
                })?,
                None => ctx.q("start-after").unwrap_or("").to_owned(),
            }
        } else {
            ctx.q("marker").unwrap_or("").to_owned()
        };
        let marker = marker.as_str();
        let empty = std::collections::BTreeMap::new();
        let objects = store.objects.get(&bucket).unwrap_or(&empty);
        let mut contents: Vec<&Object> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let mut truncated = false;
        let mut last = String::new();
        let iter = if marker.is_empty() {
            objects.range::<String, _>(..)
        } else {
            let from = std::ops::Bound::Excluded(marker.to_owned());
            objects.range((from, std::ops::Bound::Unbounded))
        };
        for (k, o) in iter {
            if !k.starts_with(prefix) {
                // Keys are sorted: past the prefix range nothing more can match.
                if k.as_str() > prefix {
                    break;
                }
                continue;
            }
            let common = (!delimiter.is_empty())
                .then(|| {
                    k[prefix.len()..]
                        .find(delimiter)
                        .map(|i| &k[..prefix.len() + i + delimiter.len()])
                })
                .flatten();
            if let Some(cp) = common {
                // A marker that is a common prefix already returned covers every key
                // under it.
                if cp == marker || prefixes.last().is_some_and(|p| p == cp) {
                    continue;
                }
            }
            if contents.len() + prefixes.len() == max {
                truncated = true;
                break;
            }
            match common {
                Some(cp) => {
                    last = cp.to_owned();
                    prefixes.push(cp.to_owned());
                }
                None => {
                    last = k.clone();
                    contents.push(o);
                }
            }
        }
        let owner = !v2 || ctx.q("fetch-owner") == Some("true");
        if v2 {
            let out = ops::ListObjectsV2Output {
                name: name.to_owned(),
                prefix: Some(prefix.to_owned()),
                delimiter: ctx.q("delimiter").map(str::to_owned),
                start_after: ctx.q("start-after").map(str::to_owned),
                max_keys: Some(max as u32),
                key_count: Some((contents.len() + prefixes.len()) as u32),
                is_truncated: truncated,
                continuation_token: ctx.q("continuation-token").map(str::to_owned),
                next_continuation_token: truncated.then(|| encode_token(&last)),
                encoding_type: url.then(|| "url".to_owned()),
                contents: contents
                    .iter()
                    .map(|o| ops::ObjectSummary {
                        key: o.key.clone(),
                        last_modified: time::iso8601_extended(o.last_modified),
                        etag: o.etag.clone(),
                        size: o.size,
                        storage_class: Some(o.storage_class.clone()),
                        object_type: Some(o.object_type.clone()),
                        owner_id: owner.then(|| self.account_id.clone()),
                    })
                    .collect(),
                common_prefixes: prefixes,
                request_id: String::new(),
            };
            return Ok(xml_response(out.to_xml()));
        }
        // ListObjects (v1) is not one of the core's operations; the SDKs' list calls use it.
        let mut w = xml::Writer::new();
        w.start("ListBucketResult");
        w.element("Name", name);
        w.element("Prefix", &enc(prefix));
        w.element("Marker", &enc(marker));
        w.element("MaxKeys", &max.to_string());
        w.element("Delimiter", &enc(delimiter));
        if url {
            w.element("EncodingType", "url");
        }
        w.element("IsTruncated", if truncated { "true" } else { "false" });
        if truncated {
            w.element("NextMarker", &enc(&last));
        }
        for o in contents {
            w.start("Contents");
            w.element("Key", &enc(&o.key));
            w.element("LastModified", &time::iso8601_extended(o.last_modified));
            w.element("ETag", &o.etag);
            w.element("Type", &o.object_type);
            w.element("Size", &o.size.to_string());
            w.element("StorageClass", &o.storage_class);
            // ListObjects (v1) always reports the owner.
            w.start("Owner");
            w.element("ID", &self.account_id);
            w.element("DisplayName", &self.account_id);
            w.end("Owner");
            w.end("Contents");
        }
        for p in prefixes {
            w.start("CommonPrefixes");
            w.element("Prefix", &enc(&p));
            w.end("CommonPrefixes");
        }
        w.end("ListBucketResult");
        Ok(xml_response(w.finish()))
    }
}

fn ops_name_header() -> &'static str {
    ossio_core::names::X_OSS_ACCESS_POINT_NAME
}

/// ListObjectsV2 continuation tokens are opaque, as OSS's are: the last key or common
/// prefix of the page, versioned and base64url-encoded.
fn encode_token(last: &str) -> String {
    use base64::Engine as _;
    let mut raw = Vec::with_capacity(last.len() + 1);
    raw.push(TOKEN_VERSION);
    raw.extend_from_slice(last.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

/// The position a token this server issued stands for; `None` for any other string.
fn decode_token(token: &str) -> Option<String> {
    use base64::Engine as _;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()?;
    match raw.split_first() {
        Some((&TOKEN_VERSION, rest)) if !rest.is_empty() => String::from_utf8(rest.to_vec()).ok(),
        _ => None,
    }
}

const TOKEN_VERSION: u8 = 0xA1;

/// The outcome of a GET or HEAD's conditional headers.
#[derive(Debug, PartialEq, Eq)]
enum Precondition {
    Proceed,
    NotModified,
    /// `412`, naming the header that failed.
    Failed(&'static str),
}

/// Whether `etag` is among the entity tags of an `If-Match` / `If-None-Match` value. OSS
/// compares with or without the quotes and ignores a weak `W/` marker.
fn etag_listed(list: &str, etag: &str) -> bool {
    let bare = |t: &str| {
        let t = t.trim();
        let t = t.strip_prefix("W/").unwrap_or(t);
        t.trim_matches('"').to_owned()
    };
    let want = bare(etag);
    list.split(',')
        .map(bare)
        .any(|t| t == "*" || t.eq_ignore_ascii_case(&want))
}

/// Evaluates conditional headers in RFC 7232's order: If-Match, else If-Unmodified-Since;
/// then If-None-Match, else If-Modified-Since. A date that does not parse is ignored.
fn preconditions(headers: &Headers, etag: &str, modified: u64) -> Precondition {
    let date = |name: &str| headers.get(name).and_then(time::parse_rfc1123);
    match headers.get("if-match") {
        Some(list) if !etag_listed(list, etag) => return Precondition::Failed("If-Match"),
        Some(_) => {}
        None => {
            if date("if-unmodified-since").is_some_and(|t| modified > t) {
                return Precondition::Failed("If-Unmodified-Since");
            }
        }
    }
    match headers.get("if-none-match") {
        Some(list) if etag_listed(list, etag) => Precondition::NotModified,
        Some(_) => Precondition::Proceed,
        None if date("if-modified-since").is_some_and(|t| modified <= t) => {
            Precondition::NotModified
        }
        None => Precondition::Proceed,
    }
}

/// The default encryption a PutBucket asks for in its headers, checked as OSS does.
type BucketSse = Option<(String, Option<String>, Option<String>)>;

fn bucket_sse(headers: &Headers) -> Result<BucketSse> {
    let Some(alg) = headers.get(names::X_OSS_SERVER_SIDE_ENCRYPTION) else {
        return Ok(None);
    };
    if !matches!(alg, "AES256" | "KMS" | "SM4") {
        return Err(OssError::invalid_argument(
            "The encryption method specified is not supported.",
            names::X_OSS_SERVER_SIDE_ENCRYPTION,
            alg,
        ));
    }
    let key = headers
        .get(names::X_OSS_SERVER_SIDE_ENCRYPTION_KEY_ID)
        .filter(|k| !k.is_empty());
    let data = headers
        .get(names::X_OSS_SERVER_SIDE_DATA_ENCRYPTION)
        .filter(|d| !d.is_empty());
    if alg != "KMS" {
        if let Some(k) = key {
            return Err(OssError::invalid_argument(
                "A KMS key can only be given with KMS encryption.",
                names::X_OSS_SERVER_SIDE_ENCRYPTION_KEY_ID,
                k,
            ));
        }
        if let Some(d) = data {
            return Err(OssError::invalid_argument(
                "A data encryption algorithm can only be given with KMS encryption.",
                names::X_OSS_SERVER_SIDE_DATA_ENCRYPTION,
                d,
            ));
        }
    }
    if let Some(d) = data.filter(|d| *d != "SM4") {
        return Err(OssError::invalid_argument(
            "The data encryption algorithm specified is not supported.",
            names::X_OSS_SERVER_SIDE_DATA_ENCRYPTION,
            d,
        ));
    }
    Ok(Some((
        alg.to_owned(),
        key.map(str::to_owned),
        data.map(str::to_owned),
    )))
}

/// Content types OSS compresses for `Accept-Encoding: gzip`.
const GZIP_TYPES: &[&str] = &[
    "application/javascript",
    "application/json",
    "application/rss+xml",
    "application/x-javascript",
    "application/xml",
    "text/cache-manifest",
    "text/css",
    "text/html",
    "text/json",
    "text/plain",
    "text/xml",
];

/// Smallest object OSS compresses.
const GZIP_MIN_SIZE: u64 = 1024;

/// Whether OSS would compress this whole-object GET: the client accepts gzip, the object is
/// text-like, at least 1 KB, and not stored with an encoding of its own.
fn gzip_applies(headers: &Headers, obj: &Object) -> bool {
    let accepts = headers.get(names::ACCEPT_ENCODING).is_some_and(|v| {
        v.split(',').any(|t| {
            let mut parts = t.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| p.trim().replace(' ', "") == "q=0");
            coding.eq_ignore_ascii_case("gzip") && !refused
        })
    });
    let mime = obj
        .content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let encoded = obj
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case(names::CONTENT_ENCODING));
    accepts && obj.size >= GZIP_MIN_SIZE && GZIP_TYPES.contains(&mime.as_str()) && !encoded
}

/// Compresses an answer on the fly, as OSS does: chunked, with `Content-Encoding: gzip` and
/// without the headers that describe the stored bytes (length, ETag, MD5, CRC-64, ranges).
fn gzip(mut resp: Response) -> Result<Response> {
    let body = std::mem::replace(&mut resp.body, ResponseBody::Bytes(Vec::new()));
    let reader = body.into_reader().map_err(io_err)?;
    let encoder = flate2::read::GzEncoder::new(reader, flate2::Compression::default());
    for h in [
        names::ETAG,
        names::CONTENT_MD5,
        names::X_OSS_HASH_CRC64ECMA,
        "Accept-Ranges",
    ] {
        resp.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(h));
    }
    resp.set_header(names::CONTENT_ENCODING, "gzip");
    resp.body = ResponseBody::Stream(Box::new(encoder));
    Ok(resp)
}

/// The answer to a request body that could not be read: too slow, or cut short.
fn body_error(e: &std::io::Error) -> OssError {
    if matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ) {
        OssError::new(
            400,
            "RequestTimeout",
            "Your socket connection to the server was not read from or written to within the timeout period.",
        )
        .ec(EC_REQUEST_TIMEOUT)
    } else {
        OssError::new(
            400,
            "IncompleteBody",
            format!("The request body could not be read: {e}"),
        )
    }
}

fn too_large(max: u64) -> OssError {
    OssError::new(
        400,
        "EntityTooLarge",
        format!("Your proposed upload exceeds the maximum allowed size of {max} bytes."),
    )
    .detail("MaxSizeAllowed", max.to_string())
}

pub(crate) fn read_doc(body: &mut BodyReader<'_>) -> Result<Vec<u8>> {
    if body.declared_len().is_some_and(|n| n > MAX_DOC_BYTES) {
        return Err(OssError::new(
            400,
            "EntityTooLarge",
            "The request document is too large.",
        ));
    }
    let mut out = Vec::new();
    body.take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| body_error(&e))?;
    if out.len() as u64 > MAX_DOC_BYTES {
        return Err(OssError::new(
            400,
            "EntityTooLarge",
            "The request document is too large.",
        ));
    }
    Ok(out)
}

fn parse_acl(value: &str, header: &str) -> Result<Acl> {
    value.parse::<Acl>().map_err(|_| {
        OssError::invalid_argument("no such bucket access control exists", header, value)
            .ec("0015-00000204")
    })
}

fn parse_object_acl(value: &str) -> Result<ObjectAcl> {
    value.parse::<ObjectAcl>().map_err(|_| {
        OssError::invalid_argument(
            "no such object access control exists",
            names::X_OSS_OBJECT_ACL,
            value,
        )
        .ec("0017-00000104")
    })
}

fn parse_max_keys(v: Option<&str>, default: usize, max: usize) -> Result<usize> {
    match v.filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if n >= 1 && n <= max => Ok(n),
            _ => Err(OssError::invalid_argument(
                &format!("max-keys must be between 1 and {max}."),
                "max-keys",
                s,
            )),
        },
    }
}

/// `bytes=a-b`, `bytes=a-`, `bytes=-n`: `None` when not a single byte range (the whole
/// object is sent, as OSS does), `Some(Err)` when it starts past the end.
fn parse_range(h: &str, size: u64) -> Option<std::result::Result<(u64, u64), ()>> {
    let spec = h.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        if n == 0 || size == 0 {
            return None;
        }
        return Some(Ok((size.saturating_sub(n), size - 1)));
    }
    let start: u64 = a.parse().ok()?;
    let end: u64 = if b.is_empty() {
        u64::MAX
    } else {
        b.parse().ok()?
    };
    if end < start {
        return None;
    }
    if start >= size {
        return Some(Err(()));
    }
    Some(Ok((start, end.min(size - 1))))
}

impl Handler for Service {
    fn handle(
        &self,
        head: &RequestHead,
        body: &mut BodyReader<'_>,
        _peer: SocketAddr,
    ) -> (Response, Delivery) {
        let request_id = self.request_id();
        let arrived = std::time::SystemTime::now();
        let host = head.headers.get("host").unwrap_or("").to_owned();
        let is_head = head.method.eq_ignore_ascii_case("HEAD");
        let seen = self.identify(head);
        let fault = self.faults.take();
        let mut delivery = Delivery::Normal;
        let result = match &fault {
            Some(Fault::Fail(status, code)) => Err(OssError::new(
                *status,
                code,
                "This error was injected by the server's fault injection.",
            )),
            Some(Fault::Delay(d)) => {
                std::thread::sleep(*d);
                self.handle_inner(head, body)
            }
            Some(Fault::Drop) => {
                delivery = Delivery::Drop;
                self.handle_inner(head, body)
            }
            Some(Fault::Truncate) => {
                delivery = Delivery::Truncate;
                self.handle_inner(head, body)
            }
            _ => self.handle_inner(head, body),
        };
        let error_code = result.as_ref().err().map(|e| e.code.clone());
        let mut resp = match result {
            Ok(r) => r,
            Err(e) => e.to_response(&request_id, &host, is_head),
        };
        self.add_cors_headers(head, seen.bucket.as_deref(), &mut resp);
        self.log.push(RequestRecord {
            operation: seen.op,
            method: head.method.to_ascii_uppercase(),
            bucket: seen.bucket,
            key: seen.key,
            status: resp.status,
            error_code,
            access_key_id: auth::access_key_id(&head.headers, &seen.query),
            fault: fault.as_ref().map(Fault::name),
            request_id: request_id.clone(),
            time: arrived,
        });
        if matches!(fault, Some(Fault::CorruptCrc)) {
            if let Some(v) = resp.get_header(names::X_OSS_HASH_CRC64ECMA) {
                let wrong = v.parse::<u64>().unwrap_or(0) ^ 0x5A5A_5A5A;
                resp.set_header(names::X_OSS_HASH_CRC64ECMA, wrong.to_string());
            }
        }
        resp.set_header(names::X_OSS_REQUEST_ID, request_id);
        resp.set_header("Date", time::rfc1123(self.now()));
        resp.set_header("Server", "AliyunOSS");
        (resp, delivery)
    }

    fn bad_request(&self, status: u16, code: &str, message: &str) -> Response {
        let id = self.request_id();
        let mut err = OssError::new(status, code, message);
        if code == "RequestTimeout" {
            err = err.ec(EC_REQUEST_TIMEOUT);
        }
        let mut resp = err.to_response(&id, "", false);
        resp.set_header(names::X_OSS_REQUEST_ID, id);
        resp.set_header("Date", time::rfc1123(self.now()));
        resp
    }
}
