"""Desktop notifications of the sends the user is not watching: wiring only. What is notified, when and in which
words is decided in Qt-free code (:mod:`app.core.outbox.notices`); the notification server is reached through
:mod:`app.ui.notify.desktop_bus`.

:class:`Notifier` follows the core's events (app.ui.common.core_events): the Outbox's changes (the messages held
for later, remembered by the book), a command's message taken in at the door, a submission final. A notice the
book decides on is shown with one action, "Show in Outbox": invoked (a click on the notification), the window
comes up with the Outbox shown and that message's row selected. The account's delivery watch read a report that a
sent message did not reach someone (``reports_read``): a bounce, whose action ("Show in Sent") opens its Sent row.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from app.core.outbox.notices import DEFAULT, Kind, Notice, NoticeBook, Show, bounces, show_of
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import shown, translate

log = logging.getLogger(__name__)

# the settings' key of the choice (app.core.outbox.notices.Show's values)
SETTING = "notifications"
OPEN = QT_TRANSLATE_NOOP("Notices", "Show in Outbox")
OPEN_SENT = QT_TRANSLATE_NOOP("Notices", "Show in Sent")


class Notifier:
    """``news``: the core's events as signals; ``settings()``: the settings in use (None: the defaults);
    ``active()``: whether the window is the active one; ``open_row(local_id)``: the window comes up with that
    message's Outbox row selected; ``spawn``: runs a coroutine as the window's task; ``bus``: the notification
    server's adapter (:class:`app.ui.notify.desktop_bus.NotificationBus`: made here when not given);
    ``known(message_id)``: the subject of a message this window sent and when (None: not one of its own);
    ``open_sent(message_id)``: the window comes up with that message's Sent row selected."""

    def __init__(self, news, settings: Callable, active: Callable[[], bool], open_row: Callable[[str], None],
                 spawn: Callable, bus=None, known: Callable = lambda _mid: None,
                 open_sent: Callable[[str], None] = lambda _mid: None):
        self.news, self.settings, self.active, self.open_row, self.spawn = news, settings, active, open_row, spawn
        self.known, self.open_sent = known, open_sent
        self.book = NoticeBook()
        if bus is None:
            from app.ui.notify.desktop_bus import NotificationBus

            bus = NotificationBus("Dispatch", self._action)  # the product's name: not translated
        self.bus = bus
        self._rows: dict[int, Notice] = {}  # a notification's id -> the notice (the row its action opens)
        self._shown: dict = {}  # a kind -> the id of its notification shown last (a count replaces it)
        self._one_at_a_time = asyncio.Lock()  # a count waits for the id of the notification it replaces
        self._look = QTimer()  # the queue looked at once per turn of the loop, however many changes it had
        self._look.setSingleShot(True)
        self._look.setInterval(0)
        self._look.timeout.connect(self._seen)
        news.changed.connect(self._look.start)
        news.command_handed_over.connect(self.book.handed_over)
        news.finished.connect(self._finished)
        news.reports_read.connect(self._reports_read)
        QGuiApplication.instance().focusWindowChanged.connect(self._focus_moved)

    def show(self) -> Show:
        s = self.settings()
        return show_of(s.get(SETTING, DEFAULT.value)) if s is not None else DEFAULT

    def choose(self, show: Show) -> None:
        """Keep the user's choice (the settings file)."""
        s = self.settings()
        if s is not None and s.get(SETTING, DEFAULT.value) != show.value:
            s.set(SETTING, show.value)

    def _seen(self) -> None:
        """The messages held for later now (a release clears its hold's kind: the book remembers them)."""
        outbox = self.news.outbox
        if outbox is not None and self.show() != Show.OFF:
            self.book.seen(outbox.queue.submissions())

    def _finished(self, sub) -> None:
        notice = self.book.finished(sub, show=self.show(), active=self.active())
        if notice is not None:
            self.spawn(self._notify(notice))

    def _reports_read(self, reports) -> None:
        """The delivery watch read new reports: a notice for each sent message one says did not reach someone."""
        now = datetime.now(timezone.utc)
        for mid, subject, who in bounces(reports, self.known, now):
            notice = self.book.bounced(subject, who, mid, show=self.show(), active=self.active())
            if notice is not None:
                self.spawn(self._notify(notice))

    def _focus_moved(self, _window) -> None:
        if self.active():  # the user is back in the window: what happened meanwhile is seen
            self.book.attended()

    async def _notify(self, notice: Notice) -> None:
        async with self._one_at_a_time:
            replaces = self._shown.get(notice.kind, 0) if notice.replaces else 0
            action = OPEN_SENT if notice.kind is Kind.BOUNCED else OPEN
            nid = await self.bus.notify(shown(notice.title), shown(notice.text), translate("Notices", action), replaces)
            if nid is not None:
                self._rows[nid] = notice
                self._shown[notice.kind] = nid

    def _action(self, nid: int, key: str) -> None:
        """The user invoked an action on one of this window's notifications: its row is opened."""
        notice = self._rows.get(nid)
        if notice is None or key != "default":
            return
        if notice.kind is Kind.BOUNCED:
            self.open_sent(notice.message_id)
        else:
            self.open_row(notice.local_id)

    def closed(self) -> None:
        """The window is gone: the notification server's connection goes (on the loop, when one runs)."""
        self._look.stop()
        QGuiApplication.instance().focusWindowChanged.disconnect(self._focus_moved)
        try:
            asyncio.ensure_future(self.bus.close())
        except RuntimeError:  # no event loop any more: the process ends, and the connection with it
            pass
