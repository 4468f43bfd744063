"""Did it arrive, in the Outbox's history and as a desktop notification (issue 78, items 1 and 6; issue 77 item 5),
by real keys on the real window against the sandbox over HTTP. A message to bob and to an address in the domain
with no mailbox (the sandbox files Exchange's 5.1.1 non-delivery report in alice's Inbox): its sent row in the
Outbox says "Sent" until the reports are read (F5), then "Sent — 1 failed", marked, and a screen reader hears it.
While the window is in the background, the report read at the next check is a desktop notification (in the
words the notification setting allows, never the body) whose action opens the message's Sent row."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain.models import Folder
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.receipts import active
from tests.helpers.windows import close_window, open_window

BOB, NOBODY = "bob@example.com", "nobody@example.com"
BODY = "the figures are 4 8 15 16 23 42"


@pytest.fixture
def outbox_window(qtbot, aloop, sandbox_factory, ui_backend, settings):
    sb = sandbox_factory(graph=ui_backend == "graph", graph_send_delay=0)
    win, session = open_window(qtbot, sb, settings, connected=True, backend=ui_backend)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win, sb
    close_window(win, session)


def _send(qtbot, win, sb, subject: str) -> None:
    """Typed and sent by keys to bob and to an address with no mailbox; until it is in Sent Items."""
    type_message(qtbot, win, to=f"{BOB}, {NOBODY}", cc="", bcc="", subject=subject, body=BODY)
    active(qtbot, win)
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == subject for m in items(sb, Folder.SENT.value)), timeout=20000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)


def _row(view, subject: str) -> int:
    return [r[0] for r in view.shown_rows()].index(subject)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_the_outbox_history_says_a_sent_rows_delivery_news(qtbot, outbox_window, screenshot_dir, ui_backend):
    win, sb = outbox_window
    subject = "Quarterly figures"
    _send(qtbot, win, sb, subject)

    key(qtbot, win, Qt.Key_4, CTRL)  # the Outbox
    qtbot.waitUntil(lambda: win.current_view() == "outbox", timeout=5000)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: subject in [r[0] for r in view.shown_rows()], timeout=10000)
    assert view.shown_rows()[_row(view, subject)][2] == "Sent", "no report read yet: no claim"

    key(qtbot, win, Qt.Key_F5)  # the reports are read: the row follows at once (the watch's news)
    i = _row(view, subject)
    qtbot.waitUntil(lambda: view.table.item(i, 2).text() == "Sent — 1 failed", timeout=20000)
    assert view.shown_rows()[i][2] == "Sent — 1 failed"
    said = view.table.item(i, 0).data(Qt.AccessibleTextRole)
    assert said == f"Not delivered to everyone: {subject}", said
    assert not view.table.item(i, 0).icon().isNull(), "marked as the failed rows are"
    win.grab().save(str(screenshot_dir / f"outbox-sent-row-delivery-news-{ui_backend}.png"))


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_a_bounce_read_in_the_background_is_notified_and_its_action_opens_the_sent_row(
        qtbot, notify_server, outbox_window):
    win, sb = outbox_window
    win.settings.set("notifications", "details")  # (View → Notifications is typed in tests/ui/test_notifications.py)
    subject = "Board minutes"
    _send(qtbot, win, sb, subject)
    key(qtbot, win, Qt.Key_F5)  # the Sent list has it; the report is not filed yet, or read now, in the window
    qtbot.waitUntil(lambda: not win.delivery._checking and not win.sent.model.loading, timeout=20000)
    # read while the user was in the window: the banner said it, no notification
    assert notify_server.records() == []

    subject = "Budget"
    _send(qtbot, win, sb, subject)
    key(qtbot, win, Qt.Key_3, CTRL)  # Sent lists it (no reports read: that is the next check's)
    qtbot.waitUntil(lambda: not win.sent.model.loading and any(
        s.subject == subject for s in win.sent.model.summaries()), timeout=20000)
    key(qtbot, win, Qt.Key_1, CTRL)  # back in Compose: Sent's selection is not on it
    other = QWidget()
    other.setWindowTitle("Another application")
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not win.isActiveWindow(), timeout=5000)
    assert notify_server.records() == []
    sb_mid = next(s.internet_message_id for s in win.sent.model.summaries() if s.subject == subject)
    assert sb_mid

    win.delivery.timer.timeout.emit()  # the next check's turn comes (every 5 minutes: the tick, not a wait)
    qtbot.waitUntil(lambda: len(notify_server.records()) == 1, timeout=20000)
    [record] = notify_server.records()
    assert (record["summary"], record["body"], record["actions"]) == (
        "Message not delivered", f"“{subject}” to {NOBODY}", ["default", "Show in Sent"]), record
    assert BODY not in json.dumps(record) and "figures" not in json.dumps(record)

    notify_server.click(record["id"])
    qtbot.waitUntil(lambda: win.isActiveWindow() and win.current_view() == "sent"
                    and win.sent.shown_message() is not None and win.sent.shown_message().subject == subject,
                    timeout=10000)
