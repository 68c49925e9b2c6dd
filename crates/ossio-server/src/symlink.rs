//! Symbolic links: PutSymlink and GetSymlink. A link is an object without bytes of its own
//! that names a target key; GetObject and HeadObject on it answer with the target's bytes
//! and metadata and `x-oss-object-type: Symlink`, and `404 SymlinkTargetNotExist` when the
//! target is missing.

use super::{Ctx, Service, io_err, parse_object_acl, quoted_md5};
use crate::error::{OssError, Result};
use crate::http::Response;
use crate::state::{Object, Store};
use md5::{Digest, Md5};
use ossio_core::{ObjectAcl, encoding, names, ops, time};

impl Service {
    /// The object a read of `link` returns: itself, or its target.
    pub(super) fn follow_symlink(
        &self,
        store: &Store,
        bucket: &str,
        link: &Object,
    ) -> Result<Object> {
        let Some(target) = &link.symlink_target else {
            return Ok(link.clone());
        };
        match store.objects.get(bucket).and_then(|m| m.get(target)) {
            Some(t) if t.symlink_target.is_none() => Ok(t.clone()),
            _ => Err(OssError::new(
                404,
                "SymlinkTargetNotExist",
                "The symlink target object does not exist",
            )
            .detail("SymlinkTarget", target.clone())),
        }
    }

    pub(super) fn put_symlink(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let raw = ctx
            .headers
            .get(names::X_OSS_SYMLINK_TARGET)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                OssError::invalid_argument(
                    "The symlink target is missing.",
                    names::X_OSS_SYMLINK_TARGET,
                    "",
                )
            })?;
        let target = encoding::decode(raw, false).map_err(|_| {
            OssError::invalid_argument(
                "The symlink target is not valid.",
                names::X_OSS_SYMLINK_TARGET,
                raw,
            )
        })?;
        ossio_core::validate::object_key(&target)
            .map_err(|e| OssError::invalid_argument(&e.reason, names::X_OSS_SYMLINK_TARGET, raw))?;
        let acl = match ctx.headers.get(names::X_OSS_OBJECT_ACL) {
            Some(a) => parse_object_acl(a)?,
            None => ObjectAcl::Default,
        };
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let storage_class = match ctx.headers.get(names::X_OSS_STORAGE_CLASS) {
            Some(c) => c
                .parse::<ops::StorageClass>()
                .map_err(|_| {
                    OssError::invalid_argument(
                        "Invalid storage class.",
                        names::X_OSS_STORAGE_CLASS,
                        c,
                    )
                })?
                .as_str()
                .to_owned(),
            None => self.bucket(&store, &bucket)?.storage_class.clone(),
        };
        let exists = store
            .objects
            .get(&bucket)
            .is_some_and(|m| m.contains_key(key));
        if exists
            && ctx
                .headers
                .get(names::X_OSS_FORBID_OVERWRITE)
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            return Err(OssError::new(
                409,
                "FileAlreadyExists",
                "The object you specified already exists and can not be overwritten.",
            )
            .ec("0026-00000002"));
        }
        let meta = ctx
            .headers
            .iter()
            .filter_map(|(k, v)| {
                let lk = k.to_ascii_lowercase();
                lk.starts_with(names::X_OSS_META_PREFIX)
                    .then(|| (lk, v.to_owned()))
            })
            .collect();
        let obj = Object {
            bucket: bucket.clone(),
            key: key.to_owned(),
            size: 0,
            etag: quoted_md5(&Md5::digest(target.as_bytes())),
            crc64: 0,
            content_type: ctx
                .headers
                .get(names::CONTENT_TYPE)
                .filter(|c| !c.is_empty())
                .unwrap_or(names::APPLICATION_OCTET_STREAM)
                .to_owned(),
            meta,
            headers: Vec::new(),
            acl: acl.as_str().to_owned(),
            storage_class,
            last_modified: ctx.now,
            object_type: "Symlink".to_owned(),
            sealed: None,
            data_file: None,
            mem: None,
            tags: Vec::new(),
            symlink_target: Some(target),
            version_id: None,
            delete_marker: false,
        };
        let version = store.put_object(obj).map_err(io_err)?;
        Ok(super::object_version::with_new_version(
            Response::new(200),
            version,
        ))
    }

    pub(super) fn get_symlink(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let obj = self.addressed(ctx, &store, &bucket, key)?;
        let Some(target) = &obj.symlink_target else {
            return Err(OssError::new(
                400,
                "NotSymlink",
                "The specified object is not a symlink.",
            ));
        };
        let mut resp = Response::new(200)
            .header(names::X_OSS_SYMLINK_TARGET, encoding::encode_path(target))
            .header(names::ETAG, obj.etag.clone())
            .header(names::LAST_MODIFIED, time::rfc1123(obj.last_modified));
        resp = super::object_version::with_version(resp, &store, &obj);
        for (k, v) in &obj.meta {
            resp.set_header(k, v.clone());
        }
        Ok(resp)
    }
}
