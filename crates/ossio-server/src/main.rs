//! `ossio-server`: runs the local OSS-compatible server until interrupted.

use ossio_server::{ServerConfig, start};
use std::net::SocketAddr;
use std::process::ExitCode;

const USAGE: &str =
    "usage: ossio-server [--addr 127.0.0.1:9000] [--key AK:SK]... [--sts AK:SK:TOKEN]...
                    [--region cn-hangzhou] [--data-dir DIR] [--domain HOST]... [--max-body BYTES]
                    [--body-timeout SECS]
       ossio-server --served   (prints every registered operation as `served NAME` or `unserved NAME`)
Key pairs also come from OSSIO_SERVER_KEYS=\"ak:sk,ak2:sk2\". Without any, the server accepts
test-access-key-id / test-access-key-secret.";

fn parse(args: Vec<String>) -> Result<ServerConfig, String> {
    let mut config = ServerConfig::new().addr(SocketAddr::from(([127, 0, 0, 1], 9000)));
    if let Ok(keys) = std::env::var("OSSIO_SERVER_KEYS") {
        for pair in keys.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (ak, sk) = pair
                .split_once(':')
                .ok_or_else(|| format!("OSSIO_SERVER_KEYS entry {pair:?} is not AK:SK"))?;
            config = config.key(ak, sk);
        }
    }
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--addr" => {
                let v = value()?;
                config = config.addr(v.parse().map_err(|_| format!("bad --addr {v:?}"))?);
            }
            "--key" => {
                let v = value()?;
                let (ak, sk) = v.split_once(':').ok_or("--key takes AK:SK")?;
                config = config.key(ak, sk);
            }
            "--sts" => {
                let v = value()?;
                let mut parts = v.splitn(3, ':');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(ak), Some(sk), Some(token)) => config = config.sts(ak, sk, token),
                    _ => return Err("--sts takes AK:SK:TOKEN".into()),
                }
            }
            "--region" => config = config.region(&value()?),
            "--data-dir" => config = config.data_dir(value()?),
            "--domain" => config = config.domain(&value()?),
            "--body-timeout" => {
                let v = value()?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| *s > 0.0 && s.is_finite())
                    .ok_or_else(|| format!("bad --body-timeout {v:?}"))?;
                config = config.body_timeout(std::time::Duration::from_secs_f64(secs));
            }
            "--max-body" => {
                let v = value()?;
                config = config.max_body(v.parse().map_err(|_| format!("bad --max-body {v:?}"))?);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(config)
}

/// `--served`: every registered operation, one a line, as `served NAME` or `unserved NAME`
/// (read by scripts/op-coverage.py).
fn print_served() {
    for op in ossio_core::ops::OPERATIONS.iter() {
        let state = if ossio_server::serves(op.name) {
            "served"
        } else {
            "unserved"
        };
        println!("{state} {}", op.name);
    }
}

fn main() -> ExitCode {
    if std::env::args().skip(1).eq(["--served"]) {
        print_served();
        return ExitCode::SUCCESS;
    }
    let config = match parse(std::env::args().skip(1).collect()) {
        Ok(c) => c,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("ossio-server: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match start(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ossio-server: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on {}", server.endpoint());
    println!("region {}", server.region());
    loop {
        std::thread::park();
    }
}
