"""The EWS endpoint: one POST to /EWS/Exchange.asmx, from its SOAP envelope to the answer.

The HTTP handler (server.py) has checked the framing and the credentials and read the body; this parses
the envelope, serves the injected faults (core/faults.py) the way EWS shows them, runs the operation
inside one store transaction and writes the answer through the handler's ``send``/``drop``."""

from __future__ import annotations

import logging

from ..core.faults import BODY_KINDS, refusal
from ..core.session import Ctx
from ..core.store import Rollback
from . import blocked
from .faultbodies import IIS_500, mangle
from .ops import OPERATIONS, check_children, unsupported
from .soap import (
    M_NS, SoapFault, error_message, fault_body, local, m, ns, parse_envelope, requested_version, response_root,
    serialize, sub,
)

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
    body = _run(h, user, raw, header, req, op, fault)
    if body is None:  # answered with a fault
        return
    if fault is not None and fault.kind in ("drop_before_commit", "drop_after_commit"):
        sb.faults.fire(op, fault)
        return h.drop()
    sb.after_commit()
    if fault is not None and _post_fault(h, op, fault, body):
        return
    sb.observe("response", body)
    h.send(200, body)


def _run(h, user, raw: bytes, header, req, op: str, fault) -> bytes | None:
    """The operation (checked against the schema first) in one store transaction (rolled back when
    ``fault`` says so): its answer, or None when a fault was answered instead."""
    sb = h.sb
    try:
        sb.validate_request(raw, header, req)
        handler = OPERATIONS.get(op) if ns(req) == M_NS else None
        if handler is None:
            raise unsupported(op)
        check_children(op, req)
        ctx = Ctx(sb, user, requested_version(header))
        with sb.store.tx():
            body = serialize(handler(ctx, req))
            if fault is not None and fault.rolls_back():
                raise Rollback()
    except SoapFault as f:
        send_fault(h, f)
        return None
    except Exception:  # noqa: BLE001 - a server never crashes on a request
        if sb.store is None:  # the sandbox stopped under this request: nothing was committed
            h.send_unavailable()
        else:
            log.exception("sandbox: %s failed", op)
            send_fault(h, SoapFault("ErrorInternalServerError", "An internal server error occurred."))
        return None
    return body


def _post_fault(h, op: str, fault, body: bytes) -> bool:
    """Serve faults that change the answer of a committed operation. True when the request is finished."""
    sb = h.sb
    if fault.kind == "hold_after_commit":  # done on the server; the reply waits
        sb.faults.fire(op, fault)  # after the commit: whoever sees it fired can see the change
        sb.faults.hold(fault.params.get("seconds", 30.0), h.server.stopping)
        if fault.params.get("then", "drop") == "drop" or h.server.stopping.is_set():
            h.drop()
            return True
        return False
    if fault.kind == "http_500_html":  # commit=True: done, but answered with 500
        page = IIS_500.encode()
        sb.faults.fire(op, fault)
        sb.observe("response", page, injected=True)
        h.send(500, page, "text/html; charset=utf-8")
        return True
    if fault.kind == "wrong_encoding":  # a valid body, mislabelled as gzip
        sb.faults.fire(op, fault)
        sb.observe("response", body)
        h.send(200, body, headers=[("Content-Encoding", "gzip")])
        return True
    if fault.kind in BODY_KINDS:
        bad = mangle(fault.kind, fault.params, body)
        sb.faults.fire(op, fault)
        sb.observe("response", bad, injected=True)
        h.send(200, bad)
        return True
    return False


def _pre_fault(h, op: str, fault) -> bool:
    """Serve faults that answer instead of the operation (or pause before it). True when the request is
    finished."""
    kind, p = fault.kind, fault.params
    if kind in ("item_error", "scope_not_granted"):  # the item refused with the code, the operation not run
        h.sb.faults.fire(op, fault)
        root = response_root(op)
        error_message(sub(root, m("ResponseMessages")), op, refusal(fault))
        body = serialize(root)
        h.sb.observe("response", body, injected=True)
        h.send(200, body)
        return True
    if kind in ("delay", "http_401", "http_503", "server_busy") or (
            kind == "http_500_html" and not p.get("commit", False)):
        h.sb.faults.fire(op, fault)
    if kind == "delay":
        h.sb.faults.pause(float(p.get("seconds", 1.0)))
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
