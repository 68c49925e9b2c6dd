"""``ossio.Client``: every operation as a method (generated in ``_operations``) over the
Rust client, which signs, sends (with the GIL released), retries and parses."""

from __future__ import annotations

import io
import os
from typing import IO, Any, Iterable, Optional, Union

from . import ops
from ._model import Operation, _Out
from ._operations import Operations
from ._ossio import Credentials, NativeClient, PresignedRequest, Provider, Request

#: Where ``get_object_to_file`` can write.
Destination = Union[str, "os.PathLike[str]", IO[bytes]]


class Client(Operations):
    """A blocking OSS client, safe to share between threads.

    ``Client(region="cn-hangzhou")`` uses the public endpoint of the region and credentials
    from the default chain (``ossio.credentials.DefaultChain``: the environment, OIDC, the
    aliyun CLI profile, the ini profile, the ECS RAM role, a credentials URI);
    ``credentials=`` takes an ``ossio.Credentials`` or any ``ossio.credentials`` provider.
    ``region`` and ``endpoint`` default to ``OSS_REGION`` and ``OSS_ENDPOINT``.

    Every operation is a method that takes its request object or the same fields as
    keywords: ``client.put_bucket_acl(ossio.ops.PutBucketAcl(bucket="b", acl="private"))``
    or ``client.put_bucket_acl(bucket="b", acl="private")``.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        region: Optional[str] = None,
        *,
        endpoint: Optional[str] = None,
        credentials: Optional[Union[Credentials, Provider]] = None,
        addressing: Optional[str] = None,
        signature_version: str = "v4",
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        additional_headers: Iterable[str] = (),
    ) -> None:
        self._native = NativeClient(
            region,
            endpoint=endpoint,
            credentials=credentials,
            addressing=addressing,
            signature_version=signature_version,
            timeout=timeout,
            connect_timeout=connect_timeout,
            retries=retries,
            additional_headers=list(additional_headers),
        )

    def __repr__(self) -> str:
        return repr(self._native)

    def send(self, request: Operation[_Out]) -> _Out:
        """Sends any request object of ``ossio.ops`` and returns its result."""
        return self._send(request)

    def _send(self, op: Operation[_Out]) -> _Out:
        native = op._op
        stream = native.stream_field
        if stream is not None:
            body = getattr(op, stream)
            if isinstance(body, os.PathLike):
                out: Any = self._native.send_from_file(native, os.fspath(body))
            elif hasattr(body, "read"):
                out = self._native.send_from_reader(native, body, _remaining(body))
            else:
                raise TypeError(f"{stream} must be bytes, a binary file object or a path")
        elif op._download:
            data, out = self._native.download(native)
            out.body = data
        else:
            out = self._native.send(native)
        return out  # type: ignore[no-any-return]

    def get_object_to_file(self, request: ops.GetObject, filepath: Destination) -> ops.GetObjectOutput:
        """Downloads an object into ``filepath`` (a path, created or truncated, or a binary
        file object), streamed; a whole object is checked with CRC-64. The result's ``body``
        is empty."""
        if isinstance(filepath, (str, os.PathLike)):
            out: ops.GetObjectOutput = self._native.download_to_file(request._op, os.fspath(filepath))
        elif hasattr(filepath, "write"):
            out = self._native.download_to_writer(request._op, filepath)
        else:
            raise TypeError("filepath must be a path or a binary file object")
        out.body = b""
        return out

    def presign(self, request: Union[Request, Operation[Any]], expires: Any = 3600) -> PresignedRequest:
        """A presigned URL for a ``Request`` or a request object of ``ossio.ops``, valid for
        ``expires`` seconds (an ``int`` or a ``timedelta``) from now."""
        if not isinstance(request, Request):
            request = request.request()
        return self._native.presign(request, expires)


def _remaining(f: Any) -> int:
    """Bytes left in a file object from its current position."""
    try:
        return os.fstat(f.fileno()).st_size - int(f.tell())
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    pos = f.tell()
    end = f.seek(0, io.SEEK_END)
    f.seek(pos)
    return int(end) - int(pos)
