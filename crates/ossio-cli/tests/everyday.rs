//! ls, cp, rm, presign, mb, rb, serve, config, completions, and the progress bar on a
//! pseudo-terminal.

mod common;

use common::*;
use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;

#[test]
fn cp_50_mib_both_ways_with_crc() {
    let f = Fixture::new();
    f.run(&["mb", "oss://cli-big"]).ok();
    let bytes = data(50 << 20, 0x5eed);
    let crc = crc64(&bytes);
    let src = f.path("big.bin");
    std::fs::write(&src, &bytes).unwrap();

    let up = f.json(&[
        "cp",
        src.to_str().unwrap(),
        "oss://cli-big/data/",
        "-o",
        "json",
    ]);
    assert_eq!(up["Destination"], "oss://cli-big/data/big.bin");
    assert_eq!(up["Size"], 50 << 20);
    assert_eq!(up["HashCrc64ecma"], crc.to_string());
    let head = f.json(&[
        "api",
        "head-object",
        "--bucket",
        "cli-big",
        "--key",
        "data/big.bin",
    ]);
    assert_eq!(head["hash_crc64"], crc, "the server holds the same bytes");

    let down_dir = f.path("down");
    std::fs::create_dir(&down_dir).unwrap();
    let down = f.json(&[
        "cp",
        "oss://cli-big/data/big.bin",
        down_dir.to_str().unwrap(),
        "-o",
        "json",
    ]);
    assert_eq!(down["HashCrc64ecma"], crc.to_string());
    let got = std::fs::read(down_dir.join("big.bin")).unwrap();
    assert_eq!(got.len(), bytes.len());
    assert_eq!(crc64(&got), crc);
    assert!(got == bytes);

    // A corrupted checksum on the way down: exit 5, and no file appears (a small object
    // suffices for this).
    let small = f.path("small.bin");
    std::fs::write(&small, data(1 << 20, 3)).unwrap();
    f.run(&["cp", small.to_str().unwrap(), "oss://cli-big/small.bin"])
        .ok();
    // To stdout: the bytes only.
    let out = f
        .cmd()
        .args(["cp", "oss://cli-big/small.bin", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, data(1 << 20, 3));
    let dest = f.path("corrupt.bin");
    f.server.faults().corrupt_crc_next(1);
    let r = f.run(&["cp", "oss://cli-big/small.bin", dest.to_str().unwrap()]);
    r.code(5);
    assert!(r.stderr.contains("CRC-64 mismatch"), "{}", r.stderr);
    assert!(!dest.exists());
    assert!(!f.path("corrupt.bin.ossio-part").exists());
    // ... and on the way up.
    f.server.faults().corrupt_crc_next(1);
    f.run(&["cp", small.to_str().unwrap(), "oss://cli-big/again.bin"])
        .code(5);
}

#[test]
fn ls_rm_mb_rb_presign() {
    let f = Fixture::new();
    let r = f.run(&["mb", "oss://cli-day", "--acl", "public-read"]);
    r.ok();
    assert!(
        r.stdout.starts_with("Created    oss://cli-day\n"),
        "{}",
        r.stdout
    );
    let acl = f.json(&["api", "get-bucket-acl", "--bucket", "cli-day"]);
    assert_eq!(acl["acl"], "public-read");
    // OSS answers 200 to the owner re-creating a bucket and leaves it as it is.
    f.run(&["mb", "oss://cli-day"]).ok();
    let acl = f.json(&["api", "get-bucket-acl", "--bucket", "cli-day"]);
    assert_eq!(acl["acl"], "public-read");

    let file = f.path("note.txt");
    std::fs::write(&file, b"some notes").unwrap();
    for key in ["a/one.txt", "a/two.txt", "a/b/three.txt", "top.txt"] {
        f.run(&[
            "cp",
            file.to_str().unwrap(),
            &format!("oss://cli-day/{key}"),
        ])
        .ok();
    }
    let head = f.json(&[
        "api",
        "head-object",
        "--bucket",
        "cli-day",
        "--key",
        "top.txt",
    ]);
    assert_eq!(
        head["content_type"], "text/plain",
        "guessed from the extension"
    );

    let ls = f.run(&["ls"]);
    ls.ok();
    assert!(
        ls.stdout.lines().any(|l| l.starts_with("cli-day ")),
        "{}",
        ls.stdout
    );
    let ls = f.run(&["ls", "oss://cli-day"]);
    ls.ok();
    let lines: Vec<&str> = ls.stdout.lines().collect();
    assert!(lines[0].starts_with("TYPE"), "{}", ls.stdout);
    assert!(
        lines[1].starts_with("prefix") && lines[1].ends_with("a/"),
        "{}",
        ls.stdout
    );
    assert!(
        lines[2].starts_with("object") && lines[2].ends_with("  top.txt"),
        "{}",
        ls.stdout
    );
    assert!(lines[2].contains(" 10 "), "{}", ls.stdout);
    assert_eq!(lines.len(), 3);
    let all = f.json(&["ls", "-r", "oss://cli-day/a/", "-o", "json"]);
    let keys: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["a/b/three.txt", "a/one.txt", "a/two.txt"]);

    // A presigned GET works without credentials.
    let url = f.run(&["presign", "oss://cli-day/top.txt", "--expires", "15m"]);
    url.ok();
    let url = url.stdout.trim();
    assert!(url.contains("x-oss-expires=900"), "{url}");
    let (status, body) = http_get(url);
    assert_eq!(status, 200);
    assert_eq!(body, b"some notes");
    let j = f.json(&[
        "presign",
        "oss://cli-day/top.txt",
        "--method",
        "PUT",
        "-o",
        "json",
    ]);
    assert_eq!(j["Method"], "PUT");
    f.run(&["presign", "oss://cli-day/top.txt", "--expires", "1y"])
        .code(2);

    f.run(&["rm", "oss://cli-day/top.txt"]).ok();
    f.run(&[
        "api",
        "head-object",
        "--bucket",
        "cli-day",
        "--key",
        "top.txt",
    ])
    .code(3);
    f.run(&["rm", "oss://cli-day/"]).code(2);
    let r = f.run(&["rm", "-r", "oss://cli-day/a/b/", "-o", "json"]);
    r.ok();
    assert!(r.stdout.contains("\"Deleted\": 1"), "{}", r.stdout);

    let r = f.run(&["rb", "oss://cli-day"]);
    r.code(3);
    assert!(r.stderr.contains("BucketNotEmpty"), "{}", r.stderr);
    let r = f.run(&["rb", "oss://cli-day", "--force", "-o", "json"]);
    r.ok();
    assert!(r.stdout.contains("\"ObjectsDeleted\": 2"), "{}", r.stdout);
    f.run(&["api", "get-bucket-info", "--bucket", "cli-day"])
        .code(3);
}

/// A bare HTTP/1.1 GET of a presigned URL on the loopback server.
fn http_get(url: &str) -> (u16, Vec<u8>) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut resp = Vec::new();
    s.read_to_end(&mut resp).unwrap();
    let split = resp.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&resp[..split]).into_owned();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, resp[split + 4..].to_vec())
}

#[test]
fn cp_from_stdin_and_progress_only_on_a_terminal() {
    let f = Fixture::new();
    f.run(&["mb", "oss://cli-pipe"]).ok();
    let out = with_stdin(
        f.cmd().args(["cp", "-", "oss://cli-pipe/from-stdin"]),
        b"piped bytes",
    );
    assert!(out.status.success(), "{out:?}");
    // Piped stderr: no progress bar.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let head = f.json(&[
        "api",
        "head-object",
        "--bucket",
        "cli-pipe",
        "--key",
        "from-stdin",
    ]);
    assert_eq!(head["content_length"], 11);
}

/// Runs `ossio` inside a pseudo-terminal with `script` (util-linux) and returns what the
/// terminal showed.
fn in_pty(f: &Fixture, args: &[&str]) -> Option<(i32, String)> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())?;
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(BIN);
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    let out = std::process::Command::new(script)
        .args(["-qefc", &line, "/dev/null"])
        .envs(f.cmd().get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn progress_bar_on_a_pseudo_terminal() {
    let f = Fixture::new();
    f.run(&["mb", "oss://cli-tty"]).ok();
    let src = f.path("tty.bin");
    std::fs::write(&src, data(8 << 20, 7)).unwrap();
    let Some((code, screen)) = in_pty(&f, &["cp", src.to_str().unwrap(), "oss://cli-tty/tty.bin"])
    else {
        eprintln!("no `script` (util-linux) on this machine: the pseudo-terminal test cannot run");
        return;
    };
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("\rupload "), "{screen:?}");
    assert!(screen.contains("100% 8.0 MiB/8.0 MiB"), "{screen:?}");
    assert!(
        screen.contains("[##############################]"),
        "{screen:?}"
    );

    let dest = f.path("tty-down.bin");
    let (code, screen) =
        in_pty(&f, &["cp", "oss://cli-tty/tty.bin", dest.to_str().unwrap()]).unwrap();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("\rdownload oss://cli-tty/tty.bin"),
        "{screen:?}"
    );
    assert!(screen.contains("100%"), "{screen:?}");
    assert_eq!(
        crc64(&std::fs::read(&dest).unwrap()),
        crc64(&data(8 << 20, 7))
    );

    // The same copy with stderr piped draws nothing.
    let r = f.run(&["cp", "oss://cli-tty/tty.bin", dest.to_str().unwrap()]);
    r.ok();
    assert!(
        !r.stderr.contains('\r') && r.stderr.is_empty(),
        "{:?}",
        r.stderr
    );
    // And --no-progress turns it off on a terminal too.
    let (_, screen) = in_pty(
        &f,
        &[
            "--no-progress",
            "cp",
            "oss://cli-tty/tty.bin",
            dest.to_str().unwrap(),
        ],
    )
    .unwrap();
    assert!(!screen.contains("100%"), "{screen:?}");
}

#[test]
fn profile_file_and_precedence() {
    let f = Fixture::new();
    let cfg = f.home.path().join(".ossio").join("config");
    // Written from flags (stdin is not a terminal: nothing is asked).
    let r = run(f.bare().args([
        "config",
        "--region",
        f.server.region(),
        "--endpoint",
        &f.server.endpoint(),
        "--access-key-id",
        ossio_server::DEFAULT_ACCESS_KEY_ID,
        "--access-key-secret",
        ossio_server::DEFAULT_ACCESS_KEY_SECRET,
    ]));
    r.ok();
    assert!(!r.stdout.contains(ossio_server::DEFAULT_ACCESS_KEY_SECRET));
    assert!(!r.stderr.contains(ossio_server::DEFAULT_ACCESS_KEY_SECRET));
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        text.starts_with("[default]\nregion = cn-hangzhou\n"),
        "{text}"
    );
    assert!(text.contains("access_key_secret = test-access-key-secret\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&cfg).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    // The profile alone is enough to talk to the server.
    run(f.bare().args(["mb", "oss://cli-profile"])).ok();
    let ls = run(f.bare().arg("ls"));
    ls.ok();
    assert!(ls.stdout.contains("cli-profile"));

    let show = |cmd: &mut std::process::Command| -> serde_json::Value {
        let r = run(cmd.args(["config", "--show", "-o", "json"]));
        r.ok();
        assert!(
            !r.stdout.contains(ossio_server::DEFAULT_ACCESS_KEY_SECRET),
            "{}",
            r.stdout
        );
        serde_json::from_str(&r.stdout).unwrap()
    };
    let setting = |v: &serde_json::Value, key: &str| -> (String, String) {
        let s = v["Settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["Key"] == key)
            .unwrap_or_else(|| panic!("{key} in {v}"));
        (
            s["Value"].as_str().unwrap().into(),
            s["Source"].as_str().unwrap().into(),
        )
    };
    let v = show(&mut f.bare());
    assert_eq!(
        setting(&v, "region"),
        ("cn-hangzhou".into(), "profile default".into())
    );
    assert_eq!(
        setting(&v, "access_key_secret"),
        ("****".into(), "profile default".into())
    );
    // Environment over profile, flags over environment.
    let v = show(f.bare().env("OSS_REGION", "cn-env"));
    assert_eq!(
        setting(&v, "region"),
        ("cn-env".into(), "env OSS_REGION".into())
    );
    let v = show(f.bare().env("ALIBABA_CLOUD_REGION_ID", "cn-alibaba"));
    assert_eq!(setting(&v, "region").1, "env ALIBABA_CLOUD_REGION_ID");
    let v = show(
        f.bare()
            .env("OSS_REGION", "cn-env")
            .args(["--region", "cn-flag"]),
    );
    assert_eq!(setting(&v, "region"), ("cn-flag".into(), "flag".into()));
    // Credentials come as a set: an id in the environment brings its own secret.
    let v = show(
        f.bare()
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-ak")
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-sk"),
    );
    assert_eq!(
        setting(&v, "access_key_id"),
        ("env-ak".into(), "env ALIBABA_CLOUD_ACCESS_KEY_ID".into())
    );
    assert_eq!(
        setting(&v, "access_key_secret").1,
        "env ALIBABA_CLOUD_ACCESS_KEY_SECRET"
    );
    // With wrong keys in the environment the server refuses: the environment won.
    run(f
        .bare()
        .env("OSS_ACCESS_KEY_ID", "env-ak")
        .env("OSS_ACCESS_KEY_SECRET", "env-sk")
        .arg("ls"))
    .code(3);

    // Named profiles, selected by flag or OSSIO_PROFILE; a missing one is a usage error.
    run(f
        .bare()
        .args(["config", "--profile", "other", "--region", "cn-other"]))
    .ok();
    let v = show(f.bare().args(["--profile", "other"]));
    assert_eq!(
        setting(&v, "region"),
        ("cn-other".into(), "profile other".into())
    );
    let v = show(f.bare().env("OSSIO_PROFILE", "other"));
    assert_eq!(setting(&v, "region").1, "profile other");
    run(f.bare().args(["--profile", "missing", "ls"])).code(2);
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(
        text.contains("\n[profile other]\nregion = cn-other\n"),
        "{text}"
    );
    assert!(
        text.contains("endpoint = http"),
        "the default profile is kept: {text}"
    );

    // OSSIO_CONFIG_FILE moves the file.
    let elsewhere = f.path("elsewhere.ini");
    run(f
        .bare()
        .env("OSSIO_CONFIG_FILE", &elsewhere)
        .args(["config", "--region", "cn-x"]))
    .ok();
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "[default]\nregion = cn-x\n"
    );
    // Nothing to write, not a terminal: usage error.
    run(f.bare().arg("config")).code(2);
}

#[test]
fn serve_runs_the_local_server() {
    let data = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let start = || {
        let mut child = bare(home.path())
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--data-dir",
                data.path().to_str().unwrap(),
            ])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let endpoint = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap()
            .to_owned();
        (child, endpoint)
    };
    let client = |endpoint: &str| {
        let mut c = bare(home.path());
        c.args(["--region", "cn-hangzhou", "--endpoint", endpoint])
            .env("OSS_ACCESS_KEY_ID", ossio_server::DEFAULT_ACCESS_KEY_ID)
            .env(
                "OSS_ACCESS_KEY_SECRET",
                ossio_server::DEFAULT_ACCESS_KEY_SECRET,
            );
        c
    };
    let (mut child, endpoint) = start();
    run(client(&endpoint).args(["mb", "oss://cli-served"])).ok();
    child.kill().unwrap();
    child.wait().unwrap();
    // The data directory keeps the bucket across restarts.
    let (mut child, endpoint) = start();
    let ls = run(client(&endpoint).arg("ls"));
    child.kill().unwrap();
    child.wait().unwrap();
    ls.ok();
    assert!(ls.stdout.contains("cli-served"), "{}", ls.stdout);
}

#[test]
fn completions_and_help() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let r = run(bare(home.path()).args(["completions", shell]));
        r.ok();
        assert!(r.stdout.contains("create-access-point"), "{shell}");
        assert!(r.stdout.contains("access-point-name"), "{shell}");
    }
    run(bare(home.path()).args(["completions", "tcsh"])).code(2);
    let help = run(bare(home.path()).args(["api", "create-access-point", "--help"]));
    help.ok();
    for needle in [
        "CreateAccessPoint: Creates an access point on a bucket.",
        "--bucket <BUCKET>",
        "--access-point-name <ACCESS_POINT_NAME>",
        "Access point name (3–19 of [a-z0-9-]). [required]",
        "--network-origin <NETWORK_ORIGIN>",
        "[possible values: vpc, internet]",
        "--vpc-id <VPC_ID>",
        "--dry-run",
        "--show-signature",
        "OSS_ACCESS_KEY_ID",
    ] {
        assert!(help.stdout.contains(needle), "{needle} in {}", help.stdout);
    }
    let top = run(bare(home.path()).arg("--help"));
    top.ok();
    assert!(
        top.stdout.contains("Exit codes: 0 success"),
        "{}",
        top.stdout
    );
}

#[test]
fn interactive_config_reads_the_secret_without_echo() {
    let Some(script) = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        eprintln!("no `script` (util-linux) on this machine: the pseudo-terminal test cannot run");
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(script)
        .args(["-qefc", &format!("'{BIN}' config"), "/dev/null"])
        .envs(
            bare(home.path())
                .get_envs()
                .filter_map(|(k, v)| v.map(|v| (k, v))),
        )
        .env_remove("OSS_REGION")
        .env_remove("OSS_ACCESS_KEY_ID")
        .env_remove("OSS_ACCESS_KEY_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut screen = String::new();
    // Answers each prompt once it is on the screen.
    let mut answer = |prompt: &str, reply: &str, screen: &mut String| {
        let mut buf = [0u8; 256];
        while !screen.contains(prompt) {
            let n = stdout.read(&mut buf).unwrap();
            assert!(n > 0, "the prompt {prompt:?} never came: {screen:?}");
            screen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        stdin.write_all(reply.as_bytes()).unwrap();
        stdin.flush().unwrap();
    };
    answer("region: ", "cn-asked\n", &mut screen);
    answer("endpoint: ", "\n", &mut screen);
    answer("access_key_id: ", "asked-ak\n", &mut screen);
    answer("access_key_secret: ", "asked-secret-value\n", &mut screen);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success(), "{screen}{rest}");
    screen.push_str(&rest);
    assert!(
        screen.contains("asked-ak"),
        "plain answers echo: {screen:?}"
    );
    assert!(
        !screen.contains("asked-secret-value"),
        "the secret must not echo: {screen:?}"
    );
    let text = std::fs::read_to_string(home.path().join(".ossio/config")).unwrap();
    assert_eq!(
        text,
        "[default]\nregion = cn-asked\naccess_key_id = asked-ak\naccess_key_secret = asked-secret-value\n"
    );
}
