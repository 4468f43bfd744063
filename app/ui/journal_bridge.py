"""Wires the window to the local journal: autosave while typing, recovery at start, the outbox.

``attach(window)`` (called once by app_main after ``finish_setup``) connects:
- ``compose.changed`` -> :meth:`Autosave.touch` (recorded within 1.5 s, see app.core.autosave); a new
  message gets its Internet Message-ID at its first keystroke (``compose.set_saved``) so that a send
  cut off by a crash can be looked up instead of repeated;
- view switch (``stack.currentChanged``), Save, Send and quit -> ``autosave.flush()``;
- ``draft_saved`` / ``message_sent`` / ``batch_sent`` -> the journal entry leaves once the server confirmed;
- start-up: the newest unsaved message reopens in Compose; other recovered messages are saved to the
  server's Drafts through the :class:`Outbox`; a send that was in flight when the app died is looked up
  by Message-ID: found in Sent Items -> done; otherwise it reopens as a draft (never resent blindly);
- the window's Save/Send failing because the server is unreachable (session goes "offline") -> the
  Outbox takes the message (Compose is cleared for a send) and retries when the server is back;
- View > Outbox (Ctrl+4) shows the Outbox rows (``outbox_view()`` gives the widget for a page).
"""

from __future__ import annotations

import asyncio
import logging
import time

from PySide6.QtCore import QEvent, QObject

from app.core.autosave import Autosave
from app.core.outbox import Outbox
from app.core.retry import new_message_id
from app.domain.models import Folder
from app.storage.journal import Journal, State

log = logging.getLogger(__name__)


class JournalBridge:
    def __init__(self, window, journal: Journal | None = None):
        self.w = window
        self.journal = journal or Journal()
        self.autosave = Autosave(self.journal, on_error=self._autosave_failed)
        self.outbox: Outbox | None = None
        self._client = None
        self._save_versions: dict[str, int | None] = {}
        self._pending_save = self._pending_send = None  # (local_id, when) of the window's Save/Send
        self._loop = asyncio.get_event_loop()  # built in the app's (qasync) loop
        self._resumed = False
        self._signed_in: asyncio.Event | None = None
        self._views: list = []
        self._tasks: set[asyncio.Task] = set()
        c = window.compose
        c.changed.connect(self._changed)
        c.about_to_load.connect(lambda: self.autosave.flush())  # lazy reads below see the old message
        c.save_requested.connect(self._before_save)
        c.send_requested.connect(self._before_send)
        window.draft_saved.connect(self._saved)
        window.message_sent.connect(self._sent)
        window.batch_sent.connect(lambda outcomes: [self._sent(o) for o in outcomes])
        window.state_changed.connect(self._state)
        window.stack.currentChanged.connect(lambda *_: self.autosave.flush())
        from PySide6.QtWidgets import QApplication

        QApplication.instance().aboutToQuit.connect(self.close)
        QApplication.instance().lastWindowClosed.connect(self.autosave.flush)
        self._close_watch = _CloseWatch(self.autosave.flush, window)  # the window's own close, too
        window.installEventFilter(self._close_watch)
        self._restoring: set[str] = set()  # recovered messages on their way to the server's Drafts
        self._restored = 0
        self.recovered = self._reopen()
        self._outbox_window = None
        self.outbox_action = self._install_action()
        s = getattr(window, "session", None)
        if s is not None and getattr(s.state, "value", s.state) == "connected":  # attached late
            self._state("connected")

    # ---- typing ----
    def _changed(self) -> None:
        c = self.w.compose
        if not c.identity().internet_message_id:
            d = c.draft()
            c.set_saved(d.copy(internet_message_id=new_message_id()))  # only the identity fields are taken
        # Lazy: the draft (a 10 MB body, say) is read once per journal write, not once per keystroke.
        self.autosave.touch(c.draft, c.identity().local_id)

    def _before_save(self) -> None:
        d = self.w.compose.draft()
        if d.is_empty():
            return
        self._save_versions[d.local_id] = self.autosave.record_now(d)
        self._pending_save = (d.local_id, time.monotonic())

    def _before_send(self) -> None:
        d = self.w.compose.draft()
        if not d.is_empty():
            self.autosave.record_now(d, State.SENDING)  # a crash from now on: settle by Message-ID
            self._pending_send = (d.local_id, time.monotonic())

    def _saved(self, saved) -> None:
        if self._pending_save and self._pending_save[0] == saved.local_id:
            self._pending_save = None
        self.journal.confirm_saved(saved.local_id, saved.ref, self._save_versions.pop(saved.local_id, None))

    def _sent(self, outcome) -> None:
        lid = getattr(outcome, "local_id", "")
        if self._pending_send and self._pending_send[0] == lid:
            self._pending_send = None
        if not lid:
            return
        if outcome.ok:
            self.autosave.forget(lid)
            self.journal.confirm_sent(lid)
        elif self.journal.get(lid) is not None:
            self.journal.set_state(lid, State.EDITING, error=outcome.explanation or outcome.code)

    def _autosave_failed(self, exc) -> None:
        try:
            self.w.show_error(f"Could not keep a local copy of this message ({type(exc).__name__}).")
        except Exception:  # noqa: BLE001
            pass

    # ---- start-up recovery ----
    def _reopen(self) -> int:
        drafts, _ = self.journal.recover()
        reopen = [e for e in drafts if not e.op]
        if reopen and self.w.compose.draft().is_empty():
            newest = max(reopen, key=lambda e: e.updated)
            self.w.compose.load(newest.draft)
            others = len(drafts) - 1
            more = f"; {_n_messages(others, 'other unsaved')} go to Drafts when the server is reached" if others else ""
            try:
                self.w.statusBar().showMessage("Reopened the message you were writing" + more, 15000)
            except Exception:  # noqa: BLE001
                pass
        return len(drafts)

    def _ensure_outbox(self) -> Outbox | None:
        session = getattr(self.w, "session", None)
        if session is None:
            return None
        if self._client is not session.client:
            self._client = session.client
            if self.outbox is not None:  # the session changed (e.g. signed in again): the old one stops
                self._loop.create_task(self.outbox.stop())
            self.outbox = Outbox(session.client, self.journal, on_saved=self._outbox_saved, reauth=self._reauth)
            self._resumed = False
            for view in self._views:
                view.set_outbox(self.outbox)
        return self.outbox

    async def _reauth(self) -> bool:
        """A 401 while the Outbox worked: say so (non-modal banner with Retry; the refused re-connect
        opens the non-modal password prompt, app.ui.security) and wait until the session is connected
        again (a new password, Retry, or a new sign-in); the Outbox then resumes."""
        self._signed_in = asyncio.Event()
        session = getattr(self.w, "session", None)
        try:  # a passing 401 (e.g. a server restart): signing in again with what we have is enough
            await session.connect()
            return True
        except Exception:  # noqa: BLE001 - AuthFailed & co: the session shows it; ask the user
            pass
        try:
            self.w.show_error("The server asked to sign in again. Messages in the Outbox wait until you do "
                              "(enter the password, or Retry).", retry=True)
        except Exception:  # noqa: BLE001
            pass
        await self._signed_in.wait()
        return True

    def _state(self, state: str) -> None:
        if state == "connected" and self._signed_in is not None:
            self._signed_in.set()
        if state == "connected":
            ob = self._ensure_outbox()
            if ob is not None and not self._resumed:
                self._resumed = True
                task = asyncio.ensure_future(self._resume(), loop=self._loop)
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            elif ob is not None:
                ob.kick()
        elif state in ("offline", "auth_failed") and (self._pending_save or self._pending_send):
            # unreachable, or a 401 (the password prompt is open): the Outbox takes it and waits
            self._loop.call_later(0.3, self._queue_unreachable)

    def _queue_unreachable(self) -> None:
        """The window's Save/Send failed because the server could not be reached: the Outbox takes
        over and retries when the connection returns (looking the message up first)."""
        if getattr(getattr(self.w, "flows", None), "sending", 0) or self._ensure_outbox() is None:
            return
        c = self.w.compose
        fresh = lambda p: p[0] if p and time.monotonic() - p[1] < 300 else None  # noqa: E731
        lid, self._pending_send = fresh(self._pending_send), None
        if lid and self.journal.get(lid) is not None:
            self.outbox.send(self.journal.get(lid).draft, settle_first=True)
            if c.draft().local_id == lid:
                c.clear()
            self.w.statusBar().showMessage("No connection: the message is in the Outbox and goes out when the server is back", 10000)
        lid, self._pending_save = fresh(self._pending_save), None
        if lid and self.journal.get(lid) is not None:
            self.outbox.queue_save(self.journal.get(lid).draft, settle_first=True)
            if c.draft().local_id == lid:
                c.state_label.setText(NOT_ON_SERVER)
            self.w.statusBar().showMessage("No connection: kept on this computer; saved to the server when it is back", 10000)

    def _outbox_saved(self, saved) -> None:
        c = self.w.compose
        if c.draft().local_id == saved.local_id:
            c.set_saved(saved)  # the editor adopts the server's identity (no second CreateItem)
            edited = self.journal.get(saved.local_id) is not None or saved.local_id in self.autosave.pending
            c.state_label.setText("Edited" if edited else "Saved")
        if saved.local_id in self._restoring:  # a message recovered after a crash reached Drafts
            self._restoring.discard(saved.local_id)
            self._restored += 1
            if not self._restoring:
                self.w.statusBar().showMessage(f"{_n_messages(self._restored, 'other unsaved')} "
                                               f"{'was' if self._restored == 1 else 'were'} restored to Drafts", 15000)
                self._restored = 0
                try:
                    self.w.drafts.model.reload()
                except Exception:  # noqa: BLE001 - the list refreshes on its own later
                    pass

    def _install_action(self):
        """The Outbox as a fourth page of the window: sidebar entry, View > Outbox, Ctrl+4."""
        self._outbox_window = self.outbox_view()
        self._outbox_window.setAccessibleName("Outbox: messages waiting for the server")
        act = self.w.add_view("outbox", "Outbox", self._outbox_window, icon_name="outbox", shortcut="Ctrl+4")
        act.setObjectName("actViewOutbox")
        act.setToolTip("Outbox: messages waiting for the server (Ctrl+4)")
        return act

    def show_outbox(self):
        self.w.show_view("outbox")
        return self._outbox_window

    def outbox_view(self, parent=None):
        """An Outbox view bound to this bridge's outbox (re-bound when the session changes)."""
        from app.ui.outbox_view import OutboxView

        view = OutboxView(parent)
        view.set_outbox(self.outbox)
        self._views.append(view)
        return view

    async def _resume(self) -> None:
        """After a crash: settle what may have reached the server (by Message-ID), push other recovered
        messages to Drafts, resume the outbox."""
        c = self.w.compose
        current = c.draft().local_id
        for e in self.journal.entries():
            if e.op:  # the outbox's own work: restore() below
                continue
            d, lid = e.draft, e.local_id
            if d.ref is None and d.internet_message_id:  # a save/send may have happened before the crash
                try:
                    where = await self._client.find_by_message_id(d.internet_message_id)
                except Exception as exc:  # noqa: BLE001 - offline: try again at the next connect
                    log.info("could not look up a recovered message yet: %s", getattr(exc, "code", type(exc).__name__))
                    self._resumed = False
                    return
                if where.get(Folder.SENT):  # it went out: never offer it again
                    self.journal.confirm_sent(lid)
                    if lid == c.draft().local_id:
                        c.clear()
                    continue
                if where.get(Folder.DRAFTS):  # saved before the crash: keep editing THAT draft
                    ref = where[Folder.DRAFTS][0]
                    self.journal.set_server_identity(lid, ref)
                    if lid == c.draft().local_id:
                        c.set_saved(c.draft().copy(ref=ref))
            if e.state == State.SENDING:  # not sent: a draft again
                self.journal.set_state(lid, State.EDITING)
                if c.draft().is_empty():
                    c.load(self.journal.get(lid).draft)
                    current = lid
                    continue
            if lid != current and lid != c.draft().local_id:
                self.journal.set_state(lid, State.OUTBOX_WAITING, op="save")
                self._restoring.add(lid)
        self.outbox.restore()
        self.outbox.start()

    def close(self) -> None:
        self.autosave.close()


NOT_ON_SERVER = "Kept on this computer — not on server yet"


def _n_messages(n: int, what: str) -> str:
    return f"{n} {what} message{'' if n == 1 else 's'}"


class _CloseWatch(QObject):
    """Event filter: ``fn()`` when the window gets its Close event (before it may be refused)."""

    def __init__(self, fn, parent):
        super().__init__(parent)
        self._fn = fn

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Close:
            self._fn()
        return False


def attach(window) -> JournalBridge | None:
    """Connect the window to the journal. Never fails the start: without a journal the app still runs."""
    try:
        bridge = JournalBridge(window)
    except Exception:  # noqa: BLE001
        log.exception("the local journal could not be opened; messages are not kept locally")
        return None
    window.journal_bridge = bridge
    return bridge
