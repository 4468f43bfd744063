"""Recovery after a crash (app.core.compose.recovery.resume) queues the messages a previous run left for Drafts, never the
one the user is writing now. The user may begin a message while the server is asked about the leftovers (its
first keys are journaled meanwhile): which messages are open in Compose is asked at each decision, after that
wait. Qt-free, on a real journal file; the outbox and the look-up are stand-ins (no server is needed: every
message here was never saved, so the look-up finds nothing)."""

from __future__ import annotations

import asyncio

from app.core.compose import recovery
from app.domain.models import Draft
from app.storage.journal import Journal


class _Outbox:
    def __init__(self):
        self.saved: list[str] = []

    async def save(self, draft: Draft, *, wait: bool = True):
        self.saved.append(draft.local_id)


def test_a_message_begun_in_compose_during_the_look_up_is_kept_there(tmp_path, monkeypatch):
    j = Journal(tmp_path / "journal.sqlite3")
    left = Draft(subject="left by a crash", internet_message_id="<left@example.com>")
    j.record(left, account="alice")
    typing = Draft(subject="being typed now", internet_message_id="<now@example.com>")
    in_compose = {left.local_id}  # at first, the reopened leftover is in Compose

    async def look_up(_client, ids):
        # while the server is asked, the user opens a new message (the leftover goes back to the journal's
        # editing entries) and types: the new message's first keys are journaled
        j.record(typing, account="alice")
        in_compose.clear()
        in_compose.add(typing.local_id)
        return {}

    monkeypatch.setattr(recovery.settle, "look_up", look_up)
    j.record(typing, account="alice")  # its entry exists before the look-up: a journaled first key
    outbox = _Outbox()
    branches = asyncio.run(recovery.resume(j, outbox, None, "alice", keep=lambda: set(in_compose)))
    assert typing.local_id not in outbox.saved, "the message being written was queued as a recovered one"
    assert branches[typing.local_id] == recovery.Branch.REOPENED
    assert outbox.saved == [left.local_id] and branches[left.local_id] == recovery.Branch.TO_DRAFTS
