"""HTTP/1.1 (keep-alive) front end: Basic auth, the EWS endpoint, fault injection, the admin endpoint."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .faults import BODY_KINDS, IIS_500, mangle
from .folders import Ctx
from .ops import OPERATIONS, check_children
from .soap import M_NS, SoapFault, fault_body, local, ns, parse_envelope, requested_version, serialize
from .store import Rollback

log = logging.getLogger("app.sandbox")

EWS_PATH = "/ews/exchange.asmx"
ADMIN_PATH = "/sandbox/admin/faults"
LOOPBACK = ("127.0.0.1", "::1", "::ffff:127.0.0.1")


class EwsServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self, address, sandbox, ssl_context=None):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.sandbox = sandbox
        self.ssl_context = ssl_context
        self.connections: set = set()
        self._conn_lock = threading.Lock()
        self.stopping = threading.Event()  # set by shutdown(): held replies stop waiting, new holds do not start
        super().__init__(address, EwsHandler)

    def shutdown(self):
        self.stopping.set()
        self.sandbox.faults.release_held()  # a reply held by hold_after_commit must not outlive the server
        super().shutdown()

    def get_request(self):
        sock, addr = super().get_request()
        if self.ssl_context is not None:
            sock = self.ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        with self._conn_lock:
            self.connections.add(sock)
        return sock, addr

    def shutdown_request(self, request):
        with self._conn_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self):
        with self._conn_lock:
            conns = list(self.connections)
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        log.debug("sandbox: connection error from %s", client_address, exc_info=True)


class EwsHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    timeout = 120
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms delayed-ACK stall

    def log_message(self, fmt, *args):
        log.debug("sandbox http: " + fmt, *args)

    # ---------------- plumbing ----------------
    @property
    def sb(self):
        return self.server.sandbox

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _send(self, status: int, body: bytes, ctype="text/xml; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_401(self, injected=False):
        body = b"401 - Unauthorized: Access is denied due to invalid credentials."
        if injected:
            self.sb._observe("response", body, injected=True)
        self._send(401, body, "text/html", [("WWW-Authenticate", f'Basic realm="{self.sb.realm}"')])

    def _send_fault(self, f: SoapFault):
        body = fault_body(f)
        self.sb._observe("response", body)
        self._send(f.status, body)

    def _drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _user(self):
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

    # ---------------- verbs ----------------
    def do_GET(self):
        path = urlsplit(self.path).path.lower()
        if path == ADMIN_PATH:
            return self._admin(None)
        if path == EWS_PATH:
            if self._user() is None:
                return self._send_401()
            return self._send(200, b"<html><body>Exchange Web Services (sandbox)</body></html>", "text/html")
        self._send(404, b"Not Found", "text/plain")

    def do_POST(self):
        path = urlsplit(self.path).path.lower()
        raw = self._read_body()
        if path == ADMIN_PATH:
            return self._admin(raw)
        if path != EWS_PATH:
            return self._send(404, b"Not Found", "text/plain")
        if self.sb.store is None:  # stopping: answer like an IIS app pool that is going down
            return self._send_unavailable()
        user = self._user()
        if user is None:
            return self._send_401()
        self._ews(user, raw)

    def _send_unavailable(self, retry_after=1):
        body = b"Service Unavailable"
        self.sb._observe("response", body, injected=True)
        self._send(503, body, "text/plain", [("Retry-After", str(retry_after))])

    # ---------------- EWS ----------------
    def _ews(self, user, raw: bytes):
        sb = self.sb
        sb._observe("request", raw)
        try:
            header, req = parse_envelope(raw)
            op = local(req)
        except SoapFault as f:
            sb._log_op("(invalid)")
            return self._send_fault(f)
        sb._log_op(op)
        fault = sb.faults.take(op)
        if fault is not None and self._pre_fault(op, fault):
            return
        try:
            sb._validate(req)
            handler = OPERATIONS.get(op) if ns(req) == M_NS else None
            if handler is None:
                raise SoapFault("ErrorInvalidRequest", f"The request is invalid: operation '{op}' is not supported.")
            check_children(op, req)
            ctx = Ctx(sb, user, requested_version(header))
            body = None
            with sb.store.tx():
                body = serialize(handler(ctx, req))
                if fault is not None and fault.rolls_back():
                    raise Rollback()
        except SoapFault as f:
            return self._send_fault(f)
        except Exception:  # noqa: BLE001 - a server never crashes on a request
            if sb.store is None:  # the sandbox stopped under this request: nothing was committed
                return self._send_unavailable()
            log.exception("sandbox: %s failed", op)
            return self._send_fault(SoapFault("ErrorInternalServerError", "An internal server error occurred."))
        if fault is not None and fault.kind in ("drop_before_commit", "drop_after_commit"):
            sb.faults.fire(op, fault)
            return self._drop()
        sb._after_commit()
        if fault is not None and fault.kind == "hold_after_commit":  # done on the server; the reply waits
            sb.faults.fire(op, fault)  # after the commit: whoever sees it fired can see the change
            sb.faults.hold(fault.params.get("seconds", 30.0), self.server.stopping)
            if fault.params.get("then", "drop") == "drop" or self.server.stopping.is_set():
                return self._drop()
        if fault is not None and fault.kind == "http_500_html":  # commit=True: done, but answered with 500
            page = IIS_500.encode()
            sb.faults.fire(op, fault)
            sb._observe("response", page, injected=True)
            return self._send(500, page, "text/html; charset=utf-8")
        if fault is not None and fault.kind in BODY_KINDS:
            bad = mangle(fault.kind, fault.params, body)
            sb.faults.fire(op, fault)
            sb._observe("response", bad, injected=True)
            return self._send(200, bad)
        sb._observe("response", body)
        self._send(200, body)

    def _pre_fault(self, op: str, fault) -> bool:
        """Serve faults that answer instead of the operation (or pause before it). True when the request is
        finished."""
        kind, p = fault.kind, fault.params
        if kind in ("delay", "http_401", "http_503", "server_busy") or (
                kind == "http_500_html" and not p.get("commit", False)):
            self.sb.faults.fire(op, fault)
        if kind == "delay":
            time.sleep(float(p.get("seconds", 1.0)))
            return False
        if kind == "http_401":
            self._send_401(injected=True)
            return True
        if kind == "http_503":
            self._send_unavailable(p.get("retry_after", 1))
            return True
        if kind == "http_500_html" and not p.get("commit", False):
            body = IIS_500.encode()
            self.sb._observe("response", body, injected=True)
            self._send(500, body, "text/html; charset=utf-8")
            return True
        if kind == "server_busy":
            ms = str(int(p.get("backoff_ms", 1000)))
            self._send_fault(SoapFault(
                "ErrorServerBusy", "The server cannot service this request right now. Try again later.",
                message_xml=[("Value", ms, {"Name": "BackOffMilliseconds"})]))
            return True
        return False

    # ---------------- admin ----------------
    def _admin(self, raw):
        """GET: {"pending": [...], "fired": [{"operation", "kind"}], "holding": n}. POST a JSON object:
        {"clear": true} forgets pending faults, {"release": true} ends every held reply, and
        {"operation": ..., "kind": ..., "count": 1, ...params} injects one (checked: 400 + {"error"});
        the answer is the state afterwards, as for GET."""
        if self.client_address[0] not in LOOPBACK:
            return self._send(403, b"Forbidden", "text/plain")
        faults = self.sb.faults
        try:
            if raw is not None:
                req = json.loads(raw or b"{}")
                if not isinstance(req, dict):
                    raise ValueError("expected a JSON object")
                for flag in ("clear", "release"):
                    if not isinstance(req.get(flag, False), bool):
                        raise ValueError(f"{flag} must be true or false")
                params = {k: v for k, v in req.items() if k not in ("operation", "kind", "count", "clear", "release")}
                if "kind" not in req and (params or "operation" in req or "count" in req):
                    raise ValueError("kind is required to inject a fault")
                inject = None
                if "kind" in req:  # checked in full before anything is changed
                    inject = (req.get("operation") or "*", req["kind"], req.get("count", 1))
                    faults.check(*inject, **params)
                if req.get("clear"):
                    faults.clear()
                if inject is not None:
                    faults.inject(*inject, **params)
                if req.get("release"):
                    faults.release_held()
        except (ValueError, TypeError) as e:
            return self._send(400, json.dumps({"error": str(e)}).encode(), "application/json")
        state = {"pending": faults.pending(), "fired": faults.fired_list(), "holding": faults.holding()}
        self._send(200, json.dumps(state).encode(), "application/json")
