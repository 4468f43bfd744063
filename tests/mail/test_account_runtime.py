"""An account's life on this computer, Qt-free (app/core/account_queue/runtime.py; issue 47): its one queue built,
restored and started once per session, only its own work restored; the message to reopen and the words for
it; recovered messages resumed to Drafts once connected. Real sessions on the sandbox over HTTP, a real
journal file; no window."""

from __future__ import annotations

import asyncio

from app.core.account_queue.runtime import AccountRuntime, waiting_elsewhere
from app.core.common.journal_writer import JournalWriter
from app.core.accounts.session import Session
from app.core.outbox.submission import SubState
from app.domain.models import Draft, Recipient, new_message_id
from app.storage.journal import Journal
from tests.helpers.backends import ALICE, BOB

CAROL = "carol@example.com"


def _session(services, email=ALICE) -> Session:
    return Session.for_service(services.config(email), lambda: services.make(email))


def _unsent(subject: str) -> Draft:
    return Draft(to=[Recipient(BOB)], subject=subject, body=f"the text of {subject}",
                 internet_message_id=new_message_id())


def test_start_builds_one_queue_restores_only_this_accounts_work_and_starts_it(services, tmp_path):
    journal, writer = Journal(tmp_path / "journal.sqlite3"), JournalWriter()
    alice, carol = _session(services), _session(services, CAROL)
    mine, theirs = _unsent("alice's queued"), _unsent("carol's queued")
    journal.record(mine, SubState.QUEUED.value, account=alice.account.key, op="send")
    journal.record(theirs, SubState.QUEUED.value, account=carol.account.key, op="send")
    runtime = AccountRuntime(alice, journal, writer)
    try:
        outbox = runtime.start()
        assert alice.outbox is outbox and runtime.start() is outbox  # one queue for the session
        assert [s.draft.subject for s in outbox.queue.submissions()] == ["alice's queued"]  # never carol's
        assert AccountRuntime(alice, journal, writer).start() is outbox  # the account used again: the same one
        assert waiting_elsewhere(journal, alice.account.key).endswith(f"{CAROL} (1)")

        async def sent():
            return await outbox.wait(mine.local_id, timeout=30)

        assert asyncio.run(sent()).state == SubState.SENT  # started: it went out
        assert [e.draft.subject for e in journal.entries()] == ["carol's queued"]
    finally:
        asyncio.run(outbox.stop())
        alice.close()
        carol.close()
        writer.close()


def test_the_message_to_reopen_and_what_is_said_a_send_in_its_undo_window_said_once(services, tmp_path):
    journal, writer = Journal(tmp_path / "journal.sqlite3"), JournalWriter()
    alice = _session(services)
    key = alice.account.key
    older, held = _unsent("older unsaved"), _unsent("in its undo window")
    journal.record(older, account=key)
    journal.record(held, "held", account=key, op="send", meta={"hold": "undo", "release_at": 0.0})
    runtime = AccountRuntime(alice, journal, writer)
    try:
        runtime.start()  # the undo one is the user's message again (app.core.outbox.restore)
        entry = runtime.to_reopen()
        assert entry is not None and entry.draft.subject == "in its undo window"
        note = runtime.reopened(entry)
        assert note.startswith("“in its undo window” was not sent") and "1 other unsaved message go" in note
        assert runtime.reopened(runtime.to_reopen()).startswith("Reopened the message you were writing")  # once
    finally:
        asyncio.run(alice.outbox.stop())
        alice.close()
        writer.close()


def test_resume_puts_the_recovered_messages_in_drafts_and_keeps_the_one_in_compose(services, sandbox, tmp_path):
    journal, writer = Journal(tmp_path / "journal.sqlite3"), JournalWriter()
    alice = _session(services)
    key = alice.account.key
    shown, other = _unsent("open in Compose"), _unsent("recovered")
    journal.record(shown, account=key)
    journal.record(other, account=key)
    runtime = AccountRuntime(alice, journal, writer)
    try:
        outbox = runtime.start()
        keep = {shown.local_id}
        async def resume():
            assert await runtime.recovering(keep) == {other.local_id}
            branches = await runtime.resume(keep)
            await outbox.wait(other.local_id, timeout=30)
            return branches

        branches = asyncio.run(resume())
        assert {k: b.value for k, b in branches.items()} == {shown.local_id: "reopened", other.local_id: "to_drafts"}
        assert [d["subject"] for d in sandbox.mailbox(ALICE).items("drafts")] == ["recovered"]
        assert [e.draft.subject for e in journal.entries()] == ["open in Compose"]
    finally:
        asyncio.run(alice.outbox.stop())
        alice.close()
        writer.close()
