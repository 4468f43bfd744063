"""While another process has the account's queue, the status bar says so (app/ui/window/status_bar.py) without
widening the window past the size the user gave it; at the default size the words are shown whole."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.core.account_queue.keeper import COMMAND_SENDS, OTHER_WINDOW, SHORT
from tests.helpers.windows import close_window, open_window


def test_the_queue_words_never_widen_the_window(qtbot, aloop, sandbox, settings):
    win, session = open_window(qtbot, sandbox, settings)
    try:
        wide = win.width()
        win.journal_bridge._say_waiting(OTHER_WINDOW)
        label = win.status.queue_notice
        qtbot.waitUntil(lambda: label.isVisible() and label.width() >= label.sizeHint().width(), timeout=5000)
        assert label.text() == SHORT[OTHER_WINDOW] and label.accessibleDescription() == OTHER_WINDOW
        win.resize(683, 560)
        qtbot.waitUntil(lambda: win.width() == 683, timeout=5000)
        win.journal_bridge._say_waiting(COMMAND_SENDS)
        QApplication.sendPostedEvents()  # the layout requests the new words made: a widening happens in them
        win.layout().activate()
        assert win.width() == 683 and label.text() == SHORT[COMMAND_SENDS]
        assert wide >= 683
    finally:
        close_window(win, session)


def test_the_words_go_when_they_stop_being_true_even_cut_short(qtbot, aloop, sandbox, settings):
    """At 683 px in French the status bar shows the words cut short ("…"); when the other process lets go of the
    queue they still go (they were compared whole with what the bar showed, which the cut no longer matched)."""
    from tests.helpers.language import in_language

    with in_language("fr"):  # the words are translated when they are said: French installed all along
        win, session = open_window(qtbot, sandbox, settings)
        try:
            win.resize(683, 560)
            qtbot.waitUntil(lambda: win.width() == 683, timeout=5000)
            bar = win.statusBar()
            win.journal_bridge._say_waiting(COMMAND_SENDS)
            assert bar.currentMessage() and bar.last_cut, "the words fit: nothing here to prove"
            assert bar.last_cut != str(COMMAND_SENDS), "the French words were cut, not the English"
            win.journal_bridge._say_waiting("")
            assert bar.currentMessage() == ""
        finally:
            close_window(win, session)
