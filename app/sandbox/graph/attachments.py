"""A message's attachments over Graph: add (``fileAttachment`` under 3 MB, ``itemAttachment``), list, get,
``$value`` (the raw bytes; an attached message's MIME) and delete. Adding or removing one restamps the
message as Exchange does (core/attachments.py): ``hasAttachments``, size and change key follow.

A file of 3 MB or more goes through an upload session (upload.py); ``referenceAttachment`` (a link to a
file in OneDrive) is refused: the sandbox has no OneDrive to link to."""

from __future__ import annotations

import datetime as _dt
from urllib.parse import quote

from ..core import attached
from ..core import attachments as core_attachments
from ..core.delivery import mailbox_of
from ..core.errors import MailboxError
from ..core.mime import build_mime
from . import attparse, attview, messages
from .errors import GraphError, bad_request, from_mailbox
from .ids import parse_attachment_id
from .request import Req, Resp, empty, json_resp

NOT_FOUND = "The attachment could not be found."


def _context(req: Req, item_id: str, entity: bool) -> str:
    return req.context(f"messages('{quote(item_id, safe='')}')/attachments" + ("/$entity" if entity else ""))


def _load(req: Req) -> tuple[dict, dict]:
    """(message, attachment) the path names; 404 ErrorItemNotFound / 400 ErrorInvalidIdMalformed."""
    item = messages.load(req)
    item_key, att_key = parse_attachment_id(req.params["aid"])
    if item_key != item["key"]:
        raise GraphError(404, "ErrorItemNotFound", NOT_FOUND)
    try:
        return core_attachments.load(req.ctx, item_key, att_key)
    except MailboxError as e:
        if e.code == "ErrorInvalidAttachmentId":
            raise GraphError(404, "ErrorItemNotFound", NOT_FOUND) from None
        raise from_mailbox(e) from None


def _select(req: Req) -> list[str] | None:
    if "$select" not in req.query:
        return None
    try:
        return attview.parse_select(req.query["$select"])
    except attview.UnknownProperty as e:
        raise bad_request(e.message, "RequestBroker--ParseUri") from None


def list_attachments(req: Req) -> Resp:
    item = messages.load(req)
    select = _select(req)
    atts = req.ctx.store.attachments(item["key"], content=attview.wants_content(select))
    item_id = req.params["id"]
    return json_resp(200, {"@odata.context": _context(req, item_id, False),
                           "value": [attview.render(item, a, select) for a in atts]})


def get(req: Req) -> Resp:
    item, att = _load(req)
    select = _select(req)
    if not attview.wants_content(select):
        att = {k: v for k, v in att.items() if k != "content"}
    return json_resp(200, {"@odata.context": _context(req, req.params["id"], True),
                           **attview.render(item, att, select)})


def value(req: Req) -> Resp:
    """The raw bytes of a file attachment; the MIME of an attached message."""
    item, att = _load(req)
    if att["kind"] != attached.KIND:
        return Resp(200, att["content"], att.get("content_type") or "application/octet-stream")
    fields, inner = attached.unpack(att["content"])
    sender = fields.get("From") or mailbox_of(req.ctx.user)
    when = _dt.datetime.fromisoformat((fields.get("DateTimeSent") or att.get("modified") or "1970-01-01T00:00:00Z")
                                      .replace("Z", "+00:00"))
    mid = fields.get("InternetMessageId") or f"<{att['key']}@{req.ctx.email.split('@')[-1]}>"
    return Resp(200, build_mime(fields, inner, sender=sender, message_id=mid, date=when), "message/rfc822")


def delete(req: Req) -> Resp:
    item, att = _load(req)
    core_attachments.remove(req.ctx, item, att["key"])
    return empty(204)


def create(req: Req) -> Resp:
    doc = req.json()
    item = messages.load(req)
    att = attparse.parse(doc)
    key = core_attachments.add(req.ctx, item, att)
    stored = req.ctx.store.attachment(key)
    return json_resp(201, {"@odata.context": _context(req, req.params["id"], True), **attview.render(item, stored)})
