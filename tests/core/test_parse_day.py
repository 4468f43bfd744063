"""Typed days for the follow-up flag's start and due dates (app.core.outbox.send_times.parse_day)."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.outbox.send_times import WhenError, parse_day

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize("text, day", [
    ("", None), ("  ", None), ("today", FRIDAY), ("Tomorrow", date(2026, 11, 28)),
    ("fri", FRIDAY), ("mon", date(2026, 11, 30)), ("thursday", date(2026, 12, 3)),
    ("2026-12-04", date(2026, 12, 4)), ("4.12.2026", date(2026, 12, 4)), ("4.12.", date(2026, 12, 4)),
    ("1.1.", date(2027, 1, 1)), ("2026-11-20", date(2026, 11, 20)),
])
def test_a_typed_day(text, day):
    assert parse_day(text, FRIDAY) == day


@pytest.mark.parametrize("text, says", [("next week", "not a day"), ("2026-02-30", "calendar"), ("fr", "not a day")])
def test_what_is_not_a_day_says_why(text, says):
    with pytest.raises(WhenError, match=says):
        parse_day(text, FRIDAY)
