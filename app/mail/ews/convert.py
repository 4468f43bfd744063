"""Draft <-> exchangelib Message, and listing rows -> MessageSummary."""

from __future__ import annotations

import datetime as _dt
import re

from exchangelib import Body, HTMLBody, Mailbox
from exchangelib.attachments import FileAttachment
from exchangelib.items import Message

from app.domain.models import (Attachment, BodyFormat, Draft, Importance, ItemRef, MessageSummary, Origin, Recipient,
                               Sensitivity)
from app.domain.senders import Principal, SendRight
from app.domain.validation import safe_attachment_name
from app.mail.ews import extended

extended.register()  # the flag's and the headers' extended properties on Message (app/mail/ews/extended.py)

# Message fields a save writes. Passed explicitly as ``update_fields`` on every UpdateItem: exchangelib's
# default list silently drops recipients and receipts for a locally created message (the trap).
UPDATE_FIELDS = [
    "subject",
    "body",
    "importance",
    "to_recipients",
    "cc_recipients",
    "bcc_recipients",
    "is_read_receipt_requested",
    "is_delivery_receipt_requested",
    "reply_to", "sensitivity", "categories",
    *extended.FLAG_FIELDS,
]

# Fields a full read needs (GetItem).
READ_FIELDS = [
    *UPDATE_FIELDS,
    "message_id",
    "attachments",
    "last_modified_time",
    extended.HEADER_LIST,
    extended.SEND_AT,  # Send later kept on the server: the deferred send time
    "author",  # From: a principal's mailbox for a draft sent as / on behalf of it
    "sender",  # Sender: who sent it (on behalf: not From), for the Sent preview
    "in_reply_to", "references",  # a reply's place in its conversation
    "conversation_index", "conversation_topic",  # and its conversation, for a follow-up's own index
]

# Simple fields for a listing: FindItem alone answers with these (no GetItem follow-up).
LIST_FIELDS = [
    "subject",
    "display_to",
    "datetime_created",
    "last_modified_time",
    "has_attachments",
    "importance",
    "datetime_sent",
    "message_id",
    *extended.FLAG_FIELDS,
]


# Characters XML 1.0 cannot carry (exchangelib would put "?" in their place): pasted text has them
# (form feeds from PDFs, terminal escapes). Page breaks become line breaks; the rest is invisible: dropped.
# Applied to our own text before it is handed to exchangelib; exchangelib's own pass then finds none of these.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = ("\x0b", "\x0c")


def xml_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` without the characters XML 1.0 cannot carry (page breaks become line breaks unless
    ``one_line``)."""
    if not one_line:  # str.replace, not str.translate: translate is ~80 ms per MB for a text not in ASCII
        for ch in _BREAKS:
            if ch in text:
                text = text.replace(ch, "\n")
    return _XML_ILLEGAL.sub("", text)


def _mailboxes(recipients: list[Recipient]) -> list[Mailbox] | None:
    if not recipients:
        return None
    return [Mailbox(email_address=r.email, name=r.name or None) for r in recipients]


def recipients_from(mailboxes) -> list[Recipient]:
    out = []
    for mb in mailboxes or []:
        if mb is None or not getattr(mb, "email_address", None):
            continue
        out.append(Recipient(email=mb.email_address, name=mb.name or ""))
    return out


def body_of(draft: Draft):
    text = xml_safe(draft.body or "")
    return HTMLBody(text) if draft.body_format == BodyFormat.HTML else Body(text)


def file_attachment(att: Attachment) -> FileAttachment:
    # never a path separator or control character on the wire (XML 1.0 cannot even carry most of them)
    return FileAttachment(name=safe_attachment_name(att.name), content=att.content or b"",
                          content_type=att.content_type or None,
                          # an image the HTML body shows (cid:) stays one
                          **({"content_id": att.content_id, "is_inline": True} if att.is_inline and att.content_id
                             else {}))


def apply_fields(msg: Message, draft: Draft) -> Message:
    """Copy every field a save writes from the draft onto ``msg``."""
    msg.subject = xml_safe(draft.subject or "", one_line=True)
    msg.body = body_of(draft)
    msg.importance = (draft.importance or Importance.NORMAL).value
    msg.to_recipients = _mailboxes(draft.to)
    msg.cc_recipients = _mailboxes(draft.cc)
    msg.bcc_recipients = _mailboxes(draft.bcc)
    msg.is_read_receipt_requested = bool(draft.read_receipt)
    msg.is_delivery_receipt_requested = bool(draft.delivery_receipt)
    msg.reply_to = _mailboxes(draft.reply_to)
    msg.sensitivity = (draft.sensitivity or Sensitivity.NORMAL).value
    msg.categories = [xml_safe(c, one_line=True) for c in draft.categories] or None
    extended.set_flag(msg, draft.flag)
    if draft.principal is not None:
        msg.author = Mailbox(email_address=draft.principal.email, name=draft.principal.name or None)
    return msg


def new_message(account, folder, draft: Draft) -> Message:
    """A Message for a first save (CreateItem SaveOnly): attachments travel inline in the same request."""
    msg = Message(account=account, folder=folder)
    apply_fields(msg, draft)
    extended.set_headers(msg, draft.headers)
    if draft.internet_message_id:
        msg.message_id = draft.internet_message_id
    # a reply's or forward's thread, once (t:InReplyTo, t:References): Exchange joins the original's conversation
    msg.in_reply_to = xml_safe(draft.in_reply_to, one_line=True) or None
    msg.references = xml_safe(draft.references, one_line=True) or None
    if draft.thread_index:  # the conversation index the client computed (app/domain/threads.py), as Outlook
        setattr(msg, extended.THREAD_INDEX, draft.thread_index)
        setattr(msg, extended.THREAD_TOPIC, xml_safe(draft.thread_topic, one_line=True) or None)
    extended.set_send_at(msg, draft.send_at)
    for att in draft.attachments:
        msg.attach(file_attachment(att))
    return msg


def existing_message(account, folder, draft: Draft, old_headers=()) -> tuple[Message, list[str]]:
    """A Message standing for an already saved draft and the fields its UpdateItem writes (UPDATE_FIELDS and
    the custom headers: ``old_headers``' names no longer there are deleted)."""
    assert draft.ref is not None
    msg = Message(account=account, folder=folder, id=draft.ref.id, changekey=draft.ref.change_key or None)
    msg.is_draft = True
    apply_fields(msg, draft)
    author = ["author"] if draft.principal is not None else []  # a draft lives in its From's mailbox: never cleared
    return msg, [*UPDATE_FIELDS, *author, *extended.set_headers(msg, draft.headers, [n for n, _v in old_headers]),
                 *extended.set_send_at(msg, draft.send_at)]


def _aware(value) -> _dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return _dt.datetime.fromtimestamp(value.timestamp(), tz=_dt.timezone.utc) if value.tzinfo else value
    return None


def _importance(value) -> Importance:
    try:
        return Importance(value) if value else Importance.NORMAL
    except ValueError:
        return Importance.NORMAL


def _sensitivity(value) -> Sensitivity:
    try:
        return Sensitivity(value) if value else Sensitivity.NORMAL
    except ValueError:
        return Sensitivity.NORMAL


def principal_from(author, own: str, principals=()) -> Principal | None:
    """The draft's principal from its From (``author``): None when it is the account's own address (``own``)
    or absent; else the account's configured principal of that address, or Send As when none is configured."""
    addr = (getattr(author, "email_address", None) or "").strip()
    if not addr or addr.lower() == own.lower():
        return None
    known = next((p for p in principals if p.email.lower() == addr.lower()), None)
    return known or Principal(addr, getattr(author, "name", None) or "", SendRight.SEND_AS)


def draft_from_message(msg: Message, attachments: list[Attachment], *, own: str = "", principals=()) -> Draft:
    """``own``: the account's address, to tell its own From from a principal's (none given: no principal)."""
    body = msg.body
    fmt = BodyFormat.HTML if isinstance(body, HTMLBody) else BodyFormat.TEXT
    return Draft(
        to=recipients_from(msg.to_recipients),
        cc=recipients_from(msg.cc_recipients),
        bcc=recipients_from(msg.bcc_recipients),
        subject=msg.subject or "",
        body=str(body) if body is not None else "",
        body_format=fmt,
        importance=_importance(msg.importance),
        read_receipt=bool(msg.is_read_receipt_requested),
        delivery_receipt=bool(msg.is_delivery_receipt_requested),
        reply_to=recipients_from(msg.reply_to),
        sensitivity=_sensitivity(msg.sensitivity),
        categories=list(msg.categories or []),
        attachments=attachments,
        ref=ItemRef(msg.id, msg.changekey or ""),
        internet_message_id=msg.message_id or "",
        modified=_aware(msg.last_modified_time),
        headers=extended.headers_of(msg),
        flag=extended.flag_of(msg),
        principal=principal_from(getattr(msg, "author", None), own, principals) if own else None,
        in_reply_to=msg.in_reply_to or "",
        references=" ".join((msg.references or "").split()),
        thread_index=bytes(msg.conversation_index or b""),
        thread_topic=msg.conversation_topic or "",
        origin=Origin(_one(getattr(msg, "author", None)), _one(getattr(msg, "sender", None))),
        send_at=extended.send_at_of(msg),
    )


def _one(mailbox) -> Recipient | None:
    """A single mailbox property (From, Sender) as a Recipient; None when absent or without an address."""
    found = recipients_from([mailbox])
    return found[0] if found else None


def attachment_from(fa, content: bytes) -> Attachment:
    """``fa`` (an exchangelib FileAttachment as listed: no content) with its ``content`` (fetched apart)."""
    data = content
    att_id = fa.attachment_id.id if getattr(fa, "attachment_id", None) else ""
    size = fa.size if getattr(fa, "size", None) is not None else len(data)
    return Attachment(
        name=fa.name or "attachment",
        content=data,
        content_type=fa.content_type or "application/octet-stream",
        attachment_id=att_id,
        size=size if not data else len(data),
        content_id=getattr(fa, "content_id", None) or "",
        is_inline=bool(getattr(fa, "is_inline", False)),
    )


def summary_from(item) -> MessageSummary:
    return MessageSummary(
        ref=ItemRef(item.id, item.changekey or ""),
        subject=item.subject or "",
        display_to=item.display_to or "",
        modified=_aware(item.last_modified_time or item.datetime_created),
        has_attachments=bool(item.has_attachments),
        importance=_importance(item.importance),
        sent=_aware(item.datetime_sent),
        internet_message_id=item.message_id or "",
        flag=extended.flag_of(item),
    )
