//! Local stand-ins for the services credentials come from, on 127.0.0.1: an HTTP server
//! answering with a closure, STS (checks the RPC signature, issues short-lived
//! credentials), the ECS metadata service (IMDSv2 tokens) and a credentials URI.

#![allow(dead_code)]

use ossio_core::Credentials;
use ossio_core::credentials::{answers, rpc, sts};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// One request as the mock saw it.
#[derive(Clone, Debug, Default)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn form(&self) -> Vec<(String, String)> {
        decode(std::str::from_utf8(&self.body).unwrap_or(""))
    }

    pub fn param(&self, name: &str) -> Option<String> {
        self.query
            .iter()
            .chain(self.form().iter())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

/// An answer; `delay` is waited before answering.
#[derive(Clone, Debug)]
pub struct Resp {
    pub status: u16,
    pub body: Vec<u8>,
    pub delay: Duration,
}

impl Resp {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Resp {
        Resp {
            status,
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
}

fn decode(q: &str) -> Vec<(String, String)> {
    ossio_core::encoding::parse_query(q)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or_default()))
        .collect()
}

type Handler = dyn Fn(&Req) -> Resp + Send + Sync;

/// An HTTP/1.1 server on 127.0.0.1 answering every request with `handler`
/// (`Connection: close`); stopped when dropped.
pub struct MockHttp {
    pub addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl MockHttp {
    pub fn start(handler: impl Fn(&Req) -> Resp + Send + Sync + 'static) -> MockHttp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let s = stop.clone();
        let thread = std::thread::spawn(move || {
            while !s.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((conn, _)) => {
                        let h = handler.clone();
                        std::thread::spawn(move || serve(conn, &*h));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        MockHttp {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for MockHttp {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(conn: TcpStream, handler: &Handler) {
    conn.set_nonblocking(false).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line.is_empty() {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("/").to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.trim_end().split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let len = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let (path, q) = target.split_once('?').unwrap_or((&target, ""));
    let req = Req {
        method,
        path: path.to_owned(),
        query: decode(q),
        headers,
        body,
    };
    let resp = handler(&req);
    std::thread::sleep(resp.delay);
    let mut out = conn;
    let head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        resp.status,
        resp.body.len()
    );
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(&resp.body);
}

/// A scripted failure for the next STS call.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Answer `status` with this STS error code.
    Code(u16, &'static str),
    /// Answer only after this long.
    Delay(Duration),
}

/// What the mock STS keeps.
#[derive(Default)]
pub struct StsState {
    pub calls: usize,
    pub in_flight: usize,
    pub max_in_flight: usize,
    /// Access key id to (secret, token) of every key that may sign `AssumeRole`.
    pub keys: HashMap<String, (String, Option<String>)>,
    /// The OIDC tokens seen, in order.
    pub oidc_tokens: Vec<String>,
    /// The access key ids issued, in order.
    pub issued: Vec<String>,
    pub faults: VecDeque<Fault>,
    pub actions: Vec<String>,
}

/// A mock STS: `AssumeRole` must carry a valid RPC signature by a known key (and its
/// token), `AssumeRoleWithOIDC` a token equal to `expected_token()`; issues credentials
/// valid for `lifetime`, and calls `on_issue` with each triple.
pub struct MockSts {
    pub http: MockHttp,
    pub state: Arc<Mutex<StsState>>,
}

pub type OnIssue = Arc<dyn Fn(&Credentials) + Send + Sync>;

impl MockSts {
    pub fn start(
        lifetime: Duration,
        call_time: Duration,
        expected_token: impl Fn() -> String + Send + Sync + 'static,
        on_issue: Option<OnIssue>,
    ) -> MockSts {
        let state = Arc::new(Mutex::new(StsState::default()));
        let st = state.clone();
        let serial = AtomicUsize::new(0);
        let http = MockHttp::start(move |req| {
            {
                let mut s = st.lock().unwrap();
                s.calls += 1;
                s.in_flight += 1;
                s.max_in_flight = s.max_in_flight.max(s.in_flight);
            }
            std::thread::sleep(call_time);
            let resp = answer(
                &st,
                req,
                lifetime,
                &expected_token,
                &serial,
                on_issue.as_ref(),
            );
            st.lock().unwrap().in_flight -= 1;
            resp
        });
        MockSts { http, state }
    }

    pub fn allow_key(&self, ak: &str, sk: &str) {
        self.state
            .lock()
            .unwrap()
            .keys
            .insert(ak.into(), (sk.into(), None));
    }

    pub fn fault(&self, f: Fault) {
        self.state.lock().unwrap().faults.push_back(f);
    }

    pub fn calls(&self) -> usize {
        self.state.lock().unwrap().calls
    }

    pub fn url(&self) -> String {
        self.http.url()
    }
}

fn err(status: u16, code: &str, msg: &str) -> Resp {
    Resp::new(status, sts::error_body("mock-req", code, msg))
}

fn answer(
    st: &Mutex<StsState>,
    req: &Req,
    lifetime: Duration,
    expected_token: &dyn Fn() -> String,
    serial: &AtomicUsize,
    on_issue: Option<&OnIssue>,
) -> Resp {
    let fault = st.lock().unwrap().faults.pop_front();
    let mut delay = Duration::ZERO;
    match fault {
        Some(Fault::Code(status, code)) => return err(status, code, "scripted failure"),
        Some(Fault::Delay(d)) => delay = d,
        None => {}
    }
    if req.method != "POST"
        || req.header("content-type") != Some("application/x-www-form-urlencoded")
    {
        return err(400, "InvalidParameter", "expected a form POST");
    }
    let action = req.param("Action").unwrap_or_default();
    if req.param("Version").as_deref() != Some("2015-04-01")
        || req.param("Format").as_deref() != Some("JSON")
    {
        return err(400, "InvalidParameter", "Version and Format");
    }
    let mut s = st.lock().unwrap();
    s.actions.push(action.clone());
    match action.as_str() {
        "AssumeRole" => {
            let ak = req.param("AccessKeyId").unwrap_or_default();
            let Some((secret, token)) = s.keys.get(&ak).cloned() else {
                return err(
                    404,
                    "InvalidAccessKeyId.NotFound",
                    "Specified access key is not found.",
                );
            };
            if token.is_some() && req.param("SecurityToken") != token {
                return err(
                    400,
                    "InvalidSecurityToken.MismatchWithAccessKey",
                    "token mismatch",
                );
            }
            let sig = req.param("Signature").unwrap_or_default();
            let mut all: Vec<(String, String)> = req
                .query
                .iter()
                .chain(req.form().iter())
                .filter(|(k, _)| k != "Signature")
                .cloned()
                .collect();
            all.sort();
            if rpc::signature("POST", &all, &secret) != sig {
                return err(
                    400,
                    "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation.",
                );
            }
            if req
                .param("RoleArn")
                .is_none_or(|r| !r.starts_with("acs:ram::"))
            {
                return err(
                    400,
                    "InvalidParameter.RoleArn",
                    "The parameter RoleArn is wrongly formed.",
                );
            }
        }
        "AssumeRoleWithOIDC" => {
            let token = req.param("OIDCToken").unwrap_or_default();
            s.oidc_tokens.push(token.clone());
            if req.param("Signature").is_some() {
                return err(400, "InvalidParameter", "OIDC requests are not signed");
            }
            if token != expected_token() {
                return err(
                    400,
                    "AuthenticationFail.OIDCToken.Invalid",
                    "the OIDC token is invalid or expired",
                );
            }
        }
        _ => return err(400, "InvalidAction.NotFound", "unknown action"),
    }
    let n = serial.fetch_add(1, Ordering::SeqCst) + 1;
    let creds = Credentials::new(format!("STS.issued{n}"), format!("issued-secret-{n}"))
        .with_security_token(format!("issued-token-{n}"));
    s.keys.insert(
        creds.access_key_id().into(),
        (
            format!("issued-secret-{n}"),
            Some(format!("issued-token-{n}")),
        ),
    );
    s.issued.push(creds.access_key_id().into());
    drop(s);
    if let Some(f) = on_issue {
        f(&creds);
    }
    let expires = ossio_core::time::unix_seconds(SystemTime::now() + lifetime);
    let mut r = Resp::new(200, sts::success_body("mock-req", &creds, expires));
    r.delay = delay;
    r
}

/// How the mock metadata service treats IMDSv2 session tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imds {
    /// Issues tokens and requires them.
    V2Required,
    /// Refuses the token request (403): only IMDSv1 works.
    V1Only,
}

/// What the metadata mock counts.
#[derive(Default, Debug)]
pub struct MetaState {
    pub token_requests: usize,
    pub credential_requests: usize,
    pub role_requests: usize,
    pub ttl_headers: Vec<String>,
}

/// A mock ECS metadata service for role `role`, issuing credentials valid for `lifetime`.
pub struct MockMetadata {
    pub http: MockHttp,
    pub state: Arc<Mutex<MetaState>>,
}

impl MockMetadata {
    pub fn start(mode: Imds, role: &'static str, lifetime: Duration) -> MockMetadata {
        let state = Arc::new(Mutex::new(MetaState::default()));
        let st = state.clone();
        let serial = AtomicUsize::new(0);
        let http = MockHttp::start(move |req| {
            let mut s = st.lock().unwrap();
            if req.path == "/latest/api/token" {
                s.token_requests += 1;
                if req.method != "PUT" {
                    return Resp::new(405, "");
                }
                s.ttl_headers.push(
                    req.header("X-aliyun-ecs-metadata-token-ttl-seconds")
                        .unwrap_or("")
                        .into(),
                );
                return match mode {
                    Imds::V2Required => Resp::new(200, "imds-session-token"),
                    Imds::V1Only => Resp::new(403, "Forbidden"),
                };
            }
            if mode == Imds::V2Required
                && req.header("X-aliyun-ecs-metadata-token") != Some("imds-session-token")
            {
                return Resp::new(401, "Unauthorized");
            }
            let base = "/latest/meta-data/ram/security-credentials/";
            match req.path.strip_prefix(base) {
                Some("") => {
                    s.role_requests += 1;
                    Resp::new(200, role)
                }
                Some(r) if r == role => {
                    s.credential_requests += 1;
                    let n = serial.fetch_add(1, Ordering::SeqCst) + 1;
                    let c = Credentials::new(format!("STS.ecs{n}"), format!("ecs-secret-{n}"))
                        .with_security_token(format!("ecs-token-{n}"));
                    let exp = ossio_core::time::unix_seconds(SystemTime::now() + lifetime);
                    // The metadata service answers in the credentials URI's shape plus Code.
                    Resp::new(200, answers::uri_body(&c, exp))
                }
                _ => Resp::new(404, "Not Found"),
            }
        });
        MockMetadata { http, state }
    }
}

/// A mock credentials URI issuing credentials valid for `lifetime`; counts calls.
pub fn mock_uri(lifetime: Duration) -> (MockHttp, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let http = MockHttp::start(move |req| {
        if req.path != "/credentials" {
            return Resp::new(404, "");
        }
        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
        let creds = Credentials::new(format!("STS.uri{n}"), format!("uri-secret-{n}"))
            .with_security_token(format!("uri-token-{n}"));
        let exp = ossio_core::time::unix_seconds(SystemTime::now() + lifetime);
        Resp::new(200, answers::uri_body(&creds, exp))
    });
    (http, calls)
}

/// A free port on 127.0.0.1 that nothing listens on: a service that is absent.
pub fn closed_port() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}
