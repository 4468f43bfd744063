"""The sandbox ships inside the app, so its HTTP weaknesses are the app's. Over real sockets (raw ``socket``
for framing attacks, ``requests`` otherwise):

- the admin (fault-injection) endpoint needs the per-run token, a loopback ``Host`` (DNS rebinding), a
  JSON content type (no cross-site form posts), and never lets a parameter reach a header unchecked;
- the EWS endpoint authenticates before it reads a body, limits the body's size, refuses ambiguous or
  unknown framing (RFC 9112 6.1/6.3) and closes the connection after any framing error, so nothing after
  it is ever read as a request.
"""

from __future__ import annotations

import base64
import json
import socket
import time

import pytest
import requests

from tests.helpers.soap import SOAP

RESOLVE = SOAP.format(body='<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry>'
                           '</m:ResolveNames>').encode()
MiB = 1024 * 1024


# ---------------- helpers ----------------

def _basic(sb, email="alice@example.com") -> str:
    u = next(a for a in sb.accounts if a["email"] == email)
    return "Basic " + base64.b64encode(f"{u['username']}:{u['password']}".encode()).decode()


def _head(sb, method="POST", path="/EWS/Exchange.asmx", auth=True, extra=()) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{sb.port}", "Content-Type: text/xml; charset=utf-8"]
    if auth:
        lines.append(f"Authorization: {_basic(sb)}")
    lines += list(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _exchange(sb, data: bytes, timeout=5.0, then: bytes = b"") -> tuple[bytes, bool]:
    """Send ``data`` on a fresh connection and read until the server closes it (True) or goes quiet for
    ``timeout`` seconds (False: it kept the connection open, or is still waiting for a body)."""
    with socket.create_connection(("127.0.0.1", sb.port), timeout=timeout) as s:
        s.sendall(data)
        if then:
            time.sleep(0.2)
            try:
                s.sendall(then)
            except OSError:
                pass
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except TimeoutError:
            return out, False
        except ConnectionResetError:
            pass
    return out, True


def _responses(out: bytes) -> int:
    return out.count(b"HTTP/1.1 ")


def _chunked(body: bytes, size=None) -> bytes:
    return (size if size is not None else f"{len(body):x}".encode()) + b"\r\n" + body + b"\r\n0\r\n\r\n"


def _admin(sb, payload=None, headers=None, **kw):
    hdrs = dict(sb.admin_headers()) if headers is None else headers
    if payload is None:
        return requests.get(sb.admin_url, headers=hdrs, timeout=10, **kw)
    data = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return requests.post(sb.admin_url, data=data, headers=hdrs, timeout=10, **kw)


INJECT = {"operation": "ResolveNames", "kind": "http_503", "count": 1}


# ---------------- admin endpoint ----------------

def test_admin_token_is_random_per_sandbox_and_unguessable(sandbox_factory):
    a, b = sandbox_factory(), sandbox_factory()
    assert isinstance(a.admin_token, str) and len(a.admin_token) >= 32
    assert a.admin_token != b.admin_token
    assert a.admin_url == a.ews_url.replace("/EWS/Exchange.asmx", "/sandbox/admin/faults")
    assert a.admin_headers()["Authorization"] == f"Bearer {a.admin_token}"


@pytest.mark.parametrize("auth", [None, "Bearer ", "Bearer wrong-token", "Basic YWxpY2U6eA=="])
def test_admin_endpoint_refuses_requests_without_the_token(sandbox, auth):
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        headers["Authorization"] = auth
    r = _admin(sandbox, INJECT, headers=headers)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    assert sandbox.faults.pending() == []
    g = _admin(sandbox, headers=headers)  # not even the list of faults
    assert g.status_code == 401 and b"pending" not in g.content


def test_admin_endpoint_refuses_another_sandboxes_token(sandbox_factory):
    a, b = sandbox_factory(), sandbox_factory()
    r = requests.post(a.admin_url, data=json.dumps(INJECT), headers=b.admin_headers(), timeout=10)
    assert r.status_code == 401 and a.faults.pending() == []


def test_admin_endpoint_accepts_the_token(sandbox):
    r = _admin(sandbox, INJECT)
    assert r.status_code == 200 and r.json()["pending"][0]["kind"] == "http_503"
    assert _admin(sandbox).json()["pending"][0]["operation"] == "ResolveNames"


@pytest.mark.parametrize("host", [
    "evil.example:{port}",  # DNS rebinding: a name the attacker controls now resolves to 127.0.0.1
    "evil.example", "localhost.evil.example:{port}", "127.0.0.1.nip.io:{port}",
    "localhost:{other}", "127.0.0.1", "127.0.0.1:{port}@evil.example", "[::2]:{port}", "",
])
def test_admin_endpoint_refuses_a_foreign_host_header(sandbox, host):
    headers = {**sandbox.admin_headers(), "Host": host.format(port=sandbox.port, other=sandbox.port + 1)}
    r = _admin(sandbox, INJECT, headers=headers)
    assert r.status_code == 403
    assert _admin(sandbox, headers=headers).status_code == 403
    assert sandbox.faults.pending() == []


@pytest.mark.parametrize("host", ["localhost:{port}", "LOCALHOST:{port}", "127.0.0.1:{port}", "[::1]:{port}"])
def test_admin_endpoint_accepts_loopback_host_names(sandbox, host):
    headers = {**sandbox.admin_headers(), "Host": host.format(port=sandbox.port)}
    assert _admin(sandbox, INJECT, headers=headers).status_code == 200


@pytest.mark.parametrize("ctype", [
    "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", None,
    "application/jsonx", "text/json",
])
def test_admin_post_needs_a_json_content_type(sandbox, ctype):
    headers = {"Authorization": f"Bearer {sandbox.admin_token}"}
    if ctype is not None:
        headers["Content-Type"] = ctype
    r = _admin(sandbox, INJECT, headers=headers)
    assert r.status_code == 415 and sandbox.faults.pending() == []


def test_admin_post_accepts_json_with_a_charset(sandbox):
    headers = {**sandbox.admin_headers(), "Content-Type": "application/json; charset=utf-8"}
    assert _admin(sandbox, INJECT, headers=headers).status_code == 200


@pytest.mark.parametrize("value", [
    "1\r\nX-Forged: yes", "1\nX-Forged: yes", "1\r\n\r\nHTTP/1.1 200 OK", "1\x00", "soon", "1 2", "-1",
])
def test_admin_refuses_a_retry_after_that_is_not_a_number(sandbox, value):
    r = _admin(sandbox, {"operation": "ResolveNames", "kind": "http_503", "retry_after": value})
    assert r.status_code == 400 and "retry_after" in r.json()["error"]
    assert sandbox.faults.pending() == []


def test_a_header_value_with_cr_lf_never_reaches_the_wire(sandbox):
    """Defence in depth: should a bad value get past the checks (here: changed after inject), the header
    writer refuses it; the response is not split and no header is forged."""
    fault = sandbox.faults.inject("ResolveNames", "http_503")
    fault.params["retry_after"] = "1\r\nX-Forged: yes\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nX-Second: 1"
    out, closed = _exchange(sandbox, _head(sandbox, extra=[f"Content-Length: {len(RESOLVE)}"]) + RESOLVE)
    assert out.startswith(b"HTTP/1.1 500") and closed and _responses(out) == 1
    assert b"X-Forged" not in out and b"X-Second" not in out
    assert requests.get(sandbox.ews_url, auth=("alice@example.com", "alice-sandbox-pw"), timeout=10).ok


@pytest.mark.parametrize("name, value", [("Retry-After", "1\r\nX-Forged: yes"), ("Retry-After", "1\nX: y"),
                                         ("Retry-After", "1\rX: y"), ("X-A", "\x00"), ("X-A\r\nX-B", "1"),
                                         ("X A", "1")])
def test_the_header_writer_refuses_control_characters(sandbox, name, value):
    """The last line of defence, under every response header the server writes."""
    import io

    from app.sandbox.server import EwsHandler

    h = EwsHandler.__new__(EwsHandler)
    h.request_version, h.wfile = "HTTP/1.1", io.BytesIO()
    with pytest.raises(ValueError):
        h.send_header(name, value)
    h.send_header("Retry-After", "7")  # an ordinary one still goes
    assert getattr(h, "_headers_buffer", []) == [b"Retry-After: 7\r\n"]


# ---------------- EWS endpoint: authenticate before reading, size limit ----------------

def test_unauthenticated_body_is_refused_before_it_is_read(sandbox):
    """100 MB announced, not one byte sent: the 401 comes and the server closes the connection (``closed``:
    a server waiting for the body would leave it open, and ``_exchange`` would stop reading on its timeout)."""
    out, closed = _exchange(sandbox, _head(sandbox, auth=False, extra=[f"Content-Length: {100 * MiB}"]))
    assert out.startswith(b"HTTP/1.1 401") and b"Connection: close" in out and closed
    assert sandbox.request_log == []


def test_wrong_password_with_a_body_is_still_a_plain_401(sandbox):
    """exchangelib takes an error answered with Connection: close for "server busy" (and retries): a small
    refused body is dropped unread instead, and the connection kept."""
    r = requests.post(sandbox.ews_url, data=RESOLVE, auth=("alice@example.com", "nope"), timeout=10,
                      headers={"Content-Type": "text/xml; charset=utf-8"})
    assert r.status_code == 401 and "Basic" in r.headers["WWW-Authenticate"]
    assert r.headers.get("Connection", "").lower() != "close"


def test_a_small_refused_body_is_dropped_never_served(sandbox):
    """The 401 goes out first; the body (here: a whole request) is then read and dropped, and the next
    request on the connection is served as usual."""
    smuggled = _smuggled(sandbox).replace(b"/EWS/Exchange.asmx", b"/smuggled")
    refused = _head(sandbox, auth=False, extra=[f"Content-Length: {len(smuggled)}"]) + smuggled
    after = _head(sandbox, extra=[f"Content-Length: {len(RESOLVE)}", "Connection: close"]) + RESOLVE
    out, closed = _exchange(sandbox, refused + after)
    assert out.startswith(b"HTTP/1.1 401") and _responses(out) == 2 and closed
    assert b"Not Found" not in out and b"ResolveNamesResponse" in out
    assert sandbox.request_log == ["ResolveNames"]


def test_expect_100_continue_is_not_granted_before_authentication(sandbox):
    out, closed = _exchange(sandbox, _head(sandbox, auth=False, extra=["Content-Length: 5000",
                                                                       "Expect: 100-continue"]))
    assert out.startswith(b"HTTP/1.1 401") and b"100 Continue" not in out and closed


def test_expect_100_continue_is_granted_after_authentication(sandbox):
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as s:
        s.sendall(_head(sandbox, extra=[f"Content-Length: {len(RESOLVE)}", "Expect: 100-continue"]))
        assert s.recv(4096).startswith(b"HTTP/1.1 100")
        s.sendall(RESOLVE)
        assert s.recv(65536).startswith(b"HTTP/1.1 200")


def test_request_body_limit_default_fits_the_largest_legal_message(sandbox):
    assert sandbox.max_request_bytes == 64 * MiB
    assert sandbox.max_request_bytes > sandbox.max_send_bytes * 4 // 3 + MiB


def test_body_over_the_limit_is_413_without_reading_it(sandbox):
    out, closed = _exchange(sandbox, _head(sandbox, extra=[f"Content-Length: {65 * MiB}"]))
    assert out.startswith(b"HTTP/1.1 413") and b"Connection: close" in out and closed
    assert sandbox.request_log == []


def test_body_limit_is_configurable_and_exact(sandbox_factory):
    sb = sandbox_factory(max_request_bytes=len(RESOLVE))
    out, _ = _exchange(sb, _head(sb, extra=[f"Content-Length: {len(RESOLVE)}", "Connection: close"]) + RESOLVE)
    assert out.startswith(b"HTTP/1.1 200")
    big = RESOLVE + b" "
    out, closed = _exchange(sb, _head(sb, extra=[f"Content-Length: {len(big)}"]) + big)
    assert out.startswith(b"HTTP/1.1 413") and closed
    chunked = _chunked(RESOLVE[:100])[:-5] + _chunked(RESOLVE[100:] + b" ")
    out, closed = _exchange(sb, _head(sb, extra=["Transfer-Encoding: chunked"]) + chunked)
    assert out.startswith(b"HTTP/1.1 413") and closed
    with pytest.raises(ValueError):
        sandbox_factory(max_request_bytes=0)


def test_valid_chunked_request_is_served(sandbox):
    body = _chunked(RESOLVE[:50])[:-5] + _chunked(RESOLVE[50:])  # two chunks, then the last one
    out, _ = _exchange(sandbox, _head(sandbox, extra=["Transfer-Encoding: chunked", "Connection: close"]) + body)
    assert out.startswith(b"HTTP/1.1 200") and b"ResolveNamesResponse" in out


# ---------------- EWS endpoint: framing ----------------

SMUGGLED = b"GET /EWS/Exchange.asmx HTTP/1.1\r\nHost: x\r\nAuthorization: {auth}\r\n\r\n"


def _smuggled(sb) -> bytes:
    return SMUGGLED.replace(b"{auth}", _basic(sb).encode())


@pytest.mark.parametrize("order", ["te-first", "cl-first"])
def test_transfer_encoding_with_content_length_is_400_and_closes(sandbox, order):
    body = b"0\r\n\r\n" + _smuggled(sandbox)
    te, cl = "Transfer-Encoding: chunked", f"Content-Length: {len(body)}"
    out, closed = _exchange(sandbox, _head(sandbox, extra=[te, cl] if order == "te-first" else [cl, te]) + body)
    assert out.startswith(b"HTTP/1.1 400") and b"Connection: close" in out and closed
    assert _responses(out) == 1 and b"Exchange Web Services" not in out  # the smuggled GET was not served


@pytest.mark.parametrize("coding", ["xchunked", "gzip", "chunked, gzip", "gzip, chunked", "identity"])
def test_unknown_transfer_coding_is_501_and_closes(sandbox, coding):
    out, closed = _exchange(sandbox, _head(sandbox, extra=[f"Transfer-Encoding: {coding}"]) + _chunked(RESOLVE)
                            + _smuggled(sandbox))
    assert out.startswith(b"HTTP/1.1 501") and closed and _responses(out) == 1
    assert sandbox.request_log == []


@pytest.mark.parametrize("size", [b"zz", b"-5", b"0x10", b"", b" 1", b"1 2", b"+5", b"1" * 40])
def test_bad_chunk_size_is_400_and_closes(sandbox, size):
    out, closed = _exchange(sandbox, _head(sandbox, extra=["Transfer-Encoding: chunked"])
                            + _chunked(RESOLVE, size=size) + _smuggled(sandbox))
    assert out.startswith(b"HTTP/1.1 400") and closed and _responses(out) == 1
    assert sandbox.request_log == []


def test_chunk_data_longer_than_its_size_is_400(sandbox):
    body = f"{len(RESOLVE) - 10:x}".encode() + b"\r\n" + RESOLVE + b"\r\n0\r\n\r\n"
    out, closed = _exchange(sandbox, _head(sandbox, extra=["Transfer-Encoding: chunked"]) + body)
    assert out.startswith(b"HTTP/1.1 400") and closed and _responses(out) == 1


@pytest.mark.parametrize("value", ["-1", "abc", "1e3", "+5", "0x10", "5, 6", "", "1_0", "\u00b2"])
def test_bad_content_length_is_400_and_closes(sandbox, value):
    head = _head(sandbox).replace(b"\r\n\r\n", f"\r\nContent-Length: {value}\r\n\r\n".encode("latin-1"))
    out, closed = _exchange(sandbox, head + _smuggled(sandbox))
    assert out.startswith(b"HTTP/1.1 400") and closed and _responses(out) == 1
    assert sandbox.request_log == []


def test_two_different_content_lengths_are_400(sandbox):
    out, closed = _exchange(sandbox, _head(sandbox, extra=["Content-Length: 0", f"Content-Length: {len(RESOLVE)}"])
                            + RESOLVE)
    assert out.startswith(b"HTTP/1.1 400") and closed and _responses(out) == 1


def test_a_get_with_a_body_is_answered_and_the_body_never_read_as_a_request(sandbox):
    smuggled = _smuggled(sandbox).replace(b"/EWS/Exchange.asmx", b"/smuggled")
    out, closed = _exchange(sandbox, _head(sandbox, method="GET", extra=[f"Content-Length: {len(smuggled)}"])
                            + smuggled)
    assert out.startswith(b"HTTP/1.1 200") and closed and _responses(out) == 1 and b"Not Found" not in out


def test_post_to_an_unknown_path_is_not_read_and_closes(sandbox):
    smuggled = _smuggled(sandbox)
    out, closed = _exchange(sandbox, _head(sandbox, path="/nowhere", extra=[f"Content-Length: {len(smuggled)}"])
                            + smuggled)
    assert out.startswith(b"HTTP/1.1 404") and closed and _responses(out) == 1


def test_keep_alive_still_works_for_well_formed_requests(sandbox):
    req = _head(sandbox, extra=[f"Content-Length: {len(RESOLVE)}"]) + RESOLVE
    with requests.Session() as s:
        for _ in range(3):
            r = s.post(sandbox.ews_url, data=RESOLVE, auth=("alice@example.com", "alice-sandbox-pw"), timeout=10,
                       headers={"Content-Type": "text/xml; charset=utf-8"})
            assert r.status_code == 200 and r.headers.get("Connection", "").lower() != "close"
    out, closed = _exchange(sandbox, req + req, timeout=2)
    assert _responses(out) == 2 and not closed


# ---------------- CLI ----------------

def test_cli_prints_the_admin_token_and_takes_a_request_limit():
    from tests.helpers.sandbox_cli import start_cli, stop_cli

    proc, info = start_cli("--port", "0", "--data", ":memory:", "--max-request-bytes", "4096")
    try:
        token = info["admin_token"]
        assert len(token) >= 32
        r = requests.get(info["admin_url"], headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert r.status_code == 200 and r.json()["pending"] == []
        assert requests.get(info["admin_url"], timeout=10).status_code == 401
        alice = next(a for a in info["accounts"] if a["email"] == "alice@example.com")
        big = requests.post(info["ews_url"], data=b"x" * 5000, auth=(alice["username"], alice["password"]),
                            headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=10)
        assert big.status_code == 413
    finally:
        stop_cli(proc)
