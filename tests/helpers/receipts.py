"""File → Receipts for new messages by keys, and the window made active again after a popup (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.helpers.keys import key


def choose_in_file_menu(qtbot, win, letter) -> None:
    """Alt+F, W (Receipts for new messages), then ``letter``: the menus by their mnemonics, as a user does."""
    active(qtbot, win)
    key(qtbot, win, Qt.Key_F, Qt.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key_W)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None
                    and QApplication.activePopupWidget().objectName() == "menuReceiptDefaults", timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=5000)
    active(qtbot, win)


def active(qtbot, win) -> None:
    """The window active again: on the offscreen platform a popup that closed (a menu, the suggestion list of a
    recent recipient offered while To was typed) leaves no window active, which a desktop's window manager
    gives back; the window's shortcuts work only in the active window."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
