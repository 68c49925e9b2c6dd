//! Versions of objects: which version a request addresses (`versionId`), and the headers
//! that tell it. The versions themselves are kept by [`crate::state::Store`].

use super::{Ctx, Service};
use crate::error::{OssError, Result};
use crate::http::Response;
use crate::state::{Object, Store, Versioning, stored_version, version_id_is_valid};

use ossio_core::names::{X_OSS_DELETE_MARKER as DELETE_MARKER, X_OSS_VERSION_ID as VERSION_ID};

/// A `versionId` as stored (`None`: the null version); a malformed one is refused.
pub(super) fn parse_version(id: &str) -> Result<Option<String>> {
    if version_id_is_valid(id) {
        Ok(stored_version(id))
    } else {
        Err(
            OssError::invalid_argument("Invalid version id specified", "versionId", id)
                .ec("0017-00000001"),
        )
    }
}

/// The version a request addresses: `None` (no `versionId`: the latest), or `Some(id)`.
pub(super) fn requested_version(ctx: &Ctx<'_>) -> Result<Option<Option<String>>> {
    match ctx.q("versionId").filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_version(v).map(Some),
    }
}

pub(super) fn no_such_version(key: &str, id: &str) -> OssError {
    OssError::new(
        404,
        "NoSuchVersion",
        "The specified version does not exist.",
    )
    .ec("0026-00000004")
    .detail("Key", key)
    .detail("VersionId", id)
}

impl Service {
    /// The version of `key` a request addresses (`versionId`, else the latest); a delete
    /// marker answers `404 NoSuchKey` when latest, `405` when addressed.
    pub(super) fn addressed(
        &self,
        ctx: &Ctx<'_>,
        store: &Store,
        bucket: &str,
        key: &str,
    ) -> Result<Object> {
        match requested_version(ctx)? {
            Some(id) => match store.version(bucket, key, &id) {
                Some(o) if o.delete_marker => Err(OssError::new(
                    405,
                    "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                )
                .ec("0017-00000002")
                .header(DELETE_MARKER, "true")
                .header(VERSION_ID, o.version_name())),
                Some(o) => Ok(o.clone()),
                None => Err(no_such_version(key, id.as_deref().unwrap_or("null"))),
            },
            None => match store.latest(bucket, key) {
                Some(o) if o.delete_marker => Err(OssError::no_such_key(key)
                    .header(DELETE_MARKER, "true")
                    .header(VERSION_ID, o.version_name())),
                Some(o) => Ok(o.clone()),
                None => Err(OssError::no_such_key(key)),
            },
        }
    }
}

/// Adds `x-oss-version-id` for `obj` when its bucket has (or had) versioning.
pub(super) fn with_version(resp: Response, store: &Store, obj: &Object) -> Response {
    let versioned = obj.version_id.is_some()
        || store
            .buckets
            .get(&obj.bucket)
            .is_some_and(|b| b.versioning() != Versioning::Off);
    if versioned {
        resp.header(VERSION_ID, obj.version_name())
    } else {
        resp
    }
}

/// Adds `x-oss-version-id` when a write returned one.
pub(super) fn with_new_version(resp: Response, id: Option<String>) -> Response {
    match id {
        Some(id) => resp.header(VERSION_ID, id),
        None => resp,
    }
}
