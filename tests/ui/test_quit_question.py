"""The quit question says per message what will happen to it (issue 45, item 5), in the real window on the
sandbox. One message in its undo countdown (it comes back to Compose unsent at the next start: it must not be
said to "go out"), one a sending limit holds here until tomorrow (it goes at its time, if Dispatch runs), and one
the user sent later, which Exchange keeps (issue 79): it is not waiting on this computer, so the question does
not name it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox import holds
from app.core.outbox.submission import SubState
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.send_later import schedule_by_keys
from tests.helpers.keys import CTRL, key
from tests.helpers.limit_wait import held_by_the_limit
from tests.helpers.mailbox import items



def _send_later_kept_by_exchange(qtbot, win, sandbox, subject: str) -> None:
    """``subject`` sent later (tomorrow 8:00) by keys: Exchange keeps it in the mailbox's Outbox folder."""
    type_message(qtbot, win, to="zed@example.org", cc="", bcc="", subject=subject, body="1. numbers")
    schedule_by_keys(qtbot, win, "tomorrow 8:00")
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "outbox")] == [subject]
                    and win.flows.sending == 0, timeout=10000)


def test_ctrl_q_says_per_message_what_happens_to_it(qtbot, window, sandbox, settings, screenshot_dir):
    win = window
    ob = win.session.outbox
    [minutes] = held_by_the_limit(qtbot, win, sandbox, ["Minutes"])  # held here until tomorrow, by the limit
    waits = minutes.draft.subject
    settings.set_undo_send_seconds(60)
    HeldClocks(ob)  # the Outbox's injected clocks stand still: no release
    _send_later_kept_by_exchange(qtbot, win, sandbox, "Agenda")
    type_message(qtbot, win, cc="", bcc="", subject="Countdown", body="still undoable")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.send_timing.bar.isVisible(), timeout=5000)
    # both held here, and both requests done (each is on its way until its record is on disk: quitting before then
    # is asked as "still being sent")
    qtbot.waitUntil(lambda: sorted(s.hold_kind for s in ob.queue.submissions() if s.state == SubState.HELD)
                    == ["later", "undo"] and win.flows.sending == 0, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)

    key(qtbot, win, Qt.Key_Q, CTRL)
    box = win._close_question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    assert win.isVisible()
    text = box.text()
    box.grab().save(str(screenshot_dir / "quit-question.png"))
    lines = {line.split("”")[0].lstrip("• “"): line for line in text.splitlines() if line.startswith("• “")}
    # the Send later Exchange keeps goes at its time with Dispatch closed: not one of the messages waiting here
    assert set(lines) == {"Countdown", waits} and text.startswith("2 messages are waiting in the Outbox")
    assert "comes back to Compose, unsent" in lines["Countdown"] and "goes out" not in lines["Countdown"]
    at = holds.clock_text(minutes.release_at)
    assert f"scheduled for {at}: it goes out then if Dispatch is running" in lines[waits], (at, text)
    assert datetime.fromtimestamp(minutes.release_at).date() > datetime.now().date()
    assert "go out the next time Dispatch runs" not in text
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)  # Keep open
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert win.isVisible()


def test_enter_on_the_quit_question_keeps_the_window_open(qtbot, window, sandbox):
    """Issue 73, item 8: the safe answer is the default: Enter on the question keeps the window (and the
    message a sending limit holds here for later) as they are."""
    win = window
    held_by_the_limit(qtbot, win, sandbox, ["Agenda"])
    key(qtbot, win, Qt.Key_Q, CTRL)
    box = win._close_question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert win.isVisible(), "Enter kept the window open"
    assert [s.hold_kind for s in win.session.outbox.queue.submissions() if s.state == SubState.HELD] == ["later"]


def test_ctrl_q_with_unsent_words_in_compose_says_they_are_kept_then_closes(qtbot, window):
    """Issue 73, item 8: Ctrl+Q with a message typed in Compose (kept on this computer, not on the server) says so
    in one line before the window closes; a second Ctrl+Q closes at once. The journal still has the words."""
    from tests.helpers.status_bar import record_messages

    win = window
    win.quit_note_ms = 60_000  # the line stays until the second Ctrl+Q (time injected, never waited)
    type_message(qtbot, win, cc="", bcc="", subject="Half written", body="to be continued")
    bridge = win.journal_bridge
    qtbot.waitUntil(lambda: not bridge.autosave.pending and bool(bridge.journal.entries()), timeout=5000)
    said = record_messages(win)
    key(qtbot, win, Qt.Key_Q, CTRL)
    kept = "The message in Compose is kept on this computer: it reopens there the next time Dispatch starts."
    assert said and said[-1] == kept
    assert win.isVisible(), "the line shows before the window closes"
    key(qtbot, win, Qt.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    bridge.autosave.drain()
    assert [e.draft.subject for e in bridge.journal.entries()] == ["Half written"]


def test_the_quit_question_says_the_words_in_compose_are_kept(qtbot, window, sandbox):
    """The question asked at Ctrl+Q (a message a sending limit holds here waits) names Compose's unsent words too: its
    Quit closes at once, so the line is in the question."""
    win = window
    held_by_the_limit(qtbot, win, sandbox, ["Agenda"])
    type_message(qtbot, win, cc="", bcc="", subject="Half written", body="to be continued")
    key(qtbot, win, Qt.Key_Q, CTRL)
    box = win._close_question
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=5000)
    assert "The message in Compose is kept on this computer" in box.text()
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
