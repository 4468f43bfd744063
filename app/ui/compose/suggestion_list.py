"""The list of address suggestions under a recipient field: a plain child of the field's window that the
field drives, never a popup window.

A ``QCompleter`` popup is a window of its own (``Qt.Popup``): while it is open it takes every key, and its
opening and closing move the keyboard focus (``PopupFocusReason``, then ``ActiveWindowFocusReason`` when
the main window is active again). A Tab typed just as it opened could be taken by the list and focus then
handed back to the field, so the next keys landed in the wrong field. This list can never take focus
(``Qt.NoFocus``, no window of its own): the keys stay with the field, which moves the highlight
(``step``), takes the highlighted entry (``current``) or closes the list. A click on an entry takes it too
(``picked``), without moving the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

MAX_ROWS = 7


class SuggestionList(QListView):
    picked = Signal(str)  # an entry clicked with the mouse

    def __init__(self, anchor: QWidget):
        super().__init__(anchor.window())
        self.anchor = anchor
        self.setObjectName("suggestionList")
        self.setAccessibleName(f"{anchor.accessibleName()} suggestions")
        self.setFocusPolicy(Qt.NoFocus)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformItemSizes(True)
        self.setModel(QStringListModel(self))
        self.clicked.connect(lambda index: self.picked.emit(index.data()))
        anchor.destroyed.connect(self.deleteLater)  # it lives in the window, not in the field
        self.hide()

    def entries(self) -> list[str]:
        return self.model().stringList()

    def current(self) -> str | None:
        index = self.currentIndex()
        return index.data() if index.isValid() and self.isVisible() else None

    def show_entries(self, entries: list[str], *, keep_current: bool) -> None:
        """Show ``entries`` under the anchor, the first highlighted (or, with ``keep_current``, the entry the
        user moved to, if it is still offered)."""
        was = self.current() if keep_current else None
        self.model().setStringList(entries)
        row = entries.index(was) if was in entries else 0
        self.setCurrentIndex(self.model().index(row, 0))
        self._place()
        self.show()
        self.raise_()

    def step(self, step: int) -> None:
        rows = self.model().rowCount()
        if rows:
            row = min(max(self.currentIndex().row() + step, 0), rows - 1)
            self.setCurrentIndex(self.model().index(row, 0))

    def _place(self) -> None:
        """Under the anchor, as wide as it, inside the window (the window may be the anchor's since it was
        built: a field made before it was put in a window)."""
        window = self.anchor.window()
        if self.parentWidget() is not window:
            self.setParent(window)
        rows = min(self.model().rowCount(), MAX_ROWS)
        height = rows * max(self.sizeHintForRow(0), 1) + 2 * self.frameWidth()
        top_left = self.anchor.mapTo(window, QPoint(0, self.anchor.height()))
        height = min(height, max(window.height() - top_left.y(), 0))
        self.setGeometry(top_left.x(), top_left.y(), self.anchor.width(), height)
