"""UpdateItem (Set/Append/DeleteItemField, conflict resolution on ChangeKeys) and SendItem."""

from __future__ import annotations

import copy

from . import extprops
from ..core.delivery import estimate_size, submit
from ..core.session import Ctx
from .itemxml import BY_NAME, BY_URI, parse_field_uri, parse_value
from .items import DISPOSITIONS, clip_subject, load_item, render_ids, saved_item_folder
from .soap import (
    T_NS, check_enum, error_message, local, m, ns, parse_bool, required_children, response_message, response_root, schema_error, sub, t,
)
from ..core.clock import fmt_dt, utcnow
from ..core.errors import MailboxError

CONFLICT = ("The send or update operation could not be performed because the change key passed in the request "
            "does not match the current change key for the item.")
STALE = "The change key passed in the request does not match the current change key for the item."
APPENDABLE = {"ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo", "Body", "Categories"}
REQUIRED_ON_DELETE = {"ItemClass"}


def _parse_updates(updates_el) -> list[tuple[str, str | None, object]]:
    """-> [(action, element name or None for unknown/extended, parsed value)]"""
    out = []
    if updates_el is None or len(updates_el) == 0:
        raise schema_error("The element 'ItemChange' has incomplete content: 'Updates' expected.")
    for u in updates_el:
        action = local(u)
        if action not in ("SetItemField", "AppendToItemField", "DeleteItemField"):
            raise schema_error(f"The element 'Updates' has invalid child element '{action}'.")
        kids = list(u)
        if not kids:
            raise schema_error(f"The element '{action}' has incomplete content.")
        uri = parse_field_uri(kids[0])
        name = None
        if kids[0].tag == t("ExtendedFieldURI"):
            out.append(_parse_extended(action, kids))
            continue
        if uri is not None:
            if uri in BY_URI:
                name = BY_URI[uri][0]
            elif uri in ("item:MimeContent", "item:ItemId", "item:ParentFolderId"):
                name = uri.split(":")[1]
            else:
                name = "?" + uri
        if action == "DeleteItemField":
            if len(kids) != 1:
                raise schema_error("The element 'DeleteItemField' has invalid content.")
            out.append((action, name, None))
            continue
        if len(kids) != 2 or ns(kids[1]) != T_NS or local(kids[1]) not in ("Message", "Item"):
            raise schema_error(f"The element '{action}' must hold a property path and one item element.")
        values = list(kids[1])
        if name is None:  # indexed property: accepted, not stored
            out.append((action, None, None))
            continue
        if len(values) != 1 or local(values[0]) != name:
            raise MailboxError("ErrorIncorrectUpdatePropertyCount",
                           "An object within a change description must contain one and only one property to modify.")
        f = BY_NAME.get(name)
        if f is None or not f[3]:
            raise MailboxError("ErrorInvalidPropertySet", "Set action is invalid for property.")
        out.append((action, name, parse_value(name, f[2], values[0])))
    return out


def _parse_extended(action: str, kids) -> tuple[str, str, object]:
    """An update of an extended property: ("ext:" + its key, its value or None)."""
    key, _attrs = extprops.parse_uri(kids[0])
    if action == "DeleteItemField":
        if len(kids) != 1:
            raise schema_error("The element 'DeleteItemField' has invalid content.")
        return action, "ext:" + key, None
    if len(kids) != 2 or ns(kids[1]) != T_NS or local(kids[1]) not in ("Message", "Item"):
        raise schema_error(f"The element '{action}' must hold a property path and one item element.")
    values = list(kids[1])
    if len(values) != 1 or local(values[0]) != "ExtendedProperty":
        raise MailboxError("ErrorIncorrectUpdatePropertyCount",
                       "An object within a change description must contain one and only one property to modify.")
    vkey, value = extprops.parse_property(values[0])
    if vkey != key:
        raise MailboxError("ErrorIncorrectUpdatePropertyCount",
                       "An object within a change description must contain one and only one property to modify.")
    return action, "ext:" + key, value


def _apply(data: dict, updates) -> set:
    touched = set()
    for action, name, value in updates:
        if name is None:
            continue
        if name.startswith("ext:"):
            extprops.apply(data, action, name[4:], value)
            touched.add(name)
            continue
        if name.startswith("?") or name not in BY_NAME:
            if action == "DeleteItemField":
                raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
            raise MailboxError("ErrorInvalidPropertyRequest", "The property cannot be updated.")
        f = BY_NAME[name]
        if action == "SetItemField":
            data[name] = clip_subject(value) if name == "Subject" else value
        elif action == "AppendToItemField":
            if name not in APPENDABLE:
                raise MailboxError("ErrorInvalidPropertyAppend", "Append action is invalid for property.")
            if name == "Body":
                old = data.get("Body")
                kind = (old or value)["BodyType"]
                data[name] = {"BodyType": kind, "text": (old or {}).get("text", "") + value["text"]}
            else:
                data[name] = list(data.get(name) or []) + list(value)
        else:
            if not f[3] or name in REQUIRED_ON_DELETE:
                raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
            data.pop(name, None)
        touched.add(name)
    return touched


def _changed_since(data: dict, ck: str) -> set | None:
    hist = data.get("_ck_history") or []
    for i, (key, _fields) in enumerate(hist):
        if key == ck:
            return {f for _, fields in hist[i + 1:] for f in fields}
    return None


def _value(data: dict, field: str):
    return (data.get("_ext") or {}).get(field[4:]) if field.startswith("ext:") else data.get(field)


def check_change_key(item: dict, before: dict, ck: str | None, resolution: str, touched: set):
    """AutoResolve merges a stale update unless a property it sets was changed since that ChangeKey to a
    different value (re-sending the very same update, e.g. after a lost answer, is not a conflict)."""
    if not ck or ck == item["change_key"] or resolution == "AlwaysOverwrite":
        return
    if resolution == "NeverOverwrite":
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)
    since = _changed_since(before, ck)
    if since is None or "*" in since:
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)
    if any(_value(before, f) != _value(item["data"], f) for f in since & touched):
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)


def op_update_item(ctx: Ctx, req):
    resolution = check_enum(req.get("ConflictResolution", "AutoResolve"),
                            ("NeverOverwrite", "AutoResolve", "AlwaysOverwrite"), "ConflictResolution")
    disp = req.get("MessageDisposition")
    if disp is not None:
        check_enum(disp, DISPOSITIONS, "MessageDisposition")
    changes = required_children(req, "ItemChanges")
    folder, folder_err = saved_item_folder(ctx, req, "sentitems")
    resp = response_root("UpdateItem")
    msgs = sub(resp, m("ResponseMessages"))
    for change in changes:
        if change.tag != t("ItemChange") or len(change) != 2:
            raise schema_error("The element 'ItemChanges' has invalid content.")
        id_el, updates_el = change[0], change[1]
        if updates_el.tag != t("Updates"):
            raise schema_error("The element 'ItemChange' has invalid child element.")
        try:
            updates = _parse_updates(updates_el)
            item = load_item(ctx, id_el)
            data = item["data"]
            before = copy.deepcopy(data)
            touched = _apply(data, updates)
            check_change_key(item, before, id_el.get("ChangeKey"), resolution, touched)
            data["LastModifiedTime"] = fmt_dt(utcnow())
            atts = ctx.store.attachments(item["key"], content=disp in ("SendOnly", "SendAndSaveCopy"))
            data["Size"] = estimate_size(data, atts)
            if disp in ("SendOnly", "SendAndSaveCopy"):
                if folder_err and disp == "SendAndSaveCopy":
                    raise folder_err
                submit(ctx, data, atts, save_folder=folder if disp == "SendAndSaveCopy" else None,
                       draft_key=item["key"])
                rm = response_message(msgs, "UpdateItem")
                sub(rm, m("Items"))
            else:
                ck = ctx.store.save(item["key"], data, touched=touched)
                ctx.store.set_mime(item["key"], None)
                rm = response_message(msgs, "UpdateItem")
                render_ids(sub(rm, m("Items")), dict(item, change_key=ck))
            sub(sub(rm, m("ConflictResults")), t("Count"), "0")
        except MailboxError as e:
            error_message(msgs, "UpdateItem", e)
    return resp


def op_send_item(ctx: Ctx, req):
    save = parse_bool(req.get("SaveItemToFolder"), "SaveItemToFolder")
    folder, folder_err = saved_item_folder(ctx, req, "sentitems") if save else (None, None)
    resp = response_root("SendItem")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "ItemIds"):
        try:
            item = load_item(ctx, el)
            ck = el.get("ChangeKey")
            if ck and ck != item["change_key"]:
                raise MailboxError("ErrorStaleObject", STALE)
            if folder_err:
                raise folder_err
            atts = ctx.store.attachments(item["key"], content=True)
            submit(ctx, item["data"], atts, save_folder=folder, draft_key=item["key"])
        except MailboxError as e:
            error_message(msgs, "SendItem", e)
            continue
        response_message(msgs, "SendItem")
    return resp
