"""The Graph wire check's route table: for each endpoint issue 13 lists, what its request body must be (by
content type) and what each success status's body must be. Any status >= 400 must be the OData error body,
whatever the route (tests/graph_wire.py). Paths are matched after ``/v1.0`` (optional) and the user part
(``/me`` or ``/users/{id or address}``); messages' routes also under ``/mailFolders/{id or name}``.

Statuses are Graph's documented ones: create 201, get/update/list 200, delete 204, send and sendMail 202
with no body, move 201, createUploadSession 201, translateExchangeIds 200, $batch 200; the upload URL (a
second origin, Outlook's ``/api/v2.0/.../AttachmentSessions('…')``) 200 after a piece, 201 with no body
after the last, 204 for a cancel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Body:
    """What a body must be: ``json`` (valid against ``schema``, content type application/json),
    ``empty``, ``mime`` (MIME as strict base64 text, content type text/plain) or ``bytes`` (not JSON:
    only the content type is checked, against ``ctypes``; ``("*",)`` any non-empty one, ``("",)`` none)."""
    kind: str
    schema: str | None = None
    ctypes: tuple = ()


def J(schema: str) -> Body:
    return Body("json", schema)


EMPTY = Body("empty")
MIME = Body("mime")
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    pattern: re.Pattern
    request: dict            # media type ("" = any: then the body decides) -> Body
    responses: dict = field(default_factory=dict)  # success status -> Body


_F = r"(?:/mailFolders/[^/]+)?"   # a message route also works under a folder
_ID = r"/[^/]+"


def _r(name, method, template, request, responses) -> Route:
    if isinstance(request, Body):
        request = {"": request}
    return Route(name, method, re.compile(f"^{template}$"), request, responses)


USER_ROUTES = [
    _r("ListMessages", "GET", f"{_F}/messages", EMPTY, {200: J("collection.message")}),
    _r("CreateMessage", "POST", f"{_F}/messages", {JSON_TYPE: J("message"), "text/plain": MIME},
       {201: J("message")}),
    _r("GetMessage", "GET", f"{_F}/messages{_ID}", EMPTY, {200: J("message")}),
    _r("UpdateMessage", "PATCH", f"{_F}/messages{_ID}", {JSON_TYPE: J("message")}, {200: J("message")}),
    _r("DeleteMessage", "DELETE", f"{_F}/messages{_ID}", EMPTY, {204: EMPTY}),
    _r("GetMessageMime", "GET", f"{_F}/messages{_ID}/\\$value", EMPTY,
       {200: Body("bytes", ctypes=("message/rfc822",))}),
    _r("SendMessage", "POST", f"{_F}/messages{_ID}/send", {"": EMPTY, JSON_TYPE: J("action.send")}, {202: EMPTY}),
    _r("MoveMessage", "POST", f"{_F}/messages{_ID}/move", {JSON_TYPE: J("action.move")}, {201: J("return.move")}),
    *[_r(a[0].upper() + a[1:], "POST", f"{_F}/messages{_ID}/{a}", {"": EMPTY, JSON_TYPE: J(f"action.{a}")},
         {201: J("message")}) for a in ("createReply", "createReplyAll", "createForward")],
    _r("SendMail", "POST", "/sendMail", {JSON_TYPE: J("action.sendMail"), "text/plain": MIME}, {202: EMPTY}),
    _r("ListAttachments", "GET", f"{_F}/messages{_ID}/attachments", EMPTY, {200: J("collection.attachment")}),
    _r("CreateAttachment", "POST", f"{_F}/messages{_ID}/attachments", {JSON_TYPE: J("attachment")},
       {201: J("attachment")}),
    _r("CreateUploadSession", "POST", f"{_F}/messages{_ID}/attachments/createUploadSession",
       {JSON_TYPE: J("action.createUploadSession")}, {201: J("return.createUploadSession")}),
    _r("GetAttachment", "GET", f"{_F}/messages{_ID}/attachments{_ID}", EMPTY, {200: J("attachment")}),
    _r("DeleteAttachment", "DELETE", f"{_F}/messages{_ID}/attachments{_ID}", EMPTY, {204: EMPTY}),
    _r("GetAttachmentValue", "GET", f"{_F}/messages{_ID}/attachments{_ID}/\\$value", EMPTY,
       {200: Body("bytes", ctypes=("*",))}),
    _r("TranslateExchangeIds", "POST", "/translateExchangeIds", {JSON_TYPE: J("action.translateExchangeIds")},
       {200: J("return.translateExchangeIds")}),
    _r("GetMailTips", "POST", "/getMailTips", {JSON_TYPE: J("action.getMailTips")}, {200: J("return.getMailTips")}),
    _r("ListPeople", "GET", "/people", EMPTY, {200: J("collection.person")}),
    _r("GetUser", "GET", "", EMPTY, {200: J("user")}),
    _r("ListFolders", "GET", "/mailFolders", EMPTY, {200: J("collection.mailFolder")}),
    _r("GetFolder", "GET", "/mailFolders/[^/]+", EMPTY, {200: J("mailFolder")}),
    _r("ListChildFolders", "GET", "/mailFolders/[^/]+/childFolders", EMPTY, {200: J("collection.mailFolder")}),
]
#: The organisation's directory (issue 80), not under a user.
ORG_ROUTES = [
    _r("ListUsers", "GET", "/users/?", EMPTY, {200: J("collection.user")}),
    _r("ListGroups", "GET", "/groups/?", EMPTY, {200: J("collection.group")}),
    _r("ListGroupMembers", "GET", "/groups/[^/]+/members/?", EMPTY, {200: J("collection.directoryObject")}),
]
BATCH = _r("Batch", "POST", "/\\$batch", {JSON_TYPE: J("batch.request")}, {200: J("batch.response")})
_PIECE = Body("bytes", ctypes=("", "application/octet-stream"))
UPLOAD_ROUTES = [
    _r("UploadPiece", "PUT", "", {"": _PIECE}, {200: J("uploadSession"), 201: EMPTY}),
    _r("UploadState", "GET", "", EMPTY, {200: J("uploadSession")}),
    _r("UploadCancel", "DELETE", "", EMPTY, {204: EMPTY}),
]

_USER = re.compile(r"^/(?:me|users/[^/]+)(?P<rest>/.*)?$", re.IGNORECASE)
_VERSION = re.compile(r"^/v1\.0(?=/)", re.IGNORECASE)
#: The upload URL's path (its query holds the session's token, never the observer's).
UPLOAD_PATH = re.compile(r"^/api/v2\.0/Users\('[^'/]*'\)/Messages\('[^'/]*'\)/AttachmentSessions\('[^'/]+'\)$")


def find(method: str, path: str) -> tuple[Route | None, str]:
    """The route of ``method`` on ``path`` (a URL path, maybe with ``/v1.0`` and a query), or None and
    the reason there is none."""
    p = unquote(urlsplit(path).path)
    method = method.upper()
    if UPLOAD_PATH.match(p):
        candidates, rest = UPLOAD_ROUTES, ""
    else:
        p = _VERSION.sub("", p, count=1)
        if p == "/$batch":
            candidates, rest = [BATCH], p
        elif any(r.pattern.match(p) for r in ORG_ROUTES):
            candidates, rest = ORG_ROUTES, p
        else:
            m = _USER.match(p)
            if m is None:
                return None, f"no Graph route for {method} {path} (not under /me or /users/{{id}})"
            candidates, rest = USER_ROUTES, m.group("rest") or ""
    matched = [r for r in candidates if r.pattern.match(rest)]
    for r in matched:
        if r.method == method:
            return r, ""
    if matched:
        return None, f"no Graph route for {method} {path} (only {sorted({r.method for r in matched})})"
    return None, f"no Graph route for {method} {path}"
