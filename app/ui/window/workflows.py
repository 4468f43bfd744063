"""What the window does when asked: save, send, batch send, open, delete, look up names, connect.

The window's controller, built by :meth:`MainWindow.finish_setup` as ``win.flows`` with the window it
drives (its views, banner and status bar are read from it explicitly; nothing is delegated implicitly
in either direction). UI input arrives through ``@asyncSlot`` methods; each starts a tracked task
(``self._tasks``) and calls the awaitable API (``save_current`` ...), which tests and the self-test call
directly. Saves and sends go through the account's queue (``session.outbox``,
:class:`app.core.outbox.Outbox`): the window submits and awaits, it never talks to the server to send.
Expected failures are shown inline or in the banner; only real bugs reach ``sys.excepthook``.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import contextmanager

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from qasync import asyncSlot

from app.core.sending import domain_check

from app.core.outbox import words as outbox_words
from app.core.outbox.saves import SaveStatus
from app.core.sending.refusals import refusal_of
from app.core.sending.request import Result, Sending
from app.core.accounts.session import ConnectionState
from app.core.outbox.rows import send_view
from app.domain.models import Draft, ErrorKind, ItemOutcome
from app.domain.words import QT_TRANSLATE_NOOP
from app.mail.errors import MailError
from app.storage.local_errors import local_reason, not_sent_unprotected, what_to_do
from app.ui.compose.compose_view import EDITED, NEW_MESSAGE, NOTHING_WRITTEN, SAVED
from app.ui.compose.from_flows import show_refusal
from app.ui.lists.drafts_flows import DraftsFlows
from app.ui.compose.recent import remember_recipients
from app.ui.common.tr import shown, translate
from app.ui.common import spoken
from app.ui.window.outbox_notice import OutboxNotice
from app.ui.window.tasks import TaskTracker

log = logging.getLogger(__name__)

# words translated where shown (context "Workflows")
NOT_ON_SERVER = QT_TRANSLATE_NOOP("Workflows", "Kept on this computer — not on server yet")
#: Ctrl+S without a connection: where the draft is
KEPT_OFFLINE = QT_TRANSLATE_NOOP("Workflows", "No connection: kept on this computer; saved to the server when it is back")
RECREATED = QT_TRANSLATE_NOOP("Workflows", "The draft had been deleted on the server: saved as a new draft")
TAKEN_OUT = QT_TRANSLATE_NOOP("Workflows", "Not sent: it was taken out of the Outbox")
STASHED = QT_TRANSLATE_NOOP("Workflows", "The previous message was saved to Drafts")
STASHED_HERE = QT_TRANSLATE_NOOP(
    "Workflows", "The previous message is kept on this computer until the server can be reached (see Outbox)")


class Workflows(TaskTracker):
    def __init__(self, window):
        super().__init__(window)
        self.port = window.port  # what the features built here are handed instead of the window
        self.sender = Sending()  # this window's send requests (app.core.sending.request) and how many are on their way
        self.save_lock = asyncio.Lock()
        from app.ui.window.reconnect import Reconnector
        from app.ui.accounts.security import Security

        self.security = Security(self.port, window.banner)  # untrusted certificate -> trust banner; 401 -> password prompt
        self.reconnect = Reconnector(window, self)  # a connect that may pass by itself is tried again
        window.state_changed.connect(self.reconnect.state)  # and a session a failed call took offline
        self._discard = None  # app.ui.compose.compose_flows.ComposeDiscard, built on first use
        self._failure_said = ""  # the connection failure last said to a screen reader ("" : none, or connected since)
        self.send_question = None  # the open "Send anyway?" box, if any
        # Send selected, opening and deleting drafts, Sent's preview
        self.drafts = DraftsFlows(self.port, self, window.compose, window.drafts, window.sent,
                                  journal_bridge=lambda: window.journal_bridge, timing=lambda: window.send_timing)
        # "In the Outbox (…)" in the status bar, true while it shows, and said to a screen reader as it changes
        self.notice = OutboxNotice(window.statusBar(), window.core_events,
                                   lambda sub, words, moved_to: spoken.outbox_words_said(self.port, sub, words, moved_to),
                                   lambda local_id: window.journal_bridge and window.journal_bridge.point_at(local_id))
        window.core_events.finished.connect(self._finished)
        # the local ids (Compose) and server draft ids (Send selected) of this window's send requests under way
        self._asked: set[str] = set()
        self._ours: set[str] = set()  # this window's sends handed to the Outbox, their outcome not said yet
        self._kept_here: set[str] = set()  # Ctrl+S kept these on this computer: said again when the server has them
        window.core_events.saved.connect(self._saved_later)

    # ---- connect ----
    def connect_session(self) -> asyncio.Task:
        return self.spawn(self._connect())

    async def _connect(self) -> bool:
        w = self.w
        session = w.session
        if session is None:
            return False
        self.security.apply_stored_pin(session)
        w.busy_push(translate("Workflows", "Connecting…"))
        try:
            # an account is tested before it is put in place (connected, its server known)
            if not session.ready:
                await session.connect()
        except MailError as exc:
            if session is w.session and not self.security.offer_sign_in(session, exc):  # else it offers sign-in
                failure = self.explain_exc(exc)
                if exc.kind != ErrorKind.LOCAL:
                    server = session.account.ews_url or translate("Workflows", "Server")
                    failure = translate("Workflows", "{server}: {error}").format(server=server, error=failure)
                again = self.reconnect.after_failure(exc)
                shown_failure = failure if again is None else translate(
                    "Workflows", "{error} (trying again in {seconds} s)").format(
                        error=failure, seconds=QLocale().toString(round(again)))
                # said once a streak: each retry shows it again, with its new wait, but says it only if it changed
                w.show_error(shown_failure, retry=True, say=failure != self._failure_said)
                self._failure_said = failure
            return False
        finally:
            w.busy_pop()
        if session is not w.session:
            return False
        self.reconnect.connected()
        w.banner.hide()
        if self._failure_said:  # the failure was said: so is its end
            self._failure_said = ""
            spoken.polite(self.port, translate("Workflows", "Connected"))
        w.compose.set_max_send_bytes(session.max_send_bytes)
        w.drafts.model.reload()
        w.sent.model.reload()
        return True

    @asyncSlot()
    async def retry(self):
        w = self.w
        self.reconnect.stop()  # the user's Retry is the next try
        session = w.session
        if session is not None and not session.ready:
            await w.connect_again()
        else:
            self.refresh()

    def refresh(self) -> None:
        w = self.w
        if w.session is not None:
            w.drafts.model.reload()
            w.sent.model.reload()

    # ---- compose ----
    def new_message(self) -> None:
        w = self.w
        if w.session is None or not self.stash_current():
            return
        w.compose.clear()
        w.show_view("compose")
        w.compose.to.setFocus()

    def open_new(self, draft) -> bool:
        """A new message from outside (a ``mailto:`` link) in Compose: what Compose holds goes to Drafts first,
        as with Ctrl+N; the keyboard in its first empty field. False (nothing replaced) when what Compose holds
        cannot be saved as it is (the error is shown at the field)."""
        w = self.w
        if w.session is None or not self.stash_current():
            return False
        c = w.compose
        c.clear()
        c.load(c.new_message(draft))  # a message started now: the receipts a new message asks for
        c.count_as_typed()  # not on the server: autosaved, and leaving it saves it to Drafts
        w.show_view("compose")
        first = c.to if not draft.to else c.subject if not draft.subject else c.body
        first.setFocus()
        return True

    def stash_current(self) -> bool:
        """Before the composer is replaced: unsaved edits go to Drafts through the queue (which keeps
        them on this computer until the server has them). An unfinished address does not stop it (a
        draft keeps it as typed).

        False (and nothing replaced) when what is typed cannot be saved as it is (e.g. a subject over
        Exchange's limit): the error is shown at the field and the message stays."""
        w, c = self.w, self.w.compose
        if not c.dirty:
            return True
        if c.validate(for_send=False):
            w.show_view("compose")
            self.port.say(translate("Workflows", "This message has errors: fix them (or clear it) first"), ms=6000)
            return False
        outbox = self.outbox()
        if outbox is None:
            return True
        draft = c.draft()
        c.saved_edits = c.edits

        async def stash():
            with self.tracked(translate("Workflows", "Saving the previous message to Drafts…")):
                try:
                    job = await outbox.save(draft)
                except Exception as exc:  # noqa: BLE001 - the journal cannot be written (a full disk)
                    reason = local_reason(exc)
                    if reason is None:
                        raise
                    await self._stash_unjournaled(draft, reason)
                    return
                if job.saved is not None:
                    w.draft_saved.emit(job.saved)
                    spoken.show(self.port, translate("Workflows", STASHED), 5000)
                    w.drafts.model.reload()
                elif outbox.queue.saves.get(draft.local_id) is not job and job.status != SaveStatus.FAILED:
                    pass  # no longer this save's: taken back, deleted, or part of a send queued since
                elif job.final:
                    words = translate("Workflows", "The previous message could not be saved to Drafts: {reason}").format(
                        reason=shown(job.reason))
                    w.show_error(words)
                    spoken.not_saved(self.port, words)
                else:
                    spoken.show(self.port, translate("Workflows", STASHED_HERE), 8000)

        self.spawn(stash())
        return True

    async def save_before_switching(self) -> None:
        """Another account is about to be used: an edited message is saved to this account's Drafts first
        (its first attempt awaited), as leaving it for another message does. When the server cannot take it
        now, it stays on this computer under this account and reopens when the account is used again."""
        w, c = self.w, self.w.compose
        outbox = self.outbox()
        if outbox is None or not c.dirty or c.validate(for_send=False):
            return
        draft, edits = c.draft(), c.edits
        with self.tracked(translate("Workflows", "Saving the message in Compose to Drafts…")):
            job = await outbox.save(draft)
        if job.saved is not None and c.identity().local_id == draft.local_id and c.edits == edits:
            c.saved_edits = edits
            w.draft_saved.emit(job.saved)

    async def _stash_unjournaled(self, draft: Draft, reason: str) -> None:
        """The previous message could not be recorded on this computer: it goes to the server's Drafts all
        the same; when the server does not take it either, it comes back to Compose if nothing else is
        being written there (never lost), else the user is told where it stands."""
        w = self.w
        try:
            saved = await self.outbox().hand.save_unjournaled(draft)
        except MailError as exc:
            c = w.compose
            if c.is_empty() and c.identity().ref is None:
                c.load(draft)
                c.show_unsaved_edits(kept=False)  # the journal could not write it
                w.show_view("compose")
            w.show_error(translate("Workflows", "The previous message could not be saved: {error}, and the copy on this "
                                   "computer could not be written: {reason}. It is back in Compose if Compose was "
                                   "empty.").format(error=shown(self.explain_exc(exc)), reason=shown(reason)))
            return
        w.draft_saved.emit(saved)
        w.drafts.model.reload()
        w.show_journal_notice(translate("Workflows", "Saved to the server only"),
                              translate("Workflows", "The previous message was saved to Drafts, but not on this "
                                        "computer: {reason}. {what_to_do}.").format(
                                  reason=shown(reason), what_to_do=shown(what_to_do(reason))))

    def outbox(self):
        """The signed-in account's send queue (None before a session is set)."""
        session = self.w.session
        return None if session is None else session.outbox

    def discard(self) -> None:
        """Ctrl+Shift+D: the message on screen is thrown away (its server draft too), with Undo."""
        from app.ui.compose.compose_flows import ComposeDiscard

        w = self.w
        self._discard = self._discard or ComposeDiscard(
            self.port, self, w.compose, w.drafts.model, journal_bridge=lambda: w.journal_bridge,
            new_signature=lambda: w.power is not None and w.power.new_message_signature())
        self._discard.discard()

    def attach_files(self) -> None:
        if self.w.session is None:
            return
        self.w.show_view("compose")
        self.w.compose.attachments.open_dialog()

    def insert_image(self) -> None:
        """Insert image: a picture file into Compose's body at the cursor (an inline attachment)."""
        if self.w.session is None:
            return
        self.w.show_view("compose")
        self.w.compose.images.open_dialog()

    @asyncSlot()
    async def save_draft(self):
        with self.tracked():
            await self.save_current()

    async def save_current(self) -> Draft | None:
        """Validate, then save to the server's Drafts through the queue. None if not saved (invalid,
        refused, or kept on this computer until the server is reached)."""
        w, c = self.w, self.w.compose
        outbox = self.outbox()
        if outbox is not None and c.is_empty() and c.identity().ref is None:
            self.port.say(translate("Workflows", "Nothing to save: Compose is empty"), ms=5000)  # no empty draft on the server
            return None
        if outbox is None or c.validate(for_send=False):
            return None
        async with self.save_lock:
            draft, edits, label = c.draft(), c.edits, c.state()
            c.set_busy(True, translate("Workflows", "Saving…"))
            w.busy_push(translate("Workflows", "Saving draft…"))
            try:
                try:
                    job = await outbox.save(draft, wait=False)  # recorded in the journal as it is saved
                except Exception as exc:  # noqa: BLE001 - the journal cannot be written (a full disk): by reason
                    reason = local_reason(exc)
                    if reason is None:
                        raise
                    return await self._save_unjournaled(draft, edits, label, reason)
                self._drop_autosave_taken(job, edits)
                await outbox.wait(draft.local_id, final=False)
            finally:
                c.set_busy(False)
                w.busy_pop()
            same = c.identity().local_id == draft.local_id
            if job.saved is None:
                if job.final:
                    words = translate("Workflows", "Could not save: {reason}").format(reason=shown(job.reason))
                    c.set_error(words)
                    c.show_state(translate("Workflows", "Not saved"))
                    spoken.not_saved(self.port, words)
                else:
                    c.show_state(translate("Workflows", NOT_ON_SERVER))
                    spoken.show(self.port, translate("Workflows", KEPT_OFFLINE), 10000)
                    self._kept_here.add(draft.local_id)
                return None
            saved = job.saved
            if same:
                c.set_saved(saved)
                c.saved_edits = edits
                c.show_state(SAVED if c.edits == edits else EDITED)  # typed on meanwhile
            recreated = draft.ref is not None and saved.ref is not None and saved.ref.id != draft.ref.id
            spoken.show(self.port, translate("Workflows", RECREATED) if recreated else shown(SAVED),
                        8000 if recreated else 4000)  # Compose's words
            self._kept_here.discard(draft.local_id)
            remember_recipients(self.port, self.w.compose, draft)
            w.draft_saved.emit(saved)
            w.drafts.model.reload()
            return saved

    async def _save_unjournaled(self, draft: Draft, edits: int, label: str, reason: str) -> Draft | None:
        """Ctrl+S when the journal cannot record the draft: it is saved to the server all the same (a save
        sends nothing, so nothing can go out twice; the server's copy is then the only safe one) and the
        user is told that the copy on this computer could not be written. Compose's state is put back when
        the server does not take it either (the message stays on screen)."""
        w, c = self.w, self.w.compose
        try:
            saved = await self.outbox().hand.save_unjournaled(draft)
        except MailError as exc:
            c.show_state(label)
            c.set_error(translate("Workflows", "Not saved: {error}. The copy on this computer could not be written "
                                  "either: {reason}. {what_to_do}, then save again.").format(
                error=shown(self.explain_exc(exc)), reason=shown(reason), what_to_do=shown(what_to_do(reason))))
            spoken.not_saved(self.port, c.error_text())
            return None
        if c.identity().local_id == draft.local_id:
            c.set_saved(saved)
            c.saved_edits = edits
            if c.edits == edits and w.journal_bridge is not None:  # the autosave waiting is what was saved
                w.journal_bridge.autosave.forget(draft.local_id)
            c.show_state(SAVED if c.edits == edits else EDITED)
        w.show_journal_notice(translate("Workflows", "Saved to the server only"),
                              translate("Workflows", "The draft was saved to the server, but the copy on this computer "
                                        "could not be written: {reason}. {what_to_do}: until then, what you type is "
                                        "only kept once saved to the server.").format(
                                  reason=shown(reason), what_to_do=shown(what_to_do(reason))))
        remember_recipients(self.port, self.w.compose, draft)
        w.draft_saved.emit(saved)
        w.drafts.model.reload()
        return saved

    def _drop_autosave_taken(self, job, edits: int) -> None:
        """The save recorded all typed up to Ctrl+S (``job.version``): an autosave still due, nothing typed since,
        would record it again, taken by the journal for an edit made during the save (kept, "Edited")."""
        bridge, c, local_id = self.w.journal_bridge, self.w.compose, job.draft.local_id
        if bridge is not None and job.version and c.identity().local_id == local_id and c.edits == edits:
            bridge.autosave.forget(local_id)

    @asyncSlot()
    async def send(self):
        w = self.w
        if w.session is not None and w.current_view() != "compose":
            # never send something the user is not looking at: show the composer instead
            w.show_view("compose")
            self.port.say(translate("Workflows", "Press {keys} again to send this message").format(
                keys=QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)), ms=5000)
            return
        if w.session is None or (self.send_question is not None and self.send_question.isVisible()):
            return  # "Send anyway?" is open: it sends when answered so
        with self.tracked():
            await self.send_current()

    async def send_current(self) -> ItemOutcome | None:
        """Compose's message to :mod:`app.core.sending.request` (checked once, asked about, held for undo, handed to the
        queue, taken back when refused), then shown where it stands. None if it was not handed over (invalid,
        not confirmed, not recorded): then nothing was created or moved."""
        timing = getattr(self.w, "send_timing", None)  # undo send: held for the delay (app.ui.compose.send_timing)
        r = await self.send_compose(timing.undo_hold if timing is not None else None,
                                    translate("Workflows", "Not sent"))
        if r is None:
            return None
        if r.result == Result.HELD and timing is not None:
            return timing.held(r.sub, r.draft)  # the countdown with Undo; the Outbox sends it after
        return self._after_send(r) if r.sub is not None else None

    async def send_compose(self, hold, not_done: str):
        """Compose's message as ONE send request to :mod:`app.core.sending.request`, held as ``hold()`` says (undo send,
        send later); a refusal before anything was created is said in Compose, headed ``not_done`` ("Not
        sent"). The request's result, or None without an account."""
        from app.ui.compose.compose_flows import ComposeQuestions

        c, outbox = self.w.compose, self.outbox()
        if outbox is None:
            held = self.w.journal_bridge.waiting if self.w.journal_bridge is not None else ""
            if held:  # another process has the account's queue: the message stays here, and why is said there
                c.set_error(translate("Workflows", "{not_done}: the message stays here. {why}").format(
                    not_done=shown(not_done), why=shown(held)))
                spoken.refused(self.port, c.error_text())
            return None
        asked = ComposeQuestions(self, self.port, c)
        local_id = c.identity().local_id
        session = self.w.session
        domains = domain_check.warnings_for(session.account, wait=False) if session is not None else None  # never waits
        with self.asking([local_id]):
            r = await self.sender.send_draft(outbox, c.draft, asked, hold=hold, problems=c.send_problems(),
                                             checked=c.show_errors, max_send_bytes=c.max_send_bytes,
                                             lock=self.save_lock, more_warnings=domains)
        if r.sub is not None:  # handed over: its save is now the send's, said as the send is
            self._kept_here.discard(local_id)
            self.handed_over([r.sub])
        if r.result == Result.INVALID and r.reason:  # the queue's own check (e.g. a limit learnt since)
            c.set_error(translate("Workflows", "{not_done}: {reason}").format(not_done=shown(not_done),
                                                                             reason=shown(r.reason)))
            spoken.refused(self.port, c.error_text())
        elif r.result == Result.NOT_RECORDED:
            self.not_sent_unprotected(asked.label, r.reason)  # exactly-once needs the journal: nothing queued
        return r

    def not_sent_unprotected(self, label: str, reason: str) -> None:
        """A send the journal could not record is refused, said plainly; the message stays in Compose."""
        c = self.w.compose
        text = shown(not_sent_unprotected(reason))
        c.show_state(label)
        c.set_error(text)
        self.w.show_journal_notice(translate("Workflows", "Not sent"), text)

    def _after_send(self, r) -> ItemOutcome:
        """Show where the submission stands: sent (Compose is cleared), refused (the core took it back: the
        message comes back to Compose with the reason), taken out, or waiting in the Outbox."""
        w, c = self.w, self.w.compose
        sub, draft, outcome = r.sub, r.draft, r.outcome
        here = c.identity().local_id == draft.local_id
        if r.result == Result.SENT:
            if here:
                c.clear()
            moved_to = self.fresh_compose()
            subject = draft.subject or translate("Workflows", "(no subject)")
            # the bar's words; the reader hears the Outbox's words for it, with where the keyboard went
            self.port.say(translate("Workflows", "Sent: {subject}").format(subject=subject), ms=5000, spoken=False)
            spoken.sent(self.port, draft.subject, moved_to)
            remember_recipients(self.port, self.w.compose, draft, sent=True)
        elif r.result == Result.REFUSED:  # the message is the user's again
            if here and r.back is not None:
                c.set_saved(r.back)
                show_refusal(w.compose, outcome)
            spoken.refused(self.port, refusal_of(outcome).text)  # as Compose says it (at From, or above the buttons)
        elif r.result == Result.TAKEN_OUT:  # deleted in the Outbox before its turn: not sent, and not waiting
            spoken.show(self.port, translate("Workflows", TAKEN_OUT), 8000)
        else:  # waiting (offline, busy, sign-in) or not confirmed: the Outbox has it
            if here:
                c.clear()
            moved_to = self.fresh_compose()
            self.notice.say(self.outbox(), sub.local_id, draft.subject, moved_to)  # its words follow it (refused, sent)
        w.message_sent.emit(outcome)
        w.drafts.model.reload()
        w.sent.model.reload()
        return outcome

    def _saved_later(self, saved: Draft) -> None:
        """A draft Ctrl+S kept on this computer reached the server's Drafts by itself: said, as it was said where
        it was kept. Not when it has been handed over to be sent since: the Outbox saves a message before sending
        it, and that save is the send's step ("Saved to Drafts" would be false of a message on its way out)."""
        if saved.local_id not in self._kept_here:
            return
        self._kept_here.discard(saved.local_id)
        outbox = self.outbox()
        sub = None if outbox is None else outbox.queue.subs.get(saved.local_id)
        if sub is None or sub.final:
            spoken.saved(self.port, SAVED)

    def _finished(self, sub) -> None:
        """A send's outcome is final (``CoreEvents.finished``): said here when nobody else says it — not the
        undo countdown's report, not the status bar's words following the send, not this window's own send
        request on its first attempt (Compose's, or a batch's summary). So a send of this window that waited in
        the Outbox (offline, the server busy, Send later) is said as it goes out, or its outcome unknown (in the
        Outbox's words), once; a refusal arriving in the Outbox is said whoever sent it (a merge, a script)."""
        ours = sub.local_id in self._ours
        self._ours.discard(sub.local_id)
        said = send_view(sub)
        if not (said.sent or said.not_sent) or self._first_attempt(sub):
            return
        timing = getattr(self.w, "send_timing", None)
        if self.notice.follows(sub.local_id) or (timing is not None and timing.follows(sub.local_id)):
            return
        if said.refused:
            spoken.refused(self.port, outbox_words.refused(sub.outcome().explanation))
        elif not ours:
            return  # a merge's thousands, a script's: not each said (their own views say how they went)
        elif said.sent and sub.draft.send_at is not None:
            return  # send later: the server took it to keep until its time; its scheduling was said, it is not sent
        elif said.sent:
            spoken.sent(self.port, sub.draft.subject)
        else:
            outbox = self.outbox()
            row = next((r for r in outbox.rows() if r.local_id == sub.local_id), None) if outbox is not None else None
            spoken.refused(self.port, row.text if row is not None else sub.outcome().explanation)

    def handed_over(self, subs) -> None:
        """These sends of this window are in the Outbox: what becomes of them is said once (:meth:`_finished`)."""
        self._ours.update(s.local_id for s in subs if s is not None and not s.final)

    def _first_attempt(self, sub) -> bool:
        """``sub`` is a send this window asked for and is still awaiting (its outcome is said by that request)."""
        ref = sub.draft.ref
        return sub.local_id in self._asked or (ref is not None and ref.id in self._asked)

    @contextmanager
    def asking(self, ids):
        """While a send request of this window for ``ids`` is awaited: its outcome is the request's to say."""
        ids = set(ids) - self._asked
        self._asked |= ids
        try:
            yield
        finally:
            self._asked -= ids

    @property
    def sending(self) -> int:
        """Sends started from this window on their way (checked or handed over, first attempt not ended)."""
        return self.sender.under_way

    def fresh_compose(self) -> str:
        """After a send took the message off the screen (here, or as the queue reported it): a blank
        "New message", the cursor in To where the next one starts. Nothing typed since is touched.
        Where the keyboard went by itself, for a screen reader ("New message"; "" when it stayed)."""
        w, c = self.w, self.w.compose
        if not c.is_empty() or c.identity().ref is not None:
            return ""
        c.show_title(NEW_MESSAGE)
        c.show_state(NOTHING_WRITTEN)  # nothing is written in it: nothing to say
        if w.current_view() == "compose":
            c.to.setFocus(Qt.OtherFocusReason)
            return spoken.new_message()
        return ""

    def look_up_domains(self) -> None:
        """A recipient field was left: its domains are looked up now (app.core.sending.domain_check: on worker threads,
        at most a second), so that Send finds the answers known and does not wait for them. The addresses are read
        here, as the field is left. Nothing once the window closed: a line edit being destroyed (the window's widgets,
        after it closed) still says it was left, from a C++ object already half gone."""
        session, c = self.w.session, self.w.compose
        if session is not None and not self.closed:
            addresses = [*c.to.recipients(), *c.cc.recipients(), *c.bcc.recipients()]
            self.spawn(domain_check.missing_addresses(addresses, session.account))

    @asyncSlot(object, str)
    async def lookup_names(self, edit, text: str):
        """The directory's matches for ``text``, added to what ``edit`` offers after the people written to. Awaited
        off the window's thread; a directory that fails (not granted: DirectoryNotGranted, offline) adds nothing and
        says nothing: the field goes on offering the known addresses."""
        session = self.w.session
        if session is None or session.closed or session.state != ConnectionState.CONNECTED:
            return
        with self.tracked():
            try:
                found = await session.resolve_names(text)
            except Exception as exc:  # noqa: BLE001 - suggestions are best effort, never an error
                log.info("name lookup failed: %s", getattr(exc, "code", type(exc).__name__))
                return
            if session is not self.w.session:
                return
            if edit.current_token().lower().startswith(text.lower()[:2]):
                edit.add_suggestions(found)
