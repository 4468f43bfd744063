"""The list of address suggestions under a recipient field: a plain child of the field's window that the
field drives, never a popup window.

A ``QCompleter`` popup is a window of its own (``Qt.Popup``): while it is open it takes every key, and its
opening and closing move the keyboard focus (``PopupFocusReason``, then ``ActiveWindowFocusReason`` when
the main window is active again). A Tab typed just as it opened could be taken by the list and focus then
handed back to the field, so the next keys landed in the wrong field. This list can never take focus
(``Qt.NoFocus``, no window of its own): the keys stay with the field, which moves the highlight
(``step``), takes the highlighted entry (``current``) or closes the list. A click on an entry takes it too
(``picked``), without moving the focus.

Because the list never has the focus, a screen reader would not follow its highlight: the list says it in
words instead (``spoken``: "Bob Smith <bob@example.com>, 1 of 3 suggestions"), which the window announces
politely, as Thunderbird's compose window announces its autocomplete.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from app.domain import words
from app.ui.common.tr import counted, translate

MAX_ROWS = 7
#: the words said of a highlighted suggestion, counted (pyside6-lupdate makes an entry plural only when its
#: count is a literal: marked with 0 here, counted in :func:`suggestion_words`)
SUGGESTION_OF = words.translate("Compose", "{entry}, {row} of %n suggestion(s)", None, 0)


class SuggestionList(QListView):
    picked = Signal(str)  # an entry clicked with the mouse
    spoken = Signal(str, bool)  # the highlighted entry in words as it changes while shown; whether a key moved it

    def __init__(self, anchor: QWidget):
        super().__init__(anchor.window())
        self.anchor = anchor
        self.setObjectName("suggestionList")
        self.setAccessibleName(translate("Compose", "{field} suggestions").format(field=anchor.accessibleName()))
        self.setFocusPolicy(Qt.NoFocus)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformItemSizes(True)
        self.setModel(QStringListModel(self))
        self._said = None  # (entries, row) last put in words: a refresh that changes neither says nothing
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
        self._speak(keyed=False)

    def step(self, step: int) -> None:
        rows = self.model().rowCount()
        if rows:
            row = min(max(self.currentIndex().row() + step, 0), rows - 1)
            self.setCurrentIndex(self.model().index(row, 0))
            self._speak(keyed=True)

    def hideEvent(self, event):  # noqa: N802
        super().hideEvent(event)
        self._said = None  # shown again with the same entries, it is said again

    def say_again(self) -> None:
        """The highlighted entry in words again, though it did not change."""
        self._said = None
        self._speak(keyed=True)

    def _speak(self, *, keyed: bool) -> None:
        entries, row = tuple(self.entries()), self.currentIndex().row()
        if not self.isVisible() or row < 0 or (entries, row) == self._said:
            return
        self._said = (entries, row)
        self.spoken.emit(suggestion_words(entries[row], row, len(entries)), keyed)

    def _place(self) -> None:
        """Under the anchor, as wide as it, inside the window (the window may be the anchor's since it was
        built: a field made before it was put in a window)."""
        top = self.anchor.window()
        if self.parentWidget() is not top:
            self.setParent(top)
        rows = min(self.model().rowCount(), MAX_ROWS)
        height = rows * max(self.sizeHintForRow(0), 1) + 2 * self.frameWidth()
        top_left = self.anchor.mapTo(top, QPoint(0, self.anchor.height()))
        height = min(height, max(top.height() - top_left.y(), 0))
        self.setGeometry(top_left.x(), top_left.y(), self.anchor.width(), height)


def suggestion_words(entry: str, row: int, count: int) -> str:
    """The highlighted suggestion as a reader hears it: the entry and where it is in the list."""
    return counted(SUGGESTION_OF, count).format(
        entry=entry, row=QLocale().toString(row + 1))
