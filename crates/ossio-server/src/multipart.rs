//! Multipart uploads: initiate, upload parts (from a body or copied from an object), list
//! parts and uploads, complete and abort. Requests are read through the core's declarations
//! and answered through its output declarations.

use super::{
    Ctx, MAX_DOC_BYTES, Service, b64, body_error, io_err, md5_from_etag, quoted_md5, read_doc,
    too_large, xml_response,
};
use crate::error::{OssError, Result};
use crate::http::{BodyReader, Response};
use crate::state::{Blob, Object, Part, Store, Upload, unique_suffix};
use md5::{Digest, Md5};
use ossio_core::ops::decl::Declared;
use ossio_core::ops::{self, MAX_PART_NUMBER, MIN_PART_SIZE};
use ossio_core::{Body, Request, ValidationError, names, time};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// What a request body turned out to be once received.
pub(super) struct Received {
    pub size: u64,
    pub md5: Vec<u8>,
    pub crc64: u64,
    /// The bytes, in memory mode.
    pub mem: Option<Vec<u8>>,
}

/// Reads the declared input `T` of a request (its body given, or empty) and checks its
/// rules: an unreadable document is `MalformedXML`, any other unreadable value or broken
/// rule `InvalidArgument` naming the field.
pub(super) fn declared<T: Declared>(ctx: &Ctx<'_>, body: Option<Vec<u8>>) -> Result<T> {
    let mut req = Request::new(T::OP.method);
    req.bucket = ctx.bucket.clone();
    req.key = ctx.key.clone();
    // An empty refinement (`part-number-marker=`, as oss2 sends) is no refinement.
    req.query = ctx
        .query
        .iter()
        .filter(|(k, v)| v.as_deref() != Some("") || ossio_core::subresources::is_sub_resource(k))
        .cloned()
        .collect();
    req.headers = ctx.headers.clone();
    req.body = body.map_or(Body::Empty, Body::Bytes);
    let invalid = |e: ValidationError| {
        OssError::invalid_argument(&e.to_string(), &e.field, e.value.as_deref().unwrap_or(""))
    };
    let op = T::from_request(&req).map_err(|e| {
        if e.field == "body"
            || T::SCHEMA.fields.iter().any(|f| {
                f.name == e.field && f.location == ossio_core::ops::decl::Location::Document
            })
        {
            OssError::malformed_xml(&e.to_string())
        } else {
            invalid(e)
        }
    })?;
    op.validate().map_err(invalid)?;
    Ok(op)
}

pub(super) fn no_such_upload(id: &str) -> OssError {
    OssError::new(
        404,
        "NoSuchUpload",
        "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    )
    .ec("0042-00000002")
    .detail("UploadId", id)
}

fn invalid_part_number() -> OssError {
    OssError::invalid_argument(
        &format!("Part number must be an integer between 1 and {MAX_PART_NUMBER}, inclusive."),
        "partNumber",
        "",
    )
}

/// The ETag of a multipart object: the MD5 of the parts' binary MD5s, then `-<parts>`.
pub(super) fn multipart_etag(parts: &[&Part]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(md5_from_etag(&p.etag).unwrap_or_default());
    }
    let hex: String = h.finalize().iter().map(|b| format!("{b:02X}")).collect();
    format!("\"{hex}-{}\"", parts.len())
}

/// Header name/value pairs.
type Pairs = Vec<(String, String)>;

/// The `x-oss-meta-*` and stored standard headers of a request, as an object keeps them.
pub(super) fn stored_headers(h: &ossio_core::Headers) -> (Pairs, Pairs) {
    let mut meta = Vec::new();
    let mut stored = Vec::new();
    for (k, v) in h.iter() {
        let lk = k.to_ascii_lowercase();
        if lk.starts_with(names::X_OSS_META_PREFIX) {
            meta.push((lk, v.to_owned()));
        } else if matches!(
            lk.as_str(),
            "cache-control"
                | "content-disposition"
                | "content-encoding"
                | "content-language"
                | "expires"
        ) {
            stored.push((k.to_owned(), v.to_owned()));
        }
    }
    (meta, stored)
}

impl Service {
    /// Receives a request body into `file` (durable mode; its temporary path) or memory,
    /// checking the size limit and `Content-MD5`. On failure the temporary file is gone.
    pub(super) fn receive(
        &self,
        ctx: &Ctx<'_>,
        body: &mut BodyReader<'_>,
        file: Option<&PathBuf>,
    ) -> Result<Received> {
        if body.declared_len().is_some_and(|n| n > self.max_body) {
            return Err(too_large(self.max_body));
        }
        let cleanup = || {
            if let Some(tmp) = file {
                let _ = std::fs::remove_file(tmp);
            }
        };
        let mut sink = match file {
            Some(tmp) => Some(std::fs::File::create(tmp).map_err(io_err)?),
            None => None,
        };
        let mut mem = Vec::new();
        let mut md5 = Md5::new();
        let mut crc = ossio_core::crc64::Crc64::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        loop {
            let n = match body.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    cleanup();
                    return Err(body_error(&e));
                }
            };
            total += n as u64;
            if total > self.max_body {
                cleanup();
                return Err(too_large(self.max_body));
            }
            md5.update(&buf[..n]);
            crc.update(&buf[..n]);
            match &mut sink {
                Some(f) => {
                    if let Err(e) = f.write_all(&buf[..n]) {
                        cleanup();
                        return Err(io_err(e));
                    }
                }
                None => mem.extend_from_slice(&buf[..n]),
            }
        }
        let digest = md5.finalize().to_vec();
        if let Some(expected) = ctx.headers.get("content-md5") {
            if expected.trim() != b64(&digest) {
                cleanup();
                return Err(OssError::new(
                    400,
                    "InvalidDigest",
                    "The Content-MD5 you specified is not valid.",
                )
                .ec("0017-00000503"));
            }
        }
        if let Some(f) = sink {
            if let Err(e) = f.sync_all() {
                cleanup();
                return Err(io_err(e));
            }
        }
        Ok(Received {
            size: total,
            md5: digest,
            crc64: crc.value(),
            mem: file.is_none().then_some(mem),
        })
    }

    /// The upload `id` of `bucket`/`key`.
    fn upload<'s>(
        &self,
        store: &'s Store,
        id: &str,
        bucket: &str,
        key: &str,
    ) -> Result<&'s Upload> {
        store
            .uploads
            .get(id)
            .filter(|u| u.bucket == bucket && u.key == key)
            .ok_or_else(|| no_such_upload(id))
    }

    pub(super) fn initiate_multipart(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
    ) -> Result<Response> {
        let op: ops::InitiateMultipartUpload = declared(ctx, None)?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let storage_class = match op.storage_class {
            Some(c) => c.as_str().to_owned(),
            None => self.bucket(&store, &bucket)?.storage_class.clone(),
        };
        let (meta, headers) = stored_headers(ctx.headers);
        // Time-ordered, so uploads of one key list in the order they started.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{nanos:020X}{}", unique_suffix().to_ascii_uppercase());
        let up = Upload {
            id: id.clone(),
            bucket: bucket.clone(),
            key: key.to_owned(),
            initiated: ctx.now,
            content_type: op
                .content_type
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| names::APPLICATION_OCTET_STREAM.to_owned()),
            meta,
            headers,
            storage_class,
            parts: Default::default(),
        };
        store.save_upload(&up).map_err(io_err)?;
        store.uploads.insert(id.clone(), up);
        let url = ctx.q("encoding-type") == Some("url");
        let out = ops::InitiateMultipartUploadOutput {
            bucket: name.to_owned(),
            key: key.to_owned(),
            upload_id: id,
            encoding_type: url.then(|| "url".to_owned()),
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }

    /// Stores a received part (replacing one of the same number).
    fn put_part(&self, store: &mut Store, id: &str, part: Part) -> Result<()> {
        let up = store
            .uploads
            .get_mut(id)
            .ok_or_else(|| no_such_upload(id))?;
        let old = up.parts.insert(part.number, part);
        let up = up.clone();
        store.save_upload(&up).map_err(io_err)?;
        if let Some(old) = old {
            store.forget_part(&old);
        }
        Ok(())
    }

    pub(super) fn upload_part(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let number: u32 = ctx
            .q("partNumber")
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=MAX_PART_NUMBER).contains(n))
            .ok_or_else(invalid_part_number)?;
        let op: ops::UploadPart = declared(ctx, None)?;
        let (bucket, file) = {
            let store = self.store();
            let bucket = self.object_access(ctx, &store, name, true, None)?;
            self.upload(&store, &op.upload_id, &bucket, key)?;
            (bucket, store.new_part_file(&op.upload_id, number))
        };
        let got = self.receive(ctx, body, file.as_ref().map(|(_, t)| t))?;
        let mut store = self.store();
        if let Err(e) = self.upload(&store, &op.upload_id, &bucket, key) {
            if let Some((_, tmp)) = &file {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(e);
        }
        if let Some((n, tmp)) = &file {
            store.commit_part_file(tmp, n).map_err(io_err)?;
        }
        let etag = quoted_md5(&got.md5);
        let part = Part {
            number,
            size: got.size,
            etag: etag.clone(),
            crc64: got.crc64,
            last_modified: ctx.now,
            data_file: file.map(|(n, _)| n),
            mem: got.mem.map(Arc::new),
        };
        self.put_part(&mut store, &op.upload_id, part)?;
        Ok(Response::new(200)
            .header(names::ETAG, etag)
            .header(names::CONTENT_MD5, b64(&got.md5))
            .header(names::X_OSS_HASH_CRC64ECMA, got.crc64.to_string()))
    }

    /// UploadPartCopy: a part from a byte range of an existing object.
    pub(super) fn upload_part_copy(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
    ) -> Result<Response> {
        let number: u32 = ctx
            .q("partNumber")
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=MAX_PART_NUMBER).contains(n))
            .ok_or_else(invalid_part_number)?;
        let op: ops::UploadPartCopy = declared(ctx, None)?;
        let source_bucket = op.source_bucket.clone().unwrap_or_else(|| name.to_owned());
        let (src, bytes) = self.copy_source(
            ctx,
            &source_bucket,
            &op.source_key,
            op.source_version_id.as_deref(),
        )?;
        let (start, len) = match op.source_range {
            None => (0, src.size),
            Some((first, last)) => {
                let last = last
                    .unwrap_or(src.size.saturating_sub(1))
                    .min(src.size.saturating_sub(1));
                if first >= src.size || last < first {
                    return Err(OssError::new(
                        416,
                        "InvalidRange",
                        "The requested range cannot be satisfied.",
                    )
                    .detail("ActualObjectSize", src.size.to_string()));
                }
                (first, last - first + 1)
            }
        };
        let data = &bytes[start as usize..(start + len) as usize];
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        self.upload(&store, &op.upload_id, &bucket, key)?;
        let md5 = Md5::digest(data).to_vec();
        let crc64 = ossio_core::crc64::checksum(data);
        let file = store.new_part_file(&op.upload_id, number);
        if let Some((n, tmp)) = &file {
            crate::state::write_atomic(tmp, data).map_err(io_err)?;
            store.commit_part_file(tmp, n).map_err(io_err)?;
        }
        let etag = quoted_md5(&md5);
        let part = Part {
            number,
            size: len,
            etag: etag.clone(),
            crc64,
            last_modified: ctx.now,
            mem: file.is_none().then(|| Arc::new(data.to_vec())),
            data_file: file.map(|(n, _)| n),
        };
        self.put_part(&mut store, &op.upload_id, part)?;
        let out = ops::UploadPartCopyOutput {
            last_modified: Some(time::iso8601_extended(ctx.now)),
            etag: Some(etag.clone()),
            source_version_id: None,
            request_id: String::new(),
        };
        // The ETag travels in the header too (oss2 reads it there).
        Ok(xml_response(out.to_xml()).header(names::ETAG, etag))
    }

    pub(super) fn complete_multipart(
        &self,
        ctx: &Ctx<'_>,
        name: &str,
        key: &str,
        body: &mut BodyReader<'_>,
    ) -> Result<Response> {
        let doc = read_doc(body)?;
        debug_assert!(doc.len() as u64 <= MAX_DOC_BYTES);
        let op: ops::CompleteMultipartUpload = declared(ctx, Some(doc))?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        let up = self.upload(&store, &op.upload_id, &bucket, key)?.clone();
        let parts: Vec<&Part> = match (&op.complete_multipart_upload, op.complete_all) {
            (Some(_), true) => {
                return Err(OssError::invalid_argument(
                    "x-oss-complete-all cannot be given with a list of parts.",
                    names::X_OSS_COMPLETE_ALL,
                    "yes",
                ));
            }
            (None, _) => up.parts.values().collect(),
            (Some(listed), false) => {
                let mut out = Vec::new();
                let mut last = 0;
                for p in &listed.parts {
                    if p.part_number <= last {
                        return Err(OssError::new(
                            400,
                            "InvalidPartOrder",
                            "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
                        ));
                    }
                    last = p.part_number;
                    let bare = |e: &str| e.trim().trim_matches('"').to_ascii_uppercase();
                    let found = up
                        .parts
                        .get(&p.part_number)
                        .filter(|s| bare(&s.etag) == bare(&p.etag))
                        .ok_or_else(|| {
                            OssError::new(
                                400,
                                "InvalidPart",
                                "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
                            )
                            .detail("PartNumber", p.part_number.to_string())
                            .detail("ETag", p.etag.clone())
                        })?;
                    out.push(found);
                }
                out
            }
        };
        if parts.is_empty() {
            return Err(OssError::malformed_xml(
                "the upload has no parts to complete",
            ));
        }
        if let Some(small) = parts[..parts.len() - 1]
            .iter()
            .find(|p| p.size < MIN_PART_SIZE)
        {
            return Err(OssError::new(
                400,
                "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed object size.",
            )
            .detail("PartNumber", small.number.to_string())
            .detail("MinSizeAllowed", MIN_PART_SIZE.to_string()));
        }
        if op.forbid_overwrite == Some(true) && store.would_overwrite(&bucket, key) {
            return Err(OssError::new(
                409,
                "FileAlreadyExists",
                "The object you specified already exists and can not be overwritten.",
            )
            .ec("0026-00000002"));
        }
        let etag = multipart_etag(&parts);
        let crc64 = parts.iter().fold(0u64, |acc, p| {
            ossio_core::crc64::combine(acc, p.crc64, p.size)
        });
        let size: u64 = parts.iter().map(|p| p.size).sum();
        let data_file = store.new_data_file(&bucket, key);
        let mut mem = Vec::new();
        match &data_file {
            Some((n, tmp)) => {
                let write = || -> std::io::Result<()> {
                    let mut out = std::fs::File::create(tmp)?;
                    for p in &parts {
                        match p.blob(&store) {
                            Blob::File(path) => {
                                std::io::copy(&mut std::fs::File::open(path)?, &mut out)?;
                            }
                            Blob::Mem(m) => out.write_all(&m)?,
                        }
                    }
                    out.sync_all()
                };
                if let Err(e) = write() {
                    let _ = std::fs::remove_file(tmp);
                    return Err(io_err(e));
                }
                store.commit_data_file(tmp, n).map_err(io_err)?;
            }
            None => {
                mem.reserve(size as usize);
                for p in &parts {
                    mem.extend_from_slice(&p.blob(&store).read().map_err(io_err)?);
                }
            }
        }
        let obj = Object {
            bucket: bucket.clone(),
            key: key.to_owned(),
            size,
            etag: etag.clone(),
            crc64,
            content_type: up.content_type.clone(),
            meta: up.meta.clone(),
            headers: up.headers.clone(),
            acl: op.acl.map_or("default", |a| a.as_str()).to_owned(),
            storage_class: up.storage_class.clone(),
            last_modified: ctx.now,
            object_type: "Multipart".to_owned(),
            sealed: None,
            tags: Vec::new(),
            symlink_target: None,
            version_id: None,
            delete_marker: false,
            data_file: data_file.map(|(n, _)| n),
            mem: store.dir.is_none().then(|| Arc::new(mem)),
        };
        let version = store.put_object(obj).map_err(io_err)?;
        store.remove_upload(&op.upload_id).map_err(io_err)?;
        let url = ctx.q("encoding-type") == Some("url");
        let host = ctx.headers.get("host").unwrap_or("localhost");
        let out = ops::CompleteMultipartUploadOutput {
            bucket: Some(name.to_owned()),
            key: Some(key.to_owned()),
            location: Some(format!(
                "http://{host}/{}",
                ossio_core::encoding::encode_path(key)
            )),
            etag: Some(etag.clone()),
            encoding_type: url.then(|| "url".to_owned()),
            crc64: None,
            version_id: None,
            request_id: String::new(),
        };
        Ok(super::object_version::with_new_version(
            xml_response(out.to_xml())
                .header(names::ETAG, etag)
                .header(names::X_OSS_HASH_CRC64ECMA, crc64.to_string()),
            version,
        ))
    }

    pub(super) fn abort_multipart(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let op: ops::AbortMultipartUpload = declared(ctx, None)?;
        let mut store = self.store();
        let bucket = self.object_access(ctx, &store, name, true, None)?;
        self.upload(&store, &op.upload_id, &bucket, key)?;
        store.remove_upload(&op.upload_id).map_err(io_err)?;
        Ok(Response::new(204))
    }

    pub(super) fn list_parts(&self, ctx: &Ctx<'_>, name: &str, key: &str) -> Result<Response> {
        let op: ops::ListParts = declared(ctx, None)?;
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let up = self.upload(&store, &op.upload_id, &bucket, key)?;
        let max = op.max_parts.unwrap_or(1000) as usize;
        let marker = op.part_number_marker.unwrap_or(0);
        let mut after = up.parts.range(marker + 1..).map(|(_, p)| p);
        let page: Vec<&Part> = after.by_ref().take(max).collect();
        let truncated = after.next().is_some();
        let url = ctx.q("encoding-type") == Some("url");
        let out = ops::ListPartsOutput {
            encoding_type: url.then(|| "url".to_owned()),
            bucket: name.to_owned(),
            key: key.to_owned(),
            upload_id: up.id.clone(),
            part_number_marker: Some(marker),
            next_part_number_marker: Some(page.last().map_or(marker, |p| p.number)),
            max_parts: Some(max as u32),
            is_truncated: truncated,
            storage_class: Some(up.storage_class.clone()),
            parts: page
                .iter()
                .map(|p| ops::ListedPart {
                    part_number: p.number,
                    etag: p.etag.clone(),
                    last_modified: Some(time::iso8601_extended(p.last_modified)),
                    size: p.size,
                    crc64: Some(p.crc64),
                })
                .collect(),
            ..Default::default()
        };
        Ok(xml_response(out.to_xml()))
    }

    pub(super) fn list_uploads(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        let op: ops::ListMultipartUploads = declared(ctx, None)?;
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let prefix = op.prefix.clone().unwrap_or_default();
        let delimiter = op.delimiter.clone().unwrap_or_default();
        let key_marker = op.key_marker.clone().unwrap_or_default();
        let id_marker = op
            .upload_id_marker
            .clone()
            .filter(|_| !key_marker.is_empty());
        let max = op.max_uploads.unwrap_or(1000) as usize;
        let mut all: Vec<&Upload> = store
            .uploads
            .values()
            .filter(|u| u.bucket == bucket && u.key.starts_with(&prefix))
            .filter(|u| match &id_marker {
                Some(m) => u.key > key_marker || (u.key == key_marker && u.id > *m),
                None => key_marker.is_empty() || u.key > key_marker,
            })
            .collect();
        all.sort_by(|a, b| (&a.key, &a.id).cmp(&(&b.key, &b.id)));
        let mut uploads = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let mut truncated = false;
        let mut next = (None, None);
        for u in all {
            let common = (!delimiter.is_empty())
                .then(|| {
                    u.key[prefix.len()..]
                        .find(&delimiter)
                        .map(|i| u.key[..prefix.len() + i + delimiter.len()].to_owned())
                })
                .flatten();
            if let Some(cp) = &common {
                // A marker that is a common prefix already returned covers every key under it.
                if *cp == key_marker || prefixes.last() == Some(cp) {
                    continue;
                }
            }
            if uploads.len() + prefixes.len() == max {
                truncated = true;
                break;
            }
            match common {
                Some(cp) => {
                    next = (Some(cp.clone()), None);
                    prefixes.push(cp);
                }
                None => {
                    next = (Some(u.key.clone()), Some(u.id.clone()));
                    uploads.push(ops::MultipartUpload {
                        key: u.key.clone(),
                        upload_id: u.id.clone(),
                        initiated: Some(time::iso8601_extended(u.initiated)),
                    });
                }
            }
        }
        let url = ctx.q("encoding-type") == Some("url");
        // OSS writes every marker element, empty when there is none (oss2 requires them).
        let (next_key, next_id) = if truncated { next } else { (None, None) };
        let some = |v: Option<String>| Some(v.unwrap_or_default());
        let out = ops::ListMultipartUploadsOutput {
            encoding_type: url.then(|| "url".to_owned()),
            bucket: name.to_owned(),
            key_marker: some(op.key_marker.clone()),
            upload_id_marker: some(op.upload_id_marker.clone()),
            next_key_marker: some(next_key),
            next_upload_id_marker: some(next_id),
            delimiter: some(op.delimiter.clone()),
            prefix: some(op.prefix.clone()),
            max_uploads: Some(max as u32),
            is_truncated: truncated,
            uploads,
            common_prefixes: prefixes,
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }
}
