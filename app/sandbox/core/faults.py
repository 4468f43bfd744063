"""Fault injection: make the next N requests of an operation fail in a chosen way.

The kinds are protocol-neutral: what each looks like on the wire is the front end's (EWS: ews/faultbodies.py
and ews/endpoint.py; e.g. ``server_busy`` is ErrorServerBusy with BackOffMilliseconds over EWS)."""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass, field

from .delivery import SEND_AS_DENIED
from .errors import ACCESS_DENIED, NOT_FOUND, MailboxError

KINDS = ("server_busy", "http_503", "http_500_html", "drop_before_commit", "drop_after_commit", "delay",
         "truncated", "http_401", "garbage_xml", "unexpected_element", "hold_after_commit", "wrong_encoding",
         "item_error", "scope_not_granted")
# Kinds whose answer is a mangled HTTP 200 body (after the operation ran); ``commit=False`` rolls the change back.
BODY_KINDS = ("truncated", "garbage_xml", "unexpected_element", "wrong_encoding")
# The parameters each kind understands; any other name is refused (a misspelt one would silently do nothing).
PARAMS = {
    "server_busy": ("backoff_ms",), "http_503": ("retry_after",), "http_500_html": ("commit",),
    "drop_before_commit": (), "drop_after_commit": (), "delay": ("seconds",), "truncated": ("commit",),
    "http_401": (), "garbage_xml": ("variant", "commit"), "unexpected_element": ("variant", "commit"),
    "hold_after_commit": ("seconds", "then"), "wrong_encoding": ("commit",), "item_error": ("code", "text"),
    "scope_not_granted": (),
}
#: an item_error's code: one of Exchange's response codes (the EWS front end writes it as the item's ResponseCode)
ITEM_CODE = re.compile(r"Error[A-Za-z]{1,80}")
THEN = ("drop", "answer")
#: The variants of the body kinds that have them (the first is the default).
VARIANTS = {
    "garbage_xml": ("html", "wrong_root", "not_xml"),
    "unexpected_element": ("extra_element", "response_class", "container"),
}

@dataclass
class Fault:
    operation: str  # an EWS operation name, or "*" for any
    kind: str
    count: int = 1
    params: dict = field(default_factory=dict)

    def rolls_back(self) -> bool:
        """True when the operation's change must be discarded although it ran."""
        return self.kind == "drop_before_commit" or (
            self.kind in ("truncated", "garbage_xml", "wrong_encoding") and not self.params.get("commit", True))


class FaultInjector:
    """``inject("SendItem", "server_busy", count=1, backoff_ms=500)``; ``clear()``; ``pending()``; ``fired``;
    ``release_held()``.

    Kinds and their parameters (any other parameter name, or a value of the wrong type, is a ValueError):
      server_busy (backoff_ms=1000)   SOAP fault ErrorServerBusy with BackOffMilliseconds
      http_503 (retry_after=1)        HTTP 503 + Retry-After header, text body
      http_500_html (commit=False)    HTTP 500 with IIS's HTML error page instead of running the operation;
                                      commit=True runs the operation and stores its change first, then
                                      answers the same page (the client cannot tell the change happened)
      drop_before_commit              close the socket without answering; the change is NOT stored
      drop_after_commit               close the socket without answering; the change IS stored
      delay (seconds=1.0)             answer normally after a pause (the operation runs after the pause)
      hold_after_commit (seconds=30, then="drop")
                                      run and commit the operation, then hold the reply ``seconds`` (the
                                      server is threaded: other connections are served meanwhile), then
                                      close the socket without answering ("drop") or send the real answer
                                      ("answer"). :meth:`release_held` ends every hold at once (as if its
                                      time were up); stopping the server ends them too, and a hold that
                                      starts while it stops does not wait (it drops, whatever ``then``)
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
      wrong_encoding (commit=True)    the real answer, labelled ``Content-Encoding: gzip`` although it is not
                                      compressed (a misconfigured proxy): the client cannot decode it
      item_error (code, text="")      the operation does not run; its item is refused with Exchange's
                                      ``code`` (e.g. "ErrorSendAsDenied"): EWS a ResponseMessage with that
                                      ResponseCode, Graph the error body and status its code has
      scope_not_granted               the organisation has not granted the permission the operation needs
                                      (an admin's choice, e.g. User.ReadBasic.All for Graph's /users): the
                                      operation does not run; Graph answers its 403 (Authorization_RequestDenied
                                      for the directory, ErrorAccessDenied for mail), EWS ErrorAccessDenied
    Post-commit kinds (a client that retries blindly after them sends twice): http_500_html with commit=True,
    drop_after_commit, hold_after_commit, and the body kinds with their default commit=True. Body kinds
    (truncated, garbage_xml, unexpected_element, wrong_encoding) answer after the operation ran: for
    truncated, garbage_xml and wrong_encoding commit=False rolls the change back (same answer either way); unexpected_element always
    stores it (its answer is the real, parseable one, claiming the change; commit is accepted and ignored).
    ``seconds`` and ``retry_after`` are finite numbers >= 0, ``backoff_ms`` a whole number >= 0, ``commit``
    a bool, ``then`` "drop" or "answer". count: how many requests it fires on (>= 1), or -1 for "until
    cleared".

    ``fired`` lists (operation, kind) of every fault served, in order, appended when the fault takes
    effect: for post-commit kinds after the change was committed (so once a fault is listed its change is
    visible), for the others when the fault's answer (or pause) starts. A fault taken by a request that then
    failed on its own (a SOAP error from the operation) is used up but not listed.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self.fired: list[tuple[str, str]] = []  # (operation, kind) of every fault served, when it took effect
        self._held = threading.Condition()  # hold_after_commit replies wait on it
        self._releases = 0  # bumped by release_held(): every hold that started before ends
        self._holding = 0  # replies being held right now
        self._pausing = 0  # delay pauses under way
        self._skipped = 0.0  # seconds skip() moved the faults' time on

    def inject(self, operation: str, kind: str, count: int = 1, **params) -> Fault:
        self.check(operation, kind, count, **params)
        f = Fault(operation, kind, count, dict(params))
        with self._lock:
            self._faults.append(f)
        return f

    @staticmethod
    def check(operation: str, kind: str, count: int = 1, **params) -> None:
        """What :meth:`inject` refuses (ValueError), without injecting anything."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if not operation or not isinstance(operation, str):
            raise ValueError("operation is required ('*' for any)")
        if isinstance(count, bool) or not isinstance(count, int) or not (count >= 1 or count == -1):
            raise ValueError("count must be a whole number >= 1, or -1 for until cleared")
        check_params(kind, params)  # an unknown variant is refused now, not when the fault fires

    def clear(self):
        """Forget faults not served yet (replies being held stay held: see :meth:`release_held`)."""
        with self._lock:
            self._faults.clear()

    def hold(self, seconds: float, stopping: threading.Event | None = None) -> bool:
        """Wait ``seconds``, or until :meth:`release_held` or ``stopping`` (set, then release_held(), by the
        server when it stops). Called by the request thread of a hold_after_commit reply. True when the
        hold was cut short."""
        deadline = self.now() + max(0.0, float(seconds))
        with self._held:
            start = self._releases
            self._holding += 1
            try:
                while self._releases == start and not (stopping is not None and stopping.is_set()):
                    left = deadline - self.now()
                    if left <= 0:
                        return False
                    self._held.wait(left)
                return True
            finally:
                self._holding -= 1

    def pause(self, seconds: float) -> None:
        """A ``delay`` fault's pause: ``seconds`` on the faults' time (:meth:`skip` moves it on)."""
        deadline = self.now() + max(0.0, float(seconds))
        with self._held:
            self._pausing += 1
            try:
                while (left := deadline - self.now()) > 0:
                    self._held.wait(left)
            finally:
                self._pausing -= 1

    def now(self) -> float:
        """The faults' time: the monotonic clock, moved on by every :meth:`skip`."""
        return time.monotonic() + self._skipped

    def skip(self, seconds: float) -> None:
        """Move the faults' time on by ``seconds``: a pause or hold whose time that reaches ends now (a test
        checks a ``delay`` or a hold's ``seconds`` without waiting them out)."""
        with self._held:
            self._skipped += float(seconds)
            self._held.notify_all()

    def pausing(self) -> int:
        """How many ``delay`` pauses are under way right now."""
        with self._held:
            return self._pausing

    def release_held(self) -> None:
        """End every hold now (each held reply is dropped or answered, as its ``then`` says)."""
        with self._held:
            self._releases += 1
            self._held.notify_all()

    def holding(self) -> int:
        """How many replies are being held right now."""
        with self._held:
            return self._holding

    def fire(self, operation: str, fault: Fault) -> None:
        """Record that ``fault`` took effect on a request for ``operation`` (see ``fired``)."""
        with self._lock:
            self.fired.append((operation, fault.kind))

    def fired_list(self) -> list[dict]:
        """``fired`` as the admin endpoint reports it: [{"operation", "kind"}]."""
        with self._lock:
            return [{"operation": op, "kind": kind} for op, kind in self.fired]

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
                    return f  # listed in ``fired`` by fire(), once it takes effect
        return None


def check_params(kind: str, params: dict) -> None:
    """Refuse parameters a fault does not know, or values it does not understand (ValueError)."""
    unknown = sorted(set(params) - set(PARAMS[kind]))
    if unknown:
        known = ", ".join(PARAMS[kind]) or "none"
        raise ValueError(f"{kind} does not take {', '.join(unknown)} (its parameters: {known})")
    for key in ("seconds", "retry_after"):
        if key in params:
            v = params[key]
            if (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0
                    or v > threading.TIMEOUT_MAX):
                raise ValueError(f"{key} must be a finite number of seconds >= 0")
    if "backoff_ms" in params and (isinstance(params["backoff_ms"], bool)
                                   or not isinstance(params["backoff_ms"], int) or params["backoff_ms"] < 0):
        raise ValueError("backoff_ms must be a whole number >= 0")
    if "commit" in params and not isinstance(params["commit"], bool):
        raise ValueError("commit must be true or false")
    if kind == "item_error" and not (isinstance(params.get("code"), str) and ITEM_CODE.fullmatch(params["code"])):
        raise ValueError("item_error needs code: one of Exchange's response codes, e.g. ErrorSendAsDenied")
    if "text" in params and not isinstance(params["text"], str):
        raise ValueError("text must be a string")
    if "then" in params and params["then"] not in THEN:
        raise ValueError('then must be "drop" or "answer"')
    if params.get("variant") is not None and params["variant"] not in VARIANTS[kind]:
        raise ValueError(f"{kind} variant must be one of {', '.join(VARIANTS[kind])}")


def refusal(fault: Fault) -> MailboxError:
    """The refusal an ``item_error`` (or ``scope_not_granted``) fault stands for: its code with its text, or the words Exchange gives
    with that code when the sandbox knows them."""
    known = {"ErrorSendAsDenied": SEND_AS_DENIED, "ErrorAccessDenied": ACCESS_DENIED, "ErrorItemNotFound": NOT_FOUND}
    if fault.kind == "scope_not_granted":  # EWS's refusal for a permission the organisation withholds
        return MailboxError("ErrorAccessDenied", ACCESS_DENIED)
    code = fault.params["code"]
    return MailboxError(code, fault.params.get("text") or known.get(code, "The request failed."))
