"""The attachment operations (ResolveNames and ExpandDL: names.py)."""

from __future__ import annotations

from ..core import attachments, ids
from ..core.clock import fmt_dt, utcnow
from ..core.errors import MailboxError
from ..core.session import Ctx
from . import itematt
from .budget import budget_of, stopped_message
from .items import load_item
from .itemxml import parse_attachments, render_attachment_meta, render_attachment_ref
from .soap import (
    error_message, m, required_children, response_message, response_root, schema_error, sub, t,
)

# ---------------- attachments ----------------

def _load_attachment(ctx: Ctx, id_el) -> tuple[dict, dict]:
    item_key, att_key = ids.attachment_keys(id_el.get("Id"))
    return attachments.load(ctx, item_key, att_key)


def op_create_attachment(ctx: Ctx, req):
    parent = req.find(m("ParentItemId"))
    box = req.find(m("Attachments"))
    if parent is None or box is None or len(box) == 0:
        raise schema_error("The element 'CreateAttachment' has incomplete content.")
    atts = parse_attachments(box)
    resp = response_root("CreateAttachment")
    msgs = sub(resp, m("ResponseMessages"))
    parent.tag = t("ItemId")
    try:
        item = load_item(ctx, parent)
    except MailboxError as e:
        for _ in atts:
            error_message(msgs, "CreateAttachment", e)
        return resp
    now = fmt_dt(utcnow())
    keys = []
    for a in atts:
        try:
            if "item_xml" in a:
                itematt.prepare(a)
        except MailboxError as e:
            keys.append((e, None))
            continue
        keys.append((attachments.attach(ctx, item, a, now), a["kind"]))
    ck = attachments.restamp(ctx, item)
    for key, kind in keys:
        if isinstance(key, MailboxError):
            error_message(msgs, "CreateAttachment", key)
            continue
        rm = response_message(msgs, "CreateAttachment")
        render_attachment_ref(sub(rm, m("Attachments")), item["key"], key, ck, kind)
    return resp


def op_get_attachment(ctx: Ctx, req):
    box = required_children(req, "AttachmentIds")
    resp = response_root("GetAttachment")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)  # budget.py: an answer per id is bounded, the ids past the budget stopped
    for el in box:
        if budget.spent:
            stopped_message(msgs, "GetAttachment")
            continue
        try:
            item, att = _load_attachment(ctx, el)
        except MailboxError as e:
            budget.count(error_message(msgs, "GetAttachment", e))
            continue
        rm = response_message(msgs, "GetAttachment")
        fa = render_attachment_meta(sub(rm, m("Attachments")), item["key"], att, content=True)
        if att["kind"] == itematt.KIND:
            itematt.render_content(fa, att)
        budget.count(rm)
    return resp


def op_delete_attachment(ctx: Ctx, req):
    box = required_children(req, "AttachmentIds")
    resp = response_root("DeleteAttachment")
    msgs = sub(resp, m("ResponseMessages"))
    for el in box:
        try:
            item, att = _load_attachment(ctx, el)
        except MailboxError as e:
            error_message(msgs, "DeleteAttachment", e)
            continue
        ck = attachments.remove(ctx, item, att["key"])  # item: read just now by _load_attachment
        rm = response_message(msgs, "DeleteAttachment")
        sub(rm, m("RootItemId"), RootItemId=ids.item_id(item["key"]), RootItemChangeKey=ck)
    return resp
