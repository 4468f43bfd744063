"""The Drafts and Sent lists of a connected window."""

from PySide6.QtCore import Qt

from tests.helpers.keys import CTRL, key
from tests.helpers.windows import open_window


def open_loaded(qtbot, sandbox, settings):
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading and not win.sent.model.loading,
                    timeout=20000)
    return win, session


def selected(view) -> list[int]:
    return sorted({i.row() for i in view.table.selectionModel().selectedRows()})


def select_sent(qtbot, win, subject, row_key) -> None:
    """Ctrl+3, the list's keyboard on ``row_key``'s row (Home, End), until its preview shows ``subject``."""
    key(qtbot, win, Qt.Key_3, CTRL)
    qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
    win.sent.table.setFocus()
    qtbot.keyClick(win.sent.table, row_key)
    qtbot.waitUntil(lambda: win.sent.shown_message() is not None
                    and win.sent.shown_message().subject == subject, timeout=10000)
