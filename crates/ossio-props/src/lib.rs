//! # ossio-props
//!
//! Test support for the reliability suites of ossio: a raw HTTP/1.1 exchange over a plain
//! `TcpStream` (so a test can send a signed request byte for byte, or tamper with one byte of
//! it, without a client library normalising anything), URL splitting and memory figures.
//! The suites themselves live in `tests/`; the bodies of the fuzz targets in `fuzz/` live in
//! [`fuzzing`], so that every committed seed and crash input is replayed by `cargo test`.

pub mod fuzzing;

use ossio_core::Headers;
use ossio_core::response::{Response, service_error};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response read off the wire.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: Headers,
    /// Response body (empty for HEAD).
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The OSS error code of a non-2xx answer (from the body or `x-oss-err`), `None` for 2xx.
    pub fn code(&self) -> Option<String> {
        let r = Response::new(self.status, &self.headers, &self.body);
        (!r.is_success()).then(|| service_error(&r).code)
    }
}

/// The path and query of an absolute `http://host[:port]/...` URL.
pub fn path_and_query(url: &str) -> &str {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .unwrap_or(url);
    match rest.find('/') {
        Some(i) => &rest[i..],
        None => "/",
    }
}

/// Sends one request on a fresh connection (`Connection: close`) and reads the whole answer.
/// `target` is the path and query as they go on the request line; `headers` are written as
/// given, after `Host` and `Content-Length`.
pub fn exchange(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &Headers,
    body: &[u8],
) -> io::Result<RawResponse> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\n");
    let has_length = headers.contains("content-length");
    if !has_length {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (k, v) in headers.iter() {
        head.push_str(k);
        head.push_str(": ");
        head.push_str(v);
        head.push_str("\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    // The server may answer (and close) before reading a refused body.
    let _ = stream.write_all(&out);
    // Half-close: the request is complete. (A server that waits for more of a body it has
    // already refused then sees the end instead of waiting for the read timeout.)
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse_response(&raw, method.eq_ignore_ascii_case("HEAD"))
}

fn parse_response(raw: &[u8], is_head: bool) -> io::Result<RawResponse> {
    let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_owned());
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no complete response head"))?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let mut headers = Headers::new();
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            headers.append(k.trim(), v.trim());
        }
    }
    let body = if is_head {
        Vec::new()
    } else {
        raw[end + 4..].to_vec()
    };
    if let Some(len) = headers
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok())
    {
        if !is_head && body.len() != len {
            return Err(bad("body shorter than Content-Length"));
        }
    }
    Ok(RawResponse {
        status,
        headers,
        body,
    })
}

/// A field of `/proc/self/status` in KiB (`VmHWM` is the peak resident set, `VmRSS` the
/// current one); `None` where the file does not exist.
pub fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        let rest = l.strip_prefix(field)?.strip_prefix(':')?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() {
        assert_eq!(path_and_query("http://127.0.0.1:9/b/k?x=1"), "/b/k?x=1");
        assert_eq!(path_and_query("http://127.0.0.1:9"), "/");
    }

    #[test]
    fn parses_heads_and_bodies() {
        let r = parse_response(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 45\r\n\r\n<Error><Code>NoSuchKey</Code></Error>\n\n\n\n\n\n\n\n",
            false,
        )
        .unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.code().as_deref(), Some("NoSuchKey"));
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", false).is_err());
        assert!(proc_status_kib("VmRSS").unwrap() > 0);
    }
}
