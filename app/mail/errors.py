"""Backend-neutral errors. Backends map their library's exceptions onto these (their base,
:class:`~app.domain.errors.MailError`, is the domain's: every layer catches it).

Every error carries:

- ``kind``: an :class:`ErrorKind` saying what the failure means (unreachable, throttled, outcome
  unknown, not found, stale, auth, TLS, invalid input, too large, permanent...). The backend sets it;
  ``app.core`` and ``app.ui`` decide on it alone.
- ``code``: the server's own code (EWS ``ResponseCode`` such as ``ErrorServerBusy``, later a Graph error
  code) or one of our ``Error*`` codes for transport failures. It is for display only
  (:func:`app.domain.explain.explain`), never for decisions.
"""

from __future__ import annotations

from app.domain.errors import MailError
from app.domain.explain import ews_blocked_message, server_reason
from app.domain.models import ErrorKind
from app.domain.words import translate

__all__ = [
    "ErrorKind", "MailError", "ConnectionFailed", "OutcomeUnknown", "AuthFailed", "SignInCancelled", "SignInNeeded",
    "needs_sign_in", "TlsFailed", "ServerBusy", "MalformedResponse", "ItemFailed", "ServerFault", "LocalDataFailed",
    "EWS_BLOCKED", "EwsBlocked", "is_ews_blocked", "SEND_AS_DENIED", "is_send_as_denied", "WrongAuthMethod",
    "WRONG_AUTH_METHOD", "NoKerberosTicket", "ExtendedProtectionMismatch",
]

# The code of :class:`EwsBlocked`: Exchange Online refuses EWS for this mailbox (the EWS retirement).
EWS_BLOCKED = "ErrorEwsBlockedUseGraph"


class ConnectionFailed(MailError):
    """The request did not reach the server (refused, DNS, reset before sending). Safe to retry."""

    default_kind = ErrorKind.UNREACHABLE

    def __init__(self, message: str = translate("MailErrors", "Could not reach the server"), **kw):
        super().__init__("ErrorConnectionFailed", message, **kw)


class OutcomeUnknown(MailError):
    """The request went out but no usable answer came back (dropped connection, timeout).

    For a non-idempotent operation (send) the caller must look the item up before trying again.
    """

    default_kind = ErrorKind.OUTCOME_UNKNOWN

    def __init__(self, message: str = translate("MailErrors", "The connection dropped before the server answered"), **kw):
        super().__init__("ErrorOutcomeUnknown", message, **kw)


class AuthFailed(MailError):
    default_kind = ErrorKind.AUTH

    def __init__(self, message: str = translate("MailErrors", "The server refused the user name or password"), **kw):
        super().__init__("ErrorAuthenticationFailed", message, **kw)


# the code of WrongAuthMethod
WRONG_AUTH_METHOD = "ErrorAuthMethodNotOffered"


class WrongAuthMethod(AuthFailed):
    """The server does not offer the method this account is set to (its 401's ``WWW-Authenticate``): a password
    sent as Basic to a server that asks for Windows sign-in, NTLM to a server that asks for a plain password.
    Asking for the password again would not help: switching the account to Automatic does. ``offered``: the
    server's methods, lower case ("negotiate", "ntlm", "basic")."""

    def __init__(self, offered: tuple[str, ...] = (), **kw):
        self.offered = tuple(offered)
        if set(self.offered) & {"negotiate", "ntlm"}:
            message = translate("MailErrors", "This server asks for Windows sign-in (NTLM/Kerberos), not a plain "
                                "password: switch the account to Automatic sign-in")
        else:
            message = translate("MailErrors", "This server asks for a plain password, not Windows sign-in: switch "
                                "the account to Automatic sign-in")
        MailError.__init__(self, WRONG_AUTH_METHOD, message, **kw)


class NoKerberosTicket(AuthFailed):
    """Kerberos was to be used (the server offers only Negotiate, or the account is set to Kerberos) but the user
    holds no ticket (``KRB5CCNAME``), or it expired: said with what to do."""

    CODE = "ErrorNoKerberosTicket"

    def __init__(self, expired: bool = False, **kw):
        self.expired = expired
        if expired:
            message = translate("MailErrors", "Your Kerberos ticket has expired: run kinit, or sign in to your "
                                "desktop session again")
        else:
            message = translate("MailErrors", "You have no Kerberos ticket: run kinit, or sign in to your desktop "
                                "session again")
        MailError.__init__(self, self.CODE, message, **kw)


class ExtendedProtectionMismatch(AuthFailed):
    """The server refused a valid Kerberos ticket bound to the TLS channel Dispatch sees: Extended Protection
    (channel binding) on the server does not match the certificate it presents here, as when a proxy
    terminates TLS in front of Exchange."""

    CODE = "ErrorExtendedProtection"

    def __init__(self, **kw):
        MailError.__init__(self, self.CODE, translate(
            "MailErrors", "The server refused a valid Kerberos ticket: its Extended Protection does not match the "
            "connection (a proxy that terminates TLS in front of Exchange?). Ask the administrator"), **kw)


class SignInCancelled(AuthFailed):
    """The user cancelled a browser sign-in (app/mail/graph/signin.py) while its listener waited
    (app/mail/graph/loopback.py)."""

    def __init__(self, message: str = translate("MailErrors", "Sign-in was cancelled"), **kw):
        super().__init__(message, **kw)


class SignInNeeded(AuthFailed):
    """An account that signs in with Microsoft 365 (OAuth: it has no password) must sign in again: Dispatch
    holds no sign-in for it, the sign-in expired or was revoked, or Graph refused its token. Kind AUTH (work
    waits for the sign-in, as for :class:`AuthFailed`), but said as what it is: never "user name or
    password", and the answer is the sign-in, not a password prompt."""

    CODE = "ErrorSignInRequired"

    def __init__(self, message: str = translate("MailErrors", "Sign in to Microsoft 365 again"), **kw):
        MailError.__init__(self, self.CODE, message, **kw)


def needs_sign_in(exc: BaseException | None) -> bool:
    """Is ``exc`` a Microsoft 365 account's lapsed sign-in?"""
    return isinstance(exc, MailError) and exc.code == SignInNeeded.CODE


class TlsFailed(MailError):
    """The server's certificate did not verify. ``fingerprint`` is its SHA-256 (hex with colons)."""

    default_kind = ErrorKind.TLS

    def __init__(self, message: str, fingerprint: str = "", **kw):
        super().__init__("ErrorTLS", message, **kw)
        self.fingerprint = fingerprint


class ServerBusy(MailError):
    """Throttled (ErrorServerBusy with BackOffMilliseconds, or HTTP 503 with Retry-After)."""

    default_kind = ErrorKind.THROTTLED

    def __init__(self, message: str = translate("MailErrors", "The server is busy"), *, retry_after: float | None = None,
                 code="ErrorServerBusy", kind: ErrorKind | None = None):
        super().__init__(code, message, retry_after=retry_after, kind=kind)


class MalformedResponse(MailError):
    """The server answered, but not with a readable reply (HTML error page, truncated XML...).

    The request may have been processed: its outcome is unknown.
    """

    default_kind = ErrorKind.OUTCOME_UNKNOWN

    def __init__(self, message: str = translate("MailErrors", "The server sent a reply that could not be read"), **kw):
        super().__init__("ErrorMalformedResponse", message, **kw)


class ItemFailed(MailError):
    """A per-item error reported by the server; the backend passes the ``kind`` its code means."""


class ServerFault(MailError):
    """A whole-request error with a response code (SOAP fault); the backend passes its ``kind``."""


class DirectoryNotGranted(MailError):
    """The organisation has not granted the app the permission the address book needs (Graph 403
    ``Authorization_RequestDenied`` on ``/users`` or ``/groups``: ``User.ReadBasic.All`` or ``GroupMember.Read.All``
    not consented; EWS ``ErrorAccessDenied`` on a directory call). ``scope`` names the permission missing ("" when
    the server did not say). ``can_ask``: nobody has consented yet, so the user may be asked in a sign-in for just that
permission (GraphSignIn.begin_asking). Nothing else is wrong: suggestions from known addresses still work."""

    default_kind = ErrorKind.PERMANENT

    def __init__(self, message: str = translate("MailErrors", "Your organisation has not allowed Dispatch to read its address book"),
                 *, scope: str = "", code: str = "ErrorAccessDenied", can_ask: bool = False, **kw):
        super().__init__(code, message, **kw)
        self.scope = scope
        self.can_ask = can_ask


class LocalDataFailed(MailError):
    """Dispatch's own data folder could not be used (not writable, not a folder, full): nothing reached
    a server, and trying again will not help until the user fixes the folder."""

    default_kind = ErrorKind.LOCAL

    def __init__(self, message: str, **kw):
        super().__init__("ErrorLocalData", message, **kw)


class ClientClosed(MailError):
    """The account's connection was closed (the window quit, the account changed) before this call could
    start: nothing was asked of the server."""

    default_kind = ErrorKind.LOCAL

    def __init__(self, message: str = translate("MailErrors", "The account was closed before this could be asked of the server"), **kw):
        super().__init__("ErrorCancelled", message, **kw)


class EwsBlocked(MailError):
    """Exchange Online refuses EWS for this mailbox (EwsEnabled false, an EWS application policy, the 2026
    EWS retirement): the same address must be used through Microsoft Graph from now on.

    Kind AUTH: the core PARKS the work (app/core/outbox/policy.py) until the user signs in again, this time with
    Microsoft 365; nothing is failed or dropped. Not an :class:`AuthFailed`: asking for the password again
    would not help. ``address`` is the mailbox; ``reason`` the server's own words, sanitised and capped
    (untrusted data)."""

    default_kind = ErrorKind.AUTH

    def __init__(self, address: str = "", reason: str = "", **kw):
        self.address = address or ""
        self.reason = server_reason(reason)
        super().__init__(EWS_BLOCKED, ews_blocked_message(self.address, self.reason), **kw)


def is_ews_blocked(exc: BaseException | None) -> bool:
    """True when ``exc`` (a MailError, or anything carrying its ``code``) says EWS is blocked for the
    mailbox and Graph sign-in is the way on."""
    return isinstance(exc, EwsBlocked) or getattr(exc, "code", None) == EWS_BLOCKED


# Exchange's code for a From the signed-in user may not send as (EWS ResponseCode; Graph's error.code)
SEND_AS_DENIED = "ErrorSendAsDenied"


def is_send_as_denied(exc) -> bool:
    """True when ``exc`` (a MailError, an ItemOutcome, anything carrying Exchange's ``code``) says the server
    refused the message's From: the user holds neither Send As nor Send on Behalf for it. Kind PERMANENT (a
    retry cannot help); this only says *where* the composer shows it: at From."""
    return getattr(exc, "code", None) == SEND_AS_DENIED
