"""RFC 5322 messages with the stdlib email package: build what gets sent, parse what a client uploads."""

from __future__ import annotations

import datetime as _dt
import email
import email.policy
import email.utils
import re
import urllib.parse
from email.header import Header
from email.message import EmailMessage

from app.domain.dates import dates_as_text, read_mail_date

from .attached import from_mime_part, unpack
from .bodies import html_to_text
from .clock import fmt_dt
from .errors import MailboxError

SENSITIVITY_HDR = {"Personal": "Personal", "Private": "Private", "Confidential": "Company-Confidential"}
SENSITIVITY_FROM_HDR = {v.lower(): k for k, v in SENSITIVITY_HDR.items()}
# The stdlib parser recurses once per nested multipart/* or message/* part (a few thousand levels exhaust
# Python's stack). Their count bounds the nesting, so more than this many is refused before parsing.
MAX_CONTAINER_PARTS = 100
#: how an upload is read: the stdlib's default, its Date headers text for the one date reader (_read_date)
_READ_POLICY = dates_as_text(email.policy.default)
_CONTAINER = re.compile(rb"^content-type:\s*(?:multipart|message)/", re.IGNORECASE | re.MULTILINE)


def _set_text(msg: EmailMessage, name: str, value: str) -> None:
    """A free-text header (Subject). Non-ASCII text is RFC 2047-encoded by ``email.header.Header``:
    the policy's own folder (Python 3.11) drops a space that falls between two encoded-words
    ("report 📊 ✅" arrived as "report 📊✅")."""
    if value.isascii():
        msg[name] = value
    else:
        msg.set_raw(name, Header(value, "utf-8", maxlinelen=76, header_name=name).encode(linesep="\r\n"))


def _addr(box: dict) -> str:
    """A mailbox for an address header. An address outside ASCII (an internationalised one, RFC 6531:
    "jörg@bücher.de") is written as it is, in UTF-8 (RFC 6532: the message is then serialised with
    ``SMTPUTF8``); an encoded-word is not allowed inside an address."""
    name, addr = box.get("Name") or "", box.get("EmailAddress") or ""
    if addr.isascii():
        return email.utils.formataddr((name, addr))
    return f'"{email.utils.quote(name)}" <{addr}>' if name else addr


def _addresses(boxes: list[dict], policy) -> str:
    """An address header's value. A draft keeps an address as it was typed ("l<", "(bob", 'x"y@z'), which
    the stdlib's header parser may fail on (IndexError, HeaderParseError: the GetItem or send that built the
    MIME answered with an internal server error) or read as something else (a comment or an open quote
    swallowing the next address): such an address is written as a quoted string, which it reads as one."""
    parts = []
    for box in boxes:
        value = _addr(box)
        parts.append(value if _specs(value, policy) == [box.get("EmailAddress") or ""] else _quoted(box))
    joined = ", ".join(parts)
    if _specs(joined, policy) == [spec for part in parts for spec in _specs(part, policy) or ()]:
        return joined
    return ", ".join(_quoted(b) for b in boxes)


def _quoted(box: dict) -> str:
    return '"' + email.utils.quote(" ".join((box.get("EmailAddress") or "").split())) + '"'


def _specs(value: str, policy) -> list[str] | None:
    """The addresses the stdlib reads in ``value`` as an address header (None: it fails to read or write it)."""
    try:
        header = policy.header_factory("To", value)
        header.fold(policy=policy)
        return [a.addr_spec for a in header.addresses]
    except Exception:  # noqa: BLE001 - the stdlib parser's own failures on such text (IndexError among them)
        return None


def _utf8_addresses(data: dict, sender: dict, atts: list[dict]) -> bool:
    """Does the message, or a message attached to it, name an address outside ASCII (RFC 6532 headers)?"""
    boxes = [sender, *(r for key in ("ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo")
                       for r in (data.get(key) or []))]
    if not all((b.get("EmailAddress") or "").isascii() for b in boxes):
        return True
    for a in atts:
        if a.get("kind") == "ItemAttachment":
            fields, inner = unpack(a.get("content") or b"")
            if _utf8_addresses(fields, fields.get("From") or sender, inner):
                return True
    return False


def build_mime(data: dict, atts: list[dict], *, sender: dict, message_id: str, date: _dt.datetime,
               include_bcc: bool = False, keywords: bool = True) -> bytes:
    """The message as it leaves the mailbox: From = the sending mailbox; no Bcc header unless asked.
    Categories are a Keywords header in the mailbox's own MIME (MimeContent) but personal: a message
    on the wire is built with keywords=False."""
    utf8 = _utf8_addresses(data, sender, atts)
    msg = EmailMessage(policy=email.policy.SMTPUTF8 if utf8 else email.policy.SMTP)
    _put_addresses(msg, data, sender, include_bcc)
    _put_headers(msg, data, sender, message_id, date, keywords)
    _put_body(msg, data)
    for a in atts:
        _put_attachment(msg, a, sender, date, utf8)
    return msg.as_bytes()


def _put_addresses(msg: EmailMessage, data: dict, sender: dict, include_bcc: bool) -> None:
    frm = data.get("From") or sender  # on behalf: From is the principal, Sender the one who sent it
    msg["From"] = _addresses([frm], msg.policy)
    if (frm.get("EmailAddress") or "").lower() != (sender.get("EmailAddress") or "").lower():
        msg["Sender"] = _addresses([sender], msg.policy)
    for key, hdr in (("ToRecipients", "To"), ("CcRecipients", "Cc"), ("ReplyTo", "Reply-To")):
        if data.get(key):
            msg[hdr] = _addresses(data[key], msg.policy)
    if include_bcc and data.get("BccRecipients"):
        msg["Bcc"] = _addresses(data["BccRecipients"], msg.policy)


def _put_headers(msg: EmailMessage, data: dict, sender: dict, message_id: str, date: _dt.datetime,
                 keywords: bool) -> None:
    _set_text(msg, "Subject", data.get("Subject", "") or "")
    msg["Date"] = email.utils.format_datetime(date.astimezone(_dt.timezone.utc))
    msg["Message-ID"] = message_id
    _put_thread(msg, data)
    _put_flags(msg, data, keywords)
    _put_receipts(msg, data, sender)
    _put_custom(msg, data)


def _put_thread(msg: EmailMessage, data: dict) -> None:
    """Where the message sits in its conversation."""
    for key, hdr in (("InReplyTo", "In-Reply-To"), ("References", "References")):
        if data.get(key):
            msg[hdr] = data[key]
    if data.get("ConversationTopic"):
        _set_text(msg, "Thread-Topic", data["ConversationTopic"])
    if data.get("ConversationIndex"):
        msg["Thread-Index"] = data["ConversationIndex"]


def _put_flags(msg: EmailMessage, data: dict, keywords: bool) -> None:
    """Importance, sensitivity and (when asked) categories."""
    imp = data.get("Importance", "Normal")
    if imp != "Normal":
        msg["Importance"] = imp.lower()
        msg["X-Priority"] = "1" if imp == "High" else "5"
    if data.get("Sensitivity") in SENSITIVITY_HDR:
        msg["Sensitivity"] = SENSITIVITY_HDR[data["Sensitivity"]]
    if keywords and data.get("Categories"):
        msg["Keywords"] = ", ".join(data["Categories"])


def _put_receipts(msg: EmailMessage, data: dict, sender: dict) -> None:
    if data.get("IsReadReceiptRequested"):
        msg["Disposition-Notification-To"] = _addr(sender)
    if data.get("IsDeliveryReceiptRequested"):
        msg["Return-Receipt-To"] = _addr(sender)


def _put_custom(msg: EmailMessage, data: dict) -> None:
    for h in data.get("InternetMessageHeaders") or []:  # the sender's own X- headers travel with it
        if is_custom_header(h.get("Name")):
            _set_text(msg, h["Name"], h.get("Value") or "")


def _put_body(msg: EmailMessage, data: dict) -> None:
    body = data.get("Body") or {"BodyType": "Text", "text": ""}
    if body.get("BodyType") == "HTML":
        msg.set_content(html_to_text(body.get("text", "")), subtype="plain", cte="quoted-printable")
        msg.add_alternative(body.get("text", ""), subtype="html", cte="quoted-printable")
    else:
        msg.set_content(body.get("text", ""), subtype="plain", cte="quoted-printable")


def _put_attachment(msg: EmailMessage, a: dict, sender: dict, date: _dt.datetime, utf8: bool) -> None:
    name = a.get("name") or "attachment"
    if a.get("kind") == "ItemAttachment":  # a message/rfc822 part holding the attached item
        msg.add_attachment(_attached_message(a, sender, date), filename=name)
    else:
        ctype = a.get("content_type") or "application/octet-stream"
        maintype, _, subtype = ctype.partition("/")
        if not subtype:
            maintype, subtype = "application", "octet-stream"
        kwargs = {"filename": name}
        if a.get("is_inline"):
            kwargs["disposition"] = "inline"
        if a.get("content_id"):
            kwargs["cid"] = "<" + a["content_id"].strip("<>") + ">"
        msg.add_attachment(a.get("content") or b"", maintype=maintype, subtype=subtype, **kwargs)
    if utf8 and not name.isascii():
        _rfc2231_filename(msg.get_payload()[-1], name)


def _rfc2231_filename(part: EmailMessage, name: str) -> None:
    """The part's file name RFC 2231-encoded (the UTF-8 policy of a message with an international address
    would write it as it is), in continuations short enough that the policy never folds the header again."""
    quoted = urllib.parse.quote(name, safe="")
    chunks, at = [], 0
    while at < len(quoted):
        end = min(at + 48, len(quoted))
        end -= 1 if quoted[end - 1:end] == "%" else 2 if quoted[end - 2:end - 1] == "%" else 0  # whole escapes
        chunks.append(quoted[at:end])
        at = end
    if len(chunks) == 1:
        params = [f"filename*=utf-8''{chunks[0]}"]
    else:
        params = [f"filename*{i}*={c}" for i, c in enumerate(chunks)]
        params[0] = f"filename*0*=utf-8''{chunks[0]}"
    kind = part.get_content_disposition() or "attachment"
    del part["Content-Disposition"]
    part.set_raw("Content-Disposition", kind + ";\r\n " + ";\r\n ".join(params))


def is_custom_header(name) -> bool:
    """An Internet header a client may set on a message: X-..., a valid header name (RFC 5322 ftext)."""
    return (isinstance(name, str) and name[:2].lower() == "x-" and len(name) > 2
            and all(33 <= ord(c) <= 126 and c != ":" for c in name))


def _attached_message(att: dict, sender: dict, date: _dt.datetime) -> EmailMessage:

    fields, atts = unpack(att.get("content") or b"")
    when = date
    if fields.get("DateTimeSent"):
        when = _dt.datetime.fromisoformat(fields["DateTimeSent"].replace("Z", "+00:00"))
    raw = build_mime(fields, atts, sender=fields.get("From") or sender, date=when, keywords=False,
                     message_id=fields.get("InternetMessageId") or email.utils.make_msgid())
    return email.message_from_bytes(raw, policy=email.policy.SMTP)


def _boxes(value: str | None) -> list[dict]:
    out = []
    for name, addr in email.utils.getaddresses([value] if value else []):
        if addr:
            box = {"EmailAddress": addr, "RoutingType": "SMTP", "MailboxType": "OneOff"}
            if name:
                box = {"Name": name, **box}
            out.append(box)
    return out


def parse_mime(raw: bytes) -> tuple[dict, list[dict]]:
    """RFC 822 bytes -> (item fields, attachments), the way Exchange fills an item from MimeContent.
    ErrorMimeContentInvalid for a message with more than MAX_CONTAINER_PARTS multipart/message parts."""
    if len(_CONTAINER.findall(raw)) > MAX_CONTAINER_PARTS:
        raise MailboxError("ErrorMimeContentInvalid", "The MIME content nests too many parts.")
    msg = email.message_from_bytes(raw, policy=_READ_POLICY)
    data: dict = {}
    if msg["Subject"] is not None:
        data["Subject"] = str(msg["Subject"])
    _read_addresses(msg, data)
    _read_headers(msg, data)
    body = msg.get_body(preferencelist=("html", "plain"))
    if body is not None:
        kind = "HTML" if body.get_content_subtype() == "html" else "Text"
        data["Body"] = {"BodyType": kind, "text": body.get_content()}
    return data, [_read_attachment(part) for part in msg.iter_attachments()]


def _read_addresses(msg, data: dict) -> None:
    frm = _boxes(msg["From"])
    if frm:
        data["From"] = frm[0]
        data["Sender"] = frm[0]
    for hdr, key in (("To", "ToRecipients"), ("Cc", "CcRecipients"), ("Bcc", "BccRecipients"),
                     ("Reply-To", "ReplyTo")):
        boxes = _boxes(msg[hdr])
        if boxes:
            data[key] = boxes


def _read_headers(msg, data: dict) -> None:
    _read_thread(msg, data)
    _read_date(msg, data)
    _read_flags(msg, data)
    custom = [{"Name": k, "Value": str(v)} for k, v in msg.items() if is_custom_header(k)
              and k.lower() != "x-priority"]
    if custom:
        data["InternetMessageHeaders"] = custom


def _read_thread(msg, data: dict) -> None:
    for hdr, key in (("Message-ID", "InternetMessageId"), ("In-Reply-To", "InReplyTo"), ("References", "References")):
        if msg[hdr]:
            data[key] = str(msg[hdr]).strip()
    if msg["Thread-Topic"]:
        data["ConversationTopic"] = str(msg["Thread-Topic"])


def _read_date(msg, data: dict) -> None:
    """DateTimeSent from the Date header, read by the code base's one date reader (app.domain.dates) from the
    header's text (_READ_POLICY: the email package's own Date header object raised OverflowError for an hour
    of 9999999999). An unreadable date, or one outside the years 1-9999 in UTC, is left out."""
    when = read_mail_date(msg["Date"])
    if when is not None:
        try:
            data["DateTimeSent"] = fmt_dt(when)
        except ValueError:
            pass


def _read_flags(msg, data: dict) -> None:
    """Importance, sensitivity, categories and the receipts asked for."""
    imp = str(msg["Importance"] or "").lower()
    if imp in ("high", "low", "normal"):
        data["Importance"] = imp.capitalize()
    sens = str(msg["Sensitivity"] or "").lower()
    if sens in SENSITIVITY_FROM_HDR:
        data["Sensitivity"] = SENSITIVITY_FROM_HDR[sens]
    if msg["Keywords"]:
        data["Categories"] = [k.strip() for k in str(msg["Keywords"]).split(",") if k.strip()]
    # the headers Exchange maps to the two flags (MS-OXCMAIL 2.1.3.1.6: Disposition-Notification-To, RFC 8098,
    # PidTagReadReceiptRequested; 2.1.3.1.5: the non-standard Return-Receipt-To,
    # PidTagOriginatorDeliveryReportRequested): a message sent as MIME asks for its receipts by them
    if msg["Disposition-Notification-To"]:
        data["IsReadReceiptRequested"] = True
    if msg["Return-Receipt-To"]:
        data["IsDeliveryReceiptRequested"] = True


def _read_attachment(part) -> dict:
    if part.get_content_type() == "message/rfc822" and part.get_payload():
        inner = part.get_payload()[0]
        fields, inner_atts = parse_mime(inner.as_bytes())
        return from_mime_part(part.get_filename() or "", fields, inner_atts)
    cid = part.get("Content-ID")
    return {
        "name": part.get_filename() or "attachment",
        "content_type": part.get_content_type(),
        "content_id": cid.strip("<>") if cid else None,
        "is_inline": part.get_content_disposition() == "inline",
        "content": part.get_payload(decode=True) or b"",
    }
