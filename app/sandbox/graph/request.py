"""One Graph request as the handlers see it, and what they answer."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from ..core.session import Ctx
from .errors import bad_request

#: How deep arrays and objects may nest in a request body. Graph publishes no number; .NET's JSON reader (Graph
#: runs on .NET) stops at 64 by default (JsonSerializerOptions.MaxDepth, learn.microsoft.com: "the default
#: value of 0 indicates a maximum depth of 64"). Deeper is answered as any unreadable body is (400), never
#: decoded: Python's decoder recurses once per level and ran out of stack on a deep array (a 500, or a $batch
#: whose connection closed unanswered).
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_INNERMOST = re.compile(rb"\[\]|\{\}")  # one scan removes one level: a pair it uncovers waits for the next


def nesting_within(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the arrays and objects of the JSON text ``raw`` nest at most ``limit`` deep, decided before it is
    decoded, in time linear in its size (strings taken out, then the innermost bracket pairs removed, once per
    level, at most ``limit`` times). False too for brackets that do not pair up: not JSON anyway."""
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_A_BRACKET)
    for _ in range(limit):
        if not brackets:
            return True
        inner_removed = _INNERMOST.sub(b"", brackets)
        if inner_removed == brackets:
            return False
        brackets = inner_removed
    return not brackets


def loads(raw: bytes):
    """``json.loads`` of a request body whose nesting is within MAX_JSON_DEPTH (ValueError otherwise)."""
    if not nesting_within(raw):
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels, or brackets that do not pair up")
    return json.loads(raw)


JSON = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8"


@dataclass
class Req:
    ctx: Ctx
    method: str
    path: str  # after /v1.0, as routed (e.g. /me/messages/AAMk...)
    params: dict  # path parameters of the route
    query: dict  # query options, one value each
    headers: object  # the HTTP headers (email.message.Message)
    body: bytes
    base: str  # http://host:port/v1.0
    user_segment: str  # "me" or "users/<id or address>" as the client wrote it
    immutable: bool = False  # Prefer: IdType="ImmutableId"
    scopes: frozenset = frozenset()  # the token's delegated permissions, lower-cased (permissions.scopes_of)
    _json: object = field(default=None, repr=False)

    def json(self):
        if self._json is None:
            if not self.body.strip():
                raise bad_request("Empty Payload. JSON content expected.", "BadRequest")
            try:
                self._json = loads(self.body)
            except (ValueError, UnicodeDecodeError):
                raise bad_request("Unable to read JSON request payload. Please ensure Content-Type header is set "
                                  "and payload is of valid JSON format.", "BadRequest") from None
        return self._json

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def context(self, what: str) -> str:
        """An ``@odata.context`` URL for ``what`` (e.g. "messages/$entity")."""
        return f"{self.base}/$metadata#users('{quote(self.ctx.email)}')/{what}"

    def link(self, path: str, query: dict) -> str:
        return f"{self.base}/{self.user_segment}{path}?{urlencode(query, safe='$,')}"


@dataclass
class Resp:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list = field(default_factory=list)


def json_resp(status: int, doc: dict, headers=()) -> Resp:
    return Resp(status, json.dumps(doc).encode(), JSON, list(headers))


def empty(status: int) -> Resp:
    return Resp(status, b"", None)
