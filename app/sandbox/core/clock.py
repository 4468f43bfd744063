"""Time as the store keeps it: UTC, sortable text with microseconds (each front end renders its own form)."""

from __future__ import annotations

import datetime as _dt


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def fmt_dt(d: _dt.datetime) -> str:
    """Storage form: sortable, microseconds kept."""
    return d.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
