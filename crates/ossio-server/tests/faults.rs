//! Every injected fault, and concurrent keep-alive connections.

mod common;

use common::*;
use ossio_core::ops::ListBuckets;
use ossio_core::ops::Operation;
use std::io::{BufReader, Read};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn list(s: &ossio_server::ServerHandle) -> Reply {
    send(s, &ListBuckets::new().to_request().unwrap())
}

#[test]
fn fail_next_answers_with_oss_errors_in_order() {
    let s = server();
    s.faults().fail_next(2, 503, "ServiceUnavailable");
    s.faults().fail_next(1, 500, "InternalError");
    for (status, code) in [
        (503, "ServiceUnavailable"),
        (503, "ServiceUnavailable"),
        (500, "InternalError"),
    ] {
        let r = list(&s);
        assert_eq!((r.status, r.code().as_str()), (status, code));
        assert_eq!(r.error().request_id, r.header("x-oss-request-id").unwrap());
    }
    assert_eq!(list(&s).status, 200);
    // A failed request changes nothing.
    s.faults().fail_next(1, 503, "ServiceUnavailable");
    assert_eq!(
        send(
            &s,
            &ossio_core::ops::PutBucket::new("never")
                .to_request()
                .unwrap()
        )
        .status,
        503
    );
    let buckets = list(&s).parse(&ListBuckets::new()).unwrap().buckets;
    assert!(buckets.is_empty());
}

#[test]
fn drop_next_closes_the_connection_without_a_response() {
    let s = server();
    s.faults().drop_next(1);
    let mut c = TcpStream::connect(s.addr()).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write_request(&mut c, s.addr(), "GET", "/", &[], b"").unwrap();
    let mut buf = Vec::new();
    let n = c.read_to_end(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "no bytes before the close");
    assert_eq!(s.faults().pending(), 0);
    assert_eq!(anon(&s, "GET", "/", b"").status, 403);
}

#[test]
fn truncate_next_sends_part_of_the_body_then_closes() {
    let s = server();
    create_bucket(&s, "trunc");
    let body = vec![b'z'; 10_000];
    put(&s, "trunc", "big", &body);
    s.faults().truncate_next(1);
    let req = ossio_core::ops::GetObject::new("trunc", "big")
        .to_request()
        .unwrap();
    let signed = ossio_core::Signer::new(config(&s, ossio_core::SignatureVersion::V4))
        .sign(&req, &ossio_core::Credentials::new(AK, SK), now())
        .unwrap();
    let h: Vec<(String, String)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    let h: Vec<(&str, &str)> = h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut c = TcpStream::connect(s.addr()).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write_request(&mut c, s.addr(), "GET", &target_of(&signed.url), &h, b"").unwrap();
    let mut all = Vec::new();
    c.read_to_end(&mut all).unwrap();
    let text = String::from_utf8_lossy(&all);
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"));
    assert!(head.contains("Content-Length: 10000"));
    assert!(
        !rest.is_empty() && rest.len() < 10_000,
        "{} body bytes",
        rest.len()
    );
    // The next request is whole again.
    assert_eq!(send(&s, &req).body, body);
}

#[test]
fn delay_next_waits_before_answering() {
    let s = server();
    s.faults().delay_next(1, Duration::from_millis(300));
    let t = Instant::now();
    assert_eq!(list(&s).status, 200);
    assert!(t.elapsed() >= Duration::from_millis(300));
    // A client with a shorter read timeout sees a timeout.
    s.faults().delay_next(1, Duration::from_millis(800));
    let mut c = TcpStream::connect(s.addr()).unwrap();
    c.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    write_request(&mut c, s.addr(), "GET", "/", &[], b"").unwrap();
    let mut b = [0u8; 16];
    let e = c.read(&mut b).unwrap_err();
    assert!(matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ));
}

#[test]
fn corrupt_crc_next_sends_a_wrong_checksum_once() {
    let s = server();
    create_bucket(&s, "crc");
    let body = b"checksummed".to_vec();
    put(&s, "crc", "k", &body);
    let good = ossio_core::crc64::checksum(&body).to_string();
    let get = ossio_core::ops::GetObject::new("crc", "k")
        .to_request()
        .unwrap();
    s.faults().corrupt_crc_next(1);
    let r = send(&s, &get);
    assert_eq!(r.body, body);
    assert_ne!(r.header("x-oss-hash-crc64ecma").unwrap(), good);
    assert_eq!(send(&s, &get).header("x-oss-hash-crc64ecma").unwrap(), good);
    s.faults().corrupt_crc_next(3);
    s.faults().clear();
    assert_eq!(s.faults().pending(), 0);
}

#[test]
fn keep_alive_connections_are_served_concurrently() {
    let s = server();
    let addr = s.addr();
    let threads: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                let mut c = TcpStream::connect(addr).unwrap();
                c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
                let mut r = BufReader::new(c.try_clone().unwrap());
                for _ in 0..20 {
                    write_request(&mut c, addr, "GET", "/", &[], b"").unwrap();
                    let reply = read_reply(&mut r, false).unwrap();
                    assert_eq!(reply.status, 403);
                    assert_eq!(reply.header("connection"), Some("keep-alive"));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // One slow connection does not hold up another.
    s.faults().delay_next(1, Duration::from_millis(500));
    let slow = std::thread::spawn(move || raw(addr, "GET", "/", &[], b"").unwrap().status);
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(anon(&s, "GET", "/", b"").status, 403);
    assert_eq!(slow.join().unwrap(), 403);
}
