//! AppendObject: an Appendable object grows at its end; the position must be its length,
//! and the CRC-64 returned is the whole object's, chained from the previous one.
//! SealAppendObject ends the appends (`x-oss-sealed-time`, kept from the first seal).

use super::multipart::{declared, stored_headers};
use super::{Ctx, Service, io_err, quoted_md5};
use crate::error::{OssError, Result};
use crate::http::{BodyReader, Response};
use crate::state::Object;
use md5::{Digest, Md5};
use ossio_core::ops;
use ossio_core::{names, time};
use std::sync::Arc;

fn position_error(length: u64) -> OssError {
    OssError::new(
        409,
        "PositionNotEqualToLength",
        "Position is not equal to file length",
    )
    .ec("0026-00000016")
    .header(names::X_OSS_NEXT_APPEND_POSITION, length.to_string())
}

fn not_appendable() -> OssError {
    OssError::new(409, "ObjectNotAppendable", "The object is not appendable").ec("0026-00000013")
}

impl Service {
    /// The object's length when `position` may append to it (0 when it does not exist).
    fn append_check(&self, existing: Option<&Object>, position: u64) -> Result<u64> {
        let length = match existing {
            Some(o) if o.object_type != "Appendable" || o.sealed.is_some() => {
                return Err(not_appendable());
            }
            Some(o) => o.size,
            None => 0,
        };
        if position != length {
            return Err(position_error(length));
        }
        Ok(length)
    }

    pub(super) fn append_object(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let op: ops::AppendObject = declared(ctx, None)?;
        {
            let store = self.store();
            let bucket = self.object_access(ctx, &store, name, true, None)?;
            let existing = store.objects.get(&bucket).and_then(|m| m.get(key));
            self.append_check(existing, op.position)?;
        }
        let got = self.receive(ctx, body, None)?;
        let data = got.mem.unwrap_or_default();
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let existing = store.objects.get(&bucket).and_then(|m| m.get(key)).cloned();
        self.append_check(existing.as_ref(), op.position)?;
        let mut whole = match &existing {
            Some(o) => o.blob(&store).read().map_err(io_err)?.as_ref().clone(),
            None => Vec::new(),
        };
        whole.extend_from_slice(&data);
        let crc64 = match &existing {
            Some(o) => ossio_core::crc64::combine(o.crc64, got.crc64, got.size),
            None => got.crc64,
        };
        let etag = quoted_md5(&Md5::digest(&whole));
        let data_file = store.new_data_file(&bucket, key);
        if let Some((n, tmp)) = &data_file {
            crate::state::write_atomic(tmp, &whole).map_err(io_err)?;
            store.commit_data_file(tmp, n).map_err(io_err)?;
        }
        let size = whole.len() as u64;
        let appending = existing.is_some();
        let obj = match existing {
            // Later appends keep what the first one set.
            Some(o) => Object {
                size,
                etag: etag.clone(),
                crc64,
                last_modified: ctx.now,
                data_file: data_file.map(|(n, _)| n),
                mem: store.dir.is_none().then(|| Arc::new(whole)),
                ..o
            },
            None => {
                let (meta, headers) = stored_headers(ctx.headers);
                Object {
                    bucket: bucket.clone(),
                    key: key.to_owned(),
                    size,
                    etag: etag.clone(),
                    crc64,
                    content_type: op
                        .content_type
                        .clone()
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| names::APPLICATION_OCTET_STREAM.to_owned()),
                    meta,
                    headers,
                    acl: op.acl.map_or("default", |a| a.as_str()).to_owned(),
                    storage_class: match op.storage_class {
                        Some(c) => c.as_str().to_owned(),
                        None => self.bucket(&store, &bucket)?.storage_class.clone(),
                    },
                    last_modified: ctx.now,
                    object_type: "Appendable".to_owned(),
                    sealed: None,
                    tags: super::tagging::header_tags(ctx.headers)?,
                    symlink_target: None,
                    version_id: None,
                    delete_marker: false,
                    data_file: data_file.map(|(n, _)| n),
                    mem: store.dir.is_none().then(|| Arc::new(whole)),
                }
            }
        };
        let resp = Response::new(200)
            .header(names::ETAG, etag)
            .header(names::X_OSS_NEXT_APPEND_POSITION, size.to_string())
            .header(names::X_OSS_HASH_CRC64ECMA, crc64.to_string());
        if appending {
            // An append to an existing object keeps its version.
            store.replace_current(obj.clone()).map_err(io_err)?;
            Ok(super::object_version::with_version(resp, &store, &obj))
        } else {
            let version = store.put_object(obj).map_err(io_err)?;
            Ok(super::object_version::with_new_version(resp, version))
        }
    }

    pub(super) fn seal_append_object(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
    ) -> Result<Response> {
        let op: ops::SealAppendObject = declared(ctx, None)?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let mut obj = self.lookup(&store, &bucket, key)?;
        if obj.object_type != "Appendable" {
            return Err(not_appendable());
        }
        if op.position != obj.size {
            return Err(position_error(obj.size));
        }
        let sealed = *obj.sealed.get_or_insert(ctx.now);
        store.save_object_meta(&obj).map_err(io_err)?;
        Ok(Response::new(200)
            .header(names::ETAG, obj.etag.clone())
            .header(names::X_OSS_SEALED_TIME, time::rfc1123(sealed)))
    }
}
