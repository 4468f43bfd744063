"""The sandbox's answer budget (issue 65, app/sandbox/ews/budget.py) as Dispatch's EWS backend meets it, over
real HTTP with exchangelib: a server that stops a GetAttachment part way (ResponseClass Warning,
ErrorBatchProcessingStopped for the attachments after its budget) is asked again for the rest, so the
message reads back whole; a server that serves none of them is a per-item error (ItemFailed), not a crash.

Dispatch reads a message's attachments in one GetAttachment, so with the default budget (64 MiB) it meets the
warning only for a draft whose attachments pass 48 MB; here the budget is made small instead."""

from __future__ import annotations

import pytest

from app.domain.models import Attachment, BodyFormat, Draft, Recipient
from app.mail.errors import ItemFailed, MalformedResponse
from tests.helpers.backends import BOB

SIZE = 60_000


def _draft(n: int = 3) -> Draft:
    return Draft(to=[Recipient(BOB)], subject="three attachments", body="see attached", body_format=BodyFormat.TEXT,
                 attachments=[Attachment(f"a{i}.bin", bytes([i]) * SIZE, "application/octet-stream")
                              for i in range(n)])


def _get_attachment_answers(sandbox) -> list[bytes]:
    seen: list[bytes] = []
    sandbox.wire_observer = lambda d, body, injected=False: seen.append(body) if (
        d == "response" and b"GetAttachmentResponse" in body[:3000]) else None
    return seen


def test_attachments_a_server_stopped_are_asked_again_and_the_message_reads_whole(svc, sandbox):
    svc.connect()
    draft = _draft()
    saved = svc.save_draft(draft)
    sandbox.max_answer_bytes = 100_000  # one 60 KB attachment (80 KB in base64) and one more per answer
    answers = _get_attachment_answers(sandbox)
    got = svc.get_message(saved.ref)
    assert {a.name: a.content for a in got.attachments} == {a.name: a.content for a in draft.attachments}
    assert len(answers) == 2 and answers[0].count(b"ErrorBatchProcessingStopped") == 1


def test_a_stop_that_serves_nothing_is_a_per_item_error(svc, sandbox):
    """The sandbox always serves the first id of an answer; the fault injector's item_error (answered
    ResponseClass Warning for this code) stands for a server that stops at once."""
    svc.connect()
    saved = svc.save_draft(_draft(1))
    sandbox.faults.inject("GetAttachment", "item_error", count=1, code="ErrorBatchProcessingStopped")
    with pytest.raises(ItemFailed) as e:
        svc.get_message(saved.ref)
    assert e.value.code == "ErrorBatchProcessingStopped"
    assert svc.get_message(saved.ref).attachments  # and the next read is served


def test_an_answer_with_fewer_attachments_than_asked_is_malformed_not_empty_attachments(svc, sandbox):
    svc.connect()
    saved = svc.save_draft(_draft())
    sandbox.faults.inject("GetAttachment", "item_error", count=1, code="ErrorBatchProcessingStopped")
    with pytest.raises(MalformedResponse):
        svc.get_message(saved.ref)


@pytest.mark.slow
def test_a_35_mb_message_is_read_in_one_answer_within_the_default_budget(svc, sandbox):
    """Exchange Online's largest message (35 MB: 47 MB in base64) passes the default budget in one
    GetAttachment: the budget never stops a request Dispatch makes for a message it could send."""
    svc.connect()
    mb = 1024 * 1024
    draft = Draft(to=[Recipient(BOB)], subject="35 MB", body="big", body_format=BodyFormat.TEXT,
                  attachments=[Attachment(f"part{i}.bin", bytes([i]) * (7 * mb), "application/octet-stream")
                               for i in range(5)])
    saved = svc.save_draft(draft)
    answers = _get_attachment_answers(sandbox)
    got = svc.get_message(saved.ref)
    assert [len(a.content) for a in got.attachments] == [7 * mb] * 5
    assert len(answers) == 1 and b"ErrorBatchProcessingStopped" not in answers[0]
