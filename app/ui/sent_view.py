"""Sent: newest first, with a read-only preview that shows strangers' text as data (app/ui/safe_text.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from app.domain.models import BodyFormat, Draft
from app.domain.validation import format_recipients, human_size
from app.ui.drafts_view import list_page, setup_table
from app.ui.message_models import MessageTableModel
from app.ui.safe_text import ElidedLabel, PlainLabel, SafeBrowser


class SentView(QWidget):
    preview_requested = Signal(object)  # ItemRef
    refresh_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        root, _head, self.count_label = list_page(self, "Sent")
        split = QSplitter(Qt.Horizontal, self)
        self.model = MessageTableModel(sent=True, parent=self)
        self.table = QTableView(split)
        setup_table(self.table, self.model, "Sent list")
        self.table.hideColumn(MessageTableModel.COL_STATUS)
        self.table.horizontalHeader().setSectionResizeMode(MessageTableModel.COL_SUBJECT, QHeaderView.Stretch)
        self.table.horizontalHeader().resizeSection(MessageTableModel.COL_TO, 130)
        self.table.setSelectionMode(QTableView.SingleSelection)

        self.preview = QFrame(split)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName("Message preview")
        pv = QVBoxLayout(self.preview)
        pv.setContentsMargins(18, 14, 18, 14)
        pv.setSpacing(6)
        self.subject_label = ElidedLabel("Select a message to preview it", self.preview)  # never widens the window
        self.subject_label.setObjectName("viewTitle")
        self.subject_label.setAccessibleName("Preview subject")
        self.headers_label = PlainLabel("", self.preview)
        self.headers_label.setObjectName("viewSubtitle")
        self.headers_label.setWordWrap(True)
        self.headers_label.setAccessibleName("Preview headers")
        self.headers_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.body = SafeBrowser(self.preview)
        self.body.setAccessibleName("Preview body")
        self.attachments_label = PlainLabel("", self.preview)
        self.attachments_label.setObjectName("viewSubtitle")
        self.attachments_label.setWordWrap(True)
        self.attachments_label.setAccessibleName("Preview attachments")
        for w in (self.subject_label, self.headers_label):
            pv.addWidget(w)
        line = QFrame(self.preview)
        line.setFrameShape(QFrame.HLine)
        line.setStyleSheet("color: #e2e8f0;")
        pv.addWidget(line)
        pv.addWidget(self.body, 1)
        pv.addWidget(self.attachments_label)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        root.addWidget(split, 1)
        self.setFocusProxy(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self._update_count()

    def _row_changed(self, current, _previous) -> None:
        s = self.model.summary(current.row()) if current.isValid() else None
        if s is not None:
            self.preview_requested.emit(s.ref)

    def show_message(self, msg: Draft, when=None, sender: str = "") -> None:
        self.subject_label.setText(msg.subject or "(no subject)")
        rows = [("From", sender), ("To", format_recipients(msg.to)), ("Cc", format_recipients(msg.cc)),
                ("Bcc", format_recipients(msg.bcc))]
        dt = when or msg.modified
        when = dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else ""
        if when:
            rows.append(("Date", when))
        self.headers_label.setText("\n".join(f"{k}: {v}" for k, v in rows if v))  # plain text: names are data
        if msg.body_format == BodyFormat.HTML:
            self.body.setHtml(msg.body)
        else:
            self.body.setPlainText(msg.body)
        names = ", ".join(f"{a.name} ({human_size(max(a.byte_size, 0))})" for a in msg.attachments)
        self.attachments_label.setText(f"Attachments: {names}" if names else "")

    def clear_preview(self) -> None:
        self.subject_label.setText("Select a message to preview it")
        self.headers_label.setText("")
        self.body.clear()
        self.attachments_label.setText("")

    def _update_count(self, *_a) -> None:
        n = self.model.total
        self.count_label.setText(f"{n} message{'s' if n != 1 else ''}")
