"""ossio without its HTTP client: build, sign and parse with ossio, send with httpx.

    python httpx_sansio.py http://127.0.0.1:9000 AK SK

runs the same steps (create a bucket, set its ACL, create an access point and read it
back) once with ``httpx.Client`` and once with ``httpx.AsyncClient``.
"""

from __future__ import annotations

import asyncio
import datetime
import sys
from typing import List, Optional, Protocol, Tuple, TypeVar

import httpx

import ossio
from ossio import ops

T = TypeVar("T", covariant=True)


class Operation(Protocol[T]):
    """What every class of ``ossio.ops`` offers."""

    def request(self) -> ossio.Request: ...

    def parse(
        self, status: int, headers: List[Tuple[str, str]], body: Optional[bytes] = None
    ) -> T: ...


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def send(http: httpx.Client, signer: ossio.Signer, op: Operation[T]) -> T:
    """Signs ``op``'s request, sends it with httpx and parses the response."""
    signed = signer.sign(op.request(), at=now())
    resp = http.request(signed.method, signed.url, headers=signed.headers, content=signed.body)
    return op.parse(resp.status_code, resp.headers.multi_items(), resp.content)


async def send_async(http: httpx.AsyncClient, signer: ossio.Signer, op: Operation[T]) -> T:
    """The same with ``httpx.AsyncClient``: ossio itself never blocks."""
    signed = signer.sign(op.request(), at=now())
    resp = await http.request(signed.method, signed.url, headers=signed.headers, content=signed.body)
    return op.parse(resp.status_code, resp.headers.multi_items(), resp.content)


def run_sync(signer: ossio.Signer, bucket: str) -> ops.GetAccessPointOutput:
    with httpx.Client() as http:
        send(http, signer, ops.PutBucket(bucket=bucket))
        send(http, signer, ops.PutBucketAcl(bucket=bucket, acl="private"))
        created = send(
            http,
            signer,
            ops.CreateAccessPoint(
                bucket=bucket, access_point_name="ap-sync", network_origin="vpc", vpc_id="vpc-1"
            ),
        )
        print("created", created.access_point_arn, created.alias)
        try:
            send(http, signer, ops.GetObject(bucket=bucket, key="missing"))
        except ossio.NoSuchKey as e:
            print("as expected:", e.code, e.request_id)
        return send(http, signer, ops.GetAccessPoint(bucket=bucket, access_point_name="ap-sync"))


async def run_async(signer: ossio.Signer, bucket: str) -> ops.GetBucketAclOutput:
    async with httpx.AsyncClient() as http:
        await send_async(http, signer, ops.PutBucket(bucket=bucket))
        await send_async(http, signer, ops.PutBucketAcl(bucket=bucket, acl="public-read"))
        await send_async(http, signer, ops.PutObject(bucket=bucket, key="hello.txt", body=b"hi"))
        return await send_async(http, signer, ops.GetBucketAcl(bucket=bucket))


def main(endpoint: str, access_key_id: str, access_key_secret: str) -> None:
    signer = ossio.Signer(
        ossio.Credentials(access_key_id, access_key_secret),
        "cn-hangzhou",
        endpoint=endpoint,
        addressing="path",
    )
    ap = run_sync(signer, "httpx-sync-example")
    print("sync:", ap.access_point_name, ap.network_origin, ap.vpc_id)
    acl = asyncio.run(run_async(signer, "httpx-async-example"))
    print("async:", acl.acl)


if __name__ == "__main__":
    main(*sys.argv[1:4])
