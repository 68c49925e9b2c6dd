//! Object tags: PutObjectTagging, GetObjectTagging, DeleteObjectTagging, the `x-oss-tagging`
//! header of PutObject and `x-oss-tagging-count` on reads. Tags are stored with the object
//! (in its metadata file in durable mode).

use super::{Ctx, Service, io_err, read_doc, xml_response};
use crate::error::{OssError, Result};
use crate::http::{BodyReader, Response};
use ossio_core::ops::{self, MAX_OBJECT_TAGS, MAX_TAG_KEY_CHARS, MAX_TAG_VALUE_CHARS};
use ossio_core::{Headers, encoding, names};

/// OSS's rules for an object's tags: at most 10, keys of 1 to 128 characters and unique,
/// values of up to 256 characters.
pub(super) fn check_tags(tags: &[(String, String)]) -> Result<()> {
    if tags.len() > MAX_OBJECT_TAGS {
        return Err(OssError::new(
            400,
            "BadRequest",
            "Object tags cannot be greater than 10",
        ));
    }
    for (i, (k, v)) in tags.iter().enumerate() {
        let n = k.chars().count();
        if n == 0 || n > MAX_TAG_KEY_CHARS {
            return Err(OssError::new(
                400,
                "InvalidTag",
                "The TagKey you have provided is invalid",
            )
            .detail("TagKey", k.clone()));
        }
        if v.chars().count() > MAX_TAG_VALUE_CHARS {
            return Err(OssError::new(
                400,
                "InvalidTag",
                "The TagValue you have provided is invalid",
            )
            .detail("TagValue", v.clone()));
        }
        if tags[..i].iter().any(|(o, _)| o == k) {
            return Err(OssError::new(
                400,
                "InvalidTag",
                "Cannot provide multiple Tags with the same key",
            )
            .detail("TagKey", k.clone()));
        }
    }
    Ok(())
}

/// The tags of PutObject's `x-oss-tagging` header (`a=1&b=2`, URL-encoded).
pub(super) fn header_tags(headers: &Headers) -> Result<Vec<(String, String)>> {
    let Some(raw) = headers.get(names::X_OSS_TAGGING).filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    let pairs = encoding::parse_query(raw).map_err(|_| {
        OssError::invalid_argument(
            "The tagging header is not valid.",
            names::X_OSS_TAGGING,
            raw,
        )
    })?;
    let tags: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or_default()))
        .collect();
    check_tags(&tags)?;
    Ok(tags)
}

impl Service {
    pub(super) fn put_object_tagging(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let doc = read_doc(body)?;
        let tagging =
            ops::ObjectTagging::from_xml(&doc).map_err(|e| OssError::malformed_xml(&e))?;
        let tags: Vec<(String, String)> = tagging
            .tag_set
            .tags
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect();
        check_tags(&tags)?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let mut obj = self.addressed(ctx, &store, &bucket, key)?;
        obj.tags = tags;
        store.save_object_meta(&obj).map_err(io_err)?;
        Ok(super::object_version::with_version(
            Response::new(200),
            &store,
            &obj,
        ))
    }

    pub(super) fn get_object_tagging(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
    ) -> Result<Response> {
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let obj = self.addressed(ctx, &store, &bucket, key)?;
        let resp = super::object_version::with_version(Response::new(200), &store, &obj);
        let doc = ops::ObjectTagging::from_pairs(obj.tags).to_xml();
        let mut out = xml_response(doc);
        out.headers.extend(resp.headers);
        Ok(out)
    }

    pub(super) fn delete_object_tagging(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
    ) -> Result<Response> {
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let mut obj = self.addressed(ctx, &store, &bucket, key)?;
        obj.tags.clear();
        store.save_object_meta(&obj).map_err(io_err)?;
        Ok(super::object_version::with_version(
            Response::new(204),
            &store,
            &obj,
        ))
    }
}
