"""Who is asking: the context every mailbox operation runs in, whatever the protocol."""

from __future__ import annotations

from dataclasses import dataclass

from . import folder_rights
from .errors import ACCESS_DENIED, MailboxError
from .permissions import has_right


@dataclass
class Ctx:
    sandbox: object  # the Sandbox (users, store, limits)
    user: dict  # the signed-in user: {email, username, password, name}
    version: str = ""  # the protocol's requested version (EWS: RequestServerVersion); "" where there is none
    #: the signed-in user when it works in ``user``'s mailbox with Full Access (Graph's /users/{principal}/...:
    #: ``user`` is the mailbox, ``actor`` who sends); None when the mailbox is the signed-in user's own
    actor: dict | None = None

    @property
    def acting(self) -> dict:
        """Who is signed in: the one whose rights a send is checked against, and its Sender."""
        return self.actor or self.user

    @property
    def store(self):
        return self.sandbox.store

    @property
    def email(self) -> str:
        return self.user["email"].lower()


def mailbox_of(ctx: Ctx, address: str | None) -> str:
    """The mailbox an operation names (its own when none), lower-cased; an address without a mailbox is
    ErrorNonExistentMailbox. No access check."""
    if not address:
        return ctx.email
    addr = address.strip().lower()
    if addr.startswith("smtp:"):
        addr = addr[5:]
    if addr != ctx.email and ctx.sandbox.user_by_email(addr) is None:
        raise MailboxError("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.")
    return addr


def check_mailbox(ctx: Ctx, address: str | None) -> str:
    """The mailbox an operation names (its own when none): another user's is ErrorAccessDenied unless that
    user granted this one Full Access (core/permissions.py), an address without a mailbox
    ErrorNonExistentMailbox."""
    addr = mailbox_of(ctx, address)
    if addr == ctx.email or has_right(ctx.sandbox.user_by_email(addr), ctx.email, "full_access"):
        return addr
    raise MailboxError("ErrorAccessDenied", ACCESS_DENIED)


def check_folder(ctx: Ctx, mailbox: str, key: str, need: str) -> None:
    """Whether ctx's user may do what ``need`` names (folder_rights.NEEDS: visible, read, create, edit, ...) in
    the folder ``key`` of ``mailbox``: its own mailbox, Full Access to that mailbox, or the folder's permissions
   . Else ErrorAccessDenied."""
    if mailbox == ctx.email or has_right(ctx.sandbox.user_by_email(mailbox), ctx.email, "full_access"):
        return
    if not folder_rights.allows(ctx.store.folder_permissions(mailbox, key), ctx.email, need):
        raise MailboxError("ErrorAccessDenied", ACCESS_DENIED)
