"""Find in message (Ctrl+F): a non-modal bar under the view that searches the Compose body or the Sent
preview. Enter finds the next match (Shift+Enter the previous one, wrapping around), Esc closes the bar
and gives the keyboard back to the text searched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton

from app.ui.safe_text import PlainLabel


class FindBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in message")
        self.target = None  # the QTextEdit searched
        lay = QHBoxLayout(self)
        lay.setContentsMargins(28, 6, 28, 6)
        lay.setSpacing(8)
        self.label = PlainLabel("Find:", self)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("Find text")
        self.edit.setPlaceholderText("Text to find — Enter: next, Shift+Enter: previous, Esc: close")
        self.label.setBuddy(self.edit)
        self.next_button = QPushButton("Next", self)
        self.next_button.setAccessibleName("Find next")
        self.next_button.setAutoDefault(True)
        self.prev_button = QPushButton("Previous", self)
        self.prev_button.setAccessibleName("Find previous")
        self.prev_button.setAutoDefault(True)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close find bar")
        self.close_button.setAutoDefault(True)
        self.result = PlainLabel("", self)
        self.result.setObjectName("viewSubtitle")
        self.result.setAccessibleName("Find result")
        self.result.setMinimumWidth(self.result.fontMetrics().horizontalAdvance("Not found") + 12)
        for w in (self.label, self.edit):
            lay.addWidget(w)
        lay.setStretch(1, 1)
        for w in (self.result, self.prev_button, self.next_button, self.close_button):
            lay.addWidget(w)
        self.edit.returnPressed.connect(self._return_pressed)
        self.next_button.clicked.connect(lambda: self.find(backward=False))
        self.prev_button.clicked.connect(lambda: self.find(backward=True))
        self.close_button.clicked.connect(self.close_bar)
        esc = QShortcut(QKeySequence(Qt.Key_Escape), self)
        esc.setContext(Qt.WidgetWithChildrenShortcut)
        esc.activated.connect(self.close_bar)
        self.hide()

    def open_for(self, target) -> None:
        self.target = target
        self.result.setText("")
        cur = target.textCursor()
        if cur.hasSelection() and "\u2029" not in cur.selectedText():
            self.edit.setText(cur.selectedText())
        self.show()
        self.edit.setFocus(Qt.ShortcutFocusReason)
        self.edit.selectAll()

    def _return_pressed(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.find(backward=bool(QApplication.keyboardModifiers() & Qt.ShiftModifier))

    def find(self, backward: bool = False) -> bool:
        """Select the next (previous) match in the target, wrapping around once. Returns whether found."""
        text, t = self.edit.text(), self.target
        if not text or t is None:
            self.result.setText("")
            return False
        whole = getattr(t, "ensure_whole", None)
        if whole is not None:
            whole()  # a long body still being loaded is searched whole (app/ui/body_loader.py)
        flags = QTextDocument.FindBackward if backward else QTextDocument.FindFlag(0)
        found = t.find(text, flags)
        if not found:  # wrap around
            cur = t.textCursor()
            cur.movePosition(QTextCursor.End if backward else QTextCursor.Start)
            t.setTextCursor(cur)
            found = t.find(text, flags)
        self.result.setText("" if found else "Not found")
        return found

    def close_bar(self) -> None:
        self.hide()
        if self.target is not None:
            self.target.setFocus(Qt.ShortcutFocusReason)
