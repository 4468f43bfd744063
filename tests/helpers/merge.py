"""The merge window, opened from a typed template and given a table."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, press, type_focused
from tests.helpers.windows import open_window


def merge_ready(qtbot, sandbox, settings, table: str, subject: str = "Hi {name}", body: str = ""):
    """A connected window, the template typed into Compose, the merge window (Ctrl+Shift+M) given ``table``
    by Ctrl+V: (window, session, merge window), Create and send enabled."""
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not win.busy and session.outbox is not None, timeout=10000)
    press(qtbot, Qt.Key_N, CTRL)
    for _ in range(3):
        press(qtbot, Qt.Key_Tab)
    type_focused(qtbot, subject)
    if body:
        press(qtbot, Qt.Key_Tab)
        type_focused(qtbot, body)
    press(qtbot, Qt.Key_M, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: win.merge_dialog is not None and win.merge_dialog.isVisible(), timeout=5000)
    dlg = win.merge_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.table_edit, timeout=5000)
    QApplication.clipboard().setText(table)
    press(qtbot, Qt.Key_V, CTRL)
    qtbot.waitUntil(lambda: dlg.send_button.isEnabled(), timeout=5000)
    return win, session, dlg
