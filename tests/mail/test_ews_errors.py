"""Every failure becomes one MailError subclass; injected faults come from the sandbox over real HTTP."""

from __future__ import annotations

import logging
import socket

import pytest

from app.domain.models import ErrorKind, Folder, ItemRef
from app.mail.errors import (
    AuthFailed,
    ConnectionFailed,
    ItemFailed,
    MailError,
    MalformedResponse,
    OutcomeUnknown,
    ServerBusy,
    TlsFailed,
)
from tests.helpers.drafts import simple_draft


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_wrong_password_is_auth_failed(services):
    with pytest.raises(AuthFailed) as ei:
        services.make(password="not-the-password").connect()
    assert ei.value.code == "ErrorAuthenticationFailed"


def test_unreachable_port_is_connection_failed(services):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService

    svc = EwsMailService(
        AccountConfig(email="alice@example.com", ews_url=f"http://127.0.0.1:{_free_port()}/EWS/Exchange.asmx",
                      username="alice", server_build="15.1.2507.6"),
        "pw",
        timeout=3,
    )
    try:
        with pytest.raises(ConnectionFailed) as ei:
            svc.connect()
        assert ei.value.kind == ErrorKind.UNREACHABLE and ei.value.code == "ErrorConnectionFailed"
        with pytest.raises(ConnectionFailed):
            svc.send_drafts([ItemRef("I-1", "CK")])
    finally:
        svc.close()


def _ready(services):
    svc = services.make()
    svc.connect()
    return svc


def test_server_busy_carries_back_off(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("FindItem", "server_busy", count=1, backoff_ms=1500)
    with pytest.raises(ServerBusy) as ei:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    assert ei.value.retry_after == pytest.approx(1.5) and ei.value.kind == ErrorKind.THROTTLED
    assert svc.list_messages(Folder.DRAFTS, 0, 10).items == []  # the fault was one-shot


def test_http_503_honours_retry_after(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("FindItem", "http_503", count=1, retry_after=7)
    with pytest.raises(ServerBusy) as ei:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    assert ei.value.retry_after == pytest.approx(7)


def test_http_500_html_is_malformed_not_busy(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("FindItem", "http_500_html", count=1)
    with pytest.raises(MalformedResponse):
        svc.list_messages(Folder.DRAFTS, 0, 10)


def test_truncated_reply_is_malformed(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("FindItem", "truncated", count=1)
    with pytest.raises(MalformedResponse):
        svc.list_messages(Folder.DRAFTS, 0, 10)


@pytest.mark.parametrize("kind", ["drop_before_commit", "drop_after_commit"])
def test_dropped_connection_after_sending_is_outcome_unknown(services, sandbox, kind):
    svc = _ready(services)
    saved = svc.save_draft(simple_draft(kind))
    sandbox.faults.inject("SendItem", kind, count=1)
    with pytest.raises(OutcomeUnknown) as ei:
        svc.send_drafts([saved.ref])
    assert ei.value.kind == ErrorKind.OUTCOME_UNKNOWN  # may have gone out: looked up, never repeated


def test_reply_slower_than_the_timeout_is_outcome_unknown(services, sandbox):
    svc = services.make(timeout=1.0)
    svc.connect()
    sandbox.faults.inject("FindItem", "delay", count=1, seconds=3)
    with pytest.raises(OutcomeUnknown):
        svc.list_messages(Folder.DRAFTS, 0, 10)


def test_http_401_mid_session_is_auth_failed(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("FindItem", "http_401", count=1)
    with pytest.raises(AuthFailed):
        svc.list_messages(Folder.DRAFTS, 0, 10)


def test_item_errors_on_single_item_calls_are_item_failed(svc):
    from app.domain.models import ItemRef

    with pytest.raises(ItemFailed) as ei:
        svc.get_message(ItemRef("I-doesnotexist", ""))
    assert ei.value.code in ("ErrorItemNotFound", "ErrorInvalidIdMalformed")


def test_no_raw_exception_escapes_and_no_duplicate_drafts(services, sandbox):
    """Whatever fault hits a first save, the caller sees a MailError or (when the reply was lost after
    the server created it) the adopted draft, found by its Message-ID. Never a raw exception, never two."""
    svc = _ready(services)
    for kind in ["server_busy", "http_503", "http_500_html", "truncated", "drop_before_commit",
                 "drop_after_commit", "http_401"]:
        sandbox.faults.inject("CreateItem", kind, count=1)
        mid = f"<{kind}@dispatch>"
        try:
            saved = svc.save_draft(simple_draft(kind, internet_message_id=mid))
        except MailError as exc:
            assert exc.code.startswith("Error")
        else:
            assert saved.ref is not None and kind in ("truncated", "drop_after_commit")
        sandbox.faults.clear()
        same = [i for i in sandbox.mailbox("alice@example.com").items("drafts") if i["internet_message_id"] == mid]
        assert len(same) <= 1, kind
        if kind == "drop_after_commit":
            assert len(same) == 1


def test_tls_untrusted_certificate_fails_with_fingerprint_and_pin_accepts_exactly_it(sandbox_factory):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService
    from tests.helpers.ews_accounts import _close_exchangelib_connections

    sb = sandbox_factory(tls=True)  # a sandbox fixture: the test is marked sandbox, its bodies validated
    made = []
    try:
        assert sb.ews_url.startswith("https://"), sb.ews_url  # a TLS sandbox that is not TLS is a bug
        info = next(a for a in sb.accounts if a["email"] == "alice@example.com")

        def make(pin=""):
            cfg = AccountConfig(email=info["email"], ews_url=sb.ews_url, username=info["username"],
                                pinned_cert_sha256=pin)
            s = EwsMailService(cfg, info["password"], timeout=10)
            made.append(s)
            return s

        with pytest.raises(TlsFailed) as ei:
            make().connect()
        fp = ei.value.fingerprint
        assert len(fp.replace(":", "")) == 64
        assert make(pin=fp).connect().build  # exactly that certificate is accepted
        with pytest.raises(TlsFailed):
            make(pin="00" * 32).connect()  # any other pin: refused, never downgraded
    finally:
        for s in made:
            s.close()
        _close_exchangelib_connections()


def test_password_never_reaches_the_log_even_at_debug(services, sandbox, caplog):
    import base64
    import logging

    info = next(a for a in sandbox.accounts if a["email"] == "alice@example.com")
    caplog.set_level(logging.DEBUG, logger="exchangelib")
    svc = services.make()
    svc.connect()
    svc.save_draft(simple_draft("logged"))
    with pytest.raises(AuthFailed):
        services.make(password="wrong-secret-pw").connect()
    text = caplog.text
    assert "Authorization" in text, "the test must actually see exchangelib's request-header logging"
    secret = base64.b64encode(f"{info['username']}:{info['password']}".encode()).decode()
    assert secret not in text and info["password"] not in text and "wrong-secret-pw" not in text


# ---------------- bad input from the server (garbage XML, schema-invalid EWS) ----------------

def _assert_clear(err: MailError):
    from app.domain.explain import explain

    assert err.code == "ErrorMalformedResponse" and err.kind == ErrorKind.OUTCOME_UNKNOWN
    assert err.message and "Traceback" not in str(err)
    assert explain(err.code)  # the words the UI shows


@pytest.mark.parametrize("kind, variant", [
    ("garbage_xml", "html"), ("garbage_xml", "wrong_root"), ("garbage_xml", "not_xml"),
    ("unexpected_element", "response_class"), ("unexpected_element", "container"),
])
def test_bad_reply_to_a_listing_or_read_is_malformed(services, sandbox, kind, variant):
    svc = _ready(services)
    saved = svc.save_draft(simple_draft("readable"))
    sandbox.faults.inject("FindItem", kind, count=1, variant=variant)
    with pytest.raises(MalformedResponse) as ei:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    _assert_clear(ei.value)
    sandbox.faults.inject("GetItem", kind, count=1, variant=variant)
    with pytest.raises(MalformedResponse) as ei:
        svc.get_message(saved.ref)
    _assert_clear(ei.value)
    assert [m.subject for m in svc.list_messages(Folder.DRAFTS, 0, 10).items] == ["readable"]  # nothing lost


def test_a_reply_in_no_encoding_it_names_is_malformed_not_an_unexpected_error(services, sandbox, caplog):
    """A proxy's ``Content-Encoding: gzip`` on a plain body: requests cannot decode it. Known, so it is
    mapped as a reply that could not be read, not logged as an error nobody foresaw (the walk with faults
    in tests/ui/test_keyboard_monkey.py met it on a listing)."""
    svc = _ready(services)
    svc.save_draft(simple_draft("readable"))
    caplog.set_level(logging.WARNING, logger="app")
    sandbox.faults.inject("FindItem", "wrong_encoding", count=1)
    with pytest.raises(MalformedResponse) as ei:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    _assert_clear(ei.value)
    assert "decoded" in ei.value.message
    assert sandbox.faults.fired == [("FindItem", "wrong_encoding")]
    assert not [r for r in caplog.records if r.name.startswith("app.") and r.levelno >= logging.ERROR]


@pytest.mark.parametrize("drafts", range(1, 7))
def test_a_reply_cut_off_anywhere_is_malformed_never_a_shorter_list_or_body(services, sandbox, caplog, drafts):
    """exchangelib parses replies in lxml's recover mode, which takes a reply cut off anywhere as the
    document up to the cut: a listing with fewer drafts and no error, a draft with half its body (opened,
    edited and saved back, the rest would be lost), or, cut inside the paging element, a TypeError from
    inside exchangelib (the walk with faults in tests/ui/test_keyboard_monkey.py met that one). The
    sandbox's ``truncated`` fault cuts the real answer in half, so each number of drafts cuts it elsewhere."""
    svc = _ready(services)
    bodies = {}
    for n in range(drafts):
        d = simple_draft(f"draft {n} " + "s" * (7 * n))
        d.body = f"start {n} " + "hello world " * (13 * n + 1) + f"end {n}"
        bodies[d.subject] = d.body
        saved = svc.save_draft(d)
    caplog.set_level(logging.WARNING, logger="app")
    for op, call in (("FindItem", lambda: svc.list_messages(Folder.DRAFTS, 0, 10)),
                     ("GetItem", lambda: svc.get_message(saved.ref))):
        sandbox.faults.inject(op, "truncated", count=1)
        with pytest.raises(MalformedResponse) as ei:
            call()
        _assert_clear(ei.value)
        assert "cut off" in ei.value.message
    assert sandbox.faults.fired == [("FindItem", "truncated"), ("GetItem", "truncated")]
    assert not [r for r in caplog.records if r.name.startswith("app.") and r.levelno >= logging.ERROR]
    page = svc.list_messages(Folder.DRAFTS, 0, 10)  # nothing lost, whole again once the replies are
    assert sorted(m.subject for m in page.items) == sorted(bodies)
    assert svc.get_message(saved.ref).body.strip() == bodies[saved.subject]


def test_what_counts_as_cut_off():
    from app.mail.ews.replies import cut_off

    whole = (b'<?xml version="1.0" encoding="utf-8"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/'
             b'envelope/"><s:Body><m:GetItemResponse/></s:Body></s:Envelope>')
    assert not cut_off(whole) and not cut_off(whole + b"\r\n  ")
    assert not cut_off(whole + b"\n<!-- served by lb-3 -->\n") and cut_off(whole + b"\n<!-- served by")
    assert not cut_off(whole.replace(b"s:Envelope", b"soap:Envelope"))
    assert not cut_off(whole.replace(b"s:Envelope", b"Envelope").replace(b"</s:", b"</"))
    assert all(cut_off(whole[:n]) for n in range(60, len(whole)))  # everywhere short of the last '>'
    assert not cut_off(b"<html><body>Service unavailable</body></html>")  # no envelope: exchangelib's to say


def test_stray_unknown_element_is_tolerated_without_loss(services, sandbox):
    svc = _ready(services)
    sandbox.faults.inject("CreateItem", "unexpected_element", count=1, variant="extra_element")
    saved = svc.save_draft(simple_draft("stray"))
    sandbox.faults.inject("FindItem", "unexpected_element", count=1, variant="extra_element")
    assert [m.ref.id for m in svc.list_messages(Folder.DRAFTS, 0, 10).items] == [saved.ref.id]
    sandbox.faults.inject("GetItem", "unexpected_element", count=1, variant="extra_element")
    assert svc.get_message(saved.ref).subject == "stray"


@pytest.mark.parametrize("kind, variant, commit", [
    ("garbage_xml", "html", True), ("garbage_xml", "html", False),
    ("garbage_xml", "wrong_root", True), ("garbage_xml", "not_xml", True), ("garbage_xml", "not_xml", False),
    ("unexpected_element", "response_class", True), ("unexpected_element", "container", True),
    ("unexpected_element", "extra_element", True),
])
def test_bad_reply_to_create_item_never_duplicates_the_draft(services, sandbox, kind, variant, commit):
    """After commit the draft exists: the service adopts it by Message-ID (one draft, a usable ref).
    Before commit nothing was stored: a clear MalformedResponse, and the caller still holds the draft."""
    svc = _ready(services)
    mid = f"<{kind}-{variant}-{commit}@dispatch>"
    sandbox.faults.inject("CreateItem", kind, count=1, variant=variant, commit=commit)
    try:
        saved = svc.save_draft(simple_draft("create", internet_message_id=mid))
    except MalformedResponse as exc:
        assert not commit, "the server stored it: the draft must be adopted, not reported as failed"
        _assert_clear(exc)
    else:
        assert commit and saved.ref is not None
        assert svc.get_message(saved.ref).internet_message_id == mid
        again = svc.save_draft(saved.copy(subject="edited"))  # the adopted ref is a real one
        assert again.ref.id == saved.ref.id
    same = [i for i in sandbox.mailbox("alice@example.com").items("drafts") if i["internet_message_id"] == mid]
    assert len(same) == (1 if commit else 0)


@pytest.mark.parametrize("commit", [True, False])
def test_garbage_reply_to_send_is_malformed_and_never_loses_or_doubles_mail(services, sandbox, commit):
    svc = _ready(services)
    saved = svc.save_draft(simple_draft("sendme"))
    sandbox.faults.inject("SendItem", "garbage_xml", count=1, variant="html", commit=commit)
    with pytest.raises(MalformedResponse) as ei:
        svc.send_drafts([saved.ref])
    _assert_clear(ei.value)  # not retryable: a send must be verified, not repeated blindly
    inbox = [i for i in sandbox.mailbox("bob@example.com").items("inbox") if i["subject"] == "sendme"]
    drafts = [i for i in sandbox.mailbox("alice@example.com").items("drafts") if i["subject"] == "sendme"]
    assert (len(inbox), len(drafts)) == ((1, 0) if commit else (0, 1))


def test_unknown_response_class_on_send_is_a_damaged_reply_and_the_queue_finds_it_sent(services, sandbox, box,
                                                                                      caplog):
    """``ResponseClass="Partial"`` (EWS has no such class: a mangling proxy; the sandbox did send the
    message). exchangelib took it as success since the code said NoError, so a send that failed could have
    looked sent. Now the reply is a damaged one: the service says so (the outcome unknown), and the Outbox
    looks the message up and finds it sent, once."""
    from app.core.outbox.submission import SubState
    from tests.mail.outbox_harness import count

    svc = _ready(services)
    saved = svc.save_draft(simple_draft("partial"))
    caplog.set_level(logging.WARNING, logger="app")
    sandbox.faults.inject("SendItem", "unexpected_element", count=1, variant="response_class")
    with pytest.raises(MalformedResponse) as ei:
        svc.send_drafts([saved.ref])
    _assert_clear(ei.value)
    assert "result class" in ei.value.message and "'Partial'" in ei.value.message
    assert count(sandbox, "inbox", email="bob@example.com", subject="partial") == 1

    queued = box.save(simple_draft("partial, queued"))
    sandbox.faults.inject("SendItem", "unexpected_element", count=1, variant="response_class")
    sub = box.send(queued)
    assert sandbox.faults.fired.count(("SendItem", "unexpected_element")) == 2
    assert sub.state == SubState.SENT and box.ob.parts.stats["lookups"] == 1
    assert count(sandbox, "inbox", email="bob@example.com", subject="partial, queued") == 1
    assert count(sandbox, "sentitems", subject="partial, queued") == 1
    assert not [r for r in caplog.records if r.name.startswith("app.") and r.levelno >= logging.ERROR]


def test_a_listing_that_names_no_result_class_ews_has_is_damaged_not_an_unforeseen_error(services, sandbox,
                                                                                        caplog):
    """The same reply to a listing: exchangelib returned True where the results belong, and the backend's
    catch-all logged a TypeError nobody foresaw (the walks with faults allowed for it)."""
    svc = _ready(services)
    svc.save_draft(simple_draft("listed"))
    caplog.set_level(logging.WARNING, logger="app")
    sandbox.faults.inject("FindItem", "unexpected_element", count=1, variant="response_class")
    with pytest.raises(MalformedResponse) as ei:
        svc.list_messages(Folder.DRAFTS, 0, 10)
    _assert_clear(ei.value)
    assert "result class" in ei.value.message
    assert not [r for r in caplog.records if r.name.startswith("app.") and r.levelno >= logging.ERROR]


def test_a_subject_or_body_that_reads_like_a_result_class_is_only_text(services):
    """The check looks inside start tags only: mail about EWS itself opens as it was written."""
    svc = _ready(services)
    d = simple_draft('<m:SendItemResponseMessage ResponseClass="Partial"> ResponseClass="Bogus"')
    d.body = 'Look: <m:GetItemResponseMessage ResponseClass="Nope"> and ResponseClass="Nope" too'
    saved = svc.save_draft(d)
    assert svc.get_message(saved.ref).body.strip() == d.body
    assert [m.subject for m in svc.list_messages(Folder.DRAFTS, 0, 10).items] == [d.subject]
