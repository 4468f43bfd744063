"""Recognising Exchange Online's refusal of EWS (EwsEnabled false, EWS application policies, the EWS
retirement), so that the user is told what happened and offered Microsoft Graph for the same address.

What Exchange Online answers (researched 2026-11-23):

- Microsoft's "Control access to EWS in Exchange", section "Understand HTTP 403 responses in Exchange
  Online" (learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/
  how-to-control-access-to-ews-in-exchange; source MicrosoftDocs/office-developer-exchange-docs,
  docs/exchange-web-services/how-to-control-access-to-ews-in-exchange.md): a request blocked by the EWS
  access controls gets **HTTP 403 Forbidden** with the reason in the **``X-EWS-Policy-Reason``** response
  header; "applications should inspect this header rather than rely on an error message in the response
  body". Two values: ``EWS is disabled for this user or tenant`` (EwsEnabled false for the mailbox or the
  organisation) and ``EWS is blocked by policy for this user or tenant`` (EwsAllowedAppIDs, or a
  User-Agent EwsApplicationAccessPolicy allow/block list). The same page warns that a 403 alone does not
  establish a block: other restrictions answer 403 too.
- The body is not documented. Reports of policy 403s from outlook.office365.com show an empty body
  (ecederstrand/exchangelib#1324: 403, ``Transfer-Encoding: chunked``, no content;
  David-Barrett-MS/PowerShell-EWS-Scripts#62: "403 is policy block, likely an app policy").
- The retirement timeline (Exchange Team blog "Exchange Online EWS, your time is almost up", MC1015893 and
  the coverage of it, e.g. petri.com/exchange-online-ews-allow-list-retirement): from 1 October 2026
  tenants whose EwsEnabled is unset are switched to False (all EWS blocked), EwsEnabled True admits only
  the apps in EwsAllowedAppIDs; on 1 April 2027 EWS in Exchange Online is switched off for good. Since
  April 2025 EWS is allowed only when both the organisation and the mailbox allow it.

What is recognised here, therefore:

1. HTTP 403 carrying ``X-EWS-Policy-Reason`` (the documented form), or another ``X-EWS-...`` header whose
   name speaks of a policy, reason or block (a later spelling). Its value is the reason shown.
2. Not found in any source, handled in case: a SOAP error ``ErrorAccessDenied`` (or
   ``ErrorNoRespondingCASInDestinationSite``) whose message says EWS is disabled / blocked / not allowed.
   Only such a message counts: a plain ErrorAccessDenied (no permission on a folder) stays what it was.
A 403 without such a header stays an unreadable answer (MalformedResponse), as before.
"""

from __future__ import annotations

import re

from exchangelib.errors import EWSError

# the documented header (Microsoft: "Understand HTTP 403 responses in Exchange Online")
POLICY_REASON_HEADER = "X-EWS-Policy-Reason"
# the header's documented values
REASON_DISABLED = "EWS is disabled for this user or tenant"
REASON_POLICY = "EWS is blocked by policy for this user or tenant"

_LIKE_HEADER = re.compile(r"x-ews-[\w-]*(polic|reason|block)", re.I)
# SOAP codes that, with an "EWS is disabled/blocked" message, mean the same refusal (undocumented)
SOAP_CODES = frozenset({"ErrorAccessDenied", "ErrorNoRespondingCASInDestinationSite"})
_SOAP_TEXT = re.compile(
    r"(\bEWS\b|Exchange Web Services)[^.]{0,80}?\b(disabled|blocked|not (enabled|allowed|permitted)|retired)\b"
    r"|\b(disabled|blocked)\b[^.]{0,40}?(\bEWS\b|Exchange Web Services)", re.I)


class EwsPolicyRefusal(EWSError):
    """Raised by the connection's retry policy for a 403 that carries the policy reason header; mapped to
    :class:`app.mail.errors.EwsBlocked` by ``map_error``. ``reason``: the header's value, raw."""

    def __init__(self, reason: str, address: str = ""):
        super().__init__(f"EWS refused by policy: {reason[:200]}")
        self.reason = reason
        self.address = address


def policy_reason(status: int, headers) -> str | None:
    """The reason a 403 answer gives for blocking EWS, or None when it is not such an answer. ``headers``:
    a case-insensitive mapping (requests' ``response.headers``)."""
    if status != 403:
        return None
    value = headers.get(POLICY_REASON_HEADER)
    if value is not None:
        return value
    for name, value in headers.items():
        if _LIKE_HEADER.match(name):
            return value
    return None


def soap_says_blocked(code: str, text: str) -> bool:
    """A SOAP error code + message that says EWS itself is disabled or blocked for the mailbox."""
    return code in SOAP_CODES and bool(_SOAP_TEXT.search(text or ""))
