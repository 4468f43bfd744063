"""What the window does when asked: save, send, batch send, open, delete, look up names, connect.

The window's behaviour, attached by :meth:`MainWindow.finish_setup` (``win.flows``; its public methods
are reachable as ``win.<method>``). Attribute reads fall through to the window. UI input arrives through ``@asyncSlot`` methods;
each starts a tracked task (``self._tasks``) and calls the awaitable API (``save_current`` ...), which
tests and the self-test call directly. Expected failures (server said no, connection dropped) are
shown inline or in the banner; only real bugs reach ``sys.excepthook``.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from contextlib import contextmanager
from dataclasses import replace

from qasync import asyncSlot

from app.core.session import ConnectionState
from app.domain.explain import describe
from app.domain.models import Draft, ItemOutcome, ItemRef
from app.mail.errors import AuthFailed, ConnectionFailed, MailError, ServerBusy, TlsFailed

log = logging.getLogger(__name__)


class Workflows:
    def __init__(self, window):
        self.w = window
        self.sending = 0  # sends in flight started from this window
        self._save_lock = asyncio.Lock()
        from app.ui.security import Security

        self.security = Security(window)  # untrusted certificate -> trust banner; 401 -> password prompt

    def __getattr__(self, name):
        if name == "w":
            raise AttributeError(name)
        return getattr(self.w, name)

    async def wait_idle(self) -> None:
        """Wait for every task started from the UI (and the lists' page loads) to finish."""
        while True:
            pending = [t for t in self._tasks if not t.done() and t is not asyncio.current_task()]
            for m in (self.drafts.model, self.sent.model):
                t = m.wait_task()
                if t is not None and not t.done():
                    pending.append(t)
            if not pending:
                return
            await asyncio.gather(*pending, return_exceptions=True)

    @contextmanager
    def _tracked(self, busy: str = ""):
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        if busy:
            self._busy_push(busy)
        try:
            yield task
        finally:
            if task is not None:
                self._tasks.discard(task)
            if busy:
                self._busy_pop()

    @staticmethod
    def explain_exc(exc: BaseException) -> str:
        if isinstance(exc, MailError):
            return describe(exc.code, exc.message)
        return f"{type(exc).__name__}: {exc}"

    def _transport_error(self, exc: BaseException) -> bool:
        """Connection-level trouble goes to the banner with Retry. True if handled that way."""
        if isinstance(exc, (ConnectionFailed, AuthFailed, TlsFailed, ServerBusy)):
            self.show_error(self.explain_exc(exc), retry=True)
            return True
        return False

    def _spawn(self, aw) -> asyncio.Task:
        """Start ``aw`` as a task that :meth:`wait_idle` (and closing the window) waits for."""
        task = asyncio.ensure_future(aw)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ---- connect ----
    def connect_session(self) -> asyncio.Task:
        return self._spawn(self._connect())

    async def _connect(self) -> bool:
        session = self.session
        if session is None:
            return False
        self.security.apply_stored_pin(session)
        self._busy_push("Connecting…")
        try:
            await session.connect()
        except MailError as exc:
            if session is self.session:
                self.show_error(f"{session.account.ews_url or 'Server'}: {self.explain_exc(exc)}", retry=True)
            return False
        finally:
            self._busy_pop()
        if session is not self.session:
            return False
        # The backend (exchangelib, lxml) is loaded now: move everything alive into the GC's permanent
        # generation so later full collections scan only new objects (a full scan of it all stalled the
        # UI ~50 ms while listing thousands of drafts).
        gc.freeze()
        self.banner.hide()
        self.compose.set_max_send_bytes(session.max_send_bytes)
        self.drafts.model.reload()
        self.sent.model.reload()
        return True

    @asyncSlot()
    async def retry(self):
        if self.session is not None and self.session.state != ConnectionState.CONNECTED:
            self.w.connect_task = self.connect_session()
            await self.w.connect_task
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is not None:
            self.drafts.model.reload()
            self.sent.model.reload()

    # ---- compose ----
    def new_message(self) -> None:
        if self.session is None or not self._stash_current():
            return
        self.compose.clear()
        self.show_view("compose")
        self.compose.to.setFocus()

    def _stash_current(self) -> bool:
        """Before the composer is replaced: unsaved edits go to Drafts (in the background).

        False (and nothing replaced) when what is typed cannot be saved as it is, e.g. a malformed
        address: the error is shown at the field and the message stays."""
        c = self.compose
        if not c.dirty:
            return True
        if c.validate(for_send=False):
            self.show_view("compose")
            self.statusBar().showMessage("This message has errors: fix them (or clear it) first", 6000)
            return False
        draft, edits = c.draft(), c.edits
        c.saved_edits = edits

        async def stash():
            with self._tracked("Saving the previous message to Drafts…"):
                try:
                    saved = await self.session.save_draft(draft)
                except MailError as exc:
                    self.show_error(f"The previous message could not be saved to Drafts: {self.explain_exc(exc)}")
                    return
                self.draft_saved.emit(saved)
                self.statusBar().showMessage("The previous message was saved to Drafts", 5000)
                self.drafts.model.reload()

        self._spawn(stash())
        return True

    def attach_files(self) -> None:
        if self.session is None:
            return
        self.show_view("compose")
        self.compose.attachments.open_dialog()

    @asyncSlot()
    async def save_draft(self):
        with self._tracked():
            await self.save_current()

    async def save_current(self) -> Draft | None:
        """Validate, then create (first save) or update the draft on the server. None if not saved."""
        if self.session is None or self.compose.validate(for_send=False):
            return None
        async with self._save_lock:
            draft, edits = self.compose.draft(), self.compose.edits
            self.compose.set_busy(True, "Saving…")
            self._busy_push("Saving draft…")
            try:
                try:
                    saved = await self.session.save_draft(draft)
                except MailError as exc:
                    if exc.code != "ErrorItemNotFound" or draft.ref is None:
                        raise
                    # deleted on the server meanwhile: keep the user's text as a new draft
                    draft = replace(draft, ref=None, attachments=[replace(a, attachment_id="") for a in draft.attachments])
                    saved = await self.session.save_draft(draft)
                    self.statusBar().showMessage("The draft had been deleted on the server: saved as a new draft", 8000)
            except MailError as exc:
                if not self._transport_error(exc):
                    self.compose.set_error(f"Could not save: {self.explain_exc(exc)}")
                self.compose.state_label.setText("Not saved")
                return None
            finally:
                self.compose.set_busy(False)
                self._busy_pop()
            if self.compose.draft().local_id == saved.local_id:
                self.compose.set_saved(saved)
                self.compose.saved_edits = edits
                self.compose.state_label.setText("Saved")
            self.statusBar().showMessage("Draft saved", 4000)
            self._remember(draft)
            self.draft_saved.emit(saved)
            self.drafts.model.reload()
            return saved

    @asyncSlot()
    async def send(self):
        if self.session is not None and self.current_view() != "compose":
            # never send something the user is not looking at: show the composer instead
            self.show_view("compose")
            self.statusBar().showMessage("Press Ctrl+Return again to send this message", 5000)
            return
        with self._tracked():
            await self.send_current()

    async def send_current(self) -> ItemOutcome | None:
        """Validate, save, then send with a copy in Sent Items. None if the input was invalid."""
        if self.session is None or self.compose.validate(for_send=True):
            return None
        async with self._save_lock:
            draft, edits = self.compose.draft(), self.compose.edits
            self.compose.set_busy(True, "Sending…")
            self._busy_push("Sending…")
            self.sending += 1
            try:
                saved, outcome = await self.session.send_draft(draft)
            except MailError as exc:
                errors = getattr(exc, "errors", None)
                if errors:  # DraftInvalid: mark the fields
                    self.compose.validate(for_send=True)
                self._transport_error(exc)
                self.compose.set_error(f"Not sent: {exc.message if errors else self.explain_exc(exc)}")
                return None
            finally:
                self.sending -= 1
                self.compose.set_busy(False)
                self._busy_pop()
            same = self.compose.draft().local_id == saved.local_id
            if outcome.ok:
                if same:
                    self.compose.clear()
                    self.compose.state_label.setText("Sent")
                self.statusBar().showMessage(f"Sent: {draft.subject or '(no subject)'}", 5000)
                self._remember(draft)
            elif same:
                self.compose.set_saved(saved)
                self.compose.saved_edits = edits
                self.compose.set_error(f"Not sent: {describe(outcome.code, outcome.message)}")
            self.message_sent.emit(outcome)
            self.drafts.model.reload()
            self.sent.model.reload()
            return outcome

    def _remember(self, draft: Draft) -> None:
        if self.settings is None:
            return
        entries = [r.display() for r in draft.all_recipients()]
        if entries:
            try:
                self.settings.add_recent_recipients(entries)
            except OSError as exc:
                log.warning("could not save recent recipients: %s", exc)
            recent = self.settings.recent_recipients()
            for r in (self.compose.to, self.compose.cc, self.compose.bcc):
                r.set_recent(recent)

    @asyncSlot(object, str)
    async def lookup_names(self, edit, text: str):
        session = self.session
        if session is None or session.closed or session.state != ConnectionState.CONNECTED:
            return
        with self._tracked():
            try:
                found = await session.resolve_names(text)
            except Exception as exc:  # noqa: BLE001 - suggestions are best effort, never an error
                log.info("name lookup failed: %s", getattr(exc, "code", type(exc).__name__))
                return
            if session is not self.session:
                return
            if edit.current_token().lower().startswith(text.lower()[:2]):
                edit.add_suggestions(found)

    # ---- drafts ----
    @asyncSlot()
    async def send_selected(self, refs=None):
        if not refs and self.session is not None and self.current_view() != "drafts":
            # never send drafts the user is not looking at: show the list instead
            self.show_view("drafts")
            self.statusBar().showMessage("Select drafts, then press Ctrl+Shift+Return to send them", 6000)
            return
        with self._tracked():
            await self.send_selected_drafts(refs)

    async def send_selected_drafts(self, refs: list[ItemRef] | None = None) -> list[ItemOutcome]:
        """Send many saved drafts in ONE request; sent rows leave the list, failed rows show their error."""
        if self.session is None:
            return []
        if refs is None or refs is False:
            refs = self.drafts.selected_refs()
        if not refs:
            self.statusBar().showMessage("Select drafts to send (Shift+Up/Down, Ctrl+A)", 5000)
            return []
        model = self.drafts.model
        for r in refs:
            model.set_status(r.id, "Sending…", error=False)
        n = len(refs)
        self._busy_push(f"Sending {n} draft{'s' if n != 1 else ''}…")
        self.sending += 1
        try:
            outcomes = await self.session.send_refs(refs)
        except MailError as exc:
            text = self.explain_exc(exc)
            for r in refs:
                model.set_status(r.id, text)
            self._transport_error(exc)
            return []
        finally:
            self.sending -= 1
            self._busy_pop()
        sent_ids = set()
        for ref, o in zip(refs, outcomes):
            if o.ok:
                sent_ids.add(ref.id)
                model.set_status(ref.id, "")
            else:
                model.set_status(ref.id, describe(o.code, o.message))
        model.take_rows(sent_ids)
        failed = n - len(sent_ids)
        self.statusBar().showMessage(f"Sent {len(sent_ids)} of {n}" + (f"; {failed} failed (see Status)" if failed else ""), 8000)
        self.batch_sent.emit(list(outcomes))
        self.sent.model.reload()
        return list(outcomes)

    @asyncSlot(object)
    async def open_draft(self, ref: ItemRef):
        with self._tracked("Opening draft…"):
            try:
                msg = await self.session.get_message(ref)
            except MailError as exc:
                if not self._transport_error(exc):
                    self.drafts.model.set_status(ref.id, self.explain_exc(exc))
                return
            if msg.ref is None:
                msg = msg.copy(ref=ref)
            if not self._stash_current():
                return
            self.compose.load(msg)
            self.show_view("compose")
            self.compose.to.setFocus()

    @asyncSlot(list)
    async def delete_drafts(self, refs: list[ItemRef]):
        if self.session is None:
            return
        with self._tracked("Deleting…"):
            try:
                outcomes = await self.session.delete_items(refs)
            except MailError as exc:
                self.show_error(f"Could not delete: {self.explain_exc(exc)}", retry=False)
                self.drafts.model.reload()
                return
            bad = [o for o in outcomes if not o.ok]
            if bad:
                self.show_error(f"{len(bad)} draft(s) could not be deleted: {bad[0].explanation or describe(bad[0].code)}")
                self.drafts.model.reload()
            else:
                self.statusBar().showMessage(f"Deleted {len(refs)} draft(s)", 4000)

    # ---- sent ----
    @asyncSlot(object)
    async def preview_sent(self, ref: ItemRef):
        with self._tracked():
            try:
                msg = await self.session.get_message(ref)
            except MailError as exc:
                self.sent.body.setPlainText(f"Could not load the message: {self.explain_exc(exc)}")
                return
            cur = self.sent.table.currentIndex()
            s = self.sent.model.summary(cur.row()) if cur.isValid() else None
            if s is not None and s.ref.id == ref.id:
                self.sent.show_message(msg, when=s.sent or s.modified, sender=self.session.account.email)
