//! ListObjectVersions: `GET /?versions`, every version and delete marker, with
//! `encoding-type=url` decoded for the caller as ListObjectsV2 does.

use super::decl::Oss;
use super::object_multipart::{join_markers, split_markers};

/// Lists the versions and delete markers of a bucket's objects, a page at a time (by key,
/// then version id).
///
/// ```
/// use ossio_core::ops::{ListObjectVersions, Operation};
/// let req = ListObjectVersions::new("examplebucket").to_request().unwrap();
/// assert_eq!(req.query_value("versions"), Some(None));
/// assert_eq!(req.query_value("encoding-type"), Some(Some("url")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "ListObjectVersions",
    method = "GET",
    sub_resource = "versions",
    fixed_query = "encoding-type=url",
    output = ListObjectVersionsOutput
)]
pub struct ListObjectVersions {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Groups keys sharing a prefix up to this into common prefixes.
    #[oss(query = "delimiter")]
    pub delimiter: Option<String>,
    /// Start after this key (with `version_id_marker`: after that version of it).
    #[oss(query = "key-marker")]
    pub key_marker: Option<String>,
    /// With `key_marker`: start after this version of that key.
    #[oss(query = "version-id-marker")]
    pub version_id_marker: Option<String>,
    /// Page size (1 to 1000).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
    /// Only keys starting with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
    /// `requester` when the requester pays.
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl ListObjectVersions {
    /// Every version in `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListObjectVersions {
            bucket: bucket.into(),
            delimiter: None,
            key_marker: None,
            version_id_marker: None,
            max_keys: None,
            prefix: None,
            request_payer: None,
        }
    }

    /// Only keys starting with `prefix`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }
}

/// One version of an object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectVersion {
    /// Object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// The version's id.
    #[oss(xml = "VersionId")]
    pub version_id: String,
    /// Whether it is the current version.
    #[oss(xml = "IsLatest")]
    pub is_latest: bool,
    /// `Normal`, `Appendable`, `Multipart` or `Symlink`.
    #[oss(xml = "Type")]
    pub object_type: Option<String>,
    /// Size in bytes.
    #[oss(xml = "Size")]
    pub size: u64,
    /// ETag, with quotes.
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// Last modification (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// Storage class.
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<String>,
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: Option<String>,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: Option<String>,
    /// Restore state of an archived version.
    #[oss(xml = "RestoreInfo")]
    pub restore_info: Option<String>,
    /// When the version moved to a colder storage class.
    #[oss(xml = "TransitionTime")]
    pub transition_time: Option<String>,
}

/// One delete marker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct DeleteMarkerEntry {
    /// Object key (decoded).
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// The marker's version id.
    #[oss(xml = "VersionId")]
    pub version_id: String,
    /// Whether it is the current version.
    #[oss(xml = "IsLatest")]
    pub is_latest: bool,
    /// When the object was deleted (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// Owner id.
    #[oss(xml = "Owner>ID")]
    pub owner_id: Option<String>,
    /// Owner display name.
    #[oss(xml = "Owner>DisplayName")]
    pub owner_display_name: Option<String>,
}

/// One page of [`ListObjectVersions`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListVersionsResult", url_encoding = "EncodingType")]
pub struct ListObjectVersionsOutput {
    /// The bucket.
    #[oss(xml = "Name")]
    pub name: String,
    /// The key marker as echoed (decoded).
    #[oss(xml = "KeyMarker", url_encoded, empty_none)]
    pub key_marker: Option<String>,
    /// The key marker of the next page (decoded).
    #[oss(xml = "NextKeyMarker", url_encoded, empty_none)]
    pub next_key_marker: Option<String>,
    /// The version id marker as echoed.
    #[oss(xml = "VersionIdMarker", empty_none)]
    pub version_id_marker: Option<String>,
    /// The version id marker of the next page.
    #[oss(xml = "NextVersionIdMarker", empty_none)]
    pub next_version_id_marker: Option<String>,
    /// The prefix as echoed (decoded).
    #[oss(xml = "Prefix", url_encoded, empty_none)]
    pub prefix: Option<String>,
    /// Page size as echoed.
    #[oss(xml = "MaxKeys")]
    pub max_keys: Option<u32>,
    /// The delimiter as echoed (decoded).
    #[oss(xml = "Delimiter", url_encoded, empty_none)]
    pub delimiter: Option<String>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// `url` when keys were URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// The versions.
    #[oss(xml = "Version", rename = "version")]
    pub versions: Vec<ObjectVersion>,
    /// The delete markers.
    #[oss(xml = "DeleteMarker", rename = "delete_marker")]
    pub delete_markers: Vec<DeleteMarkerEntry>,
    /// Common prefixes (decoded).
    #[oss(xml = "CommonPrefixes>Prefix", each, url_encoded)]
    pub common_prefixes: Vec<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl crate::paginate::Paginated for ListObjectVersions {
    type Item = ObjectVersion;

    fn next_token(output: &Self::Output) -> Option<String> {
        if !output.is_truncated {
            return None;
        }
        let key = output.next_key_marker.as_deref()?;
        Some(join_markers(
            key,
            output.next_version_id_marker.as_deref().unwrap_or(""),
        ))
    }

    fn with_token(&self, token: String) -> Self {
        let (key, version) = split_markers(&token).unwrap_or((token, String::new()));
        ListObjectVersions {
            key_marker: Some(key),
            version_id_marker: (!version.is_empty()).then_some(version),
            ..self.clone()
        }
    }

    /// The versions of a page (its delete markers are in the output's `delete_markers`).
    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.versions
    }
}
