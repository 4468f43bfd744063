"""Crash recovery of what the user was writing (not of sends: those are submissions, which the Outbox
restores and settles itself). No Qt.

At start, for the signed-in account only:

- :func:`message_to_reopen` picks the newest message that was being written, to reopen in Compose.
- :func:`resume` (once connected) looks every other recovered message up by its Internet Message-ID: a
  save that happened before the crash is adopted (the same server draft is updated, never a second one
  created); then the message is queued to be saved to the server's Drafts.

Each message's recovery branch is returned (and logged, without content) so tests can tell what ran.
"""

from __future__ import annotations

import enum
import logging
from typing import Callable

from app.core.outbox import settle
from app.storage.journal import Entry, Journal

log = logging.getLogger(__name__)


class Branch(str, enum.Enum):
    REOPENED = "reopened"  # back in Compose (its server draft adopted if its save had reached the server)
    ADOPTED = "adopted"  # its save had reached the server: that draft is kept, updated, not duplicated
    TO_DRAFTS = "to_drafts"  # queued to be saved to the server's Drafts
    WAITING = "waiting"  # could not look it up yet (offline): tried again at the next connect


def editing_entries(journal: Journal, account: str) -> list[Entry]:
    return [e for e in journal.entries(account=account) if e.op in ("", None)]


def message_to_reopen(journal: Journal, account: str) -> Entry | None:
    """The newest message being written when the app stopped (None: nothing was); a message that was in
    its undo-send window first (it comes back with a note: :func:`app.core.outbox.holds.reopen_note`)."""
    return _newest(editing_entries(journal, account))


def _newest(entries: list[Entry]) -> Entry | None:
    return max(entries, key=lambda e: (bool((e.meta or {}).get("unsent")), e.updated)) if entries else None


def _held_for_undo(entry: Entry) -> bool:
    """:func:`app.core.outbox.holds.is_undo` of a journal entry, without importing the Outbox (this runs while the
    window starts; tests/core/test_reopen_early.py checks that both agree)."""
    return str(getattr(entry.state, "value", entry.state)) == "held" and (entry.meta or {}).get("hold") == "undo"


def message_to_reopen_early(journal: Journal, account: str) -> Entry | None:
    """:func:`message_to_reopen`, read as the window starts, before the account's Outbox has restored the journal, so
    that Compose shows it the first time it is shown (never empty first). None while a send held in its undo window
    waits: the Outbox's restore makes that one the message to reopen, with its note. Bodies are not read but the
    one returned (:meth:`Journal.heads`)."""
    heads = journal.heads(account)
    if any(e.op == "send" and _held_for_undo(e) for e in heads):
        return None
    newest = _newest([e for e in heads if e.op in ("", None)])
    return journal.get(newest.local_id) if newest is not None else None


async def _here(fn, *args):
    return fn(*args)


def kept(keep: set[str] | Callable[[], set[str]]) -> set[str]:
    """The local ids open in Compose now: ``keep`` is asked at each decision when it is a callable."""
    return keep() if callable(keep) else keep


async def resume(journal: Journal, outbox, client, account: str, *, keep: set[str] | Callable[[], set[str]],
                 run=_here) -> dict[str, Branch]:
    """Adopt saves that reached the server and queue the other recovered messages for Drafts.

    ``keep``: local ids open in Compose (they stay there, adopted but not queued); a callable is asked at each
    decision, after the look-up's wait: a message begun in Compose meanwhile (its first keys journaled while the
    server was asked) is the user's, never a recovered one queued for Drafts. ``run(fn, *args)``: awaits
    each journal call (the app's journal thread, :class:`app.core.common.journal_writer.JournalWriter`: the loop's
    thread, the UI's, never waits on the journal's lock; by default the call is made in place). Raises
    nothing: a message that cannot be looked up yet stays in the journal as it is.
    """
    entries = await run(editing_entries, journal, account)
    branches: dict[str, Branch] = {}
    unsaved = [e for e in entries if e.draft.ref is None and e.draft.internet_message_id]
    unsaved_ids = {e.local_id for e in unsaved}
    found: dict = {}
    if unsaved:
        try:
            found = await settle.look_up(client, [e.draft.internet_message_id for e in unsaved])
        except Exception as exc:  # noqa: BLE001 - offline: the next connect tries again
            log.info("recovery: could not look messages up yet (%s)", getattr(exc, "code", type(exc).__name__))
            return {e.local_id: Branch.WAITING for e in entries}
    for e in entries:
        draft = e.draft
        ref = settle.verdict(found.get(draft.internet_message_id))[1] if e.local_id in unsaved_ids else None
        if ref is not None:  # its save had reached the server: that draft is the one kept and updated
            await run(journal.set_server_identity, e.local_id, ref)
        entry = await run(journal.get, e.local_id)
        if entry is None:
            continue  # gone meanwhile (sent or deleted from Compose): nothing left to recover
        if e.local_id in kept(keep):
            branches[e.local_id] = Branch.REOPENED
        else:
            await outbox.save(entry.draft, wait=False)
            branches[e.local_id] = Branch.ADOPTED if ref is not None else Branch.TO_DRAFTS
        log.info("recovery: message %s %s%s", e.local_id[:8], branches[e.local_id].value,
                 " (its server draft adopted)" if ref is not None else "")
    return branches


def newer_local_versions(journal: Journal, account: str) -> dict[str, Entry]:
    """Server drafts (by item id) of which this computer holds a newer version: edits recorded in the
    journal and not yet saved to the server (typed, restored after a restart, or a save still queued).
    Opening such a draft must show that version, and sending it as the server has it would send an older
    one than the user wrote. Entries come without their bodies (a look, never a 10 MB read)."""
    return {e.draft.ref.id: e for e in journal.heads(account) if e.op != "send" and e.draft.ref is not None}
