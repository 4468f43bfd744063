"""Replies and forwards of a stored message, as Exchange composes them, whatever the protocol that asks (EWS
CreateItem t:ReplyToItem / t:ReplyAllToItem / t:ForwardItem, Graph createReply / createReplyAll /
createForward): the recipients, ``RE:``/``FW:`` once, the quoted original under a header block, and the
original's conversation (core/threads.py). The kinds are EWS's element names."""

from __future__ import annotations

import html

from . import threads
from .bodies import html_to_text, text_to_html
from .errors import MailboxError

KINDS = ("ReplyToItem", "ReplyAllToItem", "ForwardItem")


def wire_dt(stored: str) -> str:
    """A stored time as Exchange shows it: whole seconds, 'Z'."""
    return stored[:19] + "Z"


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
    """A reply goes to the sender; a reply-all also to the other To and Cc recipients, never to me. A reply to
    a message I sent (from Sent Items) goes to its To, as Outlook's does: the sender is myself."""
    sender = orig.get("From") or orig.get("Sender")
    mine = bool(sender) and _same(sender, me)
    others = [r for r in orig.get("ToRecipients") or [] if not _same(r, me)]
    data["ToRecipients"] = others if mine else [sender] if sender else []
    if kind != "ReplyAllToItem":
        return
    if not mine:
        data["ToRecipients"] += [r for r in others if not (sender and _same(r, sender.get("EmailAddress", "")))]
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
