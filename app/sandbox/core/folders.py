"""Folder rules, protocol-neutral (MS-OXWSFOLD's, which Graph's mailFolder operations share): create,
delete, empty, change, move and copy folders of one mailbox. Every failure is a MailboxError with
Exchange's code; the front ends parse their requests into these calls and render the rows they return."""

from __future__ import annotations

from . import items
from .errors import MailboxError
from .session import Ctx

EXISTS = "A folder with the specified name already exists."
NOT_EMPTIABLE = ("root", "msgfolderroot")
#: Where each way of deleting puts a folder's items (None: gone).
ITEMS_TO = {"HardDelete": None, "SoftDelete": "recoverableitemsdeletions", "MoveToDeletedItems": "deleteditems"}


def check_free(ctx: Ctx, mailbox: str, parent: str, name: str, skip: str | None = None):
    """ErrorFolderExists when ``parent`` has a folder named ``name`` (case-insensitive) other than ``skip``."""
    for kid in ctx.store.subfolders(mailbox, parent):
        if kid["key"] != skip and kid["name"].lower() == name.lower():
            raise MailboxError("ErrorFolderExists", EXISTS)


def create(ctx: Ctx, mailbox: str, parent: str, name: str, klass: str | None) -> dict:
    name = (name or "").strip()
    if not name:
        raise MailboxError("ErrorInvalidRequest", "A folder needs a DisplayName.")
    check_free(ctx, mailbox, parent, name)
    return ctx.store.add_folder(mailbox, parent, name, klass)


def protect(row: dict, distinguished_code: str, system_code: str, what: str):
    """A distinguished folder, or one of the store's own, stays: ``distinguished_code`` / ``system_code``."""
    if row["distinguished"]:
        raise MailboxError(distinguished_code, f"Distinguished folders cannot be {what}.")
    if row["system"]:
        raise MailboxError(system_code, f"This folder belongs to the mailbox and cannot be {what}.")


def dispose(ctx: Ctx, mailbox: str, row: dict, how: str):
    """Delete one folder with its subfolders and items, the DisposalType way (HardDelete, SoftDelete: into
    the dumpster, MoveToDeletedItems: under Deleted Items, gone from there)."""
    if how == "HardDelete" or row["parent"] == "deleteditems" and how == "MoveToDeletedItems":
        ctx.store.drop_folders(mailbox, [row["key"]] + [f["key"] for f in ctx.store.subtree(mailbox, row["key"])])
    elif how == "SoftDelete":  # into the dumpster: a SoftDeleted traversal of its parent lists it
        ctx.store.change_folder(mailbox, row["key"], deleted=1)
    else:
        check_free(ctx, mailbox, "deleteditems", row["name"])
        ctx.store.change_folder(mailbox, row["key"], parent="deleteditems")


def delete(ctx: Ctx, mailbox: str, row: dict, how: str):
    protect(row, "ErrorDeleteDistinguishedFolder", "ErrorCannotDeleteObject", "deleted")
    dispose(ctx, mailbox, row, how)


def empty(ctx: Ctx, mailbox: str, row: dict, how: str, with_subfolders: bool):
    """Empty a folder of its items (and its subfolders, but the distinguished ones)."""
    if row["key"] in NOT_EMPTIABLE or row["kind"] == "SearchFolder":
        raise MailboxError("ErrorCannotEmptyFolder", "This folder cannot be emptied.")
    to = ITEMS_TO[how]
    if row["key"] in (to, "recoverableitemsdeletions"):
        to = None  # emptied from Deleted Items (or the dumpster) itself: gone
    for item in ctx.store.all_in(mailbox, row["key"]):
        if to:
            items.move(ctx, item, (mailbox, to))
        else:
            ctx.store.delete(item["key"])
    if with_subfolders:  # the distinguished ones (Sync Issues' children, Contacts' ...) stay
        for kid in ctx.store.subfolders(mailbox, row["key"]):
            if not (kid["distinguished"] or kid["system"]):
                dispose(ctx, mailbox, kid, how)


def change(ctx: Ctx, mailbox: str, row: dict, fields: dict) -> dict:
    """Rename (``name``) a folder and/or set its permissions (``perms``: entries of core/folder_rights.py, None
    for the defaults); returns the row as changed."""
    fields = dict(fields)
    if "perms" in fields:
        ctx.store.set_folder_permissions(mailbox, row["key"], fields.pop("perms"))
    if "name" in fields:
        check_free(ctx, mailbox, row["parent"], fields["name"], skip=row["key"])
    row["change_key"] = ctx.store.change_folder(mailbox, row["key"], **fields)
    row.update(fields)
    return row


def move_or_copy(ctx: Ctx, mailbox: str, row: dict, to_mailbox: str, to: dict, *, copy: bool) -> dict:
    """Move a folder under ``to`` (or copy it there with its items and subfolders); returns the row."""
    if to_mailbox != mailbox:
        raise MailboxError("ErrorCrossMailboxMoveCopy", "Cross-mailbox moves and copies are not allowed.")
    if not copy:
        protect(row, "ErrorMoveDistinguishedFolder", "ErrorMoveCopyFailed", "moved")
    below = {f["key"] for f in ctx.store.subtree(mailbox, row["key"])} | {row["key"]}
    if to["key"] in below:
        raise MailboxError("ErrorMoveCopyFailed", "A folder cannot be moved or copied into itself.")
    check_free(ctx, mailbox, to["key"], row["name"], skip=None if copy else row["key"])
    if copy:
        return _copy_tree(ctx, mailbox, row, to["key"])
    row["change_key"] = ctx.store.change_folder(mailbox, row["key"], parent=to["key"])
    return row


def _copy_tree(ctx: Ctx, mailbox: str, row: dict, parent: str) -> dict:
    """A copy of a folder (a plain folder, even of a distinguished one) with its items and subfolders."""
    copy = ctx.store.add_folder(mailbox, parent, row["name"], row["klass"], row["kind"])
    for item in ctx.store.all_in(mailbox, row["key"]):
        items.move(ctx, item, (mailbox, copy["key"]), copy_=True)
    for kid in ctx.store.subfolders(mailbox, row["key"]):
        _copy_tree(ctx, mailbox, kid, copy["key"])
    return copy
