"""Schema is law, for Graph too: every Graph body that crosses the wire in a test is checked against JSON
Schemas derived from Microsoft's CSDL (tests/graph_schema.py), by the route it travels (tests/graph_routes.py).
The Graph counterpart of tests/ews_wire.py, with the same rules.

How it is plugged in (tests/conftest.py, beside the EWS ``wire_validator``): one session-scoped
``GraphWireValidator(load_graph_schemas())``; per test, ``Sandbox.default_graph_observer = validator.observe``
(the sandbox calls it before any ``graph_observer`` a test adds: chained, never instead), then after the
test ``validator.collect(WIRE_DUMP)`` (the ``.graph`` files sandboxes in other processes write through
``DISPATCH_SANDBOX_WIRE_DUMP``, app/sandbox/wiredump.py) and ``assert not validator.reset()``.

Per body (``observe(direction, body, method=, path=, status=, content_type=, injected=)``):
- its route is found from the method and the URL path (``/v1.0`` optional, ``/me`` or ``/users/{id}``, a
  query ignored; the upload URL's own origin too); no route is a failure;
- a request must be what the route takes for its content type (JSON valid against the schema, empty, MIME
  as strict base64 ``text/plain``, raw bytes of a given type); a response with status >= 400 must be the
  OData error body (``{"error": {"code", "message", ...}}``), any other status must be one the route
  answers, with its body (``202`` after send/sendMail: empty);
- JSON is parsed strictly: UTF-8, no duplicate names, no NaN/Infinity;
- a ``$batch`` is checked as an envelope and each inner request and response by its own route (inner urls
  relative: ``/me/messages``; bodies inline as JSON or base64), the responses matched to the requests by id.
Exempt, and counted as skipped: a body the sandbox marks injected (a fault a test asked for; inside a
``$batch`` response too, when it is the body an inner exchange was observed injected with), and a request
a test registered with ``expect_broken()`` (that one exchange only; it must occur and must really be
invalid). An error inside the check is a failure too, never swallowed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from tests.graph_routes import JSON_TYPE, Body, find
from tests.graph_schema import GraphSchemas, is_base64


class _JsonError(ValueError):
    pass


def _no_duplicates(pairs):
    names = [k for k, _ in pairs]
    if len(set(names)) != len(names):
        raise _JsonError(f"duplicate name {next(k for k in names if names.count(k) > 1)!r} in a JSON object")
    return dict(pairs)


def _no_constant(name):
    raise _JsonError(f"{name} is not JSON")


def parse_json(raw: bytes):
    """Strict JSON: UTF-8 (no BOM), no duplicate names, no NaN/Infinity. Raises ValueError."""
    text = raw.decode("utf-8")  # UnicodeDecodeError is a ValueError
    if text.startswith("\ufeff"):
        raise _JsonError("a byte order mark before the JSON")
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def media_type(content_type: str) -> str:
    return (content_type or "").split(";")[0].strip().lower()


@dataclass
class _Broken:
    body: bytes
    method: str | None
    path: str | None
    strict: bool = True  # False: an inner request of an exempt $batch (need not occur, need not be invalid)

    def matches(self, raw: bytes, method: str, path: str) -> bool:
        return (raw == self.body and (self.method is None or self.method.upper() == method.upper())
                and (self.path is None or self.path == path or self.path == path.split("?")[0]))


@dataclass
class GraphWireValidator:
    schemas: GraphSchemas
    checked: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _broken: list = field(default_factory=list)
    _injected: deque = field(default_factory=lambda: deque(maxlen=64))  # (raw, parsed JSON or None)
    _batches: dict = field(default_factory=dict)  # request ids -> [(method, url)] of the last such $batch
    _local: threading.local = field(default_factory=threading.local)

    def expect_broken(self, raw: bytes, *, method: str | None = None, path: str | None = None) -> bytes:
        """Exempt exactly one request with this body (and, when given, this method and path: an empty body
        should name them), which a test sends invalid on purpose; its answer is still checked. It must
        then cross the wire and must really be invalid; both are checked at ``reset()``."""
        with self.lock:
            self._broken.append(_Broken(raw, method, path))
        return raw

    def observe(self, direction: str, body: bytes, *, method: str, path: str, status: int | None = None,
                content_type: str = "", injected: bool = False) -> None:
        """Check one body (the sandbox's ``default_graph_observer`` signature)."""
        body = body or b""
        if injected:
            with self.lock:
                self.skipped += 1
                if direction == "response":
                    self._injected.append((body, _parsed_or_none(body)))
            return
        exempt = None
        if direction == "request":
            with self.lock:
                exempt = next((b for b in self._broken if b.matches(body, method, path)), None)
                if exempt is not None:
                    self._broken.remove(exempt)
        try:
            problems = self.problems(direction, body, method=method, path=path, status=status,
                                     content_type=content_type, exempt=exempt is not None)
        except Exception as exc:  # noqa: BLE001 - recorded as a failure of the test, not lost in a log
            problems = [f"the validator itself failed: {type(exc).__name__}: {exc}"]
        with self.lock:
            where = f"{direction} {method} {path}" + (f" -> {status}" if status is not None else "")
            if exempt is not None:
                self.skipped += 1
                if not problems and exempt.strict:
                    self.failures.append((where, "marked deliberately broken, but valid", body[:3000]))
                return
            self.checked += 1
            if problems:
                self.failures.append((where, "; ".join(problems[:3]), body[:3000]))

    def collect(self, directory: Path) -> int:
        """Check the ``.graph`` files a sandbox in another process wrote to ``directory``
        (app/sandbox/wiredump.py: a JSON line with method, path, status, content type, then the body), in
        the order written, and remove them. Returns how many were read."""
        files = sorted(directory.glob("*.graph"), key=lambda p: tuple(p.stem.split("-")[:2]))
        for file in files:
            _pid, _seq, direction, *rest = file.stem.split("-")
            head, _, body = file.read_bytes().partition(b"\n")
            meta = json.loads(head)
            self.observe(direction, body, method=meta.get("method") or "", path=meta.get("path") or "",
                         status=meta.get("status"), content_type=meta.get("content_type") or "",
                         injected=rest == ["injected"])
            file.unlink()
        return len(files)

    def reset(self) -> list:
        """Hand back (and forget) the failures so far, including exemptions whose request never came."""
        with self.lock:
            failures, self.failures = self.failures, []
            unused = [b for b in self._broken if b.strict]
            self._broken = []
            self._batches = {}
        return failures + [(f"request {b.method or '?'} {b.path or '?'}", "marked deliberately broken, but never "
                            "sent", b.body[:3000]) for b in unused]

    # ---------------- the check ----------------

    def problems(self, direction: str, body: bytes, *, method: str, path: str, status: int | None = None,
                 content_type: str = "", exempt: bool = False) -> list[str]:
        """Every reason this body is not what its route allows (empty: valid)."""
        route, why = find(method, path)
        if direction == "response" and status is not None and status >= 400:
            return self._json(body, content_type, "error")
        if route is None:
            return [why]
        if direction == "request":
            mtype = media_type(content_type)
            rule = route.request.get(mtype) if body else None
            if rule is None:
                rule = route.request.get("")
            if rule is None:
                takes = ", ".join(sorted(k or "none" for k in route.request))
                return [f"{route.name} takes no {mtype or 'untyped'} body (it takes {takes})" if body else
                        f"{route.name} needs a body ({takes})"]
        else:
            rule = route.responses.get(status)
            if rule is None:
                return [f"{route.name} does not answer {status} (it answers {sorted(route.responses)} or an error)"]
        problems = self._body(body, content_type, rule)
        if route.name == "Batch" and direction == "request":
            # even when the envelope is invalid: what the server may still run is remembered (for its
            # answer) and, in an exempt batch, exempt where the sandbox observes it
            problems += self._batch_requests(_parsed_or_none(body), exempt)
        elif route.name == "Batch" and not problems:
            problems = self._batch_responses(parse_json(body))
        return problems

    def _body(self, body: bytes, content_type: str, rule: Body) -> list[str]:
        if rule.kind == "empty":
            return [] if not body else [f"a body of {len(body)} bytes where there must be none"]
        if rule.kind == "json":
            return self._json(body, content_type, rule.schema)
        if rule.kind == "mime":
            if media_type(content_type) != "text/plain":
                return [f"MIME content must be sent as text/plain, not {content_type!r}"]
            if not body or not is_base64(body):
                return ["the MIME content is not base64 (ErrorMimeContentInvalidBase64String)"]
            return []
        mtype = media_type(content_type)
        if "*" in rule.ctypes:
            return [] if mtype else ["raw content without a Content-Type"]
        return [] if mtype in rule.ctypes else [f"content type {content_type!r}, not one of {list(rule.ctypes)}"]

    def _json(self, body: bytes, content_type: str, schema: str) -> list[str]:
        if media_type(content_type) != JSON_TYPE:
            return [f"content type {content_type!r} where {schema} JSON is due (application/json)"]
        try:
            doc = parse_json(body)
        except ValueError as e:
            return [f"not JSON ({e})"[:300]]
        return [f"{schema}: {p}" for p in self.schemas.problems(schema, doc)]

    # ---------------- $batch ----------------

    def _batch_requests(self, doc, exempt: bool) -> list[str]:
        requests = doc.get("requests") if isinstance(doc, dict) else None
        requests = [r for r in requests if isinstance(r, dict) and all(isinstance(r.get(k), str) for k in (
            "id", "method", "url")) and isinstance(r.get("headers") or {}, dict)] if isinstance(requests, list) else []
        problems, ids = [], [r["id"].lower() for r in requests]
        if len(set(ids)) != len(ids):
            problems.append("$batch: request ids are not unique")
        seen = {}
        for i, r in enumerate(requests):
            problems += [f"$batch: request {r['id']!r} depends on {d!r}, not in the batch"
                         for d in r.get("dependsOn") or [] if isinstance(d, str) and d.lower() not in ids]
            inner, ctype, found = _inner(r.get("body"), r.get("headers") or {})
            url = "/v1.0/" + r["url"].lstrip("/")
            found = found or self.problems("request", inner, method=r["method"], path=url, content_type=ctype)
            problems += [f"requests[{i}] ({r['id']}, {r['method']} {r['url']}): {p}" for p in found]
            if found and exempt:  # the sandbox observes each inner request too: exempt it there as well
                with self.lock:
                    self._broken.append(_Broken(inner, r["method"], url, strict=False))
            seen[r["id"].lower()] = (r["method"], url)
        self._local.batch = seen
        with self.lock:
            self._batches[tuple(sorted(seen))] = seen
        return problems

    def _batch_responses(self, doc) -> list[str]:
        ids = tuple(sorted(r["id"].lower() for r in doc["responses"]))
        sent = getattr(self._local, "batch", None)
        if sent is None or tuple(sorted(sent)) != ids:
            with self.lock:
                sent = self._batches.get(ids)
        if sent is None:
            return [f"$batch response with ids {list(ids)}: no $batch request with those ids was seen"]
        self._local.batch = None
        problems = []
        for i, r in enumerate(doc["responses"]):
            method, url = sent[r["id"].lower()]
            inner, ctype, found = _inner(r.get("body"), r.get("headers") or {})
            if self._was_injected(inner, r.get("body")):
                with self.lock:
                    self.skipped += 1
                continue
            found = found or self.problems("response", inner, method=method, path=url, status=r["status"],
                                           content_type=ctype)
            problems += [f"responses[{i}] ({r['id']}, {method} {url} -> {r['status']}): {p}" for p in found]
        return problems

    def _was_injected(self, raw: bytes, value) -> bool:
        with self.lock:
            injected = list(self._injected)
        if isinstance(value, (dict, list)):
            return any(parsed is not None and parsed == value for _, parsed in injected)
        return bool(raw) and any(body == raw for body, _ in injected)


def _parsed_or_none(body: bytes):
    try:
        return parse_json(body)
    except ValueError:
        return None


_HEADER = re.compile(r"^content-type$", re.IGNORECASE)


def _inner(value, headers: dict) -> tuple[bytes, str, list[str]]:
    """An inner body of a $batch as bytes, its content type, and why it cannot be read: JSON inline as an
    object (its Content-Type must say JSON), anything else base64 (or base64url) text."""
    ctype = next((v for k, v in headers.items() if _HEADER.match(str(k)) and isinstance(v, str)), "")
    if value is None:
        return b"", ctype, []
    if isinstance(value, (dict, list)):
        if media_type(ctype) != JSON_TYPE:
            return b"", ctype, [f"a JSON body with Content-Type {ctype!r} (application/json is due)"]
        return json.dumps(value).encode(), ctype, []
    if not isinstance(value, str):
        return b"", ctype, [f"a body that is neither JSON nor base64 text: {value!r}"[:200]]
    text = "".join(value.split())
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4),
                                validate=True), ctype, []
    except (binascii.Error, ValueError):
        return b"", ctype, ["a body that is a string but not base64"]
