"""Listing Drafts keeps the UI thread free (issue 16, "every frame on time"): where the work runs.

Real window, real sandbox over HTTP, real exchangelib. Each server item becomes a ``MessageSummary``
(``app.mail.ews.convert.summary_from``) and each summary a display row with its texts
(``app.domain.list_rows.display_row`` / ``when_text``) in the mail client's worker thread; the UI thread
only inserts prepared rows, at most ``INSERT_BATCH`` per insert, and painting or scrolling formats
nothing. The conversions are wrapped to record the thread they ran on; nothing is faked.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from app.domain import list_rows
from app.mail.ews import convert
from app.ui.lists.message_models import INSERT_BATCH, MessageTableModel
from tests.helpers.keys import key
from tests.helpers.mailbox import seed_drafts
from tests.helpers.windows import close_window, open_window

CTRL = Qt.ControlModifier
N = 260  # three pages of 100: two full pages and a short last one


def _recording(monkeypatch, module, name, calls):
    real = getattr(module, name)

    def wrapped(*args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)


def test_list_conversion_runs_off_the_ui_thread_and_painting_formats_nothing(qtbot, aloop, sandbox, settings,
                                                                              monkeypatch):
    seed_drafts(sandbox, N)
    items, rows, dates = [], [], []
    _recording(monkeypatch, convert, "summary_from", items)  # server item -> MessageSummary
    _recording(monkeypatch, list_rows, "display_row", rows)  # MessageSummary -> display texts
    _recording(monkeypatch, list_rows, "when_text", dates)  # the local date of a row
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    d = win.drafts
    inserts: list[int] = []
    d.model.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    try:
        key(qtbot, win, Qt.Key_2, CTRL)
        qtbot.waitUntil(lambda: d.model.rowCount() >= 100, timeout=20000)
        bar = d.table.verticalScrollBar()
        for _ in range(10):  # scroll to the end as the user would; each page comes when the view nears it
            if d.model.rowCount() == N and not d.model.loading:
                break
            bar.setValue(bar.maximum())
            qtbot.waitUntil(lambda: not d.model.loading, timeout=20000)
            qtbot.waitUntil(lambda: d.model.rowCount() == N or d.model.canFetchMore(), timeout=20000)
        qtbot.waitUntil(lambda: d.model.rowCount() == N and not d.model.loading, timeout=20000)
        assert d.model.data(d.model.index(0, MessageTableModel.COL_SUBJECT)).startswith("Draft ")

        assert len(items) >= N and len(rows) >= N and len(dates) >= N, (len(items), len(rows), len(dates))
        assert not any(items), f"{sum(items)} of {len(items)} server items were converted on the UI thread"
        assert not any(rows), f"{sum(rows)} of {len(rows)} display rows were made on the UI thread"
        assert not any(dates), f"{sum(dates)} of {len(dates)} dates were formatted on the UI thread"
        assert max(inserts) <= INSERT_BATCH, f"rows went in {inserts} at a time (at most {INSERT_BATCH})"

        # Painting and scrolling read what was prepared: every role of every cell, top to bottom.
        made = (len(items), len(rows), len(dates))
        model = d.model
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                idx = model.index(row, col)
                for role in (Qt.DisplayRole, Qt.ToolTipRole, Qt.AccessibleTextRole, Qt.ForegroundRole,
                             Qt.DecorationRole):
                    model.data(idx, role)
        bar.setValue(0)
        d.table.viewport().repaint()
        bar.setValue(bar.maximum())
        d.table.viewport().repaint()
        assert (len(items), len(rows), len(dates)) == made, "data() or a repaint formatted rows again"
    finally:
        close_window(win, session)
