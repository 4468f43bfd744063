"""Time as the store keeps it: UTC, sortable text with microseconds (each front end renders its own form)."""

from __future__ import annotations

import datetime as _dt

#: The storage form's format (fmt_dt): UTC, microseconds, "Z".
STORE_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def fmt_dt(d: _dt.datetime) -> str:
    """Storage form: sortable, microseconds kept. ValueError for a time whose UTC form is outside the years
    1-9999 (0001-01-01T00:00:00+01:00 is in year 0 in UTC): datetime raises OverflowError for it, which no
    caller that checks a client's value expects."""
    try:
        return d.astimezone(_dt.timezone.utc).strftime(STORE_FORMAT)
    except OverflowError:
        raise ValueError(f"the time {d.isoformat()} is out of range in UTC") from None


def parse_iso(text: str) -> _dt.datetime:
    """An xs:dateTime as Python reads ISO 8601 ("Z" for UTC), as an aware time: one without an offset is taken as
    UTC. ValueError for text that is no such time."""
    d = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return d if d.tzinfo is not None else d.replace(tzinfo=_dt.timezone.utc)


def parse_dt(text: str) -> str:
    """A client's xs:dateTime (surrounding whitespace ignored) in the storage form. ValueError for text that is no
    such time, or one outside the years 1-9999 in UTC (fmt_dt)."""
    return fmt_dt(parse_iso(text.strip()))
