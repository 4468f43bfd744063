"""Response objects in CreateItem: t:ReplyToItem, t:ReplyAllToItem, t:ForwardItem -> a new message."""

from __future__ import annotations

import html

from ..core.bodies import html_to_text, text_to_html
from ..core import threads
from ..core.errors import MailboxError
from .itemxml import BY_NAME, parse_value
from .soap import T_NS, local, ns, schema_error, t, wire_dt

RESPONSE_OBJECTS = ("ReplyToItem", "ReplyAllToItem", "ForwardItem")
_ORDER = ["Subject", "Body", "ToRecipients", "CcRecipients", "BccRecipients", "IsReadReceiptRequested",
          "IsDeliveryReceiptRequested", "From", "ReferenceItemId", "NewBodyContent"]


def parse_response_object(el) -> tuple[str, dict, object, dict | None]:
    """-> (kind, fields, ReferenceItemId element, NewBodyContent or None). Schema problems fault."""
    kind, fields, ref, new_body = local(el), {}, None, None
    last = -1
    for c in el:
        name = local(c)
        if ns(c) != T_NS or name not in _ORDER or _ORDER.index(name) <= last:
            raise schema_error(f"The element '{kind}' has invalid child element '{name}'.")
        last = _ORDER.index(name)
        if name == "ReferenceItemId":
            c.tag = t("ItemId")
            ref = c
        elif name == "NewBodyContent":
            new_body = parse_value(name, "body", c)
        else:
            fields[name] = parse_value(name, BY_NAME[name][2], c)
    if ref is None:
        raise schema_error(f"The element '{kind}' needs a ReferenceItemId.")
    return kind, fields, ref, new_body


def _same(a: dict, b: str) -> bool:
    return (a.get("EmailAddress") or "").lower() == b.lower()


def _quote_header(orig: dict, as_html: bool) -> str:
    frm = orig.get("From") or orig.get("Sender") or {}
    who = frm.get("Name") or frm.get("EmailAddress") or ""
    to = "; ".join(r.get("Name") or r.get("EmailAddress", "") for r in orig.get("ToRecipients") or [])
    sent = wire_dt(orig["DateTimeSent"]) if orig.get("DateTimeSent") else ""
    lines = [f"From: {who}", f"Sent: {sent}", f"To: {to}", f"Subject: {orig.get('Subject', '')}"]
    if as_html:
        return "<hr><div>" + "<br>".join(html.escape(x) for x in lines) + "</div>"
    return "\n\n________________________________\n" + "\n".join(lines) + "\n\n"


def build_response(kind: str, fields: dict, new_body: dict | None, orig: dict, me: str) -> dict:
    """The new message's fields, as Exchange composes a reply / reply-all / forward."""
    data = dict(fields)
    subject = orig.get("Subject", "")
    prefix = "FW: " if kind == "ForwardItem" else "RE: "
    data.setdefault("Subject", subject if subject.upper().startswith(prefix.strip().upper()) else prefix + subject)
    if kind != "ForwardItem" and "ToRecipients" not in data:
        _reply_recipients(kind, data, orig, me)
    if "Body" not in data:
        data["Body"] = _quoted_body(new_body, orig)
    _thread(data, orig, subject)
    if kind != "ForwardItem" and not data.get("ToRecipients") and not data.get("CcRecipients"):
        raise MailboxError("ErrorInvalidRecipients", "At least one recipient isn't valid.")
    return data


def _reply_recipients(kind: str, data: dict, orig: dict, me: str) -> None:
    """A reply goes to the sender; a reply-all also to the other To and Cc recipients, never to me."""
    sender = orig.get("From") or orig.get("Sender")
    data["ToRecipients"] = [sender] if sender else []
    if kind != "ReplyAllToItem":
        return
    extra = [r for r in orig.get("ToRecipients") or [] if not _same(r, me)]
    data["ToRecipients"] += [r for r in extra if not (sender and _same(r, sender.get("EmailAddress", "")))]
    cc = [r for r in orig.get("CcRecipients") or [] if not _same(r, me)]
    if cc and "CcRecipients" not in data:
        data["CcRecipients"] = cc


def _quoted_body(new_body: dict | None, orig: dict) -> dict:
    """The new text, then a header block and the original body, in the new body's type."""
    ob = orig.get("Body") or {"BodyType": "Text", "text": ""}
    nb = new_body or {"BodyType": ob["BodyType"], "text": ""}
    if nb["BodyType"] == "HTML":
        old = ob["text"] if ob["BodyType"] == "HTML" else text_to_html(ob["text"])
        return {"BodyType": "HTML", "text": nb["text"] + _quote_header(orig, True) + old}
    old = ob["text"] if ob["BodyType"] == "Text" else html_to_text(ob["text"])
    return {"BodyType": "Text", "text": nb["text"] + _quote_header(orig, False) + old}


def _thread(data: dict, orig: dict, subject: str) -> None:
    """The new message joins the original's conversation."""
    if orig.get("InternetMessageId"):
        data["InReplyTo"] = orig["InternetMessageId"]
        data["References"] = " ".join(x for x in (orig.get("References"), orig["InternetMessageId"]) if x)
    data["ConversationTopic"] = orig.get("ConversationTopic") or subject
    child = threads.child_index(orig["ConversationIndex"]) if orig.get("ConversationIndex") else None
    if child is not None:  # a child block: 5 more bytes ([MS-OXOMSG] 2.2.1.3)
        data["ConversationIndex"] = child
