"""Which method signs in to this Exchange server, and what its refusals mean.

- **Automatic** (``AuthType.AUTOMATIC``) follows the server's offer. exchangelib asks its Protocol's public
  ``get_auth_type()`` when a Configuration has no ``auth_type`` (its own ``get_service_authtype`` knows NTLM and
  Basic, never Negotiate): ours (:func:`probe`) sends one unauthenticated POST, reads the 401's
  ``WWW-Authenticate`` offers (IIS sends one header per provider: Negotiate, NTLM, Basic), and :func:`choose`
  takes Negotiate with the user's Kerberos ticket (``KRB5CCNAME``; no password), then NTLM, then Basic. The
  endpoint passed :func:`app.domain.validation.check_ews_url` before: no password over plain http to another host.
- **Kerberos** is requests_gssapi's ``HTTPSPNEGOAuth`` (exchangelib's own GSSAPI type), bound to the TLS channel
  over https (``channel_bindings="tls-server-end-point"``: Extended Protection; exchangelib's instance sends none).
- **A 401** becomes :class:`Refused`, carrying the scheme Dispatch sent and the schemes the server offers, so that
  the error mapping (errors.py, :func:`refusal`) can tell a wrong password from a method the server does not offer,
  a missing ticket, or a valid ticket refused (Extended Protection) - never "unreadable reply".
"""

from __future__ import annotations

from exchangelib import BASIC, GSSAPI, NTLM
from exchangelib.errors import UnauthorizedError

from app.domain.words import translate
from app.mail.errors import AuthFailed, ExtendedProtectionMismatch, MailError, WrongAuthMethod
from app.mail.ews.kerberos import kerberos_problem

# the schemes Dispatch knows in a WWW-Authenticate (lower case)
KNOWN_SCHEMES = ("negotiate", "ntlm", "basic")
# exchangelib's auth type -> the name kept with the account (AccountConfig.auth_used)
USED_NAMES = {GSSAPI: "kerberos", NTLM: "ntlm", BASIC: "basic"}


class Refused(UnauthorizedError):
    """HTTP 401: ``sent`` the scheme of the Authorization Dispatch sent ("" none), ``offered`` the server's."""

    def __init__(self, url: str, sent: str, offered: tuple[str, ...], https: bool):
        super().__init__(f"HTTP 401 from {url}")
        self.sent, self.offered, self.https = sent, offered, https


def offered(response) -> tuple[str, ...]:
    """The schemes of a reply's ``WWW-Authenticate`` headers, in the server's order (requests joins repeated
    headers with commas; each part's first word is a scheme or a parameter, and only known schemes are kept)."""
    raw = getattr(response, "raw", None)
    headers = getattr(raw, "headers", None)
    values = headers.getlist("WWW-Authenticate") if hasattr(headers, "getlist") else [
        response.headers.get("WWW-Authenticate", "")]
    schemes: list[str] = []
    for value in values:
        for part in value.split(","):
            word = part.strip().split(" ", 1)[0].lower()
            if word in KNOWN_SCHEMES and word not in schemes:
                schemes.append(word)
    return tuple(schemes)


def sent_scheme(response) -> str:
    """The scheme of the Authorization header the request that got ``response`` carried ("" none)."""
    request = getattr(response, "request", None)
    value = request.headers.get("Authorization", "") if request is not None else ""
    return value.split(" ", 1)[0].lower()


def refused(response) -> Refused:
    url = response.url or ""
    return Refused(url, sent_scheme(response), offered(response), url.lower().startswith("https:"))


def choose(offers: tuple[str, ...], password: str) -> str:
    """exchangelib's auth type for the server's ``offers``: Negotiate with a ticket, NTLM, Basic (the last two
    only with a password); else the reason, raised (no ticket, or no method Dispatch can use)."""
    problem = kerberos_problem() if "negotiate" in offers else None
    if "negotiate" in offers and problem is None:
        return GSSAPI
    if "ntlm" in offers and password:
        return NTLM
    if "basic" in offers and password:
        return BASIC
    if problem is not None:
        raise problem
    if "ntlm" in offers or "basic" in offers:  # a password method, and no password
        raise AuthFailed(translate("MailErrors", "The server asks for a password (NTLM or Basic), and none was "
                                   "given"))
    raise WrongAuthMethod(offers)


def kerberos_session_auth(endpoint: str):
    """requests_gssapi's SPNEGO auth, bound to the TLS channel over https (Extended Protection)."""
    from requests_gssapi import HTTPSPNEGOAuth

    https = endpoint.lower().startswith("https:")
    return HTTPSPNEGOAuth(channel_bindings="tls-server-end-point" if https else None)


def refusal(exc: Refused) -> MailError:
    """What a 401 means: the server does not offer the method sent; no (or an expired) ticket; a valid ticket
    refused over https (Extended Protection); else the user name or password."""
    if exc.offered and exc.sent not in exc.offered:  # none sent: the library found its method not offered
        return WrongAuthMethod(exc.offered)
    if exc.sent == "negotiate":
        problem = kerberos_problem()
        if problem is not None:
            return problem
        if exc.https:
            return ExtendedProtectionMismatch()
    return AuthFailed()


def library_refusal(exc: BaseException) -> MailError | None:
    """requests_gssapi could not make a token (no ticket, an unknown service) or the server's mutual
    authentication failed; requests_ntlm found no NTLM challenge in a 401. None for anything else."""
    module = type(exc).__module__ or ""
    if module.startswith("requests_gssapi"):
        return kerberos_problem() or AuthFailed()
    if isinstance(exc, PermissionError) and "NTLM" in str(exc):
        return WrongAuthMethod(("basic",))
    return None
