"""The organisation's address book as the app sees it, whatever the backend: an entry (a person, a group, a room,
a shared mailbox, one of the user's own contacts) and a page of them.

The backends fill these from the server's own search (EWS ResolveNames/ExpandDL; Graph ``/users``, ``/groups``,
``/me/people``, ``/me/contacts``, ``/groups/{id}/members``); nothing here talks to a server.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from app.domain.models import Recipient


class EntryKind(str, enum.Enum):
    PERSON = "person"  # a user of the organisation
    GROUP = "group"  # a distribution list or a mail-enabled group: it has members
    ROOM = "room"  # a room (or other resource) mailbox
    SHARED = "shared"  # a shared mailbox
    CONTACT = "contact"  # one of the user's own contacts, or a mail contact of the organisation


@dataclass(frozen=True)
class DirectoryEntry:
    """One entry. ``key`` is what the backend needs to read a group's members again (Graph: the group's id; EWS: its
    address); ``member_count`` and ``may_send`` are None where the server did not say."""

    name: str
    email: str
    kind: EntryKind = EntryKind.PERSON
    title: str = ""
    department: str = ""
    office: str = ""
    phone: str = ""
    company: str = ""
    key: str = ""
    member_count: int | None = None
    may_send: bool | None = None

    def __post_init__(self):
        object.__setattr__(self, "kind", EntryKind(self.kind))

    def recipient(self) -> Recipient:
        return Recipient(email=self.email, name=self.name if self.name.lower() != self.email.lower() else "")

    @property
    def is_group(self) -> bool:
        return self.kind == EntryKind.GROUP


@dataclass(frozen=True)
class DirectoryPage:
    """Entries in the server's order, and ``more``: an opaque token for the next page ("" when there is none).
    ``not_granted``: a permission the organisation withholds that kept part of a search out (Graph's groups without
    GroupMember.Read.All: the page holds the people and users found), "" when nothing was kept out; ``can_ask``:
    the user may be asked for it in a sign-in (nobody has refused it yet)."""

    entries: tuple[DirectoryEntry, ...] = ()
    more: str = ""
    not_granted: str = ""
    can_ask: bool = False

    def __post_init__(self):
        object.__setattr__(self, "entries", tuple(self.entries))


# What the server's MailTips say of a group, by its address (lower case): (member_count, may_send), None where
# it did not say.
GroupTips = dict[str, tuple[int | None, bool | None]]


def group_addresses(page: DirectoryPage) -> list[str]:
    """The addresses of the page's groups, in its order, each once."""
    return list(dict.fromkeys(e.email for e in page.entries if e.is_group))


def with_tips(page: DirectoryPage, tips: GroupTips) -> DirectoryPage:
    """``page`` with each group's ``member_count`` and ``may_send`` from ``tips`` (a group without tips as it was)."""
    def filled(e: DirectoryEntry) -> DirectoryEntry:
        count, may_send = tips.get(e.email.lower(), (None, None)) if e.is_group else (None, None)
        if count is None and may_send is None:
            return e
        return replace(e, member_count=e.member_count if count is None else count,
                       may_send=e.may_send if may_send is None else may_send)
    return replace(page, entries=tuple(filled(e) for e in page.entries))
