//! Pieces several operations share: documents, header metadata, small parsers.

use super::decl::{self, Oss};
use crate::error::{ValidationError, ValidationKind};
use crate::names;
use crate::request::Headers;
use crate::xml;

/// `AccessControlPolicy`: the body of GetBucketAcl and GetObjectAcl.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "AccessControlPolicy")]
pub struct AccessControlPolicy {
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: String,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: String,
    /// The grant as written (`private`, `public-read`, `public-read-write`, `default`).
    #[oss(xml = "AccessControlList>Grant", required)]
    pub grant: String,
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectMeta {
    /// `Content-Length`.
    #[oss(header = "Content-Length")]
    pub content_length: Option<u64>,
    /// `Content-Type`.
    #[oss(header = "Content-Type")]
    pub content_type: Option<String>,
    /// `Content-Encoding`: stored with the object, or `gzip` for an answer OSS compressed.
    #[oss(header = "Content-Encoding")]
    pub content_encoding: Option<String>,
    /// `ETag` (with its quotes, as sent).
    #[oss(header = "ETag")]
    pub etag: Option<String>,
    /// `Last-Modified` as sent.
    #[oss(header = "Last-Modified")]
    pub last_modified: Option<String>,
    /// `x-oss-hash-crc64ecma`.
    #[oss(header = "x-oss-hash-crc64ecma", rename = "hash_crc64")]
    pub crc64: Option<u64>,
    /// `x-oss-version-id`.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-object-type` (`Normal`, `Appendable`, `Multipart`, `Symlink`).
    #[oss(header = "x-oss-object-type")]
    pub object_type: Option<String>,
    /// `x-oss-storage-class`.
    #[oss(header = "x-oss-storage-class")]
    pub storage_class: Option<String>,
    /// `x-oss-meta-*` pairs, names without the prefix, lower-cased.
    #[oss(header_prefix = "x-oss-meta-")]
    pub metadata: Vec<(String, String)>,
    /// `Content-MD5` stored with the object.
    #[oss(header = "Content-MD5")]
    pub content_md5: Option<String>,
    /// `Cache-Control` stored with the object.
    #[oss(header = "Cache-Control")]
    pub cache_control: Option<String>,
    /// `Content-Disposition` stored with the object.
    #[oss(header = "Content-Disposition")]
    pub content_disposition: Option<String>,
    /// `Expires` stored with the object.
    #[oss(header = "Expires")]
    pub expires: Option<String>,
    /// How many tags the object has (`x-oss-tagging-count`).
    #[oss(header = "x-oss-tagging-count")]
    pub tagging_count: Option<u64>,
    /// `x-oss-server-side-encryption` (`AES256`, `KMS`, `SM4`).
    #[oss(header = "x-oss-server-side-encryption")]
    pub server_side_encryption: Option<String>,
    /// `x-oss-server-side-data-encryption` (`SM4` with KMS).
    #[oss(header = "x-oss-server-side-data-encryption")]
    pub server_side_data_encryption: Option<String>,
    /// `x-oss-server-side-encryption-key-id`, the KMS key.
    #[oss(header = "x-oss-server-side-encryption-key-id")]
    pub server_side_encryption_key_id: Option<String>,
    /// Where the next append goes, for an appendable object (`x-oss-next-append-position`).
    #[oss(header = "x-oss-next-append-position")]
    pub next_append_position: Option<u64>,
    /// When a lifecycle rule will expire the object (`x-oss-expiration`).
    #[oss(header = "x-oss-expiration")]
    pub expiration: Option<String>,
    /// The restore state of an archived object (`x-oss-restore`).
    #[oss(header = "x-oss-restore")]
    pub restore: Option<String>,
    /// The result of an image processing request (`x-oss-process-status`).
    #[oss(header = "x-oss-process-status")]
    pub process_status: Option<String>,
    /// When an appendable object was sealed (`x-oss-sealed-time`).
    #[oss(header = "x-oss-sealed-time")]
    pub sealed_time: Option<String>,
    /// Until when the object is retained (`x-oss-object-worm-retain-until-date`).
    #[oss(header = "x-oss-object-worm-retain-until-date")]
    pub object_worm_retain_until_date: Option<String>,
    /// The retention mode (`x-oss-object-worm-mode`).
    #[oss(header = "x-oss-object-worm-mode")]
    pub object_worm_mode: Option<String>,
    /// The legal hold (`x-oss-object-worm-legal-hold`).
    #[oss(header = "x-oss-object-worm-legal-hold")]
    pub object_worm_legal_hold: Option<String>,
}

impl ObjectMeta {
    /// Reads the metadata headers of a response; a malformed number reads as absent.
    pub fn from_headers(h: &Headers) -> Self {
        decl::from_headers(h).unwrap_or_else(|_| ObjectMeta {
            content_type: h.get(names::CONTENT_TYPE).map(str::to_owned),
            content_encoding: h.get(names::CONTENT_ENCODING).map(str::to_owned),
            etag: h.get(names::ETAG).map(str::to_owned),
            last_modified: h.get(names::LAST_MODIFIED).map(str::to_owned),
            version_id: h.get(names::X_OSS_VERSION_ID).map(str::to_owned),
            object_type: h.get(names::X_OSS_OBJECT_TYPE).map(str::to_owned),
            storage_class: h.get(names::X_OSS_STORAGE_CLASS).map(str::to_owned),
            metadata: user_metadata(h),
            ..ObjectMeta::default()
        })
    }
}

/// The `x-oss-meta-*` headers, names without the prefix and lower-cased.
pub fn user_metadata(h: &Headers) -> Vec<(String, String)> {
    decl::read_prefixed(h, names::X_OSS_META_PREFIX)
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

/// Validates user metadata: each name, and no name twice (names are case-insensitive).
pub(crate) fn validate_metadata(pairs: &[(String, String)]) -> Result<(), ValidationError> {
    for (i, (name, _)) in pairs.iter().enumerate() {
        validate_meta_name(name)?;
        if pairs[..i].iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Err(ValidationError::invalid(
                "metadata name",
                name,
                "is given twice (names are case-insensitive)",
            ));
        }
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
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct EmptyOutput {
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}
