"""Time as the store keeps it: UTC, sortable text with microseconds (each front end renders its own form)."""

from __future__ import annotations

import datetime as _dt


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def fmt_dt(d: _dt.datetime) -> str:
    """Storage form: sortable, microseconds kept. ValueError for a time whose UTC form is outside the years
    1-9999 (0001-01-01T00:00:00+01:00 is in year 0 in UTC): datetime raises OverflowError for it, which no
    caller that checks a client's value expects."""
    try:
        return d.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except OverflowError:
        raise ValueError(f"the time {d.isoformat()} is out of range in UTC") from None
