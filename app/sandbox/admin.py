"""The fault-injection admin endpoint, ``/sandbox/admin/faults``: who may use it, and what it does.

A request is refused, before its body is read, unless all of these hold:
- the client is on loopback (403);
- the ``Host`` header names loopback (``localhost``, ``127.0.0.1``, ``[::1]``, ...) with the sandbox's
  port (403): a web page whose name an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own name;
- it carries the sandbox's per-run token, ``Authorization: Bearer <Sandbox.admin_token>`` (401);
- a POST is ``Content-Type: application/json`` (415): a cross-site HTML form cannot send that.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re

from .core.pauses import check_step, check_timeout

ADMIN_PATH = "/sandbox/admin/faults"
LOOPBACK = ("127.0.0.1", "::1", "::ffff:127.0.0.1")
MAX_BODY = 64 * 1024
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})")


def host_is_loopback(value: str | None, port: int) -> bool:
    """``localhost:PORT``, a loopback IPv4 address or a bracketed loopback IPv6 address, with ``port``."""
    m = _HOST.fullmatch((value or "").strip())
    if not m or int(m.group(2)) != port:
        return False
    name = m.group(1)
    if name.lower() == "localhost":
        return True
    bracketed = name.startswith("[")
    try:
        ip = ipaddress.ip_address(name[1:-1] if bracketed else name)
    except ValueError:
        return False
    return ip.is_loopback and (ip.version == 6) == bracketed


def refusal(client_ip: str, headers, port: int, token: str, post: bool) -> tuple | None:
    """(status, body, extra headers) when the request must be refused; None when it may go on."""
    if client_ip not in LOOPBACK:
        return 403, b"Forbidden", ()
    hosts = headers.get_all("Host") or []
    if len(hosts) != 1 or not host_is_loopback(hosts[0], port):
        return 403, b"Forbidden: the Host header must name loopback and this port", ()
    scheme, _, credentials = (headers.get("Authorization") or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(credentials.strip().encode(), token.encode()):
        return 401, b"Unauthorized: send Authorization: Bearer <admin_token>", (
            ("WWW-Authenticate", 'Bearer realm="sandbox-admin"'),)
    if post and (headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
        return 415, b"Unsupported Media Type: send application/json", ()
    return None


#: The keys of a POST that are no fault's parameter.
_OWN_KEYS = ("operation", "kind", "count", "clear", "release", "advance_clock", "pause_delivery", "wait_paused",
             "timeout", "resume_delivery")


def apply(faults, raw: bytes | None, advance_clock=None, pauses=None) -> tuple[int, bytes]:
    """GET (``raw`` None): {"pending": [...], "fired": [{"operation", "kind"}], "holding": n, "delivery": {...}}.
    POST a JSON object: {"clear": true} forgets pending faults and delivery pauses, {"release": true} ends every
    held reply, {"operation": ..., "kind": ..., "count": 1, ...params} injects one (checked: 400 + {"error"});
    {"pause_delivery": step} holds the next Outbox delivery that reaches ``step`` (core/pauses.py:
    before_claim, claimed, delivered) until {"resume_delivery": true}; {"advance_clock": seconds} moves the
    sandbox's clock forward (``advance_clock(seconds)``, Sandbox.advance_clock: what is due in the Outboxes goes
    out; the answer then has "clock", the new time); {"wait_paused": step, "timeout": 10} answers once a delivery
    is held at ``step`` (or the timeout passed: "delivery"'s "paused_at" says which), after the rest of the
    request. The answer is the state afterwards, as for GET."""
    try:
        if raw is not None:
            req = json.loads(raw or b"{}")
            if not isinstance(req, dict):
                raise ValueError("expected a JSON object")
            advance, wait = _check(req, advance_clock, pauses)
            params = {k: v for k, v in req.items() if k not in _OWN_KEYS}
            if "kind" not in req and (params or "operation" in req or "count" in req):
                raise ValueError("kind is required to inject a fault")
            inject = None
            if "kind" in req:  # checked in full before anything is changed
                inject = (req.get("operation") or "*", req["kind"], req.get("count", 1))
                faults.check(*inject, **params)
            if req.get("clear"):
                faults.clear()
                if pauses is not None:
                    pauses.clear()
            if inject is not None:
                faults.inject(*inject, **params)
            if "pause_delivery" in req:
                pauses.arm(req["pause_delivery"])
            if req.get("release"):
                faults.release_held()
            if req.get("resume_delivery"):
                pauses.release()
            if advance is not None:
                now = advance_clock(advance)
            if wait is not None:
                pauses.wait_paused(*wait)
    except (ValueError, TypeError, RecursionError) as e:
        return 400, json.dumps({"error": str(e)}).encode()
    state = {"pending": faults.pending(), "fired": faults.fired_list(), "holding": faults.holding()}
    if pauses is not None:
        state["delivery"] = pauses.state()
    if raw is not None and advance is not None:
        state["clock"] = now.isoformat()
    return 200, json.dumps(state).encode()


def _check(req: dict, advance_clock, pauses) -> tuple:
    """(seconds to advance the clock or None, (step, timeout) to wait for or None); ValueError for a value the
    request cannot have."""
    for flag in ("clear", "release", "resume_delivery"):
        if not isinstance(req.get(flag, False), bool):
            raise ValueError(f"{flag} must be true or false")
    advance = req.get("advance_clock")
    if advance is not None and (advance_clock is None or isinstance(advance, bool)
                                or not isinstance(advance, (int, float)) or not advance >= 0
                                or advance == float("inf")):
        raise ValueError("advance_clock must be a number of seconds, 0 or more")
    delivery = [k for k in ("pause_delivery", "wait_paused", "resume_delivery") if k in req]
    if delivery and pauses is None:
        raise ValueError("this server has no Outbox delivery to pause")
    if "pause_delivery" in req:
        check_step(req["pause_delivery"])
    if "timeout" in req and "wait_paused" not in req:
        raise ValueError("timeout goes with wait_paused")
    wait = None
    if "wait_paused" in req:
        wait = (check_step(req["wait_paused"]), check_timeout(req.get("timeout", 10.0)))
    return advance, wait
