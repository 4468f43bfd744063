"""A draft that has custom headers and a follow-up flag (opened from Drafts or from an .eml file) keeps them
through an edit of another field (their own rows in "More options": tests/ui/test_flag_and_headers_ui.py)."""

from __future__ import annotations

from datetime import date

from app.domain.extras import FlagStatus, FollowUpFlag
from app.domain.models import Draft, Recipient
from app.ui.compose.compose_view import ComposeView


def test_an_edited_draft_keeps_its_headers_and_flag(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    flag = FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4))
    c.load(Draft(to=[Recipient("bob@example.com")], subject="Hello", headers=[("X-Project", "Nevada")], flag=flag))
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.subject.setText("Hello again")
    out = c.draft()
    assert out.subject == "Hello again" and out.headers == [("X-Project", "Nevada")] and out.flag == flag
