"""A row of the Outbox that is already sent (issue 45, item 4), by keys in the real window on the sandbox.

It says what it is and offers only what applies: Enter opens it in Sent, Delete removes it from this list
(no question: nothing is lost), Ctrl+R says there is nothing to send again. Never "will not be sent", never
"being sent right now", and never a silent save of Compose to Drafts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.compose import send_one, type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import wait_idle


def test_a_sent_row_offers_open_in_sent_and_remove_from_this_list(qtbot, window, sandbox, screenshot_dir):
    win = window
    lid = send_one(qtbot, win, "Already out")
    # something half-written in Compose: no key on a sent row may save it to Drafts
    type_message(qtbot, win, to="zed@example.org", cc="", bcc="", subject="Half written", body="not yet")
    drafts_before = len(items(sandbox, Folder.DRAFTS.value))
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.current_id() == lid, timeout=5000)
    view.table.setFocus()
    assert [(s, t) for s, _to, t in view.rows()] == [("Already out", "Sent")]
    assert view.edit_button.text() == "Open in Sent" and view.edit_button.isEnabled()
    assert view.delete_button.text() == "Remove from this list" and view.delete_button.isEnabled()
    assert not view.retry_button.isEnabled()
    qtbot.waitUntil(lambda: view.table.width() > 300
                    and view.delete_button.width() >= view.delete_button.sizeHint().width(), timeout=5000)
    win.grab().save(str(screenshot_dir / "outbox-sent-row.png"))

    key(qtbot, win, Qt.Key_R, CTRL)
    assert "Already sent" in whole_message(win)

    key(qtbot, win, Qt.Key_Return)
    assert win.current_view() == "sent"
    sent = win.sent

    def selected() -> str:
        s = sent.model.summary(sent.table.currentIndex().row())
        return s.subject if s is not None else ""

    qtbot.waitUntil(lambda: selected() == "Already out", timeout=10000)

    key(qtbot, win, Qt.Key_4, CTRL)
    qtbot.waitUntil(lambda: view.current_id() == lid, timeout=5000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Delete)
    question = getattr(win.journal_bridge, "_delete_question", None)
    assert question is None or not question.isVisible()  # nothing to ask: nothing is lost
    qtbot.waitUntil(lambda: view.rows() == [], timeout=5000)
    msg = whole_message(win)
    assert "Removed from this list" in msg and "can no longer" not in msg
    wait_idle(qtbot, win)
    assert len(items(sandbox, Folder.DRAFTS.value)) == drafts_before  # Compose was not saved behind the user's back
    assert win.compose.subject.text() == "Half written"
    assert [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["Already out"]


def test_delete_on_a_waiting_row_asks_with_keep_as_the_default(qtbot, window, sandbox):
    win = window
    sandbox.faults.inject("CreateItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject="Waits", body="x")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.QUEUED
                    and ob.queue.submission(lid).retry_at - ob.parts.clock() > 30, timeout=20000)
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.current_id() == lid, timeout=5000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Delete)
    box = win.journal_bridge._delete_question
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.defaultButton().text() == "Keep"
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)  # the keyboard default keeps it
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert getattr(ob.queue.submission(lid), "state", None) == SubState.QUEUED


def test_keys_on_a_row_being_sent_say_so_at_once_and_touch_nothing(qtbot, window, sandbox):
    """A row whose send is on the wire: Delete does not ask "will not be sent" first only to refuse after,
    and Enter does not save what is in Compose to Drafts on its way to refusing."""
    win = window
    sandbox.faults.inject("SendItem", "hold_after_commit", count=1, seconds=60, then="answer")
    type_message(qtbot, win, cc="", bcc="", subject="On the wire", body="x")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.SUBMITTING
                    and ("SendItem", "hold_after_commit") in sandbox.faults.fired, timeout=20000)
    type_message(qtbot, win, to="zed@example.org", cc="", bcc="", subject="Half written", body="not yet")
    writes = [op for op in sandbox.request_log if op in ("CreateItem", "UpdateItem")]
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.current_id() == lid, timeout=5000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Delete)
    question = getattr(win.journal_bridge, "_delete_question", None)
    assert question is None or not question.isVisible()
    assert whole_message(win) == "It is being sent right now and can no longer be deleted"
    key(qtbot, win, Qt.Key_Return)
    assert whole_message(win) == "It is being sent right now and can no longer be taken back"
    assert win.current_view() == "outbox" and win.compose.subject.text() == "Half written"
    sandbox.faults.release_held()
    qtbot.waitUntil(lambda: ob.queue.submission(lid).state == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    assert [op for op in sandbox.request_log if op in ("CreateItem", "UpdateItem")] == writes, \
        "Compose was saved to Drafts behind the user's back"
