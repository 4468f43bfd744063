"""A Graph save of a new draft is several requests: POST /me/messages (which creates it, its small files
inline), then a listing of its attachments' ids (or an upload per larger file, then the change key). When a
request after the POST fails - the server restarting between the two (could not connect), busy, a dropped
answer - the draft already exists in Drafts. That must never read as "nothing was saved": the core would
create it a second time, send that one and leave the first in Drafts (a sent message also left in Drafts,
the duplicate the restart soak found in tests/reliability/test_faults.py). Each fault is asserted to have
fired; the message ends up once in Sent Items, once in the recipient's Inbox, and not in Drafts."""

from __future__ import annotations

import pytest

from app.core.outbox.submission import SubState
from app.domain.models import Attachment, ErrorKind
from app.mail.errors import MailError
from tests.helpers.backends import BOB, settle
from tests.helpers.drafts import simple_draft
from tests.mail.outbox_harness import count

pytestmark = pytest.mark.parametrize("backend", ["graph"], indirect=True)

#: faults on the listing after the create, each one of a kind the core retries without looking up:
#: "could not connect" (the server gone between the two requests) is a stopped sandbox's; the sandbox's own
#: kinds here are the busy / unavailable answers
AFTER_CREATE = [("http_503", {"retry_after": 0}), ("server_busy", {"backoff_ms": 0}),
                ("drop_before_commit", {})]


def _with_file(subject: str):
    return simple_draft(subject, attachments=[Attachment("note.txt", b"a small file\n", "text/plain")])


@pytest.mark.parametrize("fault,params", AFTER_CREATE)
def test_a_failure_after_the_create_says_the_draft_exists(svc, sandbox, fault, params):
    """The backend's error after its POST was answered is an unknown outcome (the core then finds the draft
    by its Message-ID), never a kind that says nothing was done."""
    sandbox.faults.inject("ListAttachments", fault, count=1, **params)
    with pytest.raises(MailError) as err:
        svc.save_draft(_with_file("created, then the listing failed"))
    assert ("ListAttachments", fault) in sandbox.faults.fired
    assert err.value.kind == ErrorKind.OUTCOME_UNKNOWN, err.value.kind
    assert count(sandbox, "drafts", subject="created, then the listing failed") == 1


@pytest.mark.parametrize("fault,params", AFTER_CREATE)
def test_a_send_whose_save_failed_after_the_create_leaves_no_second_draft(box, sandbox, fault, params):
    subject = f"send after a failed listing ({fault})"
    sandbox.faults.inject("ListAttachments", fault, count=1, **params)
    sub = box.send(_with_file(subject))
    assert ("ListAttachments", fault) in sandbox.faults.fired
    assert sub.state == SubState.SENT, (sub.state, sub.reason)
    settle(sandbox)
    assert count(sandbox, "sentitems", subject=subject) == 1
    assert count(sandbox, "inbox", email=BOB, subject=subject) == 1
    assert count(sandbox, "drafts", subject=subject) == 0  # no second copy left behind


@pytest.mark.parametrize("fault,params", AFTER_CREATE)
def test_a_save_that_failed_after_the_create_is_one_draft(box, sandbox, fault, params):
    subject = f"save after a failed listing ({fault})"
    sandbox.faults.inject("ListAttachments", fault, count=1, **params)
    saved = box.save(_with_file(subject))
    assert ("ListAttachments", fault) in sandbox.faults.fired
    assert count(sandbox, "drafts", subject=subject) == 1
    back = sandbox.mailbox("alice@example.com").items("drafts")
    mine = [d for d in back if d["subject"] == subject]
    assert [a["name"] for a in mine[0]["attachments"]] == ["note.txt"]
    assert saved.ref is not None and mine[0]["id"]
