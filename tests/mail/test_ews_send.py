"""Sending saved drafts: one request for many drafts (EWS: one SendItem; Graph: a $batch per 20), a true
per-item result for every item. ``@both`` tests run once per backend with the same assertions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.models import Attachment, Folder, OutcomeStatus
from tests.helpers.backends import BOB, every_backend, protocol, settle
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Services, ops


def _inbox_subjects(sb, email=BOB):
    return sorted(i["subject"] for i in sb.mailbox(email).items("inbox"))


@every_backend
def test_send_one_saved_draft_goes_to_sent_and_to_bob_and_leaves_drafts(svc, sandbox, backend):
    saved = svc.save_draft(simple_draft("hello bob"))
    svc.list_messages(Folder.SENT, 0, 1)  # warm the Sent folder lookup (counted separately in the bench)
    n = len(sandbox.request_log)
    out = svc.send_drafts([saved.ref])
    assert ops(sandbox, n) == {"ews": ["SendItem"], "graph": ["graph:SendMessage"]}[protocol(backend)]
    settle(sandbox)
    assert len(out) == 1 and out[0].status == OutcomeStatus.SENT and out[0].code == "NoError"
    assert out[0].ref == saved.ref
    assert _inbox_subjects(sandbox) == ["hello bob"]
    assert [s.subject for s in svc.list_messages(Folder.SENT, 0, 10).items] == ["hello bob"]
    assert svc.list_messages(Folder.DRAFTS, 0, 10).items == []
    inbox = sandbox.mailbox(BOB).items("inbox")
    assert inbox[0]["internet_message_id"] == saved.internet_message_id


@every_backend
def test_batch_of_five_with_two_failures_gives_ordered_outcomes_in_one_request(small_sandbox, backend):
    services = Services(small_sandbox, backend)
    try:
        svc = services.make()
        drafts = [svc.save_draft(simple_draft(f"batch {i}")) for i in range(5)]
        drafts[1] = svc.save_draft(replace(drafts[1], attachments=[Attachment("big.bin", b"\xAB" * 100_000)]))
        assert svc.delete_items([drafts[3].ref], to_trash=False)[0].ok  # deleted meanwhile
        svc.list_messages(Folder.SENT, 0, 1)
        n = len(small_sandbox.request_log)
        out = svc.send_drafts([d.ref for d in drafts])
        assert ops(small_sandbox, n) == {  # ONE request for the whole batch (Graph logs each inner request too)
            "ews": ["SendItem"], "graph": ["graph:Batch"] + ["graph:SendMessage"] * 5}[protocol(backend)]
        settle(small_sandbox)
        assert [o.status for o in out] == [
            OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT
        ]
        assert [o.ref for o in out] == [d.ref for d in drafts]
        assert out[1].code == "ErrorMessageSizeExceeded" and out[1].explanation == "Too large to send"
        assert out[3].code == "ErrorItemNotFound" and out[3].message
        assert _inbox_subjects(small_sandbox) == ["batch 0", "batch 2", "batch 4"]
        # the failed one is still a draft, untouched
        assert [s.subject for s in svc.list_messages(Folder.DRAFTS, 0, 10).items] == ["batch 1"]
    finally:
        services.close()


def test_raw_bulk_send_loses_the_batch_but_send_drafts_keeps_a_true_result_per_item(svc, sandbox):
    """exchangelib raises ErrorInvalidRecipients for the WHOLE batch although the others went out. (EWS
    only: it is about exchangelib's bulk_send; Graph's mixed batch is test_batch_of_five_... above.)"""
    from exchangelib.errors import ErrorInvalidRecipients

    acct = svc.account
    raw = [svc.save_draft(simple_draft(f"raw {i}", to=None if i == 1 else BOB)) for i in range(3)]
    with pytest.raises(ErrorInvalidRecipients):
        acct.bulk_send([(d.ref.id, d.ref.change_key) for d in raw], save_copy=True, copy_to_folder=acct.sent)
    assert _inbox_subjects(sandbox) == ["raw 0", "raw 2"], "the server did send them; exchangelib lost the results"

    ours = [svc.save_draft(simple_draft(f"ours {i}", to=None if i == 1 else BOB)) for i in range(3)]
    n = len(sandbox.request_log)
    out = svc.send_drafts([d.ref for d in ours])
    assert ops(sandbox, n) == ["SendItem"]
    assert [o.status for o in out] == [OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT]
    assert out[1].code == "ErrorInvalidRecipients" and out[1].explanation == "No valid recipients"
    subjects = _inbox_subjects(sandbox)
    assert subjects.count("ours 0") == 1 and subjects.count("ours 2") == 1 and "ours 1" not in subjects


@every_backend
def test_send_with_stale_or_malformed_ids_is_per_item(svc, sandbox):
    ok = svc.save_draft(simple_draft("fine"))
    out = svc.send_drafts([replace(ok.ref, id="BADID"), ok.ref])
    assert out[0].status == OutcomeStatus.FAILED and out[0].code.startswith("Error")
    assert out[1].status == OutcomeStatus.SENT
    assert svc.send_drafts([]) == []


def test_send_without_copy(svc, sandbox):
    """EWS only: Graph's send of a saved draft always keeps a copy in Sent Items (saveToSentItems belongs to
    sendMail alone), and the core never asks for no copy; GraphMailService refuses it before sending
    (tests/mail/test_graph_backend.py)."""
    saved = svc.save_draft(simple_draft("no copy"))
    assert svc.send_drafts([saved.ref], save_copy=False)[0].ok
    assert _inbox_subjects(sandbox) == ["no copy"]
    assert svc.list_messages(Folder.SENT, 0, 10).items == []
