//! An object's tags: PutObjectTagging, GetObjectTagging and DeleteObjectTagging
//! (`/<key>?tagging`, with a `Tagging` document).

use super::decl::Oss;
use crate::error::ValidationError;

/// The most tags an object may have.
pub const MAX_OBJECT_TAGS: usize = 10;
/// The longest tag key, in characters.
pub const MAX_TAG_KEY_CHARS: usize = 128;
/// The longest tag value, in characters.
pub const MAX_TAG_VALUE_CHARS: usize = 256;

fn validate_tag_key(key: &str) -> Result<(), ValidationError> {
    let n = key.chars().count();
    if n == 0 || n > MAX_TAG_KEY_CHARS {
        return Err(ValidationError::invalid(
            "key",
            key,
            format!("a tag key must be 1 to {MAX_TAG_KEY_CHARS} characters"),
        ));
    }
    Ok(())
}

fn validate_tag_value(value: &str) -> Result<(), ValidationError> {
    if value.chars().count() > MAX_TAG_VALUE_CHARS {
        return Err(ValidationError::invalid(
            "value",
            value,
            format!("a tag value must be at most {MAX_TAG_VALUE_CHARS} characters"),
        ));
    }
    Ok(())
}

/// One tag.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ObjectTag {
    /// The key: 1 to 128 characters, unique within the object.
    #[oss(xml = "Key", validate = validate_tag_key)]
    pub key: String,
    /// The value: up to 256 characters.
    #[oss(xml = "Value", validate = validate_tag_value)]
    pub value: String,
}

impl ObjectTag {
    /// The tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        ObjectTag {
            key: key.into(),
            value: value.into(),
        }
    }
}

/// The tags of an object: at most 10, keys unique.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(check = Self::check)]
pub struct ObjectTagSet {
    /// The tags.
    #[oss(xml = "Tag", max = 10)]
    pub tags: Vec<ObjectTag>,
}

impl ObjectTagSet {
    fn check(&self) -> Result<(), ValidationError> {
        for (i, t) in self.tags.iter().enumerate() {
            if self.tags[..i].iter().any(|o| o.key == t.key) {
                return Err(ValidationError::invalid(
                    "tags",
                    &t.key,
                    "the tag key is given twice (keys are unique)",
                ));
            }
        }
        Ok(())
    }
}

/// The `ObjectTagging` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "Tagging")]
pub struct ObjectTagging {
    /// The tag set.
    #[oss(xml = "TagSet")]
    pub tag_set: ObjectTagSet,
}

impl ObjectTagging {
    /// A document with `tags` as (key, value) pairs.
    pub fn from_pairs<I, K, V>(tags: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        ObjectTagging {
            tag_set: ObjectTagSet {
                tags: tags
                    .into_iter()
                    .map(|(k, v)| ObjectTag::new(k, v))
                    .collect(),
            },
        }
    }
}

/// Replaces an object's tags.
///
/// ```
/// use ossio_core::ops::{Operation, PutObjectTagging, ObjectTagging};
/// let req = PutObjectTagging::new("examplebucket", "a.txt", ObjectTagging::from_pairs([("team", "storage")]))
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("tagging"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<Tagging><TagSet><Tag><Key>team</Key><Value>storage</Value></Tag></TagSet></Tagging>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutObjectTagging", method = "PUT", sub_resource = "tagging", output = ObjectTaggingOutput)]
pub struct PutObjectTagging {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// The tags.
    #[oss(document, required)]
    pub tagging: ObjectTagging,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl PutObjectTagging {
    /// Sets the tags of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>, tagging: ObjectTagging) -> Self {
        PutObjectTagging {
            bucket: bucket.into(),
            key: key.into(),
            tagging,
            version_id: None,
            request_payer: None,
        }
    }
}

/// The result of [`PutObjectTagging`] and [`DeleteObjectTagging`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ObjectTaggingOutput {
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads an object's tags.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetObjectTagging", method = "GET", sub_resource = "tagging", output = GetObjectTaggingOutput)]
pub struct GetObjectTagging {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl GetObjectTagging {
    /// The tags of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        GetObjectTagging {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            request_payer: None,
        }
    }
}

/// The result of [`GetObjectTagging`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "Tagging", body_optional)]
pub struct GetObjectTaggingOutput {
    /// The tags (empty for an object without any).
    #[oss(xml = "TagSet")]
    pub tag_set: ObjectTagSet,
    /// `x-oss-version-id`, when versioned.
    #[oss(header = "x-oss-version-id")]
    pub version_id: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes every tag of an object.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteObjectTagging", method = "DELETE", sub_resource = "tagging", output = ObjectTaggingOutput)]
pub struct DeleteObjectTagging {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// A specific version.
    #[oss(query = "versionId")]
    pub version_id: Option<String>,
    /// `requester` when the requester pays (`x-oss-request-payer`).
    #[oss(header = "x-oss-request-payer")]
    pub request_payer: Option<String>,
}

impl DeleteObjectTagging {
    /// Removes the tags of `bucket`/`key`.
    pub fn new(bucket: impl Into<String>, key: impl Into<String>) -> Self {
        DeleteObjectTagging {
            bucket: bucket.into(),
            key: key.into(),
            version_id: None,
            request_payer: None,
        }
    }
}
