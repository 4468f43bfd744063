"""Fault injection: make the next N requests of an operation fail in a chosen way."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

KINDS = ("server_busy", "http_503", "http_500_html", "drop_before_commit", "drop_after_commit", "delay",
         "truncated", "http_401", "garbage_xml", "unexpected_element", "hold_after_commit")
# Kinds whose answer is a mangled HTTP 200 body (after the operation ran); ``commit=False`` rolls the change back.
BODY_KINDS = ("truncated", "garbage_xml", "unexpected_element")

IIS_500 = (
    "<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<title>Runtime Error</title>\r\n</head>\r\n<body bgcolor=\"white\">\r\n"
    "<span><H1>Server Error in '/EWS' Application.<hr width=100% size=1 color=silver></H1>\r\n"
    "<h2> <i>Runtime Error</i> </h2></span>\r\n<b> Description: </b>An application error occurred on the server."
    "\r\n</body>\r\n</html>\r\n"
)


@dataclass
class Fault:
    operation: str  # an EWS operation name, or "*" for any
    kind: str
    count: int = 1
    params: dict = field(default_factory=dict)

    def rolls_back(self) -> bool:
        """True when the operation's change must be discarded although it ran."""
        return self.kind == "drop_before_commit" or (
            self.kind in ("truncated", "garbage_xml") and not self.params.get("commit", True))


class FaultInjector:
    """``inject("SendItem", "server_busy", count=1, backoff_ms=500)``; ``clear()``; ``pending()``.

    Kinds and their parameters:
      server_busy (backoff_ms=1000)   SOAP fault ErrorServerBusy with BackOffMilliseconds
      http_503 (retry_after=1)        HTTP 503 + Retry-After header, text body
      http_500_html (commit=False)    HTTP 500 with IIS's HTML error page; commit=True runs the operation and
                                      stores its change first (the client cannot tell it happened)
      drop_before_commit              close the socket without answering; the change is NOT stored
      drop_after_commit               close the socket without answering; the change IS stored
      delay (seconds=1.0)             answer normally after a pause (the operation runs after the pause)
      hold_after_commit (seconds=30, then="drop")
                                      run and commit the operation, then hold the reply ``seconds`` (other
                                      connections are served meanwhile) and drop the connection ("drop")
                                      or send the real answer ("answer"); :meth:`release_held` (and the
                                      sandbox's stop) ends every hold at once
      truncated (commit=True)         the XML answer is cut in half
      http_401                        HTTP 401 as if the password were wrong
      garbage_xml (variant="html", commit=True)
                                      HTTP 200 text/xml whose body is not an EWS envelope: "html" (a proxy's
                                      HTML page), "wrong_root" (<foo/>), "not_xml" (plain text)
      unexpected_element (variant="extra_element", commit=True)
                                      the real answer, well-formed but schema-invalid: "extra_element" (an
                                      unknown m:ProxyDiagnostics first in every response message),
                                      "response_class" (ResponseClass="Partial"), "container" (the items
                                      container renamed to m:Results, as a mismatched proxy/version might)
    Body kinds (truncated, garbage_xml, unexpected_element) answer after the operation ran. For truncated and
    garbage_xml, commit=True (default) stores the change and commit=False rolls it back (same answer either
    way). unexpected_element always stores it: its answer is the real, parseable one, claiming the change.
    count=-1 means "until cleared".
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self.fired: list[tuple[str, str]] = []  # (operation, kind) of every fault served
        self._release = threading.Event()  # set: every reply held by hold_after_commit goes now

    def inject(self, operation: str, kind: str, count: int = 1, **params) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if not operation:
            raise ValueError("operation is required ('*' for any)")
        if kind in BODY_KINDS:
            mangle(kind, params, b"")  # an unknown variant is refused now, not when the fault fires
        check_params(kind, params)
        f = Fault(operation, kind, int(count), dict(params))
        with self._lock:
            self._faults.append(f)
        return f

    def clear(self):
        """Forget faults not served yet (replies being held stay held: see :meth:`release_held`)."""
        with self._lock:
            self._faults.clear()

    def hold(self, seconds: float) -> None:
        """Wait ``seconds`` or until :meth:`release_held` (called by the request thread)."""
        self._release.wait(max(0.0, float(seconds)))

    def release_held(self) -> None:
        with self._lock:
            old, self._release = self._release, threading.Event()
        old.set()

    def pending(self) -> list[dict]:
        with self._lock:
            return [{"operation": f.operation, "kind": f.kind, "count": f.count, "params": dict(f.params)}
                    for f in self._faults]

    def take(self, operation: str) -> Fault | None:
        with self._lock:
            for f in self._faults:
                if f.operation in (operation, "*"):
                    if f.count > 0:
                        f.count -= 1
                        if f.count == 0:
                            self._faults.remove(f)
                    self.fired.append((operation, f.kind))
                    return f
        return None


def check_params(kind: str, params: dict) -> None:
    """Refuse parameters a fault does not understand the values of (ValueError)."""
    for key in ("seconds", "retry_after"):
        if key in params:
            v = params[key]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or v != v:
                raise ValueError(f"{key} must be a number of seconds >= 0")
    if "backoff_ms" in params and (isinstance(params["backoff_ms"], bool)
                                   or not isinstance(params["backoff_ms"], int) or params["backoff_ms"] < 0):
        raise ValueError("backoff_ms must be a whole number >= 0")
    if "commit" in params and not isinstance(params["commit"], bool):
        raise ValueError("commit must be true or false")
    if kind == "hold_after_commit" and params.get("then", "drop") not in ("drop", "answer"):
        raise ValueError('then must be "drop" or "answer"')


GARBAGE = {
    "html": b"<html><head><title>Gateway</title></head><body><h1>Proxy error</h1><p>upstream said no</p></body></html>",
    "wrong_root": b'<?xml version="1.0" encoding="utf-8"?><foo/>',
    "not_xml": b"OK\r\nsession=7f3a; this is not XML <<< at all",
}
_M = b"http://schemas.microsoft.com/exchange/services/2006/messages"
_RESPONSE_MSG = re.compile(rb'(<(\w+:)?\w+ResponseMessage\b[^>]*?ResponseClass=")(\w+)("[^>]*>)')
_CONTAINERS = re.compile(rb"<(/?)(\w+:)?(Items|Folders|RootFolder|ResolutionSet|Attachments)\b")


def mangle(kind: str, params: dict, body: bytes) -> bytes:
    """The body a body-kind fault sends instead of ``body`` (the operation's real answer)."""
    if kind == "truncated":
        return body[: max(len(body) // 2, 1)]
    variant = params.get("variant")
    if kind == "garbage_xml":
        variant = variant or "html"
        if variant not in GARBAGE:
            raise ValueError(f"garbage_xml variant must be one of {', '.join(GARBAGE)}")
        return GARBAGE[variant]
    variant = variant or "extra_element"
    if variant == "extra_element":
        extra = (b'<ProxyDiagnostics xmlns="' + _M + b'" Hop="edge-7">'
                 b"<Note>added by a misconfigured proxy</Note></ProxyDiagnostics>")
        return _RESPONSE_MSG.sub(lambda m: m.group(1) + m.group(3) + m.group(4) + extra, body)
    if variant == "response_class":
        return _RESPONSE_MSG.sub(lambda m: m.group(1) + b"Partial" + m.group(4), body)
    if variant == "container":
        return _CONTAINERS.sub(lambda m: b"<" + m.group(1) + b"m:Results", body)
    raise ValueError("unexpected_element variant must be extra_element, response_class or container")
