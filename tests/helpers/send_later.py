"""Send later by keys in the real window: Ctrl+Shift+T, the time typed into the dialog, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, key


def schedule_by_keys(qtbot, win, typed: str) -> None:
    """Ctrl+Shift+T on ``win``'s Compose, ``typed`` in the dialog's time field, Enter."""
    key(qtbot, win, Qt.Key_T, CTRL | Qt.ShiftModifier)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and timing.dialog.isVisible()
                    and QApplication.focusWidget() is timing.dialog.when, timeout=5000)
    qtbot.keyClicks(timing.dialog.when, typed)
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
