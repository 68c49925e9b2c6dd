"""Shared helpers for the ossio Python tests."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"


def utc(unix: int) -> _dt.datetime:
    """A timezone-aware datetime for Unix seconds."""
    return _dt.datetime.fromtimestamp(unix, tz=_dt.timezone.utc)


import os
import subprocess
from typing import Iterator

import pytest

AK, SK = "test-access-key-id", "test-access-key-secret"


def server_binary() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "debug" / "ossio-server"
    if not binary.exists():
        subprocess.run(["cargo", "build", "-p", "ossio-server"], cwd=ROOT, check=True)
    return binary


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An ossio-server on 127.0.0.1 for the session; yields its endpoint."""
    data = tmp_path_factory.mktemp("server-data")
    proc = subprocess.Popen(
        [str(server_binary()), "--addr", "127.0.0.1:0", "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("listening on "), line
        yield line.split()[-1]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
