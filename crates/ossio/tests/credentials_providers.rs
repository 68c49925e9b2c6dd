//! Every credentials provider against local mocks of STS, the ECS metadata service and a
//! credentials URI (credentials_mocks/): success, expiry and refresh, a rotated OIDC token,
//! IMDSv2 refusal and fallback, STS errors and retries, timeouts, an absent metadata
//! service, the default chain's order, 32 threads refreshing at once, and a client whose
//! AssumeRoleWithOIDC credentials rotate while it talks to ossio-server.

mod credentials_mocks;

use credentials_mocks::*;
use ossio::ops::{GetObject, PutBucket, PutObject};
use ossio::{
    AssumeRoleProvider, Client, Credentials, CredentialsProvider, DefaultChain, EcsRamRoleProvider,
    Error, OidcProvider, ProcessProvider, ProfileProvider, StaticProvider, UriProvider,
};
use ossio_core::credentials::chain::{Env, File, Inputs};
use std::collections::BTreeSet;
use std::io::Read;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

const ROLE: &str = "acs:ram::1234567890123456:role/ossio-test";
const OIDC_PROVIDER: &str = "acs:ram::1234567890123456:oidc-provider/ack-rrsa";

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A token file whose content the mock STS expects.
struct TokenFile {
    _dir: tempfile::TempDir,
    path: String,
    current: Arc<Mutex<String>>,
}

impl TokenFile {
    fn new(token: &str) -> TokenFile {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token").to_str().unwrap().to_owned();
        std::fs::write(&path, token).unwrap();
        TokenFile {
            _dir: dir,
            path,
            current: Arc::new(Mutex::new(token.to_owned())),
        }
    }

    fn rotate(&self, token: &str) {
        std::fs::write(&self.path, token).unwrap();
        *self.current.lock().unwrap() = token.to_owned();
    }

    fn expected(&self) -> impl Fn() -> String + Send + Sync + 'static {
        let c = self.current.clone();
        move || c.lock().unwrap().clone()
    }
}

/// A mock STS issuing credentials that last `seconds`, expecting `token`'s content.
fn sts_mock(token: &TokenFile, seconds: u64) -> MockSts {
    MockSts::start(
        Duration::from_secs(seconds),
        Duration::ZERO,
        token.expected(),
        None,
    )
}

fn oidc(sts: &MockSts, token: &TokenFile) -> ossio::OidcBuilder {
    OidcProvider::builder(ROLE, OIDC_PROVIDER, &token.path)
        .sts_endpoint(&sts.url())
        .role_session_name("ossio-test")
}

#[test]
fn oidc_fetches_refreshes_and_rereads_the_rotated_token() {
    let token = TokenFile::new("oidc-token-1");
    let sts = sts_mock(&token, 3);
    let p = oidc(&sts, &token)
        .refresh_ahead(ms(1500))
        .min_validity(ms(500))
        .build()
        .unwrap();
    let first = p.credentials().unwrap();
    assert_eq!(first.access_key_id(), "STS.issued1");
    assert!(first.security_token().is_some());
    // Cached while fresh.
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.issued1");
    assert_eq!(sts.calls(), 1);
    // The platform rotates the token; the next refresh must read the new one.
    token.rotate("oidc-token-2");
    std::thread::sleep(ms(2000));
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.issued2");
    let st = sts.state.lock().unwrap();
    assert_eq!(st.oidc_tokens, ["oidc-token-1", "oidc-token-2"]);
    assert_eq!(st.actions, ["AssumeRoleWithOIDC", "AssumeRoleWithOIDC"]);
}

#[test]
fn assume_role_is_signed_and_chains() {
    let sts = MockSts::start(Duration::from_secs(3600), Duration::ZERO, String::new, None);
    sts.allow_key("LTAIbase", "base-secret");
    let base = StaticProvider::new(Credentials::new("LTAIbase", "base-secret"));
    let first = AssumeRoleProvider::builder(base, ROLE)
        .sts_endpoint(&sts.url())
        .role_session_name("first")
        .policy(r#"{"Version":"1","Statement":[]}"#)
        .external_id("ext")
        .build()
        .unwrap();
    // A role assumed with the first role's STS credentials (their token goes along).
    let second = AssumeRoleProvider::builder(first, "acs:ram::1234567890123456:role/second")
        .sts_endpoint(&sts.url())
        .role_session_name("second")
        .build()
        .unwrap();
    assert_eq!(second.credentials().unwrap().access_key_id(), "STS.issued2");
    assert_eq!(
        sts.state.lock().unwrap().actions,
        ["AssumeRole", "AssumeRole"]
    );
    assert!(second.describe().contains("via assume_role"));

    // A wrong secret is refused by the signature check, once (not retried).
    let wrong = StaticProvider::new(Credentials::new("LTAIbase", "not-the-secret"));
    let p = AssumeRoleProvider::builder(wrong, ROLE)
        .sts_endpoint(&sts.url())
        .build()
        .unwrap();
    let before = sts.calls();
    let e = p.credentials().unwrap_err();
    assert!(e.to_string().contains("SignatureDoesNotMatch"), "{e}");
    assert_eq!(sts.calls(), before + 1);
}

#[test]
fn sts_errors_are_typed_and_only_throttling_is_retried() {
    let token = TokenFile::new("tok");
    let sts = sts_mock(&token, 3600);
    for code in ["InvalidParameter", "NoPermission"] {
        let status = if code == "NoPermission" { 403 } else { 400 };
        sts.fault(Fault::Code(status, code));
        let p = oidc(&sts, &token).build().unwrap();
        let before = sts.calls();
        let e = p.credentials().unwrap_err();
        assert!(matches!(e, Error::Credentials(_)), "{e:?}");
        assert!(e.to_string().contains(code), "{e}");
        assert_eq!(sts.calls(), before + 1, "{code} is not retried");
    }
    // Throttling twice, then success: three calls, credentials in the end.
    sts.fault(Fault::Code(400, "Throttling.User"));
    sts.fault(Fault::Code(503, "ServiceUnavailable"));
    let p = oidc(&sts, &token).build().unwrap();
    let before = sts.calls();
    assert!(p.credentials().is_ok());
    assert_eq!(sts.calls(), before + 3);
    // A wrong OIDC token is STS's error, and the token never shows in it.
    token.rotate("rotated-but-sts-expects-other");
    *token.current.lock().unwrap() = "what-sts-wants".into();
    let e = oidc(&sts, &token)
        .build()
        .unwrap()
        .credentials()
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("AuthenticationFail.OIDCToken.Invalid")
    );
    assert!(!e.to_string().contains("rotated-but"));
}

#[test]
fn sts_timeouts_are_reported() {
    let token = TokenFile::new("tok");
    let sts = sts_mock(&token, 3600);
    for _ in 0..3 {
        sts.fault(Fault::Delay(ms(1500)));
    }
    let p = oidc(&sts, &token).read_timeout(ms(200)).build().unwrap();
    let e = p.credentials().unwrap_err();
    assert!(e.to_string().contains("timed out"), "{e}");
}

#[test]
fn bad_options_fail_before_any_call_naming_the_field() {
    let field = |e: Error| match e {
        Error::Validation(v) => v.field.to_string(),
        other => panic!("{other:?}"),
    };
    let b = || OidcProvider::builder(ROLE, OIDC_PROVIDER, "/t").sts_endpoint("http://127.0.0.1:9");
    assert_eq!(
        field(b().duration(Duration::from_secs(60)).build().unwrap_err()),
        "duration_seconds"
    );
    assert_eq!(
        field(b().role_session_name("a b").build().unwrap_err()),
        "role_session_name"
    );
    assert_eq!(
        field(
            OidcProvider::builder("", OIDC_PROVIDER, "/t")
                .build()
                .unwrap_err()
        ),
        "role_arn"
    );
    assert_eq!(
        field(OidcProvider::builder(ROLE, "", "/t").build().unwrap_err()),
        "oidc_provider_arn"
    );
    assert_eq!(
        field(
            OidcProvider::builder(ROLE, OIDC_PROVIDER, "")
                .build()
                .unwrap_err()
        ),
        "oidc_token_file"
    );
    assert_eq!(
        field(b().sts_endpoint("ftp://x").build().unwrap_err()),
        "sts endpoint"
    );
    assert_eq!(
        field(
            EcsRamRoleProvider::builder()
                .role_name("a/b")
                .build()
                .unwrap_err()
        ),
        "role_name"
    );
    assert_eq!(
        field(
            UriProvider::builder("file:///etc/passwd")
                .build()
                .unwrap_err()
        ),
        "credentials_uri"
    );
    assert_eq!(
        field(ProcessProvider::builder("  ").build().unwrap_err()),
        "process_command"
    );
}

#[test]
fn failed_refresh_keeps_valid_credentials_then_expired_is_typed() {
    let token = TokenFile::new("tok");
    // Credentials last 3 to 4 s (whole-second expiry); refreshing starts 3.5 s before.
    let sts = sts_mock(&token, 4);
    let p = oidc(&sts, &token)
        .refresh_ahead(ms(3500))
        .min_validity(ms(1000))
        .build()
        .unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.issued1");
    // STS starts refusing: within the refresh window the cached credentials keep working,
    // and after the first failure the provider backs off instead of calling STS each time.
    for _ in 0..20 {
        sts.fault(Fault::Code(403, "NoPermission"));
    }
    std::thread::sleep(ms(800));
    let calls = sts.calls();
    for _ in 0..50 {
        assert_eq!(p.credentials().unwrap().access_key_id(), "STS.issued1");
    }
    assert_eq!(sts.calls(), calls + 1, "one failed refresh, then backoff");
    // Once they are no longer usable, the error says they expired.
    std::thread::sleep(ms(3500));
    let e = p.credentials().unwrap_err();
    assert!(matches!(e, Error::CredentialsExpired(_)), "{e:?}");
}

#[test]
fn ecs_imdsv2_with_discovered_role_then_refresh() {
    let md = MockMetadata::start(Imds::V2Required, "ecs-role", Duration::from_secs(3));
    let p = EcsRamRoleProvider::builder()
        .endpoint(&md.http.url())
        .refresh_ahead(ms(1500))
        .min_validity(ms(500))
        .build()
        .unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.ecs1");
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.ecs1");
    std::thread::sleep(ms(2000));
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.ecs2");
    let st = md.state.lock().unwrap();
    assert_eq!((st.role_requests, st.credential_requests), (2, 2));
    assert_eq!(st.ttl_headers[0], "21600");
}

#[test]
fn ecs_token_refusal_falls_back_to_imdsv1_unless_disabled() {
    let md = MockMetadata::start(Imds::V1Only, "ecs-role", Duration::from_secs(3600));
    let p = EcsRamRoleProvider::builder()
        .endpoint(&md.http.url())
        .role_name("ecs-role")
        .build()
        .unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.ecs1");
    assert_eq!(md.state.lock().unwrap().token_requests, 1);
    let strict = EcsRamRoleProvider::builder()
        .endpoint(&md.http.url())
        .role_name("ecs-role")
        .disable_imds_v1(true)
        .build()
        .unwrap();
    let e = strict.credentials().unwrap_err();
    assert!(e.to_string().contains("IMDSv1 is disabled"), "{e}");
    assert_eq!(md.state.lock().unwrap().credential_requests, 1);
}

#[test]
fn absent_metadata_service_fails_fast() {
    let p = EcsRamRoleProvider::builder()
        .endpoint(&format!("http://{}", closed_port()))
        .build()
        .unwrap();
    let start = Instant::now();
    let e = p.credentials().unwrap_err();
    let took = start.elapsed();
    assert!(e.to_string().contains("unreachable"), "{e}");
    assert!(took < Duration::from_secs(1), "took {took:?}");
    // A service that accepts but never answers: the read timeout ends it.
    let silent = MockHttp::start(|_| Resp {
        status: 200,
        body: Vec::new(),
        delay: Duration::from_secs(3),
    });
    let p = EcsRamRoleProvider::builder()
        .endpoint(&silent.url())
        .read_timeout(ms(300))
        .build()
        .unwrap();
    let e = p.credentials().unwrap_err();
    assert!(e.to_string().contains("timed out"), "{e}");
}

#[test]
fn credentials_uri_success_and_refresh() {
    let (uri, calls) = mock_uri(Duration::from_secs(3));
    let p = UriProvider::builder(&format!("{}/credentials", uri.url()))
        .refresh_ahead(ms(1500))
        .min_validity(ms(500))
        .build()
        .unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.uri1");
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.uri1");
    std::thread::sleep(ms(2000));
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.uri2");
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2);
    let missing = UriProvider::builder(&format!("{}/nothing?token=abc", uri.url()))
        .build()
        .unwrap();
    let e = missing.credentials().unwrap_err();
    assert!(
        e.to_string().contains("404") && !e.to_string().contains("abc"),
        "{e}"
    );
}

#[cfg(unix)]
#[test]
fn process_output_and_rerun_on_expiry() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let counter = dir.path().join("n");
    let script = dir.path().join("creds.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nn=$(cat {c} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {c}\n\
             exp=$(date -u -d @$(( $(date +%s) + 3 )) +%Y-%m-%dT%H:%M:%SZ)\n\
             printf '{{\"mode\":\"StsToken\",\"access_key_id\":\"STS.proc%s\",\"access_key_secret\":\"s\",\"sts_token\":\"t\",\"expiration\":\"%s\"}}' $n $exp\n",
            c = counter.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let p = ProcessProvider::builder(&format!("'{}' --json", script.display()))
        .refresh_ahead(ms(1500))
        .min_validity(ms(500))
        .build()
        .unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.proc1");
    std::thread::sleep(ms(2000));
    assert_eq!(p.credentials().unwrap().access_key_id(), "STS.proc2");
    let failing = ProcessProvider::builder("false").build().unwrap();
    assert!(
        failing
            .credentials()
            .unwrap_err()
            .to_string()
            .contains("exited")
    );
}

fn inputs(vars: Vec<(&str, String)>, cli: Option<String>, ini: Option<String>) -> Inputs {
    let file = |t: Option<String>| t.map_or(File::Absent, File::Text);
    Inputs {
        env: Env::new(vars, "ossio-chain-test"),
        cli_config: ("config.json".into(), file(cli)),
        ini: ("credentials".into(), file(ini)),
    }
}

#[test]
fn default_chain_order_with_live_providers() {
    let token = TokenFile::new("chain-token");
    let sts = sts_mock(&token, 3600);
    sts.allow_key("LTAIcli", "cli-secret");
    let md = MockMetadata::start(Imds::V2Required, "ecs-role", Duration::from_secs(3600));
    let (uri, _) = mock_uri(Duration::from_secs(3600));
    let absent = format!("http://{}", closed_port());
    let common = |md_url: &str| {
        vec![
            ("OSSIO_STS_ENDPOINT", sts.url()),
            ("OSSIO_ECS_METADATA_ENDPOINT", md_url.to_owned()),
            (
                "ALIBABA_CLOUD_CREDENTIALS_URI",
                format!("{}/credentials", uri.url()),
            ),
        ]
    };
    let oidc_vars = vec![
        ("ALIBABA_CLOUD_ROLE_ARN", ROLE.to_owned()),
        ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER.to_owned()),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.path.clone()),
    ];
    let cli = format!(
        r#"{{"current":"dev","profiles":[{{"name":"dev","mode":"RamRoleArn","access_key_id":"LTAIcli","access_key_secret":"cli-secret","ram_role_arn":"{ROLE}"}}]}}"#
    );
    let answered = |i: Inputs| {
        let chain = DefaultChain::from_inputs(i);
        let c = chain.credentials().map(|c| c.access_key_id().to_owned());
        (chain.answered_by().unwrap_or_default(), c)
    };

    // Environment first.
    let mut v = common(&md.http.url());
    v.extend(oidc_vars.clone());
    v.push(("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv".into()));
    v.push(("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret".into()));
    let (by, c) = answered(inputs(v, Some(cli.clone()), None));
    assert!(by.starts_with("environment"), "{by}");
    assert_eq!(c.unwrap(), "LTAIenv");
    // Then OIDC.
    let mut v = common(&md.http.url());
    v.extend(oidc_vars.clone());
    let (by, c) = answered(inputs(v, Some(cli.clone()), None));
    assert!(by.starts_with("oidc: oidc_role_arn"), "{by}");
    assert!(c.unwrap().starts_with("STS.issued"));
    // Then the aliyun CLI profile (RamRoleArn through the mock STS).
    let (by, c) = answered(inputs(common(&md.http.url()), Some(cli.clone()), None));
    assert!(by.starts_with("cli_profile: assume_role"), "{by}");
    assert!(c.unwrap().starts_with("STS.issued"));
    // Then the ini file.
    let ini = "[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = s\n";
    let (by, c) = answered(inputs(common(&md.http.url()), None, Some(ini.into())));
    assert!(by.starts_with("profile"), "{by}");
    assert_eq!(c.unwrap(), "LTAIini");
    // Then the ECS role.
    let (by, c) = answered(inputs(common(&md.http.url()), None, None));
    assert!(by.starts_with("ecs_ram_role"), "{by}");
    assert_eq!(c.unwrap(), "STS.ecs1");
    // An absent metadata service is passed over, quickly, for the credentials URI.
    let start = Instant::now();
    let (by, c) = answered(inputs(common(&absent), None, None));
    assert!(start.elapsed() < Duration::from_secs(1));
    assert!(by.starts_with("credentials_uri"), "{by}");
    assert!(c.unwrap().starts_with("STS.uri"));

    // Partly configured OIDC is an error naming what is missing, before any call.
    let mut v = common(&md.http.url());
    v.push(("ALIBABA_CLOUD_ROLE_ARN", ROLE.into()));
    v.push(("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER.into()));
    let calls = sts.calls();
    let (_, c) = answered(inputs(v, None, None));
    let e = c.unwrap_err().to_string();
    assert!(
        e.contains("oidc") && e.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        "{e}"
    );
    assert_eq!(sts.calls(), calls);
    // Nothing anywhere: one error listing every step.
    let v = vec![("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true".to_owned())];
    let e = answered(inputs(v, None, None)).1.unwrap_err().to_string();
    assert!(
        e.contains("environment") && e.contains("credentials_uri"),
        "{e}"
    );
}

#[test]
fn thirty_two_threads_one_fetch_per_expiry() {
    let token = TokenFile::new("tok");
    // Each STS call takes 150 ms, so many threads arrive while one is in flight.
    let sts = MockSts::start(Duration::from_secs(2), ms(150), token.expected(), None);
    let p = Arc::new(
        oidc(&sts, &token)
            .refresh_ahead(ms(1200))
            .min_validity(ms(400))
            .build()
            .unwrap(),
    );
    let barrier = Arc::new(Barrier::new(32));
    let seen = Arc::new(Mutex::new(BTreeSet::new()));
    let run_for = Duration::from_millis(4500);
    let threads: Vec<_> = (0..32)
        .map(|_| {
            let (p, b, seen) = (p.clone(), barrier.clone(), seen.clone());
            std::thread::spawn(move || {
                b.wait();
                let start = Instant::now();
                while start.elapsed() < run_for {
                    let c = p.credentials().expect("credentials throughout");
                    seen.lock().unwrap().insert(c.access_key_id().to_owned());
                    std::thread::sleep(ms(5));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let st = sts.state.lock().unwrap();
    let seen = seen.lock().unwrap();
    // Exactly one fetch per set of credentials: every issued set was used, none fetched twice,
    // never two fetches at once.
    assert_eq!(st.calls, st.issued.len());
    assert_eq!(
        seen.len(),
        st.issued.len(),
        "seen {seen:?}, issued {:?}",
        st.issued
    );
    assert_eq!(st.max_in_flight, 1);
    assert!(
        st.calls >= 3,
        "{} fetches in {run_for:?} of 2 s credentials",
        st.calls
    );
}

#[test]
fn client_uploads_and_downloads_across_oidc_refreshes() {
    let server = Arc::new(
        ossio_server::start(ossio_server::ServerConfig::new().key("admin", "admin-secret"))
            .unwrap(),
    );
    let token = TokenFile::new("k8s-token");
    let s = server.clone();
    let on_issue: OnIssue = Arc::new(move |c: &Credentials| {
        s.add_sts(
            c.access_key_id(),
            c.access_key_secret().expose(),
            c.security_token().unwrap().expose(),
        )
    });
    let sts = MockSts::start(
        Duration::from_secs(3),
        Duration::ZERO,
        token.expected(),
        Some(on_issue),
    );
    let provider = oidc(&sts, &token)
        .refresh_ahead(ms(1500))
        .min_validity(ms(700))
        .build()
        .unwrap();
    let client = Client::builder(server.region())
        .endpoint(&server.endpoint())
        .credentials_provider(provider)
        .build()
        .unwrap();
    client.put_bucket(&PutBucket::new("rotating")).unwrap();
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < Duration::from_millis(5500) {
        let key = format!("obj-{n}");
        let body = format!("payload {n}").into_bytes();
        client
            .put_object(&PutObject::new("rotating", &key).bytes(body.clone()))
            .unwrap();
        let mut got = Vec::new();
        client
            .get_object(&GetObject::new("rotating", &key))
            .unwrap()
            .read_to_end(&mut got)
            .unwrap();
        assert_eq!(got, body);
        n += 1;
        std::thread::sleep(ms(100));
    }
    let issued = sts.state.lock().unwrap().issued.len();
    assert!(
        issued >= 3,
        "at least two refreshes, got {issued} credentials"
    );
    assert!(n > 10);
}

#[test]
fn profile_files_name_what_is_missing() {
    let token = TokenFile::new("tok");
    let sts = sts_mock(&token, 3600);
    sts.allow_key("LTAIcli", "cli-secret");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.json");
    let cfg_text = format!(
        r#"{{"current":"ak","profiles":[
            {{"name":"ak","mode":"AK","access_key_id":"LTAIak","access_key_secret":"s"}},
            {{"name":"role","mode":"RamRoleArn","access_key_id":"LTAIcli","access_key_secret":"cli-secret","ram_role_arn":"{ROLE}"}},
            {{"name":"oidc","mode":"OIDC","ram_role_arn":"{ROLE}","oidc_provider_arn":"{OIDC_PROVIDER}"}}]}}"#
    );
    std::fs::write(&cfg, cfg_text).unwrap();
    let path = cfg.to_str().unwrap();
    let p = ProfileProvider::aliyun_cli(Some(path), Some("ak")).unwrap();
    assert_eq!(p.credentials().unwrap().access_key_id(), "LTAIak");
    assert!(p.describe().starts_with("cli_profile ak"));
    let e = ProfileProvider::aliyun_cli(Some(path), Some("oidc")).unwrap_err();
    assert!(e.to_string().contains("oidc_token_file"), "{e}");
    let e = ProfileProvider::aliyun_cli(Some(path), Some("nope")).unwrap_err();
    assert!(e.to_string().contains("no such profile"), "{e}");
    let ini = dir.path().join("credentials");
    std::fs::write(
        &ini,
        "[default]\ntype = sts\naccess_key_id = LTAIini\naccess_key_secret = s\n",
    )
    .unwrap();
    let e = ProfileProvider::ini(ini.to_str(), None).unwrap_err();
    assert!(e.to_string().contains("security_token"), "{e}");
    let missing = dir.path().join("absent");
    assert!(ProfileProvider::ini(missing.to_str(), None).is_err());
}
