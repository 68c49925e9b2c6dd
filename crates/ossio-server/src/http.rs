//! A small HTTP/1.1 server: one thread per connection, keep-alive, `Content-Length` and
//! chunked request bodies, `Expect: 100-continue`.
//!
//! Requests are parsed with `httparse`. The connection loop is our own because the fault
//! injection needs to close a keep-alive socket mid-response, which the HTTP server crates
//! that fit a blocking design (tiny_http) cannot do: they keep the socket open until the
//! client asks for `Connection: close`.

use ossio_core::Headers;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Longest request head (request line and headers) accepted.
pub(crate) const MAX_HEAD_BYTES: usize = 64 * 1024;
/// Bodies up to this size are read before the handler runs, so a body that never comes is
/// refused before anything changes.
const READ_AHEAD_BYTES: u64 = 1 << 20;
/// How long a kept-alive connection may wait for its next request.
const IDLE_TIMEOUT: Duration = Duration::from_secs(120);

/// Time limits of a connection.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeouts {
    /// Longest wait for the next bytes of a request head or body.
    pub body: Duration,
}
const MAX_HEADERS: usize = 128;

/// A parsed request head.
pub(crate) struct RequestHead {
    pub method: String,
    pub target: String,
    pub headers: Headers,
    pub keep_alive: bool,
}

/// How the request body is framed.
enum Framing {
    Length(u64),
    /// A small body read ahead of the handler: (bytes, position).
    Memory(Vec<u8>, usize),
    Chunked {
        remaining: u64,
        done: bool,
    },
}

/// Reads the request body, whatever its framing; yields EOF at its end.
pub(crate) struct BodyReader<'a> {
    inner: &'a mut BufReader<TcpStream>,
    framing: Framing,
    /// Bytes read so far.
    pub read: u64,
    failed: bool,
}

impl BodyReader<'_> {
    /// The declared length, when the body is not chunked.
    pub fn declared_len(&self) -> Option<u64> {
        match self.framing {
            Framing::Length(n) => Some(n + self.read),
            Framing::Memory(ref b, _) => Some(b.len() as u64),
            Framing::Chunked { .. } => None,
        }
    }

    /// Whether the whole body has been consumed.
    fn finished(&self) -> bool {
        match self.framing {
            Framing::Length(n) => n == 0,
            Framing::Memory(ref b, pos) => pos == b.len(),
            Framing::Chunked { done, .. } => done,
        }
    }

    /// Reads and discards up to `limit` remaining bytes; true if the body ended.
    fn drain(&mut self, limit: u64) -> bool {
        // A body announced longer than the limit is not worth waiting for: close instead.
        if let Framing::Length(n) = self.framing {
            if n > limit {
                return false;
            }
        }
        let mut buf = [0u8; 16 * 1024];
        let mut total = 0u64;
        while total <= limit {
            match self.read(&mut buf) {
                Ok(0) => return self.finished() && !self.failed,
                Ok(n) => total += n as u64,
                Err(_) => return false,
            }
        }
        false
    }

    fn read_chunk_size(&mut self) -> io::Result<u64> {
        let mut line = String::new();
        let n = (&mut *self.inner).take(1024).read_line(&mut line)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "chunked body cut short",
            ));
        }
        let size = line.trim().split(';').next().unwrap_or("").trim();
        u64::from_str_radix(size, 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))
    }
}

impl Read for BodyReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let r = self.read_inner(buf);
        if r.is_err() {
            self.failed = true;
        }
        r
    }
}

impl BodyReader<'_> {
    fn read_inner(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.framing {
            Framing::Memory(b, pos) => {
                let n = (b.len() - *pos).min(buf.len());
                buf[..n].copy_from_slice(&b[*pos..*pos + n]);
                *pos += n;
                self.read += n as u64;
                Ok(n)
            }
            Framing::Length(0) => Ok(0),
            Framing::Length(n) => {
                let want = (*n).min(buf.len() as u64) as usize;
                let got = self.inner.read(&mut buf[..want])?;
                if got == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "body cut short",
                    ));
                }
                *n -= got as u64;
                self.read += got as u64;
                Ok(got)
            }
            Framing::Chunked { done: true, .. } => Ok(0),
            Framing::Chunked { remaining, .. } if *remaining > 0 => {
                let want = (*remaining).min(buf.len() as u64) as usize;
                let got = self.inner.read(&mut buf[..want])?;
                if got == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "body cut short",
                    ));
                }
                if let Framing::Chunked { remaining, .. } = &mut self.framing {
                    *remaining -= got as u64;
                    if *remaining == 0 {
                        let mut crlf = [0u8; 2];
                        self.inner.read_exact(&mut crlf)?;
                    }
                }
                self.read += got as u64;
                Ok(got)
            }
            Framing::Chunked { .. } => {
                let size = self.read_chunk_size()?;
                if size == 0 {
                    // Trailers, up to the empty line.
                    loop {
                        let mut line = String::new();
                        let n = (&mut *self.inner).take(8192).read_line(&mut line)?;
                        if n == 0 || line.trim().is_empty() {
                            break;
                        }
                    }
                    self.framing = Framing::Chunked {
                        remaining: 0,
                        done: true,
                    };
                    return Ok(0);
                }
                self.framing = Framing::Chunked {
                    remaining: size,
                    done: false,
                };
                self.read_inner(buf)
            }
        }
    }
}

/// A response body.
pub(crate) enum ResponseBody {
    /// Bytes in memory.
    Bytes(Vec<u8>),
    /// A slice of shared bytes.
    Shared(Arc<Vec<u8>>, u64, u64),
    /// A range of a file: (file, start, length).
    File(std::fs::File, u64, u64),
    /// Bytes of unknown length (an answer compressed on the fly), sent chunked.
    Stream(Box<dyn Read + Send>),
}

impl ResponseBody {
    pub fn len(&self) -> u64 {
        match self {
            ResponseBody::Bytes(b) => b.len() as u64,
            ResponseBody::Shared(_, _, len) | ResponseBody::File(_, _, len) => *len,
            ResponseBody::Stream(_) => 0,
        }
    }

    /// A reader over the body's bytes.
    pub fn into_reader(self) -> io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            ResponseBody::Bytes(b) => Box::new(io::Cursor::new(b)),
            ResponseBody::Shared(b, start, len) => {
                let mut c = io::Cursor::new(SharedSlice(b));
                c.set_position(start);
                Box::new(c.take(len))
            }
            ResponseBody::File(mut f, start, len) => {
                use std::io::Seek;
                f.seek(io::SeekFrom::Start(start))?;
                Box::new(f.take(len))
            }
            ResponseBody::Stream(r) => r,
        })
    }

    fn is_stream(&self) -> bool {
        matches!(self, ResponseBody::Stream(_))
    }

    /// Writes up to `limit` bytes of the body.
    fn write_to(self, w: &mut dyn Write, limit: u64) -> io::Result<()> {
        match self {
            ResponseBody::Bytes(b) => w.write_all(&b[..(limit.min(b.len() as u64) as usize)]),
            ResponseBody::Shared(b, start, len) => {
                let end = start + len.min(limit);
                w.write_all(&b[start as usize..end as usize])
            }
            ResponseBody::File(mut f, start, len) => {
                use std::io::Seek;
                f.seek(io::SeekFrom::Start(start))?;
                io::copy(&mut f.take(len.min(limit)), w).map(|_| ())
            }
            ResponseBody::Stream(mut r) => write_chunked(&mut r, w, limit),
        }
    }
}

/// Shared bytes as `AsRef<[u8]>`, for a cursor.
struct SharedSlice(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedSlice {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Writes `r` with chunked transfer coding; stops without the last chunk once `limit`
/// bytes were written (a truncated answer).
fn write_chunked(r: &mut dyn Read, w: &mut dyn Write, limit: u64) -> io::Result<()> {
    let mut buf = vec![0u8; 32 * 1024];
    let mut sent = 0u64;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return w.write_all(b"0\r\n\r\n");
        }
        let n = n.min((limit - sent).try_into().unwrap_or(usize::MAX));
        write!(w, "{n:x}\r\n")?;
        w.write_all(&buf[..n])?;
        w.write_all(b"\r\n")?;
        sent += n as u64;
        if sent >= limit {
            return Ok(());
        }
    }
}

/// A response to write.
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: ResponseBody,
    /// For HEAD: the length to announce without sending a body.
    pub head_length: Option<u64>,
}

impl Response {
    pub fn new(status: u16) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: ResponseBody::Bytes(Vec::new()),
            head_length: None,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.set_header(name, value);
        self
    }

    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.into()));
    }

    pub fn get_header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn body(mut self, body: ResponseBody) -> Self {
        self.body = body;
        self
    }
}

/// What to do with a response on the wire (faults act here).
pub(crate) enum Delivery {
    /// Send it whole.
    Normal,
    /// Close the connection without sending anything.
    Drop,
    /// Send the headers and part of the body, then close.
    Truncate,
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        206 => "Partial Content",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Writes `resp`; returns whether the connection may be reused.
fn write_response(
    stream: &mut TcpStream,
    resp: Response,
    is_head: bool,
    keep_alive: bool,
    delivery: Delivery,
) -> io::Result<bool> {
    if matches!(delivery, Delivery::Drop) {
        return Ok(false);
    }
    let no_body = is_head || resp.status == 204 || resp.status == 304;
    let body_len = resp.body.len();
    let announced = if is_head {
        resp.head_length.unwrap_or(body_len)
    } else {
        body_len
    };
    let mut head = format!("HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status));
    for (k, v) in &resp.headers {
        head.push_str(k);
        head.push_str(": ");
        head.push_str(v);
        head.push_str("\r\n");
    }
    let chunked = !no_body && resp.body.is_stream();
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n");
    } else if resp.status != 204 && resp.status != 304 {
        head.push_str(&format!("Content-Length: {announced}\r\n"));
    }
    let truncate = matches!(delivery, Delivery::Truncate);
    head.push_str(if keep_alive && !truncate {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    let mut w = io::BufWriter::with_capacity(64 * 1024, &mut *stream);
    if truncate {
        if chunked {
            w.write_all(head.as_bytes())?;
            resp.body.write_to(&mut w, 1024)?;
        } else if no_body || body_len == 0 {
            // Nothing to cut: stop inside the head instead.
            w.write_all(&head.as_bytes()[..head.len() / 2])?;
        } else {
            w.write_all(head.as_bytes())?;
            resp.body.write_to(&mut w, body_len / 2)?;
        }
        w.flush()?;
        return Ok(false);
    }
    w.write_all(head.as_bytes())?;
    if !no_body {
        resp.body.write_to(&mut w, u64::MAX)?;
    }
    w.flush()?;
    Ok(keep_alive)
}

/// Handles one request: gets the head and the body reader, returns the response and how to
/// deliver it.
pub(crate) trait Handler: Send + Sync + 'static {
    fn handle(
        &self,
        head: &RequestHead,
        body: &mut BodyReader<'_>,
        peer: SocketAddr,
    ) -> (Response, Delivery);
    /// A response for a request that could not be parsed.
    fn bad_request(&self, status: u16, code: &str, message: &str) -> Response;
}

/// The listening server; stops on [`HttpServer::stop`].
pub(crate) struct HttpServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<(u64, TcpStream)>>>,
    accept: Option<JoinHandle<()>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl HttpServer {
    pub fn start(
        addr: SocketAddr,
        handler: Arc<dyn Handler>,
        timeouts: Timeouts,
    ) -> io::Result<HttpServer> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<Vec<(u64, TcpStream)>>> = Arc::default();
        let workers: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let ids = Arc::new(AtomicU64::new(0));
        let accept = {
            let (stop, conns, workers) = (stop.clone(), conns.clone(), workers.clone());
            std::thread::Builder::new()
                .name("ossio-server-accept".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let _ = stream.set_nodelay(true);
                        let id = ids.fetch_add(1, Ordering::SeqCst);
                        if let Ok(clone) = stream.try_clone() {
                            lock(&conns).push((id, clone));
                        }
                        let (handler, conns2) = (handler.clone(), conns.clone());
                        let spawned = std::thread::Builder::new()
                            .name("ossio-server-conn".into())
                            .spawn(move || {
                                serve_connection(stream, &*handler, timeouts);
                                lock(&conns2).retain(|(i, _)| *i != id);
                            });
                        if let Ok(h) = spawned {
                            let mut w = lock(&workers);
                            w.retain(|h| !h.is_finished());
                            w.push(h);
                        }
                    }
                })?
        };
        Ok(HttpServer {
            addr,
            stop,
            conns,
            accept: Some(accept),
            workers,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, closes every connection and joins every thread.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
        for (_, s) in lock(&self.conns).drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
        let workers: Vec<_> = lock(&self.workers).drain(..).collect();
        for h in workers {
            let _ = h.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Reads a request head (up to the empty line); `Ok(None)` on a clean EOF.
fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(1024);
    loop {
        let avail = reader.fill_buf()?;
        if avail.is_empty() {
            return if buf.is_empty() {
                Ok(None)
            } else {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "head cut short",
                ))
            };
        }
        // Find the end of the head in the new bytes, allowing it to straddle reads.
        let start = buf.len().saturating_sub(3);
        let take = avail.len();
        buf.extend_from_slice(avail);
        if let Some(pos) = find_head_end(&buf[start..]) {
            let end = start + pos;
            let consumed = take - (buf.len() - end);
            reader.consume(consumed);
            buf.truncate(end);
            return Ok(Some(buf));
        }
        reader.consume(take);
        if buf.len() > MAX_HEAD_BYTES {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "head too large"));
        }
    }
}

fn find_head_end(b: &[u8]) -> Option<usize> {
    b.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4)
}

enum HeadError {
    TooLarge,
    Bad(String),
}

fn parse_head(raw: &[u8]) -> Result<(RequestHead, Option<u64>, bool, bool), HeadError> {
    let mut hs = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut hs);
    match req.parse(raw) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(HeadError::Bad("incomplete head".into())),
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(e) => return Err(HeadError::Bad(e.to_string())),
    }
    let method = req.method.unwrap_or("GET").to_owned();
    let target = req.path.unwrap_or("/").to_owned();
    let http10 = req.version == Some(0);
    let mut headers = Headers::new();
    let mut length = None;
    let mut chunked = false;
    let mut close = http10;
    let mut expect_continue = false;
    for h in req.headers.iter() {
        let value = String::from_utf8_lossy(h.value).trim().to_owned();
        if h.name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<u64>()
                    .map_err(|_| HeadError::Bad("bad Content-Length".into()))?,
            );
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if h.name.eq_ignore_ascii_case("connection") {
            let v = value.to_ascii_lowercase();
            if v.contains("close") {
                close = true;
            } else if v.contains("keep-alive") {
                close = false;
            }
        } else if h.name.eq_ignore_ascii_case("expect") {
            expect_continue = value.eq_ignore_ascii_case("100-continue");
        }
        headers.append(h.name, value);
    }
    let head = RequestHead {
        method,
        target,
        headers,
        keep_alive: !close,
    };
    Ok((
        head,
        if chunked { None } else { length.or(Some(0)) },
        chunked,
        expect_continue,
    ))
}

/// Reads exactly `n` body bytes, or fails (timeout, cut short).
fn read_ahead(reader: &mut BufReader<TcpStream>, n: u64) -> io::Result<Vec<u8>> {
    let mut data = vec![0u8; n as usize];
    reader.read_exact(&mut data)?;
    Ok(data)
}

fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn serve_connection(stream: TcpStream, handler: &dyn Handler, timeouts: Timeouts) {
    let Ok(peer) = stream.peer_addr() else { return };
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    // A client that stops reading an answer does not hold the thread forever either.
    let _ = writer.set_write_timeout(Some(IDLE_TIMEOUT));
    let mut reader = BufReader::with_capacity(64 * 1024, stream);
    loop {
        // No thread waits forever: an idle kept-alive connection is closed after a while,
        // a request whose bytes stop coming after the body timeout.
        let _ = reader.get_ref().set_read_timeout(Some(IDLE_TIMEOUT));
        let raw = match read_head(&mut reader) {
            Ok(Some(raw)) => raw,
            Ok(None) => break,
            Err(e) => {
                if e.kind() == io::ErrorKind::InvalidData {
                    let resp =
                        handler.bad_request(431, "InvalidArgument", "request head too large");
                    let _ = write_response(&mut writer, resp, false, false, Delivery::Normal);
                }
                break;
            }
        };
        let (head, length, chunked, expect_continue) = match parse_head(&raw) {
            Ok(p) => p,
            Err(e) => {
                let resp = match e {
                    HeadError::TooLarge => {
                        handler.bad_request(431, "InvalidArgument", "too many request headers")
                    }
                    HeadError::Bad(m) => handler.bad_request(400, "InvalidArgument", &m),
                };
                let _ = write_response(&mut writer, resp, false, false, Delivery::Normal);
                break;
            }
        };
        if expect_continue && writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err() {
            break;
        }
        let _ = reader.get_ref().set_read_timeout(Some(timeouts.body));
        let framing = match length {
            _ if chunked => Framing::Chunked {
                remaining: 0,
                done: false,
            },
            Some(n) if n > 0 && n <= READ_AHEAD_BYTES => match read_ahead(&mut reader, n) {
                Ok(data) => Framing::Memory(data, 0),
                Err(e) => {
                    let resp = if timed_out(&e) {
                        handler.bad_request(
                            400,
                            "RequestTimeout",
                            "Your socket connection to the server was not read from or written to within the timeout period.",
                        )
                    } else {
                        handler.bad_request(
                            400,
                            "IncompleteBody",
                            "The request body was cut short.",
                        )
                    };
                    let _ = write_response(&mut writer, resp, false, false, Delivery::Normal);
                    break;
                }
            },
            n => Framing::Length(n.unwrap_or(0)),
        };
        let mut body = BodyReader {
            inner: &mut reader,
            framing,
            read: 0,
            failed: false,
        };
        // A bug in a handler must cost one 500 answer, not the connection thread (and with
        // it a socket nobody closes).
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handler.handle(&head, &mut body, peer)
        }));
        let (resp, delivery, panicked) = match handled {
            Ok((resp, delivery)) => (resp, delivery, false),
            Err(_) => (
                handler.bad_request(500, "InternalError", "internal error"),
                Delivery::Normal,
                true,
            ),
        };
        // Keep the connection only if the rest of the body is small enough to skip.
        let body_done = !panicked && !body.failed && (body.finished() || body.drain(1 << 20));
        let is_head = head.method.eq_ignore_ascii_case("HEAD");
        let keep = head.keep_alive && body_done;
        match write_response(&mut writer, resp, is_head, keep, delivery) {
            Ok(true) => {}
            _ => break,
        }
    }
    let _ = writer.shutdown(Shutdown::Both);
}
