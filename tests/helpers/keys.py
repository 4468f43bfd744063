"""Keys as a user presses them: the modifiers, a key to the window's focused widget (``key``) or to the
application's (``focus_key``, ``press``), typed text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL, SHIFT, ALT = Qt.ControlModifier, Qt.ShiftModifier, Qt.AltModifier


def key(qtbot, win, k, mods=Qt.NoModifier):
    """``k`` to the window's focus widget (the window when none)."""
    qtbot.keyClick(win.focusWidget() or win, k, mods)


def focus_key(qtbot, win, k, mods=Qt.NoModifier):
    """``k`` to the application's focus widget (a dialog's too; the window when none)."""
    qtbot.keyClick(QApplication.focusWidget() or win, k, mods)


def focused():
    return QApplication.focusWidget()


def press(qtbot, k, mods=Qt.NoModifier):
    qtbot.keyClick(focused(), k, mods)


def popup_key(qtbot, k) -> None:
    """``k`` to the open menu (as the platform sends it to the popup's window)."""
    from PySide6.QtTest import QTest

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    QTest.keyClick(QApplication.activePopupWidget().windowHandle(), k)


def type_focused(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def mnemonic(qtbot, k, until):
    """Alt+letter on a button: Qt clicks it ~100 ms later (animateClick); wait for what it does."""
    press(qtbot, k, ALT)
    qtbot.waitUntil(until, timeout=3000)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard / input method does: ASCII with QTest key clicks; other characters as key
    events carrying the text (QTest.keyClicks aborts on characters outside Latin-1)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ord(ch) < 128 and ch != "\n":
            qtbot.keyClicks(widget, ch)
        elif ch == "\n":
            qtbot.keyClick(widget, Qt.Key_Return)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


HUMAN_MS = 80  # between two keys of a fast typist (~150 words a minute)


def type_as_a_person(qtbot, text: str, ms: int = HUMAN_MS) -> None:
    """``text`` key by key to whichever widget has the focus at each key, ``ms`` apart (the event loop runs
    in between, so timers, lookups and answers happen as they would while a person types). "\\t" is Tab."""
    for ch in text:
        if ch == "\t":
            qtbot.keyClick(focused(), Qt.Key_Tab)
        else:
            qtbot.keyClicks(focused(), ch)
        qtbot.wait(ms)
