"""A mail merge over the account's sending limits, in the real window by keys, against the sandbox with its
Exchange Online profile over HTTP: the question says what would be refused today BEFORE anything is sent,
its default sends nothing, Alt+S sends the part that fits and keeps the rest HELD in the Outbox with its time
and reason (app/ui/merge/merge_send.py, app/core/merge/send.py)."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox.submission import SubState
from app.sandbox.sandbox import DEFAULT_USERS
from tests.helpers.heard import Heard, read_as_alert
from tests.helpers.keys import CTRL, press
from tests.helpers.merge import merge_ready
from tests.helpers.windows import close_window

TABLE = "name\temail\n" + "".join(f"P{n}\tbob@example.com\n" for n in range(1, 6))
LIMITS = {"profile": "exchange-online", "recipients_per_day": 3}  # 10,000 made 3 for five rows


def _asked(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.guard.confirm is not None
                    and dlg.guard.confirm.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    return dlg.guard.confirm.text()


def test_a_merge_over_the_day_is_said_first_and_the_rest_waits_in_the_outbox(qtbot, aloop, sandbox_factory,
                                                                             settings):
    users = copy.deepcopy(DEFAULT_USERS)
    users[0]["limits"] = {"profile": "exchange-online", "recipient_rate": 3}  # the server's side, alice
    sb = sandbox_factory(users=users)
    win, session, dlg = merge_ready(qtbot, sb, settings, TABLE, "Hello {name}", "Dear {name}")
    session.account.extra["send_limits"] = LIMITS  # configured: the sandbox's profile is not guessed
    heard = Heard(win.announcer)
    press(qtbot, Qt.Key_Return, CTRL)
    text = _asked(qtbot, dlg)
    assert read_as_alert(dlg.guard.confirm) == text
    assert heard.said == [], "read as the box opens: not announced as well (it would be said twice)"
    assert text.startswith("2 of these 5 recipients would be refused today by Exchange Online's 3-a-day limit. "
                           "Send the 3 that fit now and keep the other 2 in the Outbox, to go from ")
    press(qtbot, Qt.Key_Return)  # the default: nothing is sent
    qtbot.waitUntil(lambda: not dlg.guard.confirm.isVisible() and QApplication.activeWindow() is dlg
                    and QApplication.focusWidget() is not None
                    and not dlg.guard.confirm.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    assert dlg.run is None and sb.mailbox("bob@example.com").count("inbox") == 0
    press(qtbot, Qt.Key_Return, CTRL)
    _asked(qtbot, dlg)
    press(qtbot, Qt.Key_S, Qt.AltModifier)  # "Send 3 now, keep 2 for later"
    qtbot.waitUntil(lambda: dlg.run is not None and not dlg.run.running and dlg.run.counts()["sent"] == 3,
                    timeout=30000)
    assert sb.mailbox("bob@example.com").count("inbox") == 3
    plan = [w for w, loud in heard.said if w.startswith("Sending ") and not loud]
    assert len(plan) == 1 and plan[0].startswith("Sending 3 now; 2 kept in the Outbox, to go from "), heard.said
    held = [s for s in session.outbox.queue.submissions() if s.state == SubState.HELD]
    assert len(held) == 2 and {s.hold_kind for s in held} == {"later"}
    assert {s.reason for s in held} == {"Waiting for Exchange Online's 3-recipients-a-day limit"}
    assert not [i for i in sb.mailbox("alice@example.com").items("inbox")
                if i["fields"].get("ItemClass") == "REPORT.IPM.Note.NDR"], "nothing over the limit was sent"
    close_window(win, session)
