"""The take-back race over Graph (MSAL + httpx, real HTTP), interleaved on purpose: the sandbox's Outbox worker is
held at each step of a deferred message's delivery (admin endpoint ``pause_delivery``) while a ``move`` back to
Drafts or a ``DELETE`` arrives; then the delivery resumes. Every interleaving ends either taken back (in Drafts
or Deleted Items, never delivered, even with the clock moved on a day) or sent once (the take-back answered 404
ErrorItemNotFound, the recipient has one copy, Sent Items one). With immutable ids the draft's id names its copy
in Sent Items once it is there, as Microsoft documents, so a move after the delivery moves that copy: its answer
says it was sent (isDraft false), and the recipient still has exactly one."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.helpers.graph_clients import client, draft_body
from tests.helpers.outbox_race import OUTCOME, admin, hold_delivery_at, resume_and_settle, where

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
WHEN = START + dt.timedelta(minutes=10)
PROP = "SystemTime 0x3FEF"


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True, clock=lambda: START, graph_send_delay=0)


def schedule(c, subject: str) -> str:
    """A draft with PidTagDeferredSendTime, sent: it waits in the Outbox. Returns the id its Outbox copy has."""
    made = c.post("/me/messages", json=draft_body(subject=subject, singleValueExtendedProperties=[
        {"id": PROP, "value": WHEN.strftime("%Y-%m-%dT%H:%M:%SZ")}]))
    assert made.status_code == 201, made.text
    assert c.post(f"/me/messages/{made.json()['id']}/send").status_code == 202
    return made.json()["id"]


def outbox_id(sb, c, subject: str) -> str:
    assert sb.outbox.wait_idle(10)
    listed = c.get("/me/mailFolders/outbox/messages", params={"$select": "subject"}).json()["value"]
    return next(m["id"] for m in listed if m["subject"] == subject)


def take_back(c, message_id: str, how: str) -> str:
    """``move`` to Drafts or ``DELETE``: "taken back", or "sent" when it answers 404 ErrorItemNotFound."""
    if how == "move":
        r = c.post(f"/me/messages/{message_id}/move", json={"destinationId": "drafts"})
    else:
        r = c.delete(f"/me/messages/{message_id}")
    if r.status_code == 404:
        assert r.json()["error"]["code"] == "ErrorItemNotFound"
        return "sent"
    assert r.status_code == (201 if how == "move" else 204), r.text
    return "taken back"


@pytest.mark.parametrize("how", ["move", "delete"])
@pytest.mark.parametrize("step", list(OUTCOME))
def test_a_take_back_at_each_step_of_the_delivery_ends_taken_back_or_sent_once(sb, step, how):
    subject = f"race {step} {how}"
    with client(sb) as alice:
        schedule(alice, subject)
        held = outbox_id(sb, alice, subject)
        hold_delivery_at(sb, step)
        outcome = take_back(alice, held, how)  # arrives while the delivery is held at ``step``
        resume_and_settle(sb)
        if outcome == "sent":  # what the take-back answered is what happened: sent once ...
            assert where(sb, subject) == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
        else:  # ... or taken back, and never sent
            assert where(sb, subject) == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": int(how == "move"),
                                          "deleted": int(how == "delete")}
        assert outcome == OUTCOME[step]
    assert admin(sb)["delivery"]["reached"] == [step]


def test_two_take_backs_of_one_message_one_wins_the_other_answers_404(sb):
    """Two computers move the same message back at once (the delivery held before its claim): one gets 201, the
    other 404, and the delivery then finds nothing to send."""
    with client(sb) as first, client(sb) as second:
        schedule(first, "two takers")
        held = outbox_id(sb, first, "two takers")
        hold_delivery_at(sb, "before_claim")
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(take_back, (first, second), (held, held), ("move", "move")))
        assert sorted(outcomes) == ["sent", "taken back"]  # "sent": the loser's 404
        resume_and_settle(sb)
    assert where(sb, "two takers") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}


def test_with_immutable_ids_a_claimed_message_is_not_found_until_its_sent_copy_exists(sb):
    """The draft's immutable id names its copy in Sent Items once the message has gone ("Retrieving the message in
    Sent Items might not succeed immediately after sending the message. The copy isn't created until the message
    is successfully sent", learn.microsoft.com/graph/outlook-immutable-id): 404 while it is being submitted; after
    the delivery a move moves the Sent Items copy, and its answer says the message was sent (isDraft false)."""
    with client(sb, immutable=True) as alice:
        iid = schedule(alice, "tracked")
        hold_delivery_at(sb, "claimed")
        assert alice.get(f"/me/messages/{iid}").status_code == 404
        assert take_back(alice, iid, "move") == "sent"
        admin(sb, pause_delivery="delivered", resume_delivery=True)
        assert admin(sb, wait_paused="delivered")["delivery"]["paused_at"] == "delivered"
        moved = alice.post(f"/me/messages/{iid}/move", json={"destinationId": "drafts"})
        assert moved.status_code == 201, moved.text
        assert moved.json()["isDraft"] is False and moved.json()["sentDateTime"]  # it went: the client can tell
        resume_and_settle(sb)
    assert where(sb, "tracked") == {"bob inbox": 1, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}
    assert admin(sb)["delivery"]["reached"] == ["claimed", "delivered"]
