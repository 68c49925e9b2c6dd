//! ListObjectVersions: every version and delete marker of the bucket's keys, keys in order,
//! each key's versions newest first (a bucket that never had versioning has one `null`
//! version per key).

use super::multipart::declared;
use super::{Ctx, Service, xml_response};
use crate::error::Result;
use crate::http::Response;
use crate::state::Object;
use ossio_core::ops;
use ossio_core::time;

impl Service {
    pub(super) fn list_object_versions(&self, ctx: &Ctx<'_>, name: &str) -> Result<Response> {
        let op: ops::ListObjectVersions = declared(ctx, None)?;
        let store = self.store();
        let bucket = self.object_access(ctx, &store, name, false, None)?;
        let prefix = op.prefix.clone().unwrap_or_default();
        let delimiter = op.delimiter.clone().unwrap_or_default();
        let marker = op.key_marker.clone().unwrap_or_default();
        let max = op.max_keys.unwrap_or(100) as usize;
        let vmarker = op.version_id_marker.clone().filter(|v| !v.is_empty());
        // (version, is it the latest of its key)
        let mut entries: Vec<(&Object, bool)> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let mut truncated = false;
        let mut last: Option<(String, Option<String>)> = None;
        'keys: for k in store.versioned_keys(&bucket) {
            if k.as_str() < marker.as_str() || (k == marker && vmarker.is_none()) {
                continue;
            }
            if !k.starts_with(&prefix) {
                if k.as_str() > prefix.as_str() {
                    break;
                }
                continue;
            }
            let common = (!delimiter.is_empty())
                .then(|| {
                    k[prefix.len()..]
                        .find(&delimiter)
                        .map(|i| k[..prefix.len() + i + delimiter.len()].to_owned())
                })
                .flatten();
            if let Some(cp) = common {
                if cp == marker || prefixes.last() == Some(&cp) {
                    continue;
                }
                if entries.len() + prefixes.len() == max {
                    truncated = true;
                    break;
                }
                last = Some((cp.clone(), None));
                prefixes.push(cp);
                continue;
            }
            let all = store.versions(&bucket, &k);
            let mut skipping = k == marker && vmarker.is_some();
            for (i, o) in all.iter().enumerate() {
                if skipping {
                    if Some(o.version_name()) == vmarker {
                        skipping = false;
                    }
                    continue;
                }
                if entries.len() + prefixes.len() == max {
                    truncated = true;
                    break 'keys;
                }
                last = Some((k.clone(), Some(o.version_name())));
                entries.push((o, i == 0));
            }
        }
        let (next_key, next_version) = match (truncated, last) {
            (true, Some((k, v))) => (Some(k), v),
            _ => (None, None),
        };
        let url = ctx.q("encoding-type") == Some("url");
        let some = |v: Option<String>| Some(v.unwrap_or_default());
        let out = ops::ListObjectVersionsOutput {
            name: name.to_owned(),
            key_marker: some(op.key_marker.clone()),
            next_key_marker: next_key,
            version_id_marker: some(op.version_id_marker.clone()),
            next_version_id_marker: next_version,
            prefix: some(op.prefix.clone()),
            max_keys: Some(max as u32),
            delimiter: some(op.delimiter.clone()),
            is_truncated: truncated,
            encoding_type: url.then(|| "url".to_owned()),
            versions: entries
                .iter()
                .filter(|(o, _)| !o.delete_marker)
                .map(|(o, latest)| ops::ObjectVersion {
                    key: o.key.clone(),
                    version_id: o.version_name(),
                    is_latest: *latest,
                    object_type: Some(o.object_type.clone()),
                    size: o.size,
                    etag: Some(o.etag.clone()),
                    last_modified: Some(time::iso8601_extended(o.last_modified)),
                    storage_class: Some(o.storage_class.clone()),
                    owner_id: Some(self.account_id.clone()),
                    owner_display_name: Some(self.account_id.clone()),
                    restore_info: None,
                    transition_time: None,
                })
                .collect(),
            delete_markers: entries
                .iter()
                .filter(|(o, _)| o.delete_marker)
                .map(|(o, latest)| ops::DeleteMarkerEntry {
                    key: o.key.clone(),
                    version_id: o.version_name(),
                    is_latest: *latest,
                    last_modified: Some(time::iso8601_extended(o.last_modified)),
                    owner_id: Some(self.account_id.clone()),
                    owner_display_name: Some(self.account_id.clone()),
                })
                .collect(),
            common_prefixes: prefixes,
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }
}
