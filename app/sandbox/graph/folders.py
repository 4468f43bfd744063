"""Mail folders over Graph: ``/mailFolders``, ``/mailFolders/{id or well-known name}``, its child folders."""

from __future__ import annotations

from ..core.hierarchy import DISTINGUISHED_NAMES
from .errors import GraphError
from .ids import folder_id, parse_folder_id
from .request import Req, json_resp

FOLDER_NOT_FOUND = "The specified folder could not be found in the store."
#: Graph's well-known folder names (mailFolder resource page) the sandbox's mailboxes have.
WELL_KNOWN = {"archive", "clutter", "conflicts", "conversationhistory", "deleteditems", "drafts", "inbox",
              "junkemail", "localfailures", "msgfolderroot", "outbox", "recoverableitemsdeletions", "scheduled",
              "searchfolders", "sentitems", "serverfailures", "syncissues"}


def resolve(req: Req, value: str) -> dict:
    """A folder id or well-known name (case-insensitive) -> the folder's row in ctx's mailbox."""
    ctx = req.ctx
    name = value.lower()
    if name in WELL_KNOWN:
        row = ctx.store.folder(ctx.email, name) if name in DISTINGUISHED_NAMES else None
    else:
        mailbox, key = parse_folder_id(value)
        if mailbox != ctx.email:
            if ctx.sandbox.user_by_email(mailbox) is not None:
                raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            raise GraphError(404, "ErrorFolderNotFound", FOLDER_NOT_FOUND)
        row = ctx.store.folder(mailbox, key)
    if row is None or row["deleted"]:
        code = "ErrorFolderNotFound" if name in WELL_KNOWN else "ErrorItemNotFound"
        raise GraphError(404, code, FOLDER_NOT_FOUND)
    return row


def render(req: Req, row: dict) -> dict:
    ctx = req.ctx
    total, unread = ctx.store.count(ctx.email, row["key"])
    children = ctx.store.subfolders(ctx.email, row["key"])
    return {
        "id": folder_id(ctx.email, row["key"]),
        "displayName": row["name"],
        "parentFolderId": folder_id(ctx.email, row["parent"]) if row["parent"] else None,
        "childFolderCount": len(children),
        "unreadItemCount": unread,
        "totalItemCount": total,
        "isHidden": False,
    }


def get(req: Req):
    row = resolve(req, req.params["folder"])
    return json_resp(200, {"@odata.context": req.context("mailFolders/$entity"), **render(req, row)})


def list_children(req: Req):
    parent = resolve(req, req.params.get("folder", "msgfolderroot"))
    rows = [c for c in req.ctx.store.subfolders(req.ctx.email, parent["key"])
            if c["klass"] in (None, "IPF.Note") and c["kind"] == "Folder"]
    return json_resp(200, {"@odata.context": req.context("mailFolders"), "value": [render(req, r) for r in rows]})
