//! Test helpers: a raw HTTP/1.1 client over `TcpStream` and requests signed by the core.
#![allow(dead_code)]

use ossio_core::ops::Operation;
use ossio_core::response::service_error;
use ossio_core::{
    Config, Credentials, Error, Headers, Method, Request, ServiceError, SignatureVersion, Signer,
};
use ossio_server::{ServerConfig, ServerHandle, start};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, SystemTime};

pub const AK: &str = ossio_server::DEFAULT_ACCESS_KEY_ID;
pub const SK: &str = ossio_server::DEFAULT_ACCESS_KEY_SECRET;

/// A response as read off the wire.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Headers,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)
    }

    /// The OSS error this reply carries.
    pub fn error(&self) -> ServiceError {
        service_error(&ossio_core::Response::new(
            self.status,
            &self.headers,
            &self.body,
        ))
    }

    pub fn code(&self) -> String {
        self.error().code
    }

    /// Parses the reply with `op`'s own response parser.
    pub fn parse<O: Operation>(&self, op: &O) -> Result<O::Output, Error> {
        op.parse_response(&ossio_core::Response::new(
            self.status,
            &self.headers,
            &self.body,
        ))
    }
}

pub fn server() -> ServerHandle {
    start(ServerConfig::new()).expect("server starts")
}

/// Reads one response from `r`; `Err` if the connection closes early.
pub fn read_reply(r: &mut BufReader<TcpStream>, head_request: bool) -> std::io::Result<Reply> {
    let mut line = String::new();
    if r.read_line(&mut line)? == 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "closed before the status line",
        ));
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut headers = Headers::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "closed inside the head",
            ));
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.append(k.trim(), v.trim());
        }
    }
    let chunked = headers
        .get("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if chunked && !head_request {
        let mut body = Vec::new();
        loop {
            let mut size = String::new();
            r.read_line(&mut size)?;
            let n = usize::from_str_radix(size.trim(), 16)
                .map_err(|_| std::io::Error::other(format!("bad chunk size {size:?}")))?;
            let mut chunk = vec![0u8; n + 2];
            r.read_exact(&mut chunk)?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
        return Ok(Reply {
            status,
            headers,
            body,
        });
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![
        0u8;
        if head_request || status == 204 || status == 304 {
            0
        } else {
            len
        }
    ];
    r.read_exact(&mut body)?;
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// Sends one request on a new connection.
pub fn raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Reply> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write_request(&mut s, addr, method, target, headers, body)?;
    let mut r = BufReader::new(s);
    read_reply(&mut r, method == "HEAD")
}

pub fn write_request(
    s: &mut TcpStream,
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut req = format!("{method} {target} HTTP/1.1\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    s.write_all(req.as_bytes())?;
    s.write_all(body)?;
    s.flush()
}

pub fn now() -> SystemTime {
    SystemTime::now()
}

pub fn config(server: &ServerHandle, v: SignatureVersion) -> Config {
    Config::new(server.region())
        .unwrap()
        .with_endpoint(&server.endpoint())
        .unwrap()
        .with_signature_version(v)
}

/// The path and query of a URL.
pub fn target_of(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, r)| r);
    after
        .find('/')
        .map_or("/".into(), |i| after[i..].to_owned())
}

/// Signs `req` with `creds` at `at` and sends it.
pub fn send_signed_at(
    server: &ServerHandle,
    req: &Request,
    creds: &Credentials,
    v: SignatureVersion,
    at: SystemTime,
) -> Reply {
    let signed = Signer::new(config(server, v)).sign(req, creds, at).unwrap();
    let body = req.body.as_bytes().unwrap_or(&[]).to_vec();
    send_signed(server, req.method.as_str(), &signed, &body)
}

/// Writes a signed request (its headers and the path of its URL) on a new connection.
pub fn send_signed(
    server: &ServerHandle,
    method: &str,
    signed: &ossio_core::SignedRequest,
    body: &[u8],
) -> Reply {
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write_signed(&mut s, server.addr(), method, signed, body).unwrap();
    read_reply(&mut BufReader::new(s), method == "HEAD").unwrap()
}

/// Writes a signed request on an open connection.
pub fn write_signed(
    s: &mut TcpStream,
    addr: SocketAddr,
    method: &str,
    signed: &ossio_core::SignedRequest,
    body: &[u8],
) -> std::io::Result<()> {
    let headers: Vec<(&str, &str)> = signed.headers.iter().collect();
    write_request(s, addr, method, &target_of(&signed.url), &headers, body)
}

pub fn send_as(
    server: &ServerHandle,
    req: &Request,
    creds: &Credentials,
    v: SignatureVersion,
) -> Reply {
    send_signed_at(server, req, creds, v, now())
}

/// Signs with the default key (V4) and sends.
pub fn send(server: &ServerHandle, req: &Request) -> Reply {
    send_as(server, req, &Credentials::new(AK, SK), SignatureVersion::V4)
}

/// Runs `op` signed with the default key (V4).
pub fn call<O: Operation>(server: &ServerHandle, op: &O) -> Result<O::Output, Error> {
    send(server, &op.to_request().unwrap()).parse(op)
}

/// Runs `op` with signature version `v`.
pub fn call_v<O: Operation>(
    server: &ServerHandle,
    op: &O,
    v: SignatureVersion,
) -> Result<O::Output, Error> {
    send_as(
        server,
        &op.to_request().unwrap(),
        &Credentials::new(AK, SK),
        v,
    )
    .parse(op)
}

/// An anonymous request (no signature) on a path-style target.
pub fn anon(server: &ServerHandle, method: &str, target: &str, body: &[u8]) -> Reply {
    raw(server.addr(), method, target, &[], body).unwrap()
}

pub fn create_bucket(server: &ServerHandle, name: &str) {
    call(server, &ossio_core::ops::PutBucket::new(name)).expect("bucket created");
}

pub fn put(server: &ServerHandle, bucket: &str, key: &str, body: &[u8]) -> Reply {
    let req = Request::new(Method::Put)
        .bucket(bucket)
        .key(key)
        .body(ossio_core::Body::Bytes(body.to_vec()));
    let r = send(server, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    r
}

/// Sends a V1-signed request built by hand (for input the core refuses to build).
pub fn send_v1_raw(
    server: &ServerHandle,
    method: &str,
    target: &str,
    resource: &str,
    body: &[u8],
) -> Reply {
    use ossio_core::signer::v1;
    let date = ossio_core::time::rfc1123(ossio_core::time::unix_seconds(now()));
    let mut h = Headers::new();
    h.insert("Date", date.as_str());
    let sts = v1::string_to_sign(method, &h, &date, resource);
    let auth = format!("OSS {AK}:{}", v1::signature(SK, &sts));
    raw(
        server.addr(),
        method,
        target,
        &[("Date", &date), ("Authorization", &auth)],
        body,
    )
    .unwrap()
}
