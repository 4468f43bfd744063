"""Table models over plain Python data, loaded page by page (canFetchMore / fetchMore).

``fetch_page(offset, limit)`` returns a :class:`Page` or an awaitable of one; the model asks for the
next page only when the view scrolls near the end, so 10,000 drafts cost one page at a time.
A page's display rows (:class:`ListRow`: subject, recipients, local date, tooltip, accessible text) are
prepared where it was fetched, in the mail client's worker thread (``Page.rows``); the UI thread inserts
them ``INSERT_BATCH`` at a time, one batch per event-loop turn, and ``data()`` only picks a field.
Per-row status (e.g. "Too large to send (ErrorMessageSizeExceeded)") is kept by item id and shown in
the Status column, in red for errors.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Awaitable, Callable, Union

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.list_rows import ListRow, display_row, display_rows, local_when
from app.domain.models import ItemRef, MessageSummary, Page
from app.ui.common.tr import shown, translate
from app.ui.lists.cell_roles import fill_roles
from app.ui.common.list_dates import ISO, date_format, list_date
from app.ui.lists.spoken_date import spoken_date
from app.ui.common.safe_text import tooltip
from app.ui.common.theme import DANGER, MUTED, icon

log = logging.getLogger(__name__)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_ROLES = frozenset({_DISPLAY, _DECORATION, _FOREGROUND, _TOOLTIP, _ACCESSIBLE, _DESCRIPTION, _USER})
_RED = QBrush(QColor(DANGER))
_GREY = QBrush(QColor(MUTED))

PAGE_SIZE = 100  # a page of EWS XML is parsed in one C call (GIL held): small pages, short stalls
INSERT_BATCH = 50  # rows inserted per event-loop turn (an awaited page): the view lays out and paints between
Fetch = Callable[[int, int], Union[Page, Awaitable[Page]]]


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
        self._locale = QLocale()  # the date cells' words for a screen reader (asked often: made once)
        self._date_format = date_format(self._locale)
        self._has_attachments = translate("MessageList", "Has attachments")
        self._row_and_status = translate("MessageList", "{row}, {status}")
        self._rows: list[ListRow] = []
        self._ids: set[str] = set()  # ids of self._rows: a page is checked against it, not a new set per page
        self._index: dict[str, int] | None = None  # id -> row, built on first lookup after a change
        self._total = 0
        self._complete = True
        self._loading = False
        self._generation = 0
        self._status: dict[str, tuple[str, bool]] = {}
        self._status_shown: dict[str, str] = {}  # each status as the user reads it (core words translated)
        self._task: asyncio.Task | None = None
        self._headers = ["", translate("MessageList", "Subject"), translate("MessageList", "To"),
                         translate("MessageList", "Sent") if sent else translate("MessageList", "Modified"),
                         translate("MessageList", "Status")]
        self._taken: dict[str, ListRow] = {}  # rows removed by take_rows (put back as they were by restore_rows)

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
        self._taken = {}
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
        rows = self._rows_of(page)
        last = max(0, (len(rows) - 1) // INSERT_BATCH * INSERT_BATCH)  # where the last batch starts
        for start in range(0, last, INSERT_BATCH):  # every batch but the last, one event-loop turn each
            self._insert(rows[start:start + INSERT_BATCH])
            await asyncio.sleep(0)  # the view lays out and paints what came in before the next batch
            if gen != self._generation:
                return
        self._set_loading(False)  # still loading until here: no second fetch while batches go in
        self._add_page(page, rows[last:])

    def _fail(self, exc: BaseException) -> None:
        log.warning("listing failed: %s", getattr(exc, "code", None) or type(exc).__name__)
        self._complete = True
        self.load_failed.emit(exc)

    def _rows_of(self, page: Page) -> tuple[ListRow, ...]:
        """The page's display rows: made by the fetching worker (``Page.rows``); a fetch that returns bare
        summaries (tests, a local source) gets them made here. Their words and dates in the user's language."""
        rows = page.rows if len(page.rows) == len(page.items) else display_rows(page.items, self.sent)
        return tuple(self._in_language(r) for r in rows)

    def _in_language(self, r: ListRow) -> ListRow:
        """``r`` as the user reads it: the domain's words ("(no subject)") translated, the date in the locale's
        form (the domain writes it in ISO 8601; the C locale keeps that, as it is). Every row goes through here
        on its way in (the cells show its texts as they are)."""
        when = r.when
        if when and self._date_format != ISO:
            when = list_date(local_when(r.summary, self.sent), self._locale, self._date_format)
        texts = (shown(r.subject), shown(r.to), when, r.subject_tip, shown(r.accessible))
        if texts == (r.subject, r.to, r.when, r.subject_tip, r.accessible):
            return r
        return ListRow(r.summary, *texts)

    def _insert(self, rows) -> None:
        # Work proportional to the rows inserted, not to the rows already loaded (a set built from every
        # row on each page made listing 10,000 drafts quadratic).
        known, new = self._ids, []
        for r in rows:
            if r.summary.ref.id not in known:
                known.add(r.summary.ref.id)
                new.append(r)
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self._index = None
            self.endInsertRows()

    def _add_page(self, page: Page, rows=None) -> None:
        """Insert ``page`` (or its remaining ``rows``) and note what the server said about the rest."""
        self._insert(self._rows_of(page) if rows is None else rows)
        self._total = page.total
        self._complete = page.includes_last or not page.items or len(self._rows) >= page.total
        self.page_loaded.emit()

    def wait_task(self) -> asyncio.Task | None:
        return self._task

    # ---- rows ----
    def summary(self, row: int) -> MessageSummary | None:
        return self._rows[row].summary if 0 <= row < len(self._rows) else None

    def row_of(self, ref_id: str) -> int:
        if ref_id not in self._ids:
            return -1
        if self._index is None:  # one pass after rows moved, then each lookup is O(1) (a batch of 50 outcomes)
            self._index = {}
            for i, r in enumerate(self._rows):
                self._index.setdefault(r.summary.ref.id, i)
        return self._index.get(ref_id, -1)

    def summaries(self) -> list[MessageSummary]:
        return [r.summary for r in self._rows]

    def take_rows(self, ref_ids: set[str]) -> list[tuple[int, MessageSummary]]:
        """Remove rows (e.g. sent or deleted) and return them with their old positions. Rows are found by
        id (no scan of every loaded row) and each run of neighbouring rows goes in one removal: a batch
        of 50 sent rows is a few removals, not 50 (each one a relayout of the view)."""
        rows = sorted({self.row_of(i) for i in ref_ids} - {-1})
        if not rows:
            return []
        taken = [(i, self._rows[i].summary) for i in rows]
        runs: list[list[int]] = []
        for i in rows:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        for first, last in reversed(runs):  # from the end: the positions of earlier runs stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self._rows[first:last + 1]:
                self._taken[row.summary.ref.id] = row
                self._ids.discard(row.summary.ref.id)
            del self._rows[first:last + 1]
            self._index = None
            self._total = max(0, self._total - (last - first + 1))
            self.endRemoveRows()
        return taken

    def restore_rows(self, taken: list[tuple[int, MessageSummary]]) -> None:
        for pos, s in taken:
            pos = min(pos, len(self._rows))
            row = self._taken.pop(s.ref.id, None)
            row = row if row is not None and row.summary is s else self._in_language(display_row(s, self.sent))
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, row)
            self._ids.add(s.ref.id)
            self._index = None
            self._total += 1
            self.endInsertRows()

    def set_status(self, ref_id: str, text: str, error: bool = True) -> None:
        self.set_statuses({ref_id: (text, error)})

    def set_statuses(self, statuses: dict[str, tuple[str, bool]]) -> None:
        """Set (or, with an empty text, clear) many rows' Status at once (a batch send's 50 rows): one
        change signal for the rows between the first and the last, one ``statuses_changed``, so the view
        fits its Status column once, not once per row."""
        rows = []
        for ref_id, (text, error) in statuses.items():
            if text:
                self._status[ref_id] = (text, error)
                self._status_shown[ref_id] = shown(text)
            else:
                self._status.pop(ref_id, None)
                self._status_shown.pop(ref_id, None)
            row = self.row_of(ref_id)
            if row >= 0:
                rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows), self.COL_STATUS), self.index(max(rows), self.COL_STATUS))
        if statuses:
            self.statuses_changed.emit()

    def status_texts(self) -> list[str]:
        """Every Status text set now, as shown (the view shows the column only while there is one)."""
        return [t for t in self._status_shown.values() if t]

    @property
    def has_source(self) -> bool:
        """False while there is nowhere to list from (no account)."""
        return self._fetch is not None

    def status(self, ref_id: str) -> str:
        """The row's Status as it was set (core words stay Words: they compare as their English)."""
        return self._status.get(ref_id, ("", False))[0]

    def shown_status(self, ref_id: str) -> str:
        """The row's Status as the user reads it."""
        return self._status_shown.get(ref_id, "")

    def update_ref(self, old_id: str, new_ref: ItemRef) -> None:
        row = self.row_of(old_id)
        if row >= 0:
            r = self._rows[row]
            s = r.summary
            self._ids.discard(old_id)
            self._ids.add(new_ref.id)
            self._index = None
            self._rows[row] = r.with_summary(MessageSummary(new_ref, s.subject, s.display_to, s.modified,
                                                            s.has_attachments, s.importance, s.sent,
                                                            s.internet_message_id))
            if old_id in self._status:
                self._status[new_ref.id] = self._status.pop(old_id)
                self._status_shown[new_ref.id] = self._status_shown.pop(old_id, "")

    # ---- Qt model API ----
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Vertical and role == Qt.AccessibleDescriptionRole:
            # the row as a reader gets it: Qt's table exposes each row as its row header (a cell of the table's
            # accessible tree, the vertical header hidden or not) whose description is this
            return self._summary(self._rows[section]) if 0 <= section < len(self._rows) else None
        if orientation == Qt.Horizontal and role == Qt.DecorationRole and section == self.COL_ATTACH:
            return icon("attachment")
        return None

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt: a cell's roles in one call (app.ui.lists.cell_roles)
        if index.isValid():
            fill_roles(self.data, index, span, _ROLES)

    def data(self, index, role=_DISPLAY):
        # Called for every role of every visible cell on each paint: no formatting here, the row's texts
        # were made off the UI thread (app.domain.list_rows); unknown roles return at once.
        answer = self._BY_ROLE.get(role)
        if answer is None:
            return None
        row = index.row()
        if not (0 <= row < len(self._rows)):
            return None
        return answer(self, self._rows[row], index.column())

    def _status_of(self, r) -> tuple[str, bool] | None:
        return self._status.get(r.summary.ref.id)

    def _shown_status(self, r) -> str:
        return self._status_shown.get(r.summary.ref.id, "")

    def _display(self, r, col: int):
        if col == self.COL_STATUS:
            return self._shown_status(r)
        return (None, r.subject, r.to, r.when)[col] if col < 4 else None  # in the language already (_in_language)

    def _decoration(self, r, col: int):
        return icon("attachment") if col == 0 and r.summary.has_attachments else None

    def _foreground(self, r, col: int):
        if col == self.COL_STATUS:
            st = self._status_of(r)
            return _RED if st and st[1] else None
        return _GREY if col == 3 else None

    def _tooltip(self, r, col: int):
        if col == self.COL_SUBJECT:
            return shown(r.subject_tip) if r.subject_tip else None
        if col == 0 and r.summary.has_attachments:
            return self._has_attachments
        if col == self.COL_STATUS:
            return tooltip(self._shown_status(r)) or None
        return None

    def _summary(self, r) -> str:
        """The row in words: "Lunch, to Bob, with attachments, Too large to send (ErrorMessageSizeExceeded)"."""
        st = self._shown_status(r)
        return self._row_and_status.format(row=r.accessible, status=st) if st else r.accessible

    def _accessible(self, r, col: int):
        # each cell is read as its own column (a table read like a table); the date as the locale speaks it,
        # the attachment marker (an icon) in words; the others as they show (None: Qt reads the display text)
        if col == self.COL_TIME:
            return spoken_date(local_when(r.summary, self.sent), self._locale) or None
        if col == self.COL_ATTACH:
            return self._has_attachments if r.summary.has_attachments else None
        return None

    def _description(self, r, col: int):
        # the whole row, on the cell a reader lands on (moving between rows keeps the Subject column)
        return self._summary(r) if col == self.COL_SUBJECT else None

    def _user(self, r, col: int):
        return r.summary

    # each role the cells answer, and how (every other role: nothing, at once)
    _BY_ROLE = {_DISPLAY: _display, _DECORATION: _decoration, _FOREGROUND: _foreground, _TOOLTIP: _tooltip,
                _ACCESSIBLE: _accessible, _DESCRIPTION: _description, _USER: _user}
