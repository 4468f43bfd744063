"""Moving journal entries from one account to another, in ONE transaction (all or nothing).

The journal keeps accounts apart (every entry carries the ``account`` key it was written under). When the
same mailbox is reached through another account (EWS blocked, the user signed in with Microsoft 365 for
the same address: :mod:`app.core.outbox.handover`), its unfinished entries are re-keyed here. What each entry
becomes is the caller's decision (``decide``); this module only applies it, and drops the old backend's
identity of every moved entry on the way: its server ref (item id and change key) and its attachments'
server ids are cleared — they name items of the old backend — while the Internet Message-ID, the content
and the attachments' bytes are kept. The retry count and the last error (the old backend's) are reset.

No interpretation of states here: :mod:`app.storage` sits below :mod:`app.core`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from app.storage.journal import Entry, Journal


@dataclass(frozen=True)
class Rekey:
    """What a moved entry becomes: its new ``state`` and, for a send, its new bookkeeping (``meta``; None
    keeps it)."""

    state: str
    meta: dict | None = None


def rekey_entries(journal: Journal, from_account: str, to_account: str,
                  decide: Callable[[Entry], Rekey | None]) -> list[tuple[Entry, Rekey]]:
    """Move every entry of ``from_account`` for which ``decide(entry)`` gives a :class:`Rekey` to
    ``to_account``, with that state (and meta), without its old server identity. One transaction: an
    exception anywhere (``decide`` included) leaves every entry as it was. Entries without an account
    (journals older than accounts) are not ``from_account``'s: they stay. Returns ``(entry as it was,
    what it became)`` for each moved entry."""
    if not from_account or not to_account or from_account == to_account:
        raise ValueError("moving entries needs two different, non-empty account keys")
    moved: list[tuple[Entry, Rekey]] = []
    with journal.transaction() as db:
        for entry in journal.entries(account=from_account):
            if entry.account != from_account:
                continue
            change = decide(entry)
            if change is None:
                continue
            sets, args = ["account=?", "state=?", "attempts=0", "last_error=''"], [to_account, str(change.state)]
            if change.meta is not None:
                sets.append("meta=?")
                args.append(json.dumps(change.meta))
            db.execute(f"UPDATE entries SET {', '.join(sets)} WHERE local_id=? AND account=?",
                       (*args, entry.local_id, from_account))
            journal.forget_server_identity(db, entry.local_id)  # the old backend's item id means nothing now
            db.execute("UPDATE attachments SET attachment_id='' WHERE local_id=?", (entry.local_id,))
            moved.append((entry, change))
    return moved


def unfinished_sends(journal: Journal, account: str, final: frozenset[str] | set[str]) -> int:
    """How many sends wait under exactly ``account`` in a state not in ``final`` (read only)."""
    return sum(1 for state in journal.send_states(account) if state not in final)
