"""Wires the window to the local journal and the account's send queue. Wiring only: every decision
(what is sent, when, what recovery does) is made in Qt-free core code (:mod:`app.core.outbox`,
:mod:`app.core.compose.recovery`, :mod:`app.core.compose.autosave`).

Built by :meth:`MainWindow.finish_setup` (the window's part ``journal_bridge``) with the shell's port (app.ui.common.port) and
the views it follows; it connects:

- ``compose.changed`` -> :meth:`Autosave.touch` (recorded within 1.5 s); a new message gets its Internet
  Message-ID at its first keystroke, so a save or send cut off by a crash can be looked up;
- view switch, quit and loading another message -> ``autosave.flush()``;
- ``port.session_changed`` -> everything local is scoped to the new account: what was typed is
  recorded under the previous account first, Compose is cleared, the account's own Outbox is built
  (``session.outbox``: the one path every send takes) and restores that account's unfinished work once the
  account's lock is this window's (:mod:`app.core.account_queue`, built as a command builds it: while a
  ``dispatch-mail`` command or another window has it, the Outbox and the status bar say so), and its door
  takes commands' messages into that Outbox;
  the newest message the account was writing reopens in Compose;
- connected -> recovered messages are looked up and queued for Drafts (:func:`app.core.compose.recovery.resume`),
  and waiting work is retried at once;
- the Outbox as a fourth view (Ctrl+4).
"""

from __future__ import annotations

import asyncio
import logging
import time

from PySide6.QtCore import QEvent, QObject

from app.core.compose import recovery
from app.core.account_queue.driver import AccountQueue, DeskWiring
from app.core.account_queue.keeper import SHORT
from app.core.account_queue.runtime import AccountRuntime, waiting_elsewhere
from app.core.compose.autosave import Autosave
from app.core.scripts.doors import WINDOW
from app.core.common.journal_writer import JournalWriter
from app.core.outbox import Outbox
from app.core.outbox import NotCancellable, sources
from app.core.outbox.rows import send_view
from app.domain.models import new_message_id
from app.domain import words
from app.domain.words import QT_TRANSLATE_NOOP
from app.storage.journal import Journal
from app.storage.journal_file import JournalUnavailable
from app.ui.compose.compose_view import SAVED
from app.ui.compose.from_flows import show_refusal
from app.ui.common.port import Flows, Level, ShellPort
from app.ui.common.tr import counted, shown, translate
from app.ui.compose.send_timing import TOO_LATE
from app.ui.lists.newer_marks import NewerMarks
from app.ui.outbox.outbox_kept import KeptRows
from app.ui.outbox.outbox_sent import wire_sent_rows
from app.ui.common import spoken

log = logging.getLogger(__name__)

SENT_RELOAD_MS = 250
SENT_RELOAD_MAX_S = 2.0
LEAVE_MS = 60
BACK_IN_COMPOSE = QT_TRANSLATE_NOOP("JournalBridge", "Sending cancelled: the message is back in Compose")
UNPROTECTED = QT_TRANSLATE_NOOP("JournalBridge", "Typing is not protected: the local journal cannot be written "
                                                 "({why}). Messages are only kept once saved to the server.")
NOT_PROTECTED = QT_TRANSLATE_NOOP("JournalBridge", "Typing is not protected")
RESTORED = words.translate("JournalBridge", "%Ln other unsaved message(s) were restored to Drafts", None, 0)


class JournalBridge:
    def __init__(self, port: ShellPort, news, flows: Flows, compose, drafts, sent, journal: Journal | None = None,
                 opener=None):
        """``port``: the shell's (app.ui.common.port); ``news``: the core's events as signals
        (app.ui.common.core_events), pointed at each account's Outbox and queue as they come; ``flows``: the window's
        workflows (its send requests, the stash before Compose is replaced); the views it follows; ``opener(link)``:
        the shell's, given what a second start of the window hands over through the account's door."""
        self.port, self.flows = port, flows
        self.opener = opener
        self.compose, self.drafts, self.sent = compose, drafts, sent
        self.news = news
        news.saved_first.connect(self._saved)  # before anyone says what happened: Compose, the lists in line
        news.finished_first.connect(self._finished)
        news.queue_held_elsewhere.connect(self._say_waiting)
        news.queue_started.connect(self._queue_started)
        self.journal = journal if journal is not None else self._open_journal()
        # ONE journal thread for autosave and every account's Outbox: typing never waits on the disk,
        # and writes reach it in the order they were made
        self.writer = JournalWriter()
        self.autosave = Autosave(self.journal, writer=self.writer)
        news.draft_kept.connect(self._kept)
        news.autosave_failed.connect(self._autosave_failed)
        news.follow_autosave(self.autosave)
        self.outbox: Outbox | None = None
        self.account_queue: AccountQueue | None = None  # the account in use: its lock, Outbox and door
        self.runtime: AccountRuntime | None = None  # its life (app.core.account_queue.runtime)
        self._letting_go: asyncio.Future | None = None
        self.account = ""
        self.recovery_report: dict = {}  # local_id -> branch, for this start (logged too)
        self._resumed_for = None  # the session whose recovered messages were handled
        self._note = ""  # "Reopened the message you were writing…", said again once connected
        self._moved = ""  # "Send later: 1 message held on this computer is now kept by Exchange…", said again then
        self._restoring: set[str] = set()  # recovered messages on their way to the server's Drafts
        self._restored = 0
        self._when_open: list = []  # what waits for an account's queue to be open here (a link given at start)
        # the rows of what the server keeps for a time (send later): read, and acted on (app/ui/outbox/outbox_kept.py)
        self.kept = KeptRows(self, port.dialog_parent)
        self._sent_timer = None
        self._sent_since = 0.0
        self._sent_settled_timer = None
        self._sent_stale = False  # sends finished while another page was shown: reload Sent when it is shown
        self._leave_timer = None
        self._leaving: set[str] = set()  # sent drafts' ids, to leave the Drafts list together
        self._tasks: set[asyncio.Task] = set()
        self._views: list = []
        c = compose
        c.changed.connect(self._changed)
        c.about_to_load.connect(self.autosave.flush)  # lazy reads below see the old message
        port.view_changed.connect(lambda *_: self.autosave.flush())
        port.view_changed.connect(self._catch_up_sent)
        self.newer_marks = NewerMarks(port, drafts, self)  # Drafts marks drafts with a newer version here
        port.session_changed.connect(self._session_changed)
        port.state_changed.connect(self._state)
        from PySide6.QtWidgets import QApplication

        QApplication.instance().aboutToQuit.connect(self.close)
        QApplication.instance().lastWindowClosed.connect(self.autosave.flush)
        self._close_watch = _CloseWatch(self.autosave.flush, port.dialog_parent)  # the window's own close, too
        port.watch_close(self._close_watch)
        self._outbox_window = None
        self.outbox_action = self._install_action()
        if self.journal.moved_aside is not None:
            port.journal_notice(translate("JournalBridge", "Journal replaced"),
                                translate("JournalBridge", "The local journal was damaged: it was set aside as "
                                                           "{name} and a new one started.")
                                .format(name=self.journal.moved_aside.name), warning=False)
        if port.session is not None:  # attached after the session was set
            self._session_changed(port.session)
        if c.dirty:  # typed at ready, before the journal was open: recorded now, not at the next keystroke
            self._changed()

    def _open_journal(self) -> Journal:
        try:
            return Journal()
        except JournalUnavailable as exc:
            log.warning("journal unavailable: %s", exc)
            self.port.journal_notice(translate("JournalBridge", NOT_PROTECTED),
                                     translate("JournalBridge", UNPROTECTED).format(
                                         why=shown(exc.args[0] if exc.args else exc)))
            return Journal(":memory:")

    # ---- typing ----
    def _changed(self) -> None:
        c = self.compose
        if not c.identity().internet_message_id:
            c.set_saved(c.identity().copy(internet_message_id=new_message_id()))  # identity fields only
        # Lazy: the draft is taken once per journal write, not once per keystroke; a plain body as the
        # mirror's chunks, joined on the journal thread (ComposeView.snapshot); a long rich body (Qt's
        # toHtml() of the whole) only when typing pauses
        self.autosave.touch(c.snapshot, c.identity().local_id, pause_only=c.saves_on_pause())

    def _kept(self, local_id: str) -> None:
        """What was typed is in the journal: Compose says so ("Not saved" would be untrue
        once the journal has the text), unless more was typed since (its write is pending) or it says more than that."""
        c = self.compose
        if c.identity().local_id != local_id or local_id in self.autosave.pending:
            return
        if not self.journal.persistent:  # kept in memory only ("Typing is not protected"): not on this computer
            return
        if c.state() == c.unsaved_words(False):  # "Not saved" / "Edited — not saved to the server"
            c.show_state(c.unsaved_words(True))

    def _autosave_failed(self, exc) -> None:
        self.port.journal_notice(translate("JournalBridge", NOT_PROTECTED),
                                 translate("JournalBridge", UNPROTECTED).format(why=type(exc).__name__))

    # ---- accounts (decided in app.core.account_queue; shown here) ----
    def _session_changed(self, session) -> None:
        """Another account is in use: nothing local of the previous one is shown, queued or sent."""
        self.autosave.flush()  # what was typed belongs to the previous account
        if self.outbox is not None and (session is None or session.outbox is not self.outbox):
            self.outbox.news.clear()
        if self.account_queue is not None:  # its session is closed already: its lock and door go at once
            self.account_queue.shut()
        c = self.compose
        if self.account and (session is None or session.account.key != self.account):
            c.clear()
        self.outbox, self.runtime, self.account_queue = None, None, None
        self.news.follow_queue(None)  # the previous account's queue tells this window no more
        self.account = session.account.key if session is not None else ""
        self.autosave.account = self.account
        if session is not None:
            # the account's lock first (one process drives its queue), then its Outbox, then its door
            self.account_queue = AccountQueue(session.account, self._desk_wiring(session.account), kind=WINDOW,
                                              reauth=self._reauth)
            self.news.follow_queue(self.account_queue)  # who holds it meanwhile; its start once waited for
            self.outbox = self.account_queue.start(session, self.journal, self.writer)
            self.runtime = self.account_queue.runtime
            if self.outbox is not None:
                self._queue_opened()
            else:
                self._say_waiting(self.account_queue.waiting)
        self._show_queue()

    def _queue_opened(self) -> None:
        if self.runtime.handover_note:
            self._note = self.runtime.handover_note
            self.port.say(shown(self._note), ms=15000)
        self._moved = self.runtime.moved_note  # send later held here by an older version: now to the server
        if self._moved:
            spoken.show(self.port, shown(self._moved), 15000)
        self._reopen()
        waiting, self._when_open = self._when_open, []
        for then in waiting:
            then()

    def when_open(self, then) -> None:
        """``then()`` once an account's queue is open in this window and the message the journal reopens is in
        Compose (now, if it is): what is opened then never replaces it unseen."""
        if self.outbox is not None:
            then()
        else:
            self._when_open.append(then)

    def _show_queue(self) -> None:
        self.news.follow(self.outbox)
        self.news.follow_delivery(self.delivery())
        self.news.follow_scheduled(self.kept.listing())
        elsewhere = waiting_elsewhere(self.journal, self.account)
        waiting = self.waiting
        for view in self._views:
            view.set_outbox(self.outbox)
            view.set_elsewhere(elsewhere)
            view.set_held_elsewhere(waiting)

    def delivery(self):
        """The account's delivery watch (app.core.delivery.watch; None: no account's queue here)."""
        return self.runtime.delivery if self.runtime is not None else None

    @property
    def waiting(self) -> str:
        """Why this window does not send for its account now ("" : it does)."""
        return self.account_queue.waiting if self.account_queue is not None else ""

    def _say_waiting(self, words: str) -> None:
        """Another process has the account's queue (``words``: who), or no longer (""): the status bar and the
        Outbox say it while it is true."""
        said = {shown(w) for w in SHORT}  # the words as the user read them
        if words:
            self.port.say(shown(words), ms=15000)
        else:
            self.port.unsay(said)  # no longer true
        self.port.queue_state(SHORT.get(words, words), words)
        c = self.compose
        if not words and any(c.error_text().endswith(w) for w in said):  # "Not sent: … <why>" is no longer true
            c.set_error("")
        for view in self._views:
            view.set_held_elsewhere(words)

    def _queue_started(self, outbox) -> None:
        """The queue waited for is this window's now: restored from the journal (what the command left), shown,
        and sent once connected."""
        self.outbox = outbox
        self._queue_opened()
        self._show_queue()
        session = self.port.session
        if session is not None and session.state.value == "connected":
            self._state("connected")

    def _desk_wiring(self, account) -> DeskWiring:
        """How this window's door answers a command (app.core.scripts.desk): the same desk a command drives with,
        its sends counted with the window's own (quitting asks while any is on its way)."""
        settings, flows = self.port.settings, self.flows
        return DeskWiring(configured=settings.account if settings is not None else (lambda: None),
                          principals=(lambda: settings.principals(account)) if settings is not None else list,
                          sending=lambda: flows.sender,
                          taken_back=self._taken_back, opener=self.opener)

    def _taken_back(self, draft) -> None:
        """``dispatch-mail outbox cancel`` took a message out: it is shown again, in Compose when nothing is being
        written there, else saved to Drafts (nothing vanishes)."""
        c = self.compose
        if c.is_empty() and c.identity().ref is None:
            c.load(draft)
            c.show_unsaved_edits(kept=self.journal.persistent)
            self._tell(translate("JournalBridge", "Taken out of the Outbox by dispatch-mail: the message is back in "
                                                  "Compose"))
        elif self.outbox is not None:
            self._keep(self.outbox.save(draft, wait=False))
            self._tell(translate("JournalBridge", "Taken out of the Outbox by dispatch-mail: the message goes to "
                                                  "Drafts"))

    def let_go(self):
        """The window quits: the account's door and lock are let go (app.core.account_queue). An awaitable, or
        None when done at once (no event loop runs)."""
        if self._letting_go is None and self.account_queue is not None:
            account_queue, self.account_queue = self.account_queue, None
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                account_queue.shut()
                return None
            self._letting_go = asyncio.ensure_future(account_queue.close())
        return self._letting_go

    def _reopen(self) -> None:
        c = self.compose
        entry = self.runtime.to_reopen()
        if entry is None:
            return
        if c.identity().local_id != entry.local_id:  # else Compose shows it since the start (setup_steps.reopen_early)
            if not c.is_empty():
                return
            c.load(entry.draft)
            c.show_unsaved_edits(kept=self.journal.persistent)  # newer than the server's copy: leaving it saves it
        self._note = self.runtime.reopened(entry)
        self.port.say(shown(self._note), ms=15000)

    def _state(self, state: str) -> None:
        session = self.port.session
        if state != "connected" or session is None or self.outbox is None:
            return
        if self._signed_in is not None:
            self._signed_in.set()
        if self._resumed_for is not session:
            self._resumed_for = session
            self._keep(self._resume(session, self.outbox))
        self.outbox.hand.kick()

    async def _resume(self, session, outbox) -> None:
        said = [shown(n) for n in (self._note, self._moved) if n]
        if said:  # "Connecting…" took the status bar meanwhile: say it again
            self.port.say(" — ".join(said), ms=15000)
            self._note = self._moved = ""
        runtime = self.runtime
        c = self.compose

        def keep() -> set[str]:  # asked at each decision: the user may begin a message while the server is asked
            return {c.identity().local_id}
        self._restoring.update(await runtime.recovering(keep))  # counted as they reach Drafts
        branches = await runtime.resume(keep)
        entry = await self.writer(self.journal.get, c.identity().local_id)  # never waits behind a write here
        if entry is not None and entry.draft.ref is not None and c.current_ref() is None:
            c.set_saved(c.identity().copy(ref=entry.draft.ref))  # its save had reached the server
        if any(b == recovery.Branch.WAITING for b in branches.values()):
            self._resumed_for = None  # offline: again at the next connect
            self._restoring.clear()
        self.recovery_report.update(branches)

    _signed_in: asyncio.Event | None = None

    async def _reauth(self) -> bool:
        """A 401 while the Outbox worked: say so (non-modal banner with Retry; the refused re-connect
        opens the non-modal password prompt, app.ui.accounts.security) and wait until the session is connected
        again (a new password, Retry, or a new sign-in); the Outbox then resumes."""
        self._signed_in = asyncio.Event()
        session = self.port.session
        try:  # a passing 401 (e.g. a server restart): signing in again with what we have is enough
            await session.connect()
            return True
        except Exception:  # noqa: BLE001 - AuthFailed & co: the session shows it; ask the user
            pass
        self.port.say(translate("JournalBridge", "The server asked to sign in again. Messages in the Outbox wait "
                                                 "until you do (enter the password, or Retry)."), Level.ERROR, retry=True)
        await self._signed_in.wait()
        return True

    # ---- what the queue reports ----
    def _saved(self, saved) -> None:
        """A save reached the server (a queued one too): Compose adopts its identity and says so; once
        every message recovered after a crash is in Drafts, the user is told and the list refreshed."""
        c, drafts = self.compose, self.drafts
        if saved.ref is not None and drafts.model.status(saved.ref.id):
            drafts.model.set_status(saved.ref.id, "")  # its old "Not sent: …" was about the text before
        if c.identity().local_id == saved.local_id:
            c.set_saved(saved)  # the editor adopts the server's identity (no second CreateItem)
            self._keep(self._say_saved_or_edited(saved.local_id))
        if saved.local_id in self._restoring:
            self._restoring.discard(saved.local_id)
            self._restored += 1
            if not self._restoring:
                n, self._restored = self._restored, 0
                self.port.say(counted(RESTORED, n), ms=15000)
                drafts.model.reload()
        self.newer_marks.refresh()  # its mark in Drafts, if it had one, goes

    def _keep(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _say_saved_or_edited(self, local_id: str) -> None:
        """"Edited — kept on this computer" when the journal still holds the message after its save (typed on
        meanwhile; "Edited — not saved to the server" while that is not yet written), else "Saved to Drafts".
        Asked on the journal thread, behind any write of it: the UI thread never waits for the journal's lock
        (a 10 MB body's write holds it ~30-60 ms)."""
        edited = local_id in self.autosave.pending or await self.writer(self.journal.has, local_id)
        c = self.compose
        if c.identity().local_id == local_id:
            pending = local_id in self.autosave.pending  # typed since, not yet in the journal
            kept = not pending and self.journal.persistent
            c.show_state(c.unsaved_words(kept) if edited or pending else SAVED)

    def _finished(self, sub) -> None:
        """A send finished (sent, or not sent for good): the lists and Compose follow."""
        c = self.compose
        if send_view(sub).sent:
            shown = c.identity()
            same_ref = sub.draft.ref is not None and shown.ref is not None and shown.ref.id == sub.draft.ref.id
            if shown.local_id == sub.local_id or same_ref:
                self.autosave.forget(shown.local_id)
                # on the journal thread, after any autosave of it still queued there (a discard made
                # here could be overtaken by one, and the UI thread would wait for the journal's lock)
                self.writer.submit(self.journal.discard, shown.local_id)
                c.clear()  # what is on screen went out: never offer to send it again
            self._reload_sent_soon()  # one reload for a batch that finishes together
            if sub.draft.ref is not None:  # it left Drafts (rows of other drafts keep their inline status)
                self._leave_drafts_soon(sub.draft.ref.id)

    def _timer(self, ms: int, slot):
        """A single-shot timer owned by the window (it dies with it)."""
        from PySide6.QtCore import QTimer

        t = QTimer(self.port.dialog_parent)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    def _leave_drafts_soon(self, ref_id: str) -> None:
        """Sent rows leave the Drafts list together, every LEAVE_MS: a batch of 50 finishes one message
        per journal write (~10 ms apart), and a removal each made the table lay out and repaint 50 times."""
        self._leaving.add(ref_id)
        if self._leave_timer is None:
            self._leave_timer = self._timer(LEAVE_MS, self._leave_drafts)
        if not self._leave_timer.isActive():
            self._leave_timer.start()

    def _leave_drafts(self) -> None:
        ids, self._leaving = self._leaving, set()
        self.drafts.model.take_rows(ids)

    def _reload_sent_soon(self) -> None:
        """One Sent reload for a batch that finishes together: SENT_RELOAD_MS after its last message
        (but at least every SENT_RELOAD_MAX_S while sends keep finishing). A reload 250 ms after
        the first, then again, would be 3-4 reloads of the Sent list per batch of 50, each a FindItem parsed in a
        worker thread while the UI thread painted (they share the GIL)."""
        if self._sent_timer is None:
            self._sent_timer = self._timer(SENT_RELOAD_MS, self._reload_sent)
        now = time.monotonic()
        if not self._sent_timer.isActive():
            self._sent_since = now
            self._sent_timer.start()
        elif now - self._sent_since < SENT_RELOAD_MAX_S:
            self._sent_timer.start()  # restarted: the batch is still finishing
        self._reload_sent_when_settled()

    def _reload_sent_when_settled(self) -> None:
        """A backend that accepts a send before the message is in Sent Items (Microsoft Graph answers 202 and
        moves it later: ``send_settle_seconds``) gets one more Sent reload once that time has passed, so the
        message appears without F5. EWS (0 s) needs none."""
        session = self.port.session
        settle = session.send_settle_seconds if session is not None else 0.0
        if settle <= 0:
            return
        if self._sent_settled_timer is None:
            self._sent_settled_timer = self._timer(0, self._reload_sent)
        self._sent_settled_timer.setInterval(int(settle * 1000) + SENT_RELOAD_MS)
        self._sent_settled_timer.start()  # restarted by each send of a batch: one reload after the last

    def _reload_sent(self) -> None:
        """The Sent list follows finished sends while it is the page shown; behind another page it is reloaded
        when it is next shown. A 5,000-row mail merge reloaded it every SENT_RELOAD_MAX_S behind the merge's
        window: a FindItem of a page parsed on a mail thread each time while the UI thread waited for the GIL."""
        if self.port.session is None:
            return
        if self.port.showing(self.sent):
            self._sent_stale = False
            if self._sent_timer is not None:  # a reload still due for sends already finished: this one lists them
                self._sent_timer.stop()
            self.sent.model.reload()
        else:
            self._sent_stale = True

    def _catch_up_sent(self, *_a) -> None:
        if self._sent_stale and self.port.showing(self.sent):
            self._reload_sent()

    # ---- the Outbox view ----
    def _install_action(self):
        """The Outbox as a fourth page of the window: sidebar entry, View > Outbox, Ctrl+4."""
        self._outbox_window = self.outbox_view()
        self._outbox_window.setAccessibleName(translate("JournalBridge", "Outbox: messages waiting for the server"))
        act = self.port.add_view("outbox", translate("JournalBridge", "Outbox"), self._outbox_window, icon_name="outbox",
                              shortcut="Ctrl+4", menu_text=translate("JournalBridge", "Out&box"))
        act.setObjectName("actViewOutbox")
        act.setToolTip(translate("JournalBridge", "Outbox: messages waiting for the server (Ctrl+4)"))
        return act

    def show_outbox(self):
        self.port.show_view("outbox")
        return self._outbox_window

    def point_at(self, local_id: str) -> None:
        """The window's words name the message ``local_id`` and send the user to the Outbox for it: its row is
        the current one there when the Outbox is next shown (Ctrl+4), so Enter acts on it."""
        for view in self._views:
            view.point_at(local_id)

    def change_time_here(self) -> bool:
        """Ctrl+Shift+T while the Outbox shows a row the server keeps: its time changes (True); else False."""
        return any(view.isVisible() and view.change_time() for view in self._views)

    def outbox_view(self, parent=None):
        """An Outbox view bound to this bridge's outbox (re-bound when the account changes)."""
        from app.ui.outbox.outbox_view import OutboxView

        view = OutboxView(parent, news=self.news)
        view.delivery = self.delivery  # a sent row's delivery news (app.core.delivery.outbox_news)
        view.set_outbox(self.outbox)
        view.edit_requested.connect(self._edit_queued)
        view.delete_requested.connect(self._delete_queued)
        view.retry_requested.connect(lambda lid: self.outbox and self.outbox.hand.resubmit(lid))
        wire_sent_rows(view, self)  # a sent row: Enter opens it in Sent, Delete takes it off this list
        self.kept.wire(view)  # a row the server keeps for a time: Enter takes it back, Ctrl+Shift+T changes its time
        self._views.append(view)
        return view

    def _edit_queued(self, local_id: str) -> None:
        """Enter in the Outbox: the send is cancelled and the message comes back into Compose."""
        outbox = self.outbox
        sub = outbox.queue.subs.get(local_id) if outbox is not None else None
        as_is = sub is not None and sources.of(sub).from_file  # an .eml file's bytes: nothing to edit
        if outbox is None or (not as_is and not self.flows.stash_current()):
            return
        unsaved = not outbox.hand.in_drafts_as_is(local_id)  # asked before it is taken back (app.core.outbox.takeback)
        refused = sub.outcome() if sub is not None and send_view(sub).refused else None  # its reason goes back with it
        try:
            taking = outbox.hand.cancel(local_id)  # decided now: it no longer goes out
        except NotCancellable:
            self._tell(TOO_LATE, assertive=True)
            return
        self._keep(self._back_in_compose(outbox, taking, as_is, unsaved, refused))

    async def _back_in_compose(self, outbox, taking, as_is: bool = False, unsaved: bool = True,
                               refused=None) -> None:
        """The message, read back on the journal's thread, goes into Compose; one not in Drafts as it is
        counts as unsaved there (leaving it saves it to Drafts: it never lives only in the journal)."""
        c = self.compose
        draft = await taking
        if as_is:
            self._tell(translate("JournalBridge", "Not sent: the .eml file was taken out of the Outbox (the file is "
                                                  "unchanged; Ctrl+O opens it to edit)"))
            return
        if draft is not None and not self.flows.stash_current():
            # typed meanwhile, and what is on screen cannot be saved as it is: it stays, and the message
            # taken back goes to Drafts instead
            await outbox.save(draft, wait=False)
            self._tell(translate("JournalBridge", "Not sent: the message was put in Drafts (fix the one on screen first)"))
            return
        if draft is None:
            self._tell(translate("JournalBridge", "Not sent: the draft stays in Drafts"))
            self.drafts.model.reload()
            return
        c.load(draft)
        if unsaved:  # as it was sent: nobody edited it
            c.show_unsaved_edits(kept=self.journal.persistent, edited=False)
        self.port.show_view("compose")
        c.to.setFocus()
        if refused is not None:  # refused by the server: why, at the field it concerns (From: the keyboard there)
            show_refusal(c, refused)
        spoken.show(self.port, translate("JournalBridge", BACK_IN_COMPOSE), 8000)

    def _tell(self, words: str, assertive: bool = False) -> None:
        """``words`` in the status bar, and to a screen reader (a message taken out of the Outbox moved)."""
        spoken.show(self.port, shown(words), 8000, loud=assertive)

    def _delete_queued(self, local_id: str) -> None:
        """Delete in the Outbox: asks first (non-modal), then throws the message away."""
        from PySide6.QtWidgets import QMessageBox

        title = translate("JournalBridge", "Delete this message?")
        box = QMessageBox(QMessageBox.Question, title,
                          translate("JournalBridge", "The message is removed from the Outbox and will not be sent."),
                          QMessageBox.NoButton, self.port.dialog_parent)
        delete = box.addButton(translate("JournalBridge", "Delete"), QMessageBox.DestructiveRole)
        box.setDefaultButton(box.addButton(translate("JournalBridge", "Keep"), QMessageBox.RejectRole))  # Enter keeps it
        box.setAccessibleName(title)

        def done(_r):
            if box.clickedButton() is delete and self.outbox is not None:
                try:
                    deleting = self.outbox.hand.delete(local_id)
                except NotCancellable:
                    self.port.say(translate("OutboxView", "It is being sent right now and can no longer be deleted"),
                                  ms=8000)
                else:
                    self._keep(self._say_if_not_deleted(deleting))
        box.finished.connect(done)
        self._delete_question = box
        box.open()

    async def _say_if_not_deleted(self, deleting) -> None:
        if not await deleting:  # the journal could not record it: held in the Outbox, not sent
            self.port.say(translate("JournalBridge", "Not deleted: this computer could not record it. "
                                                     "The message stays in the Outbox and is not sent"), ms=10000)

    def close(self) -> None:
        self.autosave.close()


class _CloseWatch(QObject):
    """Event filter: ``fn()`` when the window gets its Close event (before it may be refused)."""

    def __init__(self, fn, parent):
        super().__init__(parent)
        self._fn = fn

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Close:
            self._fn()
        return False
