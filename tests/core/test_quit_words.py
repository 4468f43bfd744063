"""The quit question says, per message, what happens to it (issue 45, item 5): a message in its undo countdown
comes back to Compose unsent, a scheduled one goes at its time, a waiting one at the next start."""

from __future__ import annotations

from datetime import datetime

from app.core.outbox import holds
from app.core.outbox.quit_words import MAX_LINES, quit_text
from app.core.outbox.submission import SubState, Submission
from app.domain.models import Draft, Recipient

WALL = datetime(2026, 11, 24, 15, 0).timestamp()  # a Tuesday afternoon
WHO = "alice@example.com"


def _sub(subject: str, state: SubState = SubState.QUEUED, **kw) -> Submission:
    return Submission(Draft(to=[Recipient("bob@example.com")], subject=subject, body="b"), "a", state=state, **kw)


def _lines(text: str) -> dict[str, str]:
    return {line.split("”")[0].lstrip("• “"): line for line in text.splitlines() if line.startswith("• “")}


def test_each_waiting_message_is_said_as_what_really_happens_to_it():
    later = datetime(2026, 11, 25, 8, 0).timestamp()
    subs = [_sub("In its countdown", SubState.HELD, hold_kind=holds.UNDO, release_at=WALL + 5),
            _sub("Tomorrow's agenda", SubState.HELD, hold_kind=holds.LATER, release_at=later),
            _sub("Offline one"),
            _sub("Maybe out", SubState.UNKNOWN),
            _sub("Refused", SubState.FAILED, reason="No valid recipients"),
            _sub("Went out", SubState.SENT),
            _sub("Selected draft", SubState.HELD, hold_kind=holds.UNDO, release_at=WALL + 5, source="server")]
    text = quit_text(subs, WHO, WALL)
    lines = _lines(text)
    assert text.startswith("6 messages are waiting in the Outbox") and text.endswith("Quit anyway?")
    assert set(lines) == {"In its countdown", "Tomorrow's agenda", "Offline one", "Maybe out", "Refused",
                          "Selected draft"}
    assert "stays in Drafts, unsent" in lines["Selected draft"] and "Compose" not in lines["Selected draft"]
    countdown = lines["In its countdown"]
    assert "comes back to Compose, unsent" in countdown and "goes out" not in countdown
    assert "scheduled for Wed 08:00" in lines["Tomorrow's agenda"]
    assert f"goes out the next time Dispatch runs signed in as {WHO}" in lines["Offline one"]
    assert "never sent twice" in lines["Maybe out"]
    assert "not sent (No valid recipients)" in lines["Refused"] and "goes out" not in lines["Refused"]


def test_one_waiting_message_and_many():
    assert quit_text([_sub("Only")], WHO, WALL).startswith("1 message is waiting in the Outbox")
    many = quit_text([_sub(f"m{i}") for i in range(MAX_LINES + 3)], WHO, WALL)
    assert len(_lines(many)) == MAX_LINES and "…and 3 more" in many


def test_a_send_later_exchange_keeps_is_not_said_to_wait_here_and_one_not_yet_handed_over_says_where_it_goes():
    from datetime import timezone

    at = datetime(2026, 11, 25, 8, 0).astimezone(timezone.utc)
    kept = Submission(Draft(to=[Recipient("bob@example.com")], subject="Kept by Exchange", body="b", send_at=at), "a",
                      state=SubState.SENT, reason="Kept by Exchange: sends at Wed 08:00")
    offline = Submission(Draft(to=[Recipient("bob@example.com")], subject="Not handed over", body="b", send_at=at),
                         "a", state=SubState.QUEUED)
    lines = _lines(quit_text([kept, offline], WHO, WALL))
    assert set(lines) == {"Not handed over"}  # the server's copy goes at its time with Dispatch closed: not asked
    said = lines["Not handed over"]
    assert f"goes to Exchange the next time Dispatch runs signed in as {WHO}" in said
    assert "Exchange keeps it until Wed 08:00, then sends it" in said and "goes out the next" not in said
