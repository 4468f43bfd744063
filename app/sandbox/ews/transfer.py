"""ExportItems and UploadItems: items out of a mailbox as opaque Data, and back in (core/transfer.py).

Both answer one response message per item, each on its own (ExportItems operation, "Error response example":
one item exported, the next refused, learn.microsoft.com). An ExportItems answer is bounded like GetItem's
(budget.py). UploadItems' CreateAction (types.xsd CreateActionType; Item (UploadItemType) on
learn.microsoft.com): CreateNew makes a new item and "the ItemId element must not be present"; Update replaces
the item ItemId names, and "an error is returned if the ItemId element is not present or if the item does not
exist in the folder identified by the ParentFolderId element" (ErrorItemNotFound, as the UploadItems
operation's error example shows); UpdateOrCreate updates that item, else creates one.
"""

from __future__ import annotations

import base64

from lxml import etree

from ..core import ids, transfer
from ..core.errors import NOT_FOUND, MailboxError
from ..core.session import Ctx
from .budget import budget_of, stopped_message
from .folders import target_folder
from .items import load_item
from .soap import (
    check_enum, decode_base64, error_message, local, m, parse_bool, required_children, response_message,
    response_root, schema_error, sub, t,
)

CREATE_ACTIONS = ("CreateNew", "Update", "UpdateOrCreate")
ID_WITH_CREATE_NEW = "The ItemId element must not be present when CreateAction is CreateNew."
NO_ID_TO_UPDATE = "The ItemId element is required when CreateAction is Update."
NO_ASSOCIATED = "This server keeps no folder associated items: IsAssociated=\"true\" cannot be uploaded."


def op_export_items(ctx: Ctx, req):
    resp = response_root("ExportItems")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)
    for el in required_children(req, "ItemIds"):
        if budget.spent:
            stopped_message(msgs, "ExportItems")
            continue
        try:
            item = load_item(ctx, el, "read")
        except MailboxError as e:
            budget.count(error_message(msgs, "ExportItems", e))
            continue
        rm = response_message(msgs, "ExportItems")
        sub(rm, m("ItemId"), Id=ids.item_id(item["key"]), ChangeKey=item["change_key"])
        sub(rm, m("Data"), base64.b64encode(transfer.export_item(ctx.store, item)).decode("ascii"))
        budget.count(rm)
    return resp


def op_upload_items(ctx: Ctx, req):
    parsed = [_parse_upload(el) for el in required_children(req, "Items")]  # schema problems fault it all
    resp = response_root("UploadItems")
    msgs = sub(resp, m("ResponseMessages"))
    for action, associated, folder_el, id_el, raw in parsed:
        try:
            row = _upload_one(ctx, action, associated, folder_el, id_el, raw)
        except MailboxError as e:
            error_message(msgs, "UploadItems", e)
            continue
        rm = response_message(msgs, "UploadItems")
        sub(rm, m("ItemId"), Id=ids.item_id(row["key"]), ChangeKey=row["change_key"])
    return resp


def _parse_upload(el) -> tuple:
    """t:Item (UploadItemType) -> (CreateAction, IsAssociated, t:ParentFolderId, t:ItemId or None, Data bytes)."""
    if el.tag != t("Item"):
        raise schema_error(f"The element 'Items' has invalid child element '{local(el)}'.")
    action = check_enum(el.get("CreateAction"), CREATE_ACTIONS, "CreateAction")
    associated = el.get("IsAssociated")
    associated = parse_bool(associated, "IsAssociated") if associated is not None else False
    kids = {local(c): c for c in el if isinstance(c.tag, str)}
    if "ParentFolderId" not in kids or "Data" not in kids:
        raise schema_error("The element 'Item' has incomplete content: 'ParentFolderId' and 'Data' expected.")
    return action, associated, kids["ParentFolderId"], kids.get("ItemId"), decode_base64(kids["Data"].text, "Data")


def _upload_one(ctx: Ctx, action: str, associated: bool, folder_el, id_el, raw: bytes) -> dict:
    """One t:Item of an UploadItems: the stored row. Raises MailboxError."""
    if associated:
        raise MailboxError("ErrorInvalidOperation", NO_ASSOCIATED)
    if action == "CreateNew" and id_el is not None:
        raise MailboxError("ErrorInvalidOperation", ID_WITH_CREATE_NEW)
    if action == "Update" and id_el is None:
        raise MailboxError("ErrorInvalidOperation", NO_ID_TO_UPDATE)
    folder = target_folder(ctx, _as_folder_id(folder_el), "create")
    existing = None
    if id_el is not None:
        existing = _existing(ctx, id_el, folder, required=action == "Update")
    return transfer.upload(ctx, folder, raw, existing)


def _as_folder_id(el):
    """t:ParentFolderId is a FolderIdType (Id, ChangeKey): read as the t:FolderId it stands for."""
    fid = etree.Element(t("FolderId"))
    for k, v in el.attrib.items():
        fid.set(k, v)
    return fid


def _existing(ctx: Ctx, id_el, folder: tuple[str, str], *, required: bool) -> dict | None:
    """The item ItemId names when it is in ``folder``; else ErrorItemNotFound (``required``) or None."""
    try:
        item = load_item(ctx, id_el, "edit")
    except MailboxError as e:
        if e.code != "ErrorItemNotFound" or required:
            raise
        return None
    if (item["mailbox"], item["folder"]) != folder:
        if required:
            raise MailboxError("ErrorItemNotFound", NOT_FOUND)
        return None
    return item
