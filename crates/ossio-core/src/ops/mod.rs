//! Operations as data: each is a typed input that builds a [`Request`] and parses the
//! [`Response`] into a typed output. One file per operation.

use crate::error::Error;
use crate::names;
use crate::request::{Body, Request};
use crate::response::Response;
use base64::Engine as _;
use md5::{Digest, Md5};

pub mod common;
pub mod decl;

mod bucket_acl;
mod create_access_point;
mod delete_access_point;
mod delete_access_point_policy;
mod delete_access_point_public_access_block;
mod delete_bucket;
mod delete_multiple_objects;
mod delete_object;
mod get_access_point;
mod get_access_point_policy;
mod get_access_point_public_access_block;
mod get_bucket_info;
mod get_object;
mod get_object_acl;
mod head_object;
mod list_access_points;
mod list_buckets;
mod list_objects_v2;
mod put_access_point_policy;
mod put_access_point_public_access_block;
mod put_bucket;
mod put_object;
mod put_object_acl;

pub use bucket_acl::{GetBucketAcl, GetBucketAclOutput, PutBucketAcl, PutBucketAclOutput};
pub use common::{AccessControlPolicy, DataRedundancyType, EmptyOutput, ObjectMeta, StorageClass};
pub use create_access_point::{CreateAccessPoint, CreateAccessPointOutput, NetworkOrigin};
pub use delete_access_point::{DeleteAccessPoint, DeleteAccessPointOutput};
pub use delete_access_point_policy::{DeleteAccessPointPolicy, DeleteAccessPointPolicyOutput};
pub use delete_access_point_public_access_block::{
    DeleteAccessPointPublicAccessBlock, DeleteAccessPointPublicAccessBlockOutput,
};
pub use delete_bucket::{DeleteBucket, DeleteBucketOutput};
pub use delete_multiple_objects::{
    DeleteMultipleObjects, DeleteMultipleObjectsOutput, DeletedObject, ObjectIdentifier,
};
pub use delete_object::{DeleteObject, DeleteObjectOutput};
pub use get_access_point::{GetAccessPoint, GetAccessPointOutput};
pub use get_access_point_policy::{GetAccessPointPolicy, GetAccessPointPolicyOutput};
pub use get_access_point_public_access_block::{
    GetAccessPointPublicAccessBlock, GetAccessPointPublicAccessBlockOutput,
};
pub use get_bucket_info::{GetBucketInfo, GetBucketInfoOutput, SseRule};
pub use get_object::{GetObject, GetObjectOutput, ResponseOverrides};
pub use get_object_acl::{GetObjectAcl, GetObjectAclOutput};
pub use head_object::{HeadObject, HeadObjectOutput};
pub use list_access_points::{AccessPointSummary, ListAccessPoints, ListAccessPointsOutput};
pub use list_buckets::{BucketSummary, ListBuckets, ListBucketsOutput};
pub use list_objects_v2::{ListObjectsV2, ListObjectsV2Output, ObjectSummary};
pub use put_access_point_policy::{PutAccessPointPolicy, PutAccessPointPolicyOutput};
pub use put_access_point_public_access_block::{
    PutAccessPointPublicAccessBlock, PutAccessPointPublicAccessBlockOutput,
};
pub use put_bucket::{PutBucket, PutBucketOutput};
pub use put_object::{PutObject, PutObjectOutput};
pub use put_object_acl::{PutObjectAcl, PutObjectAclOutput};

/// An OSS operation: a typed input that becomes a request, and a parser for its response.
pub trait Operation {
    /// The typed result.
    type Output;
    /// The API name, e.g. `CreateAccessPoint`.
    const NAME: &'static str;
    /// Validates the input and builds the request (with its V1 sub-resources declared).
    fn to_request(&self) -> Result<Request, Error>;
    /// Turns a response into the typed output, or the typed error.
    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error>;
}

/// Base64 MD5 of `bytes`, the `Content-MD5` header value.
pub fn content_md5(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

/// Attaches an XML document as the body, with `Content-Type` and `Content-MD5` (as the
/// official SDKs send them, so the signed bytes match theirs).
pub fn with_xml_body(req: Request, doc: String) -> Request {
    let md5 = content_md5(doc.as_bytes());
    req.header(names::CONTENT_TYPE, names::APPLICATION_XML)
        .header(names::CONTENT_MD5, md5)
        .body(Body::Bytes(doc.into_bytes()))
}
