"""The one submission path for saves (app.core.outbox) against the real sandbox over HTTP, with each backend
(``@every_backend``): a first save or a re-save whose answer was lost, or that committed after our timeout, leaves
exactly one draft with the newest text, no duplicate attachment and no conflict."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import Recipient
from tests.helpers.backends import ALICE, BOB, every_backend, op
from tests.helpers.drafts import full_draft, simple_draft
from tests.mail.outbox_harness import POLICY, Box, count


@every_backend
def test_first_save_dropped_after_commit_does_not_duplicate_the_draft(box, sandbox, backend):
    d = full_draft(internet_message_id="")
    sandbox.faults.inject(op(backend, "CreateItem"), "drop_after_commit", count=1)
    saved = box.save(d)
    assert (op(backend, "CreateItem"), "drop_after_commit") in sandbox.faults.fired
    assert saved.ref is not None and count(sandbox, "drafts") == 1
    back = box.svc.get_message(saved.ref)
    assert sorted(a.name for a in back.attachments) == sorted(a.name for a in d.attachments)


@every_backend
def test_late_commit_of_a_first_save_after_a_timeout_is_adopted(services, sandbox, tmp_path, backend):
    # the client gives up after 1.5 s, the server commits at 3 s, the look-up comes at 5 s: each a second and
    # more from the next, so a loaded machine (every request is also checked against the XSD) cannot make a
    # look-up time out as well (with 0.5 / 1 / 1.5 s it did, once in four quick runs)
    svc = services.make(timeout=1.5)
    svc.connect()
    b = Box(svc, tmp_path / "j.sqlite3", RetryPolicy(max_attempts=3, base=0.05, jitter=0.0, settle_delay=3.5))
    sandbox.faults.inject(op(backend, "CreateItem"), "delay", count=1, seconds=3.0)  # commits after our timeout
    try:
        saved = b.save(full_draft(internet_message_id=""))
    finally:
        b.close()
    # count only once the late request has landed: its handler (in its delay when we timed out) has
    # committed and ended; the client's connections are closed, so nothing else is being served
    assert sandbox.wait_handlers(10), sandbox.active_handlers
    assert sandbox.faults.fired == [(op(backend, "CreateItem"), "delay")]
    assert saved.ref is not None and count(sandbox, "drafts") == 1
    assert sorted(a.name for a in svc.get_message(saved.ref).attachments) == ["notes.txt", "report.pdf"]


@pytest.mark.parametrize("ews_op", ["UpdateItem", "CreateAttachment", "DeleteAttachment"])
@every_backend
def test_a_lost_reply_during_a_resave_is_retried_without_conflicts_or_duplicates(box, sandbox, ews_op, backend):
    from app.domain.models import Attachment

    saved = box.save(full_draft(internet_message_id=""))
    edited = replace(saved, subject="edited", to=[Recipient("carol@example.com")],
                     attachments=[saved.attachments[0], Attachment("third.txt", b"3")])
    sandbox.faults.inject(op(backend, ews_op), "drop_after_commit", count=1)
    again = box.save(edited)
    assert (op(backend, ews_op), "drop_after_commit") in sandbox.faults.fired
    back = box.svc.get_message(again.ref)
    assert back.subject == "edited" and back.to == [Recipient("carol@example.com", "Carol Clark")]  # named (issue 51)
    assert sorted(a.name for a in back.attachments) == ["report.pdf", "third.txt"]
    assert count(sandbox, "drafts") == 1
    assert box.send(again).state == SubState.SENT  # and its change key is current: it sends at once


@every_backend
def test_an_edit_saved_while_a_lost_update_waits_wins_without_a_conflict(services, sandbox, tmp_path, backend):
    """The answer to an UpdateItem is lost (the server has the change, we keep the old ChangeKey); the
    user edits again before the retry. The retry saves over the server's current version: the newest text
    is on the server, once, with no ErrorIrresolvableConflict (a stale key with a different value)."""
    b = Box(services.make(), tmp_path / "j.sqlite3", replace(POLICY, settle_delay=1.0))
    try:
        saved = b.save(simple_draft("first"))
        sandbox.faults.inject(op(backend, "UpdateItem"), "drop_after_commit", count=1)
        job = b.run(b.ob.save(replace(saved, subject="second"), wait=False))
        b.run(b.ob.wait(job.local_id, final=False))  # lost: waits for its look-up / retry
        assert job.status.value == "retrying" and job.adopt
        job = b.run(b.ob.save(replace(saved, subject="third"), wait=False))  # the editor still has the old key
        done = b.run(b.ob.wait(job.local_id))
        assert done.saved is not None, done.reason
        drafts = sandbox.mailbox(ALICE).items("drafts")
        assert [d["subject"] for d in drafts] == ["third"]
        assert b.svc.get_message(done.saved.ref).subject == "third"
    finally:
        b.close()


@every_backend
@pytest.mark.parametrize("first", [True, False], ids=["create", "update"])
def test_a_save_no_server_can_store_is_refused_with_its_reason_and_kept(box, sandbox, backend, caplog, first):
    """Ctrl+S checks at the field what no save can store (an address over 255 characters, a subject over
    255); a save queued another way (Ctrl+N over the edited message, opening another draft, recovery after
    a restart) was not checked: exchangelib refused it while building its UpdateItem with a ValueError,
    logged as an unexpected error and retried as a damaged reply. Found by the walk across a restart in
    tests/ui/test_keyboard_monkey.py (a copied Outbox row pasted into To). Now the queue refuses it before
    the network, with the words Compose shows; the journal keeps the message as written."""
    import logging

    from app.core.outbox.saves import SaveStatus

    caplog.set_level(logging.WARNING)
    draft = simple_draft("too long an address")
    if not first:
        draft = box.save(draft)
    long = "walk 54\tcarol@example.com\tRetrying in 4 s " + "x" * 300
    bad = replace(draft, to=[Recipient(BOB), Recipient(long)])
    writes = len([o for o in sandbox.request_log if "Create" in o or "Update" in o])
    job = box.run(box.ob.save(bad, wait=False))
    job = box.run(box.ob.wait(job.local_id))
    assert job.saved is None and job.status == SaveStatus.FAILED
    assert "at most 255" in job.reason and "Shorten or remove it" in job.reason
    assert len([o for o in sandbox.request_log if "Create" in o or "Update" in o]) == writes, "nothing sent"
    kept = box.journal.get(job.local_id)
    assert kept is not None and [r.email for r in kept.draft.to] == [BOB, long]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("app")], \
        [r.getMessage() for r in caplog.records]
