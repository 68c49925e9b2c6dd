//! The CLI without credentials flags uses the default chain, and `ossio config --show`
//! names the provider that answered without showing a secret.

mod common;

#[path = "../../ossio/tests/credentials_mocks/mod.rs"]
mod credentials_mocks;

use common::*;
use credentials_mocks::{MockHttp, Resp};
use ossio_core::Credentials;
use ossio_core::credentials::answers;
use std::time::{Duration, SystemTime};

fn shown(v: &serde_json::Value) -> String {
    v["Credentials"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn default_chain_answers_and_config_show_names_it() {
    let f = Fixture::new();
    let secret = ossio_server::DEFAULT_ACCESS_KEY_SECRET;
    // A credentials URI handing out the server's key (with a token the key ignores).
    let uri = MockHttp::start(move |_| {
        let c = Credentials::new(ossio_server::DEFAULT_ACCESS_KEY_ID, secret)
            .with_security_token("uri-token-NEVER-PRINT");
        let exp = ossio_core::time::unix_seconds(SystemTime::now() + Duration::from_secs(3600));
        Resp::new(200, answers::uri_body(&c, exp))
    });
    let with_uri = || {
        let mut c = f.bare();
        c.env("OSS_REGION", f.server.region())
            .env("OSS_ENDPOINT", f.server.endpoint())
            .env(
                "ALIBABA_CLOUD_CREDENTIALS_URI",
                format!("{}/creds", uri.url()),
            );
        c
    };
    run(with_uri().args(["mb", "oss://chain-uri"])).ok();
    let r = run(with_uri().args(["config", "--show", "-o", "json"]));
    r.ok();
    assert!(
        !r.stdout.contains(secret) && !r.stdout.contains("NEVER-PRINT"),
        "{}",
        r.stdout
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        shown(&v).starts_with("default chain, credentials_uri: credentials_uri http://127.0.0.1:"),
        "{v}"
    );

    // The ini file in HOME comes before the URI.
    let ini = f.path(".alibabacloud/credentials");
    std::fs::create_dir_all(ini.parent().unwrap()).unwrap();
    std::fs::write(
        &ini,
        format!(
            "[default]\ntype = access_key\naccess_key_id = {}\naccess_key_secret = {secret}\n",
            ossio_server::DEFAULT_ACCESS_KEY_ID
        ),
    )
    .unwrap();
    let r = run(with_uri().args(["config", "--show", "-o", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        shown(&v).starts_with("default chain, profile: static access key"),
        "{v}"
    );
    assert!(!r.stdout.contains(secret));
    run(with_uri().args(["ls"])).ok();
    std::fs::remove_file(&ini).unwrap();

    // Keys in the environment win, and say where they came from.
    let r = run(f.cmd().args(["config", "--show", "-o", "json"]));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        shown(&v),
        format!(
            "static access key {} (env OSS_ACCESS_KEY_ID)",
            ossio_server::DEFAULT_ACCESS_KEY_ID
        )
    );

    // A partly configured source is an error naming what is missing.
    let r = run(f
        .bare()
        .env("OSS_REGION", f.server.region())
        .env("OSS_ENDPOINT", f.server.endpoint())
        .env("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r")
        .args(["ls"]));
    r.code(2);
    assert!(
        r.stderr.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        "{}",
        r.stderr
    );
    let r = run(f
        .bare()
        .env("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r")
        .args(["config", "--show", "-o", "json"]));
    r.ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(shown(&v).starts_with("none: "), "{v}");
}
