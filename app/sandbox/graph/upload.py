"""Upload sessions: a file of 3 MB to 150 MB attached to a message in pieces.

``POST /me/messages/{id}/attachments/createUploadSession`` with ``{"AttachmentItem": {"attachmentType":
"file", "name", "size", "contentType"?, "isInline"?, "contentId"?}}`` answers 201 with an ``uploadUrl``
on a second loopback origin (upload_server.py, as Outlook's is on outlook.office.com), pre-authenticated
by an unguessable token in the URL, an ``expirationDateTime`` and ``nextExpectedRanges: ["0-"]``. A file
under 3 MB is refused (ErrorAttachmentSizeShouldNotBeLessThanMinimumSize: POST it on the message's
attachments instead), as is one over 150 MB. What is uploaded waits in a file (0600, in a 0700 directory
of its own) until the last byte, then goes into the message through the core as one attachment."""

from __future__ import annotations

import datetime as _dt
import os
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field

from ..core.items import immutable_key
from . import messages
from .errors import GraphError, bad_request
from .ids import parse_message_id
from .request import Req, Resp, json_resp

MIN_SIZE = 3 * 1024 * 1024  # smaller: POST .../attachments
MAX_SIZE = 150 * 1024 * 1024  # Exchange Online's largest message
LIFETIME = 15 * 60.0  # seconds an upload session lives (its expirationDateTime does not move)
MAX_OPEN = 32  # upload sessions open at once per mailbox (each holds a file on disk)
ITEM_PROPS = {"attachmentType", "name", "size", "contentType", "isInline", "contentId"}


@dataclass
class Session:
    sid: str
    token: str
    mailbox: str
    item_iid: str  # the message's immutable key (core/items.immutable_key): it survives a move
    item_id: str  # the message id the client named it by (REST or immutable)
    immutable: bool
    name: str
    content_type: str | None
    is_inline: bool
    content_id: str | None
    size: int
    path: str  # where the bytes wait
    expires: float  # epoch seconds
    received: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url_path(self) -> str:
        return (f"/api/v2.0/Users('{self.mailbox}')/Messages('{self.item_id}')/AttachmentSessions('{self.sid}')")


def wire_time(epoch: float) -> str:
    """Graph's DateTimeOffset with seven decimals, as Outlook answers it."""
    return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"


class UploadSessions:
    """The open upload sessions of one sandbox run; their bytes in files under a private directory."""

    def __init__(self, root: str | None = None, clock=time.time, lifetime: float = LIFETIME):
        self.root = root or tempfile.mkdtemp(prefix="graph-uploads-")  # mkdtemp: mode 0700
        os.chmod(self.root, 0o700)
        self.clock = clock  # tests move it forward to expire sessions
        self.lifetime = lifetime
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}

    def create(self, **meta) -> Session:
        self._purge()
        with self._lock:
            if sum(s.mailbox == meta["mailbox"] for s in self._sessions.values()) >= MAX_OPEN:
                raise GraphError(429, "ApplicationThrottled", f"Too many upload sessions are open for this mailbox "
                                 f"(at most {MAX_OPEN}): finish or cancel one first.", [("Retry-After", "60")])
            sid = secrets.token_urlsafe(18)
            path = os.path.join(self.root, sid)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            s = Session(sid=sid, token=secrets.token_urlsafe(32), path=path,
                        expires=self.clock() + self.lifetime, **meta)
            self._sessions[sid] = s
            return s

    def find(self, sid: str) -> Session | None:
        """The open session ``sid`` (None when unknown, finished, cancelled or expired)."""
        self._purge()
        with self._lock:
            return self._sessions.get(sid)

    def discard(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(session.sid, None)
        try:
            os.unlink(session.path)
        except OSError:
            pass

    def _purge(self) -> None:
        now = self.clock()
        with self._lock:
            gone = [s for s in self._sessions.values() if s.expires <= now]
        for s in gone:
            self.discard(s)

    def write(self, session: Session, data: bytes) -> None:
        """Append ``data`` at the session's next expected byte (its lock held by the caller)."""
        fd = os.open(session.path, os.O_WRONLY)
        try:
            os.pwrite(fd, data, session.received)
        finally:
            os.close(fd)
        session.received += len(data)

    def content(self, session: Session) -> bytes:
        with open(session.path, "rb") as f:
            return f.read()

    def close(self) -> None:
        with self._lock:
            self._sessions.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)


def _item_spec(doc) -> dict:
    if not isinstance(doc, dict):
        raise bad_request("The request body must be a JSON object.", "RequestBodyRead")
    spec = None
    for name, value in doc.items():
        if name.lower() == "attachmentitem":  # Graph matches an action's parameter names case-insensitively
            spec = value
        elif "@odata." not in name:
            raise bad_request(f"The parameter '{name}' in the request payload is not a valid parameter for the "
                              "operation 'createUploadSession'.", "RequestBodyRead")
    if not isinstance(spec, dict):
        raise bad_request("Value cannot be null. Parameter name: AttachmentItem", "ErrorInvalidParameter")
    for name in spec:
        if name not in ITEM_PROPS and "@odata." not in name:
            raise bad_request(f"The property '{name}' does not exist on type 'microsoft.graph.attachmentItem'.",
                              "RequestBodyRead")
    return spec


def _typed(spec: dict, name: str, kind: type, what: str, default=None):
    value = spec.get(name, default)
    if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type '{what}'.", "RequestBodyRead")
    return value


def create_session(req: Req) -> Resp:
    spec = _item_spec(req.json())
    kind = _typed(spec, "attachmentType", str, "microsoft.graph.attachmentType", "file")
    if kind.lower() not in ("file", "item", "reference"):
        raise bad_request(f"Requested value '{kind}' was not found.", "RequestBodyRead")
    if kind.lower() != "file":
        raise bad_request("Only a file can be attached through an upload session.", "ErrorInvalidRequest")
    name = _typed(spec, "name", str, "Edm.String")
    size = _typed(spec, "size", int, "Edm.Int64")
    if not name or size is None:
        raise bad_request("The attachment item needs a name and a size.", "ErrorInvalidRequest")
    if size < MIN_SIZE:
        raise bad_request("Attachment size must be greater than the minimum size.",
                          "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize")
    if size > MAX_SIZE:
        raise bad_request("The message exceeds the maximum supported size.", "ErrorMessageSizeExceeded")
    item = messages.load(req)
    uploads = req.ctx.sandbox.uploads
    session = uploads.sessions.create(
        mailbox=req.ctx.email, item_iid=immutable_key(item), item_id=req.params["id"],
        immutable=parse_message_id(req.params["id"])[0] == "immutable", name=name,
        content_type=_typed(spec, "contentType", str, "Edm.String"),
        is_inline=bool(_typed(spec, "isInline", bool, "Edm.Boolean", False)),
        content_id=_typed(spec, "contentId", str, "Edm.String"), size=size)
    return json_resp(201, {"@odata.context": f"{req.base}/$metadata#microsoft.graph.uploadSession",
                           "uploadUrl": f"{uploads.origin}{session.url_path}?authtoken={session.token}",
                           "expirationDateTime": wire_time(session.expires), "nextExpectedRanges": ["0-"]})
