"""The mail merge's results: one row per table row — its number, its values (editable while it is not
sent: the user fixes a failed row in place, by keys) and its outcome in words. A QAbstractTableModel over
:class:`app.core.merge.run.MergeRun`, like the window's other lists; every cell is plain text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from app.core.merge.run import MergeRun, RowState
from app.ui.lists.cell_roles import fill_roles
from app.ui.common.safe_text import tooltip
from app.ui.common.tr import shown, translate

SHOWN = 120  # characters of a value shown in its cell (the whole value is edited)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _FOREGROUND})
# a cell's flags, as QAbstractTableModel gives them, and an editable cell's: made once, not at each call.
# Qt asks them for every cell it paints; made at each call (Qt's own, then an enum "or" in Python) they
# cost ~1 ms of a ~4.5 ms repaint of the results (interleaved in one process, 2026-11-26)
_CELL = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_CELL = _CELL | Qt.ItemFlag.ItemIsEditable
_RED = QColor("#c62828")
_GREEN = QColor("#2e7d32")


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


class MergeModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.run: MergeRun | None = None
        self._pending = False
        # the rows a view shows, (first, last), or None when it shows none; unset: every row
        self.shown = None

    def set_run(self, run: MergeRun | None) -> None:
        self.beginResetModel()
        self.run = run
        self.endResetModel()

    def changed(self) -> None:
        """The run moved on: repaint once on the next turn of the loop, however many rows changed."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._repaint)

    def _repaint(self) -> None:
        """Only the outcome column follows the run: a change over the value cells would make Qt put the
        model's value back into a cell editor open there, and what the user was typing in it would be lost
        (a cell's value changes only through setData, which says so itself)."""
        self._pending = False
        if self.run is None or not self.rowCount():
            return
        first, last = 0, self.rowCount() - 1
        if self.shown is not None:  # a change over all 5,000 rows made Qt repaint the whole table (~13 ms a
            on_screen = self.shown()  # turn while a merge's outcomes came in); a row scrolled to later is
            if on_screen is None:  # painted from data() then: nothing of a cell is kept
                return
            first, last = max(first, on_screen[0]), min(last, on_screen[1])
            if first > last:
                return
        out = self.outcome_column()
        self.dataChanged.emit(self.index(first, out), self.index(last, out))

    # ---- shape ----
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt
        return 0 if parent.isValid() or self.run is None else len(self.run.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.run is None else len(self.run.header) + 2

    def outcome_column(self) -> int:
        return self.columnCount() - 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or orientation != Qt.Horizontal or self.run is None:
            return None
        if section == 0:
            return "#"
        if section == self.outcome_column():
            return translate("MailMerge", "Outcome")
        return self.run.header[section - 1]

    # ---- cells ----
    def data(self, index, role=_DISPLAY):
        # Called for every role of every cell painted or measured (Qt asks ~10 roles per cell): a role the
        # model has nothing for returns at once, and a cell's text is made only for the role that shows it.
        if role not in _ROLES or self.run is None or not index.isValid():
            return None
        row = self.run.rows[index.row()]
        col = index.column()
        outcome = col == len(self.run.header) + 1
        if role == _FOREGROUND:
            if not outcome:
                return None
            if row.state in (RowState.FAILED, RowState.INVALID):
                return _RED
            return _GREEN if row.state == RowState.SENT else None
        if role == _TOOLTIP and not outcome:
            return None
        if col == 0:
            text = str(row.number)
        elif outcome:
            text = shown(self.run.outcome(row))
        else:
            text = row.values[col - 1]
        if role == _DISPLAY:
            return text if col == 0 else _cell(text)
        if role == _EDIT:
            return text
        return tooltip(text)  # the outcome's tooltip

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt: a cell's roles in one call (app.ui.lists.cell_roles)
        if self.run is not None and index.isValid():
            fill_roles(self.data, index, span, _ROLES)

    def flags(self, index):
        if self.run is None or not index.isValid():
            return super().flags(index)
        if 0 < index.column() <= len(self.run.header) and self.run.editable(self.run.rows[index.row()]):
            return _EDITABLE_CELL
        return _CELL

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        row = self.run.rows[index.row()]
        if str(value) == row.values[index.column() - 1]:
            return False
        try:
            self.run.edit(row.number, index.column() - 1, str(value))
        except ValueError:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.outcome_column()))
        return True

    def row_of(self, number: int) -> int:
        return number - 1
