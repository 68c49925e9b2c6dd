//! Buckets, objects and access points; in memory, or durable in a data directory.
//!
//! On disk: `state.json` (buckets and access points) and, per object, `objects/<h>.json`
//! (metadata) plus `objects/<h>-<n>.data` (bytes), where `<h>` is the SHA-256 of bucket and
//! key: keys never become file names, so no key can escape the directory. Multipart uploads
//! in progress are `uploads/<id>.json` (the upload and its parts) plus
//! `uploads/<id>-<part>-<n>.data` per part. Every file is
//! written to a temporary name, fsynced and renamed, so a crash leaves the old or the new
//! version, never half of one.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A bucket.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Bucket {
    pub name: String,
    pub acl: String,
    pub created: u64,
    pub storage_class: String,
    pub data_redundancy: String,
    pub region: String,
    pub owner: String,
    #[serde(default = "default_resource_group")]
    pub resource_group_id: String,
    #[serde(default)]
    pub comment: String,
    /// Default server-side encryption: algorithm, KMS key, KMS data encryption.
    #[serde(default)]
    pub sse: Option<(String, Option<String>, Option<String>)>,
    /// Configurations served generically (`crate::config`), by sub-resources and identity
    /// (`cors`, `inventory&inventoryId=list1`).
    #[serde(default)]
    pub configs: BTreeMap<String, StoredConfig>,
}

/// A bucket configuration as it was set: its canonical document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct StoredConfig {
    pub content_type: String,
    pub body: String,
}

/// The account's default resource group, where a bucket created without one goes.
pub(crate) const DEFAULT_RESOURCE_GROUP: &str = "rg-default-id";

fn default_resource_group() -> String {
    DEFAULT_RESOURCE_GROUP.to_owned()
}

/// Where an object's bytes are.
#[derive(Debug, Clone)]
pub(crate) enum Blob {
    Mem(Arc<Vec<u8>>),
    File(PathBuf),
}

/// An object's metadata (and, in memory, its bytes).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Object {
    pub bucket: String,
    pub key: String,
    pub size: u64,
    /// Quoted upper-case hex MD5.
    pub etag: String,
    pub crc64: u64,
    pub content_type: String,
    /// `x-oss-meta-*` headers (lower-case names) and other stored headers.
    pub meta: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub acl: String,
    pub storage_class: String,
    pub last_modified: u64,
    /// `Normal`, `Appendable` or `Multipart`.
    #[serde(default = "normal_type")]
    pub object_type: String,
    /// When an Appendable object was sealed (no more appends).
    #[serde(default)]
    pub sealed: Option<u64>,
    /// Data file name inside `objects/` (durable mode).
    #[serde(default)]
    pub data_file: Option<String>,
    /// Tags (key, value), in the order given.
    #[serde(default)]
    pub tags: Vec<(String, String)>,
    /// For a symbolic link: the key it points to (its bytes are the target's).
    #[serde(default)]
    pub symlink_target: Option<String>,
    /// Its version id; `None` is the `null` version (every object of a bucket that never
    /// had versioning, and those written while it was suspended).
    #[serde(default)]
    pub version_id: Option<String>,
    /// A delete marker (no bytes): the latest version of a key deleted while versioned.
    #[serde(default)]
    pub delete_marker: bool,
    #[serde(skip)]
    pub mem: Option<Arc<Vec<u8>>>,
}

/// A bucket's versioning state, from its stored versioning configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Versioning {
    /// Never enabled: one object per key, no version ids.
    Off,
    Enabled,
    Suspended,
}

impl Bucket {
    /// The versioning state its stored `versioning` configuration says.
    pub fn versioning(&self) -> Versioning {
        match self.configs.get("versioning").map(|c| c.body.as_str()) {
            Some(b) if b.contains("<Status>Enabled</Status>") => Versioning::Enabled,
            Some(b) if b.contains("<Status>Suspended</Status>") => Versioning::Suspended,
            _ => Versioning::Off,
        }
    }
}

/// A new version id, shaped as OSS's (base64 of a small binary record).
pub(crate) fn new_version_id() -> String {
    use base64::Engine;
    let mut raw = vec![0x08, 0x01, 0x10, 0x36, 0x22, 0x20];
    raw.extend_from_slice(unique_suffix().as_bytes());
    raw.extend_from_slice(unique_suffix().as_bytes());
    base64::engine::general_purpose::STANDARD.encode(raw)
}

/// Whether `id` can be a version id: `null`, or one of the shape [`new_version_id`] makes.
pub(crate) fn version_id_is_valid(id: &str) -> bool {
    use base64::Engine;
    id == "null"
        || base64::engine::general_purpose::STANDARD
            .decode(id)
            .is_ok_and(|raw| raw.len() > 6 && raw.starts_with(&[0x08, 0x01]))
}

/// A request's version id as stored: `null` is `None`.
pub(crate) fn stored_version(id: &str) -> Option<String> {
    (id != "null").then(|| id.to_owned())
}

impl Object {
    /// Its version id as answered (`null` for the null version).
    pub fn version_name(&self) -> String {
        self.version_id.clone().unwrap_or_else(|| "null".to_owned())
    }

    /// A delete marker for `bucket`/`key`.
    pub fn marker(bucket: &str, key: &str, version_id: Option<String>, now: u64) -> Object {
        Object {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
            size: 0,
            etag: String::new(),
            crc64: 0,
            content_type: String::new(),
            meta: Vec::new(),
            headers: Vec::new(),
            acl: "default".to_owned(),
            storage_class: String::new(),
            last_modified: now,
            object_type: "Normal".to_owned(),
            sealed: None,
            data_file: None,
            tags: Vec::new(),
            symlink_target: None,
            version_id,
            delete_marker: true,
            mem: None,
        }
    }
}

/// What a delete did.
#[derive(Debug, Clone, Default)]
pub(crate) struct Deleted {
    /// The version id removed or created (`None` on a bucket that never had versioning).
    pub version_id: Option<String>,
    /// Whether a delete marker was created or removed.
    pub delete_marker: bool,
}

fn normal_type() -> String {
    "Normal".to_owned()
}

/// One uploaded part of a multipart upload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Part {
    pub number: u32,
    pub size: u64,
    /// Quoted upper-case hex MD5.
    pub etag: String,
    pub crc64: u64,
    pub last_modified: u64,
    /// Data file name inside `uploads/` (durable mode).
    #[serde(default)]
    pub data_file: Option<String>,
    #[serde(skip)]
    pub mem: Option<Arc<Vec<u8>>>,
}

/// A multipart upload in progress: what the object will be, and its parts so far.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Upload {
    pub id: String,
    pub bucket: String,
    pub key: String,
    pub initiated: u64,
    pub content_type: String,
    pub meta: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub storage_class: String,
    pub parts: BTreeMap<u32, Part>,
}

impl Part {
    pub fn blob(&self, store: &Store) -> Blob {
        match (&self.mem, &self.data_file, &store.dir) {
            (Some(m), _, _) => Blob::Mem(m.clone()),
            (None, Some(f), Some(d)) => Blob::File(d.join("uploads").join(f)),
            _ => Blob::Mem(Arc::new(Vec::new())),
        }
    }
}

impl Blob {
    /// The bytes (read from the file when there is one).
    pub fn read(&self) -> io::Result<Arc<Vec<u8>>> {
        match self {
            Blob::Mem(m) => Ok(m.clone()),
            Blob::File(p) => Ok(Arc::new(fs::read(p)?)),
        }
    }
}

impl Object {
    pub fn blob(&self, store: &Store) -> Blob {
        match (&self.mem, &self.data_file, &store.dir) {
            (Some(m), _, _) => Blob::Mem(m.clone()),
            (None, Some(f), Some(d)) => Blob::File(d.join("objects").join(f)),
            _ => Blob::Mem(Arc::new(Vec::new())),
        }
    }
}

/// An access point.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct AccessPoint {
    pub name: String,
    pub bucket: String,
    pub network_origin: String,
    pub vpc_id: Option<String>,
    pub alias: String,
    pub arn: String,
    pub created: u64,
    pub status: String,
    pub policy: Option<String>,
    pub block_public_access: Option<bool>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Persisted {
    buckets: BTreeMap<String, Bucket>,
    access_points: BTreeMap<String, AccessPoint>,
}

/// Everything the server knows.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub buckets: BTreeMap<String, Bucket>,
    /// bucket → key → object.
    pub objects: BTreeMap<String, BTreeMap<String, Object>>,
    /// name → access point.
    pub access_points: BTreeMap<String, AccessPoint>,
    /// upload id → multipart upload in progress.
    pub uploads: BTreeMap<String, Upload>,
    /// bucket → key → the versions that are not in `objects`, newest first: the older
    /// versions, and delete markers. When a key has no entry in `objects`, its latest
    /// version is a delete marker (the first here), or it has none.
    pub history: BTreeMap<String, BTreeMap<String, Vec<Object>>>,
    pub dir: Option<PathBuf>,
}

/// A copy of the whole state, object bytes included (held in memory).
#[derive(Debug, Clone, Default)]
pub(crate) struct StoreSnapshot {
    buckets: BTreeMap<String, Bucket>,
    objects: BTreeMap<String, BTreeMap<String, Object>>,
    history: BTreeMap<String, BTreeMap<String, Vec<Object>>>,
    access_points: BTreeMap<String, AccessPoint>,
    /// Uploads in progress, their parts' bytes in memory.
    uploads: BTreeMap<String, Upload>,
}

static SEQ: AtomicU64 = AtomicU64::new(0);

/// A name that no other write of this process (or an earlier one) uses.
pub(crate) fn unique_suffix() -> String {
    let n = SEQ.fetch_add(1, Ordering::SeqCst);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut h = Sha256::new();
    h.update(t.to_le_bytes());
    h.update(n.to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    hex(&h.finalize()[..8])
}

pub(crate) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn object_hash(bucket: &str, key: &str) -> String {
    let mut h = Sha256::new();
    h.update(bucket.as_bytes());
    h.update([0u8]);
    h.update(key.as_bytes());
    hex(&h.finalize())
}

/// Writes `bytes` to `path` atomically: temporary file, fsync, rename, fsync the directory.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".tmp-{}", unique_suffix()));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    sync_dir(dir);
    Ok(())
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

impl Store {
    /// An empty in-memory store, or the one saved in `dir`.
    pub fn open(dir: Option<PathBuf>) -> io::Result<Store> {
        let Some(dir) = dir else {
            return Ok(Store::default());
        };
        let objects_dir = dir.join("objects");
        fs::create_dir_all(&objects_dir)?;
        let mut store = Store {
            dir: Some(dir.clone()),
            ..Store::default()
        };
        match fs::read(dir.join("state.json")) {
            Ok(bytes) => {
                let p: Persisted = serde_json::from_slice(&bytes)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                store.buckets = p.buckets;
                store.access_points = p.access_points;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let mut referenced = std::collections::HashSet::new();
        for entry in fs::read_dir(&objects_dir)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".json") || name.starts_with('.') {
                continue;
            }
            if name.ends_with(".history.json") {
                let Ok(list) = serde_json::from_slice::<Vec<Object>>(&fs::read(&path)?) else {
                    continue;
                };
                referenced.extend(list.iter().filter_map(|o| o.data_file.clone()));
                if let Some(first) = list.first() {
                    if store.buckets.contains_key(&first.bucket) {
                        store
                            .history
                            .entry(first.bucket.clone())
                            .or_default()
                            .insert(first.key.clone(), list);
                    }
                }
                continue;
            }
            let Ok(obj) = serde_json::from_slice::<Object>(&fs::read(&path)?) else {
                continue;
            };
            if let Some(f) = &obj.data_file {
                referenced.insert(f.clone());
            }
            if store.buckets.contains_key(&obj.bucket) {
                store
                    .objects
                    .entry(obj.bucket.clone())
                    .or_default()
                    .insert(obj.key.clone(), obj);
            }
        }
        // A crash between the two writes of a version change leaves the current object in
        // its history too. First there: a put (or a promotion) was cut short, the history
        // is the older one. Behind a delete marker: the marker's write is complete (a
        // delete), or the marker's removal is not (the promotion is undone).
        let mut demoted = Vec::new();
        for (b, m) in store.history.iter_mut() {
            for (k, list) in m.iter_mut() {
                let Some(cur) = store.objects.get(b).and_then(|o| o.get(k)) else {
                    continue;
                };
                match list
                    .iter()
                    .position(|o| !o.delete_marker && o.version_id == cur.version_id)
                {
                    Some(0) => {
                        list.remove(0);
                    }
                    Some(_) => demoted.push((b.clone(), k.clone())),
                    None => {}
                }
            }
        }
        for (b, k) in demoted {
            if let Some(m) = store.objects.get_mut(&b) {
                m.remove(&k);
            }
            store.remove_current_file(&b, &k)?;
        }
        store.load_uploads()?;
        // Leftovers of interrupted writes: temporary files and unreferenced data.
        for entry in fs::read_dir(&objects_dir)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stale = name.starts_with(".tmp-")
                || (name.ends_with(".data") && !referenced.contains(name));
            if stale {
                let _ = fs::remove_file(&path);
            }
        }
        Ok(store)
    }

    fn uploads_dir(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join("uploads"))
    }

    /// Reads the uploads in progress of the data directory, and removes the part files no
    /// upload refers to (interrupted writes, completed or aborted uploads).
    fn load_uploads(&mut self) -> io::Result<()> {
        let Some(dir) = self.uploads_dir() else {
            return Ok(());
        };
        fs::create_dir_all(&dir)?;
        let mut referenced = std::collections::HashSet::new();
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".json") || name.starts_with('.') {
                continue;
            }
            let Ok(up) = serde_json::from_slice::<Upload>(&fs::read(&path)?) else {
                continue;
            };
            if !self.buckets.contains_key(&up.bucket) {
                let _ = fs::remove_file(&path);
                continue;
            }
            referenced.extend(up.parts.values().filter_map(|p| p.data_file.clone()));
            self.uploads.insert(up.id.clone(), up);
        }
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stale = name.starts_with(".tmp-")
                || (name.ends_with(".data") && !referenced.contains(name));
            if stale {
                let _ = fs::remove_file(&path);
            }
        }
        Ok(())
    }

    /// Saves an upload and its list of parts (durable mode).
    pub fn save_upload(&self, up: &Upload) -> io::Result<()> {
        let Some(dir) = self.uploads_dir() else {
            return Ok(());
        };
        let bytes = serde_json::to_vec(up).map_err(io::Error::other)?;
        write_atomic(&dir.join(format!("{}.json", up.id)), &bytes)
    }

    /// A new file for a part's bytes (durable mode): its final name and a temporary path.
    pub fn new_part_file(&self, upload: &str, number: u32) -> Option<(String, PathBuf)> {
        let dir = self.uploads_dir()?;
        let name = format!("{upload}-{number}-{}.data", unique_suffix());
        Some((name, dir.join(format!(".tmp-{}", unique_suffix()))))
    }

    /// Makes a written temporary part file final.
    pub fn commit_part_file(&self, tmp: &Path, name: &str) -> io::Result<()> {
        let Some(dir) = self.uploads_dir() else {
            return Ok(());
        };
        fs::rename(tmp, dir.join(name))?;
        sync_dir(&dir);
        Ok(())
    }

    /// Removes a part's file (durable mode).
    pub fn forget_part(&self, part: &Part) {
        if let (Some(dir), Some(f)) = (self.uploads_dir(), &part.data_file) {
            let _ = fs::remove_file(dir.join(f));
        }
    }

    /// Ends an upload (completed or aborted): forgets it and frees its parts.
    pub fn remove_upload(&mut self, id: &str) -> io::Result<Option<Upload>> {
        let Some(up) = self.uploads.remove(id) else {
            return Ok(None);
        };
        if let Some(dir) = self.uploads_dir() {
            match fs::remove_file(dir.join(format!("{id}.json"))) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
            sync_dir(&dir);
        }
        for p in up.parts.values() {
            self.forget_part(p);
        }
        Ok(Some(up))
    }

    /// Saves buckets and access points.
    pub fn save_meta(&self) -> io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        let p = Persisted {
            buckets: self.buckets.clone(),
            access_points: self.access_points.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&p).map_err(io::Error::other)?;
        write_atomic(&dir.join("state.json"), &bytes)
    }

    /// A new file for object bytes (durable mode): returns its final name and a temporary
    /// path to write to.
    pub fn new_data_file(&self, bucket: &str, key: &str) -> Option<(String, PathBuf)> {
        let dir = self.dir.as_ref()?;
        let name = format!("{}-{}.data", object_hash(bucket, key), unique_suffix());
        Some((
            name,
            dir.join("objects")
                .join(format!(".tmp-{}", unique_suffix())),
        ))
    }

    /// Makes a written temporary data file final.
    pub fn commit_data_file(&self, tmp: &Path, name: &str) -> io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        let objects = dir.join("objects");
        fs::rename(tmp, objects.join(name))?;
        sync_dir(&objects);
        Ok(())
    }

    fn meta_path(&self, bucket: &str, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(
            dir.join("objects")
                .join(format!("{}.json", object_hash(bucket, key))),
        )
    }

    fn history_path(&self, bucket: &str, key: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(
            dir.join("objects")
                .join(format!("{}.history.json", object_hash(bucket, key))),
        )
    }

    fn write_current(&self, obj: &Object) -> io::Result<()> {
        if let Some(p) = self.meta_path(&obj.bucket, &obj.key) {
            write_atomic(&p, &serde_json::to_vec(obj).map_err(io::Error::other)?)?;
        }
        Ok(())
    }

    fn remove_current_file(&self, bucket: &str, key: &str) -> io::Result<()> {
        if let Some(p) = self.meta_path(bucket, key) {
            match fs::remove_file(&p) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
            if let Some(d) = p.parent() {
                sync_dir(d);
            }
        }
        Ok(())
    }

    /// Writes (or removes, when empty) the older versions of a key.
    fn save_history(&mut self, bucket: &str, key: &str) -> io::Result<()> {
        let empty = self
            .history
            .get(bucket)
            .and_then(|m| m.get(key))
            .is_none_or(|l| l.is_empty());
        if empty {
            if let Some(m) = self.history.get_mut(bucket) {
                m.remove(key);
                if m.is_empty() {
                    self.history.remove(bucket);
                }
            }
        }
        let Some(p) = self.history_path(bucket, key) else {
            return Ok(());
        };
        match self.history.get(bucket).and_then(|m| m.get(key)) {
            Some(list) => write_atomic(&p, &serde_json::to_vec(list).map_err(io::Error::other)?),
            None => {
                match fs::remove_file(&p) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                    _ => {}
                }
                if let Some(d) = p.parent() {
                    sync_dir(d);
                }
                Ok(())
            }
        }
    }

    /// Removes `old`'s bytes unless a version of its key still refers to them.
    fn forget_unused(&self, old: &Object) {
        let Some(f) = &old.data_file else { return };
        let used = self
            .current(&old.bucket, &old.key)
            .into_iter()
            .chain(
                self.history
                    .get(&old.bucket)
                    .and_then(|m| m.get(&old.key))
                    .into_iter()
                    .flatten(),
            )
            .any(|o| o.data_file.as_ref() == Some(f));
        if !used {
            if let Some(dir) = &self.dir {
                let _ = fs::remove_file(dir.join("objects").join(f));
            }
        }
    }

    fn current(&self, bucket: &str, key: &str) -> Option<&Object> {
        self.objects.get(bucket).and_then(|m| m.get(key))
    }

    /// Makes `obj` the current version of its key, replacing the current one (whatever
    /// the bucket's versioning: an append keeps its version).
    pub fn replace_current(&mut self, obj: Object) -> io::Result<()> {
        self.write_current(&obj)?;
        let old = self
            .objects
            .entry(obj.bucket.clone())
            .or_default()
            .insert(obj.key.clone(), obj);
        if let Some(old) = old {
            self.forget_unused(&old);
        }
        Ok(())
    }

    /// Makes `obj` the current version of its key, keeping the current one as older.
    fn push_current(&mut self, obj: Object) -> io::Result<()> {
        let (b, k) = (obj.bucket.clone(), obj.key.clone());
        if let Some(old) = self.objects.get_mut(&b).and_then(|m| m.remove(&k)) {
            self.history
                .entry(b.clone())
                .or_default()
                .entry(k.clone())
                .or_default()
                .insert(0, old);
            self.save_history(&b, &k)?;
        }
        self.write_current(&obj)?;
        self.objects.entry(b).or_default().insert(k, obj);
        Ok(())
    }

    /// Removes the `null` version of a key from its older versions (a suspended bucket's
    /// write replaces it).
    fn drop_null_history(&mut self, bucket: &str, key: &str) -> io::Result<()> {
        let Some(list) = self.history.get_mut(bucket).and_then(|m| m.get_mut(key)) else {
            return Ok(());
        };
        let Some(i) = list.iter().position(|o| o.version_id.is_none()) else {
            return Ok(());
        };
        let old = list.remove(i);
        self.save_history(bucket, key)?;
        self.forget_unused(&old);
        Ok(())
    }

    /// Stores `obj` as its bucket's versioning says: replacing the object of the same key
    /// (never versioned), as a new version (enabled), or as the `null` version (suspended).
    /// Returns the version id to answer, if the bucket has versioning.
    pub fn put_object(&mut self, mut obj: Object) -> io::Result<Option<String>> {
        let mode = self
            .buckets
            .get(&obj.bucket)
            .map_or(Versioning::Off, Bucket::versioning);
        let (b, k) = (obj.bucket.clone(), obj.key.clone());
        obj.delete_marker = false;
        match mode {
            Versioning::Off => {
                obj.version_id = None;
                self.replace_current(obj)?;
                Ok(None)
            }
            Versioning::Enabled => {
                let id = new_version_id();
                obj.version_id = Some(id.clone());
                self.push_current(obj)?;
                Ok(Some(id))
            }
            Versioning::Suspended => {
                obj.version_id = None;
                self.drop_null_history(&b, &k)?;
                if self.current(&b, &k).is_some_and(|o| o.version_id.is_none()) {
                    self.replace_current(obj)?;
                } else {
                    self.push_current(obj)?;
                }
                Ok(Some("null".to_owned()))
            }
        }
    }

    /// Deletes the latest version of a key as its bucket's versioning says: removes it
    /// (never versioned) or adds a delete marker (a new version when enabled, the `null`
    /// one when suspended).
    pub fn delete_latest(&mut self, bucket: &str, key: &str, now: u64) -> io::Result<Deleted> {
        let mode = self
            .buckets
            .get(bucket)
            .map_or(Versioning::Off, Bucket::versioning);
        let id = match mode {
            Versioning::Off => {
                self.delete_object(bucket, key)?;
                return Ok(Deleted::default());
            }
            Versioning::Enabled => Some(new_version_id()),
            Versioning::Suspended => {
                self.drop_null_history(bucket, key)?;
                if self
                    .current(bucket, key)
                    .is_some_and(|o| o.version_id.is_none())
                {
                    self.delete_object(bucket, key)?;
                }
                None
            }
        };
        let marker = Object::marker(bucket, key, id, now);
        let name = marker.version_name();
        let list = self
            .history
            .entry(bucket.to_owned())
            .or_default()
            .entry(key.to_owned())
            .or_default();
        list.insert(0, marker);
        if let Some(old) = self.objects.get_mut(bucket).and_then(|m| m.remove(key)) {
            list.insert(1, old);
        }
        self.save_history(bucket, key)?;
        self.remove_current_file(bucket, key)?;
        Ok(Deleted {
            version_id: Some(name),
            delete_marker: true,
        })
    }

    /// Whether a write of `key` would replace an object (`x-oss-forbid-overwrite` refuses
    /// it): never in a bucket with versioning, where the old object stays as a version.
    pub fn would_overwrite(&self, bucket: &str, key: &str) -> bool {
        self.current(bucket, key).is_some()
            && self
                .buckets
                .get(bucket)
                .is_none_or(|b| b.versioning() == Versioning::Off)
    }

    /// The version `id` (`None`: the null version) of a key, a delete marker possibly.
    pub fn version(&self, bucket: &str, key: &str, id: &Option<String>) -> Option<&Object> {
        self.current(bucket, key)
            .filter(|o| o.version_id == *id)
            .or_else(|| {
                self.history
                    .get(bucket)
                    .and_then(|m| m.get(key))
                    .and_then(|l| l.iter().find(|o| o.version_id == *id))
            })
    }

    /// The latest version of a key: its current object, or the delete marker that hides it.
    pub fn latest(&self, bucket: &str, key: &str) -> Option<&Object> {
        self.current(bucket, key).or_else(|| {
            self.history
                .get(bucket)
                .and_then(|m| m.get(key))
                .and_then(|l| l.first())
                .filter(|o| o.delete_marker)
        })
    }

    /// Every version of a key, newest first, delete markers included.
    pub fn versions(&self, bucket: &str, key: &str) -> Vec<&Object> {
        self.current(bucket, key)
            .into_iter()
            .chain(
                self.history
                    .get(bucket)
                    .and_then(|m| m.get(key))
                    .into_iter()
                    .flatten(),
            )
            .collect()
    }

    /// Every key of a bucket that has a version (delete markers included), sorted.
    pub fn versioned_keys(&self, bucket: &str) -> Vec<String> {
        let mut keys: std::collections::BTreeSet<String> = self
            .objects
            .get(bucket)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        if let Some(m) = self.history.get(bucket) {
            keys.extend(m.keys().cloned());
        }
        keys.into_iter().collect()
    }

    /// Removes one version of a key for good; the next one becomes the latest. `None` when
    /// the key has no such version.
    pub fn delete_version(
        &mut self,
        bucket: &str,
        key: &str,
        id: &Option<String>,
    ) -> io::Result<Option<Deleted>> {
        let is_current = self
            .current(bucket, key)
            .is_some_and(|o| o.version_id == *id);
        let removed = if is_current {
            self.remove_current_file(bucket, key)?;
            self.objects.get_mut(bucket).and_then(|m| m.remove(key))
        } else {
            let list = self.history.get_mut(bucket).and_then(|m| m.get_mut(key));
            list.and_then(|l| {
                let i = l.iter().position(|o| o.version_id == *id)?;
                Some(l.remove(i))
            })
        };
        let Some(removed) = removed else {
            return Ok(None);
        };
        if self.current(bucket, key).is_none() {
            let promote = self
                .history
                .get_mut(bucket)
                .and_then(|m| m.get_mut(key))
                .filter(|l| l.first().is_some_and(|o| !o.delete_marker))
                .map(|l| l.remove(0));
            if let Some(p) = promote {
                self.write_current(&p)?;
                self.objects
                    .entry(bucket.to_owned())
                    .or_default()
                    .insert(key.to_owned(), p);
            }
        }
        self.save_history(bucket, key)?;
        if let Some(m) = self.objects.get(bucket) {
            if m.is_empty() {
                self.objects.remove(bucket);
            }
        }
        self.forget_unused(&removed);
        Ok(Some(Deleted {
            version_id: Some(removed.version_name()),
            delete_marker: removed.delete_marker,
        }))
    }

    /// Rewrites a version's metadata (ACL and tag changes), wherever it is.
    pub fn save_object_meta(&mut self, obj: &Object) -> io::Result<()> {
        let (b, k) = (obj.bucket.clone(), obj.key.clone());
        if self
            .current(&b, &k)
            .is_some_and(|o| o.version_id == obj.version_id)
        {
            self.write_current(obj)?;
            if let Some(o) = self.objects.get_mut(&b).and_then(|m| m.get_mut(&k)) {
                *o = obj.clone();
            }
            return Ok(());
        }
        if let Some(o) = self
            .history
            .get_mut(&b)
            .and_then(|m| m.get_mut(&k))
            .and_then(|l| l.iter_mut().find(|o| o.version_id == obj.version_id))
        {
            *o = obj.clone();
            self.save_history(&b, &k)?;
        }
        Ok(())
    }

    /// Deletes the current object of a key (not its older versions); true if it existed.
    pub fn delete_object(&mut self, bucket: &str, key: &str) -> io::Result<bool> {
        let Some(old) = self.objects.get_mut(bucket).and_then(|m| m.remove(key)) else {
            return Ok(false);
        };
        self.remove_current_file(bucket, key)?;
        self.forget_unused(&old);
        Ok(true)
    }

    /// Deletes every version of a key.
    fn purge(&mut self, bucket: &str, key: &str) -> io::Result<()> {
        self.delete_object(bucket, key)?;
        let old = self
            .history
            .get_mut(bucket)
            .and_then(|m| m.remove(key))
            .unwrap_or_default();
        self.save_history(bucket, key)?;
        for o in &old {
            self.forget_unused(o);
        }
        Ok(())
    }

    /// Drops every bucket, object and access point (and their files).
    pub fn clear(&mut self) -> io::Result<()> {
        let buckets: std::collections::BTreeSet<String> = self
            .objects
            .keys()
            .chain(self.history.keys())
            .cloned()
            .collect();
        for b in buckets {
            for k in self.versioned_keys(&b) {
                self.purge(&b, &k)?;
            }
        }
        let ids: Vec<String> = self.uploads.keys().cloned().collect();
        for id in ids {
            self.remove_upload(&id)?;
        }
        self.objects.clear();
        self.history.clear();
        self.buckets.clear();
        self.access_points.clear();
        self.save_meta()
    }

    /// A copy of everything, with the bytes of file-backed objects read into memory so the
    /// copy outlives later overwrites.
    pub fn snapshot(&self) -> io::Result<StoreSnapshot> {
        let in_memory = |obj: &Object| -> io::Result<Object> {
            let bytes = match obj.blob(self) {
                Blob::Mem(b) => b,
                Blob::File(path) => Arc::new(fs::read(path)?),
            };
            let mut o = obj.clone();
            o.data_file = None;
            o.mem = (!o.delete_marker).then_some(bytes);
            Ok(o)
        };
        let mut objects = BTreeMap::new();
        for (bucket, m) in &self.objects {
            let mut copy = BTreeMap::new();
            for (key, obj) in m {
                copy.insert(key.clone(), in_memory(obj)?);
            }
            objects.insert(bucket.clone(), copy);
        }
        let mut history = BTreeMap::new();
        for (bucket, m) in &self.history {
            let mut copy = BTreeMap::new();
            for (key, list) in m {
                let list = list.iter().map(in_memory).collect::<io::Result<Vec<_>>>()?;
                copy.insert(key.clone(), list);
            }
            history.insert(bucket.clone(), copy);
        }
        let mut uploads = BTreeMap::new();
        for (id, up) in &self.uploads {
            let mut copy = up.clone();
            for p in copy.parts.values_mut() {
                p.mem = Some(p.blob(self).read()?);
                p.data_file = None;
            }
            uploads.insert(id.clone(), copy);
        }
        Ok(StoreSnapshot {
            buckets: self.buckets.clone(),
            objects,
            history,
            access_points: self.access_points.clone(),
            uploads,
        })
    }

    /// Replaces everything with `snap` (written to the data directory when there is one).
    pub fn restore(&mut self, snap: &StoreSnapshot) -> io::Result<()> {
        self.clear()?;
        self.buckets = snap.buckets.clone();
        self.access_points = snap.access_points.clone();
        self.save_meta()?;
        let to_disk = |store: &Store, obj: &Object| -> io::Result<Object> {
            let mut o = obj.clone();
            if o.delete_marker {
                return Ok(o);
            }
            if let Some((name, tmp)) = store.new_data_file(&o.bucket, &o.key) {
                write_atomic(&tmp, o.mem.as_deref().map_or(&[][..], |v| v.as_slice()))?;
                store.commit_data_file(&tmp, &name)?;
                o.data_file = Some(name);
                o.mem = None;
            }
            Ok(o)
        };
        for m in snap.objects.values() {
            for obj in m.values() {
                let o = to_disk(self, obj)?;
                self.replace_current(o)?;
            }
        }
        for (bucket, m) in &snap.history {
            for (key, list) in m {
                let list = list
                    .iter()
                    .map(|o| to_disk(self, o))
                    .collect::<io::Result<Vec<_>>>()?;
                self.history
                    .entry(bucket.clone())
                    .or_default()
                    .insert(key.clone(), list);
                self.save_history(bucket, key)?;
            }
        }
        for up in snap.uploads.values() {
            let mut up = up.clone();
            for p in up.parts.values_mut() {
                if let Some((name, tmp)) = self.new_part_file(&up.id, p.number) {
                    write_atomic(&tmp, p.mem.as_deref().map_or(&[][..], |v| v.as_slice()))?;
                    self.commit_part_file(&tmp, &name)?;
                    p.data_file = Some(name);
                    p.mem = None;
                }
            }
            self.save_upload(&up)?;
            self.uploads.insert(up.id.clone(), up);
        }
        Ok(())
    }

    pub fn bucket_is_empty(&self, bucket: &str) -> bool {
        self.objects.get(bucket).is_none_or(|m| m.is_empty())
            && self.history.get(bucket).is_none_or(|m| m.is_empty())
    }

    /// Resolves a bucket name or an access point alias to (bucket, access point).
    pub fn resolve<'a>(&'a self, name: &str) -> Option<(&'a Bucket, Option<&'a AccessPoint>)> {
        if let Some(b) = self.buckets.get(name) {
            return Some((b, None));
        }
        if name.ends_with("-ossalias") {
            let ap = self.access_points.values().find(|a| a.alias == name)?;
            let b = self.buckets.get(&ap.bucket)?;
            return Some((b, Some(ap)));
        }
        None
    }
}
