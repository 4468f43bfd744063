"""After a dialog closes, the keyboard is back where the user was.

Qt gives a window back the widget that had its focus when the window is activated again. Whether anything
activates it when a dialog of it closes is up to the platform: on X11 it is (the AT-SPI test sees it), on Qt's
offscreen platform nothing is, and elsewhere it is the window manager's choice; where nothing did, the keyboard
was nowhere and a screen reader said nothing. Activating it here makes it so everywhere."""

from __future__ import annotations


def return_focus(dialog, owner):
    """When ``dialog`` closes (Esc, Close, Cancel, its own action), ``owner`` (the window it was opened from) is
    activated again, its focus widget (the field the user was in, the caret where it was) with it. Returns
    ``dialog``."""
    dialog.finished.connect(lambda _result: owner.activateWindow() if owner.isVisible() else None)
    return dialog
