//! DeleteMultipleObjects: `POST /?delete` with a `Delete` document (Content-MD5 required).

use super::decl::{self, Oss};
use crate::error::{ValidationError, ValidationKind};

/// An object key that a `Delete` document can carry.
fn validate_listed_key(key: &str) -> Result<(), ValidationError> {
    crate::validate::object_key(key)?;
    if key.contains('\0') {
        return Err(ValidationError::new(
            ValidationKind::ObjectKey,
            "key",
            Some(key),
            "contains U+0000, which an XML request body cannot carry",
        ));
    }
    Ok(())
}

/// An object to delete.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ObjectIdentifier {
    /// Object key.
    #[oss(xml = "Key", required, validate = validate_listed_key)]
    pub key: String,
    /// A specific version.
    #[oss(xml = "VersionId")]
    pub version_id: Option<String>,
}

/// Deletes up to 1,000 objects in one request.
///
/// ```
/// use ossio_core::ops::{DeleteMultipleObjects, Operation};
/// let op = DeleteMultipleObjects::new("bucket", ["a&b.txt", "c<d"]).quiet(true);
/// let body = op.to_request().unwrap().body;
/// assert_eq!(body.as_bytes().unwrap(),
///     b"<Delete><Quiet>true</Quiet><Object><Key>a&amp;b.txt</Key></Object>\
///       <Object><Key>c&lt;d</Key></Object></Delete>");
/// ```
// encoding-type=url makes OSS return keys that XML cannot carry (control characters).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteMultipleObjects",
    method = "POST",
    sub_resource = "delete",
    fixed_query = "encoding-type=url",
    xml = "Delete",
    output = DeleteMultipleObjectsOutput
)]
pub struct DeleteMultipleObjects {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Quiet mode: the response lists only failures.
    #[oss(xml = "Quiet")]
    pub quiet: bool,
    /// The objects.
    #[oss(xml = "Object", min = 1, max = 1000)]
    pub objects: Vec<ObjectIdentifier>,
}

impl DeleteMultipleObjects {
    /// Deletes `keys` from `bucket`.
    pub fn new<I, K>(bucket: impl Into<String>, keys: I) -> Self
    where
        I: IntoIterator<Item = K>,
        K: Into<String>,
    {
        DeleteMultipleObjects {
            bucket: bucket.into(),
            objects: keys
                .into_iter()
                .map(|k| ObjectIdentifier {
                    key: k.into(),
                    version_id: None,
                })
                .collect(),
            quiet: false,
        }
    }

    /// Sets quiet mode.
    pub fn quiet(mut self, quiet: bool) -> Self {
        self.quiet = quiet;
        self
    }

    /// The `Delete` document.
    pub fn to_xml(&self) -> String {
        decl::input_xml(self).unwrap_or_default()
    }

    /// Reads a `Delete` document (the server side of this call).
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        decl::input_from_xml(bucket, body)
    }
}

/// One deleted object.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct DeletedObject {
    /// Object key.
    #[oss(xml = "Key", url_encoded)]
    pub key: String,
    /// Version deleted.
    #[oss(xml = "VersionId")]
    pub version_id: Option<String>,
    /// Whether a delete marker was created.
    #[oss(xml = "DeleteMarker")]
    pub delete_marker: bool,
}

/// The result of [`DeleteMultipleObjects`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    xml = "DeleteResult",
    url_encoding = "EncodingType",
    body_optional,
    custom_xml
)]
pub struct DeleteMultipleObjectsOutput {
    /// `url` when the keys were URL-encoded on the wire (already decoded here).
    #[oss(xml = "EncodingType")]
    pub encoding_type: Option<String>,
    /// The objects deleted (empty in quiet mode).
    #[oss(xml = "Deleted", rename = "deleted_objects")]
    pub deleted: Vec<DeletedObject>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl DeleteMultipleObjectsOutput {
    /// The `DeleteResult` document (the server side of this call); keys URL-encoded when
    /// `url_encoded`.
    pub fn to_xml(&self, url_encoded: bool) -> String {
        let mut out = self.clone();
        out.encoding_type = url_encoded.then(|| "url".to_owned());
        decl::to_xml(&out)
    }
}
