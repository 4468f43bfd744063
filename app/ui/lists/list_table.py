"""The table of the Drafts and Sent lists: what the keys act on is what the user sees.

- The current row is always a selected row: when the table gets the keyboard (Ctrl+2, Ctrl+3, a click
  on the sidebar) or a page arrives while the list is on screen, the current row (the first one if
  there is none) is selected and scrolled into view. Qt alone sets an unselected, possibly scrolled-away
  current index on focus, which Delete would act on.
- :meth:`acting_rows` is what Enter and Delete act on: the selected rows, and only when at least one of
  them is on screen (otherwise the selection is scrolled into view first and nothing happens).
- Home / End go to the first / last row (Qt's table goes to the first / last column of the row, which
  a list that selects whole rows does not show) and select it; Shift+arrows, Shift+Home / End extend the
  selection from the row where it started (never replace it); Ctrl+arrows move
  the current row alone and Ctrl+Space selects or unselects it.
- The current row wears a 2 px frame in the scheme's link colour while the list has the keyboard, so
  which row the next key acts from is seen in a selection of many, in both schemes.
- Columns fit their content: the subject stretches, the date column is as wide as a date, the address
  column as wide as its addresses (within bounds), and the Status column is hidden while no row has a
  status. Shown, its width is 30 % of the list (within bounds) whatever the rows say, so the columns do not
  jump as a batch goes from state to state; a status too long for it loses whole words ("…"), keeping its
  "(ResponseCode)", never the middle of a word, and its tooltip has it whole.
- The previewed Sent row is therefore a selected row: it stays highlighted (the theme's selection colour,
  the same with and without the keyboard) while the keyboard is in the preview.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QTableWidget

from app.domain.list_rows import elide_recipients, elide_status
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import translate
from app.ui.common.list_dates import SAMPLE, list_date
from app.ui.lists.message_models import MessageTableModel

TO_MIN, TO_MAX = 120, 280
STATUS_MIN, STATUS_MAX = 140, 340
STATUS_SHARE = 0.3  # of the list's width, within STATUS_MIN..STATUS_MAX
PAD = 28  # cell padding and a little air
NO_ACCOUNT = QT_TRANSLATE_NOOP("ListTable", "No account yet — press Ctrl+, (or File → Account settings…) to add one, or use the sandbox "
              "mailbox (Ctrl+1, then “Use sandbox”).")


def first_or_last_row(view: QAbstractItemView, action) -> QModelIndex | None:
    """Home / End in a list of rows: the first / last row, in the current column (the first shown one
    if none); None for any other move."""
    if action not in (QAbstractItemView.MoveHome, QAbstractItemView.MoveEnd):
        return None
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    if not rows:
        return QModelIndex()
    cur = view.currentIndex()
    hidden = getattr(view, "isColumnHidden", lambda _c: False)
    column = cur.column() if cur.isValid() else next(
        (c for c in range(model.columnCount()) if not hidden(c)), 0)
    return model.index(0 if action == QAbstractItemView.MoveHome else rows - 1, column)


class RowsTableWidget(QTableWidget):
    """A QTableWidget of rows (the Outbox): Home / End go to the first / last row."""

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        found = first_or_last_row(self, action)
        return found if found is not None else super().moveCursor(action, modifiers)


class RecipientsDelegate(QStyledItemDelegate):
    """The To cell: whole addresses and "+N", display names shortened (app.domain.list_rows), never the
    middle of an address as Qt's own eliding did ("bob@exa…ple.com")."""

    MARGIN = 12  # the cell's text margins (the style's, both sides) and a little air

    def initStyleOption(self, option, index):  # noqa: N802
        super().initStyleOption(option, index)
        width = option.rect.width() - self.MARGIN
        if option.text and width > 0:
            option.text = elide_recipients(option.text, width, option.fontMetrics.horizontalAdvance)


class StatusDelegate(QStyledItemDelegate):
    """The Status cell: whole words and "…" (app.domain.list_rows.elide_status), never "countdo…ends"."""

    MARGIN = 12

    def initStyleOption(self, option, index):  # noqa: N802
        super().initStyleOption(option, index)
        width = option.rect.width() - self.MARGIN
        if option.text and width > 0:
            option.text = elide_status(option.text, width, option.fontMetrics.horizontalAdvance)


class ListTable(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemDelegateForColumn(MessageTableModel.COL_TO, RecipientsDelegate(self))
        self.setItemDelegateForColumn(MessageTableModel.COL_STATUS, StatusDelegate(self))
        self._to_sized = False
        self._to_content = TO_MIN  # what the addresses on the first page need
        self._subject_content = 1 << 20  # what the subjects on the first page need (unknown: all the room)
        self._remembered = ""  # the current row's item id across a reload
        self._key = None  # the key press being handled (selectionCommand)
        self._empty_text = ""  # what the list says while it has no row (set_empty_text)

    # ---- what the keys act on ----
    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        self._key = event
        try:
            super().keyPressEvent(event)
        finally:
            self._key = None
        cur = self.currentIndex()
        if event.key() in (Qt.Key_Home, Qt.Key_End) and not event.modifiers() and cur.isValid() \
                and self.selectionMode() != QAbstractItemView.NoSelection:
            # Home on the first row (End on the last) selects it alone too: Qt changes nothing when the
            # current row does not move
            self.selectionModel().select(cur, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        found = first_or_last_row(self, action)
        return found if found is not None else super().moveCursor(action, modifiers)

    def selectionCommand(self, index, event=None):  # noqa: N802
        """A current row set by code (no event) is the selection: Qt would read the keyboard's modifier
        state instead, and a Ctrl still held from Ctrl+2 turned it into a toggle (deselecting it). While a
        key press is handled, Qt asks again without the event: the answer is the key's (Shift extends)."""
        if event is None and self._key is not None:
            event = self._key
        if event is None and self.selectionMode() != QAbstractItemView.NoSelection:
            return QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        return super().selectionCommand(index, event)

    def set_empty_text(self, text: str) -> None:
        """What the list says while it has no row ("No drafts. …"; "" : nothing): written in the list itself,
        which keeps the keyboard (the page's keys work as with rows), and its description for a screen reader."""
        if text != self._empty_text:
            self._empty_text = text
            self.setAccessibleDescription(text)
            self.viewport().update()

    def paintEvent(self, event):  # noqa: N802 - Qt override
        """The rows as Qt paints them, then the current row's frame (the stylesheet's ``outline: 0`` hides
        Qt's own focus rectangle, a dotted line of one cell); an empty list's words."""
        super().paintEvent(event)
        if self._empty_text and self.model() is not None and self.model().rowCount() == 0:
            p = QPainter(self.viewport())
            p.setPen(self.palette().color(QPalette.PlaceholderText))
            p.drawText(self.viewport().rect().adjusted(16, 14, -16, -14), Qt.AlignTop | Qt.AlignLeft | Qt.TextWordWrap,
                       self._empty_text)
            p.end()
            return
        cur = self.currentIndex()
        if not cur.isValid() or not self.hasFocus():
            return
        model = self.model()
        first = self.visualRect(model.index(cur.row(), 0))
        last = self.visualRect(model.index(cur.row(), model.columnCount() - 1))
        row = QRect(0, first.top(), self.viewport().width(), first.height()) if first.isValid() else last
        if not row.isValid():
            return
        p = QPainter(self.viewport())
        p.setPen(QPen(self.palette().color(QPalette.Link), 2))
        p.drawRect(row.adjusted(1, 1, -1, -1))
        p.end()

    def currentChanged(self, current, previous):  # noqa: N802 - Qt override
        super().currentChanged(current, previous)
        self.viewport().update()  # the frame leaves the previous row whole, not one cell of it

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        if event.reason() != Qt.MouseFocusReason:  # a click selects what it clicks
            self.show_current()

    def show_current(self) -> None:
        """Select the current row (the first row if none) unless rows are already selected, and scroll
        it into view."""
        model, sm = self.model(), self.selectionModel()
        if model is None or sm is None or model.rowCount() == 0:
            return
        cur = self.currentIndex()
        if not cur.isValid():
            cur = model.index(0, MessageTableModel.COL_SUBJECT)
        elif cur.column() == MessageTableModel.COL_ATTACH:  # Qt's first cell, the paperclip's: a reader lands on
            cur = model.index(cur.row(), MessageTableModel.COL_SUBJECT)  # the subject (and the row's summary)
            sm.setCurrentIndex(cur, QItemSelectionModel.NoUpdate)
        if not sm.isRowSelected(cur.row()):
            if not sm.selectedRows():
                sm.setCurrentIndex(cur, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            else:  # a selection elsewhere: the current row goes to it
                first = min(i.row() for i in sm.selectedRows())
                cur = model.index(first, MessageTableModel.COL_SUBJECT)
                sm.setCurrentIndex(cur, QItemSelectionModel.NoUpdate)
        self.scrollTo(cur)

    def remember_current(self) -> None:
        """Before a reload: the row the user is on, to find it again in the new rows."""
        cur = self.currentIndex()
        s = self.model().summary(cur.row()) if cur.isValid() else None
        if s is not None:
            self._remembered = s.ref.id

    def after_page(self) -> None:
        """The first page after a (re)load while on screen: the remembered row (or the first) is current
        and selected. Later pages (loaded as the user scrolls) change nothing."""
        model = self.model()
        rid, self._remembered = self._remembered, ""
        if not self.isVisible() or self.selected_rows():
            return  # a further page (the user scrolled down): where the user is stays as it is
        if rid:
            row = model.row_of(rid)
            if row >= 0:
                self.selectionModel().setCurrentIndex(model.index(row, MessageTableModel.COL_SUBJECT),
                                                      QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.show_current()

    def selected_rows(self) -> list[int]:
        sm = self.selectionModel()
        return sorted({i.row() for i in sm.selectedRows()}) if sm is not None else []

    def row_visible(self, row: int) -> bool:
        rect = self.visualRect(self.model().index(row, MessageTableModel.COL_SUBJECT))
        return rect.isValid() and rect.intersects(self.viewport().rect()) and self.isVisible()

    def acting_rows(self) -> list[int]:
        """The selected rows if the user can see at least one of them; else [] (and the selection, if
        any, is scrolled into view so the next key press acts on what is then on screen)."""
        rows = self.selected_rows()
        if not rows:
            self.show_current()
            return []
        if not any(self.row_visible(r) for r in rows):
            cur = self.currentIndex()
            self.scrollTo(cur if cur.isValid() and cur.row() in rows else self.model().index(rows[0], 1))
            return []
        return rows

    # ---- columns ----
    def fit_columns(self) -> None:
        """Column widths from what the columns hold (cheap: the date has one format, the addresses are
        measured on the first page only)."""
        model: MessageTableModel = self.model()
        h = self.horizontalHeader()
        fm = self.fontMetrics()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setSectionResizeMode(MessageTableModel.COL_ATTACH, QHeaderView.Fixed)
        h.resizeSection(MessageTableModel.COL_ATTACH, 30)
        h.setSectionResizeMode(MessageTableModel.COL_SUBJECT, QHeaderView.Stretch)
        header = str(model.headerData(MessageTableModel.COL_TIME, Qt.Horizontal))
        h.resizeSection(MessageTableModel.COL_TIME,
                        max(fm.horizontalAdvance(list_date(SAMPLE)), fm.horizontalAdvance(header)) + PAD)
        h.resizeSection(MessageTableModel.COL_TO, TO_MIN)
        self.update_status_column()

    def forget_sizes(self) -> None:
        """A new load (another account, a refresh): the To column is fitted again to what comes."""
        self._to_sized = False

    def fit_addresses(self) -> None:
        """Once per load: the To column as wide as the longest address list on the first page, within
        bounds (a column the user resized is left alone afterwards)."""
        if self._to_sized:
            return
        model: MessageTableModel = self.model()
        rows = min(model.rowCount(), model.page_size)
        if not rows:
            return
        fm = self.fontMetrics()
        widest = max(fm.horizontalAdvance(str(model.index(r, MessageTableModel.COL_TO).data() or ""))
                     for r in range(rows))
        self._to_content = widest + PAD
        self._subject_content = max(fm.horizontalAdvance(str(model.index(r, MessageTableModel.COL_SUBJECT).data()
                                                             or "")) for r in range(rows)) + PAD
        self._to_sized = True
        self._size_to_column()

    def _size_to_column(self) -> None:
        """The To column: what its addresses need, never under TO_MIN. When the subjects need the room, at
        most TO_MAX and 40 % of what the date and marker leave (the subject keeps the larger part); when
        the subjects leave room (the table would show empty space), all the addresses need."""
        h = self.horizontalHeader()
        free = self.viewport().width() - h.sectionSize(MessageTableModel.COL_ATTACH) \
            - h.sectionSize(MessageTableModel.COL_TIME)
        if not self.isColumnHidden(MessageTableModel.COL_STATUS):
            free -= h.sectionSize(MessageTableModel.COL_STATUS)
        share = max(min(TO_MAX, int(free * 0.4)), free - self._subject_content)
        h.resizeSection(MessageTableModel.COL_TO, max(TO_MIN, min(self._to_content, share)))

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._size_status()
        self._size_to_column()

    def update_status_column(self) -> None:
        """The Status column only while some row has a status, as wide as the widest one (within bounds)."""
        model: MessageTableModel = self.model()
        texts = model.status_texts()
        col = MessageTableModel.COL_STATUS
        if not texts:
            self.setColumnHidden(col, True)
            self._size_to_column()
            return
        self.setColumnHidden(col, False)
        self._size_status()
        self._size_to_column()

    def _size_status(self) -> None:
        """The shown Status column's width: a share of the list's, not of what its rows say."""
        if not self.isColumnHidden(MessageTableModel.COL_STATUS):
            width = max(STATUS_MIN, min(STATUS_MAX, int(self.viewport().width() * STATUS_SHARE)))
            self.horizontalHeader().resizeSection(MessageTableModel.COL_STATUS, width)



def empty_state(parent, name: str):
    """The words a list shows instead of its rows (e.g. :data:`NO_ACCOUNT`): plain text, wrapped."""
    from app.ui.common.safe_text import PlainLabel

    label = PlainLabel(translate("ListTable", NO_ACCOUNT), parent)
    label.setObjectName("viewSubtitle")
    label.setAccessibleName(translate("ListTable", "{name} empty").format(name=name))
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
    label.hide()
    return label
