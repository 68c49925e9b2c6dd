//! End-to-end measurements of the Rust client against an `ossio-server` running in another
//! process, so the CPU time read here is the client's alone. `scripts/bench.sh` drives it.
//!
//! ```text
//! e2e setup    --endpoint URL                 create the benchmark buckets
//! e2e small    --endpoint URL [--n 10000] [--size 1024]
//!                                             CPU time per PutObject / GetObject
//! e2e upload   --endpoint URL [--mib 1024]    streaming PutObject, CRC-64 on
//! e2e download --endpoint URL                 streaming GetObject, CRC-64 on
//! e2e bare-put --endpoint URL [--mib 1024]    plain ureq PUT, no signing, no CRC (the floor)
//! e2e bare-get --endpoint URL                 plain ureq GET of that object
//! e2e fixture list-objects                    print the ListObjectsV2 page of 1,000 keys
//! ```
//!
//! Each measurement is one JSON line on stdout: `{"group", "name", "value", "unit"}`.
//! Every large transfer runs in its own process so that the peak RSS (`VmHWM`) is its own.

use ossio::ops::{GetObject, PutBucket, PutObject};
use ossio::{Acl, Client, Credentials};
use std::io::{self, Read};
use std::process::ExitCode;
use std::time::Instant;

/// Bucket the signed requests use (private).
const BUCKET: &str = "bench";
/// Bucket the bare transport floor uses: public-read-write, so no signature is needed.
const PUBLIC_BUCKET: &str = "bench-public";
const BIG_KEY: &str = "big/object.bin";
/// Clock ticks per second of `/proc/self/stat` (USER_HZ, 100 on Linux).
const TICKS_PER_SEC: f64 = 100.0;

struct Args {
    mode: String,
    endpoint: String,
    ak: String,
    sk: String,
    n: usize,
    size: usize,
    mib: u64,
    label: String,
    rest: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mode = it
        .next()
        .ok_or("usage: e2e <mode> [options]; see the source")?;
    let mut a = Args {
        mode,
        endpoint: "http://127.0.0.1:9000".into(),
        ak: "bench-ak".into(),
        sk: "bench-sk".into(),
        n: 10_000,
        size: 1024,
        mib: 1024,
        label: "ossio (Rust)".into(),
        rest: Vec::new(),
    };
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--endpoint" => a.endpoint = value()?,
            "--ak" => a.ak = value()?,
            "--sk" => a.sk = value()?,
            "--n" => a.n = value()?.parse().map_err(|e| format!("--n: {e}"))?,
            "--size" => a.size = value()?.parse().map_err(|e| format!("--size: {e}"))?,
            "--mib" => a.mib = value()?.parse().map_err(|e| format!("--mib: {e}"))?,
            "--label" => a.label = value()?,
            _ => a.rest.push(flag),
        }
    }
    Ok(a)
}

/// User plus system CPU time of this process so far, in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (tick(11) + tick(12)) / TICKS_PER_SEC
}

/// Peak resident set size of this process (`VmHWM`), in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn emit(group: &str, name: &str, value: f64, unit: &str) {
    println!(
        "{{\"group\": \"{group}\", \"name\": \"{name}\", \"value\": {value}, \"unit\": \"{unit}\"}}"
    );
}

fn client(a: &Args) -> Result<Client, ossio::Error> {
    Client::builder("cn-hangzhou")
        .endpoint(&a.endpoint)
        .credentials(Credentials::new(&a.ak, &a.sk))
        .build()
}

/// `len` bytes of a fixed pseudo-random 64 KiB pattern, produced without touching the disk.
struct Pattern {
    block: Vec<u8>,
    left: u64,
    pos: usize,
}

impl Pattern {
    fn new(len: u64) -> Self {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let block = (0..64 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        Pattern {
            block,
            left: len,
            pos: 0,
        }
    }
}

impl Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf
            .len()
            .min(self.block.len() - self.pos)
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        buf[..n].copy_from_slice(&self.block[self.pos..self.pos + n]);
        self.pos = (self.pos + n) % self.block.len();
        self.left -= n as u64;
        Ok(n)
    }
}

fn setup(a: &Args) -> Result<(), String> {
    let c = client(a).map_err(|e| e.to_string())?;
    for (bucket, acl) in [
        (BUCKET, Acl::Private),
        (PUBLIC_BUCKET, Acl::PublicReadWrite),
    ] {
        match c.send(&PutBucket::new(bucket).acl(acl)) {
            Ok(_) => {}
            Err(e) if e.code() == Some("BucketAlreadyExists") => {}
            Err(e) => return Err(format!("creating {bucket}: {e}")),
        }
    }
    Ok(())
}

fn small(a: &Args) -> Result<(), String> {
    let c = client(a).map_err(|e| e.to_string())?;
    let body = vec![b'x'; a.size];
    let key = |i: usize| format!("small/rust/{i:06}");
    // One untimed round trip opens the pooled connection.
    c.send(&PutObject::new(BUCKET, key(0)).bytes(body.clone()))
        .map_err(|e| e.to_string())?;

    let (cpu0, wall0) = (cpu_seconds(), Instant::now());
    for i in 0..a.n {
        c.send(&PutObject::new(BUCKET, key(i)).bytes(body.clone()))
            .map_err(|e| e.to_string())?;
    }
    let (cpu1, wall1) = (cpu_seconds(), Instant::now());
    let mut buf = Vec::with_capacity(a.size);
    for i in 0..a.n {
        buf.clear();
        let mut r = c
            .get_object(&GetObject::new(BUCKET, key(i)))
            .map_err(|e| e.to_string())?;
        r.read_to_end(&mut buf).map_err(|e| e.to_string())?;
        if buf.len() != a.size {
            return Err(format!("GetObject returned {} bytes", buf.len()));
        }
    }
    let (cpu2, wall2) = (cpu_seconds(), Instant::now());
    let n = a.n as f64;
    emit("e2e_put_cpu", &a.label, (cpu1 - cpu0) * 1e6 / n, "us");
    emit("e2e_get_cpu", &a.label, (cpu2 - cpu1) * 1e6 / n, "us");
    emit(
        "e2e_put_wall",
        &a.label,
        (wall1 - wall0).as_secs_f64() * 1e6 / n,
        "us",
    );
    emit(
        "e2e_get_wall",
        &a.label,
        (wall2 - wall1).as_secs_f64() * 1e6 / n,
        "us",
    );
    Ok(())
}

fn report_transfer(group: &str, name: &str, bytes: u64, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    emit(
        &format!("{group}_throughput"),
        name,
        bytes as f64 / (1024.0 * 1024.0) / secs,
        "MiB/s",
    );
    emit(&format!("{group}_peak_rss"), name, peak_rss_mib(), "MiB");
}

fn upload(a: &Args) -> Result<(), String> {
    let c = client(a).map_err(|e| e.to_string())?;
    let len = a.mib * 1024 * 1024;
    let t = Instant::now();
    let out = c
        .put_object_from_reader(&PutObject::new(BUCKET, BIG_KEY), Pattern::new(len), len)
        .map_err(|e| e.to_string())?;
    if out.crc64.is_none() {
        return Err("the server sent no x-oss-hash-crc64ecma: CRC-64 was not checked".into());
    }
    report_transfer("upload", &a.label, len, t);
    Ok(())
}

fn download(a: &Args) -> Result<(), String> {
    let c = client(a).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let mut r = c
        .get_object(&GetObject::new(BUCKET, BIG_KEY))
        .map_err(|e| e.to_string())?;
    // io::copy to a sink reads to the end, so the CRC-64 comparison at EOF runs.
    let n = io::copy(&mut r, &mut io::sink()).map_err(|e| e.to_string())?;
    report_transfer("download", &a.label, n, t);
    Ok(())
}

fn bare_url(a: &Args) -> String {
    format!(
        "{}/{PUBLIC_BUCKET}/{BIG_KEY}",
        a.endpoint.trim_end_matches('/')
    )
}

fn bare_put(a: &Args) -> Result<(), String> {
    let agent = ureq::Agent::new_with_defaults();
    let len = a.mib * 1024 * 1024;
    let mut src = Pattern::new(len);
    let t = Instant::now();
    let resp = agent
        .put(bare_url(a))
        .header("Content-Length", len.to_string())
        .send(ureq::SendBody::from_reader(&mut src))
        .map_err(|e| e.to_string())?;
    let mut body = resp.into_body();
    body.read_to_vec().map_err(|e| e.to_string())?;
    report_transfer("upload", "floor: bare ureq PUT", len, t);
    Ok(())
}

fn bare_get(a: &Args) -> Result<(), String> {
    let agent = ureq::Agent::new_with_defaults();
    let t = Instant::now();
    let resp = agent.get(bare_url(a)).call().map_err(|e| e.to_string())?;
    let n = io::copy(&mut resp.into_body().into_reader(), &mut io::sink())
        .map_err(|e| e.to_string())?;
    report_transfer("download", "floor: bare ureq GET", n, t);
    Ok(())
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|a| match a.mode.as_str() {
        "setup" => setup(&a),
        "small" => small(&a),
        "upload" => upload(&a),
        "download" => download(&a),
        "bare-put" => bare_put(&a),
        "bare-get" => bare_get(&a),
        "fixture" => match a.rest.first().map(String::as_str) {
            Some("list-objects") => {
                print!("{}", ossio_bench::list_objects_xml(1000));
                Ok(())
            }
            other => Err(format!("unknown fixture {other:?}")),
        },
        other => Err(format!("unknown mode {other:?}")),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("e2e: {e}");
            ExitCode::FAILURE
        }
    }
}
