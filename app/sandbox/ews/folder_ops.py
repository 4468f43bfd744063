"""The EWS operations that change the folder tree (MS-OXWSFOLD 3.1.4; the rules: core/folders.py): CreateFolder, DeleteFolder, UpdateFolder,
EmptyFolder, MoveFolder, CopyFolder. Errors are Exchange's ResponseCodeType values, in each folder's own
response message:

- ErrorFolderExists: a folder of that display name (case-insensitive) is already under that parent;
- ErrorDeleteDistinguishedFolder / ErrorMoveDistinguishedFolder: a distinguished folder (and the store's own
  non-IPM folders: ErrorCannotDeleteObject / ErrorMoveCopyFailed) stays where it is;
- ErrorMoveCopyFailed: a folder moved or copied into itself or below itself;
- ErrorCannotEmptyFolder: the mailbox root, Top of Information Store, a search folder;
- ErrorInvalidPropertySet / ErrorInvalidPropertyDelete / ErrorInvalidPropertyAppend: UpdateFolder on a
  read-only property, deleting the display name, an append (but to PermissionSet: permission_xml.py);
- ErrorParentFolderNotFound / ErrorToFolderNotFound: the target folder does not exist;
- ErrorObjectTypeChanged: UpdateFolder setting or deleting the FolderClass of a folder (the ResponseCode
  reference: "the object type changed"; exchangelib's own folder tests expect it from Exchange when a saved
  folder's folder_class is changed). Setting the class it already has changes nothing and succeeds.
"""

from __future__ import annotations

from ..core import folder_rights, folders
from ..core.errors import MailboxError
from ..core.session import Ctx
from .folders import MISSING_FOLDER_ID, element_of, folder_row, render_folder_id
from .permission_xml import parse_permission_set
from .soap import (
    check_enum, error_message, local, m, parse_bool, required_children, response_message, response_root,
    schema_error, sub, t,
)

DISPOSAL = ("HardDelete", "SoftDelete", "MoveToDeletedItems")
FOLDER_ELEMENTS = {"Folder": None, "CalendarFolder": "IPF.Appointment", "ContactsFolder": "IPF.Contact",
                   "TasksFolder": "IPF.Task", "SearchFolder": None}


def _target(ctx: Ctx, req, tag: str, code: str, need: str):
    """The single folder id inside m:<tag> -> ((mailbox, row), None), or (None, error) to answer per folder."""
    box = req.find(m(tag))
    if box is None or len(box) != 1:
        raise schema_error(f"The element '{local(req)}' has incomplete content: '{tag}' expected.")
    try:
        return folder_row(ctx, box[0], need), None
    except MailboxError as e:
        if e.code in ("ErrorFolderNotFound", MISSING_FOLDER_ID):
            e = MailboxError(code, "The parent folder could not be found." if code == "ErrorParentFolderNotFound"
                         else "The destination folder could not be found.")
        return None, e


def _text(el, tag: str) -> str | None:
    c = el.find(t(tag))
    return None if c is None else (c.text or "")


# ---------------- CreateFolder ----------------
def op_create_folder(ctx: Ctx, req):
    target, target_err = _target(ctx, req, "ParentFolderId", "ErrorParentFolderNotFound", "subfolders")
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
            kept = {"FolderClass", "DisplayName"}
            other = next((local(c) for c in el if local(c) not in kept), None)
            if other is not None:  # refused, not dropped: the client would believe it was kept
                raise MailboxError("ErrorInvalidOperation", f"The sandbox does not keep the folder property '{other}'.")
            row = folders.create(ctx, mailbox, parent["key"], _text(el, "DisplayName"),
                                 _text(el, "FolderClass") or FOLDER_ELEMENTS[kind])
        except MailboxError as e:
            error_message(msgs, "CreateFolder", e)
            continue
        render_folder_id(sub(response_message(msgs, "CreateFolder"), m("Folders")), row)
    return resp


# ---------------- DeleteFolder / EmptyFolder ----------------
def op_delete_folder(ctx: Ctx, req):
    how = check_enum(req.get("DeleteType"), DISPOSAL, "DeleteType")
    resp = response_root("DeleteFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "FolderIds"):
        try:
            mailbox, row = folder_row(ctx, el, "owner")
            folders.delete(ctx, mailbox, row, how)
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
            mailbox, row = folder_row(ctx, el, "owner")
            folders.empty(ctx, mailbox, row, how, with_subfolders)
        except MailboxError as e:
            error_message(msgs, "EmptyFolder", e)
            continue
        response_message(msgs, "EmptyFolder")
    return resp


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
            mailbox, row = folder_row(ctx, kids[0], "owner")
            fields = {}
            for upd in kids[1]:
                fields.update(_update(ctx, mailbox, row, upd, fields))
            row = folders.change(ctx, mailbox, row, fields)
        except MailboxError as e:
            error_message(msgs, "UpdateFolder", e)
            continue
        render_folder_id(sub(response_message(msgs, "UpdateFolder"), m("Folders")), row)
    return resp


def _update(ctx: Ctx, mailbox: str, row: dict, upd, fields: dict) -> dict:
    action = local(upd)
    prop = _updated_prop(action, upd)
    if action == "DeleteFolderField":
        if prop == "DisplayName":
            raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
        if prop == "FolderClass":
            return _same_class(row, None)
        return {"perms": None} if prop == "PermissionSet" else {}  # PermissionSet: back to the defaults
    folder = upd[1] if len(upd) > 1 else None
    if folder is None or local(folder) not in FOLDER_ELEMENTS:
        raise schema_error(f"The element '{action}' needs the folder holding the new value.")
    if prop == "PermissionSet":
        return {"perms": _permissions(ctx, mailbox, row, folder, fields, append=action == "AppendToFolderField")}
    if prop == "DisplayName":
        name = (_text(folder, "DisplayName") or "").strip()
        if not name:
            raise MailboxError("ErrorInvalidRequest", "A folder needs a DisplayName.")
        return {"name": name}
    if prop == "FolderClass":
        return _same_class(row, _text(folder, "FolderClass") or None)
    raise MailboxError("ErrorInvalidOperation", f"The sandbox does not set the folder property '{prop}'.")


def _permissions(ctx: Ctx, mailbox: str, row: dict, folder, fields: dict, *, append: bool) -> list[dict]:
    """The folder's permission entries after a Set (the new set replaces the old, Default and Anonymous
    included, as Microsoft's how-to says) or an Append (the new users' entries added) of t:PermissionSet."""
    if element_of(row) == "CalendarFolder":
        raise MailboxError("ErrorCannotSetNonCalendarPermissionOnCalendarFolder",
                           "The sandbox keeps no calendar permissions.")
    el = folder.find(t("PermissionSet"))
    if el is None:
        raise schema_error(f"The element '{local(folder)}' needs the PermissionSet to set.")
    parsed = parse_permission_set(ctx, el)
    if not append:
        return parsed
    current = fields["perms"] if "perms" in fields else ctx.store.folder_permissions(mailbox, row["key"])
    return folder_rights.merged(current, parsed)


def _same_class(row: dict, klass: str | None) -> dict:
    """A folder keeps its class: another one (or none) is ErrorObjectTypeChanged."""
    if klass != row["klass"]:
        raise MailboxError("ErrorObjectTypeChanged", "The folder's class cannot be changed.")
    return {}


def _updated_prop(action: str, upd) -> str:
    """The folder property a Set/DeleteFolderField changes (its FieldURI without the "folder:"), when it is one
    that may change. Raises SoapFault / MailboxError."""
    path = upd[0] if len(upd) else None
    if path is None or path.tag not in (t("FieldURI"), t("ExtendedFieldURI"), t("IndexedFieldURI")):
        raise schema_error(f"The element '{action}' needs a property path.")
    prop = (path.get("FieldURI") or "").split(":", 1)[-1] if path.tag == t("FieldURI") else None
    if action == "AppendToFolderField" and prop != "PermissionSet":
        raise MailboxError("ErrorInvalidPropertyAppend", "Append action is invalid for property.")
    if prop is None:
        raise MailboxError("ErrorInvalidOperation", "The sandbox keeps no extended properties on folders.")
    if prop in READ_ONLY:
        code, verb = ("ErrorInvalidPropertySet", "Set") if action == "SetFolderField" else (
            "ErrorInvalidPropertyDelete", "Delete")
        raise MailboxError(code, f"{verb} action is invalid for property.")
    return prop


# ---------------- MoveFolder / CopyFolder ----------------
def _move_or_copy(ctx: Ctx, req, op: str):
    target, target_err = _target(ctx, req, "ToFolderId", "ErrorToFolderNotFound", "subfolders")
    resp = response_root(op)
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "FolderIds"):
        try:
            mailbox, row = folder_row(ctx, el, "owner")
            if target_err is not None:
                raise target_err
            to_mailbox, to = target
            row = folders.move_or_copy(ctx, mailbox, row, to_mailbox, to, copy=op == "CopyFolder")
        except MailboxError as e:
            error_message(msgs, op, e)
            continue
        render_folder_id(sub(response_message(msgs, op), m("Folders")), row)
    return resp


def op_move_folder(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "MoveFolder")


def op_copy_folder(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "CopyFolder")
