"""One feedback channel: a feature's words reach the user through its port's ``say(words, level)``
(app/ui/common/port.py; the window's side app/ui/window/shell_port.py), which shows them in the status bar AND tells
the screen reader in the same call, so what is seen and what is heard cannot drift apart. Real window, real
sandbox, real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.common.port import Level
from tests.helpers.compose import new_message
from tests.helpers.heard import Heard
from tests.helpers.keys import CTRL, SHIFT, key


def _turn_ends(qtbot, win, heard) -> None:
    """The loop's turn is over: anything the status bar would say by itself (its live region) is said by now."""
    win.announcer.status("Barrier")
    qtbot.waitUntil(lambda: ("Barrier", False) in heard.said, timeout=5000)
    heard.said.remove(("Barrier", False))


def test_a_features_answer_is_shown_and_heard_in_one_call(qtbot, window):
    win = window
    new_message(qtbot, win)
    heard = Heard(win.announcer)
    key(qtbot, win, Qt.Key_D, CTRL | SHIFT)  # discard, with nothing written: Compose's discard answers in words
    # shown and said by the same call: not left to the status bar to say at the end of the turn
    assert win.statusBar().currentMessage() == "Nothing to discard"
    assert heard.said == [("Nothing to discard", False)]
    _turn_ends(qtbot, win, heard)
    assert heard.said == [("Nothing to discard", False)], "said once"


def test_say_shows_and_says_by_level(qtbot, window):
    win = window
    port, bar = win.port, win.statusBar()
    heard = Heard(win.announcer)
    errors = []
    win.error_shown.connect(errors.append)

    port.say("Checking 3 drafts…", Level.PROGRESS, ms=0)  # a step on the way: shown, not said
    assert bar.currentMessage() == "Checking 3 drafts…" and heard.said == []
    port.say("It is too late to take it back", Level.ALERT, ms=8000)  # said at once
    assert bar.currentMessage() == "It is too late to take it back"
    port.say("Not sent: no valid recipients", bar=False)  # shown by the view itself: said, the bar untouched
    assert bar.currentMessage() == "It is too late to take it back"
    port.say("Sent: Lunch", ms=5000, moved_to="New message")  # with where the keyboard went
    assert bar.currentMessage() == "Sent: Lunch"
    port.say("Could not delete: the server is busy", Level.ERROR)  # the error banner, said by it
    assert win.banner.isVisible() and win.banner.text() == "Could not delete: the server is busy"
    assert errors == ["Could not delete: the server is busy"]
    _turn_ends(qtbot, win, heard)
    assert heard.said == [("It is too late to take it back", True), ("Not sent: no valid recipients", False),
                          ("Sent: Lunch. New message.", False), ("Could not delete: the server is busy", True)]
