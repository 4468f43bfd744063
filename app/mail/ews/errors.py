"""Mapping exchangelib / requests exceptions onto app.mail.errors. Nothing raw ever leaves the backend.

exchangelib re-raises transport problems as ``ErrorTimeoutExpired("Reraised from ...")`` (or even
``ErrorServerBusy`` when its pool has >1 session), hiding whether the request ever left. The original
``requests`` exception survives in the implicit exception chain (``__context__``), so we classify on it:

- refused / DNS / connect timeout  -> ConnectionFailed (nothing was sent; safe to retry)
- read timeout / dropped mid-way   -> OutcomeUnknown (the request went out; a send must be verified)
- truncated body                   -> MalformedResponse
- body not in its Content-Encoding -> MalformedResponse
- TLS                              -> TlsFailed with the server certificate's SHA-256

Exchange Online's refusal of EWS (HTTP 403 + ``X-EWS-Policy-Reason``, see retirement.py) becomes
EwsBlocked (kind AUTH: the work is parked and the user offered Graph sign-in for the same address).
A 401 and the sign-in libraries' refusals are said as what they are (auth.py: wrong password, a method the server
does not offer, no Kerberos ticket, Extended Protection), kind AUTH.
"""

from __future__ import annotations

import logging
import re
import socket
import ssl

import requests.exceptions
from exchangelib import errors as xe

from app.domain.explain import explain
from app.domain.models import ItemOutcome, ItemRef, OutcomeStatus
from app.mail.certs import peer_fingerprint
from app.mail.errors import (
    AuthFailed,
    ConnectionFailed,
    ErrorKind,
    EwsBlocked,
    ItemFailed,
    MailError,
    MalformedResponse,
    OutcomeUnknown,
    ServerBusy,
    ServerFault,
    TlsFailed,
)
from app.mail.ews.auth import Refused, library_refusal, refusal
from app.mail.ews.retirement import EwsPolicyRefusal, soap_says_blocked

log = logging.getLogger(__name__)

# What each EWS ResponseCode means (MS-OXWSCDATA ResponseCodeType). A code not listed is PERMANENT:
# the server refused, and repeating the same request will not help.
_KIND_BY_CODE: dict[str, ErrorKind] = {
    **dict.fromkeys(("ErrorItemNotFound", "ErrorInvalidIdMalformed", "ErrorInvalidIdEmpty",
                     "ErrorFolderNotFound", "ErrorAttachmentNotFound"), ErrorKind.NOT_FOUND),
    **dict.fromkeys(("ErrorIrresolvableConflict", "ErrorInvalidChangeKey", "ErrorStaleObject"), ErrorKind.STALE),
    **dict.fromkeys(("ErrorServerBusy", "ErrorTooManyObjectsOpened"), ErrorKind.THROTTLED),
    **dict.fromkeys(("ErrorInternalServerTransientError", "ErrorMailboxStoreUnavailable",
                     "ErrorMailboxMoveInProgress", "ErrorConnectionFailed"), ErrorKind.TRANSIENT),
    # the server may have done the work before failing: look it up, never repeat blindly
    **dict.fromkeys(("ErrorTimeoutExpired", "ErrorInternalServerError", "ErrorOutcomeUnknown",
                     "ErrorMalformedResponse"), ErrorKind.OUTCOME_UNKNOWN),
    **dict.fromkeys(("ErrorInvalidRecipients", "ErrorMailRecipientNotFound", "ErrorInvalidSmtpAddress",
                     "ErrorInvalidPropertyRequest", "ErrorInvalidPropertySet", "ErrorInvalidPropertyUpdateSentMessage",
                     "ErrorSchemaValidation", "ErrorInvalidRequest", "ErrorMissingRecipients"),
                    ErrorKind.INVALID_INPUT),
    **dict.fromkeys(("ErrorMessageSizeExceeded", "ErrorQuotaExceeded"), ErrorKind.TOO_LARGE),
    **dict.fromkeys(("ErrorAuthenticationFailed",), ErrorKind.AUTH),
    **dict.fromkeys(("ErrorTLS",), ErrorKind.TLS),
}


def kind_for_code(code: str) -> ErrorKind:
    """The backend-neutral kind of an EWS ResponseCode."""
    return _KIND_BY_CODE.get(code, ErrorKind.PERMANENT)


# the code of a reply whose result could not be read (every EWS ResponseCode but NoError starts "Error"):
# outcome unknown, never a refusal (a send whose reply was cut inside "NoError" did go out)
DAMAGED = "ErrorMalformedResponse"
_UNKNOWN_CODE_RE = re.compile(r"Unknown ResponseCode in ResponseMessage: (\w+) \(MessageText: (.*?), MessageXml")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _flatten_reasons(exc: BaseException):
    """A requests exception wraps urllib3's MaxRetryError(reason=...) wrapping the socket error."""
    todo, seen = [exc], set()
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen or not isinstance(e, BaseException):
            continue
        seen.add(id(e))
        yield e
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        todo.append(getattr(e, "reason", None))
        todo.append(e.__cause__)
        todo.append(e.__context__)


def _first_match(table, exc: BaseException) -> MailError | None:
    """What the first row of ``table`` (exception classes, maker) whose classes ``exc`` is of makes of it."""
    return next((make(exc) for classes, make in table if isinstance(exc, classes)), None)


def _connection_error(e: requests.exceptions.ConnectionError) -> MailError:
    """requests' ConnectionError: refused or unknown host (nothing sent), cut off mid-reply, or dropped."""
    reasons = list(_flatten_reasons(e))
    names = " ".join(type(r).__name__ for r in reasons)
    if any(isinstance(r, (ConnectionRefusedError, socket.gaierror)) for r in reasons) or (
        "NewConnectionError" in names or "NameResolutionError" in names
    ):
        return ConnectionFailed(f"Could not connect to the server ({_short(e)})")
    if "IncompleteRead" in names or "InvalidChunkLength" in names:
        return MalformedResponse(f"The server's reply was cut off ({_short(e)})")
    return _dropped(e)


def _dropped(e: BaseException) -> MailError:
    return OutcomeUnknown(f"The connection dropped before the server answered ({_short(e)})")


def _no_answer(e: BaseException) -> MailError:
    return OutcomeUnknown("The server did not answer in time")


# a transport problem anywhere in the exception chain -> what it means (the first row that matches wins)
_TRANSPORT: tuple = (
    (requests.exceptions.ConnectTimeout, lambda e: ConnectionFailed(f"Timed out connecting to the server ({_short(e)})")),
    (requests.exceptions.ReadTimeout, _no_answer),
    (requests.exceptions.ContentDecodingError,
     lambda e: MalformedResponse("The server's reply could not be decoded (it was labelled with a compression it "
                                 "did not use)")),
    (requests.exceptions.ChunkedEncodingError, lambda e: MalformedResponse(f"The server's reply was cut off ({_short(e)})")),
    (requests.exceptions.ConnectionError, _connection_error),
    (ConnectionRefusedError, lambda e: ConnectionFailed(f"Could not connect to the server ({_short(e)})")),
    ((socket.timeout, TimeoutError), _no_answer),
    ((ConnectionResetError, BrokenPipeError), _dropped),
)


def _transport_error(exc: BaseException, endpoint: str) -> MailError | None:
    """TLS first (with the certificate's fingerprint), else the first transport problem in the chain."""
    tls = next((e for e in _chain(exc) if isinstance(e, (requests.exceptions.SSLError, ssl.SSLError))), None)
    if tls is not None:
        fp = peer_fingerprint(endpoint)
        return TlsFailed(f"The server's certificate was not accepted: {_short(tls)}", fingerprint=fp)
    return next((m for m in (_first_match(_TRANSPORT, e) for e in _chain(exc)) if m is not None), None)


def _short(e: BaseException, limit: int = 300) -> str:
    text = str(e) or type(e).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def code_and_text(exc: BaseException) -> tuple[str, str]:
    """(ResponseCode, MessageText) for an exchangelib per-item error instance."""
    if isinstance(exc, xe.ResponseMessageError):
        return type(exc).__name__, str(exc)
    m = _UNKNOWN_CODE_RE.search(str(exc))
    if m:
        if not m.group(1).startswith("Error"):  # "NoEr": a reply cut inside "NoError", parsed as far as it went
            return DAMAGED, f"The server's reply was damaged (it named no result EWS knows: {m.group(1)})"
        return m.group(1), m.group(2)
    if isinstance(exc, xe.EWSWarning):
        return type(exc).__name__, str(exc)
    return "ErrorInternalServerError", _short(exc)


def _blocked(exc: BaseException, address: str) -> EwsBlocked | None:
    """Exchange Online's refusal of EWS for this mailbox (HTTP 403 with its reason, or a SOAP fault)."""
    refusal = next((e for e in _chain(exc) if isinstance(e, EwsPolicyRefusal)), None)
    if refusal is not None:
        return EwsBlocked(refusal.address or address, refusal.reason)
    if isinstance(exc, (xe.ResponseMessageError, xe.TransportError)):
        code, text = code_and_text(exc)
        if soap_says_blocked(code, text):
            return EwsBlocked(address, text)
    return None


def _busy(exc: xe.ErrorServerBusy) -> MailError:
    # exchangelib turns a server-side ErrorTimeoutExpired into "busy" when its pool has >1 session;
    # the request may have been processed, so it must not look safely retryable.
    inner = next((e for e in _chain(exc) if isinstance(e, xe.ErrorTimeoutExpired)), None)
    if inner is not None:
        return ItemFailed("ErrorTimeoutExpired", str(inner), kind=ErrorKind.OUTCOME_UNKNOWN)
    return ServerBusy(_short(exc), retry_after=exc.back_off or None)


def _soap_fault(exc: xe.SOAPError) -> MailError:
    if str(exc).startswith(("Bad SOAP response", "Unknown SOAP response")):
        return MalformedResponse(_short(exc))
    return ServerFault("ErrorSoapFault", _short(exc), kind=ErrorKind.PERMANENT)


def _item_failed(exc: BaseException) -> MailError:
    code, text = code_and_text(exc)
    return ItemFailed(code, text, kind=kind_for_code(code))


def _transport_code(exc: xe.TransportError) -> MailError:
    """exchangelib's TransportError: a ResponseCode it did not know (or a damaged one), or a bad reply."""
    code, text = code_and_text(exc)
    if code == DAMAGED:
        return MalformedResponse(text)
    if code != "ErrorInternalServerError":
        return ItemFailed(code, text, kind=kind_for_code(code))
    return MalformedResponse(_short(exc))


# exchangelib's exceptions -> ours, most specific class first (the first row that matches wins)
_BY_CLASS: tuple = (
    (Refused, refusal),
    (xe.UnauthorizedError, lambda exc: AuthFailed()),
    (xe.ErrorServerBusy, _busy),
    ((xe.ErrorInternalServerTransientError, xe.ErrorTooManyObjectsOpened),
     lambda exc: ServerBusy(_short(exc), code=type(exc).__name__)),
    (xe.RateLimitError, lambda exc: ServerBusy(_short(exc), retry_after=exc.wait)),
    (xe.MalformedResponseError, lambda exc: MalformedResponse(_short(exc))),
    (xe.SOAPError, _soap_fault),
    (xe.ResponseMessageError, _item_failed),
    (xe.RedirectError, lambda exc: ServerFault("ErrorRedirect", _short(exc), kind=ErrorKind.PERMANENT)),
    (xe.CASError, lambda exc: ServerFault("ErrorCAS", _short(exc), kind=ErrorKind.PERMANENT)),
    (xe.TransportError, _transport_code),
)


def _unexpected(exc: BaseException) -> MailError:
    """Anything else came out of parsing a reply we could not make sense of (or is a bug): logged in full
    for the developers, a plain message for the user."""
    log.exception("Unexpected %s from exchangelib", type(exc).__name__, exc_info=exc)
    return MalformedResponse(
        f"The server's reply did not have the structure EWS requires ({type(exc).__name__}: {_short(exc, 150)})")


def map_error(exc: BaseException, endpoint: str = "", address: str = "") -> MailError:
    """Turn anything raised while talking to the server into exactly one MailError. ``address``: the
    mailbox, named in the message when Exchange Online refuses EWS for it."""
    if isinstance(exc, MailError):
        return exc
    mapped = _blocked(exc, address)
    if mapped is None:  # a sign-in library's own refusal (no Kerberos ticket, no NTLM challenge)
        mapped = next((m for m in map(library_refusal, _chain(exc)) if m is not None), None)
    if mapped is None:
        mapped = _transport_error(exc, endpoint)  # looked at only when not blocked: TLS asks the server again
    if mapped is None:
        mapped = _first_match(_BY_CLASS, exc)
    return mapped if mapped is not None else _unexpected(exc)


def outcome_ok(ref: ItemRef | None, status: OutcomeStatus, local_id: str = "") -> ItemOutcome:
    return ItemOutcome(ref=ref, status=status, code="NoError", message="", explanation=explain("NoError"), local_id=local_id)


def outcome_error(ref: ItemRef | None, code: str, message: str = "", *, status=OutcomeStatus.FAILED,
                  local_id: str = "", kind: ErrorKind | None = None) -> ItemOutcome:
    if status == OutcomeStatus.UNKNOWN:
        kind = ErrorKind.OUTCOME_UNKNOWN
    return ItemOutcome(
        ref=ref, status=status, code=code, message=message, explanation=explain(code, message), local_id=local_id,
        kind=kind or kind_for_code(code),
    )


def outcome_from_exception(ref: ItemRef | None, exc: BaseException, local_id: str = "") -> ItemOutcome:
    code, text = code_and_text(exc)
    return outcome_error(ref, code, text, local_id=local_id)
