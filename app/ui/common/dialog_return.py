"""After a dialog closes, the keyboard is back where the user was.

Qt gives a window back the widget that had its focus when the window is activated again, but nothing activates
it when a dialog of it closes unless the window manager does (a bare X server, some window managers and Qt's
offscreen platform do not): the keyboard was then nowhere and a screen reader said nothing."""

from __future__ import annotations


def return_focus(dialog, window):
    """When ``dialog`` closes (Esc, Close, Cancel, its own action), ``window`` is activated again, its focus widget
    (the field the user was in, the caret where it was) with it. Returns ``dialog``."""
    dialog.finished.connect(lambda _result: window.activateWindow() if window.isVisible() else None)
    return dialog
