"""Draft <-> Graph's message JSON, attachments, and list rows -> MessageSummary.

Reading is strict about shape: a member that must be there and is not, or has the wrong type, is a
MalformedResponse (the server answered, but not what Graph documents), never a KeyError."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt

from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.domain.models import (Attachment, BodyFormat, Draft, Importance, ItemRef, MessageSummary, Origin, Recipient,
                               Sensitivity)
from app.domain.senders import Principal, SendRight
from app.domain.validation import safe_attachment_name
from app.mail.errors import MalformedResponse
from app.mail.graph import timezones
from app.mail.graph.timezones import UTC
from app.mail.service import as_utc

# What a list row needs ($select of a Drafts / Sent page).
LIST_SELECT = ("id,changeKey,subject,toRecipients,createdDateTime,lastModifiedDateTime,hasAttachments,"
               "importance,sentDateTime,internetMessageId,flag")
# What a full read needs (GET /me/messages/{id}).
READ_SELECT = ("id,changeKey,subject,body,importance,toRecipients,ccRecipients,bccRecipients,"
               "isReadReceiptRequested,isDeliveryReceiptRequested,internetMessageId,lastModifiedDateTime,"
               "flag,internetMessageHeaders,replyTo,categories,from,sender")
# Graph v1.0's message has no sensitivity property (tests/resources/graph-schema: only event has one): it is
# the MAPI property PidTagSensitivity (0x0036, PtypInteger32: 0 normal, 1 personal, 2 private, 3 confidential;
# [MS-OXCMSG] 2.2.1.13), written as a singleValueExtendedProperty and read with $expand, as Microsoft documents
# ("Get singleValueLegacyExtendedProperty", learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get;
# Graph answers the id normalised, e.g. "Integer 0x36").
SENSITIVITY_ID = "Integer 0x0036"
SENSITIVITIES = list(Sensitivity)  # in PidTagSensitivity's order
IN_REPLY_TO_ID = "String 0x1042"
REFERENCES_ID = "String 0x1039"
# PidTagConversationIndex and PidTagConversationTopic ([MS-OXOMSG] 2.2.1.3 / 2.2.1.5): a reply's conversation,
# computed on the client as Outlook does (app/domain/threads.py)
CONVERSATION_INDEX_ID = "Binary 0x0071"
CONVERSATION_TOPIC_ID = "String 0x0070"
# PidTagDeferredSendTime (0x3FEF, PtypTime, UTC; [MS-OXOMSG] 2.2.3.4): Send later kept on the server (app/mail/graph/
# scheduled.py). Graph cannot remove an extended property; a take-back sets it to SEND_NOW, a time long past ("If
# PR_DEFERRED_SEND_TIME value is earlier than the current time (in UTC), the message is sent immediately"), which a
# read takes for no deferral, as any time not after it
SEND_AT_ID = "SystemTime 0x3FEF"
SEND_NOW = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
# the extended properties a read needs: sensitivity, a reply's thread and conversation, the deferred send time, as
# Graph documents for several ids ("id eq '…' or id eq '…'")
READ_PARAMS = {"$select": READ_SELECT, "$expand": "singleValueExtendedProperties($filter=" + " or ".join(
    f"id eq '{i}'" for i in (SENSITIVITY_ID, IN_REPLY_TO_ID, REFERENCES_ID, CONVERSATION_INDEX_ID,
                             CONVERSATION_TOPIC_ID, SEND_AT_ID)) + ")"}
FILE_TYPE = "#microsoft.graph.fileAttachment"


def _mailboxes(recipients: list[Recipient]) -> list[dict]:
    out = []
    for r in recipients:
        box = {"address": r.email}
        if r.name:
            box["name"] = r.name
        out.append({"emailAddress": box})
    return out


def message_fields(draft: Draft, zone: _dt.tzinfo = UTC, *, creating: bool = True) -> dict:
    """Every field a save writes (POST /me/messages and PATCH alike; ``creating``: a POST); ``zone``: the
    user's (the flag's days)."""
    html = draft.body_format == BodyFormat.HTML
    return {**from_json(draft, creating),
        "subject": draft.subject or "",
        "body": {"contentType": "html" if html else "text", "content": draft.body or ""},
        "importance": (draft.importance or Importance.NORMAL).value.lower(),
        "toRecipients": _mailboxes(draft.to),
        "ccRecipients": _mailboxes(draft.cc),
        "bccRecipients": _mailboxes(draft.bcc),
        "isReadReceiptRequested": bool(draft.read_receipt),
        "isDeliveryReceiptRequested": bool(draft.delivery_receipt),
        "replyTo": _mailboxes(draft.reply_to),
        "categories": list(draft.categories),
        "singleValueExtendedProperties": [{"id": SENSITIVITY_ID, "value": str(SENSITIVITIES.index(
            draft.sensitivity or Sensitivity.NORMAL))}, *(thread_json(draft) if creating else []),
            *send_at_json(draft.send_at)],
        "flag": flag_json(draft.flag, zone),
    }


# ---------------------------------------------------------------------- Send later kept on the server
def _utc_text(when: _dt.datetime) -> str:
    return as_utc(when).strftime("%Y-%m-%dT%H:%M:%SZ")


def send_at_json(when: _dt.datetime | None) -> list[dict]:
    """The deferred send time as a ``singleValueExtendedProperties`` entry ([] for none: a save without one leaves
    the server's property as it is)."""
    return [] if when is None else [{"id": SEND_AT_ID, "value": _utc_text(when)}]


def send_now_json() -> dict:
    """The deferral undone (SEND_NOW: Graph cannot remove the property)."""
    return {"id": SEND_AT_ID, "value": _utc_text(SEND_NOW)}


def send_at_of(doc: dict) -> _dt.datetime | None:
    """The deferred send time of a read message, from its expanded properties (Graph answers the id normalised,
    "SystemTime 0x3fef"); None when absent, or undone (SEND_NOW or earlier)."""
    for prop in _opt(doc, "singleValueExtendedProperties", list, []):
        if not isinstance(prop, dict):
            continue
        kind, _, tag = str(prop.get("id")).partition(" ")
        try:
            ours = kind.lower() == "systemtime" and int(tag, 16) == 0x3FEF
        except ValueError:
            ours = False
        if ours:
            at = when(prop.get("value"))
            return as_utc(at) if at is not None and at > SEND_NOW else None
    return None


# ---------------------------------------------------------------------- a reply's thread
def thread_json(draft: Draft) -> list[dict]:
    """A reply's or forward's In-Reply-To and References, written once, when it is created. Graph's message has
    no property for them and takes no such internetMessageHeaders (only X- ones): they are the MAPI properties
    PidTagInReplyToId (``String 0x1042``) and PidTagInternetReferences (``String 0x1039``), from which Exchange
    threads the message into the original's conversation."""
    pairs = ((IN_REPLY_TO_ID, draft.in_reply_to), (REFERENCES_ID, draft.references))
    out = [{"id": pid, "value": value} for pid, value in pairs if value]
    if draft.thread_index:  # the conversation index the client computed, and its topic, as Outlook sets them
        out.append({"id": CONVERSATION_INDEX_ID, "value": base64.b64encode(draft.thread_index).decode("ascii")})
        if draft.thread_topic:
            out.append({"id": CONVERSATION_TOPIC_ID, "value": draft.thread_topic})
    return out


def conversation_from(doc: dict) -> tuple[bytes, str]:
    """(PidTagConversationIndex, PidTagConversationTopic) of a read message, from its expanded properties
    (b"" / "" when absent; Graph answers the ids normalised, "Binary 0x71")."""
    index, topic = b"", ""
    for prop in _opt(doc, "singleValueExtendedProperties", list, []):
        if not isinstance(prop, dict) or not isinstance(prop.get("value"), str):
            continue
        kind, _, tag = str(prop.get("id")).partition(" ")
        try:
            tag_no = int(tag, 16)
        except ValueError:
            continue
        if kind.lower() == "binary" and tag_no == 0x71:
            try:
                index = base64.b64decode(prop["value"], validate=True)
            except ValueError:
                index = b""
        elif kind.lower() == "string" and tag_no == 0x70:
            topic = prop["value"]
    return index, topic


def thread_from(doc: dict) -> tuple[str, str]:
    """(In-Reply-To, References) of a read message: its expanded PidTagInReplyToId / PidTagInternetReferences,
    else (a message another client sent) the internetMessageHeaders of a received or sent one ("" when none)."""
    found: dict[str, str] = {}
    for prop in _opt(doc, "singleValueExtendedProperties", list, []):
        tag = string_tag(prop.get("id")) if isinstance(prop, dict) else None
        if tag in (0x1042, 0x1039) and isinstance(prop.get("value"), str):
            found["in-reply-to" if tag == 0x1042 else "references"] = prop["value"]
    for h in _opt(doc, "internetMessageHeaders", list, []):
        if isinstance(h, dict) and isinstance(h.get("name"), str) and isinstance(h.get("value"), str):
            found.setdefault(h["name"].lower(), h["value"])
    text = lambda k: " ".join((found.get(k) or "").split())  # noqa: E731
    return text("in-reply-to"), text("references")


def string_tag(value) -> int | None:
    kind, _, tag = str(value).partition(" ")
    try:
        return int(tag, 16) if kind.lower() == "string" else None
    except ValueError:
        return None


# ---------------------------------------------------------------------- send as / on behalf
def from_json(draft: Draft, creating: bool) -> dict:
    """``from``: the principal a draft is sent from, as Microsoft documents for both rights ("set the from
    property on the message sent to the email address of the user to send from. You don't need to set the
    sender property - Microsoft Graph sets it appropriately, based on the mailbox permissions",
    learn.microsoft.com/graph/outlook-send-mail-from-other-user). The account's own address: nothing on a
    create, null on an update (a draft whose principal was taken away is from the account again)."""
    p = draft.principal
    if p is None:
        return {} if creating else {"from": None}
    box = {"address": p.email, **({"name": p.name} if p.name else {})}
    return {"from": {"emailAddress": box}}


def _one(doc: dict, name: str) -> Recipient | None:
    """The mailbox of a single recipient property (``from``, ``sender``); None when absent, null or empty."""
    value = doc.get(name)
    found = recipients([value]) if value is not None else []
    return found[0] if found else None


def principal_from(doc: dict, own: str, known=()) -> Principal | None:
    """The principal a message read back is from: None for the account's own address (or none); the right the
    account's settings give that address (``known``: its principals), else what ``sender`` shows (a sender
    other than ``from``: on behalf)."""
    frm = _one(doc, "from")
    if frm is None or frm.email.strip().lower() == own.strip().lower():
        return None
    for p in known:
        if p.email.strip().lower() == frm.email.strip().lower():
            return Principal(frm.email, p.name or frm.name, p.right)
    snd = _one(doc, "sender")
    on_behalf = snd is not None and snd.email.strip().lower() != frm.email.strip().lower()
    return Principal(frm.email, frm.name, SendRight.ON_BEHALF if on_behalf else SendRight.SEND_AS)


# ---------------------------------------------------------------------- custom headers and the flag
def headers_json(draft: Draft) -> list[dict]:
    """internetMessageHeaders: Graph takes them on create only (POST /me/messages), x- names only."""
    return [{"name": n, "value": v} for n, v in draft.headers]


def flag_json(flag: FollowUpFlag, zone: _dt.tzinfo = UTC) -> dict:
    """followupFlag: a day is sent as its midnight in the user's ``zone``, as Outlook does (timezones.py; a due
    date needs a start)."""
    out: dict = {"flagStatus": flag.status.value[0].lower() + flag.status.value[1:]}
    for key, day in (("startDateTime", flag.start), ("dueDateTime", flag.due)):
        if day is not None:
            out[key] = timezones.day_json(day, zone)
    return out


def flag_from(doc, zone: _dt.tzinfo = UTC) -> FollowUpFlag:
    """The flag, its days the local days (in ``zone``) of the instants Graph answers (in UTC, or the zone it
    names)."""
    if not isinstance(doc, dict):
        return NO_FLAG
    status = str(doc.get("flagStatus") or "notFlagged")
    try:
        st = FlagStatus(status[:1].upper() + status[1:])
    except ValueError:
        raise MalformedResponse(f"The server's message has an invalid flag status ({status[:40]})") from None

    def day(key):
        value = doc.get(key)
        if not isinstance(value, dict) or not value.get("dateTime"):
            return None
        try:
            return timezones.day_from(value, zone)
        except ValueError:
            raise MalformedResponse(f"The server's message has an invalid flag date ({str(value)[:40]})") from None

    return FollowUpFlag(st, day("startDateTime"), day("dueDateTime"))


def headers_from(values) -> list[tuple[str, str]]:
    """The message's custom (x-) headers of its internetMessageHeaders."""
    out = []
    for h in values or []:
        if not isinstance(h, dict) or not isinstance(h.get("name"), str):
            raise MalformedResponse("The server's message has an invalid internet message header")
        if h["name"].lower().startswith("x-"):
            out.append((h["name"], h.get("value") if isinstance(h.get("value"), str) else ""))
    return out


def file_attachment(att: Attachment) -> dict:
    """A fileAttachment for POST .../attachments (or inline in a new message): under 3 MB."""
    return {
        "@odata.type": FILE_TYPE,
        "name": safe_attachment_name(att.name),
        "contentType": att.content_type or "application/octet-stream",
        "contentBytes": base64.b64encode(att.content or b"").decode("ascii"),
        **_inline(att),
    }


def _inline(att: Attachment) -> dict:
    """An image the HTML body shows (``cid:``): Graph's isInline and contentId."""
    return {"isInline": True, "contentId": att.content_id} if att.is_inline and att.content_id else {}


def upload_item(att: Attachment) -> dict:
    """createUploadSession's parameter for a file of 3 MB or more."""
    return {"attachmentItem": {"attachmentType": "file", "name": safe_attachment_name(att.name),
                               "size": len(att.content or b""),
                               "contentType": att.content_type or "application/octet-stream", **_inline(att)}}


# ---------------------------------------------------------------------- reading
def _need(doc, name: str, kind):
    value = doc.get(name) if isinstance(doc, dict) else None
    if not isinstance(value, kind):
        raise MalformedResponse(f"The server's message has no valid '{name}'")
    return value


def _opt(doc: dict, name: str, kind, default):
    value = doc.get(name, default)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise MalformedResponse(f"The server's message has an invalid '{name}'")
    return value


def ref_of(doc) -> ItemRef:
    return ItemRef(_need(doc, "id", str), _opt(doc, "changeKey", str, ""))


def recipients(values) -> list[Recipient]:
    out = []
    for v in values or []:
        box = v.get("emailAddress") if isinstance(v, dict) else None
        if not isinstance(box, dict) or not isinstance(box.get("address"), str):
            raise MalformedResponse("The server's message has an invalid recipient")
        address = box["address"]
        name = box.get("name") if isinstance(box.get("name"), str) else ""
        if name.strip().lower() == address.strip().lower():  # Graph repeats the address when there is no name
            name = ""
        if address:
            out.append(Recipient(email=address, name=name))
    return out


def opt_string(doc: dict, name: str) -> str:
    """A string member that may be absent or null ("")."""
    return _opt(doc, name, str, "")


def when(value) -> _dt.datetime | None:
    if not value:
        return None
    if not isinstance(value, str):
        raise MalformedResponse("The server's message has an invalid date")
    try:
        d = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse(f"The server's message has an invalid date ({value[:40]})") from None
    return d if d.tzinfo else d.replace(tzinfo=_dt.timezone.utc)


def _importance(value) -> Importance:
    try:
        return Importance((value or "normal").capitalize())
    except ValueError:
        return Importance.NORMAL


def _is_sensitivity_id(value) -> bool:
    kind, _, tag = str(value).partition(" ")
    try:
        return kind.lower() == "integer" and int(tag, 16) == 0x36
    except ValueError:
        return False


def sensitivity_of(doc: dict) -> Sensitivity:
    """PidTagSensitivity from the expanded ``singleValueExtendedProperties`` (absent: Normal)."""
    for prop in _opt(doc, "singleValueExtendedProperties", list, []):
        if isinstance(prop, dict) and _is_sensitivity_id(prop.get("id")):
            try:
                return SENSITIVITIES[int(str(prop.get("value")))]
            except (ValueError, IndexError):
                raise MalformedResponse("The server's message has an invalid sensitivity") from None
    return Sensitivity.NORMAL


def attachment_from(doc) -> Attachment | None:
    """A fileAttachment (content included when the server sent it); None for other kinds (items, links)."""
    if not isinstance(doc, dict):
        raise MalformedResponse("The server's attachment is not an object")
    if str(doc.get("@odata.type") or "").lower() != FILE_TYPE.lower():
        return None
    content = b""
    if doc.get("contentBytes") is not None:
        try:
            content = base64.b64decode(_need(doc, "contentBytes", str), validate=True)
        except (binascii.Error, ValueError):
            raise MalformedResponse("The server's attachment content is not base64") from None
    size = _opt(doc, "size", int, len(content))
    return Attachment(
        name=_opt(doc, "name", str, "") or "attachment",
        content=content,
        content_type=_opt(doc, "contentType", str, "") or "application/octet-stream",
        attachment_id=_need(doc, "id", str),
        size=len(content) if content else size,
        content_id=_opt(doc, "contentId", str, ""),
        is_inline=bool(_opt(doc, "isInline", bool, False)),
    )


def draft_from(doc, attachments: list[Attachment], zone: _dt.tzinfo = UTC, own: str = "", known=()) -> Draft:
    """The Draft a full read gives (``zone``: the user's, for the flag's days; ``own``: the account's address;
    ``known``: its principals)."""
    body = _opt(doc, "body", dict, {})
    html = str(body.get("contentType") or "text").lower() == "html"
    return Draft(
        to=recipients(_opt(doc, "toRecipients", list, [])),
        cc=recipients(_opt(doc, "ccRecipients", list, [])),
        bcc=recipients(_opt(doc, "bccRecipients", list, [])),
        subject=_opt(doc, "subject", str, ""),
        body=body.get("content") if isinstance(body.get("content"), str) else "",
        body_format=BodyFormat.HTML if html else BodyFormat.TEXT,
        importance=_importance(_opt(doc, "importance", str, "normal")),
        read_receipt=bool(_opt(doc, "isReadReceiptRequested", bool, False)),
        delivery_receipt=bool(_opt(doc, "isDeliveryReceiptRequested", bool, False)),
        reply_to=recipients(_opt(doc, "replyTo", list, [])),
        sensitivity=sensitivity_of(doc),
        categories=[c for c in _opt(doc, "categories", list, []) if isinstance(c, str)],
        attachments=attachments,
        ref=ref_of(doc),
        internet_message_id=_opt(doc, "internetMessageId", str, ""),
        modified=when(doc.get("lastModifiedDateTime")),
        headers=headers_from(_opt(doc, "internetMessageHeaders", list, [])),
        **dict(zip(("in_reply_to", "references"), thread_from(doc))),
        **dict(zip(("thread_index", "thread_topic"), conversation_from(doc))),
        flag=flag_from(doc.get("flag"), zone),
        principal=principal_from(doc, own, known) if own else None,
        origin=Origin(_one(doc, "from"), _one(doc, "sender")),
        send_at=send_at_of(doc),
    )


def summary_from(doc, zone: _dt.tzinfo = UTC) -> MessageSummary:
    to = recipients(_opt(doc, "toRecipients", list, []))
    return MessageSummary(
        ref=ref_of(doc),
        subject=_opt(doc, "subject", str, ""),
        display_to="; ".join(r.name or r.email for r in to),
        modified=when(doc.get("lastModifiedDateTime") or doc.get("createdDateTime")),
        has_attachments=bool(_opt(doc, "hasAttachments", bool, False)),
        importance=_importance(_opt(doc, "importance", str, "normal")),
        sent=when(doc.get("sentDateTime")),
        internet_message_id=_opt(doc, "internetMessageId", str, ""),
        flag=flag_from(doc.get("flag"), zone),
    )


def values(doc) -> list:
    """The ``value`` array of a collection page."""
    return _need(doc, "value", list)
