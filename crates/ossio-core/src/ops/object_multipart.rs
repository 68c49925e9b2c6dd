//! Multipart uploads: InitiateMultipartUpload (`POST /<key>?uploads`), UploadPart and
//! UploadPartCopy (`PUT /<key>?partNumber=&uploadId=`), CompleteMultipartUpload
//! (`POST /<key>?uploadId=`), AbortMultipartUpload (`DELETE /<key>?uploadId=`), ListParts
//! (`GET /<key>?uploadId=`) and ListMultipartUploads (`GET /?uploads`).
//!
//! The listings ask for `encoding-type=url`, as the official SDKs do, and decode the keys.

use super::common::{StorageClass, validate_metadata};
use super::content_md5;
use super::decl::Oss;
use crate::acl::ObjectAcl;
use crate::error::ValidationError;
use crate::request::Body;

/// The first part number.
pub const MIN_PART_NUMBER: u32 = 1;
/// The last part number.
pub const MAX_PART_NUMBER: u32 = 10_000;
/// The smallest size of a part other than the last (100 KiB).
pub const MIN_PART_SIZE: u64 = 100 * 1024;

wire_enum! {
    /// What a copy does with the source's metadata or tags.
    pub enum CopyDirective("directive") {
        /// Keep the source's.
        Copy = "COPY",
        /// Use the ones in the request.
        Replace = "REPLACE",
    }
}

/// Starts a multipart upload; its id names the upload in the calls that follow.
///
/// ```
/// use ossio_core::ops::{InitiateMultipartUpload, Operation};
/// let req = InitiateMultipartUpload::new("examplebucket", "big.bin").to_request().unwrap();
/// assert_eq!(req.query_value("uploads"), Some(None));
/// assert_eq!(req.query_value("encoding-type"), Some(Some("url")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "InitiateMultipartUpload",
    method = "POST",
    sub_resource = "uploads",
    fixed_query = "encoding-type=url",
    output = InitiateMultipartUploadOutput
)]
pub struct InitiateMultipartUpload {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The storage class of the object.
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<StorageClass>,
    /// User metadata, names without the `x-oss-meta-` prefix.
    #[oss(header_prefix = "x-oss-meta-", validate = validate_metadata)]
    pub metadata: Vec<(String, String)>,
    /// `Cache-Control` of the object.
    #[oss(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition` of the object.
    #[oss(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Content-Encoding` of the object.
    #[oss(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// `Content-MD5` of the request.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `Content-Type` of the object.
    #[oss(header = "Content-Type")]
    pub content_type: Option<String>,
    /// `Expires` of the object.
    #[oss(header = "Expires")]
    pub expires: Option<String>,
    /// Server-side encryption: `AES256`, `KMS` or `SM4`.
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// The data encryption algorithm with KMS (`SM4`).
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// The KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// Tags, `k1=v1&k2=v2` (URL-encoded).
    #[oss(header = "x-oss-tagging")]
    pub tagging: Option<String>,
    /// Refuse to overwrite an existing object of the same key at completion.
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
    /// Object WORM: retained until this time (ISO 8601).
    #[oss(header = "x-oss-object-worm-retain-until-date")]
    pub object_worm_retain_until_date: Option<String>,
    /// Object WORM mode (`GOVERNANCE`, `COMPLIANCE`).
    #[oss(header = "x-oss-object-worm-mode")]
    pub object_worm_mode: Option<String>,
    /// Object WORM legal hold (`ON`, `OFF`).
    #[oss(header = "x-oss-object-worm-legal-hold")]
    pub object_worm_legal_hold: Option<String>,
}

impl InitiateMultipartUpload {
    /// An upload to `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        InitiateMultipartUpload {
            bucket: bucket.into(),
            key: key.into(),
            storage_class: None,
            metadata: Vec::new(),
            cache_control: None,
            content_disposition: None,
            content_encoding: None,
            content_md5: None,
            content_type: None,
            expires: None,
            server_side_encryption: None,
            server_side_data_encryption: None,
            server_side_encryption_key_id: None,
            tagging: None,
            forbid_overwrite: None,
            request_payer: None,
            object_worm_retain_until_date: None,
            object_worm_mode: None,
            object_worm_legal_hold: None,
        }
    }

    /// Sets the object's `Content-Type`.
    pub fn content_type(mut self, v: impl Into<String>) -> Self {
        self.content_type = Some(v.into());
        self
    }

    /// Adds user metadata `x-oss-meta-<name>: value`.
    pub fn meta(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.push((name.into(), value.into()));
        self
    }
}

/// The result of [`InitiateMultipartUpload`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "InitiateMultipartUploadResult", url_encoding = "EncodingType")]
pub struct InitiateMultipartUploadOutput {
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: String,
    /// The object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// The upload's id.
    #[oss(xml = "UploadId")]
    pub upload_id: String,
    /// `url` when the key was URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Uploads one part (1 to 10,000; each but the last at least 100 KiB): from bytes, or as
/// a stream of declared length the caller sends.
///
/// ```
/// use ossio_core::ops::{Operation, UploadPart};
/// let req = UploadPart::new("examplebucket", "big.bin", "0004B9894A22E5B1888A1E29F823****", 1)
///     .bytes(vec![0; 8])
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("partNumber"), Some(Some("1")));
/// assert_eq!(req.query_value("uploadId"), Some(Some("0004B9894A22E5B1888A1E29F823****")));
/// assert!(UploadPart::new("examplebucket", "k", "id", 10_001).to_request().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "UploadPart", method = "PUT", sub_resource = "uploadId", output = UploadPartOutput)]
pub struct UploadPart {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The part's number, 1 to 10,000.
    #[oss(query = "partNumber", min = 1, max = 10000)]
    pub part_number: u32,
    /// The upload's id.
    #[oss(query = "uploadId", required)]
    pub upload_id: String,
    /// `Content-MD5` (base64), checked by OSS.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// Bandwidth limit in bit/s (819200 to 838860800).
    #[oss(header = "x-oss-traffic-limit")]
    pub traffic_limit: Option<u64>,
    /// The part's data: bytes, or a declared length for a caller-streamed body.
    #[oss(body)]
    pub body: Body,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl UploadPart {
    /// An empty part `part_number` of upload `upload_id`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
    ) -> Self {
        UploadPart {
            bucket: bucket.into(),
            key: key.into(),
            part_number,
            upload_id: upload_id.into(),
            content_md5: None,
            traffic_limit: None,
            body: Body::Empty,
            request_payer: None,
        }
    }

    /// The part's data, in memory.
    pub fn bytes(mut self, bytes: Vec<u8>) -> Self {
        self.body = Body::Bytes(bytes);
        self
    }

    /// A part of `length` bytes that the caller streams.
    pub fn stream_length(mut self, length: u64) -> Self {
        self.body = Body::Stream { length };
        self
    }

    /// Sends `Content-MD5` computed over the in-memory body.
    pub fn with_content_md5(mut self) -> Self {
        if let Some(b) = self.body.as_bytes() {
            self.content_md5 = Some(content_md5(b));
        }
        self
    }
}

/// The result of [`UploadPart`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct UploadPartOutput {
    /// `Content-MD5` of the part as OSS computed it.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// The part's ETag, for CompleteMultipartUpload.
    #[oss(header = "ETag")]
    pub etag: Option<String>,
    /// CRC-64/ECMA of the part.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Copies a part of an existing object (a byte range of it, or all of it) into an upload.
///
/// ```
/// use ossio_core::ops::{Operation, UploadPartCopy};
/// let req = UploadPartCopy::new("dst", "big.bin", "upload-1", 2, "src dir/a+b.bin")
///     .source_bucket("src")
///     .source_range(0, 1023)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.headers.get("x-oss-copy-source"), Some("/src/src%20dir/a%2Bb.bin"));
/// assert_eq!(req.headers.get("x-oss-copy-source-range"), Some("bytes=0-1023"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "UploadPartCopy",
    method = "PUT",
    sub_resource = "uploadId",
    output = UploadPartCopyOutput
)]
pub struct UploadPartCopy {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The part's number, 1 to 10,000.
    #[oss(query = "partNumber", min = 1, max = 10000)]
    pub part_number: u32,
    /// The upload's id.
    #[oss(query = "uploadId", required)]
    pub upload_id: String,
    /// The source's bucket (the destination bucket when absent).
    #[oss(copy_source = "bucket", validate = crate::validate::bucket_name)]
    pub source_bucket: Option<String>,
    /// The source object's key.
    #[oss(copy_source = "key", required, validate = crate::validate::object_key)]
    pub source_key: String,
    /// A version of the source.
    #[oss(copy_source = "version_id")]
    pub source_version_id: Option<String>,
    /// The bytes of the source to copy: first byte and optional last byte (inclusive),
    /// `bytes=<first>-<last>` on the wire.
    #[oss(header = "x-oss-copy-source-range", validate = validate_source_range)]
    pub source_range: Option<(u64, Option<u64>)>,
    /// Copy only if the source's ETag is this.
    #[oss(header = "x-oss-copy-source-if-match")]
    pub if_match: Option<String>,
    /// Copy only if the source's ETag is not this.
    #[oss(header = "x-oss-copy-source-if-none-match")]
    pub if_none_match: Option<String>,
    /// Copy only if the source changed since (RFC 1123).
    #[oss(header = "x-oss-copy-source-if-modified-since")]
    pub if_modified_since: Option<String>,
    /// Copy only if the source did not change since (RFC 1123).
    #[oss(header = "x-oss-copy-source-if-unmodified-since")]
    pub if_unmodified_since: Option<String>,
    /// Bandwidth limit in bit/s.
    #[oss(header = "x-oss-traffic-limit")]
    pub traffic_limit: Option<u64>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

/// A source range whose last byte does not come before its first.
pub(crate) fn validate_source_range(r: &(u64, Option<u64>)) -> Result<(), ValidationError> {
    match *r {
        (first, Some(last)) if last < first => Err(ValidationError::invalid(
            "source_range",
            &format!("bytes={first}-{last}"),
            "the last byte must not come before the first",
        )),
        _ => Ok(()),
    }
}

impl UploadPartCopy {
    /// Part `part_number` of upload `upload_id`, copied from `source_key` in the same
    /// bucket.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
        source_key: impl Into<String>,
    ) -> Self {
        UploadPartCopy {
            bucket: bucket.into(),
            key: key.into(),
            part_number,
            upload_id: upload_id.into(),
            source_bucket: None,
            source_key: source_key.into(),
            source_version_id: None,
            source_range: None,
            if_match: None,
            if_none_match: None,
            if_modified_since: None,
            if_unmodified_since: None,
            traffic_limit: None,
            request_payer: None,
        }
    }

    /// Copies from another bucket.
    pub fn source_bucket(mut self, b: impl Into<String>) -> Self {
        self.source_bucket = Some(b.into());
        self
    }

    /// Copies bytes `first..=last` of the source.
    pub fn source_range(mut self, first: u64, last: u64) -> Self {
        self.source_range = Some((first, Some(last)));
        self
    }
}

/// The result of [`UploadPartCopy`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CopyPartResult")]
pub struct UploadPartCopyOutput {
    /// When the part was written (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// The part's ETag, for CompleteMultipartUpload.
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// The version of the source copied.
    #[oss(header = "x-oss-copy-source-version-id")]
    pub source_version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// One part of a [`CompleteMultipartUploadDocument`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct CompletePart {
    /// The part's number.
    #[oss(xml = "PartNumber", min = 1, max = 10000)]
    pub part_number: u32,
    /// The ETag UploadPart returned for it.
    #[oss(xml = "ETag", required)]
    pub etag: String,
}

/// The `CompleteMultipartUpload` document: the parts, in ascending part number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CompleteMultipartUpload")]
pub struct CompleteMultipartUploadDocument {
    /// The parts (1 to 10,000).
    #[oss(xml = "Part", min = 1, max = 10000)]
    pub parts: Vec<CompletePart>,
}

/// Completes an upload from the parts listed (or, with `complete_all`, every part
/// uploaded).
///
/// ```
/// use ossio_core::ops::{CompleteMultipartUpload, Operation};
/// let req = CompleteMultipartUpload::new("examplebucket", "big.bin", "upload-1")
///     .part(1, "\"A1\"")
///     .part(2, "\"B2\"")
///     .to_request()
///     .unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"A1\"</ETag></Part>\
///       <Part><PartNumber>2</PartNumber><ETag>\"B2\"</ETag></Part></CompleteMultipartUpload>"
/// );
/// let all = CompleteMultipartUpload::new("examplebucket", "big.bin", "upload-1").complete_all().to_request().unwrap();
/// assert_eq!(all.headers.get("x-oss-complete-all"), Some("yes"));
/// assert!(CompleteMultipartUpload::new("examplebucket", "big.bin", "upload-1").to_request().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CompleteMultipartUpload",
    method = "POST",
    sub_resource = "uploadId",
    fixed_query = "encoding-type=url",
    output = CompleteMultipartUploadOutput,
    check = Self::check_parts
)]
pub struct CompleteMultipartUpload {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The upload's id.
    #[oss(query = "uploadId", required)]
    pub upload_id: String,
    /// The object's ACL.
    #[oss(header = "x-oss-object-acl")]
    pub acl: Option<ObjectAcl>,
    /// The parts to join (leave out with `complete_all`).
    #[oss(document)]
    pub complete_multipart_upload: Option<CompleteMultipartUploadDocument>,
    /// Join every part uploaded, in part number order (`x-oss-complete-all: yes`).
    #[oss(header = "x-oss-complete-all", when_true = "yes")]
    pub complete_all: bool,
    /// Callback parameters (base64 JSON).
    #[oss(header = "x-oss-callback")]
    pub callback: Option<String>,
    /// Callback variables (base64 JSON).
    #[oss(header = "x-oss-callback-var")]
    pub callback_var: Option<String>,
    /// Refuse to overwrite an existing object of the same key.
    #[oss(header = "x-oss-forbid-overwrite")]
    pub forbid_overwrite: Option<bool>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl CompleteMultipartUpload {
    /// Completes upload `upload_id` (add parts, or ask for all of them).
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Self {
        CompleteMultipartUpload {
            bucket: bucket.into(),
            key: key.into(),
            upload_id: upload_id.into(),
            acl: None,
            complete_multipart_upload: None,
            complete_all: false,
            callback: None,
            callback_var: None,
            forbid_overwrite: None,
            request_payer: None,
        }
    }

    /// Adds a part (in ascending part number order).
    pub fn part(mut self, part_number: u32, etag: impl Into<String>) -> Self {
        self.complete_multipart_upload
            .get_or_insert_with(Default::default)
            .parts
            .push(CompletePart {
                part_number,
                etag: etag.into(),
            });
        self
    }

    /// Joins every part uploaded.
    pub fn complete_all(mut self) -> Self {
        self.complete_all = true;
        self
    }

    /// Without `complete_all`, the parts must be listed.
    fn check_parts(&self) -> Result<(), ValidationError> {
        if !self.complete_all && self.complete_multipart_upload.is_none() {
            return Err(ValidationError::invalid(
                "complete_multipart_upload",
                "",
                "must list the parts unless complete_all is set",
            ));
        }
        Ok(())
    }
}

/// The result of [`CompleteMultipartUpload`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CompleteMultipartUploadResult", url_encoding = "EncodingType")]
pub struct CompleteMultipartUploadOutput {
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// The object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: Option<String>,
    /// The object's URL.
    #[oss(xml = "Location")]
    pub location: Option<String>,
    /// The object's ETag (`"<hex>-<parts>"`).
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// `url` when the key was URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// CRC-64/ECMA of the whole object.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// The object's version, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Aborts an upload and frees its parts.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "AbortMultipartUpload",
    method = "DELETE",
    sub_resource = "uploadId",
    output = super::EmptyOutput
)]
pub struct AbortMultipartUpload {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The upload's id.
    #[oss(query = "uploadId", required)]
    pub upload_id: String,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl AbortMultipartUpload {
    /// Aborts upload `upload_id` of `bucket`/`key`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Self {
        AbortMultipartUpload {
            bucket: bucket.into(),
            key: key.into(),
            upload_id: upload_id.into(),
            request_payer: None,
        }
    }
}

/// Lists the parts of an upload, a page at a time (by part number).
///
/// ```
/// use ossio_core::ops::{ListParts, Operation};
/// let req = ListParts::new("examplebucket", "big.bin", "upload-1").to_request().unwrap();
/// assert_eq!(req.query_value("uploadId"), Some(Some("upload-1")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "ListParts",
    method = "GET",
    sub_resource = "uploadId",
    fixed_query = "encoding-type=url",
    output = ListPartsOutput
)]
pub struct ListParts {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The upload's id.
    #[oss(query = "uploadId", required)]
    pub upload_id: String,
    /// Page size (1 to 1000).
    #[oss(query = "max-parts", min = 1, max = 1000)]
    pub max_parts: Option<u32>,
    /// List the parts after this part number.
    #[oss(query = "part-number-marker", max = 10000)]
    pub part_number_marker: Option<u32>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl ListParts {
    /// The parts of upload `upload_id`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Self {
        ListParts {
            bucket: bucket.into(),
            key: key.into(),
            upload_id: upload_id.into(),
            max_parts: None,
            part_number_marker: None,
            request_payer: None,
        }
    }
}

/// One uploaded part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ListedPart {
    /// The part's number.
    #[oss(xml = "PartNumber")]
    pub part_number: u32,
    /// The part's ETag.
    #[oss(xml = "ETag")]
    pub etag: String,
    /// When it was uploaded (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// Its size in bytes.
    #[oss(xml = "Size")]
    pub size: u64,
    /// Its CRC-64/ECMA.
    #[oss(xml = "HashCrc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
}

/// One page of [`ListParts`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListPartsResult", url_encoding = "EncodingType")]
pub struct ListPartsOutput {
    /// `url` when the key was URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: String,
    /// The object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// The upload's id.
    #[oss(xml = "UploadId")]
    pub upload_id: String,
    /// The marker this page started after.
    #[oss(xml = "PartNumberMarker")]
    pub part_number_marker: Option<u32>,
    /// The marker of the next page.
    #[oss(xml = "NextPartNumberMarker")]
    pub next_part_number_marker: Option<u32>,
    /// Page size as echoed.
    #[oss(xml = "MaxParts")]
    pub max_parts: Option<u32>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// The storage class of the object.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<String>,
    /// Client-side encryption: the encrypted data key.
    #[oss(xml = "ClientEncryptionKey")]
    pub client_encryption_key: Option<String>,
    /// Client-side encryption: the encrypted start value.
    #[oss(xml = "ClientEncryptionStart")]
    pub client_encryption_start: Option<String>,
    /// Client-side encryption: the data algorithm.
    #[oss(xml = "ClientEncryptionCekAlg")]
    pub client_encryption_cek_alg: Option<String>,
    /// Client-side encryption: the key wrap algorithm.
    #[oss(xml = "ClientEncryptionWrapAlg")]
    pub client_encryption_wrap_alg: Option<String>,
    /// Client-side encryption: the object's size.
    #[oss(xml = "ClientEncryptionDataSize")]
    pub client_encryption_data_size: Option<u64>,
    /// Client-side encryption: the part size.
    #[oss(xml = "ClientEncryptionPartSize")]
    pub client_encryption_part_size: Option<u64>,
    /// The parts.
    #[oss(xml = "Part")]
    pub parts: Vec<ListedPart>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl crate::paginate::Paginated for ListParts {
    type Item = ListedPart;

    fn next_token(output: &Self::Output) -> Option<String> {
        output
            .is_truncated
            .then_some(output.next_part_number_marker)
            .flatten()
            .map(|n| n.to_string())
    }

    fn with_token(&self, token: String) -> Self {
        ListParts {
            part_number_marker: token.parse().ok(),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.parts
    }
}

/// Lists the uploads in progress in a bucket, a page at a time (by key, then upload id).
///
/// ```
/// use ossio_core::ops::{ListMultipartUploads, Operation};
/// let req = ListMultipartUploads::new("examplebucket").prefix("logs/").to_request().unwrap();
/// assert_eq!(req.query_value("uploads"), Some(None));
/// assert_eq!(req.query_value("prefix"), Some(Some("logs/")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "ListMultipartUploads",
    method = "GET",
    sub_resource = "uploads",
    fixed_query = "encoding-type=url",
    output = ListMultipartUploadsOutput
)]
pub struct ListMultipartUploads {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Groups keys sharing a prefix up to this into common prefixes.
    #[oss(query = "delimiter")]
    pub delimiter: Option<String>,
    /// Start after this key (with `upload_id_marker`: after that upload of this key).
    #[oss(query = "key-marker")]
    pub key_marker: Option<String>,
    /// Page size (1 to 1000).
    #[oss(query = "max-uploads", min = 1, max = 1000)]
    pub max_uploads: Option<u32>,
    /// Only keys starting with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
    /// With `key_marker`: start after this upload of that key.
    #[oss(query = "upload-id-marker")]
    pub upload_id_marker: Option<String>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl ListMultipartUploads {
    /// The uploads of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListMultipartUploads {
            bucket: bucket.into(),
            delimiter: None,
            key_marker: None,
            max_uploads: None,
            prefix: None,
            upload_id_marker: None,
            request_payer: None,
        }
    }

    /// Only keys starting with `prefix`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }
}

/// One upload in progress.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MultipartUpload {
    /// The object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// The upload's id.
    #[oss(xml = "UploadId")]
    pub upload_id: String,
    /// When it started (ISO 8601).
    #[oss(xml = "Initiated")]
    pub initiated: Option<String>,
}

/// One page of [`ListMultipartUploads`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListMultipartUploadsResult", url_encoding = "EncodingType")]
pub struct ListMultipartUploadsOutput {
    /// `url` when keys were URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: String,
    /// The key marker as echoed (decoded).
    #[oss(xml = "KeyMarker", url_encoded, empty_none)]
    pub key_marker: Option<String>,
    /// The upload id marker as echoed.
    #[oss(xml = "UploadIdMarker", empty_none)]
    pub upload_id_marker: Option<String>,
    /// The key marker of the next page (decoded).
    #[oss(xml = "NextKeyMarker", url_encoded, empty_none)]
    pub next_key_marker: Option<String>,
    /// The upload id marker of the next page.
    #[oss(xml = "NextUploadIdMarker", empty_none)]
    pub next_upload_id_marker: Option<String>,
    /// The delimiter as echoed (decoded).
    #[oss(xml = "Delimiter", url_encoded, empty_none)]
    pub delimiter: Option<String>,
    /// The prefix as echoed (decoded).
    #[oss(xml = "Prefix", url_encoded, empty_none)]
    pub prefix: Option<String>,
    /// Page size as echoed.
    #[oss(xml = "MaxUploads")]
    pub max_uploads: Option<u32>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// The uploads.
    #[oss(xml = "Upload")]
    pub uploads: Vec<MultipartUpload>,
    /// Common prefixes (decoded).
    #[oss(xml = "CommonPrefixes>Prefix", each, url_encoded)]
    pub common_prefixes: Vec<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Two markers as one page token: the length of the first, `:`, then both.
pub(crate) fn join_markers(a: &str, b: &str) -> String {
    format!("{}:{a}{b}", a.len())
}

/// The markers of a token made by [`join_markers`].
pub(crate) fn split_markers(token: &str) -> Option<(String, String)> {
    let (n, rest) = token.split_once(':')?;
    let n: usize = n.parse().ok()?;
    let (a, b) = (rest.get(..n)?, rest.get(n..)?);
    Some((a.to_owned(), b.to_owned()))
}

impl crate::paginate::Paginated for ListMultipartUploads {
    type Item = MultipartUpload;

    fn next_token(output: &Self::Output) -> Option<String> {
        if !output.is_truncated {
            return None;
        }
        let key = output.next_key_marker.as_deref()?;
        Some(join_markers(
            key,
            output.next_upload_id_marker.as_deref().unwrap_or(""),
        ))
    }

    fn with_token(&self, token: String) -> Self {
        let (key, upload) = split_markers(&token).unwrap_or((token, String::new()));
        ListMultipartUploads {
            key_marker: Some(key),
            upload_id_marker: (!upload.is_empty()).then_some(upload),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.uploads
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paginate::Paginated;

    #[test]
    fn markers_survive_any_key() {
        for (a, b) in [("", ""), ("a:b", "id"), ("3:x", ""), ("é/ü", "0004B9")] {
            assert_eq!(
                split_markers(&join_markers(a, b)),
                Some((a.to_owned(), b.to_owned()))
            );
        }
    }

    #[test]
    fn upload_pages_carry_both_markers() {
        let out = ListMultipartUploadsOutput {
            is_truncated: true,
            next_key_marker: Some("k:1".into()),
            next_upload_id_marker: Some("U2".into()),
            ..Default::default()
        };
        let token = ListMultipartUploads::next_token(&out).unwrap();
        let next = ListMultipartUploads::new("examplebucket").with_token(token);
        assert_eq!(next.key_marker.as_deref(), Some("k:1"));
        assert_eq!(next.upload_id_marker.as_deref(), Some("U2"));
    }

    #[test]
    fn part_pages_continue_after_the_marker() {
        let out = ListPartsOutput {
            is_truncated: true,
            next_part_number_marker: Some(7),
            ..Default::default()
        };
        let next = ListParts::new("examplebucket", "k", "u")
            .with_token(ListParts::next_token(&out).unwrap());
        assert_eq!(next.part_number_marker, Some(7));
    }
}
