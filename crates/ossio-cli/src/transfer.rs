//! Streaming uploads and downloads, with a progress bar when stderr is a terminal.

use crate::ctx::Ctx;
use crate::error::CliError;
use ossio::{Client, ObjectReader};
use ossio_core::Operation;
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
            let body = read_stdin()?;
            ctx.exec(&op.bytes(body))
        }
        Some(path) => upload_file(
            ctx,
            path,
            || op.to_request(),
            |c, p| c.put_object_from_file(&op, p),
            |c, r, len| c.put_object_from_reader(&op, r, len),
        ),
    }
}

/// Reads all of stdin: a body's length must be known before sending.
pub fn read_stdin() -> Result<Vec<u8>, CliError> {
    let mut body = Vec::new();
    io::stdin()
        .read_to_end(&mut body)
        .map_err(|e| CliError::local(format!("cannot read stdin: {e}")))?;
    Ok(body)
}

/// Sends a request whose body streams from the file at `path`: `request` builds it (for a
/// dry run), `from_file` sends it from the file (rewound for each retry), `from_reader`
/// from a reader that draws the progress bar. `None` on a dry run.
pub fn upload_file<T>(
    ctx: &mut Ctx,
    path: &str,
    request: impl FnOnce() -> Result<ossio_core::Request, ossio_core::Error>,
    from_file: impl FnOnce(&Client, &str) -> Result<T, ossio::Error>,
    from_reader: impl FnOnce(&Client, &mut (dyn Read + Send), u64) -> Result<T, ossio::Error>,
) -> Result<Option<T>, CliError> {
    let fail = |e: io::Error| CliError::local(format!("cannot read {path}: {e}"));
    let file = File::open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(CliError::usage(format!("{path} is a directory")));
    }
    let len = meta.len();
    if ctx.dry_run_request(request, Some((len, path)))? {
        return Ok(None);
    }
    let show = ctx.progress();
    let client = ctx.client()?;
    let out = if show {
        // Counting the bytes needs a reader; the upload is then not retried once bytes
        // went out (the file path below is rewound and retried).
        let mut reader = Counting {
            inner: io::BufReader::with_capacity(256 << 10, file),
            bar: Progress::new(format!("upload {path}"), Some(len)),
        };
        let result = from_reader(client, &mut reader, len);
        reader.bar.finish();
        result?
    } else {
        drop(file);
        from_file(client, path)?
    };
    Ok(Some(out))
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
    let label = format!("download oss://{}/{}", op.bucket, op.key);
    let out = download_with(
        ctx,
        label,
        dest,
        |c| c.get_object(op),
        Some(&|c: &Client, p: &Path| c.get_object_to_file(op, p)),
        |m| m.meta.content_length,
    )?;
    Ok(Some(out))
}

/// Writes a download straight to a file (see [`download_with`]).
pub type ToFile<'a, M> = &'a dyn Fn(&Client, &Path) -> Result<M, ossio::Error>;

/// Streams an answer into `dest` (`-` for stdout): `open` sends the request and gives the
/// body as a reader, `to_file` (when there is one) writes it straight to a file, restarting
/// when the transfer breaks, and is used when no progress bar is drawn. `length` reads the
/// size the metadata announces, for the progress bar.
pub fn download_with<M>(
    ctx: &mut Ctx,
    label: String,
    dest: &Path,
    open: impl Fn(&Client) -> Result<ObjectReader<M>, ossio::Error>,
    to_file: Option<ToFile<'_, M>>,
    length: impl Fn(&M) -> Option<u64>,
) -> Result<M, CliError> {
    let show = ctx.progress();
    let client = ctx.client()?.clone();
    // The body into `out`, through the progress bar when one is drawn.
    let copy = |out: &mut dyn Write| -> Result<M, CliError> {
        let reader = open(&client)?;
        let total = length(reader.meta());
        let mut counting = Counting {
            inner: reader,
            bar: Progress::new(label.clone(), total),
        };
        let copied = if show {
            io::copy(&mut counting, out)
        } else {
            io::copy(&mut counting.inner, out)
        };
        if show {
            counting.bar.finish();
        }
        copied?;
        out.flush()?;
        Ok(counting.inner.into_meta())
    };
    if dest.as_os_str() == "-" {
        return copy(&mut io::stdout().lock());
    }
    let part = part_path(dest);
    let result = (|| -> Result<M, CliError> {
        if let (false, Some(to_file)) = (show, to_file) {
            return Ok(to_file(&client, &part)?);
        }
        let file = File::create(&part)
            .map_err(|e| CliError::local(format!("cannot write {}: {e}", part.display())))?;
        copy(&mut io::BufWriter::with_capacity(256 << 10, file))
    })();
    match result {
        Ok(meta) => {
            std::fs::rename(&part, dest)
                .map_err(|e| CliError::local(format!("cannot write {}: {e}", dest.display())))?;
            Ok(meta)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}
