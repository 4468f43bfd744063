"""The Outbox view: one row per message waiting to be sent or saved, with its state in words
("Waiting to send", "Server unreachable — retrying in 4 s", "Checking whether it was sent…",
"Not sent: No valid recipients (ErrorInvalidRecipients)", "Sent").

The queue is the user's to control: Enter takes the selected message back into Compose (its send is
cancelled; the view's primary button, "Take back", names it), Delete throws it away (after a question), Ctrl+R sends a failed one again, and "Try now"
retries everything waiting. A message whose send may be on the wire cannot be taken back: the keys say
so at once (no question first). A row already sent offers only what applies: Enter opens it in Sent,
Delete removes it from this list (nothing is lost: no question). When the window names a message and sends
the user here for it (Send later's "It waits in the Outbox (Ctrl+4); Enter there takes it back", a send left
waiting), :meth:`point_at` makes that row the current and selected one when the view next shows: Enter acts
on the message the words named, never on the row the list had before. A message the server keeps for a time (send
later: "Sends at Tue 08:00 (kept by Exchange)", read from the server's Outbox folder) has a row too, after the
queue's: Enter takes it back, Delete deletes it, Ctrl+R ("Send now") sends it now, Ctrl+Shift+T changes its time,
each on the server's copy (app/ui/outbox/outbox_kept.py). Fed by :class:`app.core.outbox.Outbox`
(``rows()``), refreshed on its ``changed`` news and once a second for the countdowns. The actions are signals; the journal bridge carries them out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from app.core.delivery.outbox_news import with_news
from app.core.scheduled.held import with_kept
from app.domain.list_rows import share_widths
from app.domain import words
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import counted, shown, translate
from app.ui.lists.drafts_view import list_page
from app.ui.lists.list_table import NO_ACCOUNT, RecipientsDelegate, RowsTableWidget
from app.ui.common.safe_text import PlainLabel, tooltip
from app.ui.common.theme import PALETTES, icon


class OutboxView(QWidget):
    COLUMNS = (QT_TRANSLATE_NOOP("OutboxView", "Subject"), QT_TRANSLATE_NOOP("OutboxView", "To"),
               QT_TRANSLATE_NOOP("OutboxView", "State"))
    edit_requested = Signal(str)  # local_id: back into Compose
    delete_requested = Signal(str)
    retry_requested = Signal(str)
    open_sent_requested = Signal(str)  # local_id of a sent row: show it in Sent
    forget_requested = Signal(str)  # local_id of a sent row: remove it from this list
    # a row of a message the server keeps for a time: (what, its ID), what: take_back | delete | send_now | change_time
    kept_requested = Signal(str, str)
    seen = Signal()  # the view came on screen (the server's copies are read again when last read long ago)
    notice = Signal(str)  # what a key did not do, and why (the window's status bar)

    def __init__(self, parent=None, news=None):
        """``news``: the Outbox's news as signals (app.ui.common.core_events); None: the view follows the
        Outbox it is shown (:meth:`set_outbox`) through signals of its own."""
        super().__init__(parent)
        self.outbox = None
        from app.ui.common.core_events import CoreEvents

        self._own_news = news is None
        self.news = CoreEvents(self) if news is None else news
        self.news.changed.connect(self._news)
        self.news.reports_read.connect(lambda _reports: self._refresh_soon())
        self.news.scheduled_listed.connect(self._refresh_soon)
        self.delivery = lambda: None  # the account's delivery watch (None: none): a sent row says its news
        self.scheduled = lambda: None  # what the server keeps for a time (app.core.scheduled.held; None: none)
        lay, head, self.count_label = list_page(self, translate("OutboxView", "Outbox"))
        self._buttons_row = head
        self.edit_button = self._button(translate("OutboxView", "Take back"), translate("OutboxView", EDIT_TIP), head)
        self.edit_button.setObjectName("primary")  # what Enter does to the current row (its words follow the row)
        self.delete_button = self._button(translate("OutboxView", "Delete"), translate("OutboxView", DELETE_TIP),
                                          head)
        self.retry_button = self._button(translate("OutboxView", "Retry"),
                                         translate("OutboxView", "Send the selected failed message again (Ctrl+R)"), head)
        self.time_button = self._button(translate("OutboxView", "Change time…"), translate("OutboxView", TIME_TIP), head)
        self.now_button = self._button(translate("OutboxView", "Try now"),
                                       translate("OutboxView", "Try everything waiting now instead of after the wait"),
                                       head)
        self._empty_text = translate("OutboxView", "Nothing waiting: every message reached the server.\n\n"
                                                   "When the server cannot be reached, messages you send wait here "
                                                   "and go out by themselves once it is back.")
        self._columns = tuple(translate("OutboxView", c) for c in self.COLUMNS)
        self._elsewhere = ""
        self._held_elsewhere = ""
        self.empty = PlainLabel(self._empty_text, self)
        self.empty.setTextFormat(Qt.PlainText)
        self.empty.setObjectName("viewSubtitle")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.table = RowsTableWidget(0, len(self.COLUMNS), self)  # Home / End: first / last row
        self.table.setHorizontalHeaderLabels(self._columns)
        self.table.setAccessibleName(translate("OutboxView", "Messages waiting for the server"))
        self.table.setItemDelegateForColumn(1, RecipientsDelegate(self.table))  # as Drafts and Sent show them
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setAccessibleName(translate("OutboxView", "Outbox row header"))
        self.table.horizontalHeader().setAccessibleName(translate("OutboxView", "Outbox columns"))
        h = self.table.horizontalHeader()
        h.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)  # like Drafts and Sent
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)  # the state, with its reason, gets the room
        h.resizeSection(0, 220)
        self.table.setColumnWidth(1, 200)
        self._fitted = None  # (table width, the texts' widths) the columns were last fitted to
        self._warning = None  # a failed row's sign (the icon, loaded when first needed)
        self.table.viewport().installEventFilter(self)  # its width changes when shown, not only with the view
        lay.addWidget(self.empty, 1)  # only one of the two is visible at a time
        lay.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        for text, keys, slot, name in (
            (translate("OutboxView", "Edit in Compose"), ["Return", "Enter"], self._edit, "actOutboxEdit"),
            (translate("OutboxView", "Delete from Outbox"), ["Delete"], self._delete, "actOutboxDelete"),
            (translate("OutboxView", "Retry sending"), ["Ctrl+R"], self._retry, "actOutboxRetry"),
        ):
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.retry_button.clicked.connect(self._retry)
        self.time_button.clicked.connect(self.change_time)
        self.now_button.clicked.connect(lambda: self.outbox and self.outbox.hand.kick())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._rows = []
        self._pointed = ""  # the row the window sent the user to (point_at), made current when the view shows
        self._texts: list[tuple[str, str, str]] = []  # the rows' cells as shown, made once per refresh
        self._stale = False
        self._soon = QTimer(self)  # a child: it stops with the view
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._refresh_when_seen)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_when_seen)
        self._tick.start()
        self.refresh()

    def _button(self, text: str, tip: str, head) -> QPushButton:
        b = QPushButton(text, self)
        b.setAccessibleName(tip)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.TabFocus)
        head.addWidget(b)
        return b

    def set_elsewhere(self, text: str) -> None:
        """Mail waiting under other accounts (it goes out only from its own account), said when this
        account's Outbox is empty."""
        self._elsewhere = text
        self.refresh()

    def set_held_elsewhere(self, text: str) -> None:
        """Another process has this account's queue (a dispatch-mail command, another window): said, in
        ``text``, while it is true ("" : no longer)."""
        if text != self._held_elsewhere:
            self._held_elsewhere = text
            self.refresh()

    def set_outbox(self, outbox) -> None:
        """Show this outbox, repainted on its changes (many in one turn of the loop: one repaint)."""
        self.outbox = outbox
        if self._own_news:
            self.news.follow(outbox)
        self.refresh()

    def _news(self) -> None:
        if self.outbox is not None and self.news.outbox is self.outbox:
            self._refresh_soon()

    def _refresh_soon(self) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self._go_to_pointed()
        self.seen.emit()

    def point_at(self, local_id: str) -> None:
        """The window named the message ``local_id`` (or its Message-ID: a send later's row is the queue's, then the
        server's copy) and sent the user here for it: its row is the current and selected one when the view shows
        (now, if it is on screen)."""
        self._pointed = local_id
        if self.isVisible():
            self.refresh()
            self._go_to_pointed()

    def _go_to_pointed(self) -> None:
        """The row :meth:`point_at` named, current and selected (once: then the user's moves are the user's)."""
        if not self._pointed:
            return
        ids = [self._pointed in (r.local_id, r.message_id) for r in self._rows]
        if any(ids):
            row = ids.index(True)
            self.table.setCurrentCell(row, 0)
            self.table.selectRow(row)
            self.table.scrollToItem(self.table.item(row, 0))
        self._pointed = ""

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table holds: (subject, recipients, state text), as the Outbox gives them (its Words compare as
        their English; the cells show them in the user's language: :meth:`shown_rows`)."""
        if self._stale:
            self.refresh()
        return [(r.subject, r.recipients, r.text) for r in self._rows]

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """What the table shows: (subject, recipients, state text) in the user's language."""
        if self._stale:
            self.refresh()
        return list(self._texts)

    def _refresh_when_seen(self) -> None:
        """The timers' refresh: only while the page is on screen. A hidden Outbox page rebuilt all its rows
        on every state change of a batch send (3 per message: 150 rebuilds of 50 rows for a batch of 50,
        ~1-3 ms each on the UI thread); it is brought up to date when shown (or read) instead."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        current = self.current_id()
        was = self._current()
        current_mid = was.message_id if was is not None else ""
        self._rows = [] if self.outbox is None else self._with_kept(self._with_news(self.outbox.rows()))
        self._texts = [_shown(r) for r in self._rows]
        self.table.setRowCount(len(self._rows))
        for i, (row, texts) in enumerate(zip(self._rows, self._texts)):
            for j, text in enumerate(texts):
                item = self.table.item(i, j)
                if item is None:
                    item = QTableWidgetItem(text)
                    self.table.setItem(i, j, item)
                    item.setToolTip(tooltip(text))  # the whole reason, when the column elides it (plain text)
                elif item.text() != text:
                    item.setText(text)
                    item.setToolTip(tooltip(text))
            self._mark(i, row)
        ids = [r.local_id for r in self._rows]
        mids = [r.message_id for r in self._rows]
        if current in ids:
            self.table.selectRow(ids.index(current))
        elif current_mid and current_mid in mids:  # the same message, now the server's copy (send later)
            self.table.selectRow(mids.index(current_mid))
        elif self._rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        # no account: how to add one
        first = self._empty_text if self.outbox is not None else translate("ListTable", NO_ACCOUNT)
        first = shown(self._held_elsewhere) or first
        self.empty.setText(first + (f"\n\n{shown(self._elsewhere)}" if self._elsewhere else ""))
        self.empty.setVisible(not self._rows)
        self.table.setVisible(bool(self._rows))
        self._fit_columns()
        waiting = sum(1 for r in self._rows if r.waiting)
        failed = sum(1 for r in self._rows if r.not_done)
        parts = ([counted(N_WAITING, waiting)] if waiting else []) \
            + ([counted(N_NOT_SENT, failed)] if failed else [])
        self.count_label.setText(", ".join(parts))
        self.now_button.setEnabled(any(r.waiting and not r.kept for r in self._rows))  # the server's own: its time
        # while another process has the queue, this window has no queue for them to act on: not shown at all
        # (four disabled buttons, "Try now" in its primary style, looked as if one could be pressed)
        for b in (self.edit_button, self.delete_button):
            b.setVisible(not self._held_elsewhere)
        self._update_buttons()  # (Retry and "Try now" too, where they apply)

    def _with_news(self, rows):
        """A sent row with what the reports say of it ("Sent — 1 failed"): app.core.delivery.outbox_news."""
        watch = self.delivery()
        return with_news(rows, watch.standing) if watch is not None else rows

    def _with_kept(self, rows):
        """The messages the server keeps for a time, after the queue's (app.core.scheduled.held.with_kept)."""
        listing = self.scheduled()
        return with_kept(rows, listing.rows, listing.gone) if listing is not None else rows

    def _mark(self, i: int, row) -> None:
        """A failed row stands out: a warning sign before its subject, its state in the scheme's red (set
        when the row's state or the scheme changes, not on each second's refresh); a sent one a report says did not
        reach someone too."""
        failed = row.not_done or row.bounced
        dark = self.table.palette().color(QPalette.Base).lightness() < 128
        subject, state = self.table.item(i, 0), self.table.item(i, 2)
        mark = (row.not_done, row.bounced, dark, row.subject)
        if subject.data(Qt.UserRole) == mark:
            return
        subject.setData(Qt.UserRole, mark)
        if self._warning is None:
            self._warning = icon("warning")
        subject.setIcon(self._warning if failed else QIcon())
        state.setForeground(QBrush(QColor(PALETTES["dark" if dark else "light"]["danger"])) if failed else QBrush())
        said = translate("OutboxView", "Not sent: {subject}") if row.not_done else \
            translate("OutboxView", "Not delivered to everyone: {subject}") if row.bounced else None
        subject.setData(Qt.AccessibleTextRole, said.format(subject=shown(row.subject)) if said else None)

    def eventFilter(self, obj, ev):  # noqa: N802
        if obj is self.table.viewport() and ev.type() == QEvent.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """The State column shows its words whole ("Sends at Fri 08:00" was cut at 683 px while the Subject
        kept 220 px); Subject and To share what is left (app.domain.list_rows.share_widths)."""
        fm = self.table.fontMetrics()
        pad = 28  # the cell's margins and a little air
        needs = tuple(max([fm.horizontalAdvance(self._columns[j])] + [fm.horizontalAdvance(t) for t in texts]) + pad
                      for j, texts in enumerate(zip(*self._texts) if self._texts else ((), (), ())))
        total = self.table.viewport().width()
        if (total, needs) == self._fitted or total <= 0:
            return
        self._fitted = (total, needs)
        first, second = share_widths(total, needs, (120, 100))
        h = self.table.horizontalHeader()
        h.resizeSection(0, first)
        h.resizeSection(1, second)

    def current_id(self) -> str:
        row = self.table.currentRow()
        return self._rows[row].local_id if 0 <= row < len(self._rows) else ""

    def _current(self):
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _update_buttons(self) -> None:
        r = self._current()
        sent, kept = _is_sent(r), bool(r and r.kept)
        self.edit_button.setText(translate("OutboxView", "Open in Sent") if sent else translate("OutboxView", "Take back"))
        self.delete_button.setText(translate("OutboxView", "Remove from this list") if sent
                                   else translate("OutboxView", "Delete"))
        tips = (SENT_OPEN_TIP, SENT_REMOVE_TIP) if sent else (EDIT_TIP, DELETE_TIP)
        for b, tip in zip((self.edit_button, self.delete_button), tips):
            tip = translate("OutboxView", tip)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        self.edit_button.setEnabled(bool(r and (sent or r.can_cancel)))
        self.delete_button.setEnabled(bool(r and (sent or r.can_cancel)))
        self.retry_button.setEnabled(bool(r and (r.can_retry or kept)))
        self.retry_button.setText(translate("OutboxView", "Send now") if kept else translate("OutboxView", "Retry"))
        # only what applies is shown: no Retry on a sent row, no "Try now" with nothing waiting (beside a sent row's
        # longer "Open in Sent" and "Remove from this list" two disabled buttons made the Outbox, even behind another
        # page, wider than 683 px in French and German)
        here = not self._held_elsewhere
        self._show_only(self.retry_button, here and not sent)
        self._show_only(self.time_button, here and kept)
        self._show_only(self.now_button, here and self.now_button.isEnabled())  # nothing waits: nothing to try

    def _show_only(self, button: QPushButton, shown_now: bool) -> None:
        """``button`` shown or not; the page's minimum width follows at once, on screen or not (a hidden Outbox
        page still widened the window: Qt keeps a hidden page's layout as it was last measured)."""
        if button.isVisibleTo(self) != shown_now:
            button.setVisible(shown_now)
            self._buttons_row.invalidate()
            self.layout().invalidate()

    def _edit(self) -> None:
        r = self._current()
        if r is None:
            return
        if _is_sent(r):
            self.open_sent_requested.emit(r.local_id)
        elif r.kept:
            self.kept_requested.emit("take_back", r.local_id)
        elif r.can_cancel:
            self.edit_requested.emit(r.local_id)
        else:
            self.notice.emit(_on_its_way(r, deleting=False))

    def _delete(self) -> None:
        r = self._current()
        if r is None:
            return
        if _is_sent(r):
            self.forget_requested.emit(r.local_id)
        elif r.kept:
            self.kept_requested.emit("delete", r.local_id)
        elif r.can_cancel:
            self.delete_requested.emit(r.local_id)
        else:
            self.notice.emit(_on_its_way(r, deleting=True))

    def _retry(self) -> None:
        r = self._current()
        if r is None:
            return
        if r.kept:
            self.kept_requested.emit("send_now", r.local_id)
        elif r.can_retry:
            self.retry_requested.emit(r.local_id)
        elif _is_sent(r):
            self.notice.emit(translate("OutboxView", "Already sent: there is nothing to send again (Enter opens it "
                                                     "in Sent)"))
        else:
            self.notice.emit(translate("OutboxView", "Only a message that was not sent can be sent again (Ctrl+R)"))


    def change_time(self) -> bool:
        """Change time… (the button; Ctrl+Shift+T, the window's Send later key, while this view shows): for a row
        the server keeps, the Send later dialog for it. False when the current row is not one."""
        r = self._current()
        if r is None or not r.kept:
            return False
        self.kept_requested.emit("change_time", r.local_id)
        return True


N_WAITING = words.translate("OutboxView", "%Ln waiting", None, 0)
N_NOT_SENT = words.translate("OutboxView", "%Ln not sent", None, 0)
EDIT_TIP = QT_TRANSLATE_NOOP("OutboxView", "Take the selected message back into Compose (Enter)")
DELETE_TIP = QT_TRANSLATE_NOOP("OutboxView", "Delete the selected message (Delete)")
TIME_TIP = QT_TRANSLATE_NOOP("OutboxView", "Change when the selected message goes (Ctrl+Shift+T)")
SENT_OPEN_TIP = QT_TRANSLATE_NOOP("OutboxView", "Open the selected message in Sent (Enter)")
SENT_REMOVE_TIP = QT_TRANSLATE_NOOP("OutboxView", "Remove the selected sent message from this list; it stays in Sent "
                                                  "(Delete)")


def _shown(row) -> tuple[str, str, str]:
    """A row's cells in the user's language: the Outbox's words (its states, its errors) translated; the
    subject and the recipients are the user's own (shown as they are, unless the Outbox put words there)."""
    return shown(row.subject), shown(row.recipients), shown(row.text)


def _on_its_way(row, deleting: bool) -> str:
    """Why a row on its way (being sent, or being checked) cannot be deleted or taken back."""
    if row.checking:
        return translate("OutboxView", "It may already have gone out (Dispatch is checking with the server): it can "
                                       "no longer be deleted") if deleting else \
            translate("OutboxView", "It may already have gone out (Dispatch is checking with the server): it can no "
                                    "longer be taken back")
    return translate("OutboxView", "It is being sent right now and can no longer be deleted") if deleting else \
        translate("OutboxView", "It is being sent right now and can no longer be taken back")


def _is_sent(row) -> bool:
    return row is not None and row.sent
