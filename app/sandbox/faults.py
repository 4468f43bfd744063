"""Fault injection: make the next N requests of an operation fail in a chosen way."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

KINDS = ("server_busy", "http_503", "http_500_html", "drop_before_commit", "drop_after_commit", "delay",
         "truncated", "http_401")

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


class FaultInjector:
    """``inject("SendItem", "server_busy", count=1, backoff_ms=500)``; ``clear()``; ``pending()``.

    Kinds and their parameters:
      server_busy (backoff_ms=1000)   SOAP fault ErrorServerBusy with BackOffMilliseconds
      http_503 (retry_after=1)        HTTP 503 + Retry-After header, text body
      http_500_html                   HTTP 500 with IIS's HTML error page
      drop_before_commit              close the socket without answering; the change is NOT stored
      drop_after_commit               close the socket without answering; the change IS stored
      delay (seconds=1.0)             answer normally after a pause
      truncated                       the change is stored, the XML answer is cut in half
      http_401                        HTTP 401 as if the password were wrong
    count=-1 means "until cleared".
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self.fired: list[tuple[str, str]] = []  # (operation, kind) of every fault served

    def inject(self, operation: str, kind: str, count: int = 1, **params) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if not operation:
            raise ValueError("operation is required ('*' for any)")
        f = Fault(operation, kind, int(count), dict(params))
        with self._lock:
            self._faults.append(f)
        return f

    def clear(self):
        with self._lock:
            self._faults.clear()

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
