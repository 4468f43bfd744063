"""Backend-neutral errors. Backends map their library's exceptions onto these.

Every error carries ``code``: the server's ResponseCode when there is one (``ErrorServerBusy``...), or
one of our own ``Error*`` codes for transport failures, so the UI can explain it in plain words
(:func:`app.domain.explain.explain`).
"""

from __future__ import annotations


class MailError(Exception):
    """Base class. ``retryable``: the same request may be repeated safely and may succeed later."""

    retryable = False

    def __init__(self, code: str, message: str = "", *, retry_after: float | None = None):
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.retry_after = retry_after


class ConnectionFailed(MailError):
    """The request did not reach the server (refused, DNS, reset before sending). Safe to retry."""

    retryable = True

    def __init__(self, message: str = "Could not reach the server", **kw):
        super().__init__("ErrorConnectionFailed", message, **kw)


class OutcomeUnknown(MailError):
    """The request went out but no usable answer came back (dropped connection, timeout).

    For a non-idempotent operation (send) the caller must look the item up before trying again.
    """

    def __init__(self, message: str = "The connection dropped before the server answered", **kw):
        super().__init__("ErrorOutcomeUnknown", message, **kw)


class AuthFailed(MailError):
    def __init__(self, message: str = "The server refused the user name or password", **kw):
        super().__init__("ErrorAuthenticationFailed", message, **kw)


class TlsFailed(MailError):
    """The server's certificate did not verify. ``fingerprint`` is its SHA-256 (hex with colons)."""

    def __init__(self, message: str, fingerprint: str = "", **kw):
        super().__init__("ErrorTLS", message, **kw)
        self.fingerprint = fingerprint


class ServerBusy(MailError):
    """Throttled (ErrorServerBusy with BackOffMilliseconds, or HTTP 503 with Retry-After)."""

    retryable = True

    def __init__(self, message: str = "The server is busy", *, retry_after: float | None = None, code="ErrorServerBusy"):
        super().__init__(code, message, retry_after=retry_after)


class MalformedResponse(MailError):
    """The server answered, but not with readable EWS (HTML error page, truncated XML...).

    The request may have been processed: treat like ``OutcomeUnknown`` for sends.
    """

    def __init__(self, message: str = "The server sent a reply that could not be read", **kw):
        super().__init__("ErrorMalformedResponse", message, **kw)


class ItemFailed(MailError):
    """A per-item error reported by the server (ResponseClass="Error")."""


class ServerFault(MailError):
    """A SOAP fault or other whole-request error with a response code."""
