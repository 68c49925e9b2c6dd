//! Credentials providers: refresh ahead of expiry, one fetch under contention, and secrets
//! that never show.

use ossio::{Client, CredentialsProvider, Error, ExpiringCredentials, RefreshingProvider};
use ossio::{Credentials, RetryPolicy};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, SystemTime};

fn creds(n: usize) -> Credentials {
    Credentials::new(format!("STS.key{n}"), format!("secret-{n}"))
        .with_security_token(format!("token-{n}"))
}

#[test]
fn one_fetch_for_many_threads_at_start() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let provider = Arc::new(RefreshingProvider::new(move || {
        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
        std::thread::sleep(Duration::from_millis(100));
        Ok(ExpiringCredentials::new(
            creds(n),
            Some(SystemTime::now() + Duration::from_secs(3600)),
        ))
    }));
    let barrier = Arc::new(Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let p = provider.clone();
            let b = barrier.clone();
            std::thread::spawn(move || {
                b.wait();
                p.credentials().unwrap().access_key_id().to_owned()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "STS.key1");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    // Cached afterwards.
    provider.credentials().unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn refreshes_ahead_of_expiry_while_others_keep_signing() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    // First credentials expire in 3 minutes: inside the 5-minute refresh window but
    // outside the 1-minute minimum validity.
    let provider = Arc::new(RefreshingProvider::new(move || {
        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
        if n > 1 {
            std::thread::sleep(Duration::from_millis(300));
        }
        let life = if n == 1 { 180 } else { 3600 };
        Ok(ExpiringCredentials::new(
            creds(n),
            Some(SystemTime::now() + Duration::from_secs(life)),
        ))
    }));
    assert_eq!(provider.credentials().unwrap().access_key_id(), "STS.key1");
    let refresher = {
        let p = provider.clone();
        std::thread::spawn(move || p.credentials().unwrap().access_key_id().to_owned())
    };
    std::thread::sleep(Duration::from_millis(100));
    // While the refresh is in flight, others get the still-valid cached credentials
    // without starting a fetch of their own.
    for _ in 0..10 {
        assert_eq!(provider.credentials().unwrap().access_key_id(), "STS.key1");
    }
    assert_eq!(refresher.join().unwrap(), "STS.key2");
    assert_eq!(provider.credentials().unwrap().access_key_id(), "STS.key2");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn never_hands_out_credentials_about_to_expire() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let provider = Arc::new(RefreshingProvider::new(move || {
        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
        if n > 1 {
            std::thread::sleep(Duration::from_millis(200));
        }
        // The first ones have 30 s left: below the 1-minute minimum.
        let life = if n == 1 { 30 } else { 3600 };
        Ok(ExpiringCredentials::new(
            creds(n),
            Some(SystemTime::now() + Duration::from_secs(life)),
        ))
    }));
    provider.credentials().unwrap();
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let p = provider.clone();
            let b = barrier.clone();
            std::thread::spawn(move || {
                b.wait();
                p.credentials().unwrap().access_key_id().to_owned()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), "STS.key2");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn a_failed_refresh_is_shared_not_repeated() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let provider = Arc::new(RefreshingProvider::new(move || {
        c.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(200));
        Err("metadata service unreachable".into())
    }));
    let barrier = Arc::new(Barrier::new(6));
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let p = provider.clone();
            let b = barrier.clone();
            std::thread::spawn(move || {
                b.wait();
                p.credentials().unwrap_err()
            })
        })
        .collect();
    for h in handles {
        let err = h.join().unwrap();
        assert!(
            matches!(&err, Error::Credentials(m) if m.contains("unreachable")),
            "{err}"
        );
    }
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn secrets_never_show_in_debug_or_display() {
    let b = Client::builder("cn-hangzhou")
        .endpoint("http://127.0.0.1:1")
        .credentials(creds(7))
        .proxy("http://user:proxy-password@127.0.0.1:3128")
        .retry_policy(RetryPolicy::none());
    let builder_shown = format!("{b:?}");
    let client = b.build().unwrap();
    let client_shown = format!("{client:?}");
    let err = client
        .get_bucket_acl(&ossio::ops::GetBucketAcl::new("examplebucket"))
        .unwrap_err();
    let err_shown = format!("{err} {err:?}");
    for shown in [&builder_shown, &client_shown, &err_shown] {
        for secret in ["secret-7", "token-7", "proxy-password"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
    assert!(client_shown.contains("STS.key7"), "{client_shown}");
    assert!(client_shown.contains("127.0.0.1:1"), "{client_shown}");
}

#[test]
fn environment_provider_reads_both_namings() {
    // Edition 2024 makes set_var unsafe and the workspace denies unsafe code: drive the
    // provider in a child process with its own environment instead.
    let vars = [
        "OSS_ACCESS_KEY_ID",
        "OSS_ACCESS_KEY_SECRET",
        "OSS_SESSION_TOKEN",
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "ALIBABA_CLOUD_SECURITY_TOKEN",
    ];
    let exe = std::env::current_exe().unwrap();
    let run = |env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(["--exact", "env_child", "--nocapture", "--include-ignored"]);
        for v in vars {
            cmd.env_remove(v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let out = run(&[
        ("OSS_ACCESS_KEY_ID", "oss-id"),
        ("OSS_ACCESS_KEY_SECRET", "oss-secret"),
        ("OSS_SESSION_TOKEN", "oss-token"),
    ]);
    assert!(out.contains("ENV id=oss-id token=true"), "{out}");
    let out = run(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ali-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ali-secret"),
    ]);
    assert!(out.contains("ENV id=ali-id token=false"), "{out}");
    let out = run(&[]);
    assert!(out.contains("ENV error=cannot get credentials"), "{out}");
}

#[test]
#[ignore = "run by environment_provider_reads_both_namings in a child process"]
fn env_child() {
    match ossio::EnvironmentProvider::new().credentials() {
        Ok(c) => println!(
            "ENV id={} token={}",
            c.access_key_id(),
            c.security_token().is_some()
        ),
        Err(e) => println!("ENV error={e}"),
    }
}
