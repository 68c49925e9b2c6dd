"""Type stubs of the native module ``ossio._ossio``."""

import datetime
from typing_extensions import Self, disjoint_base
from typing import (
    Type,
    TypeVar,
    final,
    overload,
    Any,
    ClassVar,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

__all__ = [
    "NativeServer",
    "ServerSnapshot",
    "Credentials",
    "Provider",
    "Environment",
    "DefaultChain",
    "CliProfile",
    "ProfileFile",
    "EcsRamRole",
    "OidcRoleArn",
    "AssumeRole",
    "CredentialsUri",
    "Process",
    "Request",
    "SignedRequest",
    "PresignedRequest",
    "Signer",
    "NativeOp",
    "NativeClient",
    "_register",
    "_init_op",
    "_new_op",
    "_v1_signature",
    "_v4_canonical_headers",
    "_panic_for_test",
]

_Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]
_Body = Union[bytes, bytearray, memoryview, str, None]
_Seconds = Union[int, datetime.timedelta]

@final
class Credentials:
    """An access key pair with an optional STS token; ``repr`` hides the secret and token."""

    def __new__(cls, access_key_id: str, access_key_secret: str, security_token: Optional[str] = None
    ) -> Self: ...
    @property
    def access_key_id(self) -> str: ...
    @property
    def has_security_token(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@disjoint_base
class Provider:
    """Any credentials provider; subclasses say where the credentials come from."""

    def credentials(self) -> Credentials: ...
    @property
    def name(self) -> str: ...

@final
class Environment(Provider):
    def __new__(cls) -> Self: ...

@final
class DefaultChain(Provider):
    def __new__(cls) -> Self: ...
    @property
    def answered_by(self) -> Optional[str]: ...

@final
class CliProfile(Provider):
    def __new__(cls, profile: Optional[str] = None, *, path: Optional[str] = None) -> Self: ...

@final
class ProfileFile(Provider):
    def __new__(cls, profile: Optional[str] = None, *, path: Optional[str] = None) -> Self: ...

@final
class EcsRamRole(Provider):
    def __new__(cls,
        role_name: Optional[str] = None,
        *,
        endpoint: Optional[str] = None,
        disable_imds_v1: Optional[bool] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        refresh_ahead: Optional[float] = None,
        min_validity: Optional[float] = None,
    ) -> Self: ...

@final
class OidcRoleArn(Provider):
    def __new__(cls,
        role_arn: Optional[str] = None,
        oidc_provider_arn: Optional[str] = None,
        oidc_token_file: Optional[str] = None,
        *,
        role_session_name: Optional[str] = None,
        duration_seconds: Optional[int] = None,
        policy: Optional[str] = None,
        sts_endpoint: Optional[str] = None,
        sts_region: Optional[str] = None,
        vpc_endpoint: Optional[bool] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        refresh_ahead: Optional[float] = None,
        min_validity: Optional[float] = None,
    ) -> Self: ...

@final
class AssumeRole(Provider):
    def __new__(cls,
        source: Union[Credentials, Provider],
        role_arn: str,
        *,
        role_session_name: Optional[str] = None,
        duration_seconds: Optional[int] = None,
        policy: Optional[str] = None,
        external_id: Optional[str] = None,
        sts_endpoint: Optional[str] = None,
        sts_region: Optional[str] = None,
        vpc_endpoint: Optional[bool] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        refresh_ahead: Optional[float] = None,
        min_validity: Optional[float] = None,
    ) -> Self: ...

@final
class CredentialsUri(Provider):
    def __new__(cls,
        uri: Optional[str] = None,
        *,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        refresh_ahead: Optional[float] = None,
        min_validity: Optional[float] = None,
    ) -> Self: ...

@final
class Process(Provider):
    def __new__(cls,
        command: str,
        *,
        timeout: Optional[float] = None,
        refresh_ahead: Optional[float] = None,
        min_validity: Optional[float] = None,
    ) -> Self: ...

@final
class Request:
    """An OSS request before signing."""

    def __new__(cls,
        method: str,
        bucket: Optional[str] = None,
        key: Optional[str] = None,
        query: Optional[Union[Mapping[str, Optional[str]], Iterable[Tuple[str, Optional[str]]]]] = None,
        headers: Optional[_Headers] = None,
        body: _Body = None,
        *,
        sub_resources: Optional[Sequence[str]] = None,
    ) -> Self: ...
    @property
    def method(self) -> str: ...
    @property
    def bucket(self) -> Optional[str]: ...
    @property
    def key(self) -> Optional[str]: ...
    @property
    def query(self) -> Dict[str, Optional[str]]: ...
    @property
    def headers(self) -> Dict[str, str]: ...
    @property
    def body(self) -> Optional[bytes]: ...
    @property
    def sub_resources(self) -> List[str]: ...

@final
class SignedRequest:
    """A signed request: send ``method`` to ``url`` with ``headers`` and ``body``."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> Dict[str, str]: ...
    @property
    def body(self) -> Optional[bytes]: ...
    @property
    def string_to_sign(self) -> str: ...
    @property
    def canonical_request(self) -> Optional[str]: ...

@final
class PresignedRequest:
    """A presigned URL and the headers whoever uses it must send."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> Dict[str, str]: ...
    @property
    def expiration(self) -> datetime.datetime: ...
    @property
    def string_to_sign(self) -> str: ...
    @property
    def canonical_request(self) -> Optional[str]: ...

@final
class Signer:
    """Signs and presigns requests for one region / endpoint and one set of credentials."""

    def __new__(cls,
        credentials: Credentials,
        region: str,
        *,
        version: str = "v4",
        product: str = "oss",
        endpoint: Optional[str] = None,
        addressing: str = "virtual",
        cloudbox_id: Optional[str] = None,
        additional_headers: Sequence[str] = ...,
    ) -> Self: ...
    def sign(
        self,
        request: Request,
        at: Optional[datetime.datetime] = None,
        additional_headers: Sequence[str] = ...,
    ) -> SignedRequest: ...
    def presign(
        self,
        request: Request,
        at: Optional[datetime.datetime] = None,
        expires: Optional[_Seconds] = None,
        additional_headers: Sequence[str] = ...,
    ) -> PresignedRequest: ...
    @property
    def region(self) -> str: ...
    @property
    def version(self) -> str: ...

@final
class NativeClient:
    """The Rust client behind ``ossio.Client``."""

    def __new__(cls,
        region: Optional[str] = None,
        *,
        endpoint: Optional[str] = None,
        credentials: Optional[Union[Credentials, Provider]] = None,
        addressing: Optional[str] = None,
        signature_version: Optional[str] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        additional_headers: Sequence[str] = ...,
    ) -> Self: ...
    def send(self, op: NativeOp) -> Any: ...
    def send_from_file(self, op: NativeOp, path: str) -> Any: ...
    def send_from_reader(self, op: NativeOp, reader: Any, length: int) -> Any: ...
    def download(self, op: NativeOp) -> Tuple[bytes, Any]: ...
    def download_to_file(self, op: NativeOp, path: str) -> Any: ...
    def download_to_writer(self, op: NativeOp, writer: Any) -> Any: ...
    def presign(self, request: Request, expires: Optional[_Seconds] = None) -> PresignedRequest: ...

@final
class ServerSnapshot: ...

@final
class NativeServer:
    def __new__(
        cls,
        *,
        keys: list[tuple[str, str]],
        sts: list[tuple[str, str, str]],
        region: str,
        host: str = ...,
        port: int = ...,
        data_dir: str | None = ...,
        domains: list[str] = ...,
    ) -> Self: ...
    @property
    def endpoint(self) -> str: ...
    @property
    def region(self) -> str: ...
    def fail_next(self, n: int, status: int, code: str) -> None: ...
    def drop_next(self, n: int) -> None: ...
    def truncate_next(self, n: int) -> None: ...
    def delay_next(self, n: int, seconds: float) -> None: ...
    def corrupt_crc_next(self, n: int) -> None: ...
    def set_clock_skew(self, seconds: int) -> None: ...
    def clear_faults(self) -> None: ...
    def reset(self) -> None: ...
    def snapshot(self) -> ServerSnapshot: ...
    def restore(self, snapshot: ServerSnapshot) -> None: ...
    def requests(self) -> list[dict[str, Any]]: ...
    def clear_requests(self) -> None: ...
    def stop(self) -> None: ...

def _v1_signature(access_key_secret: str, message: str) -> str: ...
def _v4_canonical_headers(headers: _Headers) -> str: ...
def _panic_for_test() -> None: ...

@final
class NativeOp:
    """An operation built from its fields and validated (held by ``ossio.ops`` requests)."""

    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> Any: ...
    @property
    def name(self) -> str: ...
    @property
    def stream_field(self) -> Optional[str]: ...

def _register(model: type, classes: Dict[str, type]) -> None: ...
def _init_op(obj: object, name: str, fields: Dict[str, Any]) -> None: ...

_T = TypeVar("_T")

def _new_op(cls: Type[_T], fields: Dict[str, Any]) -> _T: ...
