"""pytest fixtures for a local OSS, registered through the ``pytest11`` entry point.

* ``oss_server``: one :class:`ossio.testing.LocalServer` for the whole session.
* ``oss_bucket``: the name of a fresh, empty bucket on it for each test, removed after it.

::

    def test_upload(oss_server, oss_bucket):
        client = oss_server.client()
        client.put_object(bucket=oss_bucket, key="k", body=b"data")
        assert [r["operation"] for r in oss_server.requests()][-1] == "PutObject"
"""

from __future__ import annotations

import uuid
from typing import Iterator

import pytest

from .testing import LocalServer


@pytest.fixture(scope="session")
def oss_server() -> Iterator[LocalServer]:
    """A local OSS server shared by the session."""
    with LocalServer() as server:
        yield server


@pytest.fixture
def oss_bucket(oss_server: LocalServer) -> Iterator[str]:
    """A fresh bucket for one test; it and everything in it are removed afterwards."""
    client = oss_server.client()
    name = "test-" + uuid.uuid4().hex[:20]
    client.put_bucket(bucket=name)
    yield name
    for page in client.list_objects_v2_paginator().iter_page(bucket=name, max_keys=1000):
        if page.contents:
            objects = [{"key": o.key} for o in page.contents]
            client.delete_multiple_objects(bucket=name, objects=objects, quiet=True)
    client.delete_bucket(bucket=name)
