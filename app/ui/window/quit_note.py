"""Quitting with unsent words in Compose: they are kept (the journal has them; the next start reopens them in
Compose and says "Reopened the message you were writing"), and the quit says so in one line before the window
closes, as the next start says so after. Wiring only: the words are the core's (app/core/outbox/quit_words.py)."""

from __future__ import annotations

from app.core.outbox.quit_words import KEPT_IN_COMPOSE

def kept_in_compose(win) -> bool:
    """Does Compose hold words the server has not got, which the journal keeps for the next start?"""
    c, bridge = win.compose, win.journal_bridge
    return (win.session is not None and c is not None and bridge is not None and bridge.journal.persistent
            and c.dirty)


def say_kept_then_close(win, ms: int) -> None:
    """The line in the status bar, said to a screen reader (one call: the port's say), then the window closes ``ms``
    later by its own close path."""
    from PySide6.QtCore import QTimer

    from app.ui.common.tr import shown

    win.port.say(shown(KEPT_IN_COMPOSE), ms=ms + 5000)
    QTimer.singleShot(ms, win, win.close)  # not after the window is gone
