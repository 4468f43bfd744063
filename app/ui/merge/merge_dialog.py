"""File → Mail merge… (Ctrl+Shift+M): the message in Compose is the template; a table (a CSV file, or a table
pasted from a spreadsheet) gives one message per row. Non-modal: the window keeps working.

Page 1 — the table: Choose CSV file… (Alt+F, Qt's own file dialog, opened with ``open()``), or paste into
the table box (Alt+T); the address column (Alt+A); a preview of the first 3 messages (plain text: mail
content is data). **Create and send** (Ctrl+Return). Page 2 — the results: one row per table row with
its outcome inline; a row that failed is fixed in its cell (F2 or typing, Enter), and **Resend failed**
(Ctrl+R) sends only the fixed rows. **New merge** (Alt+N) goes back to page 1. The run is
:class:`app.core.merge.run.MergeRun`; the last unfinished merge of the account comes back when the dialog
opens (after a restart too).
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QDir, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPlainTextEdit, QPushButton, QStackedWidget, QTableView, QVBoxLayout,
                               QWidget)

from app.core.merge.run import MergeRun, RowState
from app.core.merge.pool import in_thread
from app.core.merge.send import asks_first, go_ahead
from app.core.sending.limits import RecipientLedger, limits_for, plan_batch
from app.domain import merge as dm
from app.domain import words
from app.domain.models import BodyFormat
from app.storage.merges import MergeStore
from app.ui.common.file_dialog import file_dialog
from app.ui.merge.merge_model import MergeModel
from app.ui.merge.merge_send import SendGuard
from app.ui.common.safe_text import PlainLabel, SafeDocument
from app.ui.common.port import ShellPort
from app.ui.common.tr import counted, data_size, shown, translate

log = logging.getLogger(__name__)
PREVIEW_ROWS = 3
SHOWN_BYTES = 1024 * 1024  # a larger file is read, but not shown in the table box
#: counted words (see _count)
FIRST = words.translate("MailMerge", "&Preview (the first %n message(s)):", None, 0)
ROWS = words.translate("MailMerge", "%Ln row(s)", None, 0)
COLUMNS = words.translate("MailMerge", "%Ln column(s)", None, 0)
PREPARING = words.translate("MailMerge", "Preparing %Ln message(s)…", None, 0)
SENT = words.translate("MailMerge", "%Ln sent", None, 0)
FAILED = words.translate("MailMerge", "%Ln failed", None, 0)
TO_FIX = words.translate("MailMerge", "%Ln to fix", None, 0)
READY = words.translate("MailMerge", "%Ln ready", None, 0)
UNDER_WAY = words.translate("MailMerge", "%Ln under way", None, 0)
OF_ROWS = words.translate("MailMerge", "{state} {counts} — of %Ln row(s).", None, 0)


def _plain(body: str, fmt: BodyFormat) -> str:
    if fmt != BodyFormat.HTML:
        return body
    doc = SafeDocument()  # loads nothing: mail content is data
    doc.setHtml(body)
    return doc.toPlainText()



def _keys(keys: str) -> str:
    """A shortcut as the user's keyboard names it (the key itself never changes with the language)."""
    return QKeySequence(keys).toString(QKeySequence.NativeText)


def _label(text: str, parent) -> QLabel:
    """A field's label with its Alt key (plain text, like every label in the window)."""
    lab = QLabel(parent)
    lab.setTextFormat(Qt.PlainText)
    lab.setText(text)
    return lab


class MergeDialog(QDialog):
    def __init__(self, port: ShellPort, compose, spawn: Callable, news, *, journal_bridge: Callable[[], object],
                 delay: Callable[[], float]):
        """``port``: the shell's (app.ui.common.port); ``compose``: the view whose message is the template;
        ``news``: the core's events as signals (app.ui.common.core_events; the run shown is followed there);
        ``spawn(aw)``: the window's task tracker; ``journal_bridge()``: the account's, once built; ``delay()``:
        Compose's undo-send delay (a merge's sends are held as long)."""
        super().__init__(port.dialog_parent)
        self.port, self.compose, self.spawn_task = port, compose, spawn
        self.journal_bridge, self.delay = journal_bridge, delay
        self.news = news
        self.news.merge_progress.connect(self._changed)
        self.setWindowTitle(translate("MailMerge", "Mail merge"))
        self.setObjectName("mergeDialog")
        self.setModal(False)
        from app.ui.common.room_for_text import sized_within_screen

        sized_within_screen(self, 900, 640)
        self.table: dm.Table | None = None
        self.run: MergeRun | None = None
        self.task: asyncio.Task | None = None
        self._source: str | bytes = ""
        self._gen = 0
        self._creating = False  # Create and send: the rows are being built
        self._summary_due = False  # the summary line is updated on the next turn
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._parse_text)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._table_page())
        self.stack.addWidget(self._results_page())
        lay = QVBoxLayout(self)
        self.intro = PlainLabel(self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        lay.addWidget(self.stack, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.create_and_send)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.create_and_send)
        QShortcut(QKeySequence("Ctrl+R"), self, self.resend)
        from app.ui.common.room_for_text import make_room

        make_room(self)  # an error wrapped to several lines never squeezes the page

    # ---- pages ----
    def _table_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.choose = QPushButton(translate("MailMerge", "Choose CSV &file…"), page)
        self.choose.clicked.connect(self.choose_file)
        row.addWidget(self.choose)
        self.source_label = PlainLabel(page)
        row.addWidget(self.source_label, 1)
        v.addLayout(row)
        lab = _label(translate("MailMerge", "&Table (a header row, then one row per message; paste from a "
                                            "spreadsheet):"), page)
        self.table_edit = QPlainTextEdit(page)
        self.table_edit.setAccessibleName(translate("MailMerge", "Table"))
        self.table_edit.setTabChangesFocus(True)
        self.table_edit.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.table_edit.textChanged.connect(self._typed)
        lab.setBuddy(self.table_edit)
        v.addWidget(lab)
        v.addWidget(self.table_edit, 2)
        row = QHBoxLayout()
        lab = _label(translate("MailMerge", "&Address column:"), page)
        self.column = QComboBox(page)
        self.column.setAccessibleName(translate("MailMerge", "Address column"))
        self.column.currentIndexChanged.connect(self._show_preview)
        lab.setBuddy(self.column)
        row.addWidget(lab)
        row.addWidget(self.column, 1)
        v.addLayout(row)
        self.error = PlainLabel(page)
        self.error.setWordWrap(True)
        v.addWidget(self.error)
        lab = _label(counted(FIRST, PREVIEW_ROWS), page)
        self.preview = QPlainTextEdit(page)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(translate("MailMerge", "Preview"))
        self.preview.setTabChangesFocus(True)
        lab.setBuddy(self.preview)
        v.addWidget(lab)
        v.addWidget(self.preview, 3)
        row = QHBoxLayout()
        row.addStretch(1)
        self.send_button = QPushButton(translate("MailMerge", "Create and &send ({keys})").format(
            keys=_keys("Ctrl+Return")), page)
        self.send_button.clicked.connect(self.create_and_send)
        self.send_button.setEnabled(False)
        row.addWidget(self.send_button)
        close = QPushButton(translate("MailMerge", "Close"), page)
        close.clicked.connect(self.close)
        row.addWidget(close)
        v.addLayout(row)
        return page

    def _results_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        self.summary = PlainLabel(page)
        self.summary.setAccessibleName(translate("MailMerge", "Merge summary"))
        v.addWidget(self.summary)
        self.model = MergeModel(self)
        self.model.shown = self._rows_on_screen
        self.results = QTableView(page)
        self.results.setObjectName("mergeResults")
        self.results.setAccessibleName(translate("MailMerge", "Merge results"))
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.results.setSelectionMode(QAbstractItemView.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
                                     | QAbstractItemView.DoubleClicked)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        # columns fit the rows on screen: measuring 1,000 rows (Qt's default) held the UI thread ~0.5 s
        self.results.horizontalHeader().setResizeContentsPrecision(0)
        v.addWidget(self.results, 1)
        hint = PlainLabel(translate("MailMerge", "Fix a row: go to its cell, F2 (or type), Enter. Resend failed "
                                                 "({keys}) sends the rows that are not sent and were fixed; a sent "
                                                 "row is never sent again.").format(keys=_keys("Ctrl+R")), page)
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.guard = SendGuard(self, page, v, self.news)  # "Send 12 messages?" and the undo-send countdown
        row = QHBoxLayout()
        row.addStretch(1)
        self.resend_button = QPushButton(translate("MailMerge", "&Resend failed ({keys})").format(
            keys=_keys("Ctrl+R")), page)
        self.resend_button.clicked.connect(self.resend)
        row.addWidget(self.resend_button)
        new = QPushButton(translate("MailMerge", "&New merge"), page)
        new.clicked.connect(self.new_merge)
        row.addWidget(new)
        close = QPushButton(translate("MailMerge", "Close"), page)
        close.clicked.connect(self.close)
        row.addWidget(close)
        v.addLayout(row)
        return page

    # ---- opening ----
    def _store(self) -> MergeStore:
        bridge = self.journal_bridge()
        journal = getattr(bridge, "journal", None)
        if journal is not None and getattr(journal, "path", None) is not None:
            return MergeStore(Path(journal.path).parent / "merges")
        from app.storage.settings import data_dir

        return MergeStore(data_dir() / "merges")

    def _outbox(self):
        s = self.port.session
        return None if s is None else s.outbox

    def start(self) -> None:
        """Show the dialog: the account's last unfinished merge, or a new one from Compose."""
        c = self.compose.draft()
        subject = dm.printable(c.subject) if c.subject else translate("MailMerge", "(no subject)")
        self.intro.setText(translate("MailMerge", "Template: the message in Compose, “{subject}”. One message per "
                                     "row, to the address in the column below; {{column}} in the subject or text is "
                                     "replaced by the row's value.").format(subject=subject))
        account = self.port.session.account.key if self.port.session is not None else ""
        if self.run is not None and self.run.account != account and not self.run.running:
            self.new_merge()  # another account is in use: its merges are its own
        if self.run is None and self._outbox() is not None:
            store = self._store()
            for merge_id in store.ids(account)[:1]:
                run = MergeRun.load(self._outbox(), store, merge_id, max_send_bytes=self.port.session.max_send_bytes)
                if run is not None and any(r.state != RowState.SENT for r in run.rows):
                    self._show_run(run)
                    self._spawn(run.resume())
        self.show()
        self.raise_()
        self.activateWindow()
        if self.stack.currentIndex() == 0:
            self.table_edit.setFocus(Qt.OtherFocusReason)
            self._show_preview()

    def new_merge(self) -> None:
        if self.run is not None and self.run.running:
            return
        self.run = None
        self.model.set_run(None)
        self.stack.setCurrentIndex(0)
        self.table_edit.setFocus(Qt.OtherFocusReason)
        self._show_preview()

    # ---- the table ----
    def choose_file(self) -> None:
        dlg = file_dialog(self, translate("MailMerge", "Choose a table (CSV)"), QDir.homePath(),
                          translate("MailMerge", "Tables (*.csv *.tsv *.txt);;All files (*)"))
        dlg.setFileMode(QFileDialog.ExistingFile)
        dlg.setObjectName("mergeFileDialog")
        dlg.fileSelected.connect(self._file_chosen)
        dlg.finished.connect(self._keyboard_back)
        self._file_dialog = dlg
        dlg.open()

    def _keyboard_back(self, *_a) -> None:
        """The file dialog closed: the keyboard comes back here, not to the main window."""
        self.activateWindow()
        self.table_edit.setFocus(Qt.OtherFocusReason)

    def _file_chosen(self, path: str) -> None:
        self._spawn(self._read_file(path))

    async def _read_file(self, path: str) -> None:
        too_large = translate("MailMerge", "The file is larger than {size}.").format(  # words made here, not on
            size=data_size(dm.MAX_BYTES, 0, plain=()))  # the reading thread

        def read() -> bytes:
            p = Path(path)
            if p.stat().st_size > dm.MAX_BYTES:
                raise dm.TableError(too_large)
            return p.read_bytes()

        try:
            data = await in_thread(read)
        except (OSError, dm.TableError) as exc:
            why = translate("MailMerge", "Could not read the file: {reason}")
            self._say(shown(getattr(exc, "message", "")) or why.format(reason=exc.strerror or exc))
            return
        name = Path(path).name
        self.source_label.setText(translate("MailMerge", "Read from “{file}”").format(file=dm.printable(name)))
        if len(data) <= SHOWN_BYTES:
            try:
                text = dm.decode(data)
            except dm.TableError as exc:
                self._say(shown(exc.message))
                return
            self.table_edit.blockSignals(True)
            self.table_edit.setPlainText(text)
            self.table_edit.blockSignals(False)
            await self._parse(text)
        else:
            self.table_edit.blockSignals(True)
            self.table_edit.setPlainText("")
            self.table_edit.setPlaceholderText(translate(
                "MailMerge", "“{file}” is too large to show here; it was read in full.").format(file=name))
            self.table_edit.blockSignals(False)
            await self._parse(data)

    def _typed(self) -> None:
        self.source_label.setText("")
        self._timer.start()

    def _parse_text(self) -> None:
        self._spawn(self._parse(self.table_edit.toPlainText()))

    async def _parse(self, source) -> None:
        self._gen += 1
        gen = self._gen
        try:
            table = await in_thread(dm.parse_table, source) if source else None
            err = "" if table else translate("MailMerge", "Paste a table or choose a CSV file.")
        except dm.TableError as exc:
            table, err = None, shown(exc.message)
        if gen != self._gen:
            return  # a newer table was typed meanwhile
        self.table = table
        self._say(err, error=bool(source))
        self.column.blockSignals(True)
        self.column.clear()
        if table is not None:
            self.column.addItems(list(table.header))
            guess = dm.recipient_column(table.header)
            self.column.setCurrentIndex(guess if guess is not None else 0)
        self.column.blockSignals(False)
        self._show_preview()

    def _show_preview(self, *_a) -> None:
        t, c = self.table, self.compose.draft()
        if t is None:
            self.preview.setPlainText("")
            self.send_button.setEnabled(False)
            return
        unknown = dm.unknown_placeholders(c, t.header)
        if unknown:
            self._say(translate("MailMerge", "Unknown placeholder {placeholders}: the columns are {columns}.").format(
                placeholders=", ".join("{" + dm.printable(u, 40) + "}" for u in unknown),
                columns=", ".join(dm.printable(h, 30) for h in t.header)))
        else:
            self._say(translate("MailMerge", "{rows}, {columns}.").format(
                rows=counted(ROWS, len(t.rows)), columns=counted(COLUMNS, len(t.header))), error=False)
        parts = []
        for i, values in enumerate(t.rows[:PREVIEW_ROWS]):
            m = dm.build_message(c, t.header, values, self.column.currentIndex(), merge_id="preview", number=i + 1,
                                 problem=t.problems.get(i, ""))
            if m.draft is None:
                parts.append(translate("MailMerge", "Row {number}: not sent — {reason}").format(
                    number=QLocale().toString(i + 1), reason=shown(m.error)))
            else:
                d = m.draft
                to = ", ".join(r.display() for r in d.to)
                head = translate("MailMerge", "To: {to}\nSubject: {subject}").format(to=to, subject=d.subject)
                parts.append(f"{head}\n\n{_plain(d.body, d.body_format)}")
        self.preview.setPlainText(("\n" + "─" * 40 + "\n").join(parts))
        self.send_button.setEnabled(not unknown and self.column.currentIndex() >= 0)

    def _say(self, text: str, error: bool = True) -> None:
        """The line under the table: what is wrong with it (red), or what it holds."""
        self.error.setStyleSheet("color: #c62828;" if error and text else "")
        self.error.setText(shown(text))

    # ---- running ----
    def create_and_send(self) -> None:
        if self.stack.currentIndex() != 0 or not self.send_button.isEnabled() or self.table is None:
            return
        if self._creating:  # Ctrl+Return again while the rows are being built: one merge, sent once
            return
        if self._outbox() is None:
            self._start_sending()  # it says to connect first
            return
        if self.guard.asking():
            return
        rows, plan = len(self.table.rows), self._limits_plan()
        if not asks_first(rows, plan):
            self._start_sending()
            return
        self._spawn(self._asked(rows, plan))

    async def _asked(self, rows: int, plan) -> None:
        if await go_ahead(rows, plan, self.guard):  # the core decides; the guard asks
            self._start_sending()

    # ---- the account's sending limits (app.core.sending.limits) ----
    def _send_limits(self):
        s = self.port.session
        return None if s is None else limits_for(s.account)

    def _sent_ledger(self):
        """Today's sent recipients of the account (the runtime keeps them on disk: app.core.account_queue.runtime)."""
        runtime = getattr(self.journal_bridge(), "runtime", None)
        counter = getattr(runtime, "sent_count", None)
        return counter.ledger if counter is not None else RecipientLedger

    def _limits_plan(self):
        """What the table's rows meet of the limits, before anything is built or sent (each row: its address
        and the template's own recipients)."""
        limits = self._send_limits()
        if limits is None or self.table is None:
            return None
        d = self.compose.draft()
        per_row = 1 + len(d.to) + len(d.cc) + len(d.bcc)
        return plan_batch([per_row] * len(self.table.rows), self._sent_ledger()(), limits, time.time())

    def _start_sending(self) -> None:
        if self._creating or self.table is None or self.stack.currentIndex() != 0:
            return
        outbox = self._outbox()
        if outbox is None:
            self._say(translate("MailMerge", "Connect an account first ({keys}).").format(keys=_keys("Ctrl+,")))
            return
        self._creating = True
        self.send_button.setEnabled(False)
        self._say(counted(PREPARING, len(self.table.rows)), error=False)
        s = self.port.session  # what is on screen at the key press is what is merged
        prepare = MergeRun.prepare(outbox, self._store(), self.compose.draft(), self.table,
                                   self.column.currentIndex(), account=s.account.key,
                                   max_send_bytes=s.max_send_bytes)
        self._spawn(self._create_and_send(prepare))

    async def _create_and_send(self, prepare) -> None:
        """The rows are built and checked on the merge's thread (MergeRun.prepare), then shown and sent."""
        try:
            run = await prepare
        except Exception as exc:  # noqa: BLE001 - said under the table; nothing was created or sent
            log.warning("merge: preparing the rows failed (%s)", type(exc).__name__)  # no content
            self._say(translate("MailMerge", "Could not prepare the messages ({error}); nothing was sent.").format(
                error=type(exc).__name__))
            return
        finally:
            self._creating = False
            self.send_button.setEnabled(True)
        # the results are laid out in this turn and painted in the next, each a turn of its own: together they
        # were one turn of 11-19 ms quiet (5,000 rows), and the summary set after the table's first
        # paint moved it by a pixel, painting it all again. Until then the window shows what it showed.
        self.stack.setUpdatesEnabled(False)
        try:
            self._show_run(run)
            await asyncio.sleep(0)
        finally:
            self.stack.setUpdatesEnabled(True)
        await asyncio.sleep(0)  # painted before the send's first turn
        await run.send(self.guard.hold_for(run))

    def resend(self) -> None:
        if self.stack.currentIndex() != 1 or self.run is None or self.run.running:
            return
        if not self.run.to_send():
            self.summary.setText(translate("MailMerge", "{summary} Nothing to resend: fix a failed row first.").format(
                summary=self._summary()))
            return
        self._spawn(self.run.send(self.guard.hold_for(self.run)))

    def _rows_on_screen(self) -> tuple[int, int] | None:
        """The first and last row the results table shows; None while it shows none."""
        if not self.results.isVisible() or not self.model.rowCount():
            return None
        first = self.results.rowAt(0)
        if first < 0:
            return None
        last = self.results.rowAt(self.results.viewport().height() - 1)
        return first, (last if last >= 0 else self.model.rowCount() - 1)

    def _show_run(self, run: MergeRun) -> None:
        self.run = run
        self.news.follow_merge(run)  # its progress and held sends (MergeProgress, MergeHeld), until another is shown
        run.send_limits, run.sent_ledger = self._send_limits(), self._sent_ledger()
        self.model.set_run(run)
        self.stack.setCurrentIndex(1)
        self.results.resizeColumnsToContents()
        for col in range(1, self.model.outcome_column()):
            self.results.setColumnWidth(col, min(self.results.columnWidth(col), 180))
        self.results.setFocus(Qt.OtherFocusReason)
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 1))
        self._changed()

    def _changed(self) -> None:
        """The run moved on: the table and the summary follow once on the next turn, however many rows
        changed (counting 5,000 rows once per row's outcome cost the UI thread seconds in all)."""
        self.model.changed()
        if not self._summary_due:
            self._summary_due = True
            QTimer.singleShot(0, self._show_summary)

    def _show_summary(self) -> None:
        self._summary_due = False
        self.summary.setText(self._summary())
        self.resend_button.setEnabled(self.run is not None and not self.run.running)

    def _summary(self) -> str:
        if self.run is None:
            return ""
        n = self.run.counts()
        parts = [counted(SENT, n["sent"]), counted(FAILED, n["failed"]), counted(TO_FIX, n["invalid"])]
        if n["ready"]:
            parts.append(counted(READY, n["ready"]))
        if n["saving"] + n["sending"]:
            parts.append(counted(UNDER_WAY, n["saving"] + n["sending"]))
        done = translate("MailMerge", "Sending…") if self.run.running or n["saving"] + n["sending"] else \
            translate("MailMerge", "Done.")
        return counted(OF_ROWS, len(self.run.rows)).format(
            state=done, counts=", ".join(parts))

    def _spawn(self, aw) -> asyncio.Task:
        task = self.spawn_task(aw)
        self.task = task
        return task

    def keyPressEvent(self, event):  # noqa: N802 - Esc closes (hides): a running merge goes on
        if event.key() == Qt.Key_Escape and self.results.state() != QAbstractItemView.EditingState:
            self.close()
            return
        super().keyPressEvent(event)
