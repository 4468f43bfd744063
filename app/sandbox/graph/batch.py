"""JSON batching: ``POST /v1.0/$batch`` with up to 20 requests, answered 200 with one status, headers and body
per request (Microsoft Graph, "Combine multiple HTTP requests using JSON batching").

The batch is authenticated like any request (its bearer token, checked before its body is read) and is
answered 400 as a whole when it is malformed: not a JSON object with a ``requests`` array, more than 20
requests, an ``id`` that is missing or not unique (ids are not case-sensitive), a ``method`` or ``url``
missing, an absolute ``url``, a ``body`` without a ``Content-Type`` header, a ``dependsOn`` naming no request
of the batch, or dependencies in a cycle. Otherwise each request is served by the same code as a direct one
(endpoint.execute): the batch's token, the same routes, ``me``/``users`` checks, its own store
transaction, its own fault (core/faults.py) and its own place in the mailbox's concurrency limit - the
batch itself takes none, as Graph hands a batch's requests to Outlook individually (so a request that finds
the mailbox at its limit is answered 429 with ``Retry-After`` in its own headers, inside a 200). A fault
that closes the connection (drop_*, hold_after_commit) closes the batch's: the requests before it stay
done, each in its own transaction.

Past the answer budget (``Sandbox.max_answer_bytes``, 64 MiB of response bodies) the remaining requests are
not run: each is 429 with ``Retry-After`` (:func:`stopped`).

Requests run one at a time in the batch's order, except that one runs only after those it ``dependsOn``;
a request that depends on one that failed (status 400 or more, 424 included) is answered 424 Failed
Dependency without running. Responses come back in the batch's order (Graph does not promise any order).

Bodies: a request's ``body`` that is a JSON object (or array) is sent as JSON; a string is base64 (standard
or URL-safe alphabet) of the body's bytes, for any other content type - so a MIME message for
``text/plain`` is the base64 of the request body, which is itself base64 MIME. A response body is a JSON
object for JSON content, else a base64 string (MIME from ``$value``, a gateway's HTML page)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from email.message import Message

from . import endpoint, request
from .errors import GraphError
from .request import JSON

MAX_REQUESTS = 20
METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE")
INVALID = "Invalid batch payload format."


@dataclass
class Step:
    id: str
    method: str
    target: str  # /v1.0/... with its query
    headers: Message
    body: bytes
    depends: list[str]


def serve(h, method: str, framing) -> None:
    """Answer a $batch on ``h``, the HTTP handler, whose headers are read."""
    sb = h.sb
    try:
        if method != "POST":
            raise GraphError(405, "Request_BadRequest", f"The HTTP method '{method}' is not allowed here.")
        user, scopes = endpoint.authenticate(sb, h.headers.get("Authorization"))
    except GraphError as e:
        h.close_after_reply(framing.has_body)  # refused before the body is read
        return endpoint.answer_error(h, method, h.path, e)
    raw = h.request_body(framing, endpoint.MAX_BODY)
    if raw is None:
        return None
    sb.log_op("graph:Batch")
    sb.observe_graph("request", raw, method=method, path=h.path, content_type=h.headers.get("Content-Type") or "")
    try:
        steps = parse(raw)
    except GraphError as e:
        return endpoint.answer_error(h, method, h.path, e)
    responses = run(sb, user, scopes, steps, h.server.stopping)
    if responses is None:  # a request's fault closed the connection
        return h.drop()
    body = json.dumps({"responses": responses}).encode()
    sb.observe_graph("response", body, method=method, path=h.path, status=200, content_type=JSON)
    return h.send(200, body, JSON, [("request-id", str(uuid.uuid4()))])


def run(sb, user, scopes: frozenset, steps: list[Step], stopping) -> list[dict] | None:
    """Serve the steps (dependencies first, else in order); their responses in the batch's order, or None when
    one's fault dropped the connection."""
    status: dict[str, int] = {}
    out: dict[str, dict] = {}
    used, budget = 0, sb.max_answer_bytes
    for step in _order(steps):
        if used > budget:
            a = endpoint.error_answer(sb, step.headers, step.method, step.target, stopped())
        elif any(status[d] >= 400 for d in step.depends):
            a = endpoint.error_answer(sb, step.headers, step.method, step.target, GraphError(
                424, "FailedDependency", "The request depends on a request of the batch that failed."))
        else:
            a = endpoint.execute(sb, user, scopes, step.method, step.target, step.headers, step.body, stopping)
            if a.drop:
                return None
            used += len(a.body or b"")
        status[step.id.lower()] = a.status
        out[step.id.lower()] = _response(step.id, a)
    return [out[s.id.lower()] for s in steps]


def stopped() -> GraphError:
    """The answer to a request of a batch whose answer has passed the answer budget (Sandbox.max_answer_bytes,
    as for EWS: app/sandbox/ews/budget.py): not run, 429 with Retry-After in its own headers, as Graph answers
    a batch's request it throttles ("Combine multiple HTTP requests using JSON batching": each request of a
    batch is evaluated against the throttling limits on its own). Twenty requests each fetching a message's
    MIME would otherwise build one answer of twenty messages; the first request is always run whole."""
    return GraphError(429, "ApplicationThrottled", "The batch's answer reached this server's size limit; this "
                      "request was not run. Send it again.", [("Retry-After", "1")])


def _response(step_id: str, a) -> dict:
    headers = {k: v for k, v in a.headers}
    doc = {"id": step_id, "status": a.status, "headers": headers}
    if a.content_type is None:
        return doc
    headers["Content-Type"] = a.content_type
    if a.body:
        doc["body"] = _json_or_none(a) if "Content-Encoding" not in headers else None
        if doc["body"] is None:
            doc["body"] = base64.b64encode(a.body).decode()
    return doc


def _json_or_none(a):
    if a.content_type.split(";")[0].strip().lower() != "application/json":
        return None
    try:
        doc = json.loads(a.body)
    except (ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, (dict, list)) else None


def parse(raw: bytes) -> list[Step]:
    """The batch's requests, checked (GraphError 400 for a malformed batch)."""
    try:
        doc = request.loads(raw)  # nesting bounded (request.MAX_JSON_DEPTH) before it is decoded
    except (ValueError, UnicodeDecodeError):
        raise _bad(INVALID) from None
    requests = doc.get("requests") if isinstance(doc, dict) else None
    if not isinstance(requests, list) or not requests:
        raise _bad(INVALID)
    if len(requests) > MAX_REQUESTS:
        raise _bad(f"Number of requests in the batch exceeds the maximum of {MAX_REQUESTS}.")
    steps = [_step(r) for r in requests]
    ids = [s.id.lower() for s in steps]
    if len(set(ids)) != len(ids):
        raise _bad("Batch request contains duplicate request ids; each id must be unique in the batch.")
    for s in steps:
        if any(d not in ids or d == s.id.lower() for d in s.depends):
            raise _bad(f"Request '{s.id}' depends on a request id that is not in the batch.")
    _order(steps)  # refuses a cycle
    return steps


def _step(r) -> Step:
    if not isinstance(r, dict):
        raise _bad(INVALID)
    rid, method, url = r.get("id"), r.get("method"), r.get("url")
    if not isinstance(rid, str) or not rid.strip():
        raise _bad("Each request of a batch needs an id, a string.")
    if not isinstance(method, str) or method.upper() not in METHODS:
        raise _bad(f"Request '{rid}' has no supported method.")
    if not isinstance(url, str) or not url.strip():
        raise _bad(f"Request '{rid}' has no url.")
    url = url.strip()
    if "://" in url.split("?")[0]:
        raise _bad(f"Invalid request URL for request '{rid}': a batch takes URLs relative to /v1.0.")
    headers = Message()
    given = r.get("headers") or {}
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        raise _bad(f"Request '{rid}' has headers that are not an object of strings.")
    for k, v in given.items():
        headers[k] = v
    body = b""
    if r.get("body") is not None:
        if not headers.get("Content-Type"):
            raise _bad(f"Request '{rid}' has a body but no Content-Type header.")
        body = _body(rid, r["body"])
    depends = r.get("dependsOn") or []
    if not isinstance(depends, list) or not all(isinstance(d, str) for d in depends):
        raise _bad(f"Request '{rid}' has a dependsOn that is not an array of ids.")
    return Step(rid, method.upper(), endpoint.PREFIX + "/" + url.lstrip("/"), headers, body,
                [d.lower() for d in depends])


def _body(rid: str, value) -> bytes:
    if isinstance(value, str):
        text = value.strip().replace("-", "+").replace("_", "/")
        try:
            return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise _bad(f"The body of request '{rid}' is a string but not base64.") from None
    return json.dumps(value).encode()


def _order(steps: list[Step]) -> list[Step]:
    """The steps in the batch's order, each after those it depends on (GraphError 400 for a cycle)."""
    done: set[str] = set()
    order: list[Step] = []
    left = list(steps)
    while left:
        ready = next((s for s in left if all(d in done for d in s.depends)), None)
        if ready is None:
            raise _bad("The dependsOn of the batch's requests form a cycle.")
        order.append(ready)
        done.add(ready.id.lower())
        left.remove(ready)
    return order


def _bad(message: str) -> GraphError:
    return GraphError(400, "BadRequest", message)
