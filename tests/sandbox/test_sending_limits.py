"""The sandbox's "exchange-online" sending limits (core/limits.py), over EWS (real exchangelib) and Graph (MSAL
+ httpx): 30 messages a minute (beyond: they wait in the Outbox, released on the injected clock), 10,000
recipients a day (beyond: an NDR 5.1.90 in the sender's Inbox, nothing delivered), 500 recipients a message
(ErrorExceededMaxRecipientLimit), the size limit; counts kept across a restart; the default profile unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from exchangelib import Message

from tests.helpers.graph_clients import client
from tests.helpers.ews_accounts import make_account


class Clock:
    """The sandbox's clock, moved by the test (nothing waits in real time)."""

    def __init__(self):
        self.now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self):
        return self.now

    def advance(self, **kw):
        self.now += dt.timedelta(**kw)


def _ews_send(account, subject, to):
    Message(account=account, subject=subject, body="hi", to_recipients=list(to)).send(save_copy=True)


def _graph_send(c, subject, to):
    r = c.post("/me/sendMail", json={"message": {
        "subject": subject, "body": {"contentType": "text", "content": "hi"},
        "toRecipients": [{"emailAddress": {"address": a}} for a in to]}})
    return r


def _outside(n, tag=""):
    return [f"r{tag}{i}@outside.test" for i in range(n)]


# ---------------- recipients per message ----------------

def test_ews_refuses_more_than_500_recipients_a_message(sandbox_factory):
    sb = sandbox_factory(limits="exchange-online", clock=Clock())
    alice = make_account(sb, "alice@example.com")
    with pytest.raises(Exception) as e:
        _ews_send(alice, "too many", _outside(501))
    assert "ErrorExceededMaxRecipientLimit" in repr(e.value) or "recipient count" in str(e.value)
    assert sb.mailbox("alice@example.com").count("sentitems") == 0 and not sb.store.relay_rows()
    _ews_send(alice, "just enough", _outside(500))  # 500 is allowed
    assert sb.mailbox("alice@example.com").count("sentitems") == 1


def test_graph_refuses_more_than_500_recipients_a_message(sandbox_factory):
    sb = sandbox_factory(graph=True, limits="exchange-online", clock=Clock())
    with client(sb) as alice:
        r = _graph_send(alice, "too many", _outside(501))
        assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorExceededMaxRecipientLimit"
        assert _graph_send(alice, "just enough", _outside(500)).status_code == 202
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("alice@example.com").count("sentitems") == 1


def test_the_default_profile_limits_no_recipients(sandbox_factory):
    sb = sandbox_factory()
    _ews_send(make_account(sb, "alice@example.com"), "many", _outside(501))
    assert sb.mailbox("alice@example.com").count("sentitems") == 1


# ---------------- message rate ----------------

def test_ews_beyond_30_a_minute_waits_in_the_outbox_then_goes_out(sandbox_factory):
    clock = Clock()
    sb = sandbox_factory(limits="exchange-online", clock=clock)
    alice = make_account(sb, "alice@example.com")
    for i in range(32):
        _ews_send(alice, f"m{i}", ["bob@example.com"])
    assert sb.mailbox("bob@example.com").count("inbox") == 30
    assert sb.mailbox("alice@example.com").count("outbox") == 2  # accepted, waiting: nothing lost
    assert sb.outbox.release_due() == 2  # the clock has not moved: they still wait
    clock.advance(seconds=59)
    assert sb.outbox.release_due() == 2
    clock.advance(seconds=1)
    assert sb.outbox.release_due() == 0
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 32
    assert sb.mailbox("alice@example.com").count("outbox") == 0
    assert sb.mailbox("alice@example.com").count("sentitems") == 32  # each once


def test_graph_beyond_30_a_minute_waits_in_the_outbox_then_goes_out(sandbox_factory):
    clock = Clock()
    sb = sandbox_factory(graph=True, limits="exchange-online", clock=clock, graph_send_delay=0)
    with client(sb) as alice:
        for i in range(31):
            assert _graph_send(alice, f"g{i}", ["bob@example.com"]).status_code == 202
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 30
    assert sb.mailbox("alice@example.com").count("outbox") == 1
    clock.advance(minutes=1)
    sb.outbox.release_due()
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 31
    assert sb.mailbox("alice@example.com").count("outbox") == 0


# ---------------- recipients a day ----------------

def _ndrs(sb):
    return [i for i in sb.mailbox("alice@example.com").items("inbox")
            if i["fields"].get("ItemClass") == "REPORT.IPM.Note.NDR"]


def test_the_exchange_online_profile_holds_microsofts_numbers():
    """Microsoft's "Exchange Online limits", sending limits: 10,000 recipients a day, 500 a message, 30
    messages a minute. The tests below use the same rules with a smaller day (sending 10,000 recipients through
    EWS costs the run 25 s of schema checks and delivery; the counting does not change with the number)."""
    from app.sandbox.core.limits import EXCHANGE_ONLINE

    assert (EXCHANGE_ONLINE.recipient_rate, EXCHANGE_ONLINE.recipients_per_message,
            EXCHANGE_ONLINE.message_rate) == (10_000, 500, 30)


def test_ews_beyond_the_recipients_a_day_gets_an_ndr_and_is_not_delivered(sandbox_factory):
    clock = Clock()
    users = [{"email": "alice@example.com", "password": "alice-sandbox-pw", "name": "Alice Example",
              "limits": {"profile": "exchange-online", "recipient_rate": 1000}},
             {"email": "bob@example.com", "password": "bob-sandbox-pw", "name": "Bob Brown"}]
    sb = sandbox_factory(clock=clock, users=users)
    alice = make_account(sb, "alice@example.com")
    for i in range(2):  # 2 x 500 = the whole day: all go out
        _ews_send(alice, f"batch {i}", _outside(500, tag=f"b{i}-"))
        clock.advance(seconds=10)
    assert len(sb.store.relay_rows()) == 2 and not _ndrs(sb)
    _ews_send(alice, "one too many", ["bob@example.com"])
    assert sb.mailbox("bob@example.com").count("inbox") == 0
    [ndr] = _ndrs(sb)
    assert ndr["subject"] == "Undeliverable: one too many"
    assert "5.1.90" in ndr["fields"]["Body"]["text"] and "bob@example.com" in ndr["fields"]["Body"]["text"]
    clock.advance(hours=24)  # the rolling 24 hours have passed: sending works again
    _ews_send(alice, "next day", ["bob@example.com"])
    assert sb.mailbox("bob@example.com").count("inbox") == 1


def test_graph_beyond_the_recipients_a_day_gets_an_ndr(sandbox_factory):
    clock = Clock()
    users = [{"email": "alice@example.com", "password": "alice-sandbox-pw", "name": "Alice Example",
              "limits": {"profile": "exchange-online", "recipient_rate": 3}},
             {"email": "bob@example.com", "password": "bob-sandbox-pw", "name": "Bob Brown"}]
    sb = sandbox_factory(graph=True, clock=clock, users=users, graph_send_delay=0)
    with client(sb) as alice:
        assert _graph_send(alice, "three", _outside(3)).status_code == 202
        assert _graph_send(alice, "fourth", ["bob@example.com"]).status_code == 202  # accepted, then NDR
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 0
    [ndr] = _ndrs(sb)
    assert ndr["subject"] == "Undeliverable: fourth" and "5.1.90" in ndr["fields"]["Body"]["text"]


def test_the_count_of_the_day_survives_a_restart(sandbox_factory, tmp_path):
    clock = Clock()
    users = [{"email": "alice@example.com", "password": "alice-sandbox-pw", "limits": {"recipient_rate": 2}},
             {"email": "bob@example.com", "password": "bob-sandbox-pw"}]
    sb = sandbox_factory(data=str(tmp_path / "box"), clock=clock, users=users)
    _ews_send(make_account(sb, "alice@example.com"), "two", _outside(2))
    sb.stop()
    sb.start()
    _ews_send(make_account(sb, "alice@example.com"), "after restart", ["bob@example.com"])
    assert sb.mailbox("bob@example.com").count("inbox") == 0 and len(_ndrs(sb)) == 1


# ---------------- size ----------------

def test_a_mailboxs_own_size_limit_over_both_protocols(sandbox_factory):
    users = [{"email": "alice@example.com", "password": "alice-sandbox-pw", "limits": {"max_send_bytes": 4000}},
             {"email": "bob@example.com", "password": "bob-sandbox-pw"}]
    sb = sandbox_factory(graph=True, users=users, clock=Clock())
    big = "x" * 8000
    alice = make_account(sb, "alice@example.com")
    with pytest.raises(Exception) as e:
        Message(account=alice, subject="big", body=big, to_recipients=["bob@example.com"]).send()
    assert "ErrorMessageSizeExceeded" in repr(e.value) or "maximum supported size" in str(e.value)
    with client(sb) as g:
        r = g.post("/me/sendMail", json={"message": {
            "subject": "big", "body": {"contentType": "text", "content": big},
            "toRecipients": [{"emailAddress": {"address": "bob@example.com"}}]}})
        assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorMessageSizeExceeded"
    assert sb.mailbox("bob@example.com").count("inbox") == 0


def test_unknown_limits_are_refused(sandbox_factory):
    from app.sandbox import Sandbox
    with pytest.raises(ValueError):
        Sandbox(limits="exchange-offline")
    with pytest.raises(ValueError):
        Sandbox(users=[{"email": "a@example.com", "password": "p", "limits": {"per_hour": 3}}])
