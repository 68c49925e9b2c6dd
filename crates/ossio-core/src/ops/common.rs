//! Pieces several operations share: documents, header metadata, small parsers.

use crate::acl::ObjectAcl;
use crate::error::{Error, ValidationError, ValidationKind};
use crate::names;
use crate::request::{Headers, Request};
use crate::response::Response;
use crate::validate;
use crate::xml::{self, Element};

/// Parses `true`/`false` as OSS writes them.
pub(crate) fn parse_bool(resp: &Response<'_>, name: &str, v: &str) -> Result<bool, Error> {
    match v.trim() {
        "true" | "True" | "TRUE" => Ok(true),
        "false" | "False" | "FALSE" | "" => Ok(false),
        other => Err(resp.parse_error(format!("<{name}> is not a boolean: {other:?}"))),
    }
}

/// Parses an optional unsigned number element.
pub(crate) fn parse_num<T: std::str::FromStr>(
    resp: &Response<'_>,
    name: &str,
    v: Option<&str>,
) -> Result<Option<T>, Error> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| resp.parse_error(format!("<{name}> is not a number: {s:?}"))),
    }
}

/// The required text of `name` under `root`, as a parse error naming it when missing.
pub(crate) fn req(resp: &Response<'_>, root: &Element, name: &str) -> Result<String, Error> {
    root.required(name)
        .map(str::to_owned)
        .map_err(|e| resp.parse_error(e))
}

/// The optional text of `name` under `root`.
pub(crate) fn opt(root: &Element, name: &str) -> Option<String> {
    root.text_of(name).map(str::to_owned)
}

/// Checks the root element name.
pub(crate) fn expect_root(resp: &Response<'_>, root: &Element, name: &str) -> Result<(), Error> {
    if root.is(name) {
        Ok(())
    } else {
        Err(resp.parse_error(format!("expected <{name}>, found <{}>", root.name)))
    }
}

/// Validates a bucket and an access point name (the management calls' inputs).
pub(crate) fn validate_ap(bucket: &str, name: &str) -> Result<(), ValidationError> {
    validate::bucket_name(bucket)?;
    validate::access_point_name(name)
}

/// A bucket-level access point management request: the name in `x-oss-access-point-name`.
pub(crate) fn ap_request(
    method: crate::Method,
    bucket: &str,
    name: &str,
    sub: &'static str,
) -> Request {
    Request::new(method)
        .bucket(bucket)
        .query_flag(sub)
        .sub_resource(sub)
        .header(names::X_OSS_ACCESS_POINT_NAME, name)
}

/// `AccessControlPolicy`: the body of GetBucketAcl and GetObjectAcl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessControlPolicy {
    /// Owner id.
    pub owner_id: String,
    /// Owner display name.
    pub owner_display_name: String,
    /// The grant as written (`private`, `public-read`, `public-read-write`, `default`).
    pub grant: String,
}

impl AccessControlPolicy {
    /// The document.
    pub fn to_xml(&self) -> String {
        let mut w = xml::Writer::new();
        w.start("AccessControlPolicy");
        w.start("Owner");
        w.element("ID", &self.owner_id);
        w.element("DisplayName", &self.owner_display_name);
        w.end("Owner");
        w.start("AccessControlList");
        w.element("Grant", &self.grant);
        w.end("AccessControlList");
        w.end("AccessControlPolicy");
        w.finish()
    }

    pub(crate) fn parse(resp: &Response<'_>) -> Result<Self, Error> {
        let root = resp.xml()?;
        expect_root(resp, &root, "AccessControlPolicy")?;
        let owner = root.child("Owner");
        Ok(AccessControlPolicy {
            owner_id: owner.and_then(|o| opt(o, "ID")).unwrap_or_default(),
            owner_display_name: owner
                .and_then(|o| opt(o, "DisplayName"))
                .unwrap_or_default(),
            grant: root
                .path(&["AccessControlList", "Grant"])
                .map(|g| g.text.to_string())
                .ok_or_else(|| resp.parse_error("missing element <AccessControlList><Grant>"))?,
        })
    }

    pub(crate) fn object_acl(&self, resp: &Response<'_>) -> Result<ObjectAcl, Error> {
        self.grant
            .parse()
            .map_err(|_| resp.parse_error(format!("unknown object ACL {:?}", self.grant)))
    }
}

/// `PublicAccessBlockConfiguration`.
pub fn public_access_block_xml(block: bool) -> String {
    let mut w = xml::Writer::new();
    w.start("PublicAccessBlockConfiguration");
    w.element("BlockPublicAccess", if block { "true" } else { "false" });
    w.end("PublicAccessBlockConfiguration");
    w.finish()
}

/// Reads a `PublicAccessBlockConfiguration` document.
pub fn public_access_block_from_xml(body: &[u8]) -> Result<bool, String> {
    let root = xml::parse(body)?;
    if !root.is("PublicAccessBlockConfiguration") {
        return Err(format!("unexpected root <{}>", root.name));
    }
    match root.required("BlockPublicAccess")? {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(format!(
            "BlockPublicAccess must be true or false, not {other:?}"
        )),
    }
}

/// Object metadata carried in response headers (GetObject, HeadObject).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObjectMeta {
    /// `Content-Length`.
    pub content_length: Option<u64>,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// `Content-Encoding`: stored with the object, or `gzip` for an answer OSS compressed.
    pub content_encoding: Option<String>,
    /// `ETag` (with its quotes, as sent).
    pub etag: Option<String>,
    /// `Last-Modified` as sent.
    pub last_modified: Option<String>,
    /// `x-oss-hash-crc64ecma`.
    pub crc64: Option<u64>,
    /// `x-oss-version-id`.
    pub version_id: Option<String>,
    /// `x-oss-object-type` (`Normal`, `Appendable`, `Multipart`, `Symlink`).
    pub object_type: Option<String>,
    /// `x-oss-storage-class`.
    pub storage_class: Option<String>,
    /// `x-oss-meta-*` pairs, names without the prefix, lower-cased.
    pub metadata: Vec<(String, String)>,
}

impl ObjectMeta {
    /// Reads the metadata headers of a response.
    pub fn from_headers(h: &Headers) -> Self {
        let own = |n: &str| h.get(n).map(str::to_owned);
        ObjectMeta {
            content_length: h
                .get(names::CONTENT_LENGTH)
                .and_then(|v| v.trim().parse().ok()),
            content_type: own(names::CONTENT_TYPE),
            content_encoding: own(names::CONTENT_ENCODING),
            etag: own(names::ETAG),
            last_modified: own(names::LAST_MODIFIED),
            crc64: h
                .get(names::X_OSS_HASH_CRC64ECMA)
                .and_then(|v| v.trim().parse().ok()),
            version_id: own(names::X_OSS_VERSION_ID),
            object_type: own(names::X_OSS_OBJECT_TYPE),
            storage_class: own(names::X_OSS_STORAGE_CLASS),
            metadata: user_metadata(h),
        }
    }
}

/// The `x-oss-meta-*` headers, names without the prefix and lower-cased.
pub fn user_metadata(h: &Headers) -> Vec<(String, String)> {
    h.iter()
        .filter_map(|(k, v)| {
            let lower = k.to_ascii_lowercase();
            lower
                .strip_prefix(names::X_OSS_META_PREFIX)
                .map(|n| (n.to_owned(), v.to_owned()))
        })
        .collect()
}

/// Validates a user metadata name (the part after `x-oss-meta-`).
pub(crate) fn validate_meta_name(name: &str) -> Result<(), ValidationError> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(ValidationError::new(
            ValidationKind::Header,
            "metadata name",
            Some(name),
            "must be non-empty letters, digits, '-' or '_'",
        ));
    }
    Ok(())
}

/// Storage classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageClass {
    /// `Standard`.
    Standard,
    /// `IA` (infrequent access).
    Ia,
    /// `Archive`.
    Archive,
    /// `ColdArchive`.
    ColdArchive,
    /// `DeepColdArchive`.
    DeepColdArchive,
}

impl StorageClass {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            StorageClass::Standard => "Standard",
            StorageClass::Ia => "IA",
            StorageClass::Archive => "Archive",
            StorageClass::ColdArchive => "ColdArchive",
            StorageClass::DeepColdArchive => "DeepColdArchive",
        }
    }
}

impl std::str::FromStr for StorageClass {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "Standard" => StorageClass::Standard,
            "IA" => StorageClass::Ia,
            "Archive" => StorageClass::Archive,
            "ColdArchive" => StorageClass::ColdArchive,
            "DeepColdArchive" => StorageClass::DeepColdArchive,
            _ => {
                return Err(ValidationError::invalid(
                    "storage class",
                    s,
                    "must be Standard, IA, Archive, ColdArchive or DeepColdArchive",
                ));
            }
        })
    }
}

/// Data redundancy types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataRedundancyType {
    /// Locally redundant.
    Lrs,
    /// Zone redundant.
    Zrs,
}

impl DataRedundancyType {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            DataRedundancyType::Lrs => "LRS",
            DataRedundancyType::Zrs => "ZRS",
        }
    }
}

impl std::str::FromStr for DataRedundancyType {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "LRS" => Ok(DataRedundancyType::Lrs),
            "ZRS" => Ok(DataRedundancyType::Zrs),
            _ => Err(ValidationError::invalid(
                "data redundancy type",
                s,
                "must be LRS or ZRS",
            )),
        }
    }
}

/// The result of an operation whose response has no body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyOutput {
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl EmptyOutput {
    pub(crate) fn parse(resp: &Response<'_>) -> Result<Self, Error> {
        resp.check()?;
        Ok(EmptyOutput {
            request_id: resp.request_id(),
        })
    }
}

/// Decodes a value listed with `encoding-type=url`.
pub(crate) fn url_decoded(resp: &Response<'_>, v: &str, encoded: bool) -> Result<String, Error> {
    if !encoded {
        return Ok(v.to_owned());
    }
    crate::encoding::decode(v, true)
        .map_err(|_| resp.parse_error(format!("bad URL encoding in listing: {v:?}")))
}
