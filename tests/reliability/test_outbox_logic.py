"""Outbox state machine against an in-memory fake service (see fakes.py for why a fake here).
The same properties are proven against the real sandbox + exchangelib in test_faults.py."""

from __future__ import annotations

import asyncio

import pytest

from app.core.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.retry import RetryPolicy, RowStatus
from app.domain.models import Attachment, Draft, Recipient
from app.storage.journal import Journal, State
from tests.reliability.fakes import FlakyService

FAST = RetryPolicy(max_attempts=10, base=0.01, factor=2, cap=0.05, jitter=0, settle_delay=0.02)


def mk(i: int) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject=f"m{i}", body=f"body {i}",
                 attachments=[Attachment("a.txt", b"x" * i)])


def run(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coro, 30))
    finally:
        loop.close()


@pytest.fixture
def env(tmp_path):
    svc = FlakyService()
    client = MailClient(lambda: svc, workers=2)
    journal = Journal(tmp_path / "j.sqlite3")
    yield svc, client, journal
    client.close()


@pytest.mark.parametrize("through_pipeline", [False, None], ids=["bare-client", "send-pipeline"])
@pytest.mark.parametrize("fault", ["offline", "drop_before_commit", "drop_after_commit", "busy"])
def test_send_exactly_once_under_each_fault(env, fault, through_pipeline):
    svc, client, journal = env

    async def main():
        ob = Outbox(client, journal, policy=FAST, pipeline=through_pipeline)
        drafts = [mk(i) for i in range(20)]
        for i, d in enumerate(drafts):
            if i % 3 == 0:
                svc.inject("save", fault)
            if i % 4 == 0:
                svc.inject("send", fault)
            ob.send(d)
        await ob.drain(20)
        await ob.stop()
        return ob, drafts

    ob, drafts = run(main())
    assert all(r.status == RowStatus.DONE for r in ob.rows()), [(r.subject, r.status, r.reason) for r in ob.rows()]
    mids = [d.internet_message_id for d in svc.sent]
    assert len(mids) == len(set(mids)) == 20
    assert svc.drafts == {}  # no orphan server drafts (no duplicate CreateItem)
    assert journal.count() == 0


def test_save_offline_keeps_local_then_saves_once_when_back(env):
    svc, client, journal = env

    async def main():
        ob = Outbox(client, journal, policy=FAST, pipeline=False)
        svc.inject("save", "offline", count=3)
        d = mk(1)
        row = await ob.save(d)
        first = (row.status, row.text(0.0))
        assert journal.get(d.local_id).state == State.OUTBOX_WAITING
        await ob.wait(d.local_id)
        await ob.stop()
        return first, row

    first, row = run(main())
    assert first[0] == RowStatus.RETRYING and "Retrying in" in first[1]
    assert row.status == RowStatus.DONE and row.saved.ref is not None
    assert len(svc.drafts) == 1 and journal.count() == 0


def test_busy_waits_the_server_backoff_and_shows_it(env):
    svc, client, journal = env
    seen = []

    async def main():
        ob = Outbox(client, journal, policy=FAST, pipeline=False)
        ob.on_change = lambda: seen.extend(t for _, _, t in ob.row_texts())
        svc.inject("send", "busy", retry_after=0.3)
        d = mk(2)
        t0 = asyncio.get_running_loop().time()
        ob.send(d)
        await ob.wait(d.local_id)
        await ob.stop()
        return asyncio.get_running_loop().time() - t0

    took = run(main())
    assert took >= 0.3
    assert any(t.startswith("Waiting 0 s (server busy)") or t.startswith("Waiting") and "busy" in t for t in seen), seen
    assert len(svc.sent) == 1


def test_401_parks_work_until_reauth(env):
    svc, client, journal = env
    asked = []

    async def main():
        gate = asyncio.Event()

        async def reauth():
            asked.append(1)
            await gate.wait()
            return True

        ob = Outbox(client, journal, policy=FAST, pipeline=False, reauth=reauth)
        svc.inject("send", "http_401")
        d = mk(3)
        ob.send(d)
        for _ in range(500):  # until the 401 came back (the machine may be busy)
            if ob.needs_sign_in:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        parked = (ob.needs_sign_in, ob.rows()[0].status, ob.rows()[0].text(0))
        gate.set()
        await ob.wait(d.local_id)
        await ob.stop()
        return parked, ob

    parked, ob = run(main())
    assert parked == (True, RowStatus.AUTH, "Waiting for sign-in")
    assert asked == [1] and len(svc.sent) == 1 and ob.rows()[0].status == RowStatus.DONE


def test_permanent_failure_shows_reason_and_keeps_message(env):
    svc, client, journal = env

    async def main():
        ob = Outbox(client, journal, policy=FAST, pipeline=False)
        svc.inject("send", "busy", count=50, retry_after=0.001)
        d = mk(4)
        ob.send(d)
        row = await ob.wait(d.local_id)
        await ob.stop()
        return row, d

    row, d = run(main())
    assert row.status == RowStatus.FAILED and "gave up after 10 attempts" in row.reason
    assert row.text(0).startswith("Failed: ")
    e = journal.get(d.local_id)
    assert e is not None and e.draft.body == d.body and e.op == "send"


def test_crash_mid_send_is_settled_not_resent(env):
    """The app died while SendItem was in flight (journal says 'sending'); the server did send it."""
    svc, client, journal = env

    async def first_run():
        ob = Outbox(client, journal, policy=FAST, pipeline=False)
        d = mk(5)
        ob.send(d)
        await ob.wait(d.local_id)
        await ob.stop()
        return d

    d = run(first_run())
    # simulate: the journal entry was still 'sending' when the process died
    e = d.copy(internet_message_id=svc.sent[0].internet_message_id)
    journal.record(e, State.SENDING)
    journal.set_state(e.local_id, State.SENDING, op="send")

    async def second_run():
        ob = Outbox(client, journal, policy=FAST, pipeline=False)
        assert ob.restore() == 1
        await ob.drain(10)
        await ob.stop()
        return ob

    ob = run(second_run())
    assert len(svc.sent) == 1 and ob.stats["settled_sent"] == 1 and journal.count() == 0


def test_saved_again_while_in_flight_and_while_queued_makes_one_server_draft(env):
    svc, client, journal = env

    async def main():
        ob = Outbox(client, journal, policy=FAST, pipeline=None)
        d = mk(6)
        svc.inject("save", "offline", count=2)
        await ob.save(d)  # queued: not on the server yet; the editor's copy has no ref/Message-ID
        d.body = "second version"
        await ob.save(d)  # saved again from the same editor copy
        d.body = "third version"
        ob.send(d)  # and sent while the save may be in flight
        await ob.drain(10)
        await ob.stop()

    run(main())
    assert svc.drafts == {} and len(svc.sent) == 1 and svc.sent[0].body == "third version"
    assert journal.count() == 0
