"""A message held on this computer for later, by keys in the real window: a sending limit's wait.

The user's own Send later is no longer held here (Exchange keeps it: tests/ui/test_send_later_kept.py); what still
waits here for a time is a message a sending limit holds back. ``held_by_the_limit`` seeds drafts in Alice's Drafts
folder, sets a limit of one recipient a day, and sends them all with Send selected (Ctrl+2, Ctrl+A,
Ctrl+Shift+Return, Alt+S "Send … now, keep … for later"): the first goes now, each next one waits a day more, HELD
in the Outbox with its time and the limit as its reason (app/core/sending/limited.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.outbox.submission import SubState
from app.ui.lists.limits_question import NAME
from tests.helpers.backends import ALICE
from tests.helpers.ews_accounts import seed_drafts
from tests.helpers.keys import CTRL, SHIFT, key, press
from tests.helpers.windows import wait_task

#: the reason a held message's row gives (app/core/sending/limited.py's WAIT_REASON for this limit)
REASON = "Waiting for Exchange Online's 1-recipients-a-day limit"


def held_by_the_limit(qtbot, win, sandbox, subjects: list[str], to: str = "bob@example.com",
                      body: str | None = None) -> list:
    """``subjects`` as drafts, plus one more, sent by keys over a 1-a-day limit: the first of them (in the list's
    order) goes now, the others are held; returns the held submissions, soonest first (each a day after the one
    before); which drafts they are is the list's order, so a test names them by ``sub.draft.subject``."""
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 1}
    seed_drafts(sandbox, ALICE, {s: to for s in [*subjects, "Another draft"]}, body)
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == len(subjects) + 1 and not d.model.loading, timeout=20000)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)

    def asked():
        box = win.findChild(QMessageBox, NAME)
        return box is not None and box.isVisible() and box.isAncestorOf(QApplication.focusWidget())

    qtbot.waitUntil(asked, timeout=20000)
    press(qtbot, Qt.Key_S, Qt.AltModifier)  # "Send 1 now, keep the others for later"
    ob = win.session.outbox

    def held():
        return [s for s in ob.queue.submissions() if s.state == SubState.HELD]

    qtbot.waitUntil(lambda: len(held()) == len(subjects)
                    and any(s.state == SubState.SENT for s in ob.queue.submissions()), timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())  # not the queue's drain: the held ones wait days in it
    subs = sorted(held(), key=lambda s: s.release_at)
    assert {s.reason for s in subs} == {REASON} and {s.hold_kind for s in subs} == {"later"}
    return subs
