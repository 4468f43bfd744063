"""Did it arrive, in the Sent preview: each recipient of the previewed message delivered, read, not delivered (what
happened and what to do, with the server's code) or no news, under its headers; and, when a report says the message
did not reach someone, **Resend to those that failed** (Ctrl+Shift+B) and **Remove from suggestions**. The words
are made by app/ui/lists/delivery_flows.py; this is the widget only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from app.ui.common.tr import translate


# the lines the pane shows at least (more scroll), however small the preview
SHOWN_LINES = 3


class DeliveryPane(QWidget):
    resend_requested = Signal()  # Compose with the recipients that failed
    forget_requested = Signal()  # the addresses that failed: no longer offered as suggestions

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("deliveryPane")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        # read only, plain text (names and servers' words are data), its own scroll bar: a long list, or a narrow
        # window, never cuts a line off nor pushes the message's text out of the preview
        self.lines = QPlainTextEdit(self)
        self.lines.setObjectName("deliveryLines")
        self.lines.setReadOnly(True)
        self.lines.setFrameShape(QFrame.NoFrame)
        self.lines.setAccessibleName(translate("SentView", "Delivery"))
        self.lines.setFocusPolicy(Qt.TabFocus)  # Tab reaches it: a reader reads each recipient's state, line by line
        self.lines.setTabChangesFocus(True)
        self.lines.setMinimumHeight(self.fontMetrics().lineSpacing() * SHOWN_LINES + 8)
        row = QHBoxLayout()
        self.resend_button = QPushButton(translate("SentView", "Resend to those that failed"), self)
        self.resend_button.setObjectName("resendFailed")
        self.resend_button.setAccessibleName(translate("SentView", "Resend to those that failed"))
        self.resend_button.clicked.connect(self.resend_requested)
        self.forget_button = QPushButton(translate("SentView", "Remove from suggestions"), self)
        self.forget_button.setObjectName("forgetFailed")
        self.forget_button.setAccessibleName(translate("SentView", "Remove from suggestions"))
        self.forget_button.clicked.connect(self.forget_requested)
        row.addWidget(self.resend_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        lay.addWidget(self.lines, 1)
        lay.addLayout(row)
        self.failed: list[str] = []
        self.clear()

    def show_news(self, lines: list[str], failed: list[str]) -> None:
        """One line per recipient; ``failed``: the addresses a report says were not reached (the buttons show
        while there is one)."""
        text = "\n".join(lines)
        self.failed = list(failed)
        self.lines.setPlainText(text)
        self.resend_button.setVisible(bool(failed))
        self.forget_button.setVisible(bool(failed))
        self.setVisible(bool(lines))

    def clear(self) -> None:
        self.show_news([], [])

    def text(self) -> str:
        return self.lines.toPlainText() if self.isVisible() else ""
