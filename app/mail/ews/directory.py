"""The address book over EWS, by exchangelib's own calls (app/mail/service.py: search_directory, group_members).

- Search: ResolveNames with ``ReturnFullContactData`` (``protocol.resolve_names(..., return_full_contact_data=True)``),
  in its default scope ActiveDirectoryContacts: the organisation's directory, then the user's own contacts. Each
  candidate is a Mailbox and a Contact (name, address, title, department, office, phone, company). Its
  MailboxType says the kind: PublicDL / PrivateDL (and an Office 365 GroupMailbox) a group, Contact (or a contact
  of the Store) one of the user's own. Exchange says nothing here of rooms or shared mailboxes: they are people.
  ResolveNames answers at most 100 candidates and has no paging ("If more than 100 matches are found, only the
  first 100 ...", learn.microsoft.com/exchange/client-developer/web-service-reference/resolvenames-operation).
- Members: ExpandDL (``protocol.expand_dl``), one level: a nested group is a PublicDL mailbox, expanded by asking
  again. ExpandDL has no paging either: the whole list comes in one answer.
- Neither call pages on the server, so a page is cut here: ``more`` is the offset of the next entry (the next page
  asks the same question again and cuts further on), "" once the server's answer is exhausted. ResolveNames' 100
  stays its limit: a search finds no more than its first 100 candidates.
- FindPeople (the GAL, Exchange 2013 and later) is not used: exchangelib writes it with a ``Traversal`` attribute
  that messages.xsd does not allow on FindPeople, and the server refuses it (ErrorSchemaValidation).
- ErrorAccessDenied on either call: :class:`DirectoryNotGranted`.
- The groups of a page get their size and whether the user may write to them from one GetMailTips
  (mailtips.py); without an answer they stay without.
"""

from __future__ import annotations

from exchangelib.errors import EWSError, ErrorAccessDenied, ErrorNameResolutionNoResults
from exchangelib.properties import DLMailbox, Mailbox

from app.domain.directory import DirectoryEntry, DirectoryPage, EntryKind, group_addresses, with_tips
from app.mail.errors import DirectoryNotGranted, ErrorKind, ItemFailed
from app.mail.ews.errors import code_and_text, kind_for_code
from app.mail.ews.mailtips import group_tips

GROUP_TYPES = ("PublicDL", "PrivateDL", "GroupMailbox")
CONTACT_TYPES = ("Contact", "OneOff")
PHONE_LABELS = ("BusinessPhone", "BusinessPhone2", "CompanyMainPhone", "MobilePhone")


def search(account, text: str, *, limit: int, page: str = "") -> DirectoryPage:
    """One page of ResolveNames' candidates for ``text`` (module docstring)."""
    _ = account.version  # resolve_names as the very first call with no version crashes otherwise
    try:
        found = account.protocol.resolve_names([text], return_full_contact_data=True)
    except ErrorAccessDenied as exc:
        raise DirectoryNotGranted(code="ErrorAccessDenied") from exc
    entries = []
    for result in found:
        if isinstance(result, ErrorNameResolutionNoResults):
            continue
        _raise(result)
        mailbox, contact = result if isinstance(result, tuple) else (result, None)
        if isinstance(mailbox, Mailbox) and mailbox.email_address:
            entries.append(_entry(mailbox, contact))
    found_page = _page(_unique(entries), limit, page)
    return with_tips(found_page, group_tips(account, group_addresses(found_page)))


def members(account, group: DirectoryEntry, *, limit: int, page: str = "") -> DirectoryPage:
    """One page of the group's direct members by ExpandDL (module docstring)."""
    _ = account.version
    address = group.key or group.email
    try:
        found = account.protocol.expand_dl(DLMailbox(email_address=address, mailbox_type="PublicDL"))
    except ErrorAccessDenied as exc:
        raise DirectoryNotGranted(code="ErrorAccessDenied") from exc
    except ErrorNameResolutionNoResults as exc:  # Exchange's answer for an address that is no group
        raise ItemFailed("ErrorNameResolutionNoResults", "This address is not a group the directory knows",
                         kind=ErrorKind.NOT_FOUND) from exc
    entries = []
    for result in found:
        _raise(result)
        if isinstance(result, Mailbox) and result.email_address:
            entries.append(_entry(result, None))
    return _page(entries, limit, page)


def _raise(result) -> None:
    if isinstance(result, ErrorAccessDenied):
        raise DirectoryNotGranted(code="ErrorAccessDenied")
    if isinstance(result, EWSError):
        code, text = code_and_text(result)
        raise ItemFailed(code, text, kind=kind_for_code(code))


def _kind(mailbox: Mailbox, contact) -> EntryKind:
    if mailbox.mailbox_type in GROUP_TYPES:
        return EntryKind.GROUP
    if mailbox.mailbox_type in CONTACT_TYPES or getattr(contact, "contact_source", None) == "Store":
        return EntryKind.CONTACT
    return EntryKind.PERSON


def _entry(mailbox: Mailbox, contact) -> DirectoryEntry:
    address = mailbox.email_address
    name = (getattr(contact, "display_name", None) or mailbox.name or address).strip()
    return DirectoryEntry(
        name=name, email=address, kind=_kind(mailbox, contact), title=_text(contact, "job_title"),
        department=_text(contact, "department"), office=_text(contact, "office"), phone=_phone(contact),
        company=_text(contact, "company_name"), key=address)


def _text(contact, field: str) -> str:
    value = getattr(contact, field, None) if contact is not None else None
    return value.strip() if isinstance(value, str) else ""


def _phone(contact) -> str:
    numbers = {p.label: p.phone_number for p in (getattr(contact, "phone_numbers", None) or []) if p.phone_number}
    return next((numbers[label] for label in PHONE_LABELS if label in numbers), "")


def _unique(entries: list[DirectoryEntry]) -> list[DirectoryEntry]:
    """The first entry of each address (a person both in the directory and among the user's contacts)."""
    seen: set[str] = set()
    out = []
    for e in entries:
        if e.email.lower() not in seen:
            seen.add(e.email.lower())
            out.append(e)
    return out


def offset_of(page: str) -> int:
    """A former page's ``more``: the offset it names. ValueError for anything this module did not write."""
    if page == "":
        return 0
    if not page.isdigit() or len(page) > 6:
        raise ValueError("This is not a page of the address book that Exchange answered")
    return int(page)


def _page(entries: list[DirectoryEntry], limit: int, page: str) -> DirectoryPage:
    start, limit = offset_of(page), max(1, int(limit))
    stop = start + limit
    return DirectoryPage(entries[start:stop], str(stop) if stop < len(entries) else "")
