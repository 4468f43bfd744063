"""A minimal Outbox view: one row per message waiting to be saved or sent, with its state in words
("Waiting — not on server yet", "Retrying in 4 s", "Waiting 2 s (server busy)", "Waiting for sign-in",
"Failed: Too large to send (ErrorMessageSizeExceeded)", "Sent").

Fed by :class:`app.core.outbox.Outbox` (``rows()``), refreshed on its ``on_change`` callback and once a
second for the countdowns. Retry retries the selected failed row; "Try now" retries everything waiting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.core.retry import RowStatus
from app.ui.drafts_view import list_page


class OutboxView(QWidget):
    COLUMNS = ("Subject", "To", "State")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outbox = None
        lay, head, self.count_label = list_page(self, "Outbox")
        self.retry_button = QPushButton("Retry", self)
        self.retry_button.setAccessibleName("Retry the selected failed message")
        self.retry_button.setToolTip("Try the selected failed message again")
        self.now_button = QPushButton("Try now", self)
        self.now_button.setObjectName("primary")
        self.now_button.setAccessibleName("Try everything waiting now")
        self.now_button.setToolTip("Try everything waiting now instead of after the wait")
        for b in (self.retry_button, self.now_button):
            b.setFocusPolicy(Qt.TabFocus)
            head.addWidget(b)
        self.empty = QLabel("Nothing waiting: every message reached the server.\n\n"
                            "When the server cannot be reached, messages you send wait here and go out "
                            "by themselves once it is back.", self)
        self.empty.setObjectName("viewSubtitle")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setAccessibleName("Messages waiting for the server")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        h = self.table.horizontalHeader()
        h.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)  # like Drafts and Sent
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)  # the state, with its reason, gets the room
        h.resizeSection(0, 220)
        self.table.setColumnWidth(1, 200)
        lay.addWidget(self.empty, 1)  # only one of the two is visible at a time
        lay.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.retry_button.clicked.connect(self._retry)
        self.now_button.clicked.connect(lambda: self.outbox and self.outbox.kick())
        self._ids: list[str] = []
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self.refresh()

    def set_outbox(self, outbox) -> None:
        """Show this outbox (``Outbox.on_change`` is chained, not replaced)."""
        self.outbox = outbox
        if outbox is not None:
            prev = outbox.on_change

            def changed():
                if prev is not None:
                    prev()
                self.refresh()

            outbox.on_change = changed
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows: (subject, recipients, state text)."""
        return [] if self.outbox is None else self.outbox.row_texts()

    def refresh(self) -> None:
        rows = [] if self.outbox is None else self.outbox.rows()
        texts = self.rows()
        self._ids = [r.local_id for r in rows]
        self.table.setRowCount(len(rows))
        for i, row_texts in enumerate(texts):
            for j, text in enumerate(row_texts):
                item = self.table.item(i, j)
                if item is None:
                    item = QTableWidgetItem(text)
                    self.table.setItem(i, j, item)
                elif item.text() != text:
                    item.setText(text)
                item.setToolTip(text)  # the whole reason, when the column elides it
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        n_failed = sum(r.status == RowStatus.FAILED for r in rows)
        n_waiting = sum(r.status not in (RowStatus.DONE, RowStatus.FAILED) for r in rows)
        parts = ([f"{n_waiting} waiting"] if n_waiting else []) + ([f"{n_failed} failed"] if n_failed else [])
        self.count_label.setText(", ".join(parts))  # done rows stay listed but are not "waiting"
        self.retry_button.setEnabled(bool(n_failed))
        self.now_button.setEnabled(any(r.status in (RowStatus.RETRYING, RowStatus.WAITING) for r in rows))

    def _retry(self) -> None:
        if self.outbox is None:
            return
        for idx in self.table.selectionModel().selectedRows():
            if 0 <= idx.row() < len(self._ids):
                self.outbox.retry(self._ids[idx.row()])
        self.refresh()
