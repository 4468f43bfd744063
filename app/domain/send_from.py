"""The account's list of mailboxes it sends from, as the user edits it: what an entry may be.

Pure data: no Qt. The list itself is ``AccountConfig.principals`` (app/domain/senders.py)."""

from __future__ import annotations

from app.domain.senders import Principal, SendRight
from app.domain.validation import is_valid_address
from app.domain.words import translate

# a longer display name is cut (it is only shown, in the From selector and the .eml's From)
MAX_NAME = 256


def principal_problem(address: str, own: str, listed: list[Principal]) -> str | None:
    """Why ``address`` cannot be added to the account whose own address is ``own`` and whose list is
    ``listed`` (None: it can)."""
    addr = address.strip()
    if not addr:
        return translate("Senders", "Enter the mailbox's e-mail address.")
    if not is_valid_address(addr):
        return translate("Validation", "“{address}” is not a valid e-mail address.").format(address=addr[:80])
    if addr.lower() == own.strip().lower():
        return translate("Senders", "That is this account's own address: it is always in the From list.")
    if any(p.email.strip().lower() == addr.lower() for p in listed):
        return translate("Senders", "{address} is already in the list.").format(address=addr)
    return None


def new_principal(address: str, name: str, right: SendRight) -> Principal:
    """The entry as typed, tidied: the address without spaces around it, the name on one line."""
    return Principal(address.strip(), " ".join(name.split())[:MAX_NAME], SendRight(right))
