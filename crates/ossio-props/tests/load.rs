//! Many threads sharing one client against one `ossio-server`: every operation succeeds and
//! the resident set stays flat. 8 threads x 200 mixed operations in the default run;
//! `OSSIO_LOAD_FULL=1 cargo test -p ossio-props --release --test load -- --ignored --nocapture`
//! runs the full 32 x 5000 (or `OSSIO_LOAD_THREADS` x `OSSIO_LOAD_OPS`).

use ossio::ops::*;
use ossio::{Client, Credentials, RetryPolicy};
use ossio_props::proc_status_kib;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const BUCKET: &str = "load-bucket";

fn body(thread: usize, i: usize) -> Vec<u8> {
    let len = 1 + (thread * 7919 + i * 104_729) % 16_384;
    (0..len)
        .map(|j| (j as u8) ^ (thread as u8) ^ (i as u8))
        .collect()
}

struct Figures {
    ops: usize,
    hwm_start: u64,
    rss_start: u64,
    hwm_mid: u64,
    hwm_end: u64,
    rss_end: u64,
}

fn run(threads: usize, ops_per_thread: usize) -> Figures {
    let server = ossio_server::start(ossio_server::ServerConfig::new()).unwrap();
    let client = Client::builder(server.region())
        .endpoint(&server.endpoint())
        .credentials(Credentials::new(
            ossio_server::DEFAULT_ACCESS_KEY_ID,
            ossio_server::DEFAULT_ACCESS_KEY_SECRET,
        ))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(10)))
        .build()
        .unwrap();
    client.put_bucket(&PutBucket::new(BUCKET)).unwrap();
    let hwm_start = proc_status_kib("VmHWM").unwrap_or(0);
    let rss_start = proc_status_kib("VmRSS").unwrap_or(0);
    let done = Arc::new(AtomicUsize::new(0));
    let hwm_mid = Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let c = client.clone();
            let done = done.clone();
            let hwm_mid = hwm_mid.clone();
            std::thread::spawn(move || {
                for i in 0..ops_per_thread {
                    // Keys cycle through a window so the store stays bounded.
                    let key = format!("t{t}/k{}", (i / 6) % 20);
                    match i % 6 {
                        0 | 3 => {
                            c.put_object(
                                &PutObject::new(BUCKET, &key)
                                    .bytes(body(t, i))
                                    .meta("n", i.to_string()),
                            )
                            .unwrap_or_else(|e| panic!("put {key}: {e}"));
                        }
                        1 => {
                            let mut got = Vec::new();
                            c.get_object(&GetObject::new(BUCKET, &key))
                                .unwrap_or_else(|e| panic!("get {key}: {e}"))
                                .read_to_end(&mut got)
                                .unwrap();
                            let expected = body(t, i - 1);
                            assert_eq!(got, expected, "get {key}");
                        }
                        2 => {
                            let h = c
                                .head_object(&HeadObject::new(BUCKET, &key))
                                .unwrap_or_else(|e| panic!("head {key}: {e}"));
                            assert_eq!(h.meta.content_length, Some(body(t, i - 2).len() as u64));
                        }
                        4 => {
                            let page = c
                                .list_objects_v2(
                                    &ListObjectsV2::new(BUCKET)
                                        .prefix(format!("t{t}/"))
                                        .max_keys(100),
                                )
                                .unwrap_or_else(|e| panic!("list: {e}"));
                            assert!(page.contents.iter().any(|o| o.key == key));
                        }
                        _ => {
                            c.delete_object(&DeleteObject::new(BUCKET, &key))
                                .unwrap_or_else(|e| panic!("delete {key}: {e}"));
                        }
                    }
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n == threads * ops_per_thread / 2 {
                        let h = proc_status_kib("VmHWM").unwrap_or(0);
                        hwm_mid.store(h as usize, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a load thread failed");
    }
    drop(server);
    Figures {
        ops: done.load(Ordering::Relaxed),
        hwm_start,
        rss_start,
        hwm_mid: hwm_mid.load(Ordering::Relaxed) as u64,
        hwm_end: proc_status_kib("VmHWM").unwrap_or(0),
        rss_end: proc_status_kib("VmRSS").unwrap_or(0),
    }
}

fn report(threads: usize, ops: usize, f: &Figures) {
    println!(
        "load: {threads} threads x {ops} ops = {} operations, all succeeded; \
         VmHWM start {} KiB, half-way {} KiB, end {} KiB; VmRSS start {} KiB, end {} KiB",
        f.ops, f.hwm_start, f.hwm_mid, f.hwm_end, f.rss_start, f.rss_end
    );
}

#[test]
fn reduced_load_all_succeed() {
    let f = run(8, 200);
    report(8, 200, &f);
    assert_eq!(f.ops, 1600);
}

#[test]
#[ignore = "the full 32 x 5000 run; takes minutes (see the module docs)"]
fn full_load_all_succeed_with_flat_memory() {
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (threads, ops) = (env("OSSIO_LOAD_THREADS", 32), env("OSSIO_LOAD_OPS", 5000));
    let f = run(threads, ops);
    report(threads, ops, &f);
    assert_eq!(f.ops, threads * ops);
    // Flat: the second half of the run did not raise the peak by more than a few MiB per
    // thread (stacks, pool entries) over the first half's.
    assert!(
        f.hwm_end <= f.hwm_mid + 64 * 1024,
        "memory grew in the second half: {} -> {} KiB",
        f.hwm_mid,
        f.hwm_end
    );
}
