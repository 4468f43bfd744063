"""Undo send and send later, by keys, in the real window against the sandbox over HTTP (issue 15).

An undo-send is HELD in the account's Outbox until its release time; these tests watch the sandbox's request log
against the Outbox's own clock (polled, never slept on): nothing that saves or sends the message may reach
the server before its time, and it goes out exactly once after it. Send later goes to the server at once with
its time, which the server keeps (the sandbox's clock is moved: tests/ui/test_send_later_kept.py has the rest).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.status_bar import whole_message
from tests.helpers.backends import BOB, logged
from tests.helpers.windows import close_window, open_window, wait_idle, wait_task

SHIFT = Qt.ShiftModifier
WRITES = ("CreateItem", "UpdateItem", "SendItem")


def _writes(sandbox, since: int = 0, backend: str = "ews") -> list[str]:
    """Requests that write the message or send it (EWS names; on Graph the same operations' names)."""
    names = {logged(backend, op): op for op in WRITES}
    return [names[op] for op in sandbox.request_log[since:] if op in names]


def _rich_message_with_attachment(qtbot, win, tmp_path, subject: str):
    att = tmp_path / "numbers.csv"
    att.write_bytes(b"q,amount\n1,100\n")
    type_message(qtbot, win, subject=subject, body="Hi Bob,\nthe numbers")
    win.compose.rich.setChecked(True)  # rich text: the body is HTML from here on
    key(qtbot, win, Qt.Key_End, CTRL)
    key(qtbot, win, Qt.Key_B, CTRL)
    qtbot.keyClicks(win.focusWidget(), " in bold")
    win.compose.attachments.add_paths([str(att)])
    win.compose.importance.setCurrentIndex(2)
    win.compose.read_receipt.setChecked(True)


def _same(a, b) -> None:
    for f in ("to", "cc", "bcc", "subject", "body", "body_format", "importance", "read_receipt", "delivery_receipt",
              "local_id", "internet_message_id"):
        assert getattr(a, f) == getattr(b, f), f
    assert [(x.name, x.content) for x in a.attachments] == [(x.name, x.content) for x in b.attachments]


def test_ctrl_z_in_the_undo_window_sends_nothing_and_compose_holds_the_message_exactly(
        qtbot, ui_window, ui_sandbox, ui_backend, settings, tmp_path, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    settings.set_undo_send_seconds(2)
    _rich_message_with_attachment(qtbot, win, tmp_path, "Undo me")
    before = win.compose.draft()
    assert "<b>" in before.body or "font-weight" in before.body  # the bold run is in the HTML
    since = len(sandbox.request_log)
    key(qtbot, win, Qt.Key_Return, CTRL)
    timing, ob = win.send_timing, win.session.outbox
    qtbot.waitUntil(lambda: timing.bar.isVisible(), timeout=5000)
    sub = ob.queue.submission(before.local_id)
    assert sub.state == SubState.HELD and win.compose.subject.text() == ""
    assert "Sending “Undo me” in 2 s" in timing.bar.label.text()
    if ui_backend == "ews":
        win.grab().save(str(screenshot_dir / "undo-send.png"))
    assert win.journal_bridge.journal.get(before.local_id).state == "held"
    # a text field with typing of its own to undo: Ctrl+Z is the field's
    assert QApplication.focusWidget() is win.compose.to.edit
    qtbot.keyClicks(win.compose.to.edit, "x")
    key(qtbot, win, Qt.Key_Z, CTRL)
    assert win.compose.to.edit.text() == "" and sub.state == SubState.HELD
    # nothing left to undo in the field: Ctrl+Z takes the send back
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "Undo me", timeout=5000)
    assert sub.state == SubState.CANCELLED and not timing.bar.isVisible()
    _same(win.compose.draft(), before)  # every field, the rich text, the attachment, its identity
    e = win.journal_bridge.journal.get(before.local_id)
    assert (e.state, e.op) == ("editing", "")
    # well past the time it would have gone out (the Outbox's clock), nothing reached the server
    qtbot.waitUntil(lambda: ob.parts.clock() > sub.retry_at + 1.0, timeout=10000)
    wait_idle(qtbot, win)
    assert _writes(sandbox, since, ui_backend) == [] and items(sandbox, Folder.SENT.value) == []
    assert ob.queue.subs == {}


def test_without_undo_it_is_sent_exactly_once_after_the_delay_never_before(qtbot, ui_window, ui_sandbox, ui_backend,
                                                                          settings):
    win, sandbox = ui_window, ui_sandbox
    settings.set_undo_send_seconds(1.5)
    type_message(qtbot, win, cc="", bcc="", subject="After the delay", body="Noon?")
    since = len(sandbox.request_log)
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: any(s.state == SubState.HELD for s in ob.queue.submissions()), timeout=5000)
    sub = next(iter(ob.queue.submissions()))
    release = sub.retry_at
    early = []

    def sent() -> bool:
        now, writes = ob.parts.clock(), _writes(sandbox, since, ui_backend)
        if now < release - 0.02 and writes:
            early.append((release - now, writes))
        return "SendItem" in writes

    qtbot.waitUntil(sent, timeout=20000)
    assert early == [], "the server was asked before the undo window ended"
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=10000)
    assert [e.value for _a, e, _b in sub.history] == ["hold", "release", "start", "saved", "accepted"]
    qtbot.waitUntil(lambda: "Sent: After the delay" in win.statusBar().currentMessage(), timeout=5000)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: sandbox.outbox.wait_idle(0), timeout=10000)
    assert [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["After the delay"]
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["After the delay"]
    assert _writes(sandbox, since, ui_backend).count("SendItem") == 1


def _every_line_shown(dlg) -> None:
    """Every visible label of the dialog is inside it and as tall as its wrapped lines need (issue 45: the
    intro was cut off at the top once the error appeared)."""
    for label in dlg.findChildren(QLabel):
        if not label.isVisible():
            continue
        box = label.geometry()
        assert dlg.rect().contains(box), (label.text(), box, dlg.rect())
        if label.wordWrap():
            assert box.height() >= label.heightForWidth(box.width()), (label.text(), box)


def test_send_later_by_keys_goes_to_the_server_with_its_time_and_enter_in_the_outbox_takes_it_back(
        qtbot, window, sandbox, settings, screenshot_dir):
    win = window
    type_message(qtbot, win, cc="", bcc="", subject="Tomorrow's agenda", body="1. numbers")
    before = win.compose.draft()
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and timing.dialog.isVisible(), timeout=5000)
    dlg = timing.dialog
    assert not dlg.isModal()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.when, timeout=5000)
    qtbot.keyClicks(dlg.when, "soonish")
    qtbot.keyClick(dlg.when, Qt.Key_Return)
    assert dlg.isVisible() and "does not understand “soonish”" in dlg.error.text()
    assert win.session.outbox.queue.subs == {}
    dlg.when.selectAll()
    qtbot.keyClicks(dlg.when, "tomorrow 8:00")
    QApplication.processEvents()
    _every_line_shown(dlg)
    dlg.grab().save(str(screenshot_dir / "send-later.png"))
    qtbot.keyClick(dlg.when, Qt.Key_Return)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: before.local_id in ob.queue.subs, timeout=5000)
    sub = ob.queue.submission(before.local_id)
    when = datetime.combine(datetime.now().date() + timedelta(days=1), datetime.min.time()).replace(hour=8)
    # not held here: sent now with its time, which the server keeps (the Outbox folder)
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=10000)
    assert sub.hold_kind == "" and sub.draft.send_at == when.astimezone(timezone.utc)
    assert [m["subject"] for m in items(sandbox, Folder.OUTBOX.value)] == ["Tomorrow's agenda"]
    assert items(sandbox, Folder.SENT.value) == [] and items(sandbox, "inbox", BOB) == []
    qtbot.waitUntil(lambda: win.compose.subject.text() == "", timeout=5000)
    qtbot.waitUntil(lambda: "sends at" in whole_message(win), timeout=5000)  # once "Sending…" (busy) is over
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    row = ("Tomorrow's agenda", "Bob", f"Sends at {when.strftime('%a %H:%M')} (kept by Exchange)")
    qtbot.waitUntil(lambda: view.rows() == [row], timeout=10000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "Tomorrow's agenda",
                    timeout=10000)
    back = win.compose.draft()
    assert (back.to, back.subject, back.internet_message_id) == (before.to, before.subject, before.internet_message_id)
    assert "1. numbers" in back.body and back.send_at is None
    assert items(sandbox, Folder.OUTBOX.value) == [] and len(items(sandbox, Folder.DRAFTS.value)) == 1
    wait_idle(qtbot, win)


def test_send_later_goes_out_at_its_time_not_before_with_dispatch_doing_nothing_more(qtbot, window, sandbox):
    win = window
    type_message(qtbot, win, cc="", bcc="", subject="In two hours", body="later")
    sub = wait_task(qtbot, win.send_timing.schedule(time.time() + 2 * 3600))
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=10000)
    wait_idle(qtbot, win)
    since = len(sandbox.request_log)
    sandbox.advance_clock(3600)  # an hour before its time: Exchange keeps it
    assert sandbox.outbox.wait_idle(10)
    assert items(sandbox, "inbox", BOB) == [] and items(sandbox, Folder.SENT.value) == []
    sandbox.advance_clock(3600 + 60)
    assert sandbox.outbox.wait_idle(10)
    assert [m["subject"] for m in items(sandbox, "inbox", BOB)] == ["In two hours"]
    assert [m["subject"] for m in items(sandbox, Folder.SENT.value)] == ["In two hours"]
    assert _writes(sandbox, since) == []  # the server sent it: nothing from Dispatch


def test_the_undo_send_delay_is_chosen_from_the_file_menu(qtbot, window, settings):
    win = window
    timing = win.send_timing
    assert settings.undo_send_seconds() == 0  # the test suite's default (DISPATCH_UNDO_SEND_DEFAULT)
    assert timing.delay_actions[0].isChecked()
    timing.delay_actions[20].trigger()
    assert settings.undo_send_seconds() == 20 and timing.delay_actions[20].isChecked()
    assert not timing.delay_actions[0].isChecked()
    file_menu = win.menus["&File"]
    texts = [a.text() for a in file_menu.actions()]
    assert "Send &later…" in texts and "Undo send dela&y" in texts
    assert timing.later_action.shortcut().toString() == "Ctrl+Shift+T"


def test_a_message_in_its_undo_window_when_dispatch_closed_comes_back_with_a_note(qtbot, aloop, sandbox, settings):
    settings.set_undo_send_seconds(30)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    type_message(qtbot, win, cc="", bcc="", subject="Interrupted", body="was it sent?")
    before = win.compose.draft()
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.send_timing.bar.isVisible(), timeout=5000)
    journal = win.journal_bridge.journal
    qtbot.waitUntil(lambda: journal.get(before.local_id).state == "held", timeout=5000)
    since = len(sandbox.request_log)
    session.outbox.close()  # Dispatch stops here (the journal stays as it is on disk)
    close_window(win, session)
    win2, session2 = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    try:
        qtbot.waitUntil(lambda: win2.compose.subject.text() == "Interrupted", timeout=10000)
        _same(win2.compose.draft(), before)
        note = "“Interrupted” was not sent: it was waiting to be sent when Dispatch closed. Send it again or keep editing."
        # said at once; when "Connecting…" takes the status bar meanwhile, said again once connected. Whole:
        # in the status bar when it fits there, else its first words there and all of it in the banner
        # (issue 45: a status bar message is never cut mid-word, nor a notice only in a half-seen line)
        def said() -> bool:
            shown = win2.statusBar().currentMessage()
            if note in shown:
                return True
            return shown.endswith("…") and note.startswith(shown[:-1]) and win2.banner.isVisible() \
                and note in win2.banner.text()

        qtbot.waitUntil(said, timeout=10000)
        assert session2.outbox.queue.subs == {}
        wait_idle(qtbot, win2)
        assert _writes(sandbox, since) == []
    finally:
        close_window(win2, session2)
