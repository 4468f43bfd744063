"""A draft refused by Send selected (Ctrl+Shift+Return in Drafts) and opened later (Enter on its row) says why in
Compose, at the field it concerns (issue 59), by keys in the real window on the sandbox over HTTP: a Send As refusal
under From (the keyboard there), invalid recipients above the buttons, until that field is edited. Which field a
refusal belongs to is app.core.sending.refusals (tests/core/test_refusals.py)."""

from __future__ import annotations

from exchangelib import Mailbox, Message
from PySide6.QtCore import Qt

from app.domain.account import AccountConfig, Backend
from app.domain.models import Folder
from app.domain.senders import Principal, SendRight
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, focused, key
from tests.helpers.mailbox import items
from tests.helpers.ews_accounts import make_account
from tests.helpers.backends import ALICE
from tests.helpers.windows import close_window, open_window, wait_idle

DESK = Principal("desk@example.com", "Shared Desk", SendRight.SEND_AS)


def _subjects(d) -> list[str]:
    return [d.model.summary(r).subject for r in range(d.model.rowCount())]


def _status(d, subject: str) -> str:
    m = d.model
    s = next((m.summary(r) for r in range(m.rowCount()) if m.summary(r).subject == subject), None)
    return m.status(s.ref.id) if s is not None else "(gone)"


def _to_row(qtbot, win, d, subject: str) -> None:
    """Ctrl+2, then Home and Down to the draft named ``subject`` (the arrows select it alone)."""
    key(qtbot, win, Qt.Key_2, CTRL)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_Home)
    for _ in range(d.model.rowCount()):
        if d.model.summary(d.table.currentIndex().row()).subject == subject:
            return
        key(qtbot, win, Qt.Key_Down)
    raise AssertionError(f"no draft {subject!r} in {_subjects(d)}")


def test_a_draft_refused_by_send_selected_says_why_at_its_field_when_opened(qtbot, aloop, sandbox, settings,
                                                                            screenshot_dir):
    settings.set_principals(AccountConfig(email=ALICE, ews_url="", username=ALICE, sandbox=True,
                                          backend=Backend.EWS), [DESK])
    alice = make_account(sandbox, ALICE)
    Message(account=alice, folder=alice.drafts, subject="Wrong people", body="body",
            to_recipients=[Mailbox(email_address="bob@example.com")]).save()
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    c, d = win.compose, win.drafts
    try:
        qtbot.waitUntil(lambda: not win.busy and not d.model.loading, timeout=10000)
        # a draft from the Shared Desk, saved (Ctrl+S), then a new message (Ctrl+N)
        type_message(qtbot, win, cc="", bcc="", subject="From the desk", body="Sent as the desk.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == DESK
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: c.current_ref() is not None, timeout=20000)
        wait_idle(qtbot, win)
        key(qtbot, win, Qt.Key_N, CTRL)
        qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)

        d.model.reload()
        qtbot.waitUntil(lambda: sorted(_subjects(d)) == ["From the desk", "Wrong people"] and not d.model.loading,
                        timeout=20000)
        # each sent by Send selected, each refused by the server: its row says why
        sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorSendAsDenied")
        _to_row(qtbot, win, d, "From the desk")
        key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
        qtbot.waitUntil(lambda: "not allowed to send as" in _status(d, "From the desk"), timeout=20000)
        wait_idle(qtbot, win)
        sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients",
                              text="No valid recipients")
        _to_row(qtbot, win, d, "Wrong people")
        key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
        qtbot.waitUntil(lambda: _status(d, "Wrong people") not in ("", "Sending…", "Waiting to send"),
                        timeout=20000)
        wait_idle(qtbot, win)
        invalid = _status(d, "Wrong people")

        # opened later (Enter on its row): why, under From, the keyboard there
        _to_row(qtbot, win, d, "From the desk")
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "From the desk",
                        timeout=10000)
        wait_idle(qtbot, win)
        assert "not allowed to send as" in c.from_row.error_text()
        assert c.error_text() == "", "said at From, not above the buttons"
        assert focused() is c.from_row.combo
        assert c.draft().principal == DESK and c.state() == "Not sent"
        win.grab().save(str(screenshot_dir / "compose-from-refused-opened-from-drafts.png"))

        # the other: above the buttons, From says nothing; gone at the first edit
        _to_row(qtbot, win, d, "Wrong people")
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "Wrong people",
                        timeout=10000)
        wait_idle(qtbot, win)
        assert c.error_text() == f"Not sent: {invalid}"
        assert c.from_row.error_text() == ""
        win.grab().save(str(screenshot_dir / "compose-refused-opened-from-drafts.png"))
        c.subject.setFocus()
        key(qtbot, win, Qt.Key_End)
        qtbot.keyClicks(c.subject, "!")
        assert c.error_text() == ""
        assert items(sandbox, Folder.SENT.value) == [] and items(sandbox, "inbox", "bob@example.com") == []
    finally:
        close_window(win, session)
