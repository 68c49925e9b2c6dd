"""Type stubs of the native module ``ossio._ossio``."""

import datetime
from typing_extensions import Self, disjoint_base
from typing import (
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
    "CreateAccessPoint",
    "GetAccessPoint",
    "ListAccessPoints",
    "DeleteAccessPoint",
    "PutAccessPointPolicy",
    "GetAccessPointPolicy",
    "DeleteAccessPointPolicy",
    "PutAccessPointPublicAccessBlock",
    "GetAccessPointPublicAccessBlock",
    "DeleteAccessPointPublicAccessBlock",
    "PutBucketAcl",
    "GetBucketAcl",
    "PutObjectAcl",
    "GetObjectAcl",
    "PutBucket",
    "DeleteBucket",
    "ListBuckets",
    "GetBucketInfo",
    "PutObject",
    "GetObject",
    "HeadObject",
    "DeleteObject",
    "DeleteMultipleObjects",
    "ListObjectsV2",
    "EmptyOutput",
    "ObjectMeta",
    "CreateAccessPointOutput",
    "GetAccessPointOutput",
    "AccessPointSummary",
    "ListAccessPointsOutput",
    "GetAccessPointPolicyOutput",
    "GetAccessPointPublicAccessBlockOutput",
    "PutBucketAclOutput",
    "GetBucketAclOutput",
    "PutObjectAclOutput",
    "GetObjectAclOutput",
    "BucketSummary",
    "ListBucketsOutput",
    "GetBucketInfoOutput",
    "PutObjectOutput",
    "GetObjectOutput",
    "HeadObjectOutput",
    "DeleteObjectOutput",
    "DeletedObject",
    "DeleteMultipleObjectsOutput",
    "ObjectSummary",
    "ListObjectsV2Output",
    "NativeClient",
    "PageIterator",
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
    @overload
    def send(self, op: CreateAccessPoint) -> CreateAccessPointOutput: ...
    @overload
    def send(self, op: GetAccessPoint) -> GetAccessPointOutput: ...
    @overload
    def send(self, op: ListAccessPoints) -> ListAccessPointsOutput: ...
    @overload
    def send(self, op: DeleteAccessPoint) -> EmptyOutput: ...
    @overload
    def send(self, op: PutAccessPointPolicy) -> EmptyOutput: ...
    @overload
    def send(self, op: GetAccessPointPolicy) -> GetAccessPointPolicyOutput: ...
    @overload
    def send(self, op: DeleteAccessPointPolicy) -> EmptyOutput: ...
    @overload
    def send(self, op: PutAccessPointPublicAccessBlock) -> EmptyOutput: ...
    @overload
    def send(self, op: GetAccessPointPublicAccessBlock) -> GetAccessPointPublicAccessBlockOutput: ...
    @overload
    def send(self, op: DeleteAccessPointPublicAccessBlock) -> EmptyOutput: ...
    @overload
    def send(self, op: PutBucketAcl) -> PutBucketAclOutput: ...
    @overload
    def send(self, op: GetBucketAcl) -> GetBucketAclOutput: ...
    @overload
    def send(self, op: PutObjectAcl) -> PutObjectAclOutput: ...
    @overload
    def send(self, op: GetObjectAcl) -> GetObjectAclOutput: ...
    @overload
    def send(self, op: PutBucket) -> EmptyOutput: ...
    @overload
    def send(self, op: DeleteBucket) -> EmptyOutput: ...
    @overload
    def send(self, op: ListBuckets) -> ListBucketsOutput: ...
    @overload
    def send(self, op: GetBucketInfo) -> GetBucketInfoOutput: ...
    @overload
    def send(self, op: PutObject) -> PutObjectOutput: ...
    @overload
    def send(self, op: GetObject) -> GetObjectOutput: ...
    @overload
    def send(self, op: HeadObject) -> HeadObjectOutput: ...
    @overload
    def send(self, op: DeleteObject) -> DeleteObjectOutput: ...
    @overload
    def send(self, op: DeleteMultipleObjects) -> DeleteMultipleObjectsOutput: ...
    @overload
    def send(self, op: ListObjectsV2) -> ListObjectsV2Output: ...
    def put_object_from_file(self, op: PutObject, path: str) -> PutObjectOutput: ...
    def put_object_from_reader(self, op: PutObject, reader: Any, length: int) -> PutObjectOutput: ...
    def get_object_bytes(self, op: GetObject) -> Tuple[bytes, GetObjectOutput]: ...
    def get_object_to_file(self, op: GetObject, path: str) -> GetObjectOutput: ...
    def get_object_to_writer(self, op: GetObject, writer: Any) -> GetObjectOutput: ...
    def pages(self, op: Union[ListAccessPoints, ListBuckets, ListObjectsV2]) -> PageIterator: ...
    def presign(self, request: Request, expires: Optional[_Seconds] = None) -> PresignedRequest: ...

@final
class PageIterator:
    """The pages of a listing."""

    def __iter__(self) -> PageIterator: ...
    def __next__(self) -> Any: ...

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

# -- operations ------------------------------------------------------------------------

@final
class CreateAccessPoint:
    """The ``CreateAccessPoint`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str, network_origin: str = "vpc", vpc_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> CreateAccessPointOutput: ...

@final
class GetAccessPoint:
    """The ``GetAccessPoint`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetAccessPointOutput: ...

@final
class ListAccessPoints:
    """The ``ListAccessPoints`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: Optional[str] = None, max_keys: Optional[int] = None, continuation_token: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> ListAccessPointsOutput: ...

@final
class DeleteAccessPoint:
    """The ``DeleteAccessPoint`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class PutAccessPointPolicy:
    """The ``PutAccessPointPolicy`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str, policy: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class GetAccessPointPolicy:
    """The ``GetAccessPointPolicy`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetAccessPointPolicyOutput: ...

@final
class DeleteAccessPointPolicy:
    """The ``DeleteAccessPointPolicy`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class PutAccessPointPublicAccessBlock:
    """The ``PutAccessPointPublicAccessBlock`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str, block_public_access: bool = True) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class GetAccessPointPublicAccessBlock:
    """The ``GetAccessPointPublicAccessBlock`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetAccessPointPublicAccessBlockOutput: ...

@final
class DeleteAccessPointPublicAccessBlock:
    """The ``DeleteAccessPointPublicAccessBlock`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, name: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class PutBucketAcl:
    """The ``PutBucketAcl`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, acl: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> PutBucketAclOutput: ...

@final
class GetBucketAcl:
    """The ``GetBucketAcl`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetBucketAclOutput: ...

@final
class PutObjectAcl:
    """The ``PutObjectAcl`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, acl: str, version_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> PutObjectAclOutput: ...

@final
class GetObjectAcl:
    """The ``GetObjectAcl`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, version_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetObjectAclOutput: ...

@final
class PutBucket:
    """The ``PutBucket`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, acl: Optional[str] = None, storage_class: Optional[str] = None, data_redundancy_type: Optional[str] = None, resource_group_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class DeleteBucket:
    """The ``DeleteBucket`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> EmptyOutput: ...

@final
class ListBuckets:
    """The ``ListBuckets`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, prefix: Optional[str] = None, marker: Optional[str] = None, max_keys: Optional[int] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> ListBucketsOutput: ...

@final
class GetBucketInfo:
    """The ``GetBucketInfo`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetBucketInfoOutput: ...

@final
class PutObject:
    """The ``PutObject`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, body: _Body = None, content_type: Optional[str] = None, metadata: Optional[_Headers] = None, acl: Optional[str] = None, storage_class: Optional[str] = None, content_md5: Optional[str] = None, cache_control: Optional[str] = None, content_disposition: Optional[str] = None, content_encoding: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> PutObjectOutput: ...

@final
class GetObject:
    """The ``GetObject`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, range: Optional[Tuple[int, Optional[int]]] = None, version_id: Optional[str] = None, if_match: Optional[str] = None, if_none_match: Optional[str] = None, if_modified_since: Optional[str] = None, if_unmodified_since: Optional[str] = None, response_content_type: Optional[str] = None, response_content_disposition: Optional[str] = None, response_cache_control: Optional[str] = None, response_content_encoding: Optional[str] = None, response_content_language: Optional[str] = None, response_expires: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> GetObjectOutput: ...

@final
class HeadObject:
    """The ``HeadObject`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, version_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> HeadObjectOutput: ...

@final
class DeleteObject:
    """The ``DeleteObject`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, key: str, version_id: Optional[str] = None) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> DeleteObjectOutput: ...

@final
class DeleteMultipleObjects:
    """The ``DeleteMultipleObjects`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, objects: Sequence[Union[str, Tuple[str, Optional[str]]]], quiet: bool = False) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> DeleteMultipleObjectsOutput: ...

@final
class ListObjectsV2:
    """The ``ListObjectsV2`` operation."""

    name: ClassVar[str]
    def __new__(cls, *, bucket: str, prefix: Optional[str] = None, delimiter: Optional[str] = None, start_after: Optional[str] = None, continuation_token: Optional[str] = None, max_keys: Optional[int] = None, fetch_owner: bool = False) -> Self: ...
    def request(self) -> Request: ...
    def parse(self, status: int, headers: _Headers, body: _Body = None) -> ListObjectsV2Output: ...

# -- results ---------------------------------------------------------------------------

@final
class EmptyOutput:
    """The result of an operation that returns nothing but its request id."""

    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ObjectMeta:
    """Object metadata from response headers."""

    @property
    def content_length(self) -> Optional[int]: ...
    @property
    def content_type(self) -> Optional[str]: ...
    @property
    def etag(self) -> Optional[str]: ...
    @property
    def last_modified(self) -> Optional[str]: ...
    @property
    def crc64(self) -> Optional[int]: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def object_type(self) -> Optional[str]: ...
    @property
    def storage_class(self) -> Optional[str]: ...
    @property
    def metadata(self) -> Dict[str, str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CreateAccessPointOutput:
    """The result of `CreateAccessPoint`."""

    @property
    def access_point_arn(self) -> str: ...
    @property
    def arn(self) -> str: ...
    @property
    def alias(self) -> str: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetAccessPointOutput:
    """The result of `GetAccessPoint`."""

    @property
    def name(self) -> str: ...
    @property
    def bucket(self) -> str: ...
    @property
    def account_id(self) -> str: ...
    @property
    def network_origin(self) -> str: ...
    @property
    def vpc_id(self) -> Optional[str]: ...
    @property
    def access_point_arn(self) -> str: ...
    @property
    def arn(self) -> str: ...
    @property
    def creation_date(self) -> str: ...
    @property
    def alias(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def public_endpoint(self) -> Optional[str]: ...
    @property
    def internal_endpoint(self) -> Optional[str]: ...
    @property
    def block_public_access(self) -> Optional[bool]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class AccessPointSummary:
    """One access point in a listing."""

    @property
    def bucket(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def alias(self) -> str: ...
    @property
    def network_origin(self) -> str: ...
    @property
    def vpc_id(self) -> Optional[str]: ...
    @property
    def status(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ListAccessPointsOutput:
    """One page of `ListAccessPoints`."""

    @property
    def is_truncated(self) -> bool: ...
    @property
    def next_continuation_token(self) -> Optional[str]: ...
    @property
    def account_id(self) -> str: ...
    @property
    def max_keys(self) -> Optional[int]: ...
    @property
    def access_points(self) -> List[AccessPointSummary]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetAccessPointPolicyOutput:
    """The result of `GetAccessPointPolicy`."""

    @property
    def policy(self) -> str: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetAccessPointPublicAccessBlockOutput:
    """The result of `GetAccessPointPublicAccessBlock`."""

    @property
    def block_public_access(self) -> bool: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class PutBucketAclOutput:
    """The result of `PutBucketAcl`."""

    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetBucketAclOutput:
    """The result of `GetBucketAcl`."""

    @property
    def owner_id(self) -> str: ...
    @property
    def owner_display_name(self) -> str: ...
    @property
    def acl(self) -> str: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class PutObjectAclOutput:
    """The result of `PutObjectAcl`."""

    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetObjectAclOutput:
    """The result of `GetObjectAcl`."""

    @property
    def owner_id(self) -> str: ...
    @property
    def owner_display_name(self) -> str: ...
    @property
    def acl(self) -> str: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class BucketSummary:
    """One bucket in a listing."""

    @property
    def name(self) -> str: ...
    @property
    def creation_date(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def region(self) -> Optional[str]: ...
    @property
    def extranet_endpoint(self) -> Optional[str]: ...
    @property
    def intranet_endpoint(self) -> Optional[str]: ...
    @property
    def storage_class(self) -> Optional[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ListBucketsOutput:
    """One page of `ListBuckets`."""

    @property
    def owner_id(self) -> str: ...
    @property
    def owner_display_name(self) -> str: ...
    @property
    def prefix(self) -> Optional[str]: ...
    @property
    def marker(self) -> Optional[str]: ...
    @property
    def max_keys(self) -> Optional[int]: ...
    @property
    def is_truncated(self) -> bool: ...
    @property
    def next_marker(self) -> Optional[str]: ...
    @property
    def buckets(self) -> List[BucketSummary]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetBucketInfoOutput:
    """The result of `GetBucketInfo`."""

    @property
    def name(self) -> str: ...
    @property
    def creation_date(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def region(self) -> Optional[str]: ...
    @property
    def extranet_endpoint(self) -> Optional[str]: ...
    @property
    def intranet_endpoint(self) -> Optional[str]: ...
    @property
    def storage_class(self) -> Optional[str]: ...
    @property
    def data_redundancy_type(self) -> Optional[str]: ...
    @property
    def owner_id(self) -> str: ...
    @property
    def owner_display_name(self) -> str: ...
    @property
    def acl(self) -> str: ...
    @property
    def resource_group_id(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class PutObjectOutput:
    """The result of `PutObject`."""

    @property
    def etag(self) -> Optional[str]: ...
    @property
    def crc64(self) -> Optional[int]: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GetObjectOutput:
    """The result of `GetObject` (the body travels separately)."""

    @property
    def meta(self) -> ObjectMeta: ...
    @property
    def content_range(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class HeadObjectOutput:
    """The result of `HeadObject`."""

    @property
    def meta(self) -> ObjectMeta: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class DeleteObjectOutput:
    """The result of `DeleteObject`."""

    @property
    def delete_marker(self) -> bool: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class DeletedObject:
    """One deleted object of `DeleteMultipleObjects`."""

    @property
    def key(self) -> str: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def delete_marker(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class DeleteMultipleObjectsOutput:
    """The result of `DeleteMultipleObjects`."""

    @property
    def deleted(self) -> List[DeletedObject]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ObjectSummary:
    """One object in a listing."""

    @property
    def key(self) -> str: ...
    @property
    def last_modified(self) -> str: ...
    @property
    def etag(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def storage_class(self) -> Optional[str]: ...
    @property
    def object_type(self) -> Optional[str]: ...
    @property
    def owner_id(self) -> Optional[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ListObjectsV2Output:
    """One page of `ListObjectsV2`."""

    @property
    def name(self) -> str: ...
    @property
    def prefix(self) -> Optional[str]: ...
    @property
    def delimiter(self) -> Optional[str]: ...
    @property
    def start_after(self) -> Optional[str]: ...
    @property
    def max_keys(self) -> Optional[int]: ...
    @property
    def key_count(self) -> Optional[int]: ...
    @property
    def is_truncated(self) -> bool: ...
    @property
    def continuation_token(self) -> Optional[str]: ...
    @property
    def next_continuation_token(self) -> Optional[str]: ...
    @property
    def encoding_type(self) -> Optional[str]: ...
    @property
    def contents(self) -> List[ObjectSummary]: ...
    @property
    def common_prefixes(self) -> List[str]: ...
    @property
    def request_id(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

