"""The take-back race over EWS (real exchangelib, real HTTP), interleaved on purpose: the sandbox's Outbox worker
is held at each step of a deferred message's delivery (admin endpoint ``pause_delivery``: before it claims the
message, once it has claimed it, once it has delivered it) while a MoveItem back to Drafts or a DeleteItem
arrives; then the delivery resumes. Every interleaving ends either taken back (in Drafts, or gone, and the
recipient never gets it, even with the clock moved on a day) or sent once (the take-back answered
ErrorItemNotFound, the recipient has one copy, Sent Items one). Nothing waits in real time: the sandbox's clock
is moved over the admin endpoint and the tests wait on the pause's event (``wait_paused``)."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from exchangelib import EWSDateTime, Message
from exchangelib.errors import ErrorItemNotFound

from tests.helpers.deferred import deferred_field  # noqa: F401 - a fixture
from tests.helpers.ews_accounts import make_account
from tests.helpers.outbox_race import OUTCOME, admin, hold_delivery_at, resume_and_settle, where

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
WHEN = START + dt.timedelta(minutes=10)


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(clock=lambda: START)


def schedule(account, subject: str) -> Message:
    """A draft with PidTagDeferredSendTime, sent (SendItem): it waits in the Outbox. Returns its Outbox copy."""
    m = Message(account=account, folder=account.drafts, subject=subject, body="later",
                to_recipients=["bob@example.com"], deferred_send_time=EWSDateTime.from_datetime(WHEN))
    m.save()
    m.send(save_copy=True)
    return account.outbox.all().get(subject=subject)


def take_back(held: Message, account, how: str) -> str:
    """MoveItem back to Drafts or DeleteItem (HardDelete): "taken back", or "sent" when it answers
    ErrorItemNotFound (the Outbox id names nothing: the message is being or has been sent)."""
    try:
        held.move(account.drafts) if how == "move" else held.delete()
    except ErrorItemNotFound:
        return "sent"
    return "taken back"


@pytest.mark.parametrize("how", ["move", "delete"])
@pytest.mark.parametrize("step", list(OUTCOME))
def test_a_take_back_at_each_step_of_the_delivery_ends_taken_back_or_sent_once(sb, deferred_field, step, how):
    alice = make_account(sb, "alice@example.com")
    held = schedule(alice, f"race {step} {how}")
    hold_delivery_at(sb, step)
    outcome = take_back(held, alice, how)  # arrives while the delivery is held at ``step``
    resume_and_settle(sb)
    if outcome == "sent":  # what the take-back answered is what happened: sent once ...
        assert where(sb, held.subject) == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
        assert alice.sent.all().get(subject=held.subject).datetime_sent >= WHEN
    else:  # ... or taken back, and never sent
        assert where(sb, held.subject) == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": int(how == "move"),
                                          "deleted": 0}
        if how == "move":
            back = alice.drafts.all().get(subject=held.subject)
            assert back.is_draft and back.is_submitted is False
    assert outcome == OUTCOME[step]
    assert admin(sb)["delivery"]["reached"] == [step]


def test_a_message_being_submitted_is_out_of_every_clients_reach(sb, deferred_field):
    """Held once claimed: the Outbox lists nothing, GetItem on its id answers ErrorItemNotFound as a move does,
    and the recipient has nothing yet; then it goes out once."""
    alice = make_account(sb, "alice@example.com")
    held = schedule(alice, "in flight")
    hold_delivery_at(sb, "claimed")
    assert alice.outbox.all().count() == 0
    with pytest.raises(ErrorItemNotFound):
        held.refresh()
    assert where(sb, "in flight") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 0, "deleted": 0}
    resume_and_settle(sb)
    assert where(sb, "in flight") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}


def test_two_take_backs_of_one_message_one_wins_the_other_answers_item_not_found(sb, deferred_field):
    """Two computers take the same message back at once (the delivery held before its claim): one move wins, the
    other answers ErrorItemNotFound, and the delivery then finds nothing to send."""
    first, second = make_account(sb, "alice@example.com"), make_account(sb, "alice@example.com")
    schedule(first, "two takers")
    copies = [acc.outbox.all().get(subject="two takers") for acc in (first, second)]
    hold_delivery_at(sb, "before_claim")
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(take_back, copies, (first, second), ("move", "move")))
    assert sorted(outcomes) == ["sent", "taken back"]  # "sent": the loser's ErrorItemNotFound
    resume_and_settle(sb)
    assert where(sb, "two takers") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}


def test_a_delivery_stopped_once_claimed_goes_out_once_after_a_restart(sandbox_factory, deferred_field, tmp_path):
    """The sandbox stops while a delivery is held after its claim: the claimed message is neither lost nor sent
    twice, it goes out once when the sandbox starts again."""
    sb = sandbox_factory(data=str(tmp_path / "box"), clock=lambda: START)
    held = schedule(make_account(sb, "alice@example.com"), "interrupted")
    hold_delivery_at(sb, "claimed")
    assert where(sb, "interrupted") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 0, "deleted": 0}
    sb.stop()  # while the delivery is held: it stops there
    sb.start()
    assert sb.outbox.wait_idle(10)
    admin(sb, advance_clock=24 * 3600)
    assert sb.outbox.wait_idle(10)
    assert where(sb, held.subject) == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}


@pytest.mark.parametrize("request_", [{"pause_delivery": "soon"}, {"pause_delivery": 1}, {"wait_paused": "later"},
                                      {"wait_paused": "claimed", "timeout": -1},
                                      {"wait_paused": "claimed", "timeout": 3600}, {"timeout": 1},
                                      {"resume_delivery": "yes"}])
def test_the_admin_endpoint_refuses_a_pause_it_cannot_hold(sb, request_):
    r = httpx.post(sb.admin_url, headers=sb.admin_headers(), json=request_, trust_env=False, timeout=10)
    assert r.status_code == 400, r.text
    assert admin(sb)["delivery"] == {"armed": [], "paused_at": None, "reached": []}


def test_a_wait_for_a_pause_no_delivery_reaches_ends_at_its_timeout(sb):
    state = admin(sb, pause_delivery="claimed", wait_paused="claimed", timeout=0)
    assert state["delivery"] == {"armed": ["claimed"], "paused_at": None, "reached": []}
    assert admin(sb, clear=True)["delivery"]["armed"] == []
