"""Deferred sends over EWS (real exchangelib): a message sent with PidTagDeferredSendTime (0x3FEF, SystemTime, UTC)
in the future waits in the sender's Outbox and goes out when the sandbox's clock (advanced through the admin
endpoint, or Sandbox.advance_clock) passes its time; one taken back (moved to Drafts) before then is never sent;
one whose time has passed goes at once. Nothing waits in real time: the sandbox's clock is injected and moved."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from exchangelib import EWSDateTime, Message
from exchangelib.errors import ErrorItemNotFound

from tests.helpers.deferred import deferred_field  # noqa: F401 - a fixture
from tests.helpers.ews_accounts import make_account

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(clock=lambda: START)


def _advance(sb, seconds: float) -> dict:
    """Move the sandbox's clock over its admin endpoint (real HTTP), then wait for what it released."""
    r = httpx.post(sb.admin_url, headers=sb.admin_headers(), json={"advance_clock": seconds}, trust_env=False)
    assert r.status_code == 200, r.text
    assert sb.outbox.wait_idle(10)
    return r.json()


def _schedule(account, subject: str, when: dt.datetime, *, draft_first: bool = True) -> None:
    m = Message(account=account, folder=account.drafts, subject=subject, body="later",
                to_recipients=["bob@example.com"], deferred_send_time=EWSDateTime.from_datetime(when))
    if draft_first:  # the draft saved with the property, then SendItem
        m.save()
        m.send(save_copy=True)
    else:  # CreateItem MessageDisposition="SendAndSaveCopy"
        m.send(save_copy=True)


def _counts(sb) -> tuple[int, int, int]:
    return (sb.mailbox("bob@example.com").count("inbox"), sb.mailbox("alice@example.com").count("outbox"),
            sb.mailbox("alice@example.com").count("sentitems"))


@pytest.mark.parametrize("draft_first", [True, False], ids=["SendItem", "CreateItem"])
def test_a_deferred_send_waits_in_the_outbox_then_goes_out_once(sb, deferred_field, draft_first):
    alice = make_account(sb, "alice@example.com")
    when = START + dt.timedelta(hours=1)
    _schedule(alice, "at ten", when, draft_first=draft_first)
    sb.outbox.wait_idle(10)
    assert _counts(sb) == (0, 1, 0)
    held = list(alice.outbox.all().only("subject", "deferred_send_time"))  # FindItem on the Outbox
    assert [(m.subject, m.deferred_send_time) for m in held] == [("at ten", when)]
    assert alice.drafts.all().count() == 0
    assert _advance(sb, 59 * 60)["clock"].startswith("2026-03-02T09:59")
    assert _counts(sb) == (0, 1, 0)  # not yet
    _advance(sb, 61)
    assert _counts(sb) == (1, 0, 1)
    sent = alice.sent.all().get(subject="at ten")
    assert sent.datetime_sent == when + dt.timedelta(seconds=1)  # stamped by the sandbox's clock as it went
    _advance(sb, 3600)
    assert _counts(sb) == (1, 0, 1)  # once


def test_a_deferred_send_taken_back_to_drafts_is_never_sent(sb, deferred_field):
    alice = make_account(sb, "alice@example.com")
    _schedule(alice, "take me back", START + dt.timedelta(minutes=30))
    held = alice.outbox.all().get(subject="take me back")
    held.move(alice.drafts)  # MoveItem before its time
    _advance(sb, 3600)
    assert _counts(sb) == (0, 0, 0)
    back = alice.drafts.all().get(subject="take me back")
    assert back.is_draft and back.is_submitted is False
    assert sb.mailbox("alice@example.com").count("drafts") == 1


def test_a_deferred_send_deleted_before_its_time_is_never_sent(sb, deferred_field):
    alice = make_account(sb, "alice@example.com")
    _schedule(alice, "never mind", START + dt.timedelta(minutes=30))
    alice.outbox.all().get(subject="never mind").delete()  # DeleteItem HardDelete
    _advance(sb, 3600)
    assert _counts(sb) == (0, 0, 0)


def test_a_deferred_send_time_already_passed_goes_at_once(sb, deferred_field):
    alice = make_account(sb, "alice@example.com")
    _schedule(alice, "late already", START - dt.timedelta(minutes=5))
    assert sb.outbox.wait_idle(10)
    assert _counts(sb) == (1, 0, 1)


def test_a_move_that_arrives_after_the_message_went_answers_item_not_found(sb, deferred_field):
    """The race: the id of the Outbox copy names nothing once Exchange has sent it (the copy is in Sent Items
    with a new id), so a take-back that comes too late fails and sends nothing twice."""
    alice = make_account(sb, "alice@example.com")
    _schedule(alice, "too late", START + dt.timedelta(minutes=1))
    held = alice.outbox.all().get(subject="too late")
    sb.advance_clock(120)  # the in-process way
    assert sb.outbox.wait_idle(10)
    with pytest.raises(ErrorItemNotFound):
        held.move(alice.drafts)
    assert _counts(sb) == (1, 0, 1)
    assert alice.drafts.all().count() == 0


def test_the_admin_endpoint_refuses_a_clock_moved_back_or_not_a_number(sb):
    for bad in (-1, "60", True, float("nan"), float("inf")):
        r = httpx.post(sb.admin_url, headers=sb.admin_headers(), trust_env=False,
                       content=json.dumps({"advance_clock": bad}).encode())  # NaN and Infinity as Python writes them
        assert r.status_code == 400, (bad, r.text)
    assert sb.clock() == START


def test_a_deferred_send_survives_a_restart_and_goes_out_once(sandbox_factory, deferred_field, tmp_path):
    """The server keeps the promise: stopped and started again (its clock offset starts afresh), the message
    still waits in the Outbox and goes out once when the clock passes its time."""
    sb = sandbox_factory(data=str(tmp_path / "box"), clock=lambda: START)
    _schedule(make_account(sb, "alice@example.com"), "kept", START + dt.timedelta(hours=8))
    sb.stop()
    sb.start()
    assert sb.outbox.wait_idle(10)
    assert _counts(sb) == (0, 1, 0)
    _advance(sb, 8 * 3600)
    assert _counts(sb) == (1, 0, 1)
