"""The snippets and signatures dialog (Ctrl+Shift+L)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, SHIFT, key


def open_dialog(qtbot, win):
    key(qtbot, win, Qt.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.dialog is not None and win.power.dialog.isVisible(), timeout=3000)
    d = win.power.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d, timeout=3000)
    return d
