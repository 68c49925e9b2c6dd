//! Signs the benchmark request 20,000 times: a fixed workload for
//! `valgrind --tool=callgrind target/release/examples/profile_v4_sign`, whose instruction
//! counts repeat exactly on a noisy machine.
use ossio_core::{Config, Credentials, Signer};
use std::time::{Duration, UNIX_EPOCH};
fn main() {
    let req = ossio_bench::request();
    let creds = Credentials::new(ossio_bench::AK, ossio_bench::SK);
    let s = Signer::new(Config::new("cn-hangzhou").unwrap());
    let at = UNIX_EPOCH + Duration::from_secs(ossio_bench::AT);
    let mut n = 0;
    for _ in 0..20000 {
        n += s.sign(&req, &creds, at).unwrap().url.len();
    }
    println!("{n}");
}
