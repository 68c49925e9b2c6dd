//! CopyObject, within a bucket or across buckets: the source's metadata copied or replaced,
//! the copy-source conditions checked. Also the source lookup UploadPartCopy shares.

use super::multipart::{declared, stored_headers};
use super::{Ctx, Precondition, Service, io_err, preconditions, xml_response};
use crate::error::{OssError, Result};
use crate::http::Response;
use crate::state::{Blob, Object};
use ossio_core::ops::{self, CopyDirective};
use ossio_core::{Headers, names, time};
use std::sync::Arc;

impl Service {
    /// The source of a copy and its bytes: readable by the caller, present, and meeting the
    /// `x-oss-copy-source-if-*` conditions (`412`, or `304` for the not-modified ones).
    pub(super) fn copy_source(
        &self,
        ctx: &Ctx<'_>,
        bucket: &str,
        key: &str,
        version_id: Option<&str>,
    ) -> Result<(Object, Arc<Vec<u8>>)> {
        let store = self.store();
        let existing = store
            .resolve(bucket)
            .and_then(|(b, _)| store.objects.get(&b.name))
            .and_then(|m| m.get(key))
            .cloned();
        let real = self.object_access(ctx, &store, bucket, false, existing.as_ref())?;
        let src = match version_id.filter(|v| !v.is_empty()) {
            None => self.lookup(&store, &real, key)?,
            Some(v) => {
                let id = super::object_version::parse_version(v)?;
                match store.version(&real, key, &id) {
                    Some(o) if o.delete_marker => {
                        return Err(OssError::invalid_argument(
                            "The source object version is a delete marker.",
                            "x-oss-copy-source",
                            v,
                        )
                        .ec("0016-00000307"));
                    }
                    Some(o) => o.clone(),
                    None => return Err(super::object_version::no_such_version(key, v)),
                }
            }
        };
        let mut conditions = Headers::new();
        for &(from, to) in names::X_OSS_COPY_SOURCE_CONDITIONS {
            if let Some(v) = ctx.headers.get(from) {
                conditions.insert(to, v);
            }
        }
        match preconditions(&conditions, &src.etag, src.last_modified) {
            Precondition::Proceed => {}
            Precondition::NotModified => {
                return Err(OssError::new(
                    304,
                    "NotModified",
                    "The source was not modified.",
                ));
            }
            Precondition::Failed(which) => {
                return Err(OssError::new(
                    412,
                    "PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold.",
                )
                .ec("0017-00001001")
                .detail(
                    "Condition",
                    format!("x-oss-copy-source-{}", which.to_ascii_lowercase()),
                ));
            }
        }
        let bytes = src.blob(&store).read().map_err(io_err)?;
        Ok((src, bytes))
    }

    pub(super) fn copy_object(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let op: ops::CopyObject = declared(ctx, None)?;
        let source_bucket = op.source_bucket.clone().unwrap_or_else(|| name.to_owned());
        let (src, bytes) = self.copy_source(
            ctx,
            &source_bucket,
            &op.source_key,
            op.source_version_id.as_deref(),
        )?;
        let replace = op.metadata_directive == Some(CopyDirective::Replace);
        let (content_type, meta, headers) = if replace {
            let (meta, headers) = stored_headers(ctx.headers);
            let ct = op
                .content_type
                .clone()
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| names::APPLICATION_OCTET_STREAM.to_owned());
            (ct, meta, headers)
        } else {
            (
                src.content_type.clone(),
                src.meta.clone(),
                src.headers.clone(),
            )
        };
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        if op.forbid_overwrite == Some(true) && store.would_overwrite(&bucket, key) {
            return Err(OssError::new(
                409,
                "FileAlreadyExists",
                "The object you specified already exists and can not be overwritten.",
            )
            .ec("0026-00000002"));
        }
        let data_file = store.new_data_file(&bucket, key);
        if let Some((n, tmp)) = &data_file {
            let write = || match src.blob(&store) {
                Blob::File(p) => std::fs::copy(p, tmp).and_then(|_| {
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(tmp)?
                        .sync_all()
                }),
                Blob::Mem(_) => crate::state::write_atomic(tmp, &bytes),
            };
            if let Err(e) = write() {
                let _ = std::fs::remove_file(tmp);
                return Err(io_err(e));
            }
            store.commit_data_file(tmp, n).map_err(io_err)?;
        }
        let obj = Object {
            bucket: bucket.clone(),
            key: key.to_owned(),
            size: src.size,
            etag: src.etag.clone(),
            crc64: src.crc64,
            content_type,
            meta,
            headers,
            acl: op.acl.map_or("default", |a| a.as_str()).to_owned(),
            storage_class: op
                .storage_class
                .map_or_else(|| src.storage_class.clone(), |c| c.as_str().to_owned()),
            last_modified: ctx.now,
            // A copy of an appendable object can no longer be appended to.
            object_type: if src.object_type == "Appendable" {
                "Normal".to_owned()
            } else {
                src.object_type.clone()
            },
            sealed: None,
            // The source's tags come along unless the copy replaces them.
            tags: match ctx.headers.get(names::X_OSS_TAGGING_DIRECTIVE) {
                Some(d) if d.eq_ignore_ascii_case("replace") => {
                    super::tagging::header_tags(ctx.headers)?
                }
                _ => src.tags.clone(),
            },
            symlink_target: None,
            version_id: None,
            delete_marker: false,
            data_file: data_file.map(|(n, _)| n),
            mem: store.dir.is_none().then(|| bytes.clone()),
        };
        let version = store.put_object(obj).map_err(io_err)?;
        let out = ops::CopyObjectOutput {
            last_modified: Some(time::iso8601_extended(ctx.now)),
            etag: Some(src.etag.clone()),
            ..Default::default()
        };
        let mut resp = xml_response(out.to_xml())
            .header(names::ETAG, src.etag.clone())
            .header(names::X_OSS_HASH_CRC64ECMA, src.crc64.to_string());
        if let Some(v) = src.version_id.clone() {
            resp = resp.header(names::X_OSS_COPY_SOURCE_VERSION_ID, v);
        }
        Ok(super::object_version::with_new_version(resp, version))
    }
}
