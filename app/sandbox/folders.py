"""Request context, the fixed folder tree, and the folder operations: GetFolder, FindFolder (ConvertId: convert.py)."""

from __future__ import annotations

from dataclasses import dataclass

from . import ids
from .paging import parse_paging
from .soap import (
    EwsError, check_enum, error_message, local, m, response_message, response_root,
    schema_error, sub, t,
)

# name -> (display name, parent, folder class)
FOLDERS = {
    "root": ("Top of Information Store", None, None),
    "msgfolderroot": ("Top of Information Store", "root", "IPF.Note"),
    "inbox": ("Inbox", "msgfolderroot", "IPF.Note"),
    "drafts": ("Drafts", "msgfolderroot", "IPF.Note"),
    "sentitems": ("Sent Items", "msgfolderroot", "IPF.Note"),
    "deleteditems": ("Deleted Items", "msgfolderroot", "IPF.Note"),
    "outbox": ("Outbox", "msgfolderroot", "IPF.Note"),
    "junkemail": ("Junk Email", "msgfolderroot", "IPF.Note"),
    # The dumpster, beside the message folders (not under msgfolderroot), where SoftDelete puts items.
    "recoverableitemsroot": ("Recoverable Items", "root", None),
    "recoverableitemsdeletions": ("Deletions", "recoverableitemsroot", None),
}
ITEM_FOLDERS = [n for n in FOLDERS if n not in ("root", "msgfolderroot", "recoverableitemsroot")]
DISTINGUISHED_NAMES = set(FOLDERS) | {
    "calendar", "contacts", "journal", "notes", "tasks", "publicfoldersroot", "searchfolders", "voicemail",
    "recoverableitemsroot", "recoverableitemsdeletions", "recoverableitemsversions", "recoverableitemspurges",
    "archiveroot", "archivemsgfolderroot", "archivedeleteditems", "archiveinbox", "syncissues", "conflicts",
    "localfailures", "serverfailures", "recipientcache", "quickcontacts", "conversationhistory", "adminauditlogs",
    "todosearch", "mycontacts", "directory", "imcontactlist", "peopleconnect", "favorites",
}

ACCESS_DENIED = "Access is denied. Check credentials and try again."
NOT_FOUND = "The specified object was not found in the store."
FOLDER_NOT_FOUND = "The specified folder could not be found in the store."


@dataclass
class Ctx:
    sandbox: object  # the Sandbox (users, store, limits)
    user: dict
    version: str

    @property
    def store(self):
        return self.sandbox.store

    @property
    def email(self) -> str:
        return self.user["email"].lower()


def check_mailbox(ctx: Ctx, address: str | None) -> str:
    if not address:
        return ctx.email
    addr = address.strip().lower()
    if addr.startswith("smtp:"):
        addr = addr[5:]
    if addr == ctx.email:
        return addr
    if ctx.sandbox.user_by_email(addr) is None:
        raise EwsError("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.")
    raise EwsError("ErrorAccessDenied", ACCESS_DENIED)


def resolve_folder(ctx: Ctx, el) -> tuple[str, str]:
    """t:FolderId / t:DistinguishedFolderId -> (mailbox, folder name). Raises EwsError."""
    name = local(el)
    if name == "FolderId":
        mailbox, fname = ids.folder_parts(el.get("Id"))
        if fname not in FOLDERS:
            raise EwsError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
        if mailbox != ctx.email:
            if ctx.sandbox.user_by_email(mailbox) is None:
                raise EwsError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
            raise EwsError("ErrorAccessDenied", ACCESS_DENIED)
        return mailbox, fname
    if name == "DistinguishedFolderId":
        fname = el.get("Id")
        if fname not in DISTINGUISHED_NAMES:
            raise schema_error(f"The 'Id' attribute is invalid - The value '{fname}' is invalid according to its "
                               "datatype "
                               "'DistinguishedFolderIdNameType' - The Enumeration constraint failed.")
        address = None
        for c in el:
            if local(c) != "Mailbox":
                raise schema_error(f"The element 'DistinguishedFolderId' has invalid child element '{local(c)}'.")
            for mc in c:
                if local(mc) == "EmailAddress":
                    address = mc.text
        mailbox = check_mailbox(ctx, address)
        if fname not in FOLDERS:
            raise EwsError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
        return mailbox, fname
    raise schema_error(f"The element '{name}' is not a folder id.")


def folder_ids_in(container) -> list:
    if container is None:
        raise schema_error("A required folder id element is missing.")
    return list(container)


FOLDER_FIELDS = ["FolderId", "ParentFolderId", "FolderClass", "DisplayName", "TotalCount", "ChildFolderCount",
                 "DistinguishedFolderId", "UnreadCount"]
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
                elif p.tag not in (t("ExtendedFieldURI"), t("IndexedFieldURI")):
                    raise schema_error(f"The element '{local(p)}' is not a property path.")
        else:
            raise schema_error(f"The element 'FolderShape' has invalid child element '{local(c)}'.")
    return want


def render_folder(ctx: Ctx, parent, mailbox: str, name: str, want: set):
    display, parent_name, klass = FOLDERS[name]
    f = sub(parent, t("Folder"))
    sub(f, t("FolderId"), Id=ids.folder_id(mailbox, name), ChangeKey=ids.FOLDER_CHANGE_KEY)
    if "ParentFolderId" in want and parent_name:
        sub(f, t("ParentFolderId"), Id=ids.folder_id(mailbox, parent_name), ChangeKey=ids.FOLDER_CHANGE_KEY)
    if "FolderClass" in want and klass:
        sub(f, t("FolderClass"), klass)
    if "DisplayName" in want:
        sub(f, t("DisplayName"), display)
    total, unread = ctx.store.count(mailbox, name) if ("TotalCount" in want or "UnreadCount" in want) else (0, 0)
    if "TotalCount" in want:
        sub(f, t("TotalCount"), str(total))
    if "ChildFolderCount" in want:
        sub(f, t("ChildFolderCount"), str(len(children(name))))
    if "DistinguishedFolderId" in want:
        sub(f, t("DistinguishedFolderId"), name)
    if "UnreadCount" in want:
        sub(f, t("UnreadCount"), str(unread))
    return f


def children(name: str) -> list[str]:
    return [n for n, (_, p, _) in FOLDERS.items() if p == name]


def op_get_folder(ctx: Ctx, req):
    want = parse_folder_shape(req.find(m("FolderShape")))
    resp = response_root("GetFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in folder_ids_in(req.find(m("FolderIds"))):
        try:
            mailbox, name = resolve_folder(ctx, el)
        except EwsError as e:
            error_message(msgs, "GetFolder", e)
            continue
        rm = response_message(msgs, "GetFolder")
        render_folder(ctx, sub(rm, m("Folders")), mailbox, name, want)
    return resp


def op_find_folder(ctx: Ctx, req):
    traversal = check_enum(req.get("Traversal"), ("Shallow", "Deep", "SoftDeleted"), "Traversal")
    want = parse_folder_shape(req.find(m("FolderShape")))
    paging, paging_error = None, None
    try:
        paging = parse_paging(req.find(m("IndexedPageFolderView")), req.find(m("FractionalPageFolderView")))
    except EwsError as e:  # each folder's response message says so
        paging_error = e
    resp = response_root("FindFolder")
    msgs = sub(resp, m("ResponseMessages"))
    for el in folder_ids_in(req.find(m("ParentFolderIds"))):
        if paging_error is not None:
            error_message(msgs, "FindFolder", paging_error)
            continue
        try:
            mailbox, name = resolve_folder(ctx, el)
        except EwsError as e:
            error_message(msgs, "FindFolder", e)
            continue
        found, todo = [], list(children(name))
        while todo:
            n = todo.pop(0)
            found.append(n)
            if traversal == "Deep":
                todo.extend(children(n))
        if traversal == "SoftDeleted":
            found = []
        start, stop = paging.window(len(found))
        page = found[start:stop]
        rm = response_message(msgs, "FindFolder")
        root = sub(rm, m("RootFolder"), **paging.root_attrs(start, len(page), len(found)))
        box = sub(root, t("Folders"))
        for n in page:
            render_folder(ctx, box, mailbox, n, want)
    return resp
