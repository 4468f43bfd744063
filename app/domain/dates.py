"""The one reader of an RFC 5322 date (a Date header, an HTTP date such as Retry-After) for the whole code
base: the window's .eml reader, the Graph client's Retry-After and the sandbox's MIME reader all call it, so
a guard added here holds for each of them (a separate copy in the sandbox once missed the client's
OverflowError guard). It lives in app.domain, pure stdlib, because the sandbox may import the domain but no
client code (pyproject.toml: "The sandbox is a separate server")."""

from __future__ import annotations

import datetime as _dt
import email.utils
from email.headerregistry import HeaderRegistry, UnstructuredHeader

# the headers whose value is a date (RFC 5322 3.6.1, 3.6.6)
DATE_HEADERS = ("date", "resent-date")

# what the stdlib date parser raises for text it cannot read: ValueError and TypeError for words,
# IndexError for too few fields, OverflowError for an hour or a year beyond a C integer (9999999999)
_UNREADABLE = (TypeError, ValueError, IndexError, OverflowError)


def read_mail_date(text: str | None) -> _dt.datetime | None:
    """``text`` as an aware time (one without a zone is taken as UTC); None when it is empty or no date the
    stdlib can read, whatever the reason."""
    if text is None or not str(text).strip():
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(text))
    except _UNREADABLE:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=_dt.timezone.utc)


def dates_as_text(policy):
    """``policy`` (an ``email.policy.EmailPolicy``) whose date headers are their text: the email package's own
    Date header object parses the date as it is looked up, and raised OverflowError for an hour of
    9999999999 from ``msg["Date"]`` and ``msg.items()`` alike. Its text is read by
    :func:`read_mail_date` instead."""
    registry = HeaderRegistry()
    for name in DATE_HEADERS:
        registry.map_to_type(name, UnstructuredHeader)
    return policy.clone(header_factory=registry)
