"""The status bar is the window's polite live region (issue 62): a key's answer that only the status bar shows
("Nothing to save: Compose is empty") reaches a screen reader too, said once, whole even when the bar shortens it;
a progress step ("Loading drafts…") is shown but not said; words the window says itself are not said twice.
Real window, real sandbox, real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.compose import fill, new_message
from tests.helpers.heard import Heard
from tests.helpers.keys import CTRL, key
from tests.helpers.windows import wait_idle


def test_a_keys_answer_in_the_status_bar_is_heard_once(qtbot, window):
    win = window
    heard = Heard(win.announcer)
    new_message(qtbot, win)
    key(qtbot, win, Qt.Key_S, CTRL)  # nothing typed: nothing to save
    qtbot.waitUntil(lambda: bool(heard.said), timeout=5000)
    assert heard.said == [("Nothing to save: Compose is empty", False)]


def test_a_save_is_heard_once_in_one_wording(qtbot, window):
    win = window
    new_message(qtbot, win)
    fill(qtbot, win, to="zed@example.org", subject="Minutes", body="Draft of the minutes.")
    heard = Heard(win.announcer)
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: win.compose.state_label.text() == "Saved to Drafts", timeout=10000)
    wait_idle(qtbot, win)
    win.announcer.status("Barrier")  # said at the end of a turn: a status message shown before it is said by then
    qtbot.waitUntil(lambda: ("Barrier", False) in heard.said, timeout=5000)
    assert heard.said == [("Saved to Drafts", False), ("Barrier", False)], "the bar and Compose say it once"


def test_a_progress_step_is_shown_not_said_and_a_long_message_is_said_whole(qtbot, window):
    win = window
    heard = Heard(win.announcer)
    win.busy_push("Loading drafts…")
    assert win.statusBar().currentMessage() == "Loading drafts…"
    win.busy_pop()
    long = "Signature: " + "a very long signature name " * 12
    win.resize(683, win.height())
    win.statusBar().showMessage(long, 4000)
    assert win.statusBar().currentMessage() != long, "the bar shortened it"
    qtbot.waitUntil(lambda: bool(heard.said), timeout=5000)
    assert heard.said == [(" ".join(long.split()), False)]


def test_an_error_on_the_banner_is_heard_at_once_and_a_status_message_copied_there_is_heard_once(qtbot, window):
    win = window
    heard = Heard(win.announcer)
    win.show_error("Could not read the settings file: it was set aside")
    assert heard.said == [("Could not read the settings file: it was set aside", True)]
    win.banner.hide()  # dismissed (an error stays over a notice)
    win.resize(683, win.height())
    long = "Theme: " + "a long theme name " * 20
    win.statusBar().showMessage(long, 4000)  # too long for the bar: the banner shows it whole, as a notice
    assert win.banner.text() == long
    win.announcer.status("Barrier")
    qtbot.waitUntil(lambda: ("Barrier", False) in heard.said, timeout=5000)
    assert heard.said[1:] == [(" ".join(long.split()), False), ("Barrier", False)], "once, from the status bar"


def test_a_quiet_step_too_long_for_the_bar_is_not_said_by_the_banner_either(qtbot, window):
    win = window
    heard = Heard(win.announcer)
    win.resize(683, win.height())
    long = "Sending: " + "a long step on the way " * 20
    win.statusBar().show_quietly(long, 4000)
    assert win.banner.text() == long, "shown whole on the banner"
    win.announcer.status("Barrier")
    qtbot.waitUntil(lambda: ("Barrier", False) in heard.said, timeout=5000)
    assert heard.said == [("Barrier", False)]


def test_a_time_send_later_cannot_read_is_said_at_once_and_the_keyboard_stays_in_the_field(qtbot, window):
    from PySide6.QtWidgets import QApplication

    win = window
    new_message(qtbot, win)
    fill(qtbot, win, to="zed@example.org", subject="Later", body="Later.")
    heard = Heard(win.announcer)
    key(qtbot, win, Qt.Key_T, CTRL | Qt.ShiftModifier)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and QApplication.focusWidget() is timing.dialog.when,
                    timeout=5000)
    qtbot.keyClicks(timing.dialog.when, "next blursday")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(heard.said), timeout=5000)
    assert heard.said == [(timing.dialog.error.text(), True)] and timing.dialog.error.text()
    assert QApplication.focusWidget() is timing.dialog.when
    qtbot.keyClick(timing.dialog.when, Qt.Key_Escape)
