//! A scripted HTTP/1.1 server on 127.0.0.1 for transport tests: each request takes the next
//! action of the script (then the default one), and is recorded.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Action {
    /// Answer with this status, headers and body.
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Close the connection without answering.
    Drop,
    /// Wait, then do the inner action.
    Delay(Duration, Box<Action>),
    /// Send the inner response's head and only this many body bytes, then close.
    Cut(Box<Action>, usize),
}

impl Action {
    pub fn ok() -> Action {
        Action::Respond {
            status: 200,
            headers: vec![("x-oss-request-id".into(), "ok-id".into())],
            body: Vec::new(),
        }
    }

    pub fn error(status: u16, code: &str) -> Action {
        let body = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>scripted</Message><RequestId>err-id</RequestId><HostId>127.0.0.1</HostId><EC>0000-00000000</EC></Error>"
        );
        Action::Respond {
            status,
            headers: vec![
                ("Content-Type".into(), "application/xml".into()),
                ("x-oss-request-id".into(), "err-id".into()),
            ],
            body: body.into_bytes(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Action {
        if let Action::Respond { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }

    pub fn body(mut self, bytes: Vec<u8>) -> Action {
        if let Action::Respond { body, .. } = &mut self {
            *body = bytes;
        }
        self
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body_len: u64,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .count()
    }
}

struct Shared {
    script: Mutex<Vec<Action>>,
    default: Action,
    seen: Mutex<Vec<Seen>>,
    stop: AtomicBool,
}

/// The running server; stops on drop.
pub struct Mock {
    addr: SocketAddr,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Mock {
    pub fn start(script: Vec<Action>, default: Action) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            script: Mutex::new(script),
            default,
            seen: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let s = shared.clone();
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let s = s.clone();
                std::thread::spawn(move || serve(conn, &s));
            }
        });
        Mock {
            addr,
            shared,
            thread: Some(thread),
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }

    pub fn requests(&self) -> usize {
        self.shared.seen.lock().unwrap().len()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(conn: TcpStream, s: &Shared) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut out = conn;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_owned();
        let target = parts.next().unwrap_or_default().to_owned();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_owned(), v.trim().to_owned()));
            }
        }
        let len: u64 = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let body_len =
            std::io::copy(&mut (&mut reader).take(len), &mut std::io::sink()).unwrap_or(0);
        let action = {
            let mut script = s.script.lock().unwrap();
            if script.is_empty() {
                s.default.clone()
            } else {
                script.remove(0)
            }
        };
        s.seen.lock().unwrap().push(Seen {
            method: method.clone(),
            target,
            headers,
            body_len,
        });
        if !act(&action, &method, &mut out) {
            return;
        }
    }
}

fn act(action: &Action, method: &str, out: &mut TcpStream) -> bool {
    match action {
        Action::Drop => {
            let _ = out.shutdown(Shutdown::Both);
            false
        }
        Action::Delay(d, inner) => {
            std::thread::sleep(*d);
            act(inner, method, out)
        }
        Action::Cut(inner, keep) => {
            if let Action::Respond {
                status,
                headers,
                body,
            } = &**inner
            {
                let _ = write_response(out, method, *status, headers, body, Some(*keep));
            }
            let _ = out.shutdown(Shutdown::Both);
            false
        }
        Action::Respond {
            status,
            headers,
            body,
        } => write_response(out, method, *status, headers, body, None),
    }
}

fn write_response(
    out: &mut TcpStream,
    method: &str,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    keep: Option<usize>,
) -> bool {
    {
        {
            let mut head = format!("HTTP/1.1 {status} Scripted\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            let mut bytes = head.into_bytes();
            if method != "HEAD" {
                bytes.extend_from_slice(&body[..keep.unwrap_or(body.len()).min(body.len())]);
            }
            out.write_all(&bytes).is_ok()
        }
    }
}
