//! The everyday commands: ls, cp, rm, presign, mb, rb, serve, config, completions.

use crate::cli::*;
use crate::config::{self, ProfileFile, Source};
use crate::ctx::{Ctx, write_stdout};
use crate::error::CliError;
use crate::transfer;
use crate::value::{Format, Value, obj};
use ossio_core::ops::*;
use ossio_core::{Acl, ObjectAcl};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An `oss://bucket/key` address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OssUrl {
    /// The bucket.
    pub bucket: String,
    /// The key or prefix (may be empty).
    pub key: String,
}

impl OssUrl {
    /// Parses `oss://bucket[/key]`.
    pub fn parse(s: &str) -> Result<Self, CliError> {
        let rest = s.strip_prefix("oss://").ok_or_else(|| {
            CliError::usage(format!("{s:?} is not an OSS address (oss://bucket/key)"))
        })?;
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(CliError::usage(format!("{s:?} names no bucket")));
        }
        Ok(OssUrl {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
        })
    }

    fn display(&self) -> String {
        format!("oss://{}/{}", self.bucket, self.key)
    }
}

/// Splits NAME=VALUE metadata flags.
pub fn parse_meta(meta: &[String]) -> Result<Vec<(String, String)>, CliError> {
    meta.iter()
        .map(|m| {
            m.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .ok_or_else(|| CliError::usage(format!("--meta {m:?} is not NAME=VALUE")))
        })
        .collect()
}

fn is_oss(s: &str) -> bool {
    s.starts_with("oss://")
}

fn parse_core<T>(flag: &str, v: Option<&String>) -> Result<Option<T>, CliError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    v.map(|s| {
        s.parse::<T>()
            .map_err(|e| CliError::usage(format!("--{flag}: {e}")))
    })
    .transpose()
}

/// `ossio ls`.
pub fn ls(ctx: &mut Ctx, a: LsArgs) -> Result<(), CliError> {
    let Some(url) = a.url else {
        let op = ListBuckets::new();
        if ctx.dry_run(&op)? {
            return Ok(());
        }
        let mut rows = Vec::new();
        for page in ctx.client()?.pages(op) {
            for b in page?.buckets {
                rows.push(obj([
                    ("Name", b.name.into()),
                    ("CreationDate", b.creation_date.into()),
                    ("Location", b.location.into()),
                    ("StorageClass", b.storage_class.into()),
                ]));
            }
        }
        return ctx.print(&Value::List(rows), Format::Table);
    };
    let url = OssUrl::parse(&url)?;
    let mut op = ListObjectsV2::new(&url.bucket);
    if !url.key.is_empty() {
        op.prefix = Some(url.key.clone());
    }
    if !a.recursive {
        op.delimiter = Some("/".into());
    }
    if ctx.dry_run(&op)? {
        return Ok(());
    }
    let mut rows = Vec::new();
    for page in ctx.client()?.pages(op) {
        let page = page?;
        for p in &page.common_prefixes {
            rows.push(obj([
                ("Type", "prefix".into()),
                ("LastModified", Value::Null),
                ("Size", Value::Null),
                ("Key", p.into()),
            ]));
        }
        for o in &page.contents {
            rows.push(obj([
                ("Type", "object".into()),
                ("LastModified", (&o.last_modified).into()),
                ("Size", o.size.into()),
                ("Key", (&o.key).into()),
            ]));
        }
    }
    ctx.print(&Value::List(rows), Format::Table)
}

/// A Content-Type for common file extensions (the server's default otherwise).
fn guess_content_type(path: &str) -> Option<&'static str> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "log" => "text/plain",
        "html" | "htm" => "text/html",
        "css" => "text/css",
        "csv" => "text/csv",
        "js" => "text/javascript",
        "json" => "application/json",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" | "tgz" => "application/gzip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "wasm" => "application/wasm",
        _ => return None,
    })
}

/// `ossio cp`.
pub fn cp(ctx: &mut Ctx, a: CpArgs) -> Result<(), CliError> {
    match (is_oss(&a.source), is_oss(&a.destination)) {
        (false, true) => {
            let mut dest = OssUrl::parse(&a.destination)?;
            if dest.key.is_empty() || dest.key.ends_with('/') {
                let name = Path::new(&a.source)
                    .file_name()
                    .filter(|_| a.source != "-")
                    .ok_or_else(|| {
                        CliError::usage(format!(
                            "{} names no object key (end it with a key, not /)",
                            a.destination
                        ))
                    })?;
                dest.key.push_str(&name.to_string_lossy());
            }
            let mut op = PutObject::new(&dest.bucket, &dest.key);
            op.content_type = a
                .content_type
                .clone()
                .or_else(|| guess_content_type(&a.source).map(str::to_owned));
            op.acl = parse_core::<ObjectAcl>("acl", a.acl.as_ref())?;
            op.storage_class =
                parse_core::<StorageClass>("storage-class", a.storage_class.as_ref())?;
            op.metadata = parse_meta(&a.meta)?;
            let size = if a.source == "-" {
                None
            } else {
                std::fs::metadata(&a.source).ok().map(|m| m.len())
            };
            let Some(out) = transfer::upload(ctx, op, Some(&a.source))? else {
                return Ok(());
            };
            ctx.print(
                &obj([
                    ("Source", a.source.into()),
                    ("Destination", dest.display().into()),
                    ("Size", size.into()),
                    ("HashCrc64ecma", out.crc64.map(|c| c.to_string()).into()),
                    ("ETag", out.etag.into()),
                    ("RequestId", out.request_id.into()),
                ]),
                Format::Table,
            )
        }
        (true, false) => {
            let src = OssUrl::parse(&a.source)?;
            if src.key.is_empty() || src.key.ends_with('/') {
                return Err(CliError::usage(format!(
                    "{} names no object (recursive copies are not supported yet)",
                    a.source
                )));
            }
            let mut dest = PathBuf::from(&a.destination);
            if a.destination != "-" && (a.destination.ends_with('/') || dest.is_dir()) {
                let last = src.key.rsplit('/').next().unwrap_or(&src.key);
                dest = dest.join(last);
            }
            let op = GetObject::new(&src.bucket, &src.key);
            let Some(out) = transfer::download(ctx, &op, &dest)? else {
                return Ok(());
            };
            if a.destination == "-" {
                return Ok(());
            }
            ctx.print(
                &obj([
                    ("Source", src.display().into()),
                    ("Destination", dest.to_string_lossy().into_owned().into()),
                    ("Size", out.meta.content_length.into()),
                    (
                        "HashCrc64ecma",
                        out.meta.crc64.map(|c| c.to_string()).into(),
                    ),
                    ("ETag", out.meta.etag.into()),
                    ("RequestId", out.request_id.into()),
                ]),
                Format::Table,
            )
        }
        (true, true) => Err(CliError::usage(
            "copying from OSS to OSS is not supported yet: download, then upload",
        )),
        (false, false) => Err(CliError::usage(
            "one of SOURCE and DESTINATION must be an oss:// address",
        )),
    }
}

/// Deletes every object under `prefix`, 1000 per request; returns how many.
fn delete_prefix(ctx: &mut Ctx, bucket: &str, prefix: &str) -> Result<usize, CliError> {
    let mut op = ListObjectsV2::new(bucket);
    if !prefix.is_empty() {
        op.prefix = Some(prefix.to_owned());
    }
    let client = ctx.client()?.clone();
    let mut keys = Vec::new();
    for page in client.pages(op) {
        keys.extend(page?.contents.into_iter().map(|o| o.key));
    }
    for chunk in keys.chunks(1000) {
        let del = DeleteMultipleObjects::new(bucket, chunk.iter().cloned()).quiet(true);
        client.delete_multiple_objects(&del)?;
    }
    Ok(keys.len())
}

/// `ossio rm`.
pub fn rm(ctx: &mut Ctx, a: RmArgs) -> Result<(), CliError> {
    let url = OssUrl::parse(&a.url)?;
    if a.recursive {
        let mut list = ListObjectsV2::new(&url.bucket);
        list.prefix = Some(url.key.clone()).filter(|k| !k.is_empty());
        if ctx.dry_run(&list)? {
            return Ok(());
        }
        let n = delete_prefix(ctx, &url.bucket, &url.key)?;
        return ctx.print(
            &obj([("Prefix", url.display().into()), ("Deleted", n.into())]),
            Format::Table,
        );
    }
    if url.key.is_empty() {
        return Err(CliError::usage(format!(
            "{} names no object (use --recursive for a prefix, rb for a bucket)",
            a.url
        )));
    }
    let Some(out) = ctx.exec(&DeleteObject::new(&url.bucket, &url.key))? else {
        return Ok(());
    };
    ctx.print(
        &obj([
            ("Deleted", url.display().into()),
            ("RequestId", out.request_id.into()),
        ]),
        Format::Table,
    )
}

/// Parses `3600`, `90s`, `15m`, `1h`, `7d`.
pub fn parse_duration(s: &str) -> Result<Duration, CliError> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let n: u64 = num.parse().map_err(|_| {
        CliError::usage(format!("bad duration {s:?} (e.g. 3600, 90s, 15m, 1h, 7d)"))
    })?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => {
            return Err(CliError::usage(format!(
                "bad duration {s:?} (units: s, m, h, d)"
            )));
        }
    };
    Ok(Duration::from_secs(secs))
}

/// `ossio presign`.
pub fn presign(ctx: &mut Ctx, a: PresignArgs) -> Result<(), CliError> {
    let url = OssUrl::parse(&a.url)?;
    if url.key.is_empty() {
        return Err(CliError::usage(format!("{} names no object", a.url)));
    }
    let expires = parse_duration(&a.expires)?;
    let client = ctx.client()?.clone();
    let p = if a.method == "PUT" {
        client.presign_operation(&PutObject::new(&url.bucket, &url.key), expires)?
    } else {
        client.presign_operation(&GetObject::new(&url.bucket, &url.key), expires)?
    };
    if ctx.global.output.is_none() {
        return write_stdout(format!("{}\n", p.url).as_bytes());
    }
    ctx.print(
        &obj([
            ("Method", p.method.as_str().into()),
            ("Url", p.url.into()),
            ("Expiration", p.expiration.into()),
            (
                "SignedHeaders",
                Value::Object(
                    p.signed_headers
                        .iter()
                        .map(|(k, v)| (k.to_owned(), v.into()))
                        .collect(),
                ),
            ),
        ]),
        Format::Json,
    )
}

fn bucket_only(s: &str) -> Result<String, CliError> {
    let url = OssUrl::parse(s)?;
    if !url.key.is_empty() {
        return Err(CliError::usage(format!("{s} must name only a bucket")));
    }
    Ok(url.bucket)
}

/// `ossio mb`.
pub fn mb(ctx: &mut Ctx, a: MbArgs) -> Result<(), CliError> {
    let bucket = bucket_only(&a.url)?;
    let mut op = PutBucket::new(&bucket);
    op.acl = parse_core::<Acl>("acl", a.acl.as_ref())?;
    op.storage_class = parse_core::<StorageClass>("storage-class", a.storage_class.as_ref())?;
    op.data_redundancy_type =
        parse_core::<DataRedundancyType>("data-redundancy-type", a.data_redundancy_type.as_ref())?;
    let Some(out) = ctx.exec(&op)? else {
        return Ok(());
    };
    ctx.print(
        &obj([
            ("Created", format!("oss://{bucket}").into()),
            ("RequestId", out.request_id.into()),
        ]),
        Format::Table,
    )
}

/// `ossio rb`.
pub fn rb(ctx: &mut Ctx, a: RbArgs) -> Result<(), CliError> {
    let bucket = bucket_only(&a.url)?;
    let op = DeleteBucket::new(&bucket);
    if ctx.dry_run(&op)? {
        return Ok(());
    }
    let emptied = if a.force {
        delete_prefix(ctx, &bucket, "")?
    } else {
        0
    };
    let out = ctx.client()?.delete_bucket(&op)?;
    ctx.print(
        &obj([
            ("Removed", format!("oss://{bucket}").into()),
            ("ObjectsDeleted", emptied.into()),
            ("RequestId", out.request_id.into()),
        ]),
        Format::Table,
    )
}

/// `ossio serve`: runs until the process is interrupted.
pub fn serve(ctx: &mut Ctx, a: ServeArgs) -> Result<(), CliError> {
    let mut config = ossio_server::ServerConfig::new().addr(a.addr);
    if let Some(r) = ctx.resolved.get("region") {
        config = config.region(r);
    }
    for pair in &a.keys {
        let (ak, sk) = pair
            .split_once(':')
            .ok_or_else(|| CliError::usage(format!("--key {:?} is not AK:SK", mask_key(pair))))?;
        config = config.key(ak, sk);
    }
    if let Some(dir) = a.data_dir {
        config = config.data_dir(dir);
    }
    let server = ossio_server::start(config)
        .map_err(|e| CliError::local(format!("cannot start the server on {}: {e}", a.addr)))?;
    write_stdout(
        format!(
            "listening on {}\nregion {}\n",
            server.endpoint(),
            server.region()
        )
        .as_bytes(),
    )?;
    loop {
        std::thread::park();
    }
}

/// `AK:SK` with the secret hidden.
fn mask_key(pair: &str) -> String {
    match pair.split_once(':') {
        Some((ak, _)) => format!("{ak}:****"),
        None => "****".into(),
    }
}

/// Asks for a value on the terminal; an empty answer keeps `current`.
fn prompt(label: &str, current: Option<&str>, secret: bool) -> Result<Option<String>, CliError> {
    let shown = match current {
        Some(_) if secret => " [****]".to_owned(),
        Some(c) => format!(" [{c}]"),
        None => String::new(),
    };
    // Echo off for secrets, through stty on the same terminal (no terminal library needed),
    // before the prompt appears so nothing typed after it can echo.
    let stty = |arg: &str| {
        std::process::Command::new("stty")
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    let hidden = secret && stty("-echo");
    eprint!("{label}{shown}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if hidden {
        stty("echo");
        eprintln!();
    }
    read.map_err(|e| CliError::local(format!("cannot read the answer: {e}")))?;
    let v = line.trim();
    Ok((!v.is_empty()).then(|| v.to_owned()))
}

/// `ossio config`.
pub fn config(ctx: &mut Ctx, a: ConfigArgs) -> Result<(), CliError> {
    let path = config::file_path().ok_or_else(|| {
        CliError::usage("no profile file location: set HOME or OSSIO_CONFIG_FILE")
    })?;
    let profile = ctx.resolved.profile.clone();
    if a.show {
        let settings: Vec<Value> = config::KEYS
            .iter()
            .filter_map(|k| ctx.resolved.settings.get(k).map(|s| (k, s)))
            .map(|(k, s)| {
                obj([
                    ("Key", (*k).into()),
                    (
                        "Value",
                        if config::is_secret(k) {
                            "****".into()
                        } else {
                            (&s.value).into()
                        },
                    ),
                    ("Source", s.source.describe(&profile).into()),
                ])
            })
            .collect();
        let credentials = ctx.credentials_source();
        return ctx.print(
            &obj([
                ("Profile", profile.into()),
                ("ProfileFile", path.to_string_lossy().into_owned().into()),
                ("Credentials", credentials.into()),
                ("Settings", Value::List(settings)),
            ]),
            Format::Table,
        );
    }
    let mut file = ProfileFile::load(&path)?;
    let existing = file.profile(&profile).cloned().unwrap_or_default();
    let mut changes: Vec<(&'static str, String)> = config::KEYS
        .iter()
        .filter_map(|k| {
            ctx.resolved
                .settings
                .get(k)
                .filter(|s| s.source == Source::Flag)
                .map(|s| (*k, s.value.clone()))
        })
        .collect();
    if std::io::stdin().is_terminal() {
        eprintln!(
            "Profile {profile:?} in {} (Enter keeps the value in brackets)",
            path.display()
        );
        for key in ["region", "endpoint", "access_key_id", "access_key_secret"] {
            if changes.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let current = existing.get(key).map(String::as_str);
            if let Some(v) = prompt(key, current, config::is_secret(key))? {
                changes.push((key, v));
            }
        }
    }
    if changes.is_empty() {
        return Err(CliError::usage(
            "nothing to write: pass --region, --endpoint, --access-key-id, --access-key-secret, \
             ... (or run `ossio config` in a terminal to be asked)",
        ));
    }
    for (k, v) in &changes {
        file.set(&profile, k, v.clone());
    }
    file.save(&path)?;
    let written: Vec<&str> = changes.iter().map(|(k, _)| *k).collect();
    eprintln!(
        "wrote {} to profile {profile:?} in {}",
        written.join(", "),
        path.display()
    );
    Ok(())
}

/// `ossio completions`.
pub fn completions(a: CompletionsArgs) -> Result<(), CliError> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "ossio", &mut out);
    write_stdout(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oss_urls() {
        assert_eq!(
            OssUrl::parse("oss://b/a/b.txt").unwrap(),
            OssUrl {
                bucket: "b".into(),
                key: "a/b.txt".into()
            }
        );
        assert_eq!(OssUrl::parse("oss://b").unwrap().key, "");
        assert!(OssUrl::parse("s3://b/k").is_err());
        assert!(OssUrl::parse("oss:///k").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3600").unwrap().as_secs(), 3600);
        assert_eq!(parse_duration("90s").unwrap().as_secs(), 90);
        assert_eq!(parse_duration("15m").unwrap().as_secs(), 900);
        assert_eq!(parse_duration("1h").unwrap().as_secs(), 3600);
        assert_eq!(parse_duration("7d").unwrap().as_secs(), 604800);
        assert!(parse_duration("1w").is_err());
        assert!(parse_duration("h").is_err());
    }
}
