"""The Outbox's rows of the messages Exchange keeps for a time (send later, deferred on the server). Wiring only:
the list and the hand on it are the core's (app/core/scheduled/held.py, the account runtime's ``scheduled``).

- **When it is read**: once the account is connected, on F5 (Refresh), when the Outbox comes on screen after more
  than :data:`STALE_S`, and every :data:`READ_EVERY_MS` while it is on screen; never two reads at once. A read that
  fails is said only when the user asked for it (F5); the rows stay as last read.
- **Enter**: taken back (moved to Drafts, its time removed) and opened in Compose; what Compose held goes to Drafts
  first. **Ctrl+R** (Send now): taken back and sent at once. **Ctrl+Shift+T** (Change time…): the Send later dialog,
  then taken back and scheduled again. **Delete**: asked first, then moved to Deleted Items.
- **The race is said**: when Exchange (or another computer) was first, what the core found is said assertively
  ("Already sent at 08:00 — it is in Sent", "Already taken back … it is in Drafts"), and the list it names reloads.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

from PySide6.QtCore import QObject, QTimer

from app.core.accounts.session import ConnectionState
from app.domain.models import Folder
from app.mail.errors import MailError
from app.ui.common import spoken
from app.ui.common.tr import shown, translate

log = logging.getLogger(__name__)

READ_EVERY_MS = 3 * 60 * 1000
STALE_S = 60.0


class KeptRows(QObject):
    """``bridge``: the window's journal bridge (its port, flows, Compose, the account runtime)."""

    def __init__(self, bridge, parent):
        super().__init__(parent)
        self.bridge = bridge
        self._views = []
        self._reading = False
        self._read_at: float | None = None
        self.dialog = None
        self._question = None
        self.timer = QTimer(self)
        self.timer.setInterval(READ_EVERY_MS)
        self.timer.timeout.connect(self._tick)

    def listing(self):
        rt = self.bridge.runtime
        return rt.scheduled if rt is not None and self.bridge.outbox is not None else None

    def wire(self, view) -> None:
        view.scheduled = self.listing
        view.kept_requested.connect(self.act)
        view.seen.connect(self._seen)
        self._views.append(view)

    # ---- reading ----
    def session_news(self, session, payload) -> None:
        """A session's news: read once the one in use is connected (then every READ_EVERY_MS while shown)."""
        if session is self.bridge.port.session and payload[0] == ConnectionState.CONNECTED:
            self.timer.start()
            self.read()

    def _seen(self) -> None:
        if self._read_at is None or time.monotonic() - self._read_at > STALE_S:
            self.read()

    def _tick(self) -> None:
        if self.bridge.flows.closed:  # a closed window's timer, still running until the window is gone, reads nothing
            self.timer.stop()
        elif any(v.isVisible() for v in self._views):
            self.read()

    def read(self, asked: bool = False) -> None:
        listing = self.listing()
        if listing is not None and not self._reading and not self.bridge.flows.closed:
            self._reading = True
            self.bridge.flows.spawn(self._read(listing, asked))

    async def _read(self, listing, asked: bool) -> None:
        try:
            await listing.refresh()
            self._read_at = time.monotonic()
        except (MailError, OSError) as exc:  # offline, signed out: the rows stay as last read
            log.info("the server's Outbox was not read: %s", type(exc).__name__)
            if asked:
                self.bridge.port.say(translate("OutboxKept", "The server's Outbox could not be read: {why}").format(
                    why=self.bridge.flows.explain_exc(exc)), ms=8000)
        finally:
            self._reading = False

    # ---- the hand ----
    def act(self, what: str, kept_id: str) -> None:
        listing = self.listing()
        item = listing.find(kept_id) if listing is not None else None
        if item is None:
            self.bridge.port.say(translate("OutboxKept", "It is no longer in the Outbox: press F5 to read it again"),
                                 ms=8000)
            return
        if what == "take_back":
            if self.bridge.flows.stash_current():
                self.bridge.flows.spawn(self._take_back(listing, item))
        elif what == "send_now":
            self.bridge.flows.spawn(self._done(listing.send_now(item)))
        elif what == "delete":
            self._ask_delete(listing, item)
        elif what == "change_time":
            self._ask_time(listing, item)

    async def _take_back(self, listing, item) -> None:
        out = await self._outcome(listing.take_back(item))
        if out is None:
            return
        if out.draft is None:
            self._said(out)
            return
        if not self.bridge.flows.stash_current():  # typed meanwhile and not savable: it stays in Drafts
            self._tell(translate("OutboxKept", "Taken back: it is in Drafts, not sent (fix the message on screen "
                                               "first to open it)"))
            self.bridge.drafts.model.reload()
            return
        c = self.bridge.compose
        c.load(out.draft)
        self.bridge.port.show_view("compose")
        c.to.setFocus()
        self._tell(translate("OutboxKept", "Taken back from Exchange: not sent, its time removed; the message is back "
                                           "in Compose"))

    async def _done(self, aw) -> None:
        out = await self._outcome(aw)
        if out is not None:
            self._said(out)

    async def _outcome(self, aw):
        """The core's outcome, or None when the server could not be asked (said)."""
        try:
            return await aw
        except (MailError, OSError) as exc:
            self._tell(translate("OutboxKept", "Nothing changed: {why}").format(why=self.bridge.flows.explain_exc(exc)),
                       assertive=True)
            return None

    def _said(self, out) -> None:
        """What the hand came to: the core's words (the race: where it went, assertively); the list it names reloads."""
        if out.where == Folder.SENT:
            self.bridge.sent.model.reload()
        elif out.where == Folder.DRAFTS:
            self.bridge.drafts.model.reload()
        if out.words:
            self._tell(shown(out.words), assertive=not out.done)
        elif out.done:
            self._tell(translate("OutboxKept", "Deleted: it will not be sent (it is in Deleted Items)"))

    def _tell(self, words: str, assertive: bool = False) -> None:
        spoken.show(self.bridge.port, shown(words), 8000, loud=assertive)

    def _ask_delete(self, listing, item) -> None:
        from PySide6.QtWidgets import QMessageBox

        title = translate("OutboxKept", "Delete this message?")
        box = QMessageBox(QMessageBox.Question, title,
                          translate("OutboxKept", "Exchange will not send it: it goes to Deleted Items."),
                          QMessageBox.NoButton, self.bridge.port.dialog_parent)
        delete = box.addButton(translate("OutboxKept", "Delete"), QMessageBox.DestructiveRole)
        box.setDefaultButton(box.addButton(translate("OutboxKept", "Keep"), QMessageBox.RejectRole))  # Enter keeps it
        box.setAccessibleName(title)
        box.finished.connect(lambda _r: box.clickedButton() is delete and self.bridge.flows.spawn(
            self._done(listing.delete(item))))
        self._question = box
        box.open()

    def _ask_time(self, listing, item) -> None:
        from app.ui.compose.send_timing import SendLaterDialog

        port = self.bridge.port
        self.dialog = SendLaterDialog(port.dialog_parent)
        self.dialog.chosen.connect(lambda ts: self.bridge.flows.spawn(
            self._done(listing.change_time(item, datetime.fromtimestamp(ts, timezone.utc)))))
        self.dialog.refused.connect(lambda words: spoken.assertive(port, words))
        self.dialog.finished.connect(lambda _r: port.activate())
        self.dialog.show()
        self.dialog.activateWindow()
