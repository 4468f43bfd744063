"""The one date reader (app/domain/dates.py, issue 74): every RFC 5322 / HTTP date in the code base is read by
it, so a date the stdlib cannot hold (an hour or a year beyond a C integer: OverflowError) is "no date" for the
.eml reader, the Graph client's Retry-After and the sandbox alike (the sandbox's side over HTTP:
tests/sandbox/test_fuzz_residue.py)."""

from __future__ import annotations

import datetime as _dt
import email.policy

import pytest

from app.domain.dates import dates_as_text, read_mail_date
from app.mail.graph.errors import retry_after
from tests.helpers.eml_attacks import HOSTILE_DATES

OVERFLOWING = ["Mon, 1 Jan 2020 9999999999:00:00 GMT", "1 Jan 99999999999999999999 00:00:00 +0000",
               "Mon, 1 Jan 2020 00:00:00 +9999999999999", *(d.decode("latin-1") for d in HOSTILE_DATES)]


@pytest.mark.parametrize("text", OVERFLOWING + ["", "  ", "x", "Mon, 32 Foo 2020"])
def test_a_date_that_cannot_be_held_is_no_date(text):
    assert read_mail_date(text) is None


def test_a_date_without_a_zone_is_utc():
    assert read_mail_date("Mon, 30 Nov 2026 10:00:00 -0000") == _dt.datetime(2026, 11, 30, 10, tzinfo=_dt.timezone.utc)
    assert read_mail_date("Mon, 30 Nov 2026 10:00:00 +0100").utcoffset() == _dt.timedelta(hours=1)


@pytest.mark.parametrize("text", OVERFLOWING[:2])
def test_a_retry_after_date_that_overflows_is_no_retry_after(text):
    assert retry_after({"Retry-After": text}) is None


def test_a_date_header_read_with_dates_as_text_is_its_words():
    raw = b"Date: Mon, 1 Jan 2020 9999999999:00:00 +0000\r\nSubject: s\r\n\r\nx\r\n"
    msg = email.message_from_bytes(raw, policy=dates_as_text(email.policy.default))
    assert str(msg["Date"]) == "Mon, 1 Jan 2020 9999999999:00:00 +0000"
    assert dict(msg.items())["Subject"] == "s"
