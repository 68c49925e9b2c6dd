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
    #[serde(skip)]
    pub mem: Option<Arc<Vec<u8>>>,
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
    pub dir: Option<PathBuf>,
}

/// A copy of the whole state, object bytes included (held in memory).
#[derive(Debug, Clone, Default)]
pub(crate) struct StoreSnapshot {
    buckets: BTreeMap<String, Bucket>,
    objects: BTreeMap<String, BTreeMap<String, Object>>,
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

    /// Stores `obj`, replacing any object of the same key.
    pub fn put_object(&mut self, obj: Object) -> io::Result<()> {
        if let Some(dir) = &self.dir {
            let meta = dir
                .join("objects")
                .join(format!("{}.json", object_hash(&obj.bucket, &obj.key)));
            let bytes = serde_json::to_vec(&obj).map_err(io::Error::other)?;
            write_atomic(&meta, &bytes)?;
        }
        let old = self
            .objects
            .entry(obj.bucket.clone())
            .or_default()
            .insert(obj.key.clone(), obj);
        if let Some(old) = old {
            self.forget_data(&old, self.current_data(&old.bucket, &old.key));
        }
        Ok(())
    }

    fn current_data(&self, bucket: &str, key: &str) -> Option<String> {
        self.objects
            .get(bucket)
            .and_then(|m| m.get(key))
            .and_then(|o| o.data_file.clone())
    }

    fn forget_data(&self, old: &Object, current: Option<String>) {
        if let (Some(dir), Some(f)) = (&self.dir, &old.data_file) {
            if current.as_deref() != Some(f.as_str()) {
                let _ = fs::remove_file(dir.join("objects").join(f));
            }
        }
    }

    /// Rewrites an object's metadata (ACL changes).
    pub fn save_object_meta(&self, obj: &Object) -> io::Result<()> {
        if let Some(dir) = &self.dir {
            let meta = dir
                .join("objects")
                .join(format!("{}.json", object_hash(&obj.bucket, &obj.key)));
            write_atomic(&meta, &serde_json::to_vec(obj).map_err(io::Error::other)?)?;
        }
        Ok(())
    }

    /// Deletes an object; true if it existed.
    pub fn delete_object(&mut self, bucket: &str, key: &str) -> io::Result<bool> {
        let Some(old) = self.objects.get_mut(bucket).and_then(|m| m.remove(key)) else {
            return Ok(false);
        };
        if let Some(dir) = &self.dir {
            let meta = dir
                .join("objects")
                .join(format!("{}.json", object_hash(bucket, key)));
            fs::remove_file(meta)?;
            sync_dir(&dir.join("objects"));
        }
        self.forget_data(&old, None);
        Ok(true)
    }

    /// Drops every bucket, object and access point (and their files).
    pub fn clear(&mut self) -> io::Result<()> {
        let keys: Vec<(String, String)> = self
            .objects
            .iter()
            .flat_map(|(b, m)| m.keys().map(move |k| (b.clone(), k.clone())))
            .collect();
        for (b, k) in keys {
            self.delete_object(&b, &k)?;
        }
        let ids: Vec<String> = self.uploads.keys().cloned().collect();
        for id in ids {
            self.remove_upload(&id)?;
        }
        self.objects.clear();
        self.buckets.clear();
        self.access_points.clear();
        self.save_meta()
    }

    /// A copy of everything, with the bytes of file-backed objects read into memory so the
    /// copy outlives later overwrites.
    pub fn snapshot(&self) -> io::Result<StoreSnapshot> {
        let mut objects = BTreeMap::new();
        for (bucket, m) in &self.objects {
            let mut copy = BTreeMap::new();
            for (key, obj) in m {
                let bytes = match obj.blob(self) {
                    Blob::Mem(b) => b,
                    Blob::File(path) => Arc::new(fs::read(path)?),
                };
                let mut o = obj.clone();
                o.data_file = None;
                o.mem = Some(bytes);
                copy.insert(key.clone(), o);
            }
            objects.insert(bucket.clone(), copy);
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
        for m in snap.objects.values() {
            for obj in m.values() {
                let mut o = obj.clone();
                if let Some((name, tmp)) = self.new_data_file(&o.bucket, &o.key) {
                    write_atomic(&tmp, o.mem.as_deref().map_or(&[][..], |v| v.as_slice()))?;
                    self.commit_data_file(&tmp, &name)?;
                    o.data_file = Some(name);
                    o.mem = None;
                }
                self.put_object(o)?;
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
