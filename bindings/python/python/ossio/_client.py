"""``ossio.Client``: one method per OSS operation over the Rust client.

Every method builds the operation object of ``ossio.ops`` and hands it to the native client,
which signs, sends (with the GIL released), retries and parses it.
"""

from __future__ import annotations

import io
import json
import os
from typing import (
    Any,
    BinaryIO,
    Iterable,
    Iterator,
    Mapping,
    Optional,
    Tuple,
    Union,
    overload,
)

from . import ops
from ._ossio import Credentials, NativeClient, PresignedRequest, Provider, Request

#: What ``put_object`` accepts as data.
Data = Union[bytes, bytearray, memoryview, "os.PathLike[str]", BinaryIO]
#: Where ``get_object`` can write.
Destination = Union["os.PathLike[str]", BinaryIO]


class Client:
    """A blocking OSS client, safe to share between threads.

    ``Client(region="cn-hangzhou")`` uses the public endpoint of the region and credentials
    from the default chain (``ossio.credentials.DefaultChain``: the environment, OIDC, the
    aliyun CLI profile, the ini profile, the ECS RAM role, a credentials URI);
    ``credentials=`` takes an ``ossio.Credentials`` or any ``ossio.credentials`` provider.
    ``region`` and ``endpoint`` default to ``OSS_REGION`` and ``OSS_ENDPOINT``.
    """

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

    # -- generic ---------------------------------------------------------------------

    def send(self, op: Any) -> Any:
        """Sends any operation object of ``ossio.ops`` and returns its result."""
        return self._native.send(op)  # the stub of NativeClient.send types each operation

    def pages(
        self, op: Union[ops.ListAccessPoints, ops.ListBuckets, ops.ListObjectsV2]
    ) -> Iterator[Any]:
        """Every page of a listing, fetched as the iterator advances."""
        return iter(self._native.pages(op))

    def presign(
        self,
        request: Union[Request, Any],
        expires: Any = 3600,
    ) -> PresignedRequest:
        """A presigned URL for a ``Request`` or an operation of ``ossio.ops``, valid for
        ``expires`` seconds (an ``int`` or a ``timedelta``) from now."""
        if not isinstance(request, Request):
            request = request.request()
        return self._native.presign(request, expires)

    # -- access points ---------------------------------------------------------------

    def create_access_point(
        self, bucket: str, name: str, network_origin: str = "vpc", vpc_id: Optional[str] = None
    ) -> ops.CreateAccessPointOutput:
        """Creates an access point on ``bucket`` (``network_origin`` ``"vpc"`` needs a
        ``vpc_id``; ``"internet"`` takes none)."""
        return self._native.send(
            ops.CreateAccessPoint(
                bucket=bucket, name=name, network_origin=network_origin, vpc_id=vpc_id
            )
        )

    def get_access_point(self, bucket: str, name: str) -> ops.GetAccessPointOutput:
        """Reads an access point's configuration."""
        return self._native.send(ops.GetAccessPoint(bucket=bucket, name=name))

    def list_access_points(
        self, bucket: Optional[str] = None, *, max_keys: Optional[int] = None
    ) -> Iterator[ops.AccessPointSummary]:
        """Every access point of the account (or of ``bucket``), over all pages."""
        for page in self._native.pages(ops.ListAccessPoints(bucket=bucket, max_keys=max_keys)):
            yield from page.access_points

    def delete_access_point(self, bucket: str, name: str) -> ops.EmptyOutput:
        """Deletes an access point."""
        return self._native.send(ops.DeleteAccessPoint(bucket=bucket, name=name))

    def put_access_point_policy(
        self, bucket: str, name: str, policy: Union[str, Mapping[str, Any]]
    ) -> ops.EmptyOutput:
        """Sets an access point's policy (a JSON document, as text or a mapping)."""
        text = policy if isinstance(policy, str) else json.dumps(policy)
        return self._native.send(ops.PutAccessPointPolicy(bucket=bucket, name=name, policy=text))

    def get_access_point_policy(self, bucket: str, name: str) -> ops.GetAccessPointPolicyOutput:
        """Reads an access point's policy."""
        return self._native.send(ops.GetAccessPointPolicy(bucket=bucket, name=name))

    def delete_access_point_policy(self, bucket: str, name: str) -> ops.EmptyOutput:
        """Deletes an access point's policy."""
        return self._native.send(ops.DeleteAccessPointPolicy(bucket=bucket, name=name))

    def put_access_point_public_access_block(
        self, bucket: str, name: str, block_public_access: bool = True
    ) -> ops.EmptyOutput:
        """Sets an access point's public access block."""
        return self._native.send(
            ops.PutAccessPointPublicAccessBlock(
                bucket=bucket, name=name, block_public_access=block_public_access
            )
        )

    def get_access_point_public_access_block(
        self, bucket: str, name: str
    ) -> ops.GetAccessPointPublicAccessBlockOutput:
        """Reads an access point's public access block."""
        return self._native.send(ops.GetAccessPointPublicAccessBlock(bucket=bucket, name=name))

    def delete_access_point_public_access_block(self, bucket: str, name: str) -> ops.EmptyOutput:
        """Deletes an access point's public access block."""
        return self._native.send(ops.DeleteAccessPointPublicAccessBlock(bucket=bucket, name=name))

    # -- buckets ---------------------------------------------------------------------

    def put_bucket(
        self,
        bucket: str,
        *,
        acl: Optional[str] = None,
        storage_class: Optional[str] = None,
        data_redundancy_type: Optional[str] = None,
        resource_group_id: Optional[str] = None,
    ) -> ops.EmptyOutput:
        """Creates a bucket."""
        return self._native.send(
            ops.PutBucket(
                bucket=bucket,
                acl=acl,
                storage_class=storage_class,
                data_redundancy_type=data_redundancy_type,
                resource_group_id=resource_group_id,
            )
        )

    def delete_bucket(self, bucket: str) -> ops.EmptyOutput:
        """Deletes an empty bucket."""
        return self._native.send(ops.DeleteBucket(bucket=bucket))

    def list_buckets(
        self, *, prefix: Optional[str] = None, max_keys: Optional[int] = None
    ) -> Iterator[ops.BucketSummary]:
        """Every bucket of the account, over all pages."""
        for page in self._native.pages(ops.ListBuckets(prefix=prefix, max_keys=max_keys)):
            yield from page.buckets

    def get_bucket_info(self, bucket: str) -> ops.GetBucketInfoOutput:
        """Reads a bucket's configuration."""
        return self._native.send(ops.GetBucketInfo(bucket=bucket))

    def put_bucket_acl(self, bucket: str, acl: str) -> ops.PutBucketAclOutput:
        """Sets a bucket's ACL: ``private``, ``public-read`` or ``public-read-write``."""
        return self._native.send(ops.PutBucketAcl(bucket=bucket, acl=acl))

    def get_bucket_acl(self, bucket: str) -> ops.GetBucketAclOutput:
        """Reads a bucket's ACL."""
        return self._native.send(ops.GetBucketAcl(bucket=bucket))

    # -- objects ---------------------------------------------------------------------

    def put_object(
        self,
        bucket: str,
        key: str,
        data: Data,
        *,
        content_type: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        acl: Optional[str] = None,
        storage_class: Optional[str] = None,
        cache_control: Optional[str] = None,
        content_disposition: Optional[str] = None,
        content_encoding: Optional[str] = None,
    ) -> ops.PutObjectOutput:
        """Uploads ``data``: ``bytes`` (or ``bytearray``/``memoryview``), a binary file
        object (streamed from its current position) or a path (streamed, retried from the
        start of the file when a transfer breaks)."""
        in_memory = isinstance(data, (bytes, bytearray, memoryview))
        if isinstance(data, str):
            raise TypeError("data must be bytes, a binary file object or a pathlib.Path")
        op = ops.PutObject(
            bucket=bucket,
            key=key,
            body=bytes(data) if in_memory else None,  # type: ignore[arg-type]
            content_type=content_type,
            metadata=metadata,
            acl=acl,
            storage_class=storage_class,
            cache_control=cache_control,
            content_disposition=content_disposition,
            content_encoding=content_encoding,
        )
        if in_memory:
            return self._native.send(op)
        if isinstance(data, os.PathLike):
            return self._native.put_object_from_file(op, os.fspath(data))
        if hasattr(data, "read"):
            return self._native.put_object_from_reader(op, data, _remaining(data))
        raise TypeError("data must be bytes, a binary file object or a pathlib.Path")

    @overload
    def get_object(
        self,
        bucket: str,
        key: str,
        dest: None = None,
        *,
        range: Optional[Tuple[int, Optional[int]]] = None,
        version_id: Optional[str] = None,
    ) -> bytes: ...

    @overload
    def get_object(
        self,
        bucket: str,
        key: str,
        dest: Destination,
        *,
        range: Optional[Tuple[int, Optional[int]]] = None,
        version_id: Optional[str] = None,
    ) -> ops.GetObjectOutput: ...

    def get_object(
        self,
        bucket: str,
        key: str,
        dest: Optional[Destination] = None,
        *,
        range: Optional[Tuple[int, Optional[int]]] = None,
        version_id: Optional[str] = None,
    ) -> Union[bytes, ops.GetObjectOutput]:
        """Downloads an object: returns its bytes, or, given ``dest`` (a path or a binary
        file object), streams it there and returns the metadata. A whole-object download
        is checked with CRC-64."""
        op = ops.GetObject(bucket=bucket, key=key, range=range, version_id=version_id)
        if dest is None:
            data, _meta = self._native.get_object_bytes(op)
            return data
        if isinstance(dest, os.PathLike):
            return self._native.get_object_to_file(op, os.fspath(dest))
        if hasattr(dest, "write"):
            return self._native.get_object_to_writer(op, dest)
        raise TypeError("dest must be a pathlib.Path or a binary file object")

    def head_object(
        self, bucket: str, key: str, *, version_id: Optional[str] = None
    ) -> ops.HeadObjectOutput:
        """Reads an object's metadata."""
        return self._native.send(ops.HeadObject(bucket=bucket, key=key, version_id=version_id))

    def delete_object(
        self, bucket: str, key: str, *, version_id: Optional[str] = None
    ) -> ops.DeleteObjectOutput:
        """Deletes an object."""
        return self._native.send(ops.DeleteObject(bucket=bucket, key=key, version_id=version_id))

    def delete_multiple_objects(
        self,
        bucket: str,
        objects: Iterable[Union[str, Tuple[str, Optional[str]]]],
        *,
        quiet: bool = False,
    ) -> ops.DeleteMultipleObjectsOutput:
        """Deletes up to 1000 objects (keys or ``(key, version_id)`` pairs) in one request."""
        return self._native.send(
            ops.DeleteMultipleObjects(bucket=bucket, objects=list(objects), quiet=quiet)
        )

    def list_objects_v2(
        self,
        bucket: str,
        *,
        prefix: Optional[str] = None,
        delimiter: Optional[str] = None,
        start_after: Optional[str] = None,
        max_keys: Optional[int] = None,
        fetch_owner: bool = False,
    ) -> Iterator[ops.ObjectSummary]:
        """Every object of ``bucket`` (under ``prefix``), over all pages."""
        op = ops.ListObjectsV2(
            bucket=bucket,
            prefix=prefix,
            delimiter=delimiter,
            start_after=start_after,
            max_keys=max_keys,
            fetch_owner=fetch_owner,
        )
        for page in self._native.pages(op):
            yield from page.contents

    def put_object_acl(
        self, bucket: str, key: str, acl: str, *, version_id: Optional[str] = None
    ) -> ops.PutObjectAclOutput:
        """Sets an object's ACL: ``default`` or a bucket ACL."""
        return self._native.send(
            ops.PutObjectAcl(bucket=bucket, key=key, acl=acl, version_id=version_id)
        )

    def get_object_acl(
        self, bucket: str, key: str, *, version_id: Optional[str] = None
    ) -> ops.GetObjectAclOutput:
        """Reads an object's ACL."""
        return self._native.send(ops.GetObjectAcl(bucket=bucket, key=key, version_id=version_id))


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
