"""Hand-over over HTTP (app/core/outbox/handover.py): Exchange Online blocks EWS for alice mid-session, her queued
send parks; she signs in with Microsoft 365 (a Graph account, another account key); hand_over moves the
journal's entries to it and a Graph Outbox on the same journal file resumes them. The message reaches bob
exactly once, with its attachment, and no second draft is left in Drafts - also when the EWS send had
committed before the block although the journal never learnt it (the sandbox's ``drop_after_commit``).

Real exchangelib (EwsMailService) and real httpx (GraphMailService) against one sandbox serving both
protocols on the same mailboxes. The rule per state, without a server: tests/core/test_handover.py."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from app.core.outbox.handover import hand_over, waiting_for
from app.core.outbox.submission import SubState
from app.domain.account import AccountConfig, Backend
from app.domain.models import Attachment
from tests.helpers.backends import ALICE, BOB
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Services, account_info
from tests.mail.outbox_harness import POLICY, Box, count

#: the EWS Outbox looks a lost send up only after a minute: the block comes first
EWS_POLICY = replace(POLICY, settle_delay=60.0)
ATTACHMENT = Attachment("minutes.txt", "what was agreed\n".encode() * 50, "text/plain")


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True)


@pytest.fixture
def services(sb):
    s = Services(sb, "ews")
    yield s
    s.close()


def _keys(sb):
    info = account_info(sb, ALICE)
    ews = AccountConfig(email=ALICE, ews_url=sb.ews_url, username=info["username"])
    graph = AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH)
    assert ews.key != graph.key
    return ews.key, graph.key


def _box(svc, path, key, policy) -> Box:
    b = Box(svc, path, policy)
    b.ob.account = key
    return b


def _until(pred, timeout=10.0, what="condition"):
    """Until ``pred()`` holds (Graph delivers 0.3 s after its 202), or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def _delivered(sb, subject):
    return count(sb, "inbox", email=BOB, subject=subject), count(sb, "sentitems", subject=subject)


# case -> (the fault on EWS SendItem, the stored state the journal is left in, whether the send committed)
CASES = {
    "parked": (None, "queued", False),  # the send itself met the block: parked, "waiting for sign-in"
    "committed-unknown": ("drop_after_commit", "unknown", True),  # sent, the answer lost, then blocked
    "committed-submitting": ("drop_after_commit", "submitting", True),  # ... and the app died before it knew
    "not-committed": ("drop_before_commit", "unknown", False),  # the answer lost, nothing sent, then blocked
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_send_held_by_the_ews_block_goes_out_once_through_graph(sb, services, tmp_path, case):
    fault, stored, committed = CASES[case]
    ews_key, graph_key = _keys(sb)
    path = tmp_path / "journal.sqlite3"
    subject = f"handed over ({case})"

    ews = _box(services.ews(ALICE), path, ews_key, EWS_POLICY)
    try:
        saved = ews.save(simple_draft(subject, attachments=[ATTACHMENT]))  # in Drafts, through EWS
        assert count(sb, "drafts", subject=subject) == 1
        if fault is None:
            sb.set_ews(ALICE, False)
            sub = ews.send(saved, final=False)
            assert sub.state == SubState.QUEUED and ews.ob.queue.parked(sub) and ews.ob.queue.needs_sign_in
        else:
            sb.faults.inject("SendItem", fault, count=1)
            sub = ews.run(ews.ob.submit(saved))
            # LOST -> unknown, on disk (the look-up waits its settle delay: a minute)
            ews.until(lambda: sub.state == SubState.UNKNOWN and ews.journal.get(saved.local_id).state == "unknown")
            assert ("SendItem", fault) in sb.faults.fired
            sb.set_ews(ALICE, False)
    finally:
        ews.close()  # the EWS account's Outbox is gone; its work stays in the journal
    if stored == "submitting":  # the app died while the send was on the wire: it never learnt more
        ews.journal.set_state(saved.local_id, stored)
    lid = saved.local_id
    assert ews.journal.get(lid).state == stored and ews.journal.get(lid).account == ews_key
    assert _delivered(sb, subject) == ((1, 1) if committed else (0, 0))
    mid = ews.journal.get(lid).draft.internet_message_id
    assert mid and ews.journal.get(lid).draft.ref is not None

    # she signs in with Microsoft 365 for the same address: the waiting send goes to that account
    assert waiting_for(ews.journal, ews_key) == 1
    report = hand_over(ews.journal, ews_key, graph_key)
    assert report.sends == 1 and report.sends_by_state == {stored: 1} and report.left == ()
    assert waiting_for(ews.journal, ews_key) == 0 and waiting_for(ews.journal, graph_key) == 1

    n = len(sb.request_log)
    graph = _box(services.graph(ALICE), path, graph_key, POLICY)  # a new Outbox on the same journal file
    try:
        resumed = graph.ob.restore()
        assert resumed == [(lid, "queued" if stored == "queued" else "unknown",
                            "queued" if stored == "queued" else "unknown")]
        graph.ob.start()
        sub = graph.run(graph.ob.wait(lid, timeout=30))
        assert sub.state == SubState.SENT, (sub.state, sub.reason)
        # Graph delivers after its 202: wait for bob's copy, then for anything else that might still arrive
        _until(lambda: _delivered(sb, subject) == (1, 1), what="one delivery")
        assert sb.outbox.wait_idle(10)
        assert _delivered(sb, subject) == (1, 1), "delivered exactly once"
        assert count(sb, "drafts", subject=subject) == 0, "no draft left behind (none written twice)"
        got = [i for i in sb.mailbox(BOB).items("inbox") if i["subject"] == subject][0]
        assert got["internet_message_id"] == mid
        assert [(a["name"], a["content"]) for a in got["attachments"]] == [(ATTACHMENT.name, ATTACHMENT.content)]
        after = sb.request_log[n:]
        assert "graph:CreateMessage" not in after, after  # found by Message-ID, never saved blindly
        assert all(op.startswith("graph:") for op in after), after  # nothing through EWS
        if committed:  # found in Sent Items: not sent again, not written again
            assert "graph:SendMessage" not in after and "graph:UpdateMessage" not in after, after
            assert sub.reason.startswith(("Sent (confirmed", "Already sent")), sub.reason
        else:
            assert after.count("graph:SendMessage") == 1, after
        assert not graph.journal.has(lid) and graph.journal.count() == 0
    finally:
        graph.close()


def test_a_save_held_by_the_ews_block_updates_the_same_draft_through_graph(sb, services, tmp_path):
    """A save waiting for sign-in (the user typed on after the block) is handed over too: through Graph it
    finds the draft EWS had saved by its Message-ID and updates it; no second copy in Drafts."""
    ews_key, graph_key = _keys(sb)
    path = tmp_path / "journal.sqlite3"
    ews = _box(services.ews(ALICE), path, ews_key, EWS_POLICY)
    try:
        saved = ews.save(simple_draft("first words", attachments=[ATTACHMENT]))
        sb.set_ews(ALICE, False)
        job = ews.run(ews.ob.save(saved.copy(subject="typed after the block", body="more words"), wait=False))
        job = ews.run(ews.ob.wait(job.local_id, final=False))
        assert job.status.value == "auth" and not job.final  # waiting for sign-in, not failed
    finally:
        ews.close()
    lid, mid = saved.local_id, saved.internet_message_id
    report = hand_over(ews.journal, ews_key, graph_key)
    assert (report.sends, report.saves, report.edits) == (0, 1, 0)
    n = len(sb.request_log)
    graph = _box(services.graph(ALICE), path, graph_key, POLICY)
    try:
        graph.ob.restore()
        graph.ob.start()
        job = graph.run(graph.ob.wait(lid, timeout=30))
        assert job.status.value == "done" and job.saved is not None, job.reason
        drafts = [i for i in sb.mailbox(ALICE).items("drafts") if i["internet_message_id"] == mid]
        assert len(drafts) == 1 and count(sb, "drafts") == 1, "the same draft, updated: no second copy"
        assert drafts[0]["subject"] == "typed after the block" and drafts[0]["body"] == "more words"
        assert [(a["name"], a["content"]) for a in drafts[0]["attachments"]] == [(ATTACHMENT.name, ATTACHMENT.content)]
        assert "graph:CreateMessage" not in sb.request_log[n:], sb.request_log[n:]
        assert graph.journal.count() == 0
    finally:
        graph.close()
