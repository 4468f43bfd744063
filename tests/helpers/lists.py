"""The Drafts and Sent lists of a connected window."""

from tests.helpers.windows import open_window


def open_loaded(qtbot, sandbox, settings):
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading and not win.sent.model.loading,
                    timeout=20000)
    return win, session


def selected(view) -> list[int]:
    return sorted({i.row() for i in view.table.selectionModel().selectedRows()})
