"""Request context, folder ids and shapes, and the folder operations that read: GetFolder, FindFolder (ConvertId:
convert.py). The tree itself is hierarchy.py (Exchange 2016's standard folders, rows in the Store); the
operations that change it are folder_ops.py."""

from __future__ import annotations

from ..core import ids
from ..core.errors import FOLDER_NOT_FOUND, NOT_FOUND, MailboxError
from ..core.hierarchy import DISTINGUISHED_NAMES
from ..core.session import Ctx, check_folder, check_mailbox, mailbox_of
from . import extprops
from .budget import budget_of, stopped_message
from .paging import parse_paging
from .permission_xml import render_permission_set
from .restrictions import compile_folder
from .soap import check_enum, error_message, local, m, response_message, response_root, schema_error, sub, t


def resolve_folder(ctx: Ctx, el, need: str = "visible") -> tuple[str, str]:
    """t:FolderId / t:DistinguishedFolderId -> (mailbox, folder key). Raises MailboxError."""
    mailbox, key = folder_row(ctx, el, need)
    return mailbox, key["key"]


#: The public folders root of an organization that has no public folders (the sandbox has none): every operation
#: naming it is ErrorNoPublicFolderReplicaAvailable, what Exchange Online answers there to exchangelib's own
#: FolderTest.test_public_folders_root ("Test account does not have a public folders root"), and what exchangelib
#: reads as a distinguished folder the server does not have (folders.queryset.MISSING_FOLDER_ERRORS:
#: account.public_folders_root raises its ErrorFolderNotFound "Could not find distinguished folder"). Microsoft's
#: ResponseCode page calls the code unused and names ErrorNoPublicFolderServerAvailable for "no public folder
#: server is available", but that is not what exchangelib's tests met on Exchange Online, and exchangelib would
#: raise it as it is from account.public_folders_root instead of treating the root as missing.
PUBLIC_FOLDERS_ROOT = "publicfoldersroot"
NO_PUBLIC_FOLDERS = "ErrorNoPublicFolderReplicaAvailable"

#: A folder id naming no folder any more: Exchange answers as for an item id, ErrorItemNotFound "The specified
#: object was not found in the store." (the code exchangelib's own FolderTest.test_create_update_empty_delete,
#: written against Exchange, expects from UpdateFolder on a deleted folder's id; Exchange's GetFolder gives that
#: code and text for folders it cannot find in https://github.com/ecederstrand/exchangelib/issues/374; the Graph
#: front end answers the same for an id). ErrorFolderNotFound stays for a distinguished folder the mailbox lacks.
MISSING_FOLDER_ID = "ErrorItemNotFound"


def folder_row(ctx: Ctx, el, need: str = "visible") -> tuple[str, dict]:
    """t:FolderId / t:DistinguishedFolderId -> (mailbox, the folder's row). A folder of another mailbox is
    ErrorAccessDenied unless that mailbox granted this user Full Access or the folder's permissions give it what
    ``need`` names (core/folder_rights.py NEEDS: visible, read, create, subfolders, edit, delete, owner);
    ErrorFolderNotFound when it has no such distinguished folder (only to a user with Full Access, as before: an
    archive, Office 365's; the public folders root: NO_PUBLIC_FOLDERS); a t:FolderId naming no folder of its
    mailbox (deleted, soft-deleted, or never there) is ErrorItemNotFound (MISSING_FOLDER_ID). Raises
    MailboxError."""
    name = local(el)
    if name == "FolderId":
        mailbox, key = ids.folder_parts(el.get("Id"))
        if mailbox != ctx.email and ctx.sandbox.user_by_email(mailbox) is None:
            raise MailboxError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
    elif name == "DistinguishedFolderId":
        key = el.get("Id")
        if key not in DISTINGUISHED_NAMES:
            raise schema_error(f"The 'Id' attribute is invalid - The value '{key}' is invalid according to its "
                               "datatype "
                               "'DistinguishedFolderIdNameType' - The Enumeration constraint failed.")
        if key == PUBLIC_FOLDERS_ROOT:
            raise MailboxError(NO_PUBLIC_FOLDERS, "There is no public folder replica for this organization.")
        mailbox = mailbox_of(ctx, _mailbox_address(el))
    else:
        raise schema_error(f"The element '{name}' is not a folder id.")
    row = ctx.store.folder(mailbox, key)
    missing = row is None or row["deleted"] or (name == "DistinguishedFolderId" and row["distinguished"] != key)
    if mailbox != ctx.email:
        if missing and name == "DistinguishedFolderId":
            check_mailbox(ctx, mailbox)  # ErrorAccessDenied unless Full Access, then not found
        if not missing:
            check_folder(ctx, mailbox, row["key"], need)
    if missing:
        if name == "FolderId":
            raise MailboxError(MISSING_FOLDER_ID, NOT_FOUND)
        raise MailboxError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
    return mailbox, row


def target_folder(ctx: Ctx, el, need: str) -> tuple[str, str]:
    """resolve_folder for a folder that receives something (SavedItemFolderId, ToFolderId): a missing one is
    ErrorFolderNotFound, whichever id names it."""
    try:
        return resolve_folder(ctx, el, need)
    except MailboxError as e:
        if e.code == MISSING_FOLDER_ID:
            raise MailboxError("ErrorFolderNotFound", FOLDER_NOT_FOUND) from None
        raise


def _mailbox_address(el) -> str | None:
    """The t:Mailbox/t:EmailAddress of a t:DistinguishedFolderId (None: the user's own mailbox)."""
    address = None
    for c in el:
        if local(c) != "Mailbox":
            raise schema_error(f"The element 'DistinguishedFolderId' has invalid child element '{local(c)}'.")
        for mc in c:
            if local(mc) == "EmailAddress":
                address = mc.text
    return address


def folder_ids_in(container) -> list:
    if container is None:
        raise schema_error("A required folder id element is missing.")
    return list(container)


FOLDER_FIELDS = ["FolderId", "ParentFolderId", "FolderClass", "DisplayName", "TotalCount", "ChildFolderCount",
                 "DistinguishedFolderId", "UnreadCount"]
# not PermissionSet: "starting with Exchange 2013, folder permissions are not returned when the BaseShape element
# has a value of AllProperties in the GetFolder operation" (the PermissionSet (PermissionSetType) reference page,
# Version differences): only when folder:PermissionSet is asked for
DEFAULT_FOLDER = {"FolderId", "DisplayName", "TotalCount", "ChildFolderCount", "UnreadCount"}


def parse_folder_shape(el) -> set:
    if el is None:
        raise schema_error("The element 'FolderShape' is missing.")
    want = {"FolderId"}
    for c in el:
        if local(c) == "BaseShape":
            base = check_enum((c.text or "").strip(), ("IdOnly", "Default", "AllProperties"), "BaseShape")
            if base == "Default":
                want |= DEFAULT_FOLDER
            elif base == "AllProperties":
                want |= set(FOLDER_FIELDS)
        elif local(c) == "AdditionalProperties":
            for p in c:
                if p.tag == t("FieldURI"):
                    uri = p.get("FieldURI") or ""
                    if uri.startswith("folder:"):
                        want.add(uri.split(":", 1)[1])
                elif p.tag == t("ExtendedFieldURI"):
                    want.add(extprops.folder_path(p))
                elif p.tag not in (t("ExtendedFieldURI"), t("IndexedFieldURI")):
                    raise schema_error(f"The element '{local(p)}' is not a property path.")
        else:
            raise schema_error(f"The element 'FolderShape' has invalid child element '{local(c)}'.")
    return want


# PidTagContainerClass prefix -> the element Exchange answers a folder as (types.xsd BaseFolderType's kinds)
ELEMENTS = (("IPF.Appointment", "CalendarFolder"), ("IPF.Contact", "ContactsFolder"), ("IPF.Task", "TasksFolder"))
NO_UNREAD = ("CalendarFolder", "ContactsFolder")  # their types derive from BaseFolderType, not FolderType


def element_of(row: dict) -> str:
    if row["kind"] == "SearchFolder":
        return "SearchFolder"
    klass = row["klass"] or ""
    return next((el for prefix, el in ELEMENTS if klass == prefix or klass.startswith(prefix + ".")), "Folder")


def render_folder_id(parent, row: dict):
    """The t:<Kind>Folder element holding only the folder's id (what CreateFolder, UpdateFolder, MoveFolder
    and CopyFolder answer)."""
    f = sub(parent, t(element_of(row)))
    sub(f, t("FolderId"), Id=ids.folder_id(row["mailbox"], row["key"]), ChangeKey=row["change_key"])
    return f


def render_folder(ctx: Ctx, parent, row: dict, want: set):
    element = element_of(row)
    f = render_folder_id(parent, row)
    mailbox, parent_key = row["mailbox"], row["parent"]
    if "ParentFolderId" in want and parent_key:
        up = ctx.store.folder(mailbox, parent_key)
        sub(f, t("ParentFolderId"), Id=ids.folder_id(mailbox, parent_key), ChangeKey=up["change_key"])
    if "FolderClass" in want and row["klass"]:
        sub(f, t("FolderClass"), row["klass"])
    if "DisplayName" in want:
        sub(f, t("DisplayName"), row["name"])
    need_counts = "TotalCount" in want or "UnreadCount" in want
    total, unread = ctx.store.count(mailbox, row["key"]) if need_counts else (0, 0)
    if "TotalCount" in want:
        sub(f, t("TotalCount"), str(total))
    if "ChildFolderCount" in want:
        sub(f, t("ChildFolderCount"), str(len(ctx.store.subfolders(mailbox, row["key"]))))
    extprops.folder_props(ctx, f, mailbox, row["key"], want, lambda: len(ctx.store.subfolders(mailbox, row["key"])))
    if "DistinguishedFolderId" in want and row["distinguished"]:
        sub(f, t("DistinguishedFolderId"), row["distinguished"])
    if "PermissionSet" in want and element != "CalendarFolder":  # a calendar's is CalendarPermissionSetType
        render_permission_set(ctx, f, ctx.store.folder_permissions(mailbox, row["key"]))
    if "UnreadCount" in want and element not in NO_UNREAD:
        sub(f, t("UnreadCount"), str(unread))
    return f


def op_get_folder(ctx: Ctx, req):
    want = parse_folder_shape(req.find(m("FolderShape")))
    resp = response_root("GetFolder")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)  # budget.py: an answer per id is bounded, the ids past the budget stopped
    for el in folder_ids_in(req.find(m("FolderIds"))):
        if budget.spent:
            stopped_message(msgs, "GetFolder")
            continue
        try:
            _, row = folder_row(ctx, el)
        except MailboxError as e:
            budget.count(error_message(msgs, "GetFolder", e))
            continue
        rm = response_message(msgs, "GetFolder")
        render_folder(ctx, sub(rm, m("Folders")), row, want)
        budget.count(rm)
    return resp


def op_find_folder(ctx: Ctx, req):
    traversal = check_enum(req.get("Traversal"), ("Shallow", "Deep", "SoftDeleted"), "Traversal")
    want = parse_folder_shape(req.find(m("FolderShape")))
    paging, paging_error = None, None
    try:
        paging = parse_paging(req.find(m("IndexedPageFolderView")), req.find(m("FractionalPageFolderView")))
        matches = find_folder_filter(req)
    except MailboxError as e:  # each folder's response message says so
        paging_error = e
    resp = response_root("FindFolder")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)  # budget.py: a folder tree named 10,000 times is not 10,000 trees in one answer
    for el in folder_ids_in(req.find(m("ParentFolderIds"))):
        if budget.spent:
            stopped_message(msgs, "FindFolder")
            continue
        if paging_error is not None:
            budget.count(error_message(msgs, "FindFolder", paging_error))
            continue
        try:
            mailbox, row = folder_row(ctx, el)
        except MailboxError as e:
            budget.count(error_message(msgs, "FindFolder", e))
            continue
        found = ctx.store.subfolders(mailbox, row["key"], deleted=traversal == "SoftDeleted")
        if traversal == "Deep":  # depth first, each folder's children by name (as Exchange lists them)
            found = _deep(ctx, mailbox, row["key"])
        if mailbox != ctx.email:  # a delegate without Full Access sees the subfolders it may see
            found = [f for f in found if _visible(ctx, mailbox, f)]
        if matches is not None:
            found = [f for f in found if matches(ctx, f)]
        start, stop = paging.window(len(found))
        page = found[start:stop]
        rm = response_message(msgs, "FindFolder")
        root = sub(rm, m("RootFolder"), **paging.root_attrs(start, len(page), len(found)))
        box = sub(root, t("Folders"))
        for n in page:
            render_folder(ctx, box, n, want)
        budget.count(rm)
    return resp


def _visible(ctx: Ctx, mailbox: str, row: dict) -> bool:
    try:
        check_folder(ctx, mailbox, row["key"], "visible")
    except MailboxError:
        return False
    return True


def find_folder_filter(req):
    """FindFolder's Restriction -> predicate(ctx, folder row) or None. Raises SoapFault / MailboxError."""
    rel = req.find(m("Restriction"))
    if rel is None:
        return None
    if len(rel) != 1:
        raise schema_error("The element 'Restriction' must hold one expression.")
    pred = compile_folder(rel[0])

    def matches(ctx: Ctx, row: dict) -> bool:
        mailbox, key = row["mailbox"], row["key"]
        counts = {}

        def count(i):
            if "c" not in counts:
                counts["c"] = ctx.store.count(mailbox, key)
            return counts["c"][i]
        facts = {"name": row["name"], "klass": row["klass"], "total": lambda: count(0), "unread": lambda: count(1),
                 "children": lambda: len(ctx.store.subfolders(mailbox, key))}
        return pred(facts)
    return matches


def _deep(ctx: Ctx, mailbox: str, key: str) -> list[dict]:
    out = []
    for kid in ctx.store.subfolders(mailbox, key):
        out.append(kid)
        out.extend(_deep(ctx, mailbox, kid["key"]))
    return out
