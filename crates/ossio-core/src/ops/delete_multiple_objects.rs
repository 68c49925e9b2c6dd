//! DeleteMultipleObjects: `POST /?delete` with a `Delete` document (Content-MD5 required).

use super::common::{expect_root, opt, url_decoded};
use super::{Operation, with_xml_body};
use crate::encoding;
use crate::error::{Error, ValidationError};
use crate::request::{Method, Request};
use crate::response::Response;
use crate::validate;
use crate::xml;

/// An object to delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectIdentifier {
    /// Object key.
    pub key: String,
    /// A specific version.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteMultipleObjects {
    /// The bucket or access point alias.
    pub bucket: String,
    /// The objects.
    pub objects: Vec<ObjectIdentifier>,
    /// Quiet mode: the response lists only failures.
    pub quiet: bool,
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
        let mut w = xml::Writer::new();
        w.start("Delete");
        w.element("Quiet", if self.quiet { "true" } else { "false" });
        for o in &self.objects {
            w.start("Object");
            w.element("Key", &o.key);
            if let Some(v) = &o.version_id {
                w.element("VersionId", v);
            }
            w.end("Object");
        }
        w.end("Delete");
        w.finish()
    }

    /// Reads a `Delete` document (the server side of this call).
    pub fn from_xml(bucket: &str, body: &[u8]) -> Result<Self, String> {
        let root = xml::parse(body)?;
        if !root.is("Delete") {
            return Err(format!("unexpected root <{}>", root.name));
        }
        let objects = root
            .children_named("Object")
            .map(|o| {
                Ok(ObjectIdentifier {
                    key: o.required("Key")?.to_owned(),
                    version_id: o.text_of("VersionId").map(str::to_owned),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(DeleteMultipleObjects {
            bucket: bucket.to_owned(),
            objects,
            quiet: root.text_of("Quiet") == Some("true"),
        })
    }
}

/// One deleted object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedObject {
    /// Object key.
    pub key: String,
    /// Version deleted.
    pub version_id: Option<String>,
    /// Whether a delete marker was created.
    pub delete_marker: bool,
}

/// The result of [`DeleteMultipleObjects`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteMultipleObjectsOutput {
    /// The objects deleted (empty in quiet mode).
    pub deleted: Vec<DeletedObject>,
    /// `x-oss-request-id` of the response.
    pub request_id: String,
}

impl DeleteMultipleObjectsOutput {
    /// The `DeleteResult` document (the server side of this call); keys URL-encoded when
    /// `url_encoded`.
    pub fn to_xml(&self, url_encoded: bool) -> String {
        let mut w = xml::Writer::new();
        w.start("DeleteResult");
        if url_encoded {
            w.element("EncodingType", "url");
        }
        for d in &self.deleted {
            w.start("Deleted");
            if url_encoded {
                w.element("Key", &encoding::encode_component(&d.key));
            } else {
                w.element("Key", &d.key);
            }
            if let Some(v) = &d.version_id {
                w.element("VersionId", v);
            }
            if d.delete_marker {
                w.element("DeleteMarker", "true");
            }
            w.end("Deleted");
        }
        w.end("DeleteResult");
        w.finish()
    }
}

impl Operation for DeleteMultipleObjects {
    type Output = DeleteMultipleObjectsOutput;
    const NAME: &'static str = "DeleteMultipleObjects";

    fn to_request(&self) -> Result<Request, Error> {
        validate::bucket_name(&self.bucket)?;
        if self.objects.is_empty() || self.objects.len() > 1000 {
            return Err(ValidationError::invalid(
                "objects",
                &self.objects.len().to_string(),
                "must name 1 to 1000 objects",
            )
            .into());
        }
        for o in &self.objects {
            validate::object_key(&o.key)?;
            if o.key.contains('\0') {
                return Err(ValidationError::new(
                    crate::ValidationKind::ObjectKey,
                    "key",
                    Some(&o.key),
                    "contains U+0000, which an XML request body cannot carry",
                )
                .into());
            }
        }
        // encoding-type=url makes OSS return keys that XML cannot carry (control characters).
        let req = Request::new(Method::Post)
            .bucket(&self.bucket)
            .query_flag("delete")
            .query("encoding-type", "url");
        Ok(with_xml_body(req, self.to_xml()))
    }

    fn parse_response(&self, resp: &Response<'_>) -> Result<Self::Output, Error> {
        resp.check()?;
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(DeleteMultipleObjectsOutput {
                deleted: Vec::new(),
                request_id: resp.request_id(),
            });
        }
        let root = resp.xml()?;
        expect_root(resp, &root, "DeleteResult")?;
        let encoded = root.text_of("EncodingType") == Some("url");
        let deleted = root
            .children_named("Deleted")
            .map(|d| {
                Ok(DeletedObject {
                    key: url_decoded(resp, d.text_of("Key").unwrap_or_default(), encoded)?,
                    version_id: opt(d, "VersionId"),
                    delete_marker: d.text_of("DeleteMarker") == Some("true"),
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(DeleteMultipleObjectsOutput {
            deleted,
            request_id: resp.request_id(),
        })
    }
}
