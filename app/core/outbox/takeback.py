"""The user's hand on queued work: take a send back (Enter in the Outbox, Undo), throw it away (Delete),
send it again (Ctrl+R), send a held one now. A mix-in of :class:`app.core.outbox.owner.Outbox`: these are the
owner's methods, kept here by responsibility. No Qt.

Each is decided at once, on the caller's turn: the queue changes before anything else can run, so the
worker can never pick up a message the user just took back, and a refusal (:class:`NotCancellable`,
while the message may be on the wire) is raised at the call. The journal is written, and a taken-back
message read, on the journal's thread behind the writes queued before it: the UI thread never
waits there (a 10 MB body's read, and a 10 MB autosave holding the journal's lock, would take it 16-200 ms).

Every state change here is one of the tables' (``cancel``, ``delete``, ``resubmit``, ``release``), made and
journaled by :meth:`~app.core.outbox.owner.Outbox._transition`: a taken-back send is persisted as the user's
message again (or, for a draft of the server, as its entry leaving the journal), a deleted one as its entry
leaving the journal, a resubmitted or released one as its own record."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future

from app.core.outbox import holds, sources
from app.core.outbox.saves import SaveEvent, SaveJob, SaveStatus
from app.core.outbox.submission import CANCELLABLE, DELETABLE, Event, SubState, Submission
from app.domain.models import Draft
from app.storage.journal import State

log = logging.getLogger(__name__)


class NotCancellable(Exception):
    """The send may be on the wire (or being checked): it can no longer be taken back."""


class TakeBack:
    """The user's hand (mixed into the Outbox, whose state it reads and changes)."""

    def _cancel(self, local_id: str) -> asyncio.Future:
        """Take a queued or failed send back, or a save waiting for the server. The returned future gives the
        message (for Compose), or None when its content lives on the server (a draft from the Drafts list: it
        simply stays there), once the journal holds it as the user's message again."""
        if self.queue.in_flight(local_id):
            raise NotCancellable(local_id)
        job = self._saves.pop(local_id, None)
        if job is not None:  # a save waiting for the server: the message is the user's to edit again
            self._changed()
            written = _logged(self.parts.write.submit(_back_to_editing, self.parts.journal, local_id, None))
            return self._keep(self._save_taken_back(job, written))
        sub = self._subs.get(local_id)
        if sub is None:
            return self._keep(_nothing())
        if sub.state not in CANCELLABLE:
            raise NotCancellable(local_id)
        self._waiters.begin_write(local_id)  # wait() on it returns once CANCELLED is on disk
        # queued on the journal's thread now, not when the task first runs: a window closed right after still
        # finds it there (JournalWriter.close waits for it), and the next start never sends it
        if not sources.of(sub).back_to_compose:  # a server draft stays in Drafts; a file's bytes in the file
            persist = (self.parts.journal.discard, local_id)
        else:
            persist = (_back_to_editing, self.parts.journal, local_id, {})
        written = _logged(self._transition(sub, Event.CANCEL, persist=persist))
        del self._subs[local_id]
        self._changed()
        return self._keep(self._cancelled(sub, written))

    def _in_drafts_as_is(self, local_id: str) -> bool:
        """Would the message :meth:`_cancel` gives back for ``local_id`` be in the server's Drafts as it is?
        Only when its save reached the server during this send (its ``saved`` move) or its content lives on
        the server (a draft sent from Drafts). Ask before :meth:`_cancel`.

        False for anything else: a held send (undo, send later) never reached the server, a save taken back
        never finished, and a send restored after a restart has no moves to tell. Such a message is the user's
        unsaved message again, newer than any copy in Drafts: Compose shows it as one and saves it to Drafts
        before it shows another message (as it does an edited one), so it is never only in the journal."""
        if local_id in self._saves:
            return False
        sub = self._subs.get(local_id)
        if sub is None:
            return False
        if not sources.of(sub).back_to_compose:
            return True
        return any(event == Event.SAVED for _was, event, _new in sub.history)

    def _delete(self, local_id: str) -> asyncio.Future:
        """Remove a queued send or save and its journal entry (the user threw the message away). A send stays
        listed, DELETING (the worker never picks it up), until its delete is on disk: were it gone from the
        queue first and the write then failed, the journal would still hold it as waiting and the next start
        would send it. The returned future gives True once the delete is on disk; False when the journal could
        not record it (the send then stays listed and DELETING, and says so: not deleted, and not sent)."""
        sub = self._subs.get(local_id)
        if (sub is not None and sub.state not in DELETABLE) or self.queue.in_flight(local_id):
            raise NotCancellable(local_id)
        job = self._saves.pop(local_id, None)  # a save left behind would only save to Drafts again
        # queued on the journal's thread now (a window closed right after still finds it there); a send stays
        # listed, DELETING (the worker never picks it up), until that is on disk
        if sub is not None:
            written = self._transition(sub, Event.DELETE, persist=(self.parts.journal.discard, local_id))
            self._resolve_told(sub)  # no longer held: whoever waited for its undo window stops waiting
        else:
            written = self.parts.write.submit(self.parts.journal.discard, local_id)
            self._changed()
        return self._keep(self._deleted(local_id, sub, job, written))

    async def _deleted(self, local_id: str, sub: Submission | None, job: SaveJob | None, written: Future) -> bool:
        try:
            await asyncio.wrap_future(written)
        except Exception as exc:  # noqa: BLE001 - the journal could not write: said in the row, never sent
            log.error("the journal could not record a delete: %s", type(exc).__name__)
            if sub is not None and self._subs.get(local_id) is sub:
                self._not_deleted.add(local_id)
                self._changed()
            return False
        finally:
            if job is not None:  # whoever waited for the save (the window's stash) stops waiting
                self._waiters.gone(job)
        self._not_deleted.discard(local_id)
        if sub is not None and self._subs.get(local_id) is sub:
            del self._subs[local_id]
            self._waiters.gone(sub)  # a mail merge following it says so in its row
        self._changed()
        return True

    def _forget(self, local_id: str) -> bool:
        """Remove a sent message's row from the Outbox list ("Remove from this list"). Nothing else changes:
        the message is in Sent, and its journal entry left when the server confirmed it. False (and nothing
        removed) for anything not sent: that is a send to take back or delete, never to forget."""
        sub = self._subs.get(local_id)
        if sub is None or sub.state != SubState.SENT:
            return False
        del self._subs[local_id]
        self._changed()
        return True

    def _resubmit(self, local_id: str) -> Future | None:
        """Send a failed submission again, or retry a failed save (the user's explicit Retry). The new state
        reaches the disk before anything the worker writes for it next (one journal thread, in order). A send
        waiting for its next try (the server unreachable, busy) tries now instead: ``queued --wake--> queued``."""
        job = self._saves.get(local_id)
        if job is not None and job.status == SaveStatus.FAILED:
            job.apply(SaveEvent.RESUBMIT, attempts=0, retry_at=0.0, reason="")
            self._changed()
            self.parts.worker.poke()
            return None
        sub = self._subs.get(local_id)
        if sub is not None and sub.state == SubState.QUEUED and sub.retry_at and not self.queue.parked(sub):
            done = self._transition(sub, Event.WAKE, retry_at=0.0)  # its try's time only: not journaled
            self._changed()
            self.parts.worker.poke()
            return done
        if sub is None or sub.state != SubState.FAILED:
            return None
        done = _logged(self._transition(sub, Event.RESUBMIT, attempts=0, lookups=0, retry_at=0.0, reason="",
                                       kind=None))
        self._changed()
        self.parts.worker.poke()
        return done

    def _send_now(self, local_id: str) -> bool:
        """Release a held submission at once (the user's "Send now"): HELD --release--> queued, journaled, and
        the worker sends it next. False when it is not held."""
        sub = self._subs.get(local_id)
        if sub is None or sub.state != SubState.HELD:
            return False
        self._waiters.begin_write(local_id)  # the worker takes it once its release is on disk
        written = _logged(self._transition(sub, Event.RELEASE, **holds.RELEASED))
        self._keep(self._released(sub, written))
        self._changed()
        return True

    async def _released(self, sub: Submission, written: Future) -> None:
        try:
            await asyncio.wrap_future(written)
        except Exception:  # noqa: BLE001 - logged (_logged); its previous state stays on disk
            pass
        finally:
            self._waiters.end_write(sub.local_id)
            self._resolve_told(sub)
            self.parts.worker.poke()

    async def _cancelled(self, sub: Submission, written: Future) -> Draft | None:
        try:
            if not sources.of(sub).back_to_compose:
                await asyncio.wrap_future(written)
                return None
            return await _editing_again(written, sub.draft)
        finally:
            self._waiters.end_write(sub.local_id)
            self._resolve_told(sub)

    async def _save_taken_back(self, job: SaveJob, written: Future) -> Draft:
        try:
            return await _editing_again(written, job.draft)
        finally:
            self._waiters.gone(job)  # whoever waited for the save (the window's stash) stops waiting


async def _editing_again(written: Future, known: Draft) -> Draft:
    entry = await asyncio.wrap_future(written)
    return entry.draft if entry else known


def _back_to_editing(journal, local_id: str, meta: dict | None):
    """On the journal thread: the entry is the user's message again (no longer queued); returns it."""
    journal.set_state(local_id, State.EDITING, op="", error="", attempts=0, meta=meta)
    return journal.get(local_id)


async def _nothing() -> None:
    return None


def _logged(fut: Future) -> Future:
    fut.add_done_callback(_log_failure)
    return fut


def _log_failure(fut: Future) -> None:
    if not fut.cancelled() and fut.exception() is not None:
        log.error("the journal could not record an Outbox change: %s", type(fut.exception()).__name__)
