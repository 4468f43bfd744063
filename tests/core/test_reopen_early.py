"""The message a restarting window shows in Compose before the account's Outbox is built (issue 73, item 7):
:func:`app.core.compose.recovery.message_to_reopen_early` picks what :func:`~app.core.compose.recovery.message_to_reopen` picks
once the Outbox has restored the journal, and nothing while a send held in its undo window waits (the restore
makes that one the message to reopen). A real journal file; no Qt."""

from __future__ import annotations

import time

from app.core.compose import recovery
from app.core.outbox import holds
from app.core.outbox.submission import SubState
from app.domain.models import Draft, Recipient, new_message_id
from app.storage.journal import Journal

ACCOUNT = "sandbox:alice@example.com"


def _draft(subject: str) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject=subject, body=f"the words of {subject}",
                 internet_message_id=new_message_id())


def _later(journal: Journal, local_id: str) -> None:
    t = journal.get(local_id).updated
    while time.time() <= t:  # distinct "updated" times: wait for the clock to move on, not a fixed time
        time.sleep(0.001)


def test_the_newest_message_being_written_is_read_early_with_its_words(tmp_path):
    j = Journal(tmp_path / "journal.sqlite3")
    old, new, other = _draft("older"), _draft("newest"), _draft("another account's")
    j.record(old, account=ACCOUNT)
    _later(j, old.local_id)
    j.record(new, account=ACCOUNT)
    j.record(other, account="sandbox:bob@example.com")
    early = recovery.message_to_reopen_early(j, ACCOUNT)
    assert early.local_id == new.local_id and early.draft.body == "the words of newest"
    assert early.local_id == recovery.message_to_reopen(j, ACCOUNT).local_id
    assert recovery.message_to_reopen_early(j, "sandbox:carol@example.com") is None


def test_nothing_is_read_early_while_a_send_held_for_undo_waits(tmp_path):
    """The Outbox's restore turns that send back into the message to reopen: Compose must be empty for it."""
    j = Journal(tmp_path / "journal.sqlite3")
    writing, held = _draft("being written"), _draft("in its undo window")
    j.record(writing, account=ACCOUNT)
    j.record(held, SubState.HELD.value, account=ACCOUNT, op="send", meta={"hold": holds.UNDO, "release_at": 1.0})
    entry = j.get(held.local_id)
    assert holds.is_undo(entry.state, entry.meta), "the journal holds it as the Outbox would"
    assert recovery.message_to_reopen_early(j, ACCOUNT) is None
    holds.undo_to_editing(j, held.local_id)  # what the Outbox's restore does with it
    assert recovery.message_to_reopen(j, ACCOUNT).local_id == held.local_id
    j.record(_draft("scheduled"), SubState.HELD.value, account=ACCOUNT, op="send",
             meta={"hold": holds.LATER, "release_at": 2e9})
    assert recovery.message_to_reopen_early(j, ACCOUNT).local_id == held.local_id  # a send later does not count
