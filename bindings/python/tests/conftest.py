"""Shared helpers for the ossio Python tests."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"


def utc(unix: int) -> _dt.datetime:
    """A timezone-aware datetime for Unix seconds."""
    return _dt.datetime.fromtimestamp(unix, tz=_dt.timezone.utc)
