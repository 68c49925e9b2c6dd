//! The pure half of the credentials providers: RPC signature vectors from the official
//! credentials libraries, STS requests and answers, metadata and URI answers, profile files
//! and the default chain's decisions.

use ossio_core::Credentials;
use ossio_core::credentials::chain::{Decision, Env, File, Inputs, Source, plan};
use ossio_core::credentials::profile::{ini_source, parse_cli_config, parse_ini};
use ossio_core::credentials::sts::{AssumeRole, AssumeRoleWithOidc, StsEndpoint};
use ossio_core::credentials::{answers, metadata, rpc, sts};
use serde_json::Value;

fn vectors() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/rpc/credentials-libraries.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn params(v: &Value) -> Vec<(String, String)> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn rpc_vectors_byte_for_byte() {
    let v = vectors();
    let mut n = 0;
    for c in v["hmac_sha1_base64"].as_array().unwrap() {
        let got = rpc::hmac_sha1_base64(c["key"].as_str().unwrap(), c["data"].as_str().unwrap());
        assert_eq!(got, c["expected"].as_str().unwrap(), "{}", c["source"]);
        n += 1;
    }
    for c in v["percent_encode"].as_array().unwrap() {
        let got = rpc::percent_encode(c["input"].as_str().unwrap());
        assert_eq!(got, c["expected"].as_str().unwrap(), "{}", c["source"]);
        n += 1;
    }
    for c in v["string_to_sign"].as_array().unwrap() {
        let got = rpc::string_to_sign(c["method"].as_str().unwrap(), &params(&c["params"]));
        assert_eq!(got, c["expected"].as_str().unwrap(), "{}", c["source"]);
        n += 1;
    }
    for c in v["signature"].as_array().unwrap() {
        let p = params(&c["params"]);
        let m = c["method"].as_str().unwrap();
        assert_eq!(
            rpc::string_to_sign(m, &p),
            c["string_to_sign"].as_str().unwrap()
        );
        let got = rpc::signature(m, &p, c["secret"].as_str().unwrap());
        assert_eq!(got, c["expected"].as_str().unwrap(), "{}", c["source"]);
        n += 1;
    }
    assert_eq!(n, 9);
}

fn query_of(url: &str) -> Vec<(String, String)> {
    let q = url.split_once('?').unwrap().1;
    ossio_core::encoding::parse_query(q)
        .unwrap()
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or_default()))
        .collect()
}

fn form_of(body: &[u8]) -> Vec<(String, String)> {
    query_of(&format!("?{}", std::str::from_utf8(body).unwrap()))
}

#[test]
fn assume_role_request_is_signed_over_query_and_form() {
    let mut req = AssumeRole::new("acs:ram::123:role/reader", "ossio-test");
    req.policy = Some(r#"{"Version":"1"}"#.into());
    req.external_id = Some("ext-1".into());
    let creds = Credentials::new("akid", "aksecret").with_security_token("ststoken");
    let call = req
        .to_call(
            "https://sts.cn-beijing.aliyuncs.com",
            &creds,
            1_700_000_000,
            "nonce-1",
        )
        .unwrap();
    assert_eq!(call.method, "POST");
    assert!(
        call.url
            .starts_with("https://sts.cn-beijing.aliyuncs.com/?")
    );
    let mut query = query_of(&call.url);
    let form = form_of(&call.body);
    let get = |v: &[(String, String)], k: &str| v.iter().find(|p| p.0 == k).map(|p| p.1.clone());
    assert_eq!(get(&query, "Action").unwrap(), "AssumeRole");
    assert_eq!(get(&query, "Timestamp").unwrap(), "2023-11-14T22:13:20Z");
    assert_eq!(get(&query, "SecurityToken").unwrap(), "ststoken");
    assert_eq!(get(&form, "RoleArn").unwrap(), "acs:ram::123:role/reader");
    assert_eq!(get(&form, "DurationSeconds").unwrap(), "3600");
    assert_eq!(get(&form, "ExternalId").unwrap(), "ext-1");
    // The signature covers query and form together, as credentials-go computes it.
    let sig_at = query.iter().position(|p| p.0 == "Signature").unwrap();
    let sig = query.remove(sig_at).1;
    let all: Vec<_> = query.into_iter().chain(form).collect();
    assert_eq!(sig, rpc::signature("POST", &all, "aksecret"));
    // Debug never shows the token.
    assert!(!format!("{call:?}").contains("ststoken"));
}

#[test]
fn bad_sts_input_is_a_validation_error_naming_the_field() {
    let creds = Credentials::new("a", "b");
    let e = AssumeRole::new("", "s-1")
        .to_call("sts.aliyuncs.com", &creds, 0, "n")
        .unwrap_err();
    assert_eq!(e.field, "role_arn");
    let mut r = AssumeRole::new("acs:ram::1:role/r", "s-1");
    r.duration_seconds = 100;
    assert_eq!(r.validate().unwrap_err().field, "duration_seconds");
    let r = AssumeRole::new("acs:ram::1:role/r", "bad name!");
    assert_eq!(r.validate().unwrap_err().field, "role_session_name");
    let o = AssumeRoleWithOidc::new("acs:ram::1:role/r", "", "s-1");
    assert_eq!(o.validate().unwrap_err().field, "oidc_provider_arn");
    let o = AssumeRoleWithOidc::new("acs:ram::1:role/r", "acs:ram::1:oidc-provider/p", "s-1");
    assert_eq!(
        o.to_call("sts.aliyuncs.com", "  \n", 0).unwrap_err().field,
        "oidc_token"
    );
    let e = o.to_call("ftp://x", "tok", 0).unwrap_err();
    assert_eq!(e.field, "sts endpoint");
}

#[test]
fn oidc_request_carries_the_token_in_the_body_only() {
    let o = AssumeRoleWithOidc::new("acs:ram::1:role/r", "acs:ram::1:oidc-provider/p", "s-1");
    let call = o.to_call("http://127.0.0.1:1", "eyJ.token\n", 0).unwrap();
    assert!(!call.url.contains("eyJ"));
    let form = form_of(&call.body);
    assert!(form.contains(&("OIDCToken".into(), "eyJ.token".into())));
    assert!(query_of(&call.url).contains(&("Action".into(), "AssumeRoleWithOIDC".into())));
}

#[test]
fn sts_endpoints() {
    let e = |endpoint: Option<&str>, region: Option<&str>, vpc| StsEndpoint {
        endpoint: endpoint.map(Into::into),
        region: region.map(Into::into),
        vpc,
    };
    assert_eq!(
        e(None, None, true).url().unwrap(),
        "https://sts.aliyuncs.com"
    );
    assert_eq!(
        e(None, Some("cn-hangzhou"), false).url().unwrap(),
        "https://sts.cn-hangzhou.aliyuncs.com"
    );
    assert_eq!(
        e(None, Some("cn-hangzhou"), true).url().unwrap(),
        "https://sts-vpc.cn-hangzhou.aliyuncs.com"
    );
    assert_eq!(
        e(Some("sts.cn-shanghai.aliyuncs.com"), Some("x"), true)
            .url()
            .unwrap(),
        "https://sts.cn-shanghai.aliyuncs.com"
    );
    assert_eq!(
        e(Some("http://127.0.0.1:9/"), None, false).url().unwrap(),
        "http://127.0.0.1:9"
    );
    assert_eq!(
        e(None, Some("cn/x"), false).url().unwrap_err().field,
        "sts region"
    );
}

#[test]
fn sts_answers() {
    let ok = br#"{"RequestId":"r1","Credentials":{"AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2021-10-20T04:27:09Z"}}"#;
    let c = sts::parse_response(200, ok).unwrap();
    assert_eq!(c.credentials.access_key_id(), "STS.a");
    assert_eq!(c.expires_at, Some(1_634_704_029));
    let err = br#"{"RequestId":"r2","HostId":"sts.aliyuncs.com","Code":"NoPermission","Message":"You are not authorized"}"#;
    let e = sts::parse_response(403, err).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.request_id.as_deref(), e.retryable()),
        ("NoPermission", Some("r2"), false)
    );
    let t = sts::parse_response(400, br#"{"Code":"Throttling.User","Message":"slow down"}"#)
        .unwrap_err();
    assert!(t.retryable());
    assert!(
        !sts::parse_response(400, br#"{"Code":"InvalidParameter"}"#)
            .unwrap_err()
            .retryable()
    );
    assert_eq!(
        sts::parse_response(502, b"<html>").unwrap_err().code,
        "BadResponse"
    );
    let missing = br#"{"Credentials":{"AccessKeyId":"a","AccessKeySecret":"s","Expiration":"2021-10-20T04:27:09Z"}}"#;
    assert!(
        sts::parse_response(200, missing)
            .unwrap_err()
            .message
            .contains("SecurityToken")
    );
    // Written and read back.
    let creds = Credentials::new("STS.x", "sec").with_security_token("tok");
    let body = sts::success_body("id", &creds, 1_634_704_029);
    assert_eq!(
        sts::parse_response(200, body.as_bytes())
            .unwrap()
            .credentials,
        creds
    );
}

#[test]
fn metadata_flow_and_answers() {
    let t = metadata::token_call("http://127.0.0.1:1", 21600).unwrap();
    assert_eq!(
        (t.method, t.url.as_str()),
        ("PUT", "http://127.0.0.1:1/latest/api/token")
    );
    assert_eq!(
        t.headers,
        vec![(
            "X-aliyun-ecs-metadata-token-ttl-seconds".to_owned(),
            "21600".to_owned()
        )]
    );
    let r = metadata::role_name_call("100.100.100.200", Some("tok")).unwrap();
    assert_eq!(
        r.url,
        "http://100.100.100.200/latest/meta-data/ram/security-credentials/"
    );
    assert_eq!(r.headers[0].0, "X-aliyun-ecs-metadata-token");
    let c = metadata::credentials_call("http://100.100.100.200", "role-a", None).unwrap();
    assert!(c.url.ends_with("/security-credentials/role-a") && c.headers.is_empty());
    assert_eq!(
        metadata::credentials_call("x", "a/b", None)
            .unwrap_err()
            .field,
        "role_name"
    );
    assert_eq!(
        metadata::parse_role_name(200, b"role-a\n").unwrap(),
        "role-a"
    );
    assert!(metadata::parse_role_name(404, b"").is_err());
    let ok = br#"{"AccessKeyId":"STS.a","AccessKeySecret":"s","Expiration":"2021-10-20T04:27:09Z","SecurityToken":"t","LastUpdated":"2021-10-20T03:27:09Z","Code":"Success"}"#;
    assert_eq!(
        metadata::parse_credentials(200, ok).unwrap().expires_at,
        Some(1_634_704_029)
    );
    let e = metadata::parse_credentials(200, br#"{"Code":"Failed","AccessKeySecret":"leak"}"#)
        .unwrap_err();
    assert!(!e.to_string().contains("leak"));
}

#[test]
fn uri_and_process_answers() {
    let ok = br#"{"Code":"Success","AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2021-10-20T04:27:09Z"}"#;
    assert_eq!(
        answers::parse_uri_answer(200, ok)
            .unwrap()
            .credentials
            .access_key_id(),
        "STS.a"
    );
    assert!(answers::parse_uri_answer(500, ok).is_err());
    let p = answers::parse_process_output(
        br#"{"mode":"AK","access_key_id":"a","access_key_secret":"s"}"#,
    )
    .unwrap();
    assert_eq!(p.expires_at, None);
    let e = answers::parse_process_output(
        br#"{"mode":"StsToken","access_key_id":"a","access_key_secret":"s"}"#,
    )
    .unwrap_err();
    assert!(e.reason.contains("sts_token"));
    let p = answers::parse_process_output(br#"{"mode":"StsToken","access_key_id":"a","access_key_secret":"s","sts_token":"t","expiration":"2021-10-20T04:27:09Z"}"#).unwrap();
    assert_eq!(p.expires_at, Some(1_634_704_029));
}

const CLI: &str = r#"{
  "current": "ak",
  "profiles": [
    {"name": "ak", "mode": "AK", "access_key_id": "akid", "access_key_secret": "secret"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "akid", "access_key_secret": "secret", "sts_token": "tok"},
    {"name": "role", "mode": "RamRoleArn", "access_key_id": "akid", "access_key_secret": "secret", "ram_role_arn": "acs:ram::1:role/r", "ram_session_name": "sess", "expired_seconds": 1800, "sts_region": "cn-beijing", "enable_vpc": true},
    {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "ecsrole"},
    {"name": "oidc", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/r", "oidc_provider_arn": "acs:ram::1:oidc-provider/p", "oidc_token_file": "/var/token"},
    {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "role", "ram_role_arn": "acs:ram::2:role/r2"},
    {"name": "uri", "mode": "CredentialsURI", "credentials_uri": "http://127.0.0.1:1/cred"},
    {"name": "ext", "mode": "External", "process_command": "print-creds --json"},
    {"name": "loop1", "mode": "ChainableRamRoleArn", "source_profile": "loop2", "ram_role_arn": "a"},
    {"name": "loop2", "mode": "ChainableRamRoleArn", "source_profile": "loop1", "ram_role_arn": "a"},
    {"name": "half", "mode": "RamRoleArn", "access_key_id": "akid", "access_key_secret": "secret"},
    {"name": "odd", "mode": "CloudSSO"}
  ]
}"#;

fn env(vars: &[(&str, &str)]) -> Env {
    Env::new(vars.iter().map(|(k, v)| (*k, *v)), "ossio-session")
}

#[test]
fn cli_config_every_mode() {
    let cfg = parse_cli_config("config.json", CLI).unwrap();
    let e = env(&[]);
    let name = |p: &str| cfg.source("config.json", p, &e).map(|s| s.name());
    assert_eq!(name("ak").unwrap(), "static");
    assert_eq!(name("sts").unwrap(), "static");
    assert_eq!(name("role").unwrap(), "assume_role/static");
    assert_eq!(name("ecs").unwrap(), "ecs_ram_role");
    assert_eq!(name("oidc").unwrap(), "oidc_role_arn");
    assert_eq!(name("chain").unwrap(), "assume_role/assume_role/static");
    assert_eq!(name("uri").unwrap(), "credentials_uri");
    assert_eq!(name("ext").unwrap(), "process");
    match cfg.source("config.json", "role", &e).unwrap() {
        Source::AssumeRole { request, sts, .. } => {
            assert_eq!(
                (request.duration_seconds, request.role_session_name.as_str()),
                (1800, "sess")
            );
            assert_eq!(
                sts.url().unwrap(),
                "https://sts-vpc.cn-beijing.aliyuncs.com"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(name("loop1").unwrap_err().reason.contains("loops"));
    let half = name("half").unwrap_err();
    assert!(half.reason.contains("ram_role_arn"), "{half}");
    assert!(name("odd").unwrap_err().reason.contains("CloudSSO"));
    assert!(!format!("{:?}", cfg).contains("secret"));
    assert!(parse_cli_config("c", "{").is_err());
}

const INI: &str = "
# comment
[default]
enable = true
type = access_key
access_key_id = foo
access_key_secret = bar   # inline comment

[client1]
type = ecs_ram_role
role_name = EcsRamRoleTest

[client2]
type = ram_role_arn
access_key_id = foo
access_key_secret = bar
role_arn = role_arn
role_session_name = session_name

[client3]
type = oidc_role_arn
role_arn = acs:ram::1:role/r
oidc_provider_arn = acs:ram::1:oidc-provider/p
oidc_token_file_path = /var/token

[broken]
type = ram_role_arn
access_key_id = foo
";

#[test]
fn ini_file_every_type() {
    let ini = parse_ini("credentials", INI).unwrap();
    let e = env(&[]);
    match ini_source("credentials", &ini, "default", &e).unwrap() {
        Source::Static(c) => assert_eq!(
            (c.access_key_id(), c.access_key_secret().expose()),
            ("foo", "bar")
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        ini_source("credentials", &ini, "client1", &e)
            .unwrap()
            .name(),
        "ecs_ram_role"
    );
    assert_eq!(
        ini_source("credentials", &ini, "client2", &e)
            .unwrap()
            .name(),
        "assume_role/static"
    );
    assert_eq!(
        ini_source("credentials", &ini, "client3", &e)
            .unwrap()
            .name(),
        "oidc_role_arn"
    );
    let err = ini_source("credentials", &ini, "broken", &e).unwrap_err();
    assert!(err.reason.contains("access_key_secret"), "{err}");
    assert!(parse_ini("c", "[x\n").is_err());
    assert!(parse_ini("c", "k = v\n").is_err());
}

fn inputs(vars: &[(&str, &str)], cli: Option<&str>, ini: Option<&str>) -> Inputs {
    let file = |t: Option<&str>| t.map_or(File::Absent, |t| File::Text(t.to_owned()));
    Inputs {
        env: env(vars),
        cli_config: ("~/.aliyun/config.json".into(), file(cli)),
        ini: ("~/.alibabacloud/credentials".into(), file(ini)),
    }
}

/// The first decisive step: (name, "use" | "try" | "fail").
fn first(i: &Inputs) -> (&'static str, &'static str, String) {
    for s in plan(i) {
        match s.decision {
            Decision::Use(src) => return (s.name, "use", src.name()),
            Decision::Try(src) => return (s.name, "try", src.name()),
            Decision::Fail(e) => return (s.name, "fail", e),
            Decision::Skip(_) => {}
        }
    }
    ("none", "none", String::new())
}

#[test]
fn chain_order_and_partial_configuration() {
    let oidc = [
        ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"),
        (
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/p",
        ),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/var/token"),
    ];
    let ak = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "a"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s"),
    ];
    // Environment beats everything.
    let all: Vec<_> = ak.iter().chain(oidc.iter()).copied().collect();
    assert_eq!(first(&inputs(&all, Some(CLI), Some(INI))).0, "environment");
    // Then OIDC.
    assert_eq!(first(&inputs(&oidc, Some(CLI), Some(INI))).0, "oidc");
    // Then the CLI profile (current, or ALIBABA_CLOUD_PROFILE).
    assert_eq!(first(&inputs(&[], Some(CLI), Some(INI))).0, "cli_profile");
    assert_eq!(
        first(&inputs(
            &[("ALIBABA_CLOUD_PROFILE", "oidc")],
            Some(CLI),
            Some(INI)
        ))
        .2,
        "oidc_role_arn"
    );
    // A profile only the ini file has: the CLI step passes, the ini step answers.
    assert_eq!(
        first(&inputs(
            &[("ALIBABA_CLOUD_PROFILE", "client1")],
            Some(CLI),
            Some(INI)
        )),
        ("profile", "use", "ecs_ram_role".into())
    );
    assert_eq!(
        first(&inputs(
            &[("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")],
            Some(CLI),
            Some(INI)
        ))
        .0,
        "profile"
    );
    // Then ECS (tried), unless disabled; a configured role name makes it definite.
    assert_eq!(
        first(&inputs(&[], None, None)),
        ("ecs_ram_role", "try", "ecs_ram_role".into())
    );
    assert_eq!(
        first(&inputs(&[("ALIBABA_CLOUD_ECS_METADATA", "r")], None, None)).1,
        "use"
    );
    let uri = [
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
        ("ALIBABA_CLOUD_CREDENTIALS_URI", "http://127.0.0.1:1/"),
    ];
    assert_eq!(first(&inputs(&uri, None, None)).0, "credentials_uri");
    assert_eq!(first(&inputs(&uri[..1], None, None)).0, "none");

    // Partly configured: an error naming what is missing, not a skip.
    let (name, what, msg) = first(&inputs(
        &[
            ("ALIBABA_CLOUD_ROLE_ARN", "r"),
            ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "p"),
        ],
        None,
        None,
    ));
    assert_eq!((name, what), ("oidc", "fail"));
    assert!(msg.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), "{msg}");
    let (_, what, msg) = first(&inputs(&[("ALIBABA_CLOUD_ACCESS_KEY_ID", "a")], None, None));
    assert_eq!(what, "fail");
    assert!(msg.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
    let (_, what, msg) = first(&inputs(
        &[("ALIBABA_CLOUD_PROFILE", "half")],
        Some(CLI),
        None,
    ));
    assert_eq!(what, "fail");
    assert!(msg.contains("ram_role_arn"));
    let mut i = inputs(&[], None, None);
    i.ini.1 = File::Unreadable("permission denied".into());
    assert_eq!(first(&i).1, "fail");
}
