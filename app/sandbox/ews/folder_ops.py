"""The operations that change the folder tree (MS-OXWSFOLD 3.1.4): CreateFolder, DeleteFolder, UpdateFolder,
EmptyFolder, MoveFolder, CopyFolder. Errors are Exchange's ResponseCodeType values, in each folder's own
response message:

- ErrorFolderExists: a folder of that display name (case-insensitive) is already under that parent;
- ErrorDeleteDistinguishedFolder / ErrorMoveDistinguishedFolder: a distinguished folder (and the store's own
  non-IPM folders: ErrorCannotDeleteObject / ErrorMoveCopyFailed) stays where it is;
- ErrorMoveCopyFailed: a folder moved or copied into itself or below itself;
- ErrorCannotEmptyFolder: the mailbox root, Top of Information Store, a search folder;
- ErrorInvalidPropertySet / ErrorInvalidPropertyDelete / ErrorInvalidPropertyAppend: UpdateFolder on a
  read-only property, deleting the display name, an append;
- ErrorParentFolderNotFound / ErrorToFolderNotFound: the target folder does not exist.
"""

from __future__ import annotations

from ..core import items
from ..core.errors import MailboxError
from ..core.session import Ctx
from .folders import folder_row, render_folder_id
from .soap import (
    check_enum, error_message, local, m, parse_bool, required_children, response_message, response_root,
    schema_error, sub, t,
)

DISPOSAL = ("HardDelete", "SoftDelete", "MoveToDeletedItems")
FOLDER_ELEMENTS = {"Folder": None, "CalendarFolder": "IPF.Appointment", "ContactsFolder": "IPF.Contact",
                   "TasksFolder": "IPF.Task", "SearchFolder": None}
EXISTS = "A folder with the specified name already exists."
NOT_EMPTIABLE = ("root", "msgfolderroot")


def _target(ctx: Ctx, req, tag: str, code: str):
    """The single folder id inside m:<tag> -> ((mailbox, row), None), or (None, error) to answer per folder."""
    box = req.find(m(tag))
    if box is None or len(box) != 1:
        raise schema_error(f"The element '{local(req)}' has incomplete content: '{tag}' expected.")
    try:
        return folder_row(ctx, box[0]), None
    except MailboxError as e:
        if e.code == "ErrorFolderNotFound":
            e = MailboxError(code, "The parent folder could not be found." if code == "ErrorParentFolderNotFound"
                         else "The destination folder could not be found.")
        return None, e


def _check_free(ctx: Ctx, mailbox: str, parent: str, name: str, skip: str | None = None):
    for kid in ctx.store.subfolders(mailbox, parent):
        if kid["key"] != skip and kid["name"].lower() == name.lower():
            raise MailboxError("ErrorFolderExists", EXISTS)


def _text(el, tag: str) -> str | None:
    c = el.find(t(tag))
    return None if c is None else (c.text or "")


# ---------------- CreateFolder ----------------
def op_create_folder(ctx: Ctx, req):
    target, target_err = _target(ctx, req, "ParentFolderId", "ErrorParentFolderNotFound")
    resp = response_root("CreateFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "Folders"):
        try:
            if target_err is not None:
                raise target_err
            mailbox, parent = target
            kind = local(el)
            if kind not in FOLDER_ELEMENTS:
                raise schema_error(f"The element 'Folders' has invalid child element '{kind}'.")
            if kind == "SearchFolder":
                raise MailboxError("ErrorInvalidOperation", "The sandbox does not create search folders.")
            name = (_text(el, "DisplayName") or "").strip()
            if not name:
                raise MailboxError("ErrorInvalidRequest", "A folder needs a DisplayName.")
            kept = {"FolderClass", "DisplayName"}
            other = next((local(c) for c in el if local(c) not in kept), None)
            if other is not None:  # refused, not dropped: the client would believe it was kept
                raise MailboxError("ErrorInvalidOperation", f"The sandbox does not keep the folder property '{other}'.")
            _check_free(ctx, mailbox, parent["key"], name)
            row = ctx.store.add_folder(mailbox, parent["key"], name, _text(el, "FolderClass") or FOLDER_ELEMENTS[kind])
        except MailboxError as e:
            error_message(msgs, "CreateFolder", e)
            continue
        render_folder_id(sub(response_message(msgs, "CreateFolder"), m("Folders")), row)
    return resp


# ---------------- DeleteFolder / EmptyFolder ----------------
def _dispose(ctx: Ctx, mailbox: str, row: dict, how: str):
    """Delete one (non-distinguished) folder with its subfolders and items, the DisposalType way."""
    if how == "HardDelete" or row["parent"] == "deleteditems" and how == "MoveToDeletedItems":
        ctx.store.drop_folders(mailbox, [row["key"]] + [f["key"] for f in ctx.store.subtree(mailbox, row["key"])])
    elif how == "SoftDelete":  # into the dumpster: FindFolder Traversal="SoftDeleted" on its parent lists it
        ctx.store.change_folder(mailbox, row["key"], deleted=1)
    else:
        _check_free(ctx, mailbox, "deleteditems", row["name"])
        ctx.store.change_folder(mailbox, row["key"], parent="deleteditems")


def _protected(row: dict, distinguished_code: str, system_code: str, what: str):
    if row["distinguished"]:
        raise MailboxError(distinguished_code, f"Distinguished folders cannot be {what}.")
    if row["system"]:
        raise MailboxError(system_code, f"This folder belongs to the mailbox and cannot be {what}.")


def op_delete_folder(ctx: Ctx, req):
    how = check_enum(req.get("DeleteType"), DISPOSAL, "DeleteType")
    resp = response_root("DeleteFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "FolderIds"):
        try:
            mailbox, row = folder_row(ctx, el)
            _protected(row, "ErrorDeleteDistinguishedFolder", "ErrorCannotDeleteObject", "deleted")
            _dispose(ctx, mailbox, row, how)
        except MailboxError as e:
            error_message(msgs, "DeleteFolder", e)
            continue
        response_message(msgs, "DeleteFolder")
    return resp


def op_empty_folder(ctx: Ctx, req):
    how = check_enum(req.get("DeleteType"), DISPOSAL, "DeleteType")
    with_subfolders = parse_bool(req.get("DeleteSubFolders"), "DeleteSubFolders")
    resp = response_root("EmptyFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "FolderIds"):
        try:
            mailbox, row = folder_row(ctx, el)
            if row["key"] in NOT_EMPTIABLE or row["kind"] == "SearchFolder":
                raise MailboxError("ErrorCannotEmptyFolder", "This folder cannot be emptied.")
            _empty(ctx, mailbox, row, how, with_subfolders)
        except MailboxError as e:
            error_message(msgs, "EmptyFolder", e)
            continue
        response_message(msgs, "EmptyFolder")
    return resp


def _empty(ctx: Ctx, mailbox: str, row: dict, how: str, with_subfolders: bool):
    to = {"MoveToDeletedItems": "deleteditems", "SoftDelete": "recoverableitemsdeletions"}.get(how)
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
                _dispose(ctx, mailbox, kid, how)


# ---------------- UpdateFolder ----------------
READ_ONLY = {"FolderId", "ParentFolderId", "TotalCount", "ChildFolderCount", "UnreadCount", "DistinguishedFolderId",
             "EffectiveRights", "SharingEffectiveRights", "ManagedFolderInformation"}


def op_update_folder(ctx: Ctx, req):
    resp = response_root("UpdateFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for change in required_children(req, "FolderChanges"):
        try:
            kids = list(change)
            if local(change) != "FolderChange" or len(kids) != 2 or local(kids[1]) != "Updates" or not len(kids[1]):
                raise schema_error("The element 'FolderChange' must hold a folder id and its Updates.")
            mailbox, row = folder_row(ctx, kids[0])
            fields = {}
            for upd in kids[1]:
                fields.update(_update(ctx, mailbox, row, upd, fields))
            if "name" in fields:
                _check_free(ctx, mailbox, row["parent"], fields["name"], skip=row["key"])
            row["change_key"] = ctx.store.change_folder(mailbox, row["key"], **fields)
            row.update(fields)
        except MailboxError as e:
            error_message(msgs, "UpdateFolder", e)
            continue
        render_folder_id(sub(response_message(msgs, "UpdateFolder"), m("Folders")), row)
    return resp


def _update(ctx: Ctx, mailbox: str, row: dict, upd, fields: dict) -> dict:
    action = local(upd)
    path = upd[0] if len(upd) else None
    if path is None or path.tag not in (t("FieldURI"), t("ExtendedFieldURI"), t("IndexedFieldURI")):
        raise schema_error(f"The element '{action}' needs a property path.")
    prop = (path.get("FieldURI") or "").split(":", 1)[-1] if path.tag == t("FieldURI") else None
    if action == "AppendToFolderField":
        raise MailboxError("ErrorInvalidPropertyAppend", "Append action is invalid for property.")
    if prop in READ_ONLY or prop is None:
        code, verb = ("ErrorInvalidPropertySet", "Set") if action == "SetFolderField" else (
            "ErrorInvalidPropertyDelete", "Delete")
        if prop is None:
            raise MailboxError("ErrorInvalidOperation", "The sandbox keeps no extended properties on folders.")
        raise MailboxError(code, f"{verb} action is invalid for property.")
    if action == "DeleteFolderField":
        if prop == "DisplayName":
            raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
        return {"klass": None} if prop == "FolderClass" else {}  # PermissionSet: none kept, nothing to delete
    folder = upd[1] if len(upd) > 1 else None
    if folder is None or local(folder) not in FOLDER_ELEMENTS:
        raise schema_error("The element 'SetFolderField' needs the folder holding the new value.")
    if prop == "DisplayName":
        name = (_text(folder, "DisplayName") or "").strip()
        if not name:
            raise MailboxError("ErrorInvalidRequest", "A folder needs a DisplayName.")
        return {"name": name}
    if prop == "FolderClass":
        return {"klass": _text(folder, "FolderClass") or None}
    raise MailboxError("ErrorInvalidOperation", f"The sandbox does not set the folder property '{prop}'.")


# ---------------- MoveFolder / CopyFolder ----------------
def _move_or_copy(ctx: Ctx, req, op: str):
    target, target_err = _target(ctx, req, "ToFolderId", "ErrorToFolderNotFound")
    resp = response_root(op)
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "FolderIds"):
        try:
            mailbox, row = folder_row(ctx, el)
            if target_err is not None:
                raise target_err
            to_mailbox, to = target
            if to_mailbox != mailbox:
                raise MailboxError("ErrorCrossMailboxMoveCopy", "Cross-mailbox moves and copies are not allowed.")
            if op == "MoveFolder":
                _protected(row, "ErrorMoveDistinguishedFolder", "ErrorMoveCopyFailed", "moved")
            below = {f["key"] for f in ctx.store.subtree(mailbox, row["key"])} | {row["key"]}
            if to["key"] in below:
                raise MailboxError("ErrorMoveCopyFailed", "A folder cannot be moved or copied into itself.")
            _check_free(ctx, mailbox, to["key"], row["name"], skip=row["key"] if op == "MoveFolder" else None)
            if op == "MoveFolder":
                row["change_key"] = ctx.store.change_folder(mailbox, row["key"], parent=to["key"])
            else:
                row = _copy_tree(ctx, mailbox, row, to["key"])
        except MailboxError as e:
            error_message(msgs, op, e)
            continue
        render_folder_id(sub(response_message(msgs, op), m("Folders")), row)
    return resp


def _copy_tree(ctx: Ctx, mailbox: str, row: dict, parent: str) -> dict:
    """A copy of a folder (a plain folder, even of a distinguished one) with its items and subfolders."""
    copy = ctx.store.add_folder(mailbox, parent, row["name"], row["klass"], row["kind"])
    for item in ctx.store.all_in(mailbox, row["key"]):
        items.move(ctx, item, (mailbox, copy["key"]), copy_=True)
    for kid in ctx.store.subfolders(mailbox, row["key"]):
        _copy_tree(ctx, mailbox, kid, copy["key"])
    return copy


def op_move_folder(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "MoveFolder")


def op_copy_folder(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "CopyFolder")
