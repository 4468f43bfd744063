"""Item operations: CreateItem, GetItem, DeleteItem, MoveItem, CopyItem (+ the shared item lookup)."""

from __future__ import annotations

from ..core import ids, items
from ..core.clock import fmt_dt, utcnow
from ..core.delivery import file_item, submit
from ..core.errors import MailboxError
from ..core.mime import parse_mime
from ..core.session import Ctx
from . import itematt
from .budget import budget_of, stopped_message
from .folders import target_folder
from .itemxml import Shape, mime_bytes, parse_item, parse_shape, render_attachment_ref, render_item
from ..core.responses import build_response
from .replies import RESPONSE_OBJECTS, parse_response_object
from .soap import (
    check_enum, error_message, local, m, parse_bool, required_children, response_message, response_root,
    schema_error, sub, t,
)

DISPOSITIONS = ("SaveOnly", "SendOnly", "SendAndSaveCopy")


def load_item(ctx: Ctx, id_el, need: str = "edit") -> dict:
    """t:ItemId -> stored item of ctx.user, or of a mailbox that granted it Full Access or, on the item's folder,
    the permission ``need`` names (read, edit, delete: core/folder_rights.py) (an EWS item id names its mailbox:
    a delegate works on the principal's items by id). Raises MailboxError (malformed / not found /
    access denied / a ChangeKey no server could have given: ErrorInvalidChangeKey)."""
    if local(id_el) != "ItemId":
        raise MailboxError("ErrorInvalidIdMalformed", ids.MALFORMED)
    return items.load(ctx, ids.item_key(id_el.get("Id")), id_el.get("ChangeKey"), delegate=True,
                      need=need)


def saved_item_folder(ctx: Ctx, req, default: str) -> tuple[tuple[str, str] | None, MailboxError | None]:
    """m:SavedItemFolderId (else the default folder) -> (folder, None), or (None, error) when it cannot be
    used: that error is answered in each item's response message, so it is returned, not raised."""
    box = req.find(m("SavedItemFolderId"))
    if box is None or len(box) == 0:
        return (ctx.email, default), None
    if len(box) != 1:
        raise schema_error("The element 'SavedItemFolderId' must hold one folder id.")
    try:
        return target_folder(ctx, box[0], "create"), None
    except MailboxError as e:
        return None, e


def folder_id_of(item: dict) -> str:
    return ids.folder_id(item["mailbox"], item["folder"])


def render_ids(parent, item: dict, atts=None):
    msg = sub(parent, t("Message"))
    sub(msg, t("ItemId"), Id=ids.item_id(item["key"]), ChangeKey=item["change_key"])
    if atts:
        box = sub(msg, t("Attachments"))
        for a in atts:
            render_attachment_ref(box, item["key"], a["key"], item["change_key"], a.get("kind", "FileAttachment"))
    return msg


def op_create_item(ctx: Ctx, req):
    disp = req.get("MessageDisposition")
    if disp is not None:
        check_enum(disp, DISPOSITIONS, "MessageDisposition")
    items_el = req.find(m("Items"))
    if items_el is None:
        raise schema_error("The element 'CreateItem' has incomplete content: 'Items' expected.")
    default = "sentitems" if disp == "SendAndSaveCopy" else "drafts"
    folder, folder_err = saved_item_folder(ctx, req, default)
    parsed = [("resp", *parse_response_object(el)) if local(el) in RESPONSE_OBJECTS else ("msg", *parse_item(el))
              for el in items_el]  # schema problems fault the whole request
    resp = response_root("CreateItem")
    msgs = sub(resp, m("ResponseMessages"))
    for entry in parsed:
        try:
            if folder_err:
                raise folder_err
            if disp is None:
                raise MailboxError("ErrorMessageDispositionRequired", "MessageDisposition is required for message items.")
            _create_one(ctx, msgs, entry, disp, folder)
        except MailboxError as e:
            error_message(msgs, "CreateItem", e)
    return resp


def _create_one(ctx: Ctx, msgs, entry: tuple, disp: str, folder) -> None:
    """One item of a CreateItem: saved (SaveOnly) or sent. Raises MailboxError."""
    fields, atts, mime = _entry_fields(ctx, entry)
    data = items.new_draft_data(ctx, fields)
    data.setdefault("DateTimeReceived", fmt_dt(utcnow()))  # Exchange stamps drafts too
    if mime is not None and "Body" not in fields:
        data.setdefault("Body", {"BodyType": "Text", "text": ""})
    if disp == "SaveOnly":
        row = file_item(ctx, folder[0], folder[1], data, atts, mime=mime)
        rm = response_message(msgs, "CreateItem")
        render_ids(sub(rm, m("Items")), row, ctx.store.attachments(row["key"]))
        return
    now = fmt_dt(utcnow())
    data.setdefault("DateTimeCreated", now)
    for a in atts:
        a.setdefault("modified", now)
        a["size"] = len(a.get("content") or b"")
    submit(ctx, data, atts, save_folder=folder if disp == "SendAndSaveCopy" else None, draft_key=None)
    rm = response_message(msgs, "CreateItem")
    sub(rm, m("Items"))


def _entry_fields(ctx: Ctx, entry: tuple):
    """(fields, attachments, MIME bytes or None) of a parsed message or response object (a reply or forward
    of a stored item), its MimeContent read into them."""
    if entry[0] == "resp":
        _, kind, rfields, ref, new_body = entry
        orig = load_item(ctx, ref, "read")
        fields, mime = build_response(kind, rfields, new_body, orig["data"], ctx.email), None
        atts = ctx.store.attachments(orig["key"], content=True) if kind == "ForwardItem" else []
    else:
        _, fields, atts, mime = entry
        if "_error" in fields:
            raise fields["_error"]
    if mime is not None:
        mime = mime_bytes(mime)
        mfields, matts = parse_mime(mime)
        fields = {**mfields, **fields}
        atts = matts + atts
    for a in atts:
        if "item_xml" in a:
            itematt.prepare(a)
    return fields, atts, mime


def op_get_item(ctx: Ctx, req):
    shape = parse_shape(req.find(m("ItemShape")))
    resp = response_root("GetItem")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)  # budget.py: an answer per id is bounded, the ids past the budget stopped
    for el in required_children(req, "ItemIds"):
        if budget.spent:
            stopped_message(msgs, "GetItem")
            continue
        try:
            item = load_item(ctx, el, "read")
        except MailboxError as e:
            budget.count(error_message(msgs, "GetItem", e))
            continue
        rm = response_message(msgs, "GetItem")
        render_full(ctx, sub(rm, m("Items")), item, shape)
        budget.count(rm)
    return resp


def render_full(ctx: Ctx, parent, item: dict, shape: Shape):
    atts = ctx.store.attachments(item["key"])
    mime = None
    if shape.include_mime:
        mime = ctx.sandbox.item_mime(item, atts)
    return render_item(parent, item, shape, atts=atts, mime=mime, parent_folder_id=folder_id_of(item))


def op_delete_item(ctx: Ctx, req):
    kind = check_enum(req.get("DeleteType"), tuple(items.DELETE_TO), "DeleteType")
    resp = response_root("DeleteItem")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "ItemIds"):
        try:
            item = load_item(ctx, el, "delete")
        except MailboxError as e:
            error_message(msgs, "DeleteItem", e)
            continue
        items.delete(ctx, item, kind)  # MoveToDeletedItems / SoftDelete: a new id there, as MoveItem gives
        response_message(msgs, "DeleteItem")
    return resp


def _move_or_copy(ctx: Ctx, req, op: str):
    resp = response_root(op)
    msgs = sub(resp, m("ResponseMessages"))
    box = req.find(m("ToFolderId"))
    if box is None or len(box) != 1:
        raise schema_error(f"The element '{op}' has incomplete content: 'ToFolderId' expected.")
    try:
        target, target_err = target_folder(ctx, box[0], "create"), None
    except MailboxError as e:
        target, target_err = None, e
    rn = req.find(m("ReturnNewItemIds"))
    return_new = True if rn is None else parse_bool(rn.text, "ReturnNewItemIds")
    for el in required_children(req, "ItemIds"):
        try:
            item = load_item(ctx, el, "read" if op == "CopyItem" else "delete")
            if target_err:
                raise target_err
        except MailboxError as e:
            error_message(msgs, op, e)
            continue
        row = items.move(ctx, item, target, copy_=op == "CopyItem")
        rm = response_message(msgs, op)
        box = sub(rm, m("Items"))
        if return_new:
            render_ids(box, row)
    return resp


def op_move_item(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "MoveItem")


def op_copy_item(ctx: Ctx, req):
    return _move_or_copy(ctx, req, "CopyItem")
