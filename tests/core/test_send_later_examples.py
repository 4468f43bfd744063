"""The Send later dialog's examples are times to come, whatever the day (issue 45, item 15: the fixed
"2026-11-24 08:00" went by and read as a time in the past)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from app.core.outbox.send_times import WhenError, examples, parse_when


@pytest.mark.parametrize("now", [datetime(2026, 11, 26, 23, 30), datetime(2027, 12, 30, 7, 0),
                                 datetime(2031, 2, 28, 12, 0)])
@pytest.mark.parametrize("short", [False, True])
def test_every_example_is_a_time_to_come(now, short):
    text = examples(now, short=short)
    shown = [e.strip() for e in re.split(r", | or ", text)]
    assert len(shown) >= 5 and any(re.match(r"\d{4}-\d\d-\d\d", e) for e in shown)
    for example in shown:
        assert parse_when(example, now) > now, example


def test_the_error_names_examples_after_now():
    now = datetime(2030, 6, 1, 12, 0)
    with pytest.raises(WhenError) as err:
        parse_when("soonish", now)
    assert "2030-06-08" in str(err.value) and "2026" not in str(err.value)
