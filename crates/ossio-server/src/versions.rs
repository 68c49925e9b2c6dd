//! ListObjectVersions. Versions are not kept (versioning is not served): every object is
//! its one version, `null`, the latest, as OSS lists a bucket that never had versioning.

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
        let empty = std::collections::BTreeMap::new();
        let objects = store.objects.get(&bucket).unwrap_or(&empty);
        let mut versions: Vec<&Object> = Vec::new();
        let mut prefixes: Vec<String> = Vec::new();
        let mut truncated = false;
        let mut last = String::new();
        for (k, o) in objects.range::<String, _>((
            std::ops::Bound::Excluded(&marker),
            std::ops::Bound::Unbounded,
        )) {
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
            if let Some(cp) = &common {
                if *cp == marker || prefixes.last() == Some(cp) {
                    continue;
                }
            }
            if versions.len() + prefixes.len() == max {
                truncated = true;
                break;
            }
            match common {
                Some(cp) => {
                    last = cp.clone();
                    prefixes.push(cp);
                }
                None => {
                    last = k.clone();
                    versions.push(o);
                }
            }
        }
        let url = ctx.q("encoding-type") == Some("url");
        let some = |v: Option<String>| Some(v.unwrap_or_default());
        let out = ops::ListObjectVersionsOutput {
            name: name.to_owned(),
            key_marker: some(op.key_marker.clone()),
            next_key_marker: truncated.then(|| last.clone()),
            version_id_marker: some(op.version_id_marker.clone()),
            next_version_id_marker: (truncated && versions.last().is_some_and(|o| o.key == last))
                .then(|| "null".to_owned()),
            prefix: some(op.prefix.clone()),
            max_keys: Some(max as u32),
            delimiter: some(op.delimiter.clone()),
            is_truncated: truncated,
            encoding_type: url.then(|| "url".to_owned()),
            versions: versions
                .iter()
                .map(|o| ops::ObjectVersion {
                    key: o.key.clone(),
                    version_id: "null".to_owned(),
                    is_latest: true,
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
            delete_markers: Vec::new(),
            common_prefixes: prefixes,
            request_id: String::new(),
        };
        Ok(xml_response(out.to_xml()))
    }
}
