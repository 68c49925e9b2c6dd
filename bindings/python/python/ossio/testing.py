"""Test your code against a local OSS: ``ossio-server`` running in-process on Rust threads.

The server checks signatures and ACLs as OSS does, so the official SDKs (``alibabacloud-oss-v2``,
``oss2``, ``ossfs``) and ossio run against it unmodified::

    from ossio.testing import LocalServer

    with LocalServer() as server:
        client = server.client()                 # an ossio.Client for this server
        client.put_bucket(bucket="my-bucket")
        server.fail_next(1, 503, "ServiceUnavailable")
        ...
        assert [r["operation"] for r in server.requests()].count("PutBucket") == 1

With pytest, the ``oss_server`` (session) and ``oss_bucket`` (a fresh bucket per test)
fixtures come with the package; see ``ossio.pytest_plugin``.
"""

from __future__ import annotations

import os
import secrets
from types import TracebackType
from typing import Any, Dict, List, Optional, Sequence, Type, Union

from ._client import Client
from ._ossio import Credentials, NativeServer, ServerSnapshot

__all__ = ["LocalServer", "ServerSnapshot", "RequestRecord"]

#: One logged request: ``operation`` (API name or ``None``), ``method``, ``bucket``,
#: ``key``, ``status``, ``error_code``, ``access_key_id``, ``fault`` (the injected fault's
#: name or ``None``), ``request_id`` and ``time`` (seconds since the epoch).
RequestRecord = Dict[str, Any]


class LocalServer:
    """A local OSS server for tests. Use it as a context manager, or call ``stop()``.

    :param region: the region requests must be signed for.
    :param access_key_id: the key the server accepts (random when not given).
    :param access_key_secret: its secret (random when not given).
    :param data_dir: keep state durably in this directory instead of in memory.
    :param domains: domains for virtual-hosted addressing (``<bucket>.<domain>``);
        ``localhost`` always works.
    :param port: the port on 127.0.0.1 (0 picks a free one).
    """

    def __init__(
        self,
        *,
        region: str = "cn-hangzhou",
        access_key_id: Optional[str] = None,
        access_key_secret: Optional[str] = None,
        data_dir: Optional[Union[str, "os.PathLike[str]"]] = None,
        domains: Sequence[str] = (),
        port: int = 0,
    ) -> None:
        self.access_key_id = access_key_id or "LTAI" + secrets.token_hex(8)
        self.access_key_secret = access_key_secret or secrets.token_urlsafe(24)
        # Temporary credentials the server also accepts, for code that uses STS tokens.
        self._sts = ("STS." + secrets.token_hex(8), secrets.token_urlsafe(24), secrets.token_urlsafe(48))
        self._native = NativeServer(
            keys=[(self.access_key_id, self.access_key_secret)],
            sts=[self._sts],
            region=region,
            port=port,
            data_dir=os.fspath(data_dir) if data_dir is not None else None,
            domains=list(domains),
        )

    def __repr__(self) -> str:
        return f"LocalServer(endpoint={self.endpoint!r}, region={self.region!r})"

    def __enter__(self) -> "LocalServer":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    # -- facts --------------------------------------------------------------------------

    @property
    def endpoint(self) -> str:
        """``http://127.0.0.1:<port>`` (path-style addressing)."""
        return self._native.endpoint

    @property
    def region(self) -> str:
        """The region to sign for."""
        return self._native.region

    @property
    def credentials(self) -> Credentials:
        """The server's long-lived key pair."""
        return Credentials(self.access_key_id, self.access_key_secret)

    @property
    def sts_credentials(self) -> Credentials:
        """Temporary (STS) credentials the server accepts: a key pair with a security token."""
        return Credentials(*self._sts)

    @property
    def sts_access_key_id(self) -> str:
        """The access key id of the temporary credentials."""
        return self._sts[0]

    @property
    def sts_access_key_secret(self) -> str:
        """The secret of the temporary credentials."""
        return self._sts[1]

    @property
    def session_token(self) -> str:
        """The security token of the temporary credentials."""
        return self._sts[2]

    def client(self, **options: Any) -> Client:
        """An ``ossio.Client`` for this server (extra options go to ``ossio.Client``)."""
        options.setdefault("credentials", self.credentials)
        return Client(self.region, endpoint=self.endpoint, **options)

    # -- controls -----------------------------------------------------------------------

    def fail_next(self, n: int, status: int, code: str) -> None:
        """The next ``n`` requests get an OSS error of ``status`` and ``code`` (nothing runs)."""
        self._native.fail_next(n, status, code)

    def drop_next(self, n: int) -> None:
        """The next ``n`` requests see the connection closed without an answer."""
        self._native.drop_next(n)

    def truncate_next(self, n: int) -> None:
        """The next ``n`` answers stop half-way through their body."""
        self._native.truncate_next(n)

    def delay_next(self, n: int, seconds: float) -> None:
        """The next ``n`` requests wait ``seconds`` before they are handled."""
        self._native.delay_next(n, seconds)

    def corrupt_crc_next(self, n: int) -> None:
        """The next ``n`` answers carry a wrong ``x-oss-hash-crc64ecma``."""
        self._native.corrupt_crc_next(n)

    def set_clock_skew(self, seconds: int) -> None:
        """Moves the server's clock (requests signed with the real time then look skewed)."""
        self._native.set_clock_skew(seconds)

    def clear_faults(self) -> None:
        """Drops queued faults and the clock skew."""
        self._native.clear_faults()

    def reset(self) -> None:
        """Drops every bucket, object and access point."""
        self._native.reset()

    def snapshot(self) -> ServerSnapshot:
        """A copy of the whole state (object bytes included), for ``restore``."""
        return self._native.snapshot()

    def restore(self, snapshot: ServerSnapshot) -> None:
        """Puts back the state of ``snapshot``."""
        self._native.restore(snapshot)

    def requests(self) -> List[RequestRecord]:
        """Every request served so far, oldest first."""
        return self._native.requests()

    def clear_requests(self) -> None:
        """Forgets the logged requests."""
        self._native.clear_requests()

    def stop(self) -> None:
        """Stops the server (idempotent)."""
        self._native.stop()
