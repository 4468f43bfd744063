"""Every failure becomes one MailError subclass; injected faults come from the sandbox over real HTTP."""

from __future__ import annotations

import socket

import pytest

from app.domain.models import Folder, ItemRef
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
from tests.mail.conftest import simple_draft


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
        assert ei.value.retryable and ei.value.code == "ErrorConnectionFailed"
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
    assert ei.value.retry_after == pytest.approx(1.5) and ei.value.retryable
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
    assert not ei.value.retryable


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


def _tls_sandbox(wire_validator):
    from app.sandbox import Sandbox

    try:
        sb = Sandbox(data=":memory:", port=0, tls=True)
    except TypeError:
        pytest.skip("sandbox has no TLS mode")
    sb.wire_observer = wire_validator.observe
    sb.start()
    return sb


def test_tls_untrusted_certificate_fails_with_fingerprint_and_pin_accepts_exactly_it(wire_validator):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService
    from tests.conftest import _close_exchangelib_connections

    sb = _tls_sandbox(wire_validator)
    made = []
    try:
        if not sb.ews_url.startswith("https://"):
            pytest.skip("sandbox TLS mode did not give an https URL")
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
        sb.stop()
        _close_exchangelib_connections()
        wire_validator.reset()


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
