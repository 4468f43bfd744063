"""Send selected (Ctrl+Shift+Return in Drafts) over the account's sending limits, by keys in the real window on
the sandbox over HTTP: the drafts that fit in today's recipients go, the rest stay HELD in the Outbox with
their time and reason in their rows, nothing over the limit reaches the server (app/ui/lists/send_selected.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.submission import SubState
from app.domain.models import Folder
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.ui.conftest import wait_task
from tests.ui.test_send_selected_checks import _drafts_page, _seed, _status

SHIFT = Qt.ShiftModifier


def test_send_selected_sends_what_fits_today_and_keeps_the_rest_held_in_the_outbox(qtbot, window, sandbox):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 2}
    _seed(sandbox, {"One": "bob@example.com", "Two": "carol@example.com", "Three": "dave@example.com"})
    d = _drafts_page(qtbot, win, 3)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 2, timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())  # not the queue's drain: one message waits a day in it
    held = [s for s in win.session.outbox.subs.values() if s.state == SubState.HELD]
    assert len(held) == 1 and held[0].hold_kind == "later"
    [waiting] = [s for s in ("One", "Two", "Three") if _status(d, s) != "(gone)"]
    assert _status(d, waiting).startswith("In the Outbox until ")
    assert _status(d, waiting).endswith("waiting for Exchange Online's 2-recipients-a-day limit")
    assert sum(sandbox.mailbox(a).count("inbox") for a in ("bob@example.com", "carol@example.com",
                                                           "dave@example.com")) == 2
