"""The second loopback origin that takes the pieces of an upload session (upload.py), as Outlook's
``https://outlook.office.com/api/v2.0/Users(...)/Messages(...)/AttachmentSessions(...)?authtoken=...``.

- The URL is pre-authenticated: a request that carries an ``Authorization`` header is refused (401
  InvalidAudienceForResource, as Outlook answers a Graph token sent there); a wrong token is 401, an
  unknown, finished, cancelled or expired session 404.
- ``PUT`` with ``Content-Range: bytes {start}-{end}/{total}`` and ``Content-Length``: at most 4 MiB a piece,
  in order. 200 ``{"expirationDateTime", "nextExpectedRanges": ["{next}"]}`` after a piece, 201 with the
  attachment's URL in ``Location`` and no body after the last one. A piece that does not start at the next
  expected byte is 416 (the session keeps what it had; GET on the URL tells where to go on).
- ``DELETE`` cancels the session (204); ``GET`` tells its state (200, as after a piece).
- Faults (core/faults.py) for operation ``UploadAttachmentPiece``: delay, http_503 and server_busy (429)
  with Retry-After, http_401, drop_before_commit (the piece is read, not kept, the connection dropped) and
  drop_after_commit (kept, the answer lost): a client resumes from the session's state.

Hardened as the EWS front end is (server.py): framing checked first (http_framing.py), headers checked
before a byte of the body is read, a refusal that leaves a body unread answered ``Connection: close``, and
nothing logged carries the URL's token. Every body crossing this wire goes to the sandbox's Graph
observer, the pieces' bytes with their content type."""

from __future__ import annotations

import hmac
import json
import logging
import math
import re
import socket
import ssl
import threading
import uuid
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .. import http_framing as framing
from ..http_server import HttpHandler, TrackingServer
from ..core import attachments as core_attachments
from ..core import items
from ..core.errors import MailboxError
from ..core.session import Ctx
from . import errors
from .errors import GraphError
from .ids import attachment_id, immutable_id, message_id
from .upload import UploadSessions, wire_time

log = logging.getLogger("app.sandbox")

MAX_CHUNK = 4 * 1024 * 1024
_PATH = re.compile(r"^/api/v2\.0/Users\('[^'/]*'\)/Messages\('[^'/]*'\)"
                   r"/AttachmentSessions\('(?P<sid>[A-Za-z0-9_-]+)'\)$")
_RANGE = re.compile(r"bytes (\d{1,12})-(\d{1,12})/(\d{1,12})")
#: Operation names (fault injection, the request log) of what the upload origin serves.
OPS = {"PUT": "UploadAttachmentPiece", "GET": "GetUploadSession", "DELETE": "CancelUploadSession"}
#: The faults a piece can be given (core/faults.py); another kind taken for it is served as no fault.
PIECE_FAULTS = ("delay", "http_503", "server_busy", "http_401", "drop_before_commit", "drop_after_commit")
AUDIENCE = ("The audience claim value is invalid for current resource. Audience claim is "
            "'https://graph.microsoft.com', request url is '{url}'.")


def _framing_error(e: framing.FramingError) -> GraphError:
    """A request whose body cannot be framed (http_framing.py), answered as Graph's error body."""
    code = {413: "RequestEntityTooLarge", 501: "NotImplemented"}.get(e.status, "BadRequest")
    return GraphError(e.status, code, f"The request cannot be read: {e.reason}.")


class UploadServer:
    """Serves the upload sessions of one Sandbox on their own loopback port (start/stop with it)."""

    def __init__(self, sandbox):
        self.sb = sandbox
        self.sessions: UploadSessions | None = None
        self.origin: str | None = None
        self._httpd = None
        self._thread = None

    def start(self):
        sb = self.sb
        ctx = None
        if sb.tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(sb.cert_path, sb.key_path)
        self.sessions = UploadSessions()
        self._httpd = _Server((sb.host, 0), self, ctx)
        host = f"[{sb.host}]" if ":" in sb.host else sb.host
        self.origin = f"{'https' if ctx else 'http'}://{host}:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": sb.poll_interval},
                                        name=f"graph-uploads-{self._httpd.server_address[1]}", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.close_connections()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None
        if self.sessions is not None:
            self.sessions.close()
            self.sessions = None


class _Server(TrackingServer):
    log_name = "sandbox uploads"

    def __init__(self, address, uploads: UploadServer, ssl_context=None):
        self.uploads = uploads
        super().__init__(address, _Handler, ssl_context)


class _Handler(HttpHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""
    timeout = 120
    disable_nagle_algorithm = True
    _closing = False
    _body_done = False

    def parse_request(self):
        self._body_done = False  # per request: a kept-alive connection reuses the handler
        return super().parse_request()

    # ---------------- logging: never the URL's token ----------------
    def log_request(self, code="-", size="-"):
        log.debug("sandbox uploads: %s -> %s", self.command, code)

    def log_message(self, fmt, *args):
        log.debug("sandbox uploads: request refused")

    # ---------------- plumbing ----------------
    @property
    def sb(self):
        return self.server.uploads.sb

    def handle_expect_100(self):
        return True  # "100 Continue" only once the piece is wanted

    def finish(self):
        super().finish()
        if self._closing:
            framing.linger(self.connection)

    def send_error(self, code, message=None, explain=None):
        self._closing = True  # a bad request line or method: its body is never read
        super().send_error(code)

    def send_header(self, keyword, value):
        framing.check_header(str(keyword), str(value))
        super().send_header(keyword, value)

    def _path(self) -> str:
        return urlsplit(self.path).path  # for the observer: the token (in the query) stays out

    def _send(self, status: int, body: bytes, ctype: str | None, headers=(), injected: bool = False):
        if not self._body_done and (self.headers.get("Transfer-Encoding")
                                    or (self.headers.get("Content-Length") or "0").strip() not in ("", "0")):
            self._closing = True  # answered without reading its body: nothing after it may be read as a request
        self.sb.observe_graph("response", body, method=self.command, path=self._path(), status=status,
                               content_type=ctype or "", injected=injected)
        self.send_response(status)
        for k, v in [*([("Content-Type", ctype)] if ctype else []), ("Content-Length", str(len(body))),
                     ("request-id", str(uuid.uuid4())), *headers]:
            self.send_header(k, v)
        if self._closing:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, doc: dict, headers=()):
        self._send(status, json.dumps(doc).encode(), "application/json; charset=utf-8", headers)

    def _error(self, e: GraphError, injected: bool = False):
        body = errors.body(e, self.headers.get("client-request-id"))
        self._send(e.status, body, "application/json; charset=utf-8", e.headers, injected)

    def _drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # ---------------- verbs ----------------
    def do_PUT(self):
        self._serve("PUT")

    def do_DELETE(self):
        self._serve("DELETE")

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def do_PATCH(self):
        self._serve("PATCH")

    def _serve(self, method: str):
        try:
            frame = framing.request_framing(self.headers)
        except framing.FramingError as e:
            self._closing = True
            return self._error(_framing_error(e))
        self.sb.log_op(f"graph:{OPS.get(method, 'UploadSession')}")
        try:
            session = self._session()
            if method == "PUT":
                return self._put(session, frame)
            if frame.has_body:
                raise GraphError(400, "ErrorInvalidRequest", f"A {method} on an upload session takes no body.")
            self.sb.observe_graph("request", b"", method=method, path=self._path(), content_type="")
            if method == "DELETE":
                self.server.uploads.sessions.discard(session)
                return self._send(204, b"", None)
            if method == "GET":
                return self._json(200, self._state(session))
            raise GraphError(405, "ErrorInvalidRequest", f"The HTTP method '{method}' is not allowed here.")
        except GraphError as e:
            return self._error(e)

    def _session(self):
        parts = urlsplit(self.path)
        found = _PATH.match(unquote(parts.path))
        sessions = self.server.uploads.sessions
        if self.headers.get("Authorization") is not None:  # Outlook's URL is pre-authenticated
            raise GraphError(401, "InvalidAudienceForResource", AUDIENCE.format(url=self.server.uploads.origin))
        session = sessions.find(found.group("sid")) if found and sessions is not None else None
        if session is None or unquote(parts.path) != session.url_path:
            raise GraphError(404, "ErrorItemNotFound", "The upload session was not found: it is finished, "
                             "cancelled or expired.")
        token = (parse_qs(parts.query).get("authtoken") or [""])[0]
        if not hmac.compare_digest(token.encode(), session.token.encode()):
            raise GraphError(401, "InvalidAuthenticationToken", "Access token validation failure.")
        return session

    def _state(self, session) -> dict:
        return {"@odata.context": f"{self.server.uploads.origin}/api/v2.0/$metadata#Users('{quote(session.mailbox)}')"
                                  f"/Messages('{quote(session.item_id)}')/AttachmentSessions/$entity",
                "expirationDateTime": wire_time(session.expires), "nextExpectedRanges": [str(session.received)]}

    def _put(self, session, frame):
        start = self._piece_start(session, frame)
        with session.lock:
            if start != session.received:
                raise GraphError(416, "ErrorInvalidRange", f"The upload goes on at byte {session.received}, not at "
                                 f"byte {start}: nextExpectedRanges is ['{session.received}'].")
            fault = self._piece_fault()
            if fault is not None and self._pre_fault(fault):
                return None
            data = self._read_piece(frame)
            if data is None:  # refused (answered, connection closing)
                return None
            if fault is not None and fault.kind == "drop_before_commit":
                self.sb.faults.fire(OPS["PUT"], fault)
                return self._drop()  # the piece is not kept
            self.server.uploads.sessions.write(session, data)
            location = self._finish(session) if session.received == session.size else None
        if fault is not None and fault.kind == "drop_after_commit":
            self.sb.faults.fire(OPS["PUT"], fault)
            return self._drop()  # the piece is kept (the last one: the attachment is made), the answer lost
        if location is None:
            return self._json(200, self._state(session))
        return self._send(201, b"", None, [("Location", location)])

    def _piece_start(self, session, frame) -> int:
        """Where the piece goes in the upload, from its framing and Content-Range. Raises GraphError."""
        if frame.chunked or frame.length == 0:
            raise GraphError(411 if frame.chunked else 400, "ErrorInvalidRequest",
                             "A piece of an upload session needs its Content-Length (and some bytes).")
        if frame.length > MAX_CHUNK:
            raise GraphError(413, "RequestEntityTooLarge", f"A piece of an upload session is at most {MAX_CHUNK} "
                             "bytes (4 MB).")
        found = _RANGE.fullmatch((self.headers.get("Content-Range") or "").strip())
        if found is None:
            raise GraphError(400, "ErrorInvalidRequest", "The Content-Range header must be 'bytes {start}-{end}/"
                             "{total}'.")
        start, end, total = (int(x) for x in found.groups())
        if total != session.size:
            raise GraphError(400, "ErrorInvalidRequest", f"The total size in Content-Range ({total}) is not the "
                             f"size the upload session was created for ({session.size}).")
        if end < start or end >= total or end - start + 1 != frame.length:
            raise GraphError(400, "ErrorInvalidRequest", "The Content-Range header does not match the "
                             "Content-Length of the request.")
        return start

    def _piece_fault(self):
        """The injected fault for this piece, when it is one a piece can have."""
        fault = self.sb.faults.take(OPS["PUT"])
        return fault if fault is not None and fault.kind in PIECE_FAULTS else None

    def _read_piece(self, frame) -> bytes | None:
        """The piece's bytes (observed), or None when its framing was refused (answered)."""
        if (self.headers.get("Expect") or "").lower() == "100-continue":
            self.send_response_only(100)
            self.end_headers()
        try:
            data = framing.read_body(self.rfile, frame, MAX_CHUNK)
        except framing.FramingError as e:
            self._closing = True
            self._error(_framing_error(e))
            return None
        self._body_done = True
        self.sb.observe_graph("request", data, method="PUT", path=self._path(),
                              content_type=self.headers.get("Content-Type") or "")
        return data

    def _pre_fault(self, fault) -> bool:
        """A fault answered before the piece is read (True), or a pause (False: served after it)."""
        kind, p = fault.kind, fault.params
        if kind in ("drop_before_commit", "drop_after_commit"):
            return False  # after the piece is read
        self.sb.faults.fire(OPS["PUT"], fault)
        if kind == "delay":
            self.sb.faults.pause(float(p.get("seconds", 1.0)))
            return False
        if kind == "http_503":
            e = GraphError(503, "ServiceNotAvailable", "The service is unavailable. Try again later.",
                           [("Retry-After", str(max(0, math.ceil(p.get("retry_after", 1)))))])
        elif kind == "server_busy":
            e = GraphError(429, "ApplicationThrottled", "The server is busy. Try again later.",
                           [("Retry-After", str(max(1, -(-int(p.get("backoff_ms", 1000)) // 1000))))])
        else:  # http_401
            e = GraphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")
        self._error(e, injected=True)
        return True

    def _finish(self, session) -> str:
        """The last byte is in: the file becomes an attachment of the message (one store transaction)."""
        sb, sessions = self.sb, self.server.uploads.sessions
        user = sb.user_by_email(session.mailbox)
        if sb.store is None or user is None:
            raise GraphError(503, "ServiceNotAvailable", "The service is unavailable. Try again later.")
        ctx = Ctx(sb, user)
        att = {"kind": "FileAttachment", "name": session.name, "content_type": session.content_type,
               "content_id": session.content_id, "is_inline": session.is_inline,
               "content": sessions.content(session)}
        try:
            with sb.store.tx():
                item = items.load_immutable(ctx, session.item_iid)
                key = core_attachments.add(ctx, item, att)
        except MailboxError as e:
            sessions.discard(session)
            raise errors.from_mailbox(e) from None
        finally:
            att.pop("content", None)
        sessions.discard(session)
        mid = immutable_id(session.item_iid) if session.immutable else message_id(item["key"])
        return (f"{sb.graph_url}/users('{quote(session.mailbox, safe='@')}')/messages('{mid}')"
                f"/attachments('{attachment_id(item['key'], key)}')")
