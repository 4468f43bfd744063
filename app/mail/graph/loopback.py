"""The loopback redirect of an interactive sign-in: a tiny HTTP listener on 127.0.0.1 at a free port that
takes the browser's one request carrying the sign-in's ``state`` (a form post: ``response_mode=form_post``;
a query string also works), has it
redeemed, answers the browser with a small page saying it may close the tab, and closes.

A request without that ``state`` (another page probing the port, a stale tab) is answered 400 and changes
nothing: the listener keeps waiting for the right one. Nothing it receives is logged (the request line
carries the authorization code).

Connections are served concurrently, each in its own short-lived thread with a deadline of
:data:`CONNECTION_TIMEOUT` seconds of silence, so a local process that connects and sends nothing (or sends
slowly) never delays the browser's redirect. At most :data:`MAX_CONNECTIONS` are served at once;
more are closed at once unanswered. Exactly one request can claim the sign-in's ``state``."""

from __future__ import annotations

import html
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl, urlsplit

from app.domain.words import translate
from app.mail.errors import AuthFailed, SignInCancelled

MAX_FORM = 64 * 1024
# Seconds a connection may stay silent before it is dropped (its own thread: it delays no other one).
CONNECTION_TIMEOUT = 10
# Connections served at once; one more is closed unanswered (bounds the threads a local process can cost).
MAX_CONNECTIONS = 32
_PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Dispatch</title></head>"
         "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>")


class _Server(ThreadingMixIn, HTTPServer):
    allow_reuse_address = False
    daemon_threads = True
    block_on_close = False  # closing never waits for a silent connection
    owner: "LoopbackListener"

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address):
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # too many at once: this one is dropped, the others go on
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request, client_address):  # noqa: D401 - never print a traceback with a request in it
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "Dispatch"
    timeout = CONNECTION_TIMEOUT  # a silent connection is dropped (and never holds up another one)
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 - the request line holds the code: never logged
        pass

    def do_GET(self):  # noqa: N802
        self._answer(dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True)))

    def do_POST(self):  # noqa: N802 - response_mode=form_post
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = -1
        if not 0 <= n <= MAX_FORM:
            return self._page(413, "Sign-in failed", "The request was too large.")
        body = self.rfile.read(n).decode("utf-8", "replace")
        self._answer(dict(parse_qsl(body, keep_blank_values=True)))

    def _answer(self, params: dict):
        owner = self.server.owner
        if not owner.matches(params):
            return self._page(400, "Not this sign-in",
                              "This page is not the Microsoft 365 sign-in Dispatch is waiting for.")
        ok, text = owner.take(params)  # matches() claimed the state for this request alone
        self._page(200 if ok else 400, "Signed in" if ok else "Sign-in failed",
                   ("You are signed in to Dispatch. You can close this tab." if ok else
                    html.escape(text) + " You can close this tab and try again in Dispatch."))

    def _page(self, status: int, title: str, text: str):
        body = _PAGE.format(title=html.escape(title), text=text).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


class LoopbackListener:
    """Listens on 127.0.0.1 (``port``); ``expect(state, redeem)``, then ``serve()`` in a worker thread."""

    def __init__(self, host: str = "127.0.0.1"):
        self._server = _Server((host, 0), _Handler)
        self._server.owner = self
        self._server.timeout = 0.1  # how soon serve() notices cancel() or its deadline
        self.port = self._server.server_address[1]
        self._state = None
        self._redeem = None
        self._outcome = None
        self._done = threading.Event()
        self._lock = threading.Lock()  # requests are served concurrently: one claims the state
        self._claimed = False
        self.refused = 0  # requests answered 400 for lacking this sign-in's state

    def expect(self, state: str, redeem) -> None:
        self._state, self._redeem = state, redeem

    def matches(self, params: dict) -> bool:
        """True for the first request carrying this sign-in's ``state`` (which claims it); False otherwise."""
        with self._lock:
            ok = bool(self._state) and params.get("state") == self._state and not self._claimed
            if ok:
                self._claimed = True
            else:
                self.refused += 1
            return ok

    def take(self, params: dict) -> tuple[bool, str]:
        """Redeem the redirect's parameters (in the serving thread) and remember the outcome."""
        try:
            self._outcome = ("ok", self._redeem(params))
            return True, ""
        except Exception as exc:  # noqa: BLE001 - handed to serve()'s caller
            self._outcome = ("error", exc)
            return False, getattr(exc, "message", "") or "The sign-in could not be completed."
        finally:
            self._done.set()

    def serve(self, cancelled: threading.Event, timeout: float):
        """Answer requests until the sign-in's one arrives (its outcome returned or raised), ``cancelled`` is
        set (SignInCancelled) or ``timeout`` seconds pass (AuthFailed). Closes the listener either way."""
        deadline = time.monotonic() + timeout
        try:
            while not self._done.is_set():
                if cancelled.is_set():
                    raise SignInCancelled()
                if time.monotonic() > deadline:
                    raise AuthFailed(translate("MailErrors", "The browser sign-in did not come back in time; start it "
                                               "again."))
                try:
                    self._server.handle_request()
                except (OSError, socket.timeout):
                    continue
        finally:
            self.close()
        kind, value = self._outcome
        if kind == "error":
            raise value
        return value

    def close(self) -> None:
        try:
            self._server.server_close()
        except OSError:
            pass
