"""UpdateItem (Set/Append/DeleteItemField, conflict resolution on ChangeKeys) and SendItem."""

from __future__ import annotations

from ..core import items
from ..core.delivery import submit
from ..core.errors import MailboxError
from ..core.session import Ctx
from . import extprops
from .items import DISPOSITIONS, load_item, render_ids, saved_item_folder
from .itemxml import BY_NAME, BY_URI, parse_field_uri, parse_value
from .soap import (
    T_NS, check_enum, error_message, local, m, ns, parse_bool, required_children, response_message, response_root,
    schema_error, sub, t,
)

ACTIONS = {"SetItemField": "set", "AppendToItemField": "append", "DeleteItemField": "delete"}


def _parse_updates(updates_el) -> list[tuple[str, str | None, object]]:
    """-> [(action, element name or None for unknown/extended, parsed value)]"""
    if updates_el is None or len(updates_el) == 0:
        raise schema_error("The element 'ItemChange' has incomplete content: 'Updates' expected.")
    return [_parse_update(u) for u in updates_el]


def _parse_update(u) -> tuple[str, str | None, object]:
    action = local(u)
    if action not in ("SetItemField", "AppendToItemField", "DeleteItemField"):
        raise schema_error(f"The element 'Updates' has invalid child element '{action}'.")
    kids = list(u)
    if not kids:
        raise schema_error(f"The element '{action}' has incomplete content.")
    uri = parse_field_uri(kids[0])
    if kids[0].tag == t("ExtendedFieldURI"):
        return _parse_extended(action, kids)
    name = None if uri is None else _element_name(uri)
    if action == "DeleteItemField":
        if len(kids) != 1:
            raise schema_error("The element 'DeleteItemField' has invalid content.")
        return action, name, None
    if len(kids) != 2 or ns(kids[1]) != T_NS or local(kids[1]) not in ("Message", "Item"):
        raise schema_error(f"The element '{action}' must hold a property path and one item element.")
    if name is None:  # indexed property: accepted, not stored
        return action, None, None
    return action, name, _new_value(name, list(kids[1]))


def _element_name(uri: str) -> str:
    """The item element a FieldURI names ("?" + the URI for one the sandbox does not know)."""
    if uri in BY_URI:
        return BY_URI[uri][0]
    if uri in ("item:MimeContent", "item:ItemId", "item:ParentFolderId"):
        return uri.split(":")[1]
    return "?" + uri


def _new_value(name: str, values: list):
    """The parsed value a Set/AppendToItemField gives property ``name`` (``values``: its item's children)."""
    if len(values) != 1 or local(values[0]) != name:
        raise MailboxError("ErrorIncorrectUpdatePropertyCount",
                           "An object within a change description must contain one and only one property to modify.")
    f = BY_NAME.get(name)
    if f is None or not f[3]:
        raise MailboxError("ErrorInvalidPropertySet", "Set action is invalid for property.")
    return parse_value(name, f[2], values[0])


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


def op_update_item(ctx: Ctx, req):
    resolution = check_enum(req.get("ConflictResolution", "AutoResolve"),
                            ("NeverOverwrite", "AutoResolve", "AlwaysOverwrite"), "ConflictResolution")
    disp = req.get("MessageDisposition")
    if disp is not None:
        check_enum(disp, DISPOSITIONS, "MessageDisposition")
    changes = required_children(req, "ItemChanges")
    folder, folder_err = saved_item_folder(ctx, req, "sentitems")
    # Exchange 2013 SP1 and later: "SuppressReadReceipts ... whether read receipts for the updated item should be
    # suppressed" (learn.microsoft.com/exchange/client-developer/web-service-reference/updateitem); exchangelib's
    # Item.save() asks for it, its Account.bulk_update(suppress_read_receipts=False) does not
    suppress = parse_bool(req.get("SuppressReadReceipts", "false"), "SuppressReadReceipts")
    resp = response_root("UpdateItem")
    msgs = sub(resp, m("ResponseMessages"))
    for change in changes:
        if change.tag != t("ItemChange") or len(change) != 2:
            raise schema_error("The element 'ItemChanges' has invalid content.")
        id_el, updates_el = change[0], change[1]
        if updates_el.tag != t("Updates"):
            raise schema_error("The element 'ItemChange' has invalid child element.")
        try:
            changes = [(ACTIONS[action], name, value) for action, name, value in _parse_updates(updates_el)]
            item = load_item(ctx, id_el)
            sending = disp in ("SendOnly", "SendAndSaveCopy")
            touched, atts = items.change(ctx, item, changes, id_el.get("ChangeKey"), resolution,
                                         with_content=sending)
            if sending:
                if folder_err and disp == "SendAndSaveCopy":
                    raise folder_err
                items.send(ctx, item, save_folder=folder if disp == "SendAndSaveCopy" else None, atts=atts)
                rm = response_message(msgs, "UpdateItem")
                sub(rm, m("Items"))
            else:
                ck = items.save(ctx, item, touched, read_receipt=not suppress)
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
            items.check_stale(item, el.get("ChangeKey"))
            if folder_err:
                raise folder_err
            send_saved(ctx, item, folder)
        except MailboxError as e:
            error_message(msgs, "SendItem", e)
            continue
        response_message(msgs, "SendItem")
    return resp


def send_saved(ctx: Ctx, item: dict, folder: tuple[str, str] | None) -> None:
    """SendItem of one saved draft. Exchange saves the copy by moving the draft into SavedItemFolderId, which it
    cannot do across mailboxes, and says nothing: SendItem's reference page ("Remarks", on delegates)
    documents both cases, which the sandbox reproduces: (a) a delegate sends a draft in the principal's Drafts
    with a copy to "sentitems" without the principal's Mailbox (the delegate's own Sent Items): sent, the item
    stays in the principal's Drafts; (b) a delegate sends a draft in their own Drafts with a copy to the
    principal's Sent Items: sent, the draft stays in the delegate's Drafts, no copy in either Sent Items, and
    the answer is success. A draft in the principal's Drafts with a copy to the principal's Sent Items (the
    page's workaround) is saved there."""
    if folder is None or folder[0] == item["mailbox"]:
        items.send(ctx, item, save_folder=folder)
        return
    submit(ctx, item["data"], ctx.store.attachments(item["key"], content=True), save_folder=None, draft_key=None)
