"""Injected faults: each kind, through exchangelib where it has an opinion, raw `requests` where it does not."""

from __future__ import annotations

import json
import time

import pytest
import requests
from exchangelib import FaultTolerance, Message
from exchangelib.errors import (
    ErrorServerBusy, MalformedResponseError, SOAPError, TransportError, UnauthorizedError,
)

from tests.sandbox.conftest import make_account
from tests.sandbox.test_errors import post

RESOLVE = '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'


def _draft(account, subject="s"):
    m = Message(account=account, folder=account.drafts, subject=subject, to_recipients=["bob@example.com"])
    m.save()
    return m


def test_server_busy_carries_backoff(sandbox, alice):
    m = _draft(alice)
    sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=500)
    with pytest.raises(ErrorServerBusy) as ei:
        m.send()
    assert ei.value.back_off == 0.5
    assert alice.drafts.all().count() == 1  # not sent
    m.send()  # the fault was used up
    assert sandbox.mailbox("bob@example.com").count("inbox") == 1


def test_server_busy_is_retried_under_fault_tolerance(sandbox):
    acct = make_account(sandbox, "alice@example.com", retry_policy=FaultTolerance(max_wait=10))
    sandbox.faults.inject("GetFolder", "server_busy", count=1, backoff_ms=100)
    assert acct.drafts.total_count == 0
    assert sandbox.request_log.count("GetFolder") >= 2


def test_http_503_has_retry_after(sandbox, alice):
    sandbox.faults.inject("ResolveNames", "http_503", retry_after=7)
    r = post(sandbox, RESOLVE)
    assert r.status_code == 503 and r.headers["Retry-After"] == "7"
    sandbox.faults.inject("GetFolder", "http_503", retry_after=2)
    with pytest.raises(TransportError):
        alice.drafts.total_count


def test_http_500_html(sandbox, alice):
    sandbox.faults.inject("ResolveNames", "http_500_html")
    r = post(sandbox, RESOLVE)
    assert r.status_code == 500 and r.headers["Content-Type"].startswith("text/html")
    assert b"Server Error in '/EWS' Application" in r.content
    sandbox.faults.inject("FindItem", "http_500_html")
    with pytest.raises((ErrorServerBusy, MalformedResponseError, TransportError)):
        list(alice.drafts.all())


def test_drop_before_commit_loses_the_change(sandbox, alice):
    alice.drafts  # folder lookup before the fault
    sandbox.faults.inject("CreateItem", "drop_before_commit")
    with pytest.raises(Exception):
        Message(account=alice, folder=alice.drafts, subject="lost").save()
    assert sandbox.mailbox("alice@example.com").items("drafts") == []


def test_drop_after_commit_keeps_the_change(sandbox, alice):
    alice.drafts
    sandbox.faults.inject("CreateItem", "drop_after_commit")
    with pytest.raises(Exception):
        Message(account=alice, folder=alice.drafts, subject="kept").save()
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == ["kept"]


def test_delay(sandbox, alice):
    sandbox.faults.inject("ResolveNames", "delay", seconds=0.4)
    t0 = time.monotonic()
    r = post(sandbox, RESOLVE)
    assert r.status_code == 200 and time.monotonic() - t0 >= 0.4


def test_truncated_answer(sandbox, alice):
    alice.drafts
    sandbox.faults.inject("CreateItem", "truncated")
    with pytest.raises((SOAPError, MalformedResponseError, TransportError)):
        Message(account=alice, folder=alice.drafts, subject="half").save()
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == ["half"]


def test_http_401(sandbox, alice):
    sandbox.faults.inject("GetFolder", "http_401")
    with pytest.raises(UnauthorizedError):
        alice.drafts.total_count


def test_count_wildcard_and_clear(sandbox):
    sandbox.faults.inject("*", "http_503", count=2)
    assert [post(sandbox, RESOLVE).status_code for _ in range(3)] == [503, 503, 200]
    sandbox.faults.inject("ResolveNames", "http_503", count=-1)
    assert post(sandbox, RESOLVE).status_code == 503
    sandbox.faults.clear()
    assert post(sandbox, RESOLVE).status_code == 200
    with pytest.raises(ValueError):
        sandbox.faults.inject("SendItem", "gremlins")


def test_admin_endpoint_injects_over_http(sandbox):
    admin = sandbox.ews_url.replace("/EWS/Exchange.asmx", "/sandbox/admin/faults")
    r = requests.post(admin, data=json.dumps({"operation": "ResolveNames", "kind": "server_busy", "count": 1,
                                              "backoff_ms": 250}), timeout=10)
    assert r.status_code == 200 and r.json()["pending"][0]["kind"] == "server_busy"
    busy = post(sandbox, RESOLVE)
    assert busy.status_code == 500 and b"ErrorServerBusy" in busy.content and b"BackOffMilliseconds" in busy.content
    assert requests.get(admin, timeout=10).json() == {"pending": []}
    requests.post(admin, data=json.dumps({"operation": "*", "kind": "http_503", "count": -1}), timeout=10)
    assert requests.post(admin, data=json.dumps({"clear": True}), timeout=10).json() == {"pending": []}
    assert requests.post(admin, data=b"{not json", timeout=10).status_code == 400
