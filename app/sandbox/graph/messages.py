"""Messages over Graph: create (JSON or MIME), get, update, delete, $value, send, move, sendMail, list."""

from __future__ import annotations

import base64
import binascii

from ..core import items
from ..core.clock import fmt_dt, utcnow
from ..core.delivery import file_item
from ..core.errors import MailboxError
from ..core.mime import parse_mime
from . import attparse, attview, expand, folders, jsonmap, legacyprops, odata, permissions
from .errors import GraphError, bad_request, from_mailbox
from .ids import immutable_id, message_id, parse_message_id
from .params import action_params
from .request import Req, Resp, empty, json_resp

MIME_INVALID = "Invalid base64 string for MIME content."
#: What Graph lets a client change on a message that is no longer a draft.
NON_DRAFT_WRITABLE = {"Categories", "Flag", "Importance", "IsRead", "IsDeliveryReceiptRequested",
                      "IsReadReceiptRequested"}


def id_of(req: Req, item: dict) -> str:
    """The id a client sees for ``item``: immutable under Prefer: IdType="ImmutableId", else its REST id."""
    return immutable_id(items.immutable_key(item)) if req.immutable else message_id(item["key"])


def load(req: Req, value: str | None = None) -> dict:
    kind, key = parse_message_id(value or req.params["id"])
    try:
        return items.load_immutable(req.ctx, key) if kind == "immutable" else items.load(req.ctx, key)
    except MailboxError as e:
        raise from_mailbox(e) from None


def rendered(req: Req, item: dict, select=None) -> dict:
    return jsonmap.render(item, item_id=id_of(req, item), select=select)


def _mime_body(req: Req) -> tuple[dict, list[dict], bytes]:
    text = req.body.strip()
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise GraphError(400, "ErrorMimeContentInvalidBase64String", MIME_INVALID) from None
    if not raw.strip():
        raise GraphError(400, "ErrorMimeContentInvalidBase64String", MIME_INVALID)
    try:
        fields, atts = parse_mime(raw)
    except MailboxError as e:
        raise from_mailbox(e) from None
    return fields, atts, raw


def _file_attachments(doc: dict) -> list[dict]:
    """``attachments`` inline in a new message, each as POST .../attachments takes it (attparse.py)."""
    atts = doc.get("attachments") or []
    if not isinstance(atts, list):
        raise bad_request("Invalid value for property 'attachments'.", "RequestBodyRead")
    return [attparse.parse(a) for a in atts]


def _new_fields(req: Req) -> tuple[dict, list[dict], bytes | None]:
    if req.content_type == "text/plain":
        return _mime_body(req)
    doc = req.json()
    fields = jsonmap.parse(doc, creating=True)
    fields = {k: v for k, v in fields.items() if v is not None}
    return fields, _file_attachments(doc), None


def create(req: Req) -> Resp:
    folder = folders.resolve(req, req.params.get("folder", "drafts"))
    fields, atts, mime = _new_fields(req)
    ctx = req.ctx
    data = items.new_draft_data(ctx, fields)
    data.setdefault("DateTimeReceived", fmt_dt(utcnow()))
    data.setdefault("Body", {"BodyType": "Text", "text": ""})
    row = file_item(ctx, ctx.email, folder["key"], data, atts, mime=mime)
    return json_resp(201, {"@odata.context": req.context("messages/$entity"), **rendered(req, row)})


def expanded(req: Req, item: dict, expansion: expand.Expansion) -> dict:
    """The navigation properties ``expansion`` asked for: the message's attachments, its extended properties."""
    out = legacyprops.expanded(expansion.legacy, item["data"])
    if expansion.attachments:
        select = expansion.attachment_select
        atts = req.ctx.store.attachments(item["key"], content=attview.wants_content(select))
        out["attachments"] = [attview.render(item, a, select) for a in atts]
    return out


#: The query options a GET of one message takes: Graph's "Get message" page lists $select and $expand only
#: (https://learn.microsoft.com/graph/api/message-get). Any other is refused as odata.parse refuses one a list
#: does not take, never ignored.
ONE_MESSAGE_OPTIONS = ("$select", "$expand")


def get(req: Req) -> Resp:
    odata.refuse_options(req.query, ONE_MESSAGE_OPTIONS)
    select = odata.parse_select(req.query["$select"]) if "$select" in req.query else None
    expansion = expand.parse(req.query.get("$expand"))
    item = load(req)
    return json_resp(200, {"@odata.context": req.context("messages/$entity"), **rendered(req, item, select),
                           **expanded(req, item, expansion)})


def value(req: Req) -> Resp:
    item = load(req)
    atts = req.ctx.store.attachments(item["key"], content=True)
    return Resp(200, req.ctx.sandbox.item_mime(item, atts), "message/rfc822")


def update(req: Req) -> Resp:
    item = load(req)
    fields = jsonmap.parse(req.json(), creating=False)
    if not item["data"].get("IsDraft"):
        refused = sorted(set(fields) - NON_DRAFT_WRITABLE)
        if refused:
            raise GraphError(400, "ErrorInvalidPropertyUpdateSentMessage",
                             "Update operation is invalid for property of a sent message.")
    etag = (req.headers.get("If-Match") or "").strip()
    if etag and etag != "*" and etag.removeprefix("W/").strip('"') != item["change_key"]:
        raise GraphError(412, "ErrorIrresolvableConflict", items.CONFLICT)
    changes = [("delete" if v is None else "set", k, v) for k, v in fields.items()]
    try:
        touched, _ = items.change(req.ctx, item, changes, None)
        ck = items.save(req.ctx, item, touched)
    except MailboxError as e:
        raise from_mailbox(e) from None
    item = dict(item, change_key=ck)
    return json_resp(200, {"@odata.context": req.context("messages/$entity"), **rendered(req, item)})


def delete(req: Req) -> Resp:
    item = load(req)
    items.delete(req.ctx, item, "MoveToDeletedItems")  # Graph's DELETE moves a message to Deleted Items
    return empty(204)


def send(req: Req) -> Resp:
    if req.body.strip():
        req.json()  # Graph's send takes no parameters; a body must at least be JSON
    item = load(req)
    if not item["data"].get("IsDraft") or item["folder"] == "outbox":
        raise GraphError(400, "ErrorInvalidOperation", "Only a draft message can be sent.")
    permissions.check_send_from(req.scopes, req.ctx.acting["email"], item["data"])
    try:
        req.ctx.sandbox.outbox.submit_later(req.ctx, item, save=True)
    except MailboxError as e:
        raise from_mailbox(e) from None
    return empty(202)


def send_mail(req: Req) -> Resp:
    ctx = req.ctx
    if req.content_type == "text/plain":
        fields, atts, mime = _mime_body(req)
        save = True
    else:
        doc = action_params(req.json(), "sendMail", ("message", "saveToSentItems"))
        if not isinstance(doc.get("message"), dict):
            raise bad_request("Value cannot be null. Parameter name: Message", "ErrorInvalidParameter")
        save = doc.get("saveToSentItems", True)
        if not isinstance(save, bool):
            raise bad_request(f"Cannot convert the literal '{save}' to the expected type 'Edm.Boolean'.",
                              "RequestBodyRead")
        fields = {k: v for k, v in jsonmap.parse(doc["message"], creating=True).items() if v is not None}
        atts, mime = _file_attachments(doc["message"]), None
    permissions.check_send_from(req.scopes, ctx.acting["email"], fields)
    data = items.new_draft_data(ctx, fields)
    data.setdefault("Body", {"BodyType": "Text", "text": ""})
    row = file_item(ctx, ctx.email, "drafts", data, atts, mime=mime)
    try:
        ctx.sandbox.outbox.submit_later(ctx, row, save=save)
    except MailboxError as e:
        raise from_mailbox(e) from None
    return empty(202)


def move(req: Req) -> Resp:
    dest = action_params(req.json(), "move", ("destinationId",)).get("destinationId")
    if not isinstance(dest, str) or not dest:
        raise bad_request("Value cannot be null. Parameter name: DestinationId", "ErrorInvalidParameter")
    item = load(req)
    target = folders.resolve(req, dest)
    row = items.move(req.ctx, item, (req.ctx.email, target["key"]))
    return json_resp(201, {"@odata.context": req.context("messages/$entity"), **rendered(req, row)})


def list_folder(req: Req) -> Resp:
    """GET /mailFolders/{id}/messages, or /messages: every message of the mailbox's mail folders."""
    name = req.params.get("folder")
    if name is None:
        keys = [r["key"] for r in req.ctx.store.subtree(req.ctx.email, "msgfolderroot") if not r["deleted"]]
        path, what = "/messages", "messages"
    else:
        keys = [folders.resolve(req, name)["key"]]
        path, what = f"/mailFolders/{name}/messages", f"mailFolders('{name}')/messages"
    q = odata.parse(req.query)
    total, rows = req.ctx.store.query(req.ctx.email, keys, q.where, q.args, q.order_sql, q.skip, q.top)
    doc = {"@odata.context": req.context(what)}
    if q.count:
        doc["@odata.count"] = total
    doc["value"] = [{**rendered(req, r, q.select), **expanded(req, r, q.expansion)} for r in rows]
    if q.skip + len(rows) < total:
        nxt = dict(req.query)
        nxt["$skip"] = str(q.skip + len(rows))
        nxt["$top"] = str(q.top)
        doc["@odata.nextLink"] = req.link(path, nxt)
    return json_resp(200, doc)
