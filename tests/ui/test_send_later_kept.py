"""Send later kept by the server, by keys in the real window against the sandbox over HTTP (EWS and Graph): Ctrl+Shift+T
sends the message now with its time, Exchange keeps it in its Outbox folder, the Outbox view lists the server's copy
("Sends at Tue 08:00 (kept by Exchange)") and Enter, Ctrl+R, Ctrl+Shift+T and Delete act on that copy. The sandbox's
clock is moved, never waited for."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox import holds
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.outbox_race import where
from tests.helpers.send_later import schedule_by_keys
from tests.helpers.status_bar import record_messages, whole_message
from tests.helpers.windows import close_window, open_window, wait_idle

SHIFT = Qt.ShiftModifier
HOUR = 3600


def _kept_rows(view) -> list[tuple[str, str, str]]:
    return [(s, r, t) for s, r, t in view.rows() if t.endswith("(kept by Exchange)")]


def _outbox(qtbot, win):
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: win.current_view() == "outbox", timeout=5000)
    return view


def _at(when: datetime) -> str:
    return f"Sends at {holds.clock_text(when.timestamp())} (kept by Exchange)"


def test_send_later_is_kept_by_exchange_listed_in_the_outbox_and_enter_takes_it_back(
        qtbot, ui_window, ui_sandbox, screenshot_dir):
    win, sb = ui_window, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Tomorrow's agenda", body="1. numbers")
    said = record_messages(win)
    schedule_by_keys(qtbot, win, "tomorrow 8:00")
    when = datetime.combine(datetime.now().date() + timedelta(days=1), datetime.min.time()).replace(hour=8)

    # on the server now, kept there: nothing of it waits on this computer
    qtbot.waitUntil(lambda: where(sb, "Tomorrow's agenda")["outbox"] == 1, timeout=15000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "", timeout=5000)
    wait_idle(qtbot, win)
    assert "Exchange keeps it in the Outbox" in whole_message(win)
    assert not [m for m in said if m.startswith("Sent")]  # not sent yet: never said so
    view = _outbox(qtbot, win)
    qtbot.waitUntil(lambda: _kept_rows(view) == [("Tomorrow's agenda", "Bob", _at(when))], timeout=10000)
    assert win.journal_bridge.journal.count() == 0
    view.table.setFocus()
    assert view.edit_button.text() == "Take back" and view.retry_button.text() == "Send now"
    assert view.time_button.isVisible()
    QApplication.processEvents()
    view.grab().save(str(screenshot_dir / "outbox-kept-by-exchange.png"))

    key(qtbot, view.table, Qt.Key_Return)

    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == "Tomorrow's agenda",
                    timeout=10000)
    assert "bob@example.com" in win.compose.draft().to[0].email and "1. numbers" in win.compose.draft().body
    assert "Taken back from Exchange" in whole_message(win)
    assert _kept_rows(view) == []
    sb.advance_clock(2 * 24 * HOUR)
    assert sb.outbox.wait_idle(10)
    assert where(sb, "Tomorrow's agenda") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}
    wait_idle(qtbot, win)


def test_a_take_back_after_exchange_sent_it_says_so_and_sent_shows_it(qtbot, ui_window, ui_sandbox):
    win, sb = ui_window, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Already gone", body="hi")
    schedule_by_keys(qtbot, win, "in 2 h")
    view = _outbox(qtbot, win)
    qtbot.waitUntil(lambda: len(_kept_rows(view)) == 1, timeout=15000)
    sb.advance_clock(3 * HOUR)  # Exchange sends it; this window has not read its Outbox since
    assert sb.outbox.wait_idle(10)
    view.table.setFocus()

    key(qtbot, view.table, Qt.Key_Return)

    qtbot.waitUntil(lambda: "Already sent at" in whole_message(win), timeout=10000)
    assert "it is in Sent" in whole_message(win) and win.current_view() == "outbox"
    assert _kept_rows(view) == []
    qtbot.waitUntil(lambda: [s.subject for s in win.sent.model.summaries()] == ["Already gone"], timeout=10000)
    assert where(sb, "Already gone") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
    wait_idle(qtbot, win)


def test_a_second_window_takes_it_back_edits_it_and_schedules_it_again_the_first_follows(
        qtbot, aloop, ui_window, ui_sandbox, ui_backend, settings, tmp_path, monkeypatch):
    """Two computers on one account: another DISPATCH_HOME (its own journal, lock and door), the same mailbox."""
    first, sb = ui_window, ui_sandbox
    type_message(qtbot, first, cc="", bcc="", subject="Plan", body="draft plan")
    schedule_by_keys(qtbot, first, "in 2 h")
    view_one = _outbox(qtbot, first)
    qtbot.waitUntil(lambda: len(_kept_rows(view_one)) == 1, timeout=15000)

    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "second-computer"))
    from app.storage.settings import Settings

    second, session = open_window(qtbot, sb, Settings(tmp_path / "second" / "settings.json"), connected=True,
                                  backend=ui_backend)
    try:
        view_two = _outbox(qtbot, second)
        qtbot.waitUntil(lambda: [s for s, _r, _t in _kept_rows(view_two)] == ["Plan"], timeout=15000)
        view_two.table.setFocus()
        key(qtbot, view_two.table, Qt.Key_Return)
        qtbot.waitUntil(lambda: second.compose.subject.text() == "Plan", timeout=10000)
        second.compose.subject.setFocus()
        key(qtbot, second, Qt.Key_End)
        qtbot.keyClicks(second.compose.subject, " v2")
        schedule_by_keys(qtbot, second, "in 5 h")
        qtbot.waitUntil(lambda: where(sb, "Plan v2")["outbox"] == 1, timeout=15000)
        assert where(sb, "Plan")["outbox"] == 0

        first.activateWindow()  # back at the first computer
        qtbot.waitUntil(first.isActiveWindow, timeout=5000)
        key(qtbot, first, Qt.Key_F5)  # the first window follows within one read of the server's Outbox
        qtbot.waitUntil(lambda: [s for s, _r, _t in _kept_rows(view_one)] == ["Plan v2"], timeout=15000)
        sb.advance_clock(6 * HOUR)
        assert sb.outbox.wait_idle(10)
        assert where(sb, "Plan v2") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
        assert where(sb, "Plan")["bob inbox"] == 0
        wait_idle(qtbot, second)
    finally:
        close_window(second, session)
    wait_idle(qtbot, first)


def test_a_send_later_an_older_version_held_here_goes_to_the_server_and_the_window_says_so(
        qtbot, aloop, ui_sandbox, ui_backend, settings, tmp_path):
    import time

    from app.domain.models import Draft, Recipient
    from app.storage.journal import Journal

    sb = ui_sandbox
    journal = Journal(tmp_path / "older" / "journal.sqlite3")
    key_of = "sandbox:graph:alice@example.com" if ui_backend == "graph" else "sandbox:alice@example.com"
    old = Draft(to=[Recipient("bob@example.com")], subject="Held by an older version", body="kept here",
                internet_message_id="<older@dispatch>")
    journal.record(old, "held", account=key_of, op="send",
                   meta={"source": "compose", "adopt": False, "hold": "later", "release_at": time.time() + 2 * HOUR})
    win, session = open_window(qtbot, sb, settings, connected=True, journal=journal, backend=ui_backend)
    try:
        qtbot.waitUntil(lambda: where(sb, "Held by an older version")["outbox"] == 1, timeout=15000)
        line = "Send later: 1 message held on this computer is now kept by Exchange"
        qtbot.waitUntil(lambda: line in whole_message(win), timeout=10000)  # said again once connected
        view = _outbox(qtbot, win)
        qtbot.waitUntil(lambda: [s for s, _r, _t in _kept_rows(view)] == ["Held by an older version"], timeout=10000)
        assert sb.mailbox("bob@example.com").items("inbox") == []
        wait_idle(qtbot, win)
    finally:
        close_window(win, session)


def test_ctrl_shift_t_on_a_kept_row_changes_its_time_and_ctrl_r_sends_it_now(qtbot, ui_window, ui_sandbox):
    win, sb = ui_window, ui_sandbox
    type_message(qtbot, win, cc="", bcc="", subject="Moving", body="x")
    schedule_by_keys(qtbot, win, "in 2 h")
    view = _outbox(qtbot, win)
    qtbot.waitUntil(lambda: len(_kept_rows(view)) == 1, timeout=15000)
    first = _kept_rows(view)[0][2]
    view.table.setFocus()

    key(qtbot, view.table, Qt.Key_T, CTRL | SHIFT)  # Change time…: the Send later dialog, for this message
    rows = win.journal_bridge.kept
    qtbot.waitUntil(lambda: rows.dialog is not None and rows.dialog.isVisible()
                    and QApplication.focusWidget() is rows.dialog.when, timeout=5000)
    qtbot.keyClicks(rows.dialog.when, "in 5 h")
    qtbot.keyClick(rows.dialog.when, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(_kept_rows(view)) == 1 and _kept_rows(view)[0][2] != first, timeout=15000)
    assert "“Moving” now sends at" in whole_message(win)
    sb.advance_clock(3 * HOUR)
    assert sb.outbox.wait_idle(10)
    assert where(sb, "Moving")["bob inbox"] == 0  # the old time went by: nothing

    view.table.setFocus()
    key(qtbot, view.table, Qt.Key_R, CTRL)  # Send now
    qtbot.waitUntil(lambda: where(sb, "Moving")["bob inbox"] == 1, timeout=15000)
    qtbot.waitUntil(lambda: _kept_rows(view) == [], timeout=10000)
    sb.advance_clock(24 * HOUR)
    assert sb.outbox.wait_idle(10)
    assert where(sb, "Moving") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
    wait_idle(qtbot, win)
