"""A progress step on the window's status bar ("Loading drafts…", a send's "sending…"): shown, not announced (a
reader is told the outcome, not each step on the way). The window's bar (app.ui.window.frame.FittingStatusBar)
knows how; any feature shows a step through :func:`show_quietly`, without importing the window."""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from app.ui.common.tr import shown as in_words


def show_quietly(bar: QStatusBar, text: str, timeout: int = 0) -> None:
    """``text`` on the window's status bar, not announced (``FittingStatusBar.show_quietly``); a plain
    ``QStatusBar`` (one asked for before the frame was built) shows it as it shows everything."""
    getattr(bar, "show_quietly", bar.showMessage)(in_words(text), timeout)
