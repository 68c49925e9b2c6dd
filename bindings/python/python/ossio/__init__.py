"""ossio: a client for Alibaba Cloud Object Storage Service (OSS).

Two ways in:

* ``ossio.Client``: a ready blocking client (HTTP, retries, streaming) implemented in Rust.
* sans-IO: ``ossio.Request`` + ``ossio.Signer`` and the operations in ``ossio.ops`` build,
  sign and parse requests for any HTTP library you bring (requests, httpx, aiohttp).

Every operation is ``client.<operation>(ossio.ops.<Operation>(**fields))`` or, the same,
``client.<operation>(**fields)``.
"""

from . import credentials, ops
from ._client import Client
from ._model import Paginator
from ._ossio import (
    Credentials,
    PresignedRequest,
    Request,
    SignedRequest,
    Signer,
)
from .exceptions import (
    AccessDenied,
    AccessPointAlreadyExists,
    BucketAlreadyExists,
    BucketNotEmpty,
    ChecksumError,
    ConfigError,
    CredentialsError,
    CredentialsExpiredError,
    EntityTooLarge,
    InvalidAccessKeyId,
    InvalidArgument,
    InvalidBucketName,
    InvalidObjectName,
    LocalIoError,
    MalformedXML,
    NoSuchAccessPoint,
    NoSuchAccessPointPolicy,
    NoSuchBucket,
    NoSuchKey,
    NoSuchPublicAccessBlock,
    OssError,
    ParseError,
    PreconditionFailed,
    RequestTimeTooSkewed,
    ServiceError,
    SignatureDoesNotMatch,
    TooManyAccessPoints,
    TransportError,
    ValidationError,
)

__all__ = [
    "credentials",
    "ops",
    "Client",
    "Paginator",
    "Credentials",
    "PresignedRequest",
    "Request",
    "SignedRequest",
    "Signer",
    "AccessDenied",
    "AccessPointAlreadyExists",
    "BucketAlreadyExists",
    "BucketNotEmpty",
    "ChecksumError",
    "ConfigError",
    "CredentialsError",
    "CredentialsExpiredError",
    "EntityTooLarge",
    "InvalidAccessKeyId",
    "InvalidArgument",
    "InvalidBucketName",
    "InvalidObjectName",
    "LocalIoError",
    "MalformedXML",
    "NoSuchAccessPoint",
    "NoSuchAccessPointPolicy",
    "NoSuchBucket",
    "NoSuchKey",
    "NoSuchPublicAccessBlock",
    "OssError",
    "ParseError",
    "PreconditionFailed",
    "RequestTimeTooSkewed",
    "ServiceError",
    "SignatureDoesNotMatch",
    "TooManyAccessPoints",
    "TransportError",
    "ValidationError",
]
