//! Header names and content types, written once for every crate.

/// Bucket ACL header.
pub const X_OSS_ACL: &str = "x-oss-acl";
/// Object ACL header.
pub const X_OSS_OBJECT_ACL: &str = "x-oss-object-acl";
/// Access point name header (management calls).
pub const X_OSS_ACCESS_POINT_NAME: &str = "x-oss-access-point-name";
/// STS token header.
pub const X_OSS_SECURITY_TOKEN: &str = "x-oss-security-token";
/// V4 signing time header.
pub const X_OSS_DATE: &str = "x-oss-date";
/// V4 payload hash header.
pub const X_OSS_CONTENT_SHA256: &str = "x-oss-content-sha256";
/// CRC-64/ECMA of an object.
pub const X_OSS_HASH_CRC64ECMA: &str = "x-oss-hash-crc64ecma";
/// Storage class header.
pub const X_OSS_STORAGE_CLASS: &str = "x-oss-storage-class";
/// Prefix of user metadata headers.
pub const X_OSS_META_PREFIX: &str = "x-oss-meta-";
/// Version id header.
pub const X_OSS_VERSION_ID: &str = "x-oss-version-id";
/// Object type header.
pub const X_OSS_OBJECT_TYPE: &str = "x-oss-object-type";
/// Server-side encryption header.
pub const X_OSS_SERVER_SIDE_ENCRYPTION: &str = "x-oss-server-side-encryption";
/// Data encryption algorithm under KMS (`SM4`).
pub const X_OSS_SERVER_SIDE_DATA_ENCRYPTION: &str = "x-oss-server-side-data-encryption";
/// KMS key of server-side encryption.
pub const X_OSS_SERVER_SIDE_ENCRYPTION_KEY_ID: &str = "x-oss-server-side-encryption-key-id";
/// Resource group of a bucket.
pub const X_OSS_RESOURCE_GROUP_ID: &str = "x-oss-resource-group-id";
/// `Accept-Encoding`.
pub const ACCEPT_ENCODING: &str = "Accept-Encoding";
/// `Content-Encoding`.
pub const CONTENT_ENCODING: &str = "Content-Encoding";
/// `Authorization`.
pub const AUTHORIZATION: &str = "Authorization";
/// `Content-Type`.
pub const CONTENT_TYPE: &str = "Content-Type";
/// `Content-MD5`.
pub const CONTENT_MD5: &str = "Content-MD5";
/// `Content-Length`.
pub const CONTENT_LENGTH: &str = "Content-Length";
/// `Date`.
pub const DATE: &str = "Date";
/// `ETag`.
pub const ETAG: &str = "ETag";
/// `Last-Modified`.
pub const LAST_MODIFIED: &str = "Last-Modified";
/// `Range`.
pub const RANGE: &str = "Range";
/// Content type of XML request bodies.
pub const APPLICATION_XML: &str = "application/xml";
/// Default content type of objects.
pub const APPLICATION_OCTET_STREAM: &str = "application/octet-stream";
/// Request id header.
pub const X_OSS_REQUEST_ID: &str = "x-oss-request-id";
/// Fine-grained error code header.
pub const X_OSS_EC: &str = "x-oss-ec";
/// Base64 error document of a HEAD response.
pub const X_OSS_ERR: &str = "x-oss-err";
/// Copy source header (CopyObject).
pub const X_OSS_COPY_SOURCE: &str = "x-oss-copy-source";
/// Refuse to overwrite an existing object.
pub const X_OSS_FORBID_OVERWRITE: &str = "x-oss-forbid-overwrite";
/// Delete marker header.
pub const X_OSS_DELETE_MARKER: &str = "x-oss-delete-marker";
/// The version of a copy's source that was copied (CopyObject, UploadPartCopy answers).
pub const X_OSS_COPY_SOURCE_VERSION_ID: &str = "x-oss-copy-source-version-id";
/// Copy-source conditions, each with the plain condition header it mirrors.
pub const X_OSS_COPY_SOURCE_CONDITIONS: &[(&str, &str)] = &[
    ("x-oss-copy-source-if-match", "if-match"),
    ("x-oss-copy-source-if-none-match", "if-none-match"),
    ("x-oss-copy-source-if-modified-since", "if-modified-since"),
    (
        "x-oss-copy-source-if-unmodified-since",
        "if-unmodified-since",
    ),
];
/// Object tags as `k1=v1&k2=v2` (PutObject, CopyObject, InitiateMultipartUpload, ...).
pub const X_OSS_TAGGING: &str = "x-oss-tagging";
/// `Copy` or `Replace`: where a copy's tags come from.
pub const X_OSS_TAGGING_DIRECTIVE: &str = "x-oss-tagging-directive";
/// How many tags an object has (GetObject / HeadObject answers).
pub const X_OSS_TAGGING_COUNT: &str = "x-oss-tagging-count";
/// A symbolic link's target key (PutSymlink, GetSymlink).
pub const X_OSS_SYMLINK_TARGET: &str = "x-oss-symlink-target";
/// Where the next append goes (AppendObject answers).
pub const X_OSS_NEXT_APPEND_POSITION: &str = "x-oss-next-append-position";
/// When an appendable object was sealed.
pub const X_OSS_SEALED_TIME: &str = "x-oss-sealed-time";
/// `yes`: complete a multipart upload with every part uploaded.
pub const X_OSS_COMPLETE_ALL: &str = "x-oss-complete-all";

/// CORS request and answer headers.
pub mod cors {
    /// The page's origin.
    pub const ORIGIN: &str = "Origin";
    /// A preflight's method.
    pub const REQUEST_METHOD: &str = "Access-Control-Request-Method";
    /// A preflight's headers.
    pub const REQUEST_HEADERS: &str = "Access-Control-Request-Headers";
    /// The origin allowed.
    pub const ALLOW_ORIGIN: &str = "Access-Control-Allow-Origin";
    /// The methods allowed.
    pub const ALLOW_METHODS: &str = "Access-Control-Allow-Methods";
    /// The headers allowed.
    pub const ALLOW_HEADERS: &str = "Access-Control-Allow-Headers";
    /// The answer headers a page may read.
    pub const EXPOSE_HEADERS: &str = "Access-Control-Expose-Headers";
    /// How long a preflight may be cached, in seconds.
    pub const MAX_AGE: &str = "Access-Control-Max-Age";
    /// `Vary`, set to `Origin` when the rules say so.
    pub const VARY: &str = "Vary";
}

/// Query parameters of presigned URLs.
pub mod presign {
    /// V1: the access key id.
    pub const OSS_ACCESS_KEY_ID: &str = "OSSAccessKeyId";
    /// V1: absolute expiry, Unix seconds.
    pub const EXPIRES: &str = "Expires";
    /// V1: the base64 signature.
    pub const SIGNATURE: &str = "Signature";
    /// V1: the STS token.
    pub const SECURITY_TOKEN: &str = "security-token";
    /// V4: the algorithm.
    pub const X_OSS_SIGNATURE_VERSION: &str = "x-oss-signature-version";
    /// V4: signing time.
    pub const X_OSS_DATE: &str = "x-oss-date";
    /// V4: lifetime in seconds.
    pub const X_OSS_EXPIRES: &str = "x-oss-expires";
    /// V4: `<ak>/<scope>`.
    pub const X_OSS_CREDENTIAL: &str = "x-oss-credential";
    /// V4: the STS token.
    pub const X_OSS_SECURITY_TOKEN: &str = "x-oss-security-token";
    /// V4: additional signed header names, `;`-joined.
    pub const X_OSS_ADDITIONAL_HEADERS: &str = "x-oss-additional-headers";
    /// V4: the hex signature.
    pub const X_OSS_SIGNATURE: &str = "x-oss-signature";
}
