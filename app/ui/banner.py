"""A non-modal banner at the top of the window: an error with Retry, or a short notice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Banner(QFrame):
    retry = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("kind", "error")
        self.setAccessibleName("Notification banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setAccessibleName("Banner message")
        self.retry_button = QPushButton("Retry", self)
        self.retry_button.setAccessibleName("Retry")
        self.retry_button.clicked.connect(self._on_retry)
        self.close_button = QPushButton("Dismiss", self)
        self.close_button.setAccessibleName("Dismiss banner")
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.retry_button)
        lay.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str, *, kind: str = "error", retry: bool = False) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.retry_button.setVisible(retry)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _on_retry(self) -> None:
        self.hide()
        self.retry.emit()
