"""The user's hand on queued work: take a send back (Enter in the Outbox, Undo), throw it away (Delete),
send it again (Ctrl+R). No Qt.

Each is decided at once, on the caller's turn: the queue changes before anything else can run, so the
worker can never pick up a message the user just took back, and a refusal (:class:`NotCancellable`,
while the message may be on the wire) is raised at the call. The journal is written, and a taken-back
message read, on the journal's thread behind the writes queued before it: the UI thread never
waits there (a 10 MB body's read, and a 10 MB autosave holding the journal's lock, would take it 16-200 ms).

Every state change here is one of the table's (``cancel``, ``delete``, ``resubmit``), made and journaled
by :meth:`app.core.outbox.Outbox.transition`: a taken-back send is persisted as the user's message again
(or, for a draft of the server, as its entry leaving the journal), a deleted one as its entry leaving the
journal, a resubmitted one as its own record."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future

from app.core.rows import NOT_DELETED, SaveJob, SaveStatus
from app.core.submission import CANCELLABLE, DELETABLE, Event, SubState, Submission
from app.domain.models import Draft
from app.storage.journal import State

log = logging.getLogger(__name__)


class NotCancellable(Exception):
    """The send may be on the wire (or being checked): it can no longer be taken back."""


def cancel(box, local_id: str) -> asyncio.Future:
    """Take a queued or failed send back, or a save waiting for the server. The returned future gives the
    message (for Compose), or None when its content lives on the server (a draft from the Drafts list: it
    simply stays there), once the journal holds it as the user's message again."""
    if box.in_flight(local_id):
        raise NotCancellable(local_id)
    job = box.saves.pop(local_id, None)
    if job is not None:  # a save waiting for the server: the message is the user's to edit again
        box.changed()
        written = _queue_write(box, _back_to_editing, box.journal, local_id, None)
        return box.keep(_save_taken_back(box, job, written))
    sub = box.subs.get(local_id)
    if sub is None:
        return box.keep(_nothing())
    if sub.state not in CANCELLABLE:
        raise NotCancellable(local_id)
    box.waiters.begin_write(local_id)  # wait() on it returns once CANCELLED is on disk
    # queued on the journal's thread now, not when the task first runs: a window closed right after still
    # finds it there (JournalWriter.close waits for it), and the next start never sends it
    if sub.source != "compose":  # a server draft stays in Drafts; a file's bytes stay in the file
        persist = (box.journal.discard, local_id)
    else:
        persist = (_back_to_editing, box.journal, local_id, {})
    written = _logged(box.transition(sub, Event.CANCEL, persist=persist))
    del box.subs[local_id]
    box.changed()
    return box.keep(_cancelled(box, sub, written))


def in_drafts_as_is(box, local_id: str) -> bool:
    """Would the message :func:`cancel` gives back for ``local_id`` be in the server's Drafts as it is (issue
    59)? Only when its save reached the server during this send (its ``saved`` move) or its content lives on
    the server (a draft sent from Drafts). Ask before :func:`cancel`.

    False for anything else: a held send (undo, send later) never reached the server, a save taken back
    never finished, and a send restored after a restart has no moves to tell. Such a message is the user's
    unsaved message again, newer than any copy in Drafts: Compose shows it as one and saves it to Drafts
    before it shows another message (as it does an edited one), so it is never only in the journal."""
    if local_id in box.saves:
        return False
    sub = box.subs.get(local_id)
    if sub is None:
        return False
    if sub.source != "compose":
        return True
    return any(event == Event.SAVED for _was, event, _new in sub.history)


def delete(box, local_id: str) -> asyncio.Future:
    """Remove a queued send or save and its journal entry (the user threw the message away). A send stays
    listed, DELETING (the worker never picks it up), until its delete is on disk: were it gone from the
    queue first and the write then failed, the journal would still hold it as waiting and the next start
    would send it. The returned future gives True once the delete is on disk; False when the journal could
    not record it (the send then stays listed and DELETING, with the reason: not deleted, and not sent)."""
    sub = box.subs.get(local_id)
    if (sub is not None and sub.state not in DELETABLE) or box.in_flight(local_id):
        raise NotCancellable(local_id)
    job = box.saves.pop(local_id, None)  # a save left behind would only save to Drafts again
    # queued on the journal's thread now (a window closed right after still finds it there); a send stays
    # listed, DELETING (the worker never picks it up), until that is on disk
    if sub is not None:
        written = box.transition(sub, Event.DELETE, persist=(box.journal.discard, local_id))
        box.resolve(sub)  # no longer held: whoever waited for its undo window stops waiting
    else:
        written = box.write.submit(box.journal.discard, local_id)
        box.changed()
    return box.keep(_deleted(box, local_id, sub, job, written))


async def _deleted(box, local_id: str, sub: Submission | None, job: SaveJob | None, written: Future) -> bool:
    try:
        await asyncio.wrap_future(written)
    except Exception as exc:  # noqa: BLE001 - the journal could not write: said in the row, never sent
        log.error("the journal could not record a delete: %s", type(exc).__name__)
        if sub is not None and box.subs.get(local_id) is sub:
            sub.reason = NOT_DELETED
            box.changed()
        return False
    finally:
        if job is not None:  # whoever waited for the save (the window's stash) stops waiting
            box.waiters.gone(job)
    if sub is not None and box.subs.get(local_id) is sub:
        del box.subs[local_id]
        box.waiters.gone(sub)  # a mail merge following it says so in its row
    box.changed()
    return True


def forget(box, local_id: str) -> bool:
    """Remove a sent message's row from the Outbox list ("Remove from this list"). Nothing else changes:
    the message is in Sent, and its journal entry left when the server confirmed it. False (and nothing
    removed) for anything not sent: that is a send to take back or delete, never to forget."""
    sub = box.subs.get(local_id)
    if sub is None or sub.state != SubState.SENT:
        return False
    del box.subs[local_id]
    box.changed()
    return True


def resubmit(box, local_id: str) -> Future | None:
    """Send a failed submission again, or retry a failed save (the user's explicit Retry). The new state
    reaches the disk before anything the worker writes for it next (one journal thread, in order)."""
    job = box.saves.get(local_id)
    if job is not None and job.status == SaveStatus.FAILED:
        job.status, job.attempts, job.retry_at, job.reason = SaveStatus.WAITING, 0, 0.0, ""
        box.changed()
        box.worker.poke()
        return None
    sub = box.subs.get(local_id)
    if sub is None or sub.state != SubState.FAILED:
        return None
    sub.attempts, sub.lookups, sub.retry_at, sub.reason, sub.kind = 0, 0, 0.0, "", None
    done = _logged(box.transition(sub, Event.RESUBMIT))
    box.changed()
    box.worker.poke()
    return done


async def _cancelled(box, sub: Submission, written: Future) -> Draft | None:
    try:
        if sub.source != "compose":
            await asyncio.wrap_future(written)
            return None
        return await _editing_again(written, sub.draft)
    finally:
        box.waiters.end_write(sub.local_id)
        box.resolve(sub)


async def _save_taken_back(box, job: SaveJob, written: Future) -> Draft:
    try:
        return await _editing_again(written, job.draft)
    finally:
        box.waiters.gone(job)  # whoever waited for the save (the window's stash) stops waiting


async def _editing_again(written: Future, known: Draft) -> Draft:
    entry = await asyncio.wrap_future(written)
    return entry.draft if entry else known


def _back_to_editing(journal, local_id: str, meta: dict | None):
    """On the journal thread: the entry is the user's message again (no longer queued); returns it."""
    journal.set_state(local_id, State.EDITING, op="", error="", attempts=0, meta=meta)
    return journal.get(local_id)


async def _nothing() -> None:
    return None


def _queue_write(box, fn, *args, **kwargs) -> Future:
    """A journal write the caller does not wait for (a key press): in order with every other write, a
    failure logged (the entry keeps its previous state on disk)."""
    return _logged(box.write.submit(fn, *args, **kwargs))


def _logged(fut: Future) -> Future:
    fut.add_done_callback(_log_failure)
    return fut


def _log_failure(fut: Future) -> None:
    if not fut.cancelled() and fut.exception() is not None:
        log.error("the journal could not record an Outbox change: %s", type(fut.exception()).__name__)
