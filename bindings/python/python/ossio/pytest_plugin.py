"""pytest fixtures for a local OSS, registered through the ``pytest11`` entry point.

* ``oss_server``: one :class:`ossio.testing.LocalServer` for the whole session.
* ``oss_bucket``: the name of a fresh, empty bucket on it for each test, removed after it.

::

    def test_upload(oss_server, oss_bucket):
        client = oss_server.client()
        client.put_object(oss_bucket, "k", b"data")
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
    client.put_bucket(name)
    yield name
    keys = [o.key for o in client.list_objects_v2(name)]
    for start in range(0, len(keys), 1000):
        client.delete_multiple_objects(name, keys[start : start + 1000], quiet=True)
    client.delete_bucket(name)
