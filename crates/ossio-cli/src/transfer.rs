//! Streaming uploads and downloads, with a progress bar when stderr is a terminal.

use crate::ctx::Ctx;
use crate::error::CliError;
use ossio_core::ops::{GetObject, GetObjectOutput, PutObject, PutObjectOutput};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A progress bar on stderr, redrawn in place with `\r` at most ten times a second.
pub struct Progress {
    label: String,
    total: Option<u64>,
    done: u64,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    /// A bar for `total` bytes (unknown when `None`).
    pub fn new(label: impl Into<String>, total: Option<u64>) -> Self {
        Progress {
            label: label.into(),
            total,
            done: 0,
            started: Instant::now(),
            drawn: None,
        }
    }

    /// Counts `n` more bytes.
    pub fn add(&mut self, n: u64) {
        self.done += n;
        if self
            .drawn
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100))
        {
            self.draw();
        }
    }

    fn draw(&mut self) {
        self.drawn = Some(Instant::now());
        let secs = self.started.elapsed().as_secs_f64().max(0.001);
        let rate = human(self.done as f64 / secs);
        let line = match self.total {
            Some(total) if total > 0 => {
                let frac = (self.done as f64 / total as f64).min(1.0);
                let width = 30;
                let filled = (frac * width as f64).round() as usize;
                format!(
                    "\r{} [{}{}] {:>3}% {}/{} {}/s",
                    self.label,
                    "#".repeat(filled),
                    "-".repeat(width - filled),
                    (frac * 100.0).round() as u32,
                    human(self.done as f64),
                    human(total as f64),
                    rate
                )
            }
            _ => format!("\r{} {} {}/s", self.label, human(self.done as f64), rate),
        };
        let mut err = io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }

    /// Draws the final state and ends the line.
    pub fn finish(mut self) {
        self.draw();
        let _ = io::stderr().write_all(b"\n");
    }
}

/// `1.5 MiB`-style sizes.
pub fn human(n: f64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} {}", units[u])
    } else {
        format!("{v:.1} {}", units[u])
    }
}

/// A reader that advances a progress bar.
struct Counting<R> {
    inner: R,
    bar: Progress,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.add(n as u64);
        Ok(n)
    }
}

/// Uploads `op` with its body from `source` (a file, `-` for stdin, or nothing for an
/// empty object). `None` on a dry run.
pub fn upload(
    ctx: &mut Ctx,
    op: PutObject,
    source: Option<&str>,
) -> Result<Option<PutObjectOutput>, CliError> {
    match source {
        None => ctx.exec(&op),
        Some("-") => {
            // The length must be known before sending: stdin is read into memory.
            let mut body = Vec::new();
            io::stdin()
                .read_to_end(&mut body)
                .map_err(|e| CliError::local(format!("cannot read stdin: {e}")))?;
            ctx.exec(&op.bytes(body))
        }
        Some(path) => {
            let fail = |e: io::Error| CliError::local(format!("cannot read {path}: {e}"));
            let file = File::open(path).map_err(fail)?;
            let meta = file.metadata().map_err(fail)?;
            if meta.is_dir() {
                return Err(CliError::usage(format!("{path} is a directory")));
            }
            let len = meta.len();
            if ctx.dry_run_stream(&op, len, path)? {
                return Ok(None);
            }
            let show = ctx.progress();
            let client = ctx.client()?;
            let out = if show {
                // Counting the bytes needs a reader; the upload is then not retried once
                // bytes went out (the file path below is rewound and retried).
                let reader = Counting {
                    inner: io::BufReader::with_capacity(256 << 10, file),
                    bar: Progress::new(format!("upload {path}"), Some(len)),
                };
                let mut reader = reader;
                let result = client.put_object_from_reader(&op, &mut reader, len);
                reader.bar.finish();
                result?
            } else {
                drop(file);
                client.put_object_from_file(&op, path)?
            };
            Ok(Some(out))
        }
    }
}

/// The temporary name a download is written to before it is checked and renamed.
fn part_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".ossio-part");
    dest.with_file_name(name)
}

/// Downloads `op` into `dest` (`-` for stdout). The file appears only once the whole body
/// arrived and its CRC-64 matched. `None` on a dry run.
pub fn download(
    ctx: &mut Ctx,
    op: &GetObject,
    dest: &Path,
) -> Result<Option<GetObjectOutput>, CliError> {
    if ctx.dry_run(op)? {
        return Ok(None);
    }
    let show = ctx.progress();
    let label = format!("download oss://{}/{}", op.bucket, op.key);
    let client = ctx.client()?.clone();
    if dest.as_os_str() == "-" {
        let reader = client.get_object(op)?;
        let total = reader.meta().meta.content_length;
        let mut counting = Counting {
            inner: reader,
            bar: Progress::new(label, total),
        };
        let mut out = io::stdout().lock();
        let copied = if show {
            io::copy(&mut counting, &mut out)
        } else {
            io::copy(&mut counting.inner, &mut out)
        };
        if show {
            counting.bar.finish();
        }
        copied?;
        out.flush()?;
        return Ok(Some(counting.inner.into_meta()));
    }
    let part = part_path(dest);
    let result = (|| -> Result<GetObjectOutput, CliError> {
        if !show {
            return Ok(client.get_object_to_file(op, &part)?);
        }
        let reader = client.get_object(op)?;
        let total = reader.meta().meta.content_length;
        let mut counting = Counting {
            inner: reader,
            bar: Progress::new(label, total),
        };
        let mut file = io::BufWriter::with_capacity(
            256 << 10,
            File::create(&part)
                .map_err(|e| CliError::local(format!("cannot write {}: {e}", part.display())))?,
        );
        let copied = io::copy(&mut counting, &mut file);
        counting.bar.finish();
        copied?;
        file.flush()?;
        Ok(counting.inner.into_meta())
    })();
    match result {
        Ok(meta) => {
            std::fs::rename(&part, dest)
                .map_err(|e| CliError::local(format!("cannot write {}: {e}", dest.display())))?;
            Ok(Some(meta))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}
