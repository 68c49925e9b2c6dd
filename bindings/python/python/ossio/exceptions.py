"""The exceptions ossio raises.

``OssError`` is the base of all of them. ``ServiceError`` is an error response from OSS; the
common error codes have their own subclasses, so ``except ossio.NoSuchKey:`` works.
``ValidationError`` (also a ``ValueError``) is bad input caught before anything was sent.
"""

from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "OssError",
    "ValidationError",
    "ConfigError",
    "CredentialsError",
    "CredentialsExpiredError",
    "ServiceError",
    "ParseError",
    "TransportError",
    "ChecksumError",
    "LocalIoError",
    "AccessDenied",
    "AccessPointAlreadyExists",
    "BucketAlreadyExists",
    "BucketNotEmpty",
    "EntityTooLarge",
    "InvalidAccessKeyId",
    "InvalidArgument",
    "InvalidBucketName",
    "InvalidObjectName",
    "MalformedXML",
    "NoSuchAccessPoint",
    "NoSuchAccessPointPolicy",
    "NoSuchBucket",
    "NoSuchKey",
    "NoSuchPublicAccessBlock",
    "PreconditionFailed",
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
    "TooManyAccessPoints",
]


class OssError(Exception):
    """Base class of every ossio error."""


class ValidationError(OssError, ValueError):
    """Input rejected before any request was built or sent."""

    kind: str = "Argument"
    field: str = ""
    value: Optional[str] = None
    reason: str = ""
    #: The operation whose input it was (``PutBucketAcl``), when known.
    operation: Optional[str] = None


class ConfigError(OssError, ValueError):
    """The client configuration is unusable (for example no credentials were found)."""


class CredentialsError(ConfigError):
    """No credentials: nothing configured, a partly configured provider (the message names
    what is missing), or a provider whose source (STS, metadata service, URI, process)
    failed before it ever answered."""


class CredentialsExpiredError(CredentialsError):
    """The provider's temporary credentials expired and refreshing them failed."""


class ParseError(OssError):
    """OSS answered with success, but the response could not be understood."""

    status: int = 0
    request_id: Optional[str] = None
    operation: Optional[str] = None


class TransportError(OssError):
    """The request did not complete: connection refused or reset, timeout, truncated body."""

    operation: Optional[str] = None
    retryable: bool = False


class ChecksumError(OssError):
    """The CRC-64 of the data sent or received differs from the one OSS computed."""

    operation: Optional[str] = None
    expected: int = 0
    actual: int = 0


class LocalIoError(OssError, OSError):
    """Reading or writing a local file failed during an upload or download."""

    operation: Optional[str] = None


class ServiceError(OssError):
    """An error response from OSS."""

    #: The error code this class stands for (``None`` for the generic class).
    error_code: Optional[str] = None

    def __init__(
        self,
        text: str,
        *,
        status: int = 0,
        code: str = "",
        message: str = "",
        request_id: str = "",
        host_id: str = "",
        ec: str = "",
        recommend_doc: str = "",
        details: Optional[Dict[str, str]] = None,
        operation: Optional[str] = None,
        string_to_sign: Optional[str] = None,
    ) -> None:
        super().__init__(text)
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        self.host_id = host_id
        self.ec = ec
        self.recommend_doc = recommend_doc
        self.details: Dict[str, str] = dict(details or {})
        self.operation = operation
        self.string_to_sign = string_to_sign


_BY_CODE: Dict[str, Type[ServiceError]] = {}


def _code(cls: Type[ServiceError]) -> Type[ServiceError]:
    cls.error_code = cls.__name__
    _BY_CODE[cls.__name__] = cls
    return cls


@_code
class AccessDenied(ServiceError):
    """``AccessDenied``."""


@_code
class AccessPointAlreadyExists(ServiceError):
    """``AccessPointAlreadyExists``."""


@_code
class BucketAlreadyExists(ServiceError):
    """``BucketAlreadyExists``."""


@_code
class BucketNotEmpty(ServiceError):
    """``BucketNotEmpty``."""


@_code
class EntityTooLarge(ServiceError):
    """``EntityTooLarge``."""


@_code
class InvalidAccessKeyId(ServiceError):
    """``InvalidAccessKeyId``."""


@_code
class InvalidArgument(ServiceError):
    """``InvalidArgument``."""


@_code
class InvalidBucketName(ServiceError):
    """``InvalidBucketName``."""


@_code
class InvalidObjectName(ServiceError):
    """``InvalidObjectName``."""


@_code
class MalformedXML(ServiceError):
    """``MalformedXML``."""


@_code
class NoSuchAccessPoint(ServiceError):
    """``NoSuchAccessPoint``."""


@_code
class NoSuchAccessPointPolicy(ServiceError):
    """``NoSuchAccessPointPolicy``."""


@_code
class NoSuchBucket(ServiceError):
    """``NoSuchBucket``."""


@_code
class NoSuchKey(ServiceError):
    """``NoSuchKey``."""


@_code
class NoSuchPublicAccessBlock(ServiceError):
    """``NoSuchPublicAccessBlock``."""


@_code
class PreconditionFailed(ServiceError):
    """``PreconditionFailed``."""


@_code
class RequestTimeTooSkewed(ServiceError):
    """``RequestTimeTooSkewed``."""


@_code
class SignatureDoesNotMatch(ServiceError):
    """``SignatureDoesNotMatch``."""


@_code
class TooManyAccessPoints(ServiceError):
    """``TooManyAccessPoints``."""


def _service_error(text: str, **fields: object) -> ServiceError:
    """The ``ServiceError`` subclass for ``fields["code"]`` (used by the native module)."""
    cls = _BY_CODE.get(str(fields.get("code", "")), ServiceError)
    return cls(text, **fields)  # type: ignore[arg-type]
