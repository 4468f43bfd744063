"""Table models over plain Python data, loaded page by page (canFetchMore / fetchMore).

``fetch_page(offset, limit)`` returns a :class:`Page` or an awaitable of one; the model asks for the
next page only when the view scrolls near the end, so 10,000 drafts cost one page at a time.
Per-row status (e.g. "Too large to send (ErrorMessageSizeExceeded)") is kept by item id and shown in
the Status column, in red for errors.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Awaitable, Callable, Union

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.models import ItemRef, MessageSummary, Page
from app.ui.safe_text import tooltip
from app.ui.theme import DANGER, MUTED, icon

log = logging.getLogger(__name__)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_ROLES = frozenset({_DISPLAY, _DECORATION, _FOREGROUND, _TOOLTIP, _ACCESSIBLE, _USER})
_RED = QBrush(QColor(DANGER))
_GREY = QBrush(QColor(MUTED))

PAGE_SIZE = 100  # a page of EWS XML is parsed in one C call (GIL held): small pages, short stalls
Fetch = Callable[[int, int], Union[Page, Awaitable[Page]]]


def _when(summary: MessageSummary, sent: bool) -> str:
    dt = (summary.sent or summary.modified) if sent else (summary.modified or summary.sent)
    if dt is None:
        return ""
    try:
        dt = dt.astimezone()
    except (ValueError, OSError):
        pass
    return dt.strftime("%Y-%m-%d %H:%M")


class MessageTableModel(QAbstractTableModel):
    """Columns: attachment marker, Subject, To, Modified/Sent, Status."""

    COL_ATTACH, COL_SUBJECT, COL_TO, COL_TIME, COL_STATUS = range(5)
    loading_changed = Signal(bool)
    load_failed = Signal(object)  # the exception
    page_loaded = Signal()
    statuses_changed = Signal()  # a row's Status text was set or cleared

    def __init__(self, fetch_page: Fetch | None = None, *, sent: bool = False, page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self._fetch = fetch_page
        self.sent = sent
        self.page_size = page_size
        self._rows: list[MessageSummary] = []
        self._ids: set[str] = set()  # ids of self._rows: a page is checked against it, not a new set per page
        self._index: dict[str, int] | None = None  # id -> row, built on first lookup after a change
        self._total = 0
        self._complete = True
        self._loading = False
        self._generation = 0
        self._status: dict[str, tuple[str, bool]] = {}
        self._task: asyncio.Task | None = None
        self._headers = ["", "Subject", "To", "Sent" if sent else "Modified", "Status"]
        self._cell_cache: dict[int, tuple] = {}

    # ---- data source ----
    def set_fetch(self, fetch_page: Fetch | None, *, load: bool = True) -> None:
        """Where pages come from (another account's: what is listed now goes at once); with
        ``load=False`` nothing is fetched until :meth:`reload`."""
        self._fetch = fetch_page
        self._clear()
        if load and fetch_page is not None:
            self.fetchMore(QModelIndex())

    def stop_loading(self) -> None:
        """No more page loads: a page still on its way is dropped when it arrives."""
        self._fetch = None
        self._generation += 1

    def reload(self) -> None:
        """Drop what is loaded and fetch the first page."""
        self._clear()
        if self._fetch is not None:
            self.fetchMore(QModelIndex())

    def _clear(self) -> None:
        self._generation += 1  # a page still on its way is dropped when it arrives
        self._task = None
        self.beginResetModel()
        self._rows = []
        self._ids = set()
        self._index = None
        self._cell_cache = {}
        self._total = 0
        self._complete = self._fetch is None
        self._set_loading(False)
        self.endResetModel()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def total(self) -> int:
        return max(self._total, len(self._rows))

    def _set_loading(self, on: bool) -> None:
        if self._loading != on:
            self._loading = on
            self.loading_changed.emit(on)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._complete and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._complete or self._loading or self._fetch is None:
            return
        gen = self._generation
        try:
            result = self._fetch(len(self._rows), self.page_size)
        except Exception as exc:  # noqa: BLE001
            self._fail(exc)
            return
        if inspect.isawaitable(result):
            self._set_loading(True)
            self._task = asyncio.ensure_future(self._await_page(result, gen))
        else:
            self._add_page(result)

    async def _await_page(self, aw, gen: int) -> None:
        try:
            page = await aw
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - shown by the view (banner), never raised into Qt
            if gen == self._generation:
                self._set_loading(False)
                self._fail(exc)
            return
        if gen != self._generation:
            return
        self._set_loading(False)
        self._add_page(page)

    def _fail(self, exc: BaseException) -> None:
        log.warning("listing failed: %s", getattr(exc, "code", None) or type(exc).__name__)
        self._complete = True
        self.load_failed.emit(exc)

    def _add_page(self, page: Page) -> None:
        # Per page, on the UI thread: work proportional to the page, not to the rows already loaded
        # (a set built from every row on each page made listing 10,000 drafts quadratic).
        known, new = self._ids, []
        for s in page.items:
            if s.ref.id not in known:
                known.add(s.ref.id)
                new.append(s)
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self._index = None
            self.endInsertRows()
        self._total = page.total
        self._complete = page.includes_last or not page.items or len(self._rows) >= page.total
        self.page_loaded.emit()

    def wait_task(self) -> asyncio.Task | None:
        return self._task

    # ---- rows ----
    def summary(self, row: int) -> MessageSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ref_id: str) -> int:
        if ref_id not in self._ids:
            return -1
        if self._index is None:  # one pass after rows moved, then each lookup is O(1) (a batch of 50 outcomes)
            self._index = {}
            for i, r in enumerate(self._rows):
                self._index.setdefault(r.ref.id, i)
        return self._index.get(ref_id, -1)

    def summaries(self) -> list[MessageSummary]:
        return list(self._rows)

    def take_rows(self, ref_ids: set[str]) -> list[tuple[int, MessageSummary]]:
        """Remove rows (e.g. sent or deleted) and return them with their old positions."""
        taken = []
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].ref.id in ref_ids:
                self.beginRemoveRows(QModelIndex(), i, i)
                taken.append((i, self._rows.pop(i)))
                self._ids.discard(taken[-1][1].ref.id)
                self._index = None
                self._total = max(0, self._total - 1)
                self.endRemoveRows()
        return list(reversed(taken))

    def restore_rows(self, taken: list[tuple[int, MessageSummary]]) -> None:
        for pos, s in taken:
            pos = min(pos, len(self._rows))
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, s)
            self._ids.add(s.ref.id)
            self._index = None
            self._total += 1
            self.endInsertRows()

    def set_status(self, ref_id: str, text: str, error: bool = True) -> None:
        if text:
            self._status[ref_id] = (text, error)
        else:
            self._status.pop(ref_id, None)
        row = self.row_of(ref_id)
        if row >= 0:
            idx = self.index(row, self.COL_STATUS)
            self.dataChanged.emit(idx, idx)
        self.statuses_changed.emit()

    def status_texts(self) -> list[str]:
        """Every Status text set now (the view shows the column only while there is one)."""
        return [t for t, _e in self._status.values() if t]

    @property
    def has_source(self) -> bool:
        """False while there is nowhere to list from (no account)."""
        return self._fetch is not None

    def status(self, ref_id: str) -> str:
        return self._status.get(ref_id, ("", False))[0]

    def update_ref(self, old_id: str, new_ref: ItemRef) -> None:
        row = self.row_of(old_id)
        if row >= 0:
            s = self._rows[row]
            self._ids.discard(old_id)
            self._ids.add(new_ref.id)
            self._index = None
            self._rows[row] = MessageSummary(new_ref, s.subject, s.display_to, s.modified, s.has_attachments,
                                             s.importance, s.sent, s.internet_message_id)
            if old_id in self._status:
                self._status[new_ref.id] = self._status.pop(old_id)

    # ---- Qt model API ----
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Horizontal and role == Qt.DecorationRole and section == self.COL_ATTACH:
            return icon("attachment")
        return None

    def data(self, index, role=_DISPLAY):
        # Called for every role of every visible cell on each paint: keep it short (and off the GIL-hungry
        # paths): unknown roles return at once, display strings are computed once per row.
        if role not in _ROLES:
            return None
        row = index.row()
        if not (0 <= row < len(self._rows)):
            return None
        col = index.column()
        if role == _DISPLAY:
            if col == 4:  # COL_STATUS
                st = self._status.get(self._rows[row].ref.id)
                return st[0] if st else ""
            return self._cells(row)[col]
        s = self._rows[row]
        if role == _DECORATION:
            return icon("attachment") if col == 0 and s.has_attachments else None
        if role == _FOREGROUND:
            if col == 4:
                st = self._status.get(s.ref.id)
                return _RED if st and st[1] else None
            return _GREY if col == 3 else None
        if role == _TOOLTIP:
            if col == 0 and s.has_attachments:
                return "Has attachments"
            if col == 4:
                return tooltip(self._status.get(s.ref.id, ("", False))[0]) or None
            return (tooltip(s.subject) or None) if col == 1 else None
        if role == _ACCESSIBLE:
            status = self._status.get(s.ref.id, ("", False))[0]
            parts = [s.subject or "(no subject)", f"to {s.display_to}" if s.display_to else "",
                     "with attachments" if s.has_attachments else "", status]
            return ", ".join(p for p in parts if p)
        return s  # UserRole

    def _cells(self, row: int) -> tuple:
        s = self._rows[row]
        cells = self._cell_cache.get(id(s))
        if cells is None or cells[0] is not s:
            cells = (s, s.subject or "(no subject)", s.display_to or "(no recipients)", _when(s, self.sent))
            self._cell_cache[id(s)] = cells
        return (None, cells[1], cells[2], cells[3])
