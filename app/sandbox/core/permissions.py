"""Delegate rights between sandbox mailboxes: Full Access, Send As and Send on Behalf.

Exchange keeps each right on the *principal's* mailbox, naming the trustees (``Add-MailboxPermission
-AccessRights FullAccess``, ``Add-RecipientPermission -AccessRights SendAs``, ``Set-Mailbox
-GrantSendOnBehalfTo``), and so does the sandbox's user data::

    {"email": "desk@example.com", "name": "Shared Desk", "password": "...",
     "full_access": ["alice@example.com"], "send_as": ["alice@example.com"], "send_on_behalf": ["bob@example.com"]}

When a trustee has both Send As and Send on Behalf, Exchange sends as (Send As wins): the message carries no
"on behalf of". Pure functions over the users' dicts, for both protocols.
"""

from __future__ import annotations

RIGHTS = ("full_access", "send_as", "send_on_behalf")


def norm_rights(u: dict) -> dict:
    """The three trustee lists of a user's data, lower-cased (missing ones empty)."""
    out = {}
    for right in RIGHTS:
        names = u.get(right) or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"{u.get('email')}: {right!r} must be a list of addresses")
        out[right] = [n.strip().lower() for n in names]
    return out


def has_right(principal: dict | None, trustee: str, right: str) -> bool:
    """Whether ``trustee`` (an address) holds ``right`` on the ``principal`` user's mailbox."""
    return principal is not None and trustee.strip().lower() in (principal.get(right) or [])


def sending_right(sandbox, user: dict, from_address: str | None) -> str | None:
    """How ``user`` may send a message whose From is ``from_address``: "self" (own address, or none given),
    "send_as", "send_on_behalf", or None (refused: ErrorSendAsDenied)."""
    if not from_address or from_address.strip().lower() == user["email"].lower():
        return "self"
    principal = sandbox.user_by_email(from_address.strip())
    for right in ("send_as", "send_on_behalf"):
        if has_right(principal, user["email"], right):
            return right
    return None
