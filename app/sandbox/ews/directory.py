"""ResolveNames (the sandbox's directory of users) and the attachment operations."""

from __future__ import annotations

from ..core import ids
from ..core.clock import fmt_dt, utcnow
from ..core.delivery import estimate_size
from ..core.errors import ACCESS_DENIED, MailboxError
from ..core.session import Ctx
from . import itematt
from .items import load_item
from .itemxml import parse_attachments, render_attachment_meta, render_attachment_ref
from .soap import (
    error_message, m, parse_bool, required_children, response_message, response_root, schema_error, sub, t,
)

NO_RESULTS = "No results were found."
MULTIPLE = "Multiple results were found."
ATT_NOT_FOUND = "The attachment could not be found."


def match_users(users: list[dict], query: str) -> list[dict]:
    q = query.strip().lower()
    if q.startswith("smtp:"):
        q = q[5:]
    if not q:
        return []
    exact = [u for u in users if u["email"].lower() == q]
    if exact:
        return exact
    out = []
    for u in users:
        name = (u.get("name") or "").lower()
        keys = [u["email"].lower(), u["email"].split("@")[0].lower(), (u.get("username") or "").lower(), name]
        keys += name.split()
        if any(k.startswith(q) for k in keys if k):
            out.append(u)
    return out


def _render_resolution(parent, u: dict, full: bool):
    res = sub(parent, t("Resolution"))
    mb = sub(res, t("Mailbox"))
    sub(mb, t("Name"), u.get("name") or u["email"])
    sub(mb, t("EmailAddress"), u["email"])
    sub(mb, t("RoutingType"), "SMTP")
    sub(mb, t("MailboxType"), "Mailbox")
    if full:
        c = sub(res, t("Contact"))
        name = u.get("name") or u["email"]
        sub(c, t("DisplayName"), name)
        sub(c, t("GivenName"), name.split()[0])
        emails = sub(c, t("EmailAddresses"))
        sub(emails, t("Entry"), "SMTP:" + u["email"], Key="EmailAddress1")
        sub(c, t("ContactSource"), "ActiveDirectory")
        if len(name.split()) > 1:
            sub(c, t("Surname"), name.split()[-1])


def op_resolve_names(ctx: Ctx, req):
    full = parse_bool(req.get("ReturnFullContactData"), "ReturnFullContactData")
    entry = req.find(m("UnresolvedEntry"))
    if entry is None:
        raise schema_error("The element 'ResolveNames' has incomplete content: 'UnresolvedEntry' expected.")
    found = match_users(ctx.sandbox.users, entry.text or "")
    resp = response_root("ResolveNames")
    msgs = sub(resp, m("ResponseMessages"))
    if not found:
        response_message(msgs, "ResolveNames", "ErrorNameResolutionNoResults", NO_RESULTS)
        return resp
    if len(found) == 1:
        rm = response_message(msgs, "ResolveNames")
    else:
        rm = response_message(msgs, "ResolveNames", "ErrorNameResolutionMultipleResults", MULTIPLE, klass="Warning")
    rs = sub(rm, m("ResolutionSet"), TotalItemsInView=str(len(found)), IncludesLastItemInRange="true")
    for u in found[:100]:
        _render_resolution(rs, u, full)
    return resp


# ---------------- attachments ----------------

def _load_attachment(ctx: Ctx, id_el) -> tuple[dict, dict]:
    item_key, att_key = ids.attachment_keys(id_el.get("Id"))
    item = ctx.store.get(item_key)
    att = ctx.store.attachment(att_key)
    if item is None or att is None or att["item_key"] != item_key:
        raise MailboxError("ErrorInvalidAttachmentId", ATT_NOT_FOUND)
    if item["mailbox"] != ctx.email:
        raise MailboxError("ErrorAccessDenied", ACCESS_DENIED)
    return item, att


def _touch(ctx: Ctx, item: dict) -> str:
    data = item["data"]
    atts = ctx.store.attachments(item["key"])
    data["_has_attachments"] = bool(atts)
    data["LastModifiedTime"] = fmt_dt(utcnow())
    data["Size"] = estimate_size(data, atts)
    ck = ctx.store.save(item["key"], data, touched={"Attachments"})
    ctx.store.set_mime(item["key"], None)
    return ck


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
        a["modified"] = now
        keys.append((ctx.store.add_attachment(item["key"], a), a["kind"]))
    ck = _touch(ctx, item)
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
    for el in box:
        try:
            item, att = _load_attachment(ctx, el)
        except MailboxError as e:
            error_message(msgs, "GetAttachment", e)
            continue
        rm = response_message(msgs, "GetAttachment")
        fa = render_attachment_meta(sub(rm, m("Attachments")), item["key"], att, content=True)
        if att["kind"] == itematt.KIND:
            itematt.render_content(fa, att)
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
        ctx.store.delete_attachment(att["key"])
        ck = _touch(ctx, item)  # read just now by _load_attachment
        rm = response_message(msgs, "DeleteAttachment")
        sub(rm, m("RootItemId"), RootItemId=ids.item_id(item["key"]), RootItemChangeKey=ck)
    return resp
