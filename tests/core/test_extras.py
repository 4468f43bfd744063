"""Custom Internet headers and the follow-up flag in the domain: what can be entered, with the words the
composer shows, and that validate_draft refuses the rest before any save or send (app/domain/extras.py)."""

from __future__ import annotations

from datetime import date

from app.domain.extras import (
    MAX_HEADERS, MAX_HEADERS_BYTES, FlagStatus, FollowUpFlag, flag_problem, header_problem, headers_problems,
)
from app.domain.models import Draft, Recipient
from app.domain.validation import validate_draft


def test_a_custom_header_must_be_an_x_header_with_a_valid_name_and_a_one_line_value():
    assert header_problem("X-Project", "Nevada") is None and header_problem("x-id", "") is None
    assert "must start with “X-”" in header_problem("Subject", "hi")
    assert "must start with “X-”" in header_problem("X-", "hi")
    assert "no spaces, colons" in header_problem("X-My Header", "v")
    assert "no spaces, colons" in header_problem("X-a:b", "v")
    assert "for itself" in header_problem("X-Microsoft-Exchange-Organization-AuthAs", "v")
    assert "must be one line" in header_problem("X-A", "one\r\nBcc: evil@example.com")
    assert "already there" in header_problem("x-project", "b", [("X-Project", "a")])


def test_the_count_and_size_limits_are_refused_at_the_field():
    five = [(f"X-H{i}", "v") for i in range(MAX_HEADERS)]
    assert headers_problems(five) == []
    assert f"at most {MAX_HEADERS} custom headers" in header_problem("X-Sixth", "v", five)
    assert "256 KB" in header_problem("X-Big", "v" * MAX_HEADERS_BYTES)


def test_flag_dates_follow_graph_rules():
    assert flag_problem(FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 3))) is None
    assert flag_problem(FollowUpFlag(FlagStatus.FLAGGED)) is None
    assert "needs a start date" in flag_problem(FollowUpFlag(FlagStatus.FLAGGED, None, date(2026, 12, 3)))
    assert "before its start" in flag_problem(FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 3), date(2026, 12, 1)))
    assert "need a flag" in flag_problem(FollowUpFlag(FlagStatus.NOT_FLAGGED, date(2026, 12, 3), date(2026, 12, 3)))


def test_validate_draft_refuses_bad_headers_and_flags_before_a_save_and_a_send():
    d = Draft(to=[Recipient("bob@example.com")], subject="s",
              headers=[("X-A", "1"), ("Received", "forged")] + [(f"X-H{i}", "v") for i in range(5)],
              flag=FollowUpFlag(FlagStatus.FLAGGED, None, date(2026, 12, 3)))
    for for_send in (False, True):
        errors = validate_draft(d, for_send=for_send)
        fields = [e.field for e in errors]
        assert fields.count("headers") == 2 and fields.count("flag") == 1, errors
    ok = d.copy(headers=[("X-A", "1")], flag=FollowUpFlag(FlagStatus.COMPLETE))
    assert validate_draft(ok, for_send=True) == []
    assert ok.copy().headers is not ok.headers  # copy() gives the draft its own list
