"""One Graph request as the handlers see it, and what they answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from ..core.session import Ctx
from .errors import bad_request

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
                self._json = json.loads(self.body)
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
