//! Bucket tags: PutBucketTags, GetBucketTags, DeleteBucketTags (`/?tagging` with a
//! `Tagging` document; DeleteBucketTags names the keys to remove as `?tagging=k1,k2`).

use super::Operation;
use super::common::EmptyOutput;
use super::decl::{self, Declared, Fields, Oss};
use crate::error::{Error, ValidationError};
use crate::request::Request;
use crate::response::Response;

/// At most this many tags on a bucket.
pub const MAX_BUCKET_TAGS: usize = 20;

/// One tag: a key and a value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct Tag {
    /// The key.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// The value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
}

impl Tag {
    /// The tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Tag {
            key: Some(key.into()),
            value: Some(value.into()),
        }
    }
}

/// The tags of a `Tagging` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct TagSet {
    /// The tags.
    #[oss(xml = "Tag")]
    pub tags: Vec<Tag>,
}

/// The `Tagging` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "Tagging")]
pub struct Tagging {
    /// The tags.
    #[oss(xml = "TagSet")]
    pub tag_set: Option<TagSet>,
}

impl Tagging {
    /// A document with `tags`.
    pub fn new(tags: impl IntoIterator<Item = Tag>) -> Self {
        Tagging {
            tag_set: Some(TagSet {
                tags: tags.into_iter().collect(),
            }),
        }
    }

    /// The tags, if any.
    pub fn tags(&self) -> &[Tag] {
        self.tag_set.as_ref().map_or(&[], |s| &s.tags)
    }
}

/// A bucket tag key: 1 to 64 bytes, not starting with `http://`, `https://` or `Aliyun`
/// (in any case).
fn check_bucket_tag_key(key: &str) -> Result<(), ValidationError> {
    if key.is_empty() || key.len() > 64 {
        return Err(ValidationError::invalid(
            "key",
            key,
            "a bucket tag key must be 1 to 64 bytes",
        ));
    }
    let lower = key.to_ascii_lowercase();
    if ["http://", "https://", "aliyun"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Err(ValidationError::invalid(
            "key",
            key,
            "a bucket tag key cannot start with http://, https:// or Aliyun",
        ));
    }
    Ok(())
}

/// Sets a bucket's tags, replacing any it had.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketTags, Tag};
/// let req = PutBucketTags::new("examplebucket", [Tag::new("team", "storage")])
///     .to_request()
///     .unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<Tagging><TagSet><Tag><Key>team</Key><Value>storage</Value></Tag></TagSet></Tagging>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketTags", method = "PUT", sub_resource = "tagging", output = EmptyOutput, check = Self::check_tags)]
pub struct PutBucketTags {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The tags (at most 20; keys 1 to 64 bytes, values at most 128).
    #[oss(document, required)]
    pub tagging: Tagging,
}

impl PutBucketTags {
    /// Sets `tags` on `bucket`.
    pub fn new(bucket: impl Into<String>, tags: impl IntoIterator<Item = Tag>) -> Self {
        PutBucketTags {
            bucket: bucket.into(),
            tagging: Tagging::new(tags),
        }
    }

    fn check_tags(&self) -> Result<(), ValidationError> {
        let tags = self.tagging.tags();
        decl::check_count("tags", tags.len(), 0, MAX_BUCKET_TAGS as u64)?;
        for t in tags {
            check_bucket_tag_key(t.key.as_deref().unwrap_or(""))?;
            let value = t.value.as_deref().unwrap_or("");
            if value.len() > 128 {
                return Err(ValidationError::invalid(
                    "value",
                    value,
                    "a bucket tag value must be at most 128 bytes",
                ));
            }
        }
        Ok(())
    }
}

/// Reads a bucket's tags.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketTags", method = "GET", sub_resource = "tagging", output = GetBucketTagsOutput)]
pub struct GetBucketTags {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketTags {
    /// The tags of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketTags {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketTags`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketTagsOutput {
    /// The tags (an empty `TagSet` when the bucket has none).
    #[oss(document)]
    pub tagging: Option<Tagging>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes a bucket's tags: all of them, or those whose keys `tagging` lists.
///
/// ```
/// use ossio_core::ops::{DeleteBucketTags, Operation};
/// let all = DeleteBucketTags::new("examplebucket").to_request().unwrap();
/// assert_eq!(all.query, vec![("tagging".into(), None)]);
/// let some = DeleteBucketTags::new("examplebucket").keys(["a", "b"]).to_request().unwrap();
/// assert_eq!(some.query, vec![("tagging".into(), Some("a,b".into()))]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketTags", method = "DELETE", sub_resource = "tagging", output = EmptyOutput, manual)]
pub struct DeleteBucketTags {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The keys to remove, comma-separated; absent removes every tag.
    #[oss(query = "tagging", validate = validate_tag_keys)]
    pub tagging: Option<String>,
}

fn validate_tag_keys(keys: &str) -> Result<(), ValidationError> {
    keys.split(',').try_for_each(|k| {
        check_bucket_tag_key(k).map_err(|e| ValidationError {
            field: "tagging".into(),
            ..e
        })
    })
}

impl DeleteBucketTags {
    /// Every tag of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketTags {
            bucket: bucket.into(),
            tagging: None,
        }
    }

    /// Only the tags with these keys.
    pub fn keys<I, K>(mut self, keys: I) -> Self
    where
        I: IntoIterator<Item = K>,
        K: AsRef<str>,
    {
        let keys: Vec<_> = keys.into_iter().map(|k| k.as_ref().to_owned()).collect();
        self.tagging = Some(keys.join(","));
        self
    }
}

impl Operation for DeleteBucketTags {
    type Output = EmptyOutput;
    const NAME: &'static str = "DeleteBucketTags";

    fn to_request(&self) -> Result<Request, Error> {
        let mut req = self.declared_request()?;
        // The sub-resource and the keys share one parameter: `?tagging` or `?tagging=a,b`.
        let keep_flag = self.tagging.is_none();
        req.query
            .retain(|(k, v)| k != "tagging" || v.is_none() == keep_flag);
        Ok(req)
    }

    fn parse_response(&self, response: &Response<'_>) -> Result<EmptyOutput, Error> {
        <EmptyOutput as Fields>::from_response(response)
    }
}

/// The result of [`DeleteBucketTags`].
pub type DeleteBucketTagsOutput = EmptyOutput;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_tag_limits_are_checked_before_sending() {
        let many = (0..21).map(|i| Tag::new(format!("k{i}"), "v"));
        let err = PutBucketTags::new("examplebucket", many)
            .to_request()
            .unwrap_err();
        assert!(err.to_string().contains("tags"), "{err}");
        let long = PutBucketTags::new("examplebucket", [Tag::new("k".repeat(65), "v")]);
        assert!(long.to_request().is_err());
        let aliyun = PutBucketTags::new("examplebucket", [Tag::new("aliyun:x", "v")]);
        assert!(aliyun.to_request().is_err());
        let value = PutBucketTags::new("examplebucket", [Tag::new("k", "v".repeat(129))]);
        assert!(value.to_request().is_err());
        let bad_key = DeleteBucketTags::new("examplebucket").keys(["ok", "https://x"]);
        assert!(bad_key.to_request().is_err());
    }

    #[test]
    fn delete_with_keys_reads_back() {
        let op = DeleteBucketTags::new("examplebucket").keys(["a", "b"]);
        let req = op.to_request().unwrap();
        assert_eq!(DeleteBucketTags::from_request(&req).unwrap(), op);
        assert_eq!(
            crate::ops::route(&req).map(|o| o.name),
            Some("DeleteBucketTags")
        );
    }
}
