"""The EWS endpoint: one POST to /EWS/Exchange.asmx, from its SOAP envelope to the answer.

The HTTP handler (server.py) has checked the framing and the credentials and read the body; this parses
the envelope, serves the injected faults (core/faults.py) the way EWS shows them, runs the operation
inside one store transaction and writes the answer through the handler's ``_send``/``_drop``."""

from __future__ import annotations

import logging
import time

from ..core.faults import BODY_KINDS
from ..core.session import Ctx
from ..core.store import Rollback
from . import blocked
from .faultbodies import IIS_500, mangle
from .ops import OPERATIONS, check_children, unsupported
from .soap import M_NS, SoapFault, fault_body, local, ns, parse_envelope, requested_version, serialize

log = logging.getLogger("app.sandbox")


def send_fault(h, f: SoapFault):
    body = fault_body(f)
    h.sb.observe("response", body)
    h.send(f.status, body)


def serve(h, user, raw: bytes):
    """Answer one EWS request (its body ``raw``, read by ``h``, the HTTP handler, for ``user``)."""
    sb = h.sb
    sb.observe("request", raw)
    if blocked.refuse(h, user):  # Exchange Online's EWS block (blocked.py): refused before it is parsed
        return
    try:
        header, req = parse_envelope(raw)
        op = local(req)
    except SoapFault as f:
        sb.log_op("(invalid)")
        return send_fault(h, f)
    sb.log_op(op)
    fault = sb.faults.take(op)
    if fault is not None and _pre_fault(h, op, fault):
        return
    try:
        sb.validate_request(req)
        handler = OPERATIONS.get(op) if ns(req) == M_NS else None
        if handler is None:
            raise unsupported(op)
        check_children(op, req)
        ctx = Ctx(sb, user, requested_version(header))
        body = None
        with sb.store.tx():
            body = serialize(handler(ctx, req))
            if fault is not None and fault.rolls_back():
                raise Rollback()
    except SoapFault as f:
        return send_fault(h, f)
    except Exception:  # noqa: BLE001 - a server never crashes on a request
        if sb.store is None:  # the sandbox stopped under this request: nothing was committed
            return h.send_unavailable()
        log.exception("sandbox: %s failed", op)
        return send_fault(h, SoapFault("ErrorInternalServerError", "An internal server error occurred."))
    if fault is not None and fault.kind in ("drop_before_commit", "drop_after_commit"):
        sb.faults.fire(op, fault)
        return h.drop()
    sb.after_commit()
    if fault is not None and fault.kind == "hold_after_commit":  # done on the server; the reply waits
        sb.faults.fire(op, fault)  # after the commit: whoever sees it fired can see the change
        sb.faults.hold(fault.params.get("seconds", 30.0), h.server.stopping)
        if fault.params.get("then", "drop") == "drop" or h.server.stopping.is_set():
            return h.drop()
    if fault is not None and fault.kind == "http_500_html":  # commit=True: done, but answered with 500
        page = IIS_500.encode()
        sb.faults.fire(op, fault)
        sb.observe("response", page, injected=True)
        return h.send(500, page, "text/html; charset=utf-8")
    if fault is not None and fault.kind == "wrong_encoding":  # a valid body, mislabelled as gzip
        sb.faults.fire(op, fault)
        sb.observe("response", body)
        return h.send(200, body, headers=[("Content-Encoding", "gzip")])
    if fault is not None and fault.kind in BODY_KINDS:
        bad = mangle(fault.kind, fault.params, body)
        sb.faults.fire(op, fault)
        sb.observe("response", bad, injected=True)
        return h.send(200, bad)
    sb.observe("response", body)
    h.send(200, body)

def _pre_fault(h, op: str, fault) -> bool:
    """Serve faults that answer instead of the operation (or pause before it). True when the request is
    finished."""
    kind, p = fault.kind, fault.params
    if kind in ("delay", "http_401", "http_503", "server_busy") or (
            kind == "http_500_html" and not p.get("commit", False)):
        h.sb.faults.fire(op, fault)
    if kind == "delay":
        time.sleep(float(p.get("seconds", 1.0)))
        return False
    if kind == "http_401":
        h.send_401(injected=True)
        return True
    if kind == "http_503":
        h.send_unavailable(p.get("retry_after", 1))
        return True
    if kind == "http_500_html" and not p.get("commit", False):
        body = IIS_500.encode()
        h.sb.observe("response", body, injected=True)
        h.send(500, body, "text/html; charset=utf-8")
        return True
    if kind == "server_busy":
        ms = str(int(p.get("backoff_ms", 1000)))
        send_fault(h, SoapFault(
            "ErrorServerBusy", "The server cannot service this request right now. Try again later.",
            message_xml=[("Value", ms, {"Name": "BackOffMilliseconds"})]))
        return True
    return False
