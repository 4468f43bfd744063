"""The Outbox page's "Try now", on the real window against the real sandbox over HTTP, once per backend (EWS:
real exchangelib; Microsoft Graph: GraphMailService over httpx). Nothing is mocked.

A message sent while the server cannot take it waits in the Outbox, and would try again only after its wait
(here ten minutes, or the minute a busy server asked for); "Try now" sends it at once, exactly once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.backends import BOB, op
from tests.helpers.windows import close_window, open_window


def _send_and_wait_in_outbox(qtbot, win, subject: str, says: str) -> str:
    """Ctrl+Return on a new message; it waits in the Outbox (for 30 s or more) with a row that says ``says``."""
    type_message(qtbot, win, cc="", bcc="", subject=subject, body=f"{subject}: body")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.QUEUED
                    and ob.queue.submission(lid).retry_at - ob.parts.clock() > 30
                    and any(r.text.startswith(says) for r in ob.rows()), timeout=30000)
    qtbot.waitUntil(lambda: win.compose.draft().is_empty(), timeout=5000)  # Compose is free again
    return lid


def _try_now(qtbot, win, subject: str) -> None:
    """The Outbox page (Ctrl+4) shows the waiting message; "Try now" sends it; its row says Sent."""
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    waiting = [s for s, _, t in view.rows() if t != "Sent"]
    assert win.current_view() == "outbox" and waiting == [subject]
    assert view.now_button.isEnabled()
    qtbot.mouseClick(view.now_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dict((s, t) for s, _, t in view.rows()).get(subject) == "Sent", timeout=20000)


def test_a_waiting_send_goes_once_on_try_now(qtbot, aloop, sandbox_factory, ui_backend, settings, tmp_path):
    sb = sandbox_factory(data=str(tmp_path / "sb"), graph=ui_backend == "graph")  # stop() + start() keep port, data
    win, session = open_window(qtbot, sb, settings, connected=True, backend=ui_backend)
    try:
        ob = win.session.outbox
        ob.parts.policy = RetryPolicy(base=600.0, cap=600.0)  # unreachable: the next try by itself only in 10 minutes
        # the server is unreachable: the send waits
        sb.stop()
        _send_and_wait_in_outbox(qtbot, win, "written offline", "Server unreachable — retrying in ")
        sb.start()
        _try_now(qtbot, win, "written offline")
        # the server is busy and asks for a minute: the send waits
        sb.faults.inject(op(ui_backend, "SendItem"), "server_busy", count=1, backoff_ms=60_000)
        _send_and_wait_in_outbox(qtbot, win, "sent while busy", "Server busy — waiting ")
        _try_now(qtbot, win, "sent while busy")
        assert [f for f, _ in sb.faults.fired] == [op(ui_backend, "SendItem")]

        qtbot.waitUntil(lambda: sb.outbox.wait_idle(0), timeout=10000)  # Graph delivers after its 202
        expected = ["sent while busy", "written offline"]
        assert sorted(m["subject"] for m in items(sb, "inbox", BOB)) == expected, "each delivered exactly once"
        assert sorted(m["subject"] for m in items(sb, Folder.SENT.value)) == expected
        assert items(sb, Folder.DRAFTS.value) == []
    finally:
        close_window(win, session)
