"""Graph's answers and httpx's exceptions onto app.mail.errors. Nothing raw ever leaves the backend.

The rules mirror app/mail/ews/errors.py:

- the request never left (refused, DNS, connect timeout, no free connection) -> ConnectionFailed: retry
- it left, no usable answer (read timeout, dropped, reset) -> OutcomeUnknown: a send must be looked up
- an answer that is not JSON, or not the shape Graph documents -> MalformedResponse (outcome unknown)
- TLS -> TlsFailed
- an error body ``{"error": {"code", "message"}}``: 429 / 503 -> ServerBusy with Retry-After; 401 ->
  SignInNeeded (an AuthFailed: sign in again); MailboxNotEnabledForRESTAPI -> ServerFault (the account, not an item); any other code ->
  ItemFailed with the kind the code (or, for a code not listed, the HTTP status) means.
"""

from __future__ import annotations

import json
import ssl
import time

from app.domain.dates import read_mail_date
from app.domain.explain import explain, server_reason
from app.domain.models import ErrorKind, ItemOutcome, ItemRef, OutcomeStatus
from app.domain.words import translate
from app.mail.errors import (
    ConnectionFailed,
    ItemFailed,
    MailError,
    MalformedResponse,
    OutcomeUnknown,
    ServerBusy,
    ServerFault,
    SignInNeeded,
    TlsFailed,
)

# the code of the error raised for a URL that must not carry a secret (plain http:// to another host...)
INSECURE_URL_CODE = "ErrorInsecureUrl"


def refuse_unsafe_url(problem: str | None) -> None:
    """Raise MailError (kind INVALID_INPUT: the account's settings, not the network) when ``problem`` (the
    verdict of :func:`app.domain.validation.check_secret_url` on a URL) is not None."""
    if problem is not None:
        raise MailError(INSECURE_URL_CODE, problem, kind=ErrorKind.INVALID_INPUT)


# What each Graph / Exchange error code means. A code not listed: by its HTTP status (_KIND_BY_STATUS).
_KIND_BY_CODE: dict[str, ErrorKind] = {
    **dict.fromkeys(("ErrorItemNotFound", "ErrorInvalidIdMalformed", "ErrorFolderNotFound",
                     "ErrorAttachmentNotFound", "ErrorInvalidAttachmentId"), ErrorKind.NOT_FOUND),
    **dict.fromkeys(("ErrorIrresolvableConflict", "ErrorStaleObject", "ErrorInvalidChangeKey",
                     "PreconditionFailed"), ErrorKind.STALE),
    **dict.fromkeys(("ApplicationThrottled", "ErrorServerBusy", "TooManyRequests", "ServiceNotAvailable",
                     "ErrorTooManyObjectsOpened"), ErrorKind.THROTTLED),
    **dict.fromkeys(("ErrorInternalServerTransientError", "ErrorMailboxStoreUnavailable",
                     "ErrorMailboxMoveInProgress"), ErrorKind.TRANSIENT),
    **dict.fromkeys(("ErrorInternalServerError", "InternalServerError", "generalException",
                     "ErrorTimeoutExpired", "GatewayTimeout"), ErrorKind.OUTCOME_UNKNOWN),
    **dict.fromkeys(("ErrorInvalidRecipients", "ErrorMailRecipientNotFound", "ErrorInvalidSmtpAddress",
                     "ErrorInvalidPropertyUpdateSentMessage", "RequestBodyRead", "ErrorInvalidRequest",
                     "ErrorInvalidParameter", "InvalidInternetMessageHeader", "ErrorMissingRecipients",
                     "ErrorInvalidInternetHeaderChildNodes"), ErrorKind.INVALID_INPUT),
    **dict.fromkeys(("ErrorMessageSizeExceeded", "ErrorQuotaExceeded", "RequestEntityTooLarge"),
                    ErrorKind.TOO_LARGE),
    **dict.fromkeys(("InvalidAuthenticationToken", "ErrorAuthenticationFailed"), ErrorKind.AUTH),
    # no right on the From mailbox (403; learn.microsoft.com/graph/outlook-send-mail-from-other-user, example
    # 2): repeating will not help, as EWS's ErrorSendAsDenied (app/mail/ews/errors.py)
    "ErrorSendAsDenied": ErrorKind.PERMANENT,
}
_KIND_BY_STATUS = {401: ErrorKind.AUTH, 404: ErrorKind.NOT_FOUND, 409: ErrorKind.STALE, 412: ErrorKind.STALE,
                   413: ErrorKind.TOO_LARGE, 429: ErrorKind.THROTTLED, 503: ErrorKind.THROTTLED,
                   500: ErrorKind.OUTCOME_UNKNOWN, 502: ErrorKind.OUTCOME_UNKNOWN, 504: ErrorKind.OUTCOME_UNKNOWN}
# The account's mailbox cannot be reached over Graph at all (e.g. hosted on-premises): not an item's fault.
ACCOUNT_CODES = {"MailboxNotEnabledForRESTAPI", "MailboxNotSupportedForRESTAPI", "ErrorNonExistentMailbox"}


def kind_for(code: str, status: int = 400) -> ErrorKind:
    """The backend-neutral kind of a Graph error code (its HTTP status decides for an unlisted code)."""
    if code in _KIND_BY_CODE:
        return _KIND_BY_CODE[code]
    return _KIND_BY_STATUS.get(status, ErrorKind.PERMANENT)


def retry_after(headers) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    value = (headers.get("Retry-After") or headers.get("retry-after") or "").strip() if headers else ""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    when = read_mail_date(value)  # the one date reader: an HTTP date with an hour of 9999999999 is None too
    return None if when is None else max(0.0, when.timestamp() - time.time())


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_body(body) -> tuple[str, str] | None:
    """(code, message) of Graph's error body (bytes, or an already parsed JSON value); None if it is not one."""
    doc = body
    if isinstance(body, (bytes, bytearray, str)):
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return None
    err = doc.get("error") if isinstance(doc, dict) else None
    if not isinstance(err, dict) or not isinstance(err.get("code"), str):
        return None
    msg = err.get("message")
    return err["code"], msg if isinstance(msg, str) else ""


def error_in_success(status: int, body) -> MalformedResponse | None:
    """A 2xx whose body is Graph's error object: done by its status, failed by its body (a mangling proxy).
    No entity, collection or $batch answer has an "error" member, so it is a damaged answer, never taken as
    done (a send's 202 body was not read at all: it passed as sent). None for any other answer."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return None
    code = server_reason(str(body["error"].get("code") or ""), 60)
    return MalformedResponse(f"The server answered HTTP {status} (done) with an error in it ({code})")


def from_response(status: int, headers, body) -> MailError:
    """The MailError for an HTTP answer with status >= 400 (``body``: bytes or a parsed JSON value)."""
    parsed = error_body(body)
    wait = retry_after(headers)
    if parsed is None:
        if status in (429, 503):
            return ServerBusy(f"HTTP {status}", retry_after=wait, code="ErrorServerBusy")
        if status == 401:
            return SignInNeeded(translate("MailErrors", "Microsoft 365 did not accept the sign-in (HTTP 401)"))
        return MalformedResponse(f"HTTP {status} with a body that is not Graph's error")
    code, message = parsed
    if status in (429, 503) or kind_for(code, status) == ErrorKind.THROTTLED:
        return ServerBusy(_short(message) or "The server is busy", retry_after=wait, code=code)
    if status == 401:
        return SignInNeeded(_short(message) or "The access token was refused")
    if code in ACCOUNT_CODES:
        return ServerFault(code, _short(message), kind=ErrorKind.PERMANENT)
    return ItemFailed(code, _short(message), kind=kind_for(code, status))


def transport_error(exc: BaseException, *, sent: bool | None = None) -> MailError:
    """An httpx exception -> MailError. ``sent``: False when the caller knows nothing left (None: tell from
    the exception: connecting failed -> nothing left; anything later -> it may have been processed)."""
    import httpx

    for e in _chain(exc):
        if isinstance(e, ssl.SSLCertVerificationError):
            return TlsFailed(f"The server's certificate was not accepted: {_short(str(e))}")
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)) \
            or sent is False:
        return ConnectionFailed(f"Could not connect to Microsoft Graph ({_short(str(exc) or type(exc).__name__)})")
    if isinstance(exc, httpx.DecodingError):
        return MalformedResponse(f"The server's reply could not be decoded ({_short(str(exc))})")
    if isinstance(exc, httpx.TimeoutException):
        return OutcomeUnknown("The server did not answer in time")
    if isinstance(exc, httpx.TransportError):
        return OutcomeUnknown(f"The connection dropped before the server answered ({_short(str(exc) or type(exc).__name__)})")
    return MalformedResponse(f"{type(exc).__name__}: {_short(str(exc), 150)}")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def outcome_ok(ref: ItemRef | None, status: OutcomeStatus) -> ItemOutcome:
    return ItemOutcome(ref=ref, status=status, code="NoError", message="", explanation=explain("NoError"))
