"""Graph's errors: ``{"error": {"code", "message", "innerError": {"date", "request-id",
"client-request-id"}}}`` with the HTTP status Graph gives each code."""

from __future__ import annotations

import datetime as _dt
import json
import uuid

from ..core.errors import MailboxError

#: The status Graph answers a mailbox error code with (what is not listed: 400).
STATUS = {
    "ErrorItemNotFound": 404,
    "ErrorFolderNotFound": 404,
    "ErrorAccessDenied": 403,
    "ErrorSendAsDenied": 403,
    "ErrorNonExistentMailbox": 404,
    "ErrorIrresolvableConflict": 412,
    "ErrorStaleObject": 412,
    "ErrorQuotaExceeded": 507,
    "ErrorInternalServerError": 500,
    "ErrorServerBusy": 503,
}


class GraphError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: list | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or []


#: What Graph adds to a code's message (a refused send: "..., Cannot submit message.", as Graph answers it).
SUFFIX = {"ErrorSendAsDenied": ", Cannot submit message."}


def from_mailbox(e: MailboxError) -> GraphError:
    return GraphError(STATUS.get(e.code, 400), e.code, e.text + SUFFIX.get(e.code, ""))


def body(e: GraphError, client_request_id: str | None = None) -> bytes:
    now = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    inner = {"date": now, "request-id": str(uuid.uuid4()), "client-request-id": client_request_id or str(uuid.uuid4())}
    return json.dumps({"error": {"code": e.code, "message": e.message, "innerError": inner}}).encode()


def bad_request(message: str, code: str = "BadRequest") -> GraphError:
    return GraphError(400, code, message)


def not_found(message: str = "The specified object was not found in the store.") -> GraphError:
    return GraphError(404, "ErrorItemNotFound", message)
