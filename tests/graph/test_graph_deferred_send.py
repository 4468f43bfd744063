"""Deferred sends over Graph (MSAL + httpx): a draft carrying ``singleValueExtendedProperties``
``SystemTime 0x3FEF`` (PidTagDeferredSendTime, UTC) sent with ``/send`` waits in the sender's Outbox (listed by
``mailFolders/outbox/messages``, the property readable) until the sandbox's clock passes its time; moved back to
Drafts before then it is never sent; a time already passed goes at once. The clock is moved over the admin
endpoint: nothing waits in real time."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.helpers.graph_clients import client, draft_body

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
PROP = "SystemTime 0x3FEF"
EXPAND = {"$expand": f"singleValueExtendedProperties($filter=id eq '{PROP}')"}


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True, clock=lambda: START, graph_send_delay=0)


def _iso(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _schedule(c, subject: str, when: dt.datetime) -> str:
    made = c.post("/me/messages", json=draft_body(subject=subject, singleValueExtendedProperties=[
        {"id": PROP, "value": _iso(when)}]))
    assert made.status_code == 201, made.text
    assert c.post(f"/me/messages/{made.json()['id']}/send").status_code == 202
    return made.json()["id"]


def _advance(sb, seconds: float) -> None:
    r = httpx.post(sb.admin_url, headers=sb.admin_headers(), json={"advance_clock": seconds}, trust_env=False)
    assert r.status_code == 200, r.text
    assert sb.outbox.wait_idle(10)


def _counts(sb) -> tuple[int, int, int]:
    return (sb.mailbox("bob@example.com").count("inbox"), sb.mailbox("alice@example.com").count("outbox"),
            sb.mailbox("alice@example.com").count("sentitems"))


def test_a_deferred_send_waits_in_the_outbox_then_goes_out_once(sb):
    when = START + dt.timedelta(hours=1)
    with client(sb) as alice:
        _schedule(alice, "at ten", when)
        assert sb.outbox.wait_idle(10)
        assert _counts(sb) == (0, 1, 0)
        listed = alice.get("/me/mailFolders/outbox/messages", params=EXPAND).json()["value"]
        assert [m["subject"] for m in listed] == ["at ten"]
        assert listed[0]["singleValueExtendedProperties"] == [{"id": "SystemTime 0x3fef", "value": _iso(when)}]
        _advance(sb, 3599)
        assert _counts(sb) == (0, 1, 0)  # not yet
        _advance(sb, 1)
        assert _counts(sb) == (1, 0, 1)
        _advance(sb, 3600)
        assert _counts(sb) == (1, 0, 1)  # once
        assert alice.get("/me/mailFolders/outbox/messages").json()["value"] == []


def test_a_deferred_send_moved_back_to_drafts_is_never_sent(sb):
    with client(sb) as alice:
        _schedule(alice, "take me back", START + dt.timedelta(minutes=30))
        assert sb.outbox.wait_idle(10)
        held = alice.get("/me/mailFolders/outbox/messages").json()["value"][0]
        moved = alice.post(f"/me/messages/{held['id']}/move", json={"destinationId": "drafts"})
        assert moved.status_code == 201, moved.text
        assert moved.json()["isDraft"] is True
        _advance(sb, 3600)
        assert _counts(sb) == (0, 0, 0)
        drafts = alice.get("/me/mailFolders/drafts/messages").json()["value"]
        assert [m["subject"] for m in drafts] == ["take me back"]
        # the race lost: the Outbox id names nothing any more
        assert alice.post(f"/me/messages/{held['id']}/move", json={"destinationId": "drafts"}).status_code == 404


def test_a_deferred_send_deleted_before_its_time_is_never_sent(sb):
    with client(sb) as alice:
        _schedule(alice, "never mind", START + dt.timedelta(minutes=30))
        assert sb.outbox.wait_idle(10)
        held = alice.get("/me/mailFolders/outbox/messages").json()["value"][0]
        assert alice.delete(f"/me/messages/{held['id']}").status_code == 204
        _advance(sb, 3600)
        assert _counts(sb) == (0, 0, 0)


def test_a_deferred_send_time_already_passed_goes_at_once(sb):
    with client(sb) as alice:
        _schedule(alice, "late already", START - dt.timedelta(minutes=5))
        assert sb.outbox.wait_idle(10)
        assert _counts(sb) == (1, 0, 1)


def test_a_deferred_send_time_that_is_no_time_is_refused(sb):
    with client(sb) as alice:
        r = alice.post("/me/messages", json=draft_body(singleValueExtendedProperties=[
            {"id": PROP, "value": "tomorrow morning"}]))
        assert r.status_code == 400
        assert r.json()["error"]["code"] == "RequestBodyRead"
