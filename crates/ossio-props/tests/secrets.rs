//! Secrets in Rust: every public type that can hold an access key secret or an STS token is
//! printed every way it can be (Debug, pretty Debug, Display, error chains, panic messages
//! caught with `catch_unwind`), including errors built from server answers that echo the
//! signed strings back, and neither the secret nor the token may appear.

use ossio::ops::*;
use ossio::{
    Client, Credentials, CredentialsProvider, ExpiringCredentials, RefreshingProvider, RetryPolicy,
    SignatureVersion, StaticProvider,
};
use ossio_core::{Config, Method, Request, Signer};
use ossio_server::ServerConfig;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

const AK: &str = "LTAI-secrets-test-ak";
const SECRET: &str = "sk-7f3a9c1e5b2d-NEVER-PRINT";
const TOKEN: &str = "CAIS-sts-b81d2e4490aa-NEVER-PRINT-token";

/// Every shown string checked so far, for the final count.
static SHOWN: Mutex<usize> = Mutex::new(0);

fn assert_clean(what: &str, shown: &str) {
    for (name, s) in [("secret", SECRET), ("token", TOKEN)] {
        assert!(!shown.contains(s), "{what} shows the {name}: {shown}");
        // No recognisable piece of it either (a prefix or a suffix of half its length).
        let half = s.len() / 2;
        assert!(
            !shown.contains(&s[..half]),
            "{what} shows part of the {name}: {shown}"
        );
        assert!(
            !shown.contains(&s[half..]),
            "{what} shows part of the {name}: {shown}"
        );
    }
    // Nor hex-encoded (error details can carry the signed string as hex bytes).
    for (name, s) in [("secret", SECRET), ("token", TOKEN)] {
        let spaced: Vec<String> = s.bytes().map(|b| format!("{b:02x}")).collect();
        assert!(
            !shown.contains(&spaced.join(" ")),
            "{what} shows the {name} in hex"
        );
        assert!(
            !shown.contains(&spaced.join("")),
            "{what} shows the {name} in hex"
        );
    }
    *SHOWN.lock().unwrap() += 1;
}

fn check_debug<T: std::fmt::Debug>(what: &str, v: &T) {
    assert_clean(what, &format!("{v:?}"));
    assert_clean(what, &format!("{v:#?}"));
}

fn check_error<E: std::error::Error>(what: &str, e: &E) {
    check_debug(what, e);
    assert_clean(what, &e.to_string());
    let mut source = e.source();
    while let Some(s) = source {
        assert_clean(what, &format!("{s} {s:?}"));
        source = s.source();
    }
}

/// The message of the panic `f` raises, caught at the boundary.
fn panic_message(f: impl FnOnce()) -> String {
    let captured = Arc::new(Mutex::new(String::new()));
    let c = captured.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        *c.lock().unwrap() = info.to_string();
    }));
    let result = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    assert!(result.is_err(), "expected a panic");
    let payload = result.unwrap_err();
    let text = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    format!("{text}\n{}", captured.lock().unwrap())
}

fn creds() -> Credentials {
    Credentials::new(AK, SECRET).with_security_token(TOKEN)
}

#[test]
fn core_types_never_show_the_secret_or_token() {
    let c = creds();
    check_debug("Credentials", &c);
    assert_clean("Credentials Display", &c.to_string());
    check_debug("Secret", c.access_key_secret());
    assert_clean("Secret Display", &c.access_key_secret().to_string());
    check_debug("token Secret", c.security_token().unwrap());

    let req = Request::new(Method::Put)
        .bucket("secret-bucket")
        .key("k")
        .header("x-oss-security-token", TOKEN)
        .header("security-token", TOKEN)
        .query("security-token", TOKEN)
        .query("x-oss-security-token", TOKEN)
        .sub_resource("security-token");
    check_debug("Headers", &req.headers);
    let at = SystemTime::now();
    for v in [SignatureVersion::V1, SignatureVersion::V4] {
        let signer = Signer::new(
            Config::new("cn-hangzhou")
                .unwrap()
                .with_signature_version(v),
        );
        let plain = Request::new(Method::Get).bucket("secret-bucket").key("k");
        let signed = signer.sign(&plain, &c, at).unwrap();
        check_debug("SignedRequest", &signed);
        let presigned = signer
            .presign(&plain, &c, at, Duration::from_secs(60))
            .unwrap();
        check_debug("PresignedRequest", &presigned);
        // After a signature (which caches the derived key), the signer itself.
        check_debug("Signer", &signer);
    }
    // A token with CR/LF is refused without echoing it.
    let bad = Request::new(Method::Get)
        .bucket("secret-bucket")
        .header("x-oss-security-token", format!("{TOKEN}\r\n"));
    let err = bad.validate().unwrap_err();
    check_error("ValidationError", &err);
    let core_err: ossio_core::Error = err.into();
    check_error("ossio_core::Error", &core_err);
    let msg = panic_message(|| {
        bad.validate().unwrap();
    });
    assert_clean("panic of validate().unwrap()", &msg);
}

#[test]
fn client_types_never_show_the_secret_or_token() {
    let builder = Client::builder("cn-hangzhou")
        .endpoint("http://127.0.0.1:9")
        .credentials(creds());
    check_debug("ClientBuilder", &builder);
    let client = builder.build().unwrap();
    check_debug("Client", &client);
    let p = StaticProvider::new(creds());
    check_debug("StaticProvider", &p);
    assert_clean("StaticProvider::describe", &p.describe());
    let e = ExpiringCredentials::new(creds(), Some(SystemTime::now()));
    check_debug("ExpiringCredentials", &e);
    let r = RefreshingProvider::new(|| Ok(ExpiringCredentials::new(creds(), None)));
    check_debug("RefreshingProvider", &r);
    let _ = r.credentials().unwrap();
    check_debug("RefreshingProvider after a fetch", &r);
    let c2 = Client::builder("cn-hangzhou")
        .endpoint("http://127.0.0.1:9")
        .credentials_provider(r)
        .build()
        .unwrap();
    check_debug("Client with a provider", &c2);
    let req = GetObject::new("secret-bucket", "k").to_request().unwrap();
    let p = client.presign(&req, Duration::from_secs(60)).unwrap();
    check_debug("client PresignedRequest", &p);
}

/// Errors built from answers that echo the signed strings (which carry the token): the
/// server's `StringToSign` / `CanonicalRequest` details of `SignatureDoesNotMatch`.
#[test]
fn errors_from_the_server_never_show_the_secret_or_token() {
    // The server knows the key with another secret: every signature mismatches, and the
    // server sends back the string it computed, token line included.
    let server = ossio_server::start(ServerConfig::new().key("owner-ak", "owner-sk").sts(
        AK,
        "the-server-secret",
        TOKEN,
    ))
    .unwrap();
    // The bucket exists (created with a key the server does know), so the object calls
    // fail on their signature, not on a missing bucket.
    Client::builder(server.region())
        .endpoint(&server.endpoint())
        .credentials(Credentials::new("owner-ak", "owner-sk"))
        .build()
        .unwrap()
        .put_bucket(&PutBucket::new("secret-bucket"))
        .unwrap();
    let mut errors = Vec::new();
    for v in [SignatureVersion::V1, SignatureVersion::V4] {
        let client = Client::builder(server.region())
            .endpoint(&server.endpoint())
            .credentials(creds())
            .signature_version(v)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        for err in [
            client.list_buckets(&ListBuckets::new()).unwrap_err(),
            client
                .put_object(&PutObject::new("secret-bucket", "k").bytes(b"x".to_vec()))
                .unwrap_err(),
            client
                .head_object(&HeadObject::new("secret-bucket", "k"))
                .unwrap_err(),
        ] {
            assert!(
                matches!(
                    err.code(),
                    Some("SignatureDoesNotMatch") | Some("InvalidSecurityToken")
                ),
                "{err:?}"
            );
            errors.push(err);
        }
        // A token the server does not accept for this key.
        let wrong = Client::builder(server.region())
            .endpoint(&server.endpoint())
            .credentials(Credentials::new(AK, SECRET).with_security_token(format!("{TOKEN}-x")))
            .signature_version(v)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        errors.push(wrong.list_buckets(&ListBuckets::new()).unwrap_err());
    }
    // A provider that fails.
    let failing = Client::builder(server.region())
        .endpoint(&server.endpoint())
        .credentials_provider(RefreshingProvider::new(|| {
            Err("the STS endpoint refused".into())
        }))
        .build()
        .unwrap();
    errors.push(failing.list_buckets(&ListBuckets::new()).unwrap_err());
    for err in &errors {
        check_error("ossio::Error", err);
        if let Some(service) = err.as_service() {
            check_error("ServiceError", service);
        }
        let io: std::io::Error = err.clone().into();
        check_error("io::Error from ossio::Error", &io);
        let msg = panic_message(|| {
            std::hint::black_box(Err::<(), _>(err.clone())).unwrap();
        });
        assert_clean("panic of unwrap() on ossio::Error", &msg);
        let msg = panic_message(|| {
            std::hint::black_box(Err::<(), _>(err.clone())).expect("listing failed");
        });
        assert_clean("panic of expect() on ossio::Error", &msg);
    }
    assert_eq!(errors.len(), 9);
}

#[test]
fn server_types_never_show_the_secret_or_token() {
    let config = ServerConfig::new()
        .key(AK, SECRET)
        .sts("sts-ak", SECRET, TOKEN);
    check_debug("ServerConfig", &config);
    let server = ossio_server::start(config).unwrap();
    check_debug("ServerHandle", &server);
    check_debug("Faults", server.faults());
}

#[path = "../../ossio/tests/credentials_mocks/mod.rs"]
mod credentials_mocks;

/// Every credentials provider, its builder, the chain and the pure types behind them, with
/// the secret and token as base credentials, OIDC token, STS answers, metadata answers, URI
/// query and process output: shown every way, and in every error.
#[test]
fn credentials_providers_never_show_secrets() {
    use credentials_mocks::{MockHttp, Req, Resp, closed_port};
    use ossio::{
        AssumeRoleProvider, DefaultChain, EcsRamRoleProvider, Error, OidcProvider, ProcessProvider,
        UriProvider,
    };
    use ossio_core::credentials::chain::{Decision, Env, File, Inputs, plan};
    use ossio_core::credentials::profile::{parse_cli_config, parse_ini};
    use ossio_core::credentials::{answers, metadata, sts};

    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, TOKEN).unwrap();
    let token_path = token_file.to_str().unwrap();
    let answer_creds = Credentials::new("STS.answer", SECRET).with_security_token(TOKEN);
    let expires = ossio_core::time::unix_seconds(SystemTime::now()) + 3600;

    // Services that answer with the secrets, or echo what they were sent into errors.
    let sts_ok = MockHttp::start(move |_: &Req| {
        Resp::new(200, sts::success_body("r", &answer_creds, expires))
    });
    let sts_echo = MockHttp::start(|r: &Req| {
        let echoed = format!(
            "bad token {:?} {:?}",
            r.param("OIDCToken"),
            r.param("SecurityToken")
        );
        Resp::new(400, sts::error_body("r", "InvalidParameter", &echoed))
    });
    let md = MockHttp::start(|r: &Req| {
        if r.path.ends_with("/token") {
            return Resp::new(200, TOKEN);
        }
        let body = format!(
            r#"{{"Code":"Failed","AccessKeySecret":"{SECRET}","SecurityToken":"{TOKEN}"}}"#
        );
        Resp::new(200, body)
    });
    let uri = MockHttp::start(|_: &Req| Resp::new(500, format!("{SECRET} {TOKEN}")));

    let mut errors: Vec<Error> = Vec::new();
    let mut shown: Vec<(String, String)> = Vec::new();
    fn show(
        shown: &mut Vec<(String, String)>,
        what: &str,
        p: &dyn CredentialsProvider,
        dbg: String,
    ) {
        shown.push((format!("{what} Debug"), dbg));
        shown.push((format!("{what} describe"), p.describe()));
    }

    let base = || StaticProvider::new(creds());
    let builder =
        AssumeRoleProvider::builder(base(), "acs:ram::1:role/r").sts_endpoint(&sts_ok.url());
    shown.push(("AssumeRoleBuilder".into(), format!("{builder:?}")));
    let ar = builder.build().unwrap();
    ar.credentials().unwrap();
    show(
        &mut shown,
        "AssumeRoleProvider",
        &ar,
        format!("{ar:?} {ar:#?}"),
    );
    let ar = AssumeRoleProvider::builder(base(), "acs:ram::1:role/r")
        .sts_endpoint(&sts_echo.url())
        .build()
        .unwrap();
    errors.push(ar.credentials().unwrap_err());

    let ob = OidcProvider::builder(
        "acs:ram::1:role/r",
        "acs:ram::1:oidc-provider/p",
        token_path,
    )
    .sts_endpoint(&sts_ok.url());
    shown.push(("OidcBuilder".into(), format!("{ob:?}")));
    let op = ob.build().unwrap();
    op.credentials().unwrap();
    show(&mut shown, "OidcProvider", &op, format!("{op:?}"));
    let op = OidcProvider::builder(
        "acs:ram::1:role/r",
        "acs:ram::1:oidc-provider/p",
        token_path,
    )
    .sts_endpoint(&sts_echo.url())
    .build()
    .unwrap();
    errors.push(op.credentials().unwrap_err());

    let eb = EcsRamRoleProvider::builder()
        .endpoint(&md.url())
        .role_name("r");
    shown.push(("EcsRamRoleBuilder".into(), format!("{eb:?}")));
    let ep = eb.build().unwrap();
    errors.push(ep.credentials().unwrap_err());
    show(&mut shown, "EcsRamRoleProvider", &ep, format!("{ep:?}"));
    let absent = EcsRamRoleProvider::builder()
        .endpoint(&format!("http://{}", closed_port()))
        .build()
        .unwrap();
    errors.push(absent.credentials().unwrap_err());

    let ub = UriProvider::builder(&format!("{}/c?token={TOKEN}&k={SECRET}", uri.url()));
    shown.push(("UriBuilder".into(), format!("{ub:?}")));
    let up = ub.build().unwrap();
    errors.push(up.credentials().unwrap_err());
    show(&mut shown, "UriProvider", &up, format!("{up:?}"));
    errors.push(
        UriProvider::builder(&format!("ftp://x/?t={TOKEN}"))
            .build()
            .unwrap_err(),
    );

    let script = dir.path().join("p.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho '{{\"mode\":\"Odd\",\"access_key_id\":\"a\",\"access_key_secret\":\"{SECRET}\"}}'\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let pp = ProcessProvider::builder(script.to_str().unwrap())
            .build()
            .unwrap();
        errors.push(pp.credentials().unwrap_err());
        show(&mut shown, "ProcessProvider", &pp, format!("{pp:?}"));
    }

    // The chain over an environment and files full of secrets.
    let cli = format!(
        r#"{{"current":"p","profiles":[{{"name":"p","mode":"RamRoleArn","access_key_id":"a","access_key_secret":"{SECRET}","sts_token":"{TOKEN}","ram_role_arn":"acs:ram::1:role/r"}}]}}"#
    );
    let ini = format!(
        "[default]\ntype = sts\naccess_key_id = a\naccess_key_secret = {SECRET}\nsecurity_token = {TOKEN}\n"
    );
    let inputs = Inputs {
        env: Env::new(
            [
                ("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN.to_owned()),
                ("OSSIO_STS_ENDPOINT", sts_ok.url()),
            ],
            "secrets-test",
        ),
        cli_config: ("config.json".into(), File::Text(cli.clone())),
        ini: ("credentials".into(), File::Text(ini.clone())),
    };
    shown.push(("Inputs".into(), format!("{inputs:?}")));
    for step in plan(&inputs) {
        shown.push(("Step".into(), format!("{step:?} {step:#?}")));
        if let Decision::Use(source) = step.decision {
            shown.push(("Source".into(), format!("{source:?} {}", source.name())));
        }
    }
    let chain = DefaultChain::from_inputs(inputs);
    chain.credentials().unwrap();
    show(
        &mut shown,
        "DefaultChain",
        &chain,
        format!("{chain:?} {:?}", chain.answered_by()),
    );
    let cfg = parse_cli_config("config.json", &cli).unwrap();
    shown.push(("CliConfig".into(), format!("{cfg:?}")));
    shown.push((
        "Ini".into(),
        format!("{:?}", parse_ini("c", &ini).unwrap().keys()),
    ));
    let broken = cli.replace("RamRoleArn", "Broken");
    let e = parse_cli_config("config.json", &broken)
        .unwrap()
        .source("config.json", "p", &Env::default())
        .unwrap_err();
    check_error("ProfileError", &e);
    let e = parse_cli_config("config.json", &cli[..cli.len() - 9]).unwrap_err();
    check_error("ProfileError (syntax)", &e);

    // The pure answers' errors and calls.
    let bad = format!(
        r#"{{"Code":"Failed","AccessKeyId":"a","AccessKeySecret":"{SECRET}","SecurityToken":"{TOKEN}"}}"#
    );
    check_error(
        "AnswerError (metadata)",
        &metadata::parse_credentials(200, bad.as_bytes()).unwrap_err(),
    );
    check_error(
        "AnswerError (uri)",
        &answers::parse_uri_answer(200, bad.as_bytes()).unwrap_err(),
    );
    check_error(
        "StsError",
        &sts::parse_response(400, bad.as_bytes()).unwrap_err(),
    );
    let call = sts::AssumeRoleWithOidc::new("acs:ram::1:role/r", "p", "s-1")
        .to_call("http://127.0.0.1:1", TOKEN, 0)
        .unwrap();
    check_debug("HttpCall", &call);
    check_debug(
        "HttpCall (metadata)",
        &metadata::credentials_call("http://127.0.0.1:1", "r", Some(TOKEN)).unwrap(),
    );

    for (what, s) in &shown {
        assert_clean(what, s);
    }
    assert!(errors.len() >= 7);
    for e in &errors {
        check_error("provider error", e);
        assert_clean("provider error", &e.to_string());
    }
}
