"""Sandbox.active_handlers / wait_handlers(): the server-side "no request in progress" that tests wait on
instead of sleeping."""

from __future__ import annotations

import base64
import socket
import time

from tests.ews_wire import CAPTURES_DIR


def _raw_request(sb, body: bytes) -> bytes:
    alice = sb.accounts[0]
    auth = base64.b64encode(f"{alice['username']}:{alice['password']}".encode()).decode()
    host = f"127.0.0.1:{sb.port}"
    return (f"POST /EWS/Exchange.asmx HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {auth}\r\n"
            f"Content-Type: text/xml; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def test_an_idle_sandbox_has_no_handlers(sandbox):
    assert sandbox.active_handlers == 0
    assert sandbox.wait_handlers(0)  # nothing to wait for: true at once, with no time to wait


def test_an_open_connection_counts_until_its_client_closes_it(sandbox):
    s = socket.create_connection(("127.0.0.1", sandbox.port))
    try:
        # counted from the moment it waits to be accepted: no gap before its handler starts
        assert sandbox.active_handlers == 1
        assert not sandbox.wait_handlers(0.3)
        assert sandbox.active_handlers == 1
    finally:
        s.close()
    assert sandbox.wait_handlers(5) and sandbox.active_handlers == 0


def test_a_request_left_on_the_wire_is_finished_when_the_wait_returns(sandbox):
    """A client that writes a request and goes away (killed): the server still runs it; wait_handlers()
    returns only once that request is done."""
    sandbox.faults.inject("GetFolder", "delay", count=1, seconds=60)  # on the faults' time (skip)
    body = (CAPTURES_DIR / "03_GetFolder_drafts.request.xml").read_bytes()
    s = socket.create_connection(("127.0.0.1", sandbox.port))
    s.sendall(_raw_request(sandbox, body))
    s.close()  # gone, perhaps before the server has read the request
    deadline = time.monotonic() + 10  # (a timeout for the event, not a wait)
    while not sandbox.faults.pausing() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not sandbox.wait_handlers(0) and sandbox.faults.pausing() == 1  # in its delay: not done
    sandbox.faults.skip(60)
    assert sandbox.wait_handlers(10)  # it waited out the delay, then ran the request
    assert sandbox.request_log == ["GetFolder"] and sandbox.faults.fired == [("GetFolder", "delay")]
    assert sandbox.active_handlers == 0


def test_a_request_cut_off_by_stop_counts_until_its_handler_ends(sandbox_factory):
    sb = sandbox_factory()
    sb.faults.inject("GetFolder", "delay", count=1, seconds=1.0)
    body = (CAPTURES_DIR / "03_GetFolder_drafts.request.xml").read_bytes()
    s = socket.create_connection(("127.0.0.1", sb.port))
    try:
        s.sendall(_raw_request(sb, body))
        deadline = time.monotonic() + 10
        while not sb.faults.fired and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sb.faults.fired == [("GetFolder", "delay")]
        sb.stop()
        assert sb.active_handlers == 1  # still in its delay, after the server stopped
        assert sb.wait_handlers(10) and sb.active_handlers == 0
    finally:
        s.close()
