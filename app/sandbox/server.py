"""HTTP/1.1 (keep-alive) front end: authentication (windows_auth.py: Basic, NTLM, Negotiate), the EWS endpoint,
fault injection, the admin endpoint.

Order of work on a request: its framing headers are checked (http_framing.py), then who sends it (the sandbox's
auth methods; the admin endpoint's checks in admin.py), and only then is its body read, up to a size limit. Any
refusal that leaves a body unread, and any framing error, answers ``Connection: close`` and closes."""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import math
import select
import socket
import ssl
import threading
import time
from urllib.parse import unquote, urlsplit

from . import admin
from .admin import ADMIN_PATH
from .ews import endpoint
from .graph import batch as graph_batch
from .graph import endpoint as graph_endpoint
from .http_server import HttpHandler, TrackingServer
from .windows_auth import AuthenticatingHandler
from .http_framing import (
    DISCARD_LIMIT, FramingError, check_declared, check_header, discard, linger, read_body, request_framing,
)

log = logging.getLogger("app.sandbox")

EWS_PATH = "/ews/exchange.asmx"


class HandlerCount:
    """The connections a Sandbox is serving: waiting in the listen queue, or accepted and their handler
    thread not finished (a kept-alive connection counts until its client closes it). The Sandbox keeps
    it across stop(), so a request that a stop cut off (one in a ``delay``, say) still counts until done."""

    def __init__(self):
        self.cond = threading.Condition()  # held by EwsServer.get_request across accept + count
        self.n = 0

    def ended(self):
        with self.cond:
            self.n -= 1
            self.cond.notify_all()

    def active(self, listener) -> int:
        """``listener()``: the listening socket, or None."""
        with self.cond:
            return self.n + _queued(listener())

    def wait(self, timeout: float, listener) -> bool:
        """Until none is active (True), or ``timeout`` seconds (False). The listen queue is polled:
        nothing announces a connection waiting to be accepted."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.n or _queued(listener()):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.05))
        return True


def _queued(sock) -> int:
    """1 when a connection waits in ``sock``'s listen queue (0 for a closed or absent socket)."""
    try:
        return int(sock is not None and bool(select.select([sock], [], [], 0)[0]))
    except (OSError, ValueError):
        return 0


class EwsServer(TrackingServer):
    """The EWS (and Graph) listener; its connections are also counted in the Sandbox's HandlerCount."""

    def __init__(self, address, sandbox, ssl_context=None):
        self.sandbox = sandbox
        self.stopping = threading.Event()  # set by shutdown(): held replies stop waiting, new holds do not start
        super().__init__(address, EwsHandler, ssl_context)

    def shutdown(self):
        self.stopping.set()
        self.sandbox.faults.release_held()  # a reply held by hold_after_commit must not outlive the server
        super().shutdown()

    def get_request(self):
        handlers = self.sandbox.handlers
        with handlers.cond:  # accepted and counted in one step: never out of the queue yet uncounted
            sock, addr = super().get_request()
            handlers.n += 1
        return sock, addr

    def shutdown_request(self, request):
        try:
            super().shutdown_request(request)
        finally:
            self.sandbox.handlers.ended()


class EwsHandler(AuthenticatingHandler, HttpHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    timeout = 120
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms delayed-ACK stall
    _closing = False  # set by _refuse(): answer with Connection: close, then a lingering close

    def log_message(self, fmt, *args):
        log.debug("sandbox http: " + fmt, *args)

    # ---------------- plumbing ----------------
    @property
    def sb(self):
        return self.server.sandbox

    def handle_expect_100(self):
        return True  # "100 Continue" only once the request was accepted and its body is wanted (request_body)

    def finish(self):
        super().finish()
        if self._closing:
            linger(self.connection)

    def _framing(self):
        """The request's framing, or None when it was refused (answered, connection closing)."""
        try:
            return request_framing(self.headers)
        except FramingError as e:
            self._refuse(e.status, e.reason.encode())
            return None

    def request_body(self, framing, limit: int) -> bytes | None:
        """The body (at most ``limit`` bytes), or None when it was refused (answered, connection closing)."""
        try:
            check_declared(framing, limit)
            if framing.has_body and (self.headers.get("Expect") or "").lower() == "100-continue":
                self.send_response_only(100)
                self.end_headers()
            return read_body(self.rfile, framing, limit)
        except FramingError as e:
            self._refuse(e.status, e.reason.encode())
            return None

    def close_after_reply(self, close: bool = True) -> None:
        """Whether the next answer closes the connection (``Connection: close``, then a lingering close): a
        request refused before its body was read leaves that body unread on the wire."""
        self._closing = close

    def _refuse(self, status: int, body: bytes, ctype="text/plain", headers=()):
        """Answer and close the connection: whatever the client sent after the headers is never read."""
        self._closing = True
        self.send(status, body, ctype, headers)

    def send(self, status: int, body: bytes, ctype="text/xml; charset=utf-8", headers=()):
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), *headers, *self.reply_headers()]
        if self._closing:
            headers.append(("Connection", "close"))
        try:
            for k, v in headers:
                check_header(k, v)
        except ValueError:
            log.error("sandbox: refusing to send a header with control characters", exc_info=True)
            self._closing = True
            status, body, headers = 500, b"Internal Server Error", [
                ("Content-Type", "text/plain"), ("Content-Length", "21"), ("Connection", "close")]
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        self._closing = True  # a bad request line, an unknown method, ...: its body is never read
        super().send_error(code, message, explain)

    def send_header(self, keyword, value):
        check_header(str(keyword), str(value))  # defence in depth: no header ever splits the response
        super().send_header(keyword, value)

    def send_401(self, injected=False):
        """401 with the sandbox's offers, or with the challenge _authenticate chose (NTLM's second leg)."""
        body = b"401 - Unauthorized: Access is denied due to invalid credentials."
        if injected:
            self.sb.observe("response", body, injected=True)
        challenge = self.challenge(self.sb.auth, self.sb.realm)
        self.send(401, body, "text/html", self.sb.auth.offers(self.sb.realm) if injected else challenge)

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _authenticate(self):
        """Who sends this request, by the sandbox's methods (windows_auth.py: Basic per request; NTLM and
        Negotiate once per connection), or None: then send_401 answers with the offers or the next leg."""
        tls = isinstance(self.connection, ssl.SSLSocket)
        return self.authenticate(self.sb.auth, self.sb.cert_path if tls else None, self._basic_user)

    def _basic_user(self):
        h = self.headers.get("Authorization") or ""
        if not h.lower().startswith("basic "):
            return None
        try:
            login, _, password = base64.b64decode(h[6:].strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
        user = self.sb.user_by_login(login)
        if user is None or not hmac.compare_digest(password.encode(), user["password"].encode()):
            return None
        return user

    def send_empty(self, status: int, headers=()):
        """An answer without a body or a Content-Type (Graph's 202 and 204)."""
        self.send_response(status)
        for k, v in [*headers, ("Content-Length", "0")]:
            self.send_header(k, v)
        if self._closing:
            self.send_header("Connection", "close")
        self.end_headers()

    def _graph(self, method: str, framing) -> bool:
        """Serve a Graph request (path under /v1.0) when this sandbox speaks Graph; True when answered."""
        if not self.sb.graph or not urlsplit(self.path).path.startswith(graph_endpoint.PREFIX + "/"):
            return False
        if self.sb.store is None:
            self._closing = framing.has_body
            self.send_unavailable()
            return True
        if unquote(urlsplit(self.path).path).rstrip("/") == graph_endpoint.BATCH_PATH:
            graph_batch.serve(self, method, framing)  # its requests go through graph_endpoint.execute
        else:
            graph_endpoint.serve(self, method, framing)
        return True

    # ---------------- verbs ----------------
    def do_PATCH(self):
        self._other_verb("PATCH")

    def do_DELETE(self):
        self._other_verb("DELETE")

    def do_PUT(self):
        self._other_verb("PUT")

    def _other_verb(self, method: str):
        framing = self._framing()
        if framing is None:
            return
        if not self._graph(method, framing):
            self.send_error(501, f"Unsupported method ({method!r})")  # as http.server answers one it lacks

    def do_GET(self):
        framing = self._framing()
        if framing is None:
            return
        if self._graph("GET", framing):
            return
        self._closing = framing.has_body  # a GET's body is never read, so never read as the next request
        path = urlsplit(self.path).path.lower()
        if path == ADMIN_PATH:
            return self._admin(None)
        if path == EWS_PATH:
            if self._authenticate() is None:
                return self.send_401()
            return self.send(200, b"<html><body>Exchange Web Services (sandbox)</body></html>", "text/html")
        self.send(404, b"Not Found", "text/plain")

    def do_POST(self):
        framing = self._framing()
        if framing is None:
            return
        if self._graph("POST", framing):
            return
        path = urlsplit(self.path).path.lower()
        if path == ADMIN_PATH:
            refused = self._admin_refusal(post=True)
            if refused is not None:
                return self._refuse(refused[0], refused[1], headers=refused[2])
            raw = self.request_body(framing, admin.MAX_BODY)
            return None if raw is None else self._admin(raw)
        if path != EWS_PATH:
            return self._refuse(404, b"Not Found")
        self._closing = framing.has_body  # refused below: the body stays unread
        if self.sb.store is None:  # stopping: answer like an IIS app pool that is going down
            return self.send_unavailable()
        user = self._authenticate()
        if user is None:  # answered before a byte of the body is read; a small body is then dropped unread
            expect = (self.headers.get("Expect") or "").lower() == "100-continue"
            self._closing = framing.chunked or framing.length > DISCARD_LIMIT or (expect and framing.has_body)
            self.send_401()
            if not self._closing and not discard(self.rfile, framing.length):
                self.close_connection = True
            return None
        self._closing = False
        raw = self.request_body(framing, self.sb.max_request_bytes)
        if raw is not None:
            endpoint.serve(self, user, raw)

    def send_unavailable(self, retry_after=1):
        try:
            seconds = _seconds(retry_after)
        except ValueError:  # faults.check_params refuses it; this is for a value changed after the check
            log.error("sandbox: http_503 with a bad retry_after %r", retry_after)
            return self._refuse(500, b"Internal Server Error")
        body = b"Service Unavailable"
        self.sb.observe("response", body, injected=True)
        self.send(503, body, "text/plain", [("Retry-After", seconds)])

    # ---------------- admin ----------------
    def _admin_refusal(self, post: bool):
        return admin.refusal(self.client_address[0], self.headers, self.sb.port, self.sb.admin_token, post)

    def _admin(self, raw):
        """The admin endpoint (admin.py): refused unless loopback client, loopback Host, token, JSON."""
        refused = self._admin_refusal(post=raw is not None)
        if refused is not None:
            return self._refuse(refused[0], refused[1], headers=refused[2])
        status, body = admin.apply(self.sb.faults, raw, self.sb.advance_clock, self.sb.outbox.pauses)
        self.send(status, body, "application/json")


def _seconds(value) -> str:
    """A Retry-After value: digits (and a decimal point), whatever was injected."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"retry_after {value!r} is not a number of seconds")
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}".rstrip("0").rstrip(".")
