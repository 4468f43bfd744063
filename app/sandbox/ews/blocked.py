"""Exchange Online's refusal of EWS for a mailbox (EwsEnabled false, an EWS application policy, the EWS
retirement from October 2026), as the sandbox serves it for a user whose ``"ews"`` setting is False or
"policy" (``Sandbox(users=[{..., "ews": False}])``, ``--users`` file, or ``Sandbox.set_ews`` at runtime).

What Exchange Online answers, per Microsoft's "Control access to EWS in Exchange", section "Understand
HTTP 403 responses in Exchange Online" (learn.microsoft.com/en-us/exchange/client-developer/
exchange-web-services/how-to-control-access-to-ews-in-exchange): HTTP 403 Forbidden, the reason in the
``X-EWS-Policy-Reason`` header, one of two values (below), and applications are told to read the header,
not the body. The body is undocumented; policy 403s reported from outlook.office365.com carry none
(ecederstrand/exchangelib#1324), so the sandbox sends none: ``Content-Length: 0``, no SOAP envelope (the
wire validator skips an empty body, as it has nothing to check). The refusal comes after authentication
(a wrong password still gets 401) and before the request is parsed or run: nothing is saved or sent.
"""

from __future__ import annotations

HEADER = "X-EWS-Policy-Reason"
#: EwsEnabled false for the mailbox or the organisation
DISABLED = "EWS is disabled for this user or tenant"
#: EwsAllowedAppIDs, or a User-Agent EwsApplicationAccessPolicy allow/block list
POLICY = "EWS is blocked by policy for this user or tenant"
#: request_log entry of a refused request
LOGGED = "(ews blocked)"


def ews_setting(value) -> bool | str:
    """A user's "ews" setting, checked: True (allowed), False (disabled) or "policy" (blocked by policy)."""
    if value is True or value is False or value == "policy":
        return value
    raise ValueError(f'"ews" must be true, false or "policy", not {value!r}')


def reason_for(user: dict) -> str | None:
    """The X-EWS-Policy-Reason this user's EWS requests get, None when EWS is allowed."""
    setting = user.get("ews", True)
    if setting is True:
        return None
    return POLICY if setting == "policy" else DISABLED


def refuse(h, user: dict) -> bool:
    """Answer ``h``'s request with Exchange Online's EWS block when ``user`` is blocked; True if answered."""
    reason = reason_for(user)
    if reason is None:
        return False
    h.sb.log_op(LOGGED)
    h.send_empty(403, [(HEADER, reason), ("Cache-Control", "private")])
    return True
