"""The Graph endpoint: a request under /v1.0, from its bearer token to the answer.

Order of work: the path names an endpoint (else 400 / 405, as Graph answers an unknown segment or verb);
the bearer token is checked with the sign-in authority before a byte of the body is read (401
InvalidAuthenticationToken); ``me`` or ``users/{id | address}`` must be the token's user or a mailbox that
granted it Full Access (403); the token's ``scp`` must hold a permission the operation needs (its
.Shared one in another's mailbox; 403 ErrorAccessDenied, permissions.py); more than
MAX_CONCURRENT requests in flight for one mailbox are throttled (429 + Retry-After, as Exchange Online
limits concurrency per mailbox); then the body is read (413 over MAX_BODY), the handler runs inside one
store transaction, and the answer goes out, with any injected fault (core/faults.py) shown the Graph way."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..core.errors import MailboxError
from ..core.faults import refusal
from ..core.permissions import has_right
from ..core.session import Ctx
from ..core.store import Rollback
from . import errors, odata, permissions, routes
from .errors import GraphError
from .request import Req

log = logging.getLogger("app.sandbox")

PREFIX = "/v1.0"
BATCH_PATH = PREFIX + "/$batch"  # JSON batching: batch.py
MAX_BODY = 4 * 1024 * 1024  # Graph refuses a request body over 4 MB (attachments beyond: upload sessions)
MAX_CONCURRENT = 4  # Exchange Online: 4 concurrent requests per app and mailbox
GATEWAY_500 = b"<html><head><title>500 Internal Server Error</title></head><body>Server Error</body></html>"


@dataclass
class Answer:
    """What a request is answered: a status, a body and its type (None: no body), headers; or ``drop``: the
    connection closes unanswered (an injected fault)."""
    status: int = 0
    body: bytes = b""
    content_type: str | None = None
    headers: list = field(default_factory=list)
    drop: bool = False


class Concurrency:
    """Requests in flight per mailbox."""

    def __init__(self):
        self._lock = threading.Lock()
        self._n: dict[str, int] = {}

    def enter(self, mailbox: str) -> bool:
        with self._lock:
            if self._n.get(mailbox, 0) >= MAX_CONCURRENT:
                return False
            self._n[mailbox] = self._n.get(mailbox, 0) + 1
            return True

    def leave(self, mailbox: str):
        with self._lock:
            self._n[mailbox] -= 1


def serve(h, method: str, framing) -> None:
    """Answer one Graph request on ``h``, the HTTP handler (server.py), whose headers are read. A $batch
    (BATCH_PATH) is batch.py's: it serves its requests through :func:`execute`."""
    sb = h.sb
    path = unquote(urlsplit(h.path).path)
    try:
        handler, params, op, user_match = resolve(method, path)
        user, scopes = authenticate(sb, h.headers.get("Authorization"))
        owner = mailbox_owner(sb, user, user_match)
        permissions.check(op, scopes, shared=owner is not user)
    except GraphError as e:
        h.close_after_reply(framing.has_body)  # refused before the body is read
        return answer_error(h, method, path, e)
    sb.log_op(f"graph:{op}")
    if not sb.graph_concurrency.enter(user["email"].lower()):
        h.close_after_reply(framing.has_body)
        return answer_error(h, method, path, throttled())
    try:
        raw = h.request_body(framing, MAX_BODY)
        if raw is None:
            return None
        emit(h, _run(sb, (user, scopes, owner), method, h.path, h.headers, raw, (handler, params, op, user_match),
                     h.server.stopping))
    finally:
        sb.graph_concurrency.leave(user["email"].lower())
    return None


def execute(sb, user, scopes: frozenset, method: str, target: str, headers, raw: bytes, stopping) -> Answer:
    """One request of ``user`` (already authenticated; ``scopes``: its token's permissions) to ``target`` (a
    path under /v1.0 with its query), its body read: routed, checked, throttled, run in its own store
    transaction with its faults, as serve() does it. What a $batch (batch.py) runs for each of its requests."""
    try:
        route = resolve(method, unquote(urlsplit(target).path))
        owner = mailbox_owner(sb, user, route[3])
        permissions.check(route[2], scopes, shared=owner is not user)
    except GraphError as e:
        return error_answer(sb, headers, method, target, e)
    sb.log_op(f"graph:{route[2]}")
    if not sb.graph_concurrency.enter(user["email"].lower()):
        return error_answer(sb, headers, method, target, throttled())
    try:
        return _run(sb, (user, scopes, owner), method, target, headers, raw, route, stopping)
    finally:
        sb.graph_concurrency.leave(user["email"].lower())


def resolve(method: str, path: str):
    """(handler, path parameters, operation name, the user part's match) of a path under /v1.0; GraphError
    400 / 405 for a path or verb Graph has no endpoint for."""
    org = routes.match_org(method, path[len(PREFIX):])
    if org is not None:  # the organisation's directory: run as the signed-in user (/me), who owns no mailbox here
        if org[0] is None:
            raise GraphError(405, "Request_BadRequest", f"The HTTP method '{method}' is not allowed here.")
        return (*org, routes.USER.match("/me"))
    user_match = routes.USER.match(path[len(PREFIX):])
    if user_match is None:
        segment = path[len(PREFIX):].strip("/").split("/")[0]
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{segment}'.")
    rest = user_match.group("rest") or ""
    handler, params, op = routes.match(method, rest)
    if handler is None:
        if params:
            raise GraphError(405, "Request_BadRequest", f"The HTTP method '{method}' is not allowed here.")
        segment = rest.strip("/").split("/")[0]
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{segment}'.")
    return handler, params, op, user_match


def mailbox_owner(sb, user, user_match) -> dict:
    """The user whose mailbox ``me`` or ``users/{id | address}`` names: the token's user, or another that
    granted it Full Access ("GET users/{Garth-userId | Garth-userPrincipalName}/mailfolders('Inbox')/
    messages", learn.microsoft.com/graph/outlook-share-messages-folders; the .Shared permissions are checked
    by permissions.check). Anyone else: 403 ErrorAccessDenied."""
    who = user_match.group("who")
    if who is None or unquote(who).lower() in (user["email"].lower(), _oid(user)):
        return user
    name = unquote(who).lower()
    owner = next((u for u in sb.users if name in (u["email"].lower(), _oid(u))), None)
    if owner is None or not has_right(owner, user["email"], "full_access"):
        raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
    return owner


def throttled() -> GraphError:
    return GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                      [("Retry-After", "1")])


def _oid(user) -> str:
    from ..authority.tokens import user_oid

    return user_oid(user["email"])


def authenticate(sb, header: str | None) -> tuple[dict, frozenset]:
    """The token's user (its mailbox) and the permissions its ``scp`` grants; GraphError 401 / 404."""
    from ..authority import AccessTokenError

    if sb.authority is None:
        raise GraphError(401, "InvalidAuthenticationToken", "Access token validation failure.")
    try:
        claims = sb.authority.verify_authorization(header)
    except AccessTokenError as e:
        raise GraphError(401, "InvalidAuthenticationToken", e.message,
                         [("WWW-Authenticate", sb.authority.www_authenticate())]) from None
    user = sb.authority.user_for(claims)
    mailbox = sb.user_by_email(user["email"]) if user is not None else None
    if mailbox is None or not mailbox.get("graph", True):  # e.g. a mailbox hosted on-premises
        raise GraphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, "
                         "or is hosted on-premise.")
    return sb.user_by_email(user["email"]), permissions.scopes_of(claims)


def _run(sb, who, method, target, headers, raw, route, stopping) -> Answer:
    (user, scopes, owner), (handler, params, op, user_match) = who, route
    parts = urlsplit(target)
    sb.observe_graph("request", raw, method=method, path=target, content_type=headers.get("Content-Type") or "")
    try:
        query = odata.query_options(parts.query)
    except GraphError as e:
        return error_answer(sb, headers, method, target, e)
    ctx = Ctx(sb, owner, actor=None if owner is user else user)  # the mailbox, and who works in it
    req = Req(ctx=ctx, method=method, path=unquote(parts.path), params=params,
              query=query, headers=headers, body=raw,
              base=sb.graph_url, user_segment=user_match.group("seg"), scopes=scopes,
              immutable='idtype="immutableid"' in (headers.get("Prefer") or "").lower().replace(" ", ""))
    fault = sb.faults.take(op)
    if fault is not None:
        early = _pre_fault(sb, headers, method, target, op, fault)
        if early is not None:
            return early
    resp, failed = _execute(sb, req, handler, op, fault)
    if failed is not None:
        return error_answer(sb, headers, method, target, failed)
    if fault is not None and fault.kind in ("drop_before_commit", "drop_after_commit"):
        sb.faults.fire(op, fault)
        return Answer(drop=True)
    sb.after_commit()
    out = [("request-id", str(uuid.uuid4())), *resp.headers]
    if req.immutable:
        out.append(("Preference-Applied", 'IdType="ImmutableId"'))
    faulted = None if fault is None else _post_fault(sb, op, fault, (method, target), resp, out, stopping)
    if faulted is not None:
        return faulted
    sb.observe_graph("response", resp.body, method=method, path=target, status=resp.status,
                     content_type=resp.content_type or "")
    return Answer(resp.status, resp.body, resp.content_type, out)


def _execute(sb, req: Req, handler, op: str, fault):
    """The handler in one store transaction (rolled back when ``fault`` says so): (its response, None), or
    (None, the GraphError to answer)."""
    try:
        with sb.store.tx():
            resp = handler(req)
            if fault is not None and fault.rolls_back():
                raise Rollback()
    except GraphError as e:
        return None, e
    except MailboxError as e:
        return None, errors.from_mailbox(e)
    except Exception:  # noqa: BLE001 - a server never crashes on a request
        if sb.store is None:
            return None, GraphError(503, "ServiceUnavailable", "Service Unavailable")
        log.exception("sandbox: graph %s failed", op)
        return None, GraphError(500, "InternalServerError", "An internal server error occurred.")
    return resp, None


def _post_fault(sb, op: str, fault, request: tuple[str, str], resp, out: list, stopping) -> Answer | None:
    """The answer of a fault that changes a committed operation's reply, else None (``request``: its method
    and target)."""
    method, target = request
    if fault.kind == "hold_after_commit":
        sb.faults.fire(op, fault)
        sb.faults.hold(fault.params.get("seconds", 30.0), stopping)
        if fault.params.get("then", "drop") == "drop" or stopping.is_set():
            return Answer(drop=True)
        return None
    if fault.kind == "http_500_html":
        sb.faults.fire(op, fault)
        sb.observe_graph("response", GATEWAY_500, method=method, path=target, status=500,
                         content_type="text/html", injected=True)
        return Answer(500, GATEWAY_500, "text/html")
    if fault.kind in ("truncated", "garbage_xml", "unexpected_element", "wrong_encoding"):
        sb.faults.fire(op, fault)
        bad = _mangle(fault, resp.body)
        sb.observe_graph("response", bad, method=method, path=target, status=resp.status,
                         content_type=resp.content_type or "", injected=True)
        extra = [("Content-Encoding", "gzip")] if fault.kind == "wrong_encoding" else []
        return Answer(resp.status, bad, resp.content_type or "application/json", out + extra)
    return None


def _mangle(fault, body: bytes) -> bytes:
    kind, variant = fault.kind, fault.params.get("variant")
    if kind == "truncated":
        return body[: max(len(body) // 2, 1)]
    if kind == "wrong_encoding":
        return body
    if kind == "garbage_xml":
        return {"html": b"<html><body><h1>Proxy error</h1></body></html>", "wrong_root": b'{"foo": 1}',
                "not_xml": b"OK\r\nthis is not JSON <<< at all"}[variant or "html"]
    doc = json.loads(body or b"{}")
    if variant in (None, "extra_element"):
        doc["proxyDiagnostics"] = "added by a misconfigured proxy"
    elif variant == "container" and "value" in doc:
        doc["results"] = doc.pop("value")
    else:  # response_class: an error body with a success status
        doc = {"error": {"code": "generalException", "message": "General exception while processing."}}
    return json.dumps(doc).encode()


def _pre_fault(sb, headers, method: str, target: str, op: str, fault) -> Answer | None:
    """The answer of a fault that keeps the operation from running, else None (after a ``delay``)."""
    kind, p = fault.kind, fault.params
    if kind in ("delay", "http_401", "http_503", "server_busy", "item_error", "scope_not_granted") or (
            kind == "http_500_html" and not p.get("commit", False)):
        sb.faults.fire(op, fault)
    if kind == "scope_not_granted":  # the organisation has not granted the permission: Graph's own 403
        return error_answer(sb, headers, method, target, permissions.denied(op))
    if kind == "delay":
        sb.faults.pause(float(p.get("seconds", 1.0)))
        return None
    if kind == "item_error":  # refused with the code's status and body, the operation not run
        return error_answer(sb, headers, method, target, errors.from_mailbox(refusal(fault)),
                            injected=True)
    if kind == "http_401":
        return error_answer(sb, headers, method, target, GraphError(401, "InvalidAuthenticationToken",
                                                              "Access token has expired or is not yet valid."),
                      injected=True)
    if kind in ("http_503", "server_busy"):
        if kind == "http_503":
            seconds = p.get("retry_after", 1)
        else:
            seconds = max(1, -(-int(p.get("backoff_ms", 1000)) // 1000))  # whole seconds, rounded up
        status, code = (503, "ServiceNotAvailable") if kind == "http_503" else (429, "ApplicationThrottled")
        return error_answer(sb, headers, method, target, GraphError(status, code, "The server is busy. Try again later.",
                                                              [("Retry-After", str(seconds))]),
                      injected=kind == "http_503")
    if kind == "http_500_html" and not p.get("commit", False):
        sb.observe_graph("response", GATEWAY_500, method=method, path=target, status=500, content_type="text/html",
                          injected=True)
        return Answer(500, GATEWAY_500, "text/html")
    return None


def error_answer(sb, headers, method: str, path: str, e: GraphError, injected: bool = False) -> Answer:
    body = errors.body(e, headers.get("client-request-id"))
    sb.observe_graph("response", body, method=method, path=path, status=e.status,
                      content_type="application/json", injected=injected)
    return Answer(e.status, body, "application/json", [("request-id", str(uuid.uuid4())), *e.headers])


def answer_error(h, method: str, path: str, e: GraphError, injected: bool = False):
    emit(h, error_answer(h.sb, h.headers, method, path, e, injected))


def emit(h, a: Answer) -> None:
    """Send ``a`` on the HTTP handler ``h`` (or close the connection unanswered)."""
    if a.drop:
        return h.drop()
    if a.content_type is None:
        return h.send_empty(a.status, a.headers)
    return h.send(a.status, a.body, a.content_type, a.headers)
