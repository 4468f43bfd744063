"""createReply, createReplyAll, createForward: a draft that answers or forwards a stored message, as Exchange
composes it (core/responses.py, shared with EWS's response objects): recipients, ``RE:``/``FW:`` once, the
quoted original, the Forward's attachments, and the original's conversation (In-Reply-To, References,
ConversationIndex). The body is JSON with an optional ``comment`` (above the quote) or ``message`` (its body
instead of the comment, plus other fields), and for a forward ``toRecipients``; both a comment and a
message body is 400 (learn.microsoft.com/graph/api/message-createreplyall). Answers 201 with the draft, which
is then updated and sent like any other."""

from __future__ import annotations

import html

from ..core import items
from ..core.clock import fmt_dt, utcnow
from ..core.delivery import file_item
from ..core.errors import MailboxError
from ..core.responses import build_response
from . import jsonmap
from .params import action_params
from .errors import bad_request, from_mailbox
from .messages import load, rendered
from .request import Req, Resp, json_resp

#: Graph's action -> the response's kind in the core (EWS's names)
ACTIONS = {"createReply": "ReplyToItem", "createReplyAll": "ReplyAllToItem", "createForward": "ForwardItem"}


def _params(req: Req, forward: bool) -> tuple[dict, dict | None]:
    """(fields the client set, the new body content or None) of the action's body (none at all is allowed)."""
    names = ("comment", "message", "toRecipients") if forward else ("comment", "message")
    doc = action_params(req.json() if req.body.strip() else {}, "createForward" if forward else "createReply", names)
    comment, message = doc.get("comment"), doc.get("message")
    if comment is not None and not isinstance(comment, str):
        raise bad_request("Invalid value for parameter 'Comment'.", "RequestBodyRead")
    fields = jsonmap.parse(message, creating=True) if message is not None else {}
    if forward and doc.get("toRecipients") is not None:
        fields.update(jsonmap.parse({"toRecipients": doc["toRecipients"]}, creating=True))
    fields = {k: v for k, v in fields.items() if v is not None and not k.startswith("ext:")}  # no deferral kept here
    body = fields.pop("Body", None)
    if comment and body is not None:
        raise bad_request("A comment and a message body cannot both be specified.", "ErrorInvalidRequest")
    if comment:
        body = {"BodyType": "HTML", "text": "<div>" + html.escape(comment).replace("\n", "<br>") + "</div>"}
    return fields, body or {"BodyType": "HTML", "text": ""}


def _create(req: Req, action: str) -> Resp:
    kind = ACTIONS[action]
    orig = load(req)
    ctx = req.ctx
    fields, new_body = _params(req, kind == "ForwardItem")
    try:
        data = build_response(kind, fields, new_body, orig["data"], ctx.email)
    except MailboxError as e:
        raise from_mailbox(e) from None
    atts = ctx.store.attachments(orig["key"], content=True) if kind == "ForwardItem" else []
    data = items.new_draft_data(ctx, data)
    data.setdefault("DateTimeReceived", fmt_dt(utcnow()))
    row = file_item(ctx, ctx.email, "drafts", data, atts)
    return json_resp(201, {"@odata.context": req.context("messages/$entity"), **rendered(req, row)})


def create_reply(req: Req) -> Resp:
    return _create(req, "createReply")


def create_reply_all(req: Req) -> Resp:
    return _create(req, "createReplyAll")


def create_forward(req: Req) -> Resp:
    return _create(req, "createForward")
