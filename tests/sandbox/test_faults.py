"""Injected faults: each kind, through exchangelib where it has an opinion, raw `requests` where it does not."""

from __future__ import annotations

import json
import time

import pytest
import requests
from exchangelib import FaultTolerance, Message
from exchangelib.errors import (
    ErrorServerBusy, ErrorTimeoutExpired, MalformedResponseError, SOAPError, TransportError, UnauthorizedError,
)

from tests.helpers.soap import post
from tests.helpers.ews_accounts import make_account

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
    # on the faults' time, moved on by the test (skip): a minute that never passes by itself during the test
    sandbox.faults.inject("ResolveNames", "delay", seconds=60)
    call = _InThread(lambda: post(sandbox, RESOLVE))
    assert _wait(lambda: sandbox.faults.pausing() == 1)
    sandbox.faults.skip(59.9)
    assert sandbox.faults.pausing() == 1 and not call.done.is_set()  # still pausing: no answer yet
    sandbox.faults.skip(0.1)
    assert call.done.wait(10) and call.error is None and call.result.status_code == 200
    assert sandbox.request_log == ["ResolveNames"] and sandbox.faults.pausing() == 0


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
    r = _admin_post(sandbox, json.dumps({"operation": "ResolveNames", "kind": "server_busy", "count": 1,
                                         "backoff_ms": 250}), timeout=10)
    assert r.status_code == 200 and r.json()["pending"][0]["kind"] == "server_busy"
    busy = post(sandbox, RESOLVE)
    assert busy.status_code == 500 and b"ErrorServerBusy" in busy.content and b"BackOffMilliseconds" in busy.content
    state = _admin_get(sandbox).json()
    assert state["pending"] == [] and state["fired"] == [{"operation": "ResolveNames", "kind": "server_busy"}]
    _admin_post(sandbox, json.dumps({"operation": "*", "kind": "http_503", "count": -1}), timeout=10)
    assert _admin_post(sandbox, json.dumps({"clear": True}), timeout=10).json()["pending"] == []
    assert _admin_post(sandbox, b"{not json", timeout=10).status_code == 400


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

    def observe(d, body, injected=False):  # the sandbox chains it after the schema check
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


@pytest.mark.parametrize("commit, stored", [(True, ["labelled"]), (False, [])])
def test_wrong_encoding_labels_a_plain_answer_gzip(sandbox, alice, commit, stored):
    """A proxy's mistake: the real answer, with ``Content-Encoding: gzip`` although it is not compressed."""
    alice.drafts
    sandbox.faults.inject("CreateItem", "wrong_encoding", commit=commit)
    with pytest.raises(requests.exceptions.ContentDecodingError):
        Message(account=alice, folder=alice.drafts, subject="labelled").save()
    assert sandbox.faults.fired == [("CreateItem", "wrong_encoding")]
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == stored
    sandbox.faults.inject("ResolveNames", "wrong_encoding")
    r = post(sandbox, RESOLVE, stream=True)
    assert r.headers["Content-Encoding"] == "gzip" and _is_envelope(r.raw.read(decode_content=False))


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
    r = _admin_post(sandbox, json.dumps({"operation": "ResolveNames", "kind": "garbage_xml",
                                         "variant": "not_xml"}), timeout=10)
    assert r.status_code == 200 and r.json()["pending"] == [
        {"operation": "ResolveNames", "kind": "garbage_xml", "count": 1, "params": {"variant": "not_xml"}}]
    assert b"not XML" in post(sandbox, RESOLVE).content
    r = _admin_post(sandbox, json.dumps({"operation": "ResolveNames", "kind": "unexpected_element",
                                         "variant": "response_class"}), timeout=10)
    assert r.status_code == 200
    assert b'ResponseClass="Partial"' in post(sandbox, RESOLVE).content
    bad = _admin_post(sandbox, json.dumps({"operation": "*", "kind": "garbage_xml", "variant": "gif"}), timeout=10)
    assert bad.status_code == 400 and _admin_get(sandbox).json()["pending"] == []


# ---------------- admin endpoint: loopback only ----------------

class _FakeServer:
    def __init__(self, sb):
        self.sandbox = sb


def _admin_handler(sb, client_ip):
    """The real EwsHandler, built without a socket (nothing goes to a non-loopback address)."""
    import email
    import http.client
    import io

    from app.sandbox.server import EwsHandler

    h = EwsHandler.__new__(EwsHandler)
    h.server = _FakeServer(sb)
    h.client_address = (client_ip, 1)
    h.command, h.path, h.request_version = "POST", "/sandbox/admin/faults", "HTTP/1.1"
    h.requestline = "POST /sandbox/admin/faults HTTP/1.1"
    h.headers = email.message_from_string(  # everything else right: only the client's address differs
        f"Host: 127.0.0.1:{sb.port}\r\nAuthorization: Bearer {sb.admin_token}\r\n"
        "Content-Type: application/json\r\n\r\n", _class=http.client.HTTPMessage)
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
# A client that retries blindly after one of these sends the message twice (or saves two drafts). Each test
# runs the fault on SendItem (a saved draft sent: delivered to Bob, moved to Alice's Sent Items) and on
# CreateItem (a draft saved), and checks three things: the change is stored, the client saw the failure
# it should, and ``faults.fired`` lists the fault.

POST_COMMIT_OPS = ["SendItem", "CreateItem"]


def _subjects(sandbox, who, folder) -> list[str]:
    return [m["subject"] for m in sandbox.mailbox(who).items(folder)]


def _inbox(sandbox) -> list[str]:
    return _subjects(sandbox, "bob@example.com", "inbox")


def _state(sandbox) -> dict:
    return {"drafts": _subjects(sandbox, "alice@example.com", "drafts"),
            "sent": _subjects(sandbox, "alice@example.com", "sentitems"), "inbox": _inbox(sandbox)}


def _committed(op, subject) -> dict:
    """What the mailboxes hold once ``op`` was stored: a send delivered and filed, or a draft saved."""
    if op == "SendItem":
        return {"drafts": [], "sent": [subject], "inbox": [subject]}
    return {"drafts": [subject], "sent": [], "inbox": []}


def _call(alice, op, subject):
    """The exchangelib call that sends exactly one ``op`` request (its other requests are made now)."""
    if op == "SendItem":
        return _draft(alice, subject).send  # the draft's own CreateItem goes out before the fault is injected
    alice.drafts  # folder lookup before the fault
    return Message(account=alice, folder=alice.drafts, subject=subject, to_recipients=["bob@example.com"]).save


class _InThread:
    """Run ``fn`` in a thread; ``done`` is set when it returned or raised (``result`` / ``error``)."""

    def __init__(self, fn):
        import threading

        self.result = self.error = None
        self.done = threading.Event()

        def run():
            try:
                self.result = fn()
            except Exception as exc:  # noqa: BLE001 - the test looks at it
                self.error = exc
            finally:
                self.done.set()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()


def _wait(pred, timeout=10.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.02)
    return False


def _held(sandbox, op) -> bool:
    """The server committed ``op`` (fired) and is holding its reply."""
    return (op, "hold_after_commit") in sandbox.faults.fired and sandbox.faults.holding() == 1


@pytest.mark.parametrize("op", POST_COMMIT_OPS)
def test_http_500_after_commit_stores_the_change_then_answers_iis_page(sandbox, alice, op):
    call = _call(alice, op, f"{op} behind a 500")
    sandbox.faults.inject(op, "http_500_html", commit=True)
    with pytest.raises(ErrorServerBusy, match="Server Error in"):  # exchangelib: a 500 page is "transient"
        call()
    assert _state(sandbox) == _committed(op, f"{op} behind a 500")
    assert sandbox.faults.fired == [(op, "http_500_html")] and sandbox.request_log.count(op) == 1


CREATE_SEND = ('<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:SavedItemFolderId>'
               '<t:DistinguishedFolderId Id="sentitems"/></m:SavedItemFolderId><m:Items><t:Message>'
               "<t:Subject>raw behind a 500</t:Subject><t:ToRecipients><t:Mailbox>"
               "<t:EmailAddress>bob@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients>"
               "</t:Message></m:Items></m:CreateItem>")


def test_http_500_after_commit_on_the_wire_is_the_iis_page(sandbox):
    """Raw HTTP: the very page of the commit=False variant (marked injected: the schema check skips it)."""
    from app.sandbox.ews.faultbodies import IIS_500

    sandbox.faults.inject("CreateItem", "http_500_html", commit=True)
    r = post(sandbox, CREATE_SEND)
    assert r.status_code == 500 and r.headers["Content-Type"].startswith("text/html")
    assert r.content == IIS_500.encode()
    assert _inbox(sandbox) == ["raw behind a 500"]
    assert _subjects(sandbox, "alice@example.com", "sentitems") == ["raw behind a 500"]


def test_http_500_before_commit_stores_nothing(sandbox, alice):
    m = _draft(alice, "not sent")
    sandbox.faults.inject("SendItem", "http_500_html")  # commit=False is the default
    with pytest.raises(ErrorServerBusy):
        m.send()
    assert _state(sandbox) == {"drafts": ["not sent"], "sent": [], "inbox": []}
    assert sandbox.faults.fired == [("SendItem", "http_500_html")]


@pytest.mark.parametrize("op", POST_COMMIT_OPS)
@pytest.mark.parametrize("kind, error", [("truncated", SOAPError), ("garbage_xml", MalformedResponseError)])
def test_broken_replies_commit_by_default(sandbox, alice, op, kind, error):
    call = _call(alice, op, f"{op} behind {kind}")
    sandbox.faults.inject(op, kind)  # commit=True is the default for these
    with pytest.raises(error):
        call()
    assert _state(sandbox) == _committed(op, f"{op} behind {kind}")
    assert sandbox.faults.fired == [(op, kind)] and sandbox.request_log.count(op) == 1


@pytest.mark.parametrize("op", POST_COMMIT_OPS)
def test_hold_after_commit_then_drop(sandbox, alice, op):
    """Committed at once, reply held (the client is still waiting), then the connection is closed unanswered."""
    subject = f"{op} held then dropped"
    fn = _call(alice, op, subject)
    sandbox.faults.inject(op, "hold_after_commit", seconds=60)
    call = _InThread(fn)
    assert _wait(lambda: _held(sandbox, op))
    assert _state(sandbox) == _committed(op, subject)  # stored while the client still waits for an answer
    assert not call.done.wait(0.3)  # held: no answer, no error yet
    sandbox.faults.release_held()
    assert call.done.wait(10)
    assert isinstance(call.error, ErrorTimeoutExpired) and "Remote end closed connection" in str(call.error)
    assert sandbox.faults.fired == [(op, "hold_after_commit")] and sandbox.faults.holding() == 0
    assert _state(sandbox) == _committed(op, subject) and sandbox.request_log.count(op) == 1


def test_hold_after_commit_ends_by_itself_after_seconds(sandbox, alice):
    m = _draft(alice, "held half a second")
    sandbox.faults.inject("SendItem", "hold_after_commit", seconds=60)  # then="drop" is the default
    call = _InThread(m.send)
    assert _wait(lambda: _held(sandbox, "SendItem"))
    sandbox.faults.skip(59.9)  # the faults' time (a minute that never passes by itself here)
    assert sandbox.faults.holding() == 1 and not call.done.is_set()
    sandbox.faults.skip(0.1)
    assert call.done.wait(10) and isinstance(call.error, ErrorTimeoutExpired)
    assert _inbox(sandbox) == ["held half a second"] and sandbox.faults.fired == [("SendItem", "hold_after_commit")]


@pytest.mark.parametrize("op", POST_COMMIT_OPS)
def test_hold_after_commit_then_answer(sandbox, alice, op):
    subject = f"{op} held then answered"
    if op == "SendItem":
        m = _draft(alice, subject)
        fn = m.send
    else:
        alice.drafts
        m = Message(account=alice, folder=alice.drafts, subject=subject, to_recipients=["bob@example.com"])
        fn = m.save
    sandbox.faults.inject(op, "hold_after_commit", seconds=60, then="answer")
    call = _InThread(fn)
    assert _wait(lambda: _held(sandbox, op))
    assert _state(sandbox) == _committed(op, subject)
    assert not call.done.wait(0.3)
    sandbox.faults.release_held()
    assert call.done.wait(10) and call.error is None  # the real answer, late
    if op == "CreateItem":
        assert m.id and alice.drafts.get(id=m.id).subject == subject
    assert sandbox.faults.fired == [(op, "hold_after_commit")] and sandbox.faults.holding() == 0


def test_a_held_reply_does_not_block_other_clients(sandbox, alice, bob):
    m = _draft(alice, "held for a minute")
    sandbox.faults.inject("SendItem", "hold_after_commit", seconds=60)
    call = _InThread(m.send)
    assert _wait(lambda: _held(sandbox, "SendItem"))
    assert [i.subject for i in bob.inbox.all()] == ["held for a minute"]  # another client, over EWS, meanwhile
    assert post(sandbox, RESOLVE).status_code == 200
    assert not call.done.is_set()  # served while the held reply still waits (its hold lasts a minute)
    sandbox.faults.release_held()
    assert call.done.wait(10) and isinstance(call.error, ErrorTimeoutExpired)


def test_stop_does_not_hang_on_a_held_reply(sandbox_factory):
    sb = sandbox_factory()
    alice = make_account(sb, "alice@example.com")
    m = _draft(alice, "held at stop")
    sb.faults.inject("SendItem", "hold_after_commit", seconds=600, then="answer")
    call = _InThread(m.send)
    assert _wait(lambda: _held(sb, "SendItem"))
    sb.stop()  # returns (held for 600 s, a hang would end in the suite's timeout, not here)
    assert call.done.wait(10)  # answered or dropped, never left waiting
    assert _wait(lambda: sb.faults.holding() == 0)  # the server's thread did not stay behind, holding


def test_fired_is_listed_only_once_the_change_is_committed(sandbox, alice):
    """A test (or another process) that sees a post-commit fault fired can rely on the change being there."""
    save = _call(alice, "CreateItem", "listed after commit")  # CreateItem alone (the folder is looked up)
    sandbox.faults.inject("CreateItem", "hold_after_commit", seconds=60)
    with sandbox.store.tx():  # the request can take its fault but cannot commit while we hold the store
        call = _InThread(save)
        assert _wait(lambda: sandbox.faults.pending() == [])  # taken by the request
        assert sandbox.faults.fired == [] and sandbox.faults.holding() == 0
    assert _wait(lambda: _held(sandbox, "CreateItem"))
    assert _subjects(sandbox, "alice@example.com", "drafts") == ["listed after commit"]
    sandbox.faults.release_held()
    assert call.done.wait(10)


def test_server_shutdown_ends_held_replies(sandbox, alice):
    """EwsServer.shutdown() itself ends holds (and drops them, even then="answer"), whoever stops it."""
    m = _draft(alice, "held at shutdown")
    sandbox.faults.inject("SendItem", "hold_after_commit", seconds=600, then="answer")
    call = _InThread(m.send)
    assert _wait(lambda: _held(sandbox, "SendItem"))
    sandbox._server.shutdown()  # what Sandbox.stop() does first (after its own release_held)
    assert call.done.wait(10) and isinstance(call.error, ErrorTimeoutExpired)
    assert _wait(lambda: sandbox.faults.holding() == 0)


def test_release_and_stopping_end_holds():
    """The injector's holds on their own: release_held() ends the ones under way (not later ones);
    a set ``stopping`` event ends them and lets none start; otherwise they last ``seconds``."""
    import threading

    from app.sandbox.core.faults import FaultInjector

    fi = FaultInjector()
    first = _InThread(lambda: fi.hold(60))
    assert _wait(lambda: fi.holding() == 1)
    fi.release_held()
    assert first.done.wait(5) and first.result is True and fi.holding() == 0
    later = _InThread(lambda: fi.hold(60))  # an earlier release does not end a new hold: its time does
    assert _wait(lambda: fi.holding() == 1)
    fi.skip(59.9)
    assert fi.holding() == 1 and not later.done.is_set()
    fi.skip(0.1)
    assert later.done.wait(5) and later.result is False and fi.holding() == 0
    stopping = threading.Event()
    held = _InThread(lambda: fi.hold(60, stopping))
    assert _wait(lambda: fi.holding() == 1)
    stopping.set()
    fi.release_held()  # what the server's shutdown() does
    assert held.done.wait(5) and held.result is True
    late = _InThread(lambda: fi.hold(600, stopping))  # none starts once stopping: it returns, it does not hold
    assert late.done.wait(30) and late.result is True


BAD_PARAMS = [
    ("hold_after_commit", {"seconds": -1}, "seconds"),
    ("hold_after_commit", {"seconds": "soon"}, "seconds"),
    ("hold_after_commit", {"seconds": True}, "seconds"),
    ("hold_after_commit", {"seconds": float("inf")}, "seconds"),
    ("hold_after_commit", {"seconds": float("nan")}, "seconds"),
    ("hold_after_commit", {"then": "maybe"}, "then"),
    ("hold_after_commit", {"then": None}, "then"),
    ("hold_after_commit", {"secs": 5}, "secs"),  # a misspelt name would silently mean the default 30 s
    ("http_500_html", {"commit": "yes"}, "commit"),
    ("http_500_html", {"commit": 1}, "commit"),
    ("http_500_html", {"seconds": 1}, "seconds"),
    ("truncated", {"commit": "false"}, "commit"),
]


@pytest.mark.parametrize("kind, params, word", BAD_PARAMS)
def test_fault_parameters_are_checked(sandbox, kind, params, word):
    with pytest.raises(ValueError, match=word):
        sandbox.faults.inject("SendItem", kind, **params)
    assert sandbox.faults.pending() == []


def _admin_post(sb, data, timeout=10):
    """POST to the admin endpoint with its token (``sb``: a Sandbox, or the CLI's admin_url/admin_token)."""
    return requests.post(sb.admin_url, data=data, headers=sb.admin_headers(), timeout=timeout)


def _admin_get(sb, timeout=10):
    return requests.get(sb.admin_url, headers=sb.admin_headers(), timeout=timeout)


@pytest.mark.parametrize("kind, params, word", BAD_PARAMS + [
    ("hold_after_commit", {"count": 0}, "count"),
    ("hold_after_commit", {"count": "2"}, "count"),
])
def test_admin_endpoint_answers_400_to_bad_parameters(sandbox, kind, params, word):
    body = json.dumps({"operation": "SendItem", "kind": kind, **params})  # inf, nan go out as Infinity, NaN
    r = _admin_post(sandbox, body, timeout=10)
    assert r.status_code == 400 and r.headers["Content-Type"] == "application/json"
    assert word in r.json()["error"]
    assert _admin_get(sandbox).json()["pending"] == []


@pytest.mark.parametrize("body, word", [
    (b"[]", "JSON object"), (b"null", "JSON object"), (b'{"operation": "SendItem"}', "kind"),
    (b'{"release": "yes"}', "release"), (b'{"clear": 1}', "clear"), (b'{"kind": "gremlins"}', "gremlins"),
])
def test_admin_endpoint_answers_400_to_bad_requests(sandbox, body, word):
    r = _admin_post(sandbox, body, timeout=10)
    assert r.status_code == 400 and word in r.json()["error"]


def test_admin_endpoint_checks_before_it_clears(sandbox):
    sandbox.faults.inject("SendItem", "server_busy")
    bad = {"clear": True, "operation": "SendItem", "kind": "hold_after_commit", "then": "later"}
    assert _admin_post(sandbox, json.dumps(bad), timeout=10).status_code == 400
    assert [f["kind"] for f in sandbox.faults.pending()] == ["server_busy"]  # the refused request changed nothing
    good = {"clear": True, "operation": "SendItem", "kind": "http_500_html", "commit": True}
    state = _admin_post(sandbox, json.dumps(good), timeout=10).json()
    assert state["pending"] == [{"operation": "SendItem", "kind": "http_500_html", "count": 1,
                                 "params": {"commit": True}}]  # cleared, then injected


def test_admin_endpoint_injects_post_commit_faults_and_reports_them_fired(sandbox, alice):
    m = _draft(alice, "via admin")
    r = _admin_post(sandbox, json.dumps({"operation": "SendItem", "kind": "hold_after_commit",
                                         "seconds": 60, "then": "answer"}), timeout=10)
    assert r.status_code == 200 and r.json()["pending"] == [
        {"operation": "SendItem", "kind": "hold_after_commit", "count": 1, "params": {"seconds": 60, "then": "answer"}}]
    call = _InThread(m.send)
    assert _wait(lambda: _admin_get(sandbox).json()["holding"] == 1)
    state = _admin_get(sandbox).json()
    assert state["fired"] == [{"operation": "SendItem", "kind": "hold_after_commit"}] and state["pending"] == []
    assert _inbox(sandbox) == ["via admin"]
    assert _admin_post(sandbox, json.dumps({"release": True}), timeout=10).status_code == 200
    assert call.done.wait(10) and call.error is None
    alice.drafts
    _admin_post(sandbox, json.dumps({"operation": "CreateItem", "kind": "http_500_html", "commit": True}),
                timeout=10)
    with pytest.raises(ErrorServerBusy):
        Message(account=alice, folder=alice.drafts, subject="500 via admin").save()
    assert _admin_get(sandbox).json()["fired"] == [
        {"operation": "SendItem", "kind": "hold_after_commit"}, {"operation": "CreateItem", "kind": "http_500_html"}]
    assert _subjects(sandbox, "alice@example.com", "drafts") == ["500 via admin"]


def test_hold_after_commit_in_a_sandbox_in_another_process():
    """``python -m app.sandbox`` driven only over HTTP: inject over the admin endpoint, see the fault fire
    (its change visible to another client while the reply is held), release it, and stop the process
    (SIGINT) while another reply is held: it exits at once and cleanly."""
    from types import SimpleNamespace

    from exchangelib.protocol import close_connections

    from tests.helpers.sandbox_cli import start_cli, stop_cli

    proc, info = start_cli("--port", "0", "--data", ":memory:")  # also validates every request against the XSDs
    cli = SimpleNamespace(admin_url=info["admin_url"], admin_headers=lambda: {
        "Authorization": f"Bearer {info['admin_token']}", "Content-Type": "application/json"})

    def state():
        return _admin_get(cli).json()

    try:
        sb = SimpleNamespace(ews_url=info["ews_url"], accounts=info["accounts"])
        alice, bob = make_account(sb, "alice@example.com"), make_account(sb, "bob@example.com")
        m = _draft(alice, "held in another process")
        r = _admin_post(cli, json.dumps({"operation": "SendItem", "kind": "hold_after_commit",
                                         "seconds": 600}), timeout=10)
        assert r.status_code == 200 and r.json()["pending"][0]["kind"] == "hold_after_commit"
        call = _InThread(m.send)
        assert _wait(lambda: state()["holding"] == 1)
        assert state()["fired"] == [{"operation": "SendItem", "kind": "hold_after_commit"}]
        assert [i.subject for i in bob.inbox.all()] == ["held in another process"]  # committed, served meanwhile
        assert not call.done.is_set()
        assert _admin_post(cli, json.dumps({"release": True}), timeout=10).status_code == 200
        assert call.done.wait(10) and isinstance(call.error, ErrorTimeoutExpired)
        assert [i.subject for i in alice.sent.all()] == ["held in another process"]

        _admin_post(cli, json.dumps({"operation": "CreateItem", "kind": "hold_after_commit",
                                     "seconds": 600}), timeout=10)
        save = _InThread(Message(account=alice, folder=alice.drafts, subject="held at SIGINT").save)
        assert _wait(lambda: state()["holding"] == 1)
        assert state()["fired"][-1] == {"operation": "CreateItem", "kind": "hold_after_commit"}
    finally:
        try:
            stop_cli(proc)  # SIGINT; exit code 0, "stopped", no traceback (a hold of 600 s does not keep it)
        finally:
            close_connections()
    assert save.done.wait(10) and isinstance(save.error, ErrorTimeoutExpired)
