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
    state = requests.get(admin, timeout=10).json()
    assert state["pending"] == [] and state["fired"] == [{"operation": "ResolveNames", "kind": "server_busy"}]
    requests.post(admin, data=json.dumps({"operation": "*", "kind": "http_503", "count": -1}), timeout=10)
    assert requests.post(admin, data=json.dumps({"clear": True}), timeout=10).json()["pending"] == []
    assert requests.post(admin, data=b"{not json", timeout=10).status_code == 400


# ---------------- bad input from the server: garbage XML, schema-invalid EWS ----------------

def _is_envelope(content: bytes) -> bool:
    import xml.etree.ElementTree as ET

    try:
        return ET.fromstring(content).tag == "{http://schemas.xmlsoap.org/soap/envelope/}Envelope"
    except ET.ParseError:
        return False


@pytest.mark.parametrize("variant, check", [
    ("html", lambda c: c.startswith(b"<html>") and b"Proxy error" in c),
    ("wrong_root", lambda c: c.endswith(b"<foo/>")),
    ("not_xml", lambda c: b"not XML" in c),
])
def test_garbage_xml_is_http_200_text_xml_but_not_an_envelope(sandbox, variant, check):
    sandbox.faults.inject("ResolveNames", "garbage_xml", variant=variant)
    r = post(sandbox, RESOLVE)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/xml")
    assert check(r.content) and not _is_envelope(r.content)
    assert sandbox.faults.fired == [("ResolveNames", "garbage_xml")]
    assert _is_envelope(post(sandbox, RESOLVE).content)  # one-shot


def test_garbage_xml_is_marked_injected_for_the_wire_observer(sandbox, wire_validator):
    seen = []

    def observe(d, body, injected=False):  # chained after the schema check, never instead of it
        wire_validator.observe(d, body, injected=injected)
        seen.append((d, injected, body[:6]))

    sandbox.wire_observer = observe
    sandbox.faults.inject("ResolveNames", "garbage_xml", variant="wrong_root")
    post(sandbox, RESOLVE)
    assert seen[-1][:2] == ("response", True)
    post(sandbox, RESOLVE)
    assert seen[-1][:2] == ("response", False)


@pytest.mark.parametrize("commit, stored", [(True, ["kept"]), (False, [])])
def test_garbage_xml_after_or_before_commit(sandbox, alice, commit, stored):
    alice.drafts
    sandbox.faults.inject("CreateItem", "garbage_xml", variant="html", commit=commit)
    with pytest.raises(MalformedResponseError):
        Message(account=alice, folder=alice.drafts, subject="kept").save()
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == stored


def test_garbage_xml_not_xml_is_malformed_for_exchangelib(sandbox, alice):
    sandbox.faults.inject("FindItem", "garbage_xml", variant="not_xml")
    with pytest.raises((MalformedResponseError, SOAPError)):
        list(alice.drafts.all())


def test_unexpected_element_extra_is_well_formed_schema_invalid_and_tolerated(sandbox, alice, ews_schema):
    import xml.etree.ElementTree as ET

    sandbox.faults.inject("ResolveNames", "unexpected_element", variant="extra_element")
    r = post(sandbox, RESOLVE)
    assert r.status_code == 200
    body = ET.fromstring(r.content).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")[0]
    msg = body[0][0]
    assert msg.tag.endswith("ResolveNamesResponseMessage")
    assert msg[0].tag == "{http://schemas.microsoft.com/exchange/services/2006/messages}ProxyDiagnostics"
    errors = list(ews_schema.iter_errors(body))
    assert errors and "ProxyDiagnostics" in str(errors[0])  # the schema rejects it
    # exchangelib skips the stray element: the saved draft is read back intact, nothing lost
    m = Message(account=alice, folder=alice.drafts, subject="extra")
    m.save()
    sandbox.faults.inject("GetItem", "unexpected_element", variant="extra_element")
    assert alice.drafts.get(id=m.id).subject == "extra"


def test_unexpected_response_class_and_renamed_container(sandbox, alice, ews_schema):
    import xml.etree.ElementTree as ET

    sandbox.faults.inject("ResolveNames", "unexpected_element", variant="response_class")
    r = post(sandbox, RESOLVE)
    assert b'ResponseClass="Partial"' in r.content and b'ResponseClass="Success"' not in r.content
    body = ET.fromstring(r.content).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")[0]
    assert list(ews_schema.iter_errors(body))
    sandbox.faults.inject("ResolveNames", "unexpected_element", variant="container")
    r = post(sandbox, RESOLVE)
    assert b"<m:Results" in r.content and b"</m:Results>" in r.content and b"<m:ResolutionSet" not in r.content
    alice.drafts
    sandbox.faults.inject("FindItem", "unexpected_element", variant="container")
    with pytest.raises(MalformedResponseError):
        list(alice.drafts.all())


def test_unexpected_element_always_commits(sandbox, alice):
    alice.drafts
    sandbox.faults.inject("CreateItem", "unexpected_element", variant="container", commit=False)
    with pytest.raises(MalformedResponseError):
        Message(account=alice, folder=alice.drafts, subject="claimed").save()
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == ["claimed"]


def test_bad_variants_are_refused_at_injection(sandbox):
    with pytest.raises(ValueError):
        sandbox.faults.inject("FindItem", "garbage_xml", variant="jpeg")
    with pytest.raises(ValueError):
        sandbox.faults.inject("FindItem", "unexpected_element", variant="nope")
    assert sandbox.faults.pending() == []


def test_admin_endpoint_injects_the_bad_input_kinds(sandbox):
    admin = sandbox.ews_url.replace("/EWS/Exchange.asmx", "/sandbox/admin/faults")
    r = requests.post(admin, data=json.dumps({"operation": "ResolveNames", "kind": "garbage_xml",
                                              "variant": "not_xml"}), timeout=10)
    assert r.status_code == 200 and r.json()["pending"] == [
        {"operation": "ResolveNames", "kind": "garbage_xml", "count": 1, "params": {"variant": "not_xml"}}]
    assert b"not XML" in post(sandbox, RESOLVE).content
    r = requests.post(admin, data=json.dumps({"operation": "ResolveNames", "kind": "unexpected_element",
                                              "variant": "response_class"}), timeout=10)
    assert r.status_code == 200
    assert b'ResponseClass="Partial"' in post(sandbox, RESOLVE).content
    bad = requests.post(admin, data=json.dumps({"operation": "*", "kind": "garbage_xml", "variant": "gif"}), timeout=10)
    assert bad.status_code == 400 and requests.get(admin, timeout=10).json()["pending"] == []


# ---------------- admin endpoint: loopback only ----------------

class _FakeServer:
    def __init__(self, sb):
        self.sandbox = sb


def _admin_handler(sb, client_ip):
    """The real EwsHandler, built without a socket (nothing goes to a non-loopback address)."""
    import io

    from app.sandbox.server import EwsHandler

    h = EwsHandler.__new__(EwsHandler)
    h.server = _FakeServer(sb)
    h.client_address = (client_ip, 1)
    h.command, h.path, h.request_version = "POST", "/sandbox/admin/faults", "HTTP/1.1"
    h.requestline = "POST /sandbox/admin/faults HTTP/1.1"
    h.wfile = io.BytesIO()
    return h


@pytest.mark.parametrize("ip", ["10.1.2.3", "192.168.0.7", "::ffff:10.1.2.3", "fe80::1"])
def test_admin_endpoint_refuses_non_loopback_clients(sandbox, ip):
    h = _admin_handler(sandbox, ip)
    h._admin(json.dumps({"operation": "*", "kind": "http_503", "count": -1}).encode())
    out = h.wfile.getvalue()
    assert out.startswith(b"HTTP/1.1 403") and out.endswith(b"Forbidden")
    assert sandbox.faults.pending() == []
    h = _admin_handler(sandbox, ip)
    h._admin(None)  # GET: not even the list of pending faults
    assert h.wfile.getvalue().startswith(b"HTTP/1.1 403")


@pytest.mark.parametrize("ip", ["127.0.0.1", "::1"])
def test_admin_endpoint_accepts_loopback_clients(sandbox, ip):
    h = _admin_handler(sandbox, ip)
    h._admin(json.dumps({"operation": "FindItem", "kind": "http_503"}).encode())
    assert h.wfile.getvalue().startswith(b"HTTP/1.1 200")
    assert [f["kind"] for f in sandbox.faults.pending()] == ["http_503"]


# ---------------- post-commit faults: the server did the work, the client cannot tell ----------------

def _inbox(sandbox) -> list[str]:
    return [m["subject"] for m in sandbox.mailbox("bob@example.com").items("inbox")]


def test_http_500_after_commit_sends_but_answers_an_html_page(sandbox, alice):
    m = _draft(alice, "sent behind a 500")
    sandbox.faults.inject("SendItem", "http_500_html", commit=True)
    with pytest.raises(Exception):
        m.send()
    assert _inbox(sandbox) == ["sent behind a 500"]  # committed: delivered and in Sent Items
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("sentitems")] == ["sent behind a 500"]
    assert sandbox.faults.fired == [("SendItem", "http_500_html")]


def test_http_500_before_commit_still_sends_nothing(sandbox, alice):
    m = _draft(alice, "not sent")
    sandbox.faults.inject("SendItem", "http_500_html")
    with pytest.raises(Exception):
        m.send()
    assert _inbox(sandbox) == [] and alice.drafts.all().count() == 1


@pytest.mark.parametrize("kind", ["truncated", "garbage_xml"])
def test_broken_replies_to_a_send_commit_it(sandbox, alice, kind):
    m = _draft(alice, f"sent behind {kind}")
    sandbox.faults.inject("SendItem", kind)  # commit=True is the default for body faults
    with pytest.raises(Exception):
        m.send()
    assert _inbox(sandbox) == [f"sent behind {kind}"]
    assert sandbox.faults.fired == [("SendItem", kind)]


def test_hold_after_commit_then_drop(sandbox, alice):
    m = _draft(alice, "held then dropped")
    sandbox.faults.inject("SendItem", "hold_after_commit", seconds=0.5)
    t0 = time.monotonic()
    with pytest.raises(Exception):
        m.send()
    assert time.monotonic() - t0 >= 0.5
    assert _inbox(sandbox) == ["held then dropped"] and sandbox.faults.fired == [("SendItem", "hold_after_commit")]


def test_hold_after_commit_then_answer(sandbox, alice):
    alice.drafts
    sandbox.faults.inject("CreateItem", "hold_after_commit", seconds=0.3, then="answer")
    m = Message(account=alice, folder=alice.drafts, subject="held then answered")
    m.save()
    assert m.id and [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == [
        "held then answered"]


def test_a_held_reply_does_not_block_other_clients_and_release_ends_it(sandbox, alice):
    import threading

    m = _draft(alice, "held for a minute")
    sandbox.faults.inject("SendItem", "hold_after_commit", seconds=60)
    errors = []
    t = threading.Thread(target=lambda: _expect_error(m.send, errors))
    t.start()
    assert _wait(lambda: ("SendItem", "hold_after_commit") in sandbox.faults.fired)
    assert _inbox(sandbox) == ["held for a minute"]  # committed while the reply is held
    t0 = time.monotonic()
    assert post(sandbox, RESOLVE).status_code == 200  # another client is served meanwhile
    assert time.monotonic() - t0 < 5
    sandbox.faults.release_held()
    t.join(10)
    assert not t.is_alive() and time.monotonic() - t0 < 5 and errors


def test_hold_parameters_are_checked(sandbox):
    for bad in ({"seconds": -1}, {"seconds": "soon"}, {"then": "maybe"}):
        with pytest.raises(ValueError):
            sandbox.faults.inject("SendItem", "hold_after_commit", **bad)
    with pytest.raises(ValueError):
        sandbox.faults.inject("SendItem", "http_500_html", commit="yes")
    admin = sandbox.ews_url.replace("/EWS/Exchange.asmx", "/sandbox/admin/faults")
    r = requests.post(admin, data=json.dumps({"operation": "SendItem", "kind": "hold_after_commit", "then": "x"}),
                      timeout=10)
    assert r.status_code == 400 and "then" in r.json()["error"]


def test_hold_after_commit_over_the_admin_endpoint_of_a_sandbox_in_another_process(tmp_path):
    from exchangelib import Message as Msg

    from tests.reliability.killrun import SandboxProcess

    sb = SandboxProcess(tmp_path)
    try:
        from app.domain.account import AccountConfig
        from app.mail.ews import EwsMailService

        user = sb.alice
        svc = EwsMailService(AccountConfig(email=user["email"], ews_url=sb.ews_url,
                                           username=user.get("username") or user["email"]), user["password"])
        acct = svc._conn.account
        m = Msg(account=acct, folder=acct.drafts, subject="held in another process", to_recipients=["bob@example.com"])
        m.save()
        sb.inject("SendItem", "hold_after_commit", seconds=0.5)
        assert sb.admin()["pending"][0]["kind"] == "hold_after_commit"
        with pytest.raises(Exception):
            m.send()
        assert ("SendItem", "hold_after_commit") in sb.fired()
        svc.close()
    finally:
        sb.stop()
    assert sb.proc.returncode == 0  # stopped cleanly although a reply had been held


def _expect_error(fn, errors):
    try:
        fn()
    except Exception as exc:  # noqa: BLE001
        errors.append(exc)


def _wait(pred, timeout=10.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.02)
    return False
