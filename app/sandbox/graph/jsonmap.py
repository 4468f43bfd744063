"""A message in Graph's JSON and the store's fields (core/model.py), both ways.

Reading: every property of Graph's default message representation, ``internetMessageHeaders`` only when
``$select``-ed (as Graph does), ``@odata.etag`` from the change key. Writing (POST /messages, PATCH): the
properties a client may set; Graph's enum values are accepted in any case (``"HTML"`` for ``html``); a
property Graph does not have, or one it does not let a client write, is refused the way Graph refuses it."""

from __future__ import annotations

import base64
import datetime as _dt
import zoneinfo

from ..core import threads
from ..core.bodies import html_to_text
from ..core.clock import fmt_dt, utcnow
from ..core.mime import is_custom_header
from ..core.model import FLAG_STATUS
from . import legacyprops
from .errors import GraphError, bad_request
from .ids import folder_id

#: Graph's message properties in the order it answers them (default representation).
DEFAULT_PROPS = [
    "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime",
    "sentDateTime", "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance",
    "parentFolderId", "conversationId", "conversationIndex", "isDeliveryReceiptRequested",
    "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body", "sender",
    "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
]
SELECT_ONLY = ["internetMessageHeaders", "uniqueBody"]
ALL_PROPS = set(DEFAULT_PROPS) | set(SELECT_ONLY)
#: Writable properties -> (store field, kind).
WRITABLE = {
    "subject": ("Subject", "str"),
    "body": ("Body", "body"),
    "toRecipients": ("ToRecipients", "recipients"),
    "ccRecipients": ("CcRecipients", "recipients"),
    "bccRecipients": ("BccRecipients", "recipients"),
    "replyTo": ("ReplyTo", "recipients"),
    "from": ("From", "recipient"),
    "sender": ("Sender", "recipient"),
    "importance": ("Importance", "importance"),
    "isReadReceiptRequested": ("IsReadReceiptRequested", "bool"),
    "isDeliveryReceiptRequested": ("IsDeliveryReceiptRequested", "bool"),
    "isRead": ("IsRead", "bool"),
    "internetMessageId": ("InternetMessageId", "str"),
    "internetMessageHeaders": ("InternetMessageHeaders", "headers"),
    "categories": ("Categories", "strings"),
    "flag": ("Flag", "flag"),
    "conversationIndex": ("ConversationIndex", "str"),
}
#: Read-only properties a client may send back unchanged (Graph ignores them on write).
READ_ONLY = ALL_PROPS - set(WRITABLE) - {"inferenceClassification"}
IMPORTANCE = {"low": "Low", "normal": "Normal", "high": "High"}
BODY_TYPES = {"text": "Text", "html": "HTML"}
FLAGS = {s.lower(): s for s in FLAG_STATUS}
HEADERS_MAX = 5


def _wire_dt(stored: str | None) -> str | None:
    return None if not stored else stored[:19] + "Z"


def _recipient(box: dict | None) -> dict | None:
    if not box:
        return None
    return {"emailAddress": {"name": box.get("Name") or box.get("EmailAddress") or "",
                             "address": box.get("EmailAddress") or ""}}


def _flag(stored: dict | None) -> dict:
    stored = stored or {}
    out = {"flagStatus": (stored.get("FlagStatus") or "NotFlagged")[0].lower()
           + (stored.get("FlagStatus") or "NotFlagged")[1:]}
    for src, dst in (("StartDate", "startDateTime"), ("DueDate", "dueDateTime"), ("CompleteDate", "completedDateTime")):
        if stored.get(src):
            out[dst] = {"dateTime": stored[src][:19] + ".0000000", "timeZone": "UTC"}
    return out


def preview(body: dict | None) -> str:
    body = body or {}
    text = body.get("text") or ""
    if body.get("BodyType") == "HTML":
        text = html_to_text(text[:64 * 1024])
    return " ".join(text.split())[:255]


def render(item: dict, *, item_id: str, select: list[str] | None = None, atts_count: int | None = None) -> dict:
    """A stored item as a Graph message (``select``: the properties asked for; None: the default set)."""
    d = item["data"]
    body = d.get("Body") or {"BodyType": "Text", "text": ""}
    values = {
        "id": item_id,
        "createdDateTime": _wire_dt(d.get("DateTimeCreated")),
        "lastModifiedDateTime": _wire_dt(d.get("LastModifiedTime")),
        "changeKey": item["change_key"],
        "categories": list(d.get("Categories") or []),
        "receivedDateTime": _wire_dt(d.get("DateTimeReceived")),
        "sentDateTime": _wire_dt(d.get("DateTimeSent")),
        # inline attachments (pictures in the body) do not count, as Graph's hasAttachments documents
        "hasAttachments": bool(d.get("_has_visible_attachments", d.get("_has_attachments")))
        if atts_count is None else atts_count > 0,
        "internetMessageId": d.get("InternetMessageId"),
        "subject": d.get("Subject") or "",
        "bodyPreview": preview(body),
        "importance": (d.get("Importance") or "Normal").lower(),
        "parentFolderId": folder_id(item["mailbox"], item["folder"]),
        "conversationId": _conversation_id(d),
        "conversationIndex": d.get("ConversationIndex"),
        "isDeliveryReceiptRequested": bool(d.get("IsDeliveryReceiptRequested")),
        "isReadReceiptRequested": bool(d.get("IsReadReceiptRequested")),
        "isRead": bool(d.get("IsRead", True)),
        "isDraft": bool(d.get("IsDraft")),
        "webLink": "https://outlook.office365.com/owa/?ItemID=" + item_id + "&exvsurl=1&viewmodel=ReadMessageItem",
        "inferenceClassification": "focused",
        "body": {"contentType": "html" if body.get("BodyType") == "HTML" else "text",
                 "content": body.get("text") or ""},
        "sender": _recipient(d.get("Sender")),
        "from": _recipient(d.get("From")),
        "toRecipients": [_recipient(r) for r in d.get("ToRecipients") or []],
        "ccRecipients": [_recipient(r) for r in d.get("CcRecipients") or []],
        "bccRecipients": [_recipient(r) for r in d.get("BccRecipients") or []],
        "replyTo": [_recipient(r) for r in d.get("ReplyTo") or []],
        "flag": _flag(d.get("Flag")),
        "internetMessageHeaders": _shown_headers(d),
        "uniqueBody": {"contentType": "html" if body.get("BodyType") == "HTML" else "text",
                       "content": body.get("text") or ""},
    }
    out = {"@odata.etag": f'W/"{item["change_key"]}"'}
    for name in (DEFAULT_PROPS if select is None else ["id"] + [p for p in select if p != "id"]):
        out[name] = values[name]
    return out


def _shown_headers(d: dict) -> list[dict]:
    """The message's Internet headers: its custom ones and, once sent, its place in a thread (In-Reply-To,
    References), as Graph shows a received message's headers."""
    out = [{"name": h["Name"], "value": h.get("Value") or ""} for h in d.get("InternetMessageHeaders") or []]
    if not d.get("IsDraft"):
        out += [{"name": name, "value": d[key]} for key, name in (("InReplyTo", "In-Reply-To"),
                                                                   ("References", "References")) if d.get(key)]
    return out


def _conversation_id(d: dict) -> str | None:
    idx = d.get("ConversationIndex")
    if not idx:
        return None
    return base64.urlsafe_b64encode(b"DSC\x01" + threads.conversation_key(idx)).decode()  # as EWS's ConversationId


def _check_type(name: str, value, kind: type, what: str):
    if not isinstance(value, kind):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type '{what}'.", "RequestBodyRead")


def _box(value, name: str) -> dict:
    if not isinstance(value, dict) or not isinstance(value.get("emailAddress"), dict):
        raise bad_request(f"Invalid recipient in property '{name}'.", "RequestBodyRead")
    ea = value["emailAddress"]
    address, display = ea.get("address"), ea.get("name")
    if address is not None and not isinstance(address, str) or display is not None and not isinstance(display, str):
        raise bad_request(f"Invalid recipient in property '{name}'.", "RequestBodyRead")
    box = {"EmailAddress": (address or "").strip(), "RoutingType": "SMTP", "MailboxType": "OneOff"}
    if display:
        box = {"Name": display, **box}
    return box


def _enum(value, table: dict, name: str) -> str:
    if not isinstance(value, str) or value.lower() not in table:
        raise bad_request(f"Requested value '{value}' was not found.", "RequestBodyRead")
    return table[value.lower()]


def parse(doc, *, creating: bool, is_draft: bool = True) -> dict:
    """A message body from a client -> the store fields it sets. GraphError for what Graph refuses."""
    if not isinstance(doc, dict):
        raise bad_request("The request body must be a JSON object.", "RequestBodyRead")
    fields: dict = {}
    for name, value in doc.items():
        if name.startswith("@odata.") or "@odata." in name:
            continue
        if name == "singleValueExtendedProperties":
            fields.update(legacyprops.parse(value))
            continue
        if name in ("attachments", "multiValueExtendedProperties", "extensions"):
            continue  # navigation properties: the caller handles the ones it supports
        if name not in WRITABLE:
            if name in READ_ONLY:
                continue
            raise bad_request(f"The property '{name}' does not exist on type 'microsoft.graph.message'. Make sure "
                              "to only use property names that are defined by the type or mark the type as open "
                              "type.", "RequestBodyRead")
        field, kind = WRITABLE[name]
        if value is None:
            fields[field] = None
            continue
        fields[field] = _value(name, kind, value, creating=creating, is_draft=is_draft)
    return fields


def _value(name: str, kind: str, value, *, creating: bool, is_draft: bool):
    if kind == "str":
        _check_type(name, value, str, "Edm.String")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise bad_request(f"Cannot convert the literal '{value}' to the expected type 'Edm.Boolean'.",
                              "RequestBodyRead")
        return value
    if kind == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad_request(f"Invalid value for property '{name}'.", "RequestBodyRead")
        return list(value)
    if kind == "importance":
        return _enum(value, IMPORTANCE, name)
    if kind == "body":
        if not isinstance(value, dict):
            raise bad_request("Invalid value for property 'body'.", "RequestBodyRead")
        ctype = _enum(value.get("contentType", "text"), BODY_TYPES, "contentType")
        content = value.get("content") or ""
        _check_type("content", content, str, "Edm.String")
        return {"BodyType": ctype, "text": content}
    if kind == "recipient":
        return _box(value, name)
    if kind == "recipients":
        if not isinstance(value, list):
            raise bad_request(f"Invalid value for property '{name}'.", "RequestBodyRead")
        return [_box(v, name) for v in value]
    if kind == "headers":
        return _headers(value, creating)
    if kind == "flag":
        return _flag_in(value)
    raise AssertionError(kind)


def _flag_in(value) -> dict:
    """followupFlag -> the store's Flag. "To set the due date, you must also specify the startDateTime;
    otherwise, you get a 400 Bad Request response." (followupFlag resource type)."""
    if not isinstance(value, dict):
        raise bad_request("Invalid value for property 'flag'.", "RequestBodyRead")
    flag = {"FlagStatus": _enum(value.get("flagStatus", "notFlagged"), FLAGS, "flagStatus")}
    for src, dst in (("startDateTime", "StartDate"), ("dueDateTime", "DueDate")):
        if value.get(src) is not None:
            flag[dst] = _date_time_zone(value[src], src)
    if "DueDate" in flag and "StartDate" not in flag:
        raise bad_request("The start date must be set when the due date is set.", "ErrorInvalidArgument")
    if flag["FlagStatus"] == "Complete":
        flag["CompleteDate"] = fmt_dt(utcnow())
    return flag


def _date_time_zone(value, name: str) -> str:
    """dateTimeTimeZone -> the store's time. The sandbox knows "UTC" and IANA zone names (Graph also takes
    Windows names: refused here with a 400, as a zone Graph does not know is)."""
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        raise bad_request(f"Invalid value for property '{name}'.", "RequestBodyRead")
    zone = value.get("timeZone") or "UTC"
    try:
        when = _dt.datetime.fromisoformat(value["dateTime"].split(".")[0])
        tz = _dt.timezone.utc if zone.upper() == "UTC" else zoneinfo.ZoneInfo(zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise bad_request(f"Invalid value for property '{name}' (time zone '{zone}').",
                          "TimeZoneNotSupportedException") from None
    try:
        return fmt_dt(when.replace(tzinfo=when.tzinfo or tz))
    except ValueError:  # outside years 1-9999 once in UTC (fmt_dt)
        raise bad_request(f"Invalid value for property '{name}'.", "RequestBodyRead") from None


def _headers(value, creating: bool) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(h, dict) and isinstance(h.get("name"), str)
                                              and isinstance(h.get("value", ""), str) for h in value):
        raise bad_request("Invalid value for property 'internetMessageHeaders'.", "RequestBodyRead")
    if not creating:  # "Add custom headers only when creating a message" (message resource)
        raise bad_request("Internet message headers can only be set when the message is created.",
                          "InvalidInternetMessageHeader")  # the code for this case is undocumented
    if len(value) > HEADERS_MAX:
        raise GraphError(400, "InvalidInternetMessageHeaderCollection",
                         f"Maximum number of headers in one message should be less than or equal to {HEADERS_MAX}.")
    for h in value:
        if not is_custom_header(h["name"]):
            raise GraphError(400, "InvalidInternetMessageHeader",
                             f"The internet message header name '{h['name']}' should start with 'x-' or 'X-'.")
    return [{"Name": h["name"], "Value": h.get("value", "")} for h in value]
