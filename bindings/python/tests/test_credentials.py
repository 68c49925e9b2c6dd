"""``ossio.credentials``: providers against local stand-ins for STS and a credentials URI
on 127.0.0.1, the default chain, typed errors, and secrets that never show."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import ossio
from ossio import credentials as oc

from conftest import AK, SK

SECRET = "sk-py-NEVER-PRINT-9f1c"
TOKEN = "CAIS-py-token-NEVER-PRINT-77ab"
ROLE = "acs:ram::1234567890123456:role/py"
OIDC = "acs:ram::1234567890123456:oidc-provider/rrsa"

Handler = Callable[[str, str, Dict[str, str]], Tuple[int, Dict[str, Any]]]


def expiration(seconds: float) -> str:
    at = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds)
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def mock() -> Iterator[Callable[[Handler], str]]:
    """Starts HTTP servers on 127.0.0.1 answering with a handler(method, path, params)."""
    servers: List[ThreadingHTTPServer] = []

    def start(handler: Handler) -> str:
        class H(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                parsed = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(parsed.query))
                length = int(self.headers.get("Content-Length") or 0)
                params.update(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                status, body = handler(self.command, parsed.path, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args: Any) -> None:
                pass

        srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}"

    yield start
    for s in servers:
        s.shutdown()


def sts_handler(lifetime: float, token_file: Path, seen: List[str]) -> Handler:
    def handle(method: str, path: str, p: Dict[str, str]) -> Tuple[int, Dict[str, Any]]:
        assert method == "POST" and p["Action"] == "AssumeRoleWithOIDC"
        seen.append(p["OIDCToken"])
        if p["OIDCToken"] != token_file.read_text().strip():
            return 400, {"Code": "AuthenticationFail.OIDCToken.Invalid", "Message": f"bad {p['OIDCToken']}"}
        n = len(seen)
        return 200, {
            "RequestId": "r",
            "Credentials": {
                "AccessKeyId": f"STS.py{n}",
                "AccessKeySecret": SECRET,
                "SecurityToken": TOKEN,
                "Expiration": expiration(lifetime),
            },
        }

    return handle


def test_oidc_refreshes_and_rereads_the_rotated_token(mock: Callable[[Handler], str], tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("oidc-1")
    seen: List[str] = []
    sts = mock(sts_handler(3, token, seen))
    p = oc.OidcRoleArn(ROLE, OIDC, str(token), sts_endpoint=sts, role_session_name="py-test",
                       refresh_ahead=1.5, min_validity=0.5)
    assert p.credentials().access_key_id == "STS.py1"
    assert p.credentials().access_key_id == "STS.py1"
    token.write_text("oidc-2")
    time.sleep(2)
    c = p.credentials()
    assert c.access_key_id == "STS.py2" and c.has_security_token
    assert seen == ["oidc-1", "oidc-2"]
    assert "oidc_role_arn" in p.name


def test_uri_provider_signs_client_requests(mock: Callable[[Handler], str], server: str) -> None:
    calls: List[int] = []

    def handle(method: str, path: str, p: Dict[str, str]) -> Tuple[int, Dict[str, Any]]:
        calls.append(1)
        return 200, {"Code": "Success", "AccessKeyId": AK, "AccessKeySecret": SK,
                     "SecurityToken": "any", "Expiration": expiration(3600)}

    uri = mock(handle)
    client = ossio.Client("cn-hangzhou", endpoint=server, credentials=oc.CredentialsUri(f"{uri}/creds"))
    client.put_bucket(bucket="py-creds-uri")
    client.put_object(bucket="py-creds-uri", key="k", body=b"v")
    assert client.get_object(bucket="py-creds-uri", key="k").body == b"v"
    assert len(calls) == 1


def test_assume_role_chains_over_credentials(mock: Callable[[Handler], str]) -> None:
    actions: List[Tuple[str, str]] = []

    def handle(method: str, path: str, p: Dict[str, str]) -> Tuple[int, Dict[str, Any]]:
        actions.append((p["Action"], p["AccessKeyId"]))
        assert p["SignatureMethod"] == "HMAC-SHA1" and p["Signature"]
        return 200, {"Credentials": {"AccessKeyId": f"STS.r{len(actions)}", "AccessKeySecret": SECRET,
                                     "SecurityToken": TOKEN, "Expiration": expiration(3600)}}

    sts = mock(handle)
    first = oc.AssumeRole(ossio.Credentials("LTAIbase", SECRET), ROLE, sts_endpoint=sts)
    second = oc.AssumeRole(first, ROLE, sts_endpoint=sts, external_id="ext")
    assert second.credentials().access_key_id == "STS.r2"
    assert actions == [("AssumeRole", "LTAIbase"), ("AssumeRole", "STS.r1")]


def test_bad_options_are_validation_errors_naming_the_field() -> None:
    with pytest.raises(ossio.ValidationError) as e:
        oc.OidcRoleArn(ROLE, OIDC, "/t", duration_seconds=60)
    assert e.value.field == "duration_seconds"
    with pytest.raises(ossio.ValidationError) as e:
        oc.AssumeRole(ossio.Credentials("a", "b"), "")
    assert e.value.field == "role_arn"
    with pytest.raises(ossio.ValidationError) as e:
        oc.CredentialsUri("file:///etc/passwd")
    assert e.value.field == "credentials_uri"
    with pytest.raises(ossio.ValidationError) as e:
        oc.EcsRamRole(read_timeout=-1)
    assert e.value.field == "read_timeout"
    with pytest.raises(ossio.ValidationError):
        oc.AssumeRole("not a provider", ROLE)  # type: ignore[arg-type]


def test_default_chain_and_partial_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for k in ("OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_ID",
              "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_PROFILE"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("ALIBABA_CLOUD_ROLE_ARN", ROLE)
    monkeypatch.setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC)
    with pytest.raises(ossio.CredentialsError) as e:
        oc.DefaultChain().credentials()
    assert "ALIBABA_CLOUD_OIDC_TOKEN_FILE" in str(e.value)
    assert isinstance(e.value, ossio.ConfigError)
    monkeypatch.delenv("ALIBABA_CLOUD_ROLE_ARN")
    monkeypatch.delenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN")
    ini = tmp_path / ".alibabacloud" / "credentials"
    ini.parent.mkdir()
    ini.write_text(f"[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = {SECRET}\n")
    chain = oc.DefaultChain()
    assert chain.answered_by is None
    assert chain.credentials().access_key_id == "LTAIini"
    assert chain.answered_by is not None and chain.answered_by.startswith("profile")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
    env_first = oc.DefaultChain()
    assert env_first.credentials().access_key_id == "LTAIenv"
    assert env_first.answered_by == "environment: static access key LTAIenv"
    assert oc.ProfileFile(path=str(ini)).credentials().access_key_id == "LTAIini"
    with pytest.raises(ossio.CredentialsError):
        oc.CliProfile(path=str(tmp_path / "absent.json"))


def test_failed_refresh_keeps_valid_credentials_then_expired_is_typed(
    mock: Callable[[Handler], str], tmp_path: Path
) -> None:
    token = tmp_path / "token"
    token.write_text("t")
    seen: List[str] = []
    ok = sts_handler(4, token, seen)
    refuse = [False]

    def handle(method: str, path: str, p: Dict[str, str]) -> Tuple[int, Dict[str, Any]]:
        if refuse[0]:
            seen.append("refused")
            return 403, {"Code": "NoPermission", "Message": "not now"}
        return ok(method, path, p)

    sts = mock(handle)
    p = oc.OidcRoleArn(ROLE, OIDC, str(token), sts_endpoint=sts, refresh_ahead=3.5, min_validity=1.0)
    first = p.credentials().access_key_id
    refuse[0] = True
    time.sleep(0.6)
    # Inside the refresh window and still valid: STS refuses, the valid credentials stay.
    assert [p.credentials().access_key_id for _ in range(20)] == [first] * 20
    assert seen.count("refused") == 1
    time.sleep(3.0)
    with pytest.raises(ossio.CredentialsExpiredError):
        p.credentials()


def test_secrets_never_show(mock: Callable[[Handler], str], tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN)

    def echo(method: str, path: str, p: Dict[str, str]) -> Tuple[int, Dict[str, Any]]:
        return 400, {"Code": "InvalidParameter", "Message": f"bad {p.get('OIDCToken')} {p.get('SecurityToken')}"}

    sts = mock(echo)
    shown: List[str] = []
    providers: List[oc.Provider] = [
        oc.OidcRoleArn(ROLE, OIDC, str(token), sts_endpoint=sts),
        oc.AssumeRole(ossio.Credentials("a", SECRET, TOKEN), ROLE, sts_endpoint=sts),
        oc.CredentialsUri(f"{sts}/c?token={TOKEN}&secret={SECRET}"),
        oc.Process(f"/bin/echo {SECRET}"),
        oc.EcsRamRole(endpoint=sts),
    ]
    for p in providers:
        shown += [repr(p), str(p), p.name]
        with pytest.raises(ossio.OssError) as e:
            p.credentials()
        shown += [str(e.value), repr(e.value)]
    for s in shown:
        assert SECRET not in s and TOKEN not in s, s
