"""A message as an ``.eml`` file (RFC 5322 + MIME) and back: pure conversions with Python's ``email``.

:func:`to_eml` writes a :class:`Draft` the way Outlook saves one: headers first (From when known, To,
Cc, Bcc, Reply-To, Subject — non-ASCII as RFC 2047 encoded-words —, Date, Message-ID, Importance +
X-Priority, Sensitivity, Keywords for the categories, Disposition-Notification-To / Return-Receipt-To for
the receipts, the custom X- headers as themselves), then the body (the follow-up flag is not a MIME
header: Exchange keeps it as a property of the sender's copy; an .eml carries no flag)::

    multipart/mixed                       only with attachments that are not inline
      multipart/related                   only for an HTML body with inline (Content-ID) attachments
        multipart/alternative             an HTML body: text/plain (made from the HTML) + text/html
          text/plain, text/html
        image/png; Content-ID: <...>      inline attachments (the HTML says src="cid:...")
      application/pdf; filename*=...      attachments (non-ASCII names as RFC 2231)

Bcc is kept: the file is the user's own copy of the message, as Drafts or Sent Items show it (Outlook
keeps it in a saved draft too); whoever shares the file shares the Bcc list.

Reading (:func:`app.domain.eml_read.read_eml`) is in its own module with its limits.
"""

from __future__ import annotations

import base64
import datetime as _dt
import email.policy
import email.utils
import re
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from html.parser import HTMLParser

from app.domain.extras import header_name_problem
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient, Sensitivity
from app.domain.senders import SendRight

# CRLF line ends (as Outlook and Exchange write .eml files); parsing accepts either.
POLICY = email.policy.default.clone(linesep="\r\n")
UTF8_POLICY = POLICY.clone(utf8=True)
PRIORITY = {Importance.HIGH: "1", Importance.LOW: "5"}  # as Exchange writes it
# the Sensitivity header (RFC 2156 4.3; RFC 2076 3.9): Normal is written as no header, as Outlook does
SENSITIVITY_HEADER = {Sensitivity.PERSONAL: "Personal", Sensitivity.PRIVATE: "Private",
                      Sensitivity.CONFIDENTIAL: "Company-Confidential"}


def to_eml(draft: Draft, *, sender: Recipient | None = None, date: _dt.datetime | None = None) -> bytes:
    """``draft`` as the bytes of an .eml file. ``sender``: the account's address, when known; the receipt
    headers need it (they name where a receipt goes). It is the From, unless the draft is from a mailbox the
    account sends from (``draft.principal``): then From is that mailbox, and for Send on Behalf the account is
    the Sender ("Alice on behalf of Shared Desk"). ``date``: the Date header (now if None)."""
    msg = EmailMessage(policy=POLICY)
    utf8: list[bytes] = []  # address headers written in UTF-8 (RFC 6532), before the others
    for name, who in _originators(draft, sender):
        _put(msg, name, [_address(who)], utf8)
    for name, people in (("To", draft.to), ("Cc", draft.cc), ("Bcc", draft.bcc), ("Reply-To", draft.reply_to)):
        if people:
            _put(msg, name, [_address(r) for r in people], utf8)
    _set_text(msg, "Subject", draft.subject or "")
    when = date or _dt.datetime.now(_dt.timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    msg["Date"] = email.utils.format_datetime(when)
    if draft.internet_message_id:
        msg.set_raw("Message-ID", _one_line(draft.internet_message_id))
    for name, value in (("In-Reply-To", draft.in_reply_to), ("References", draft.references)):
        if value:  # a reply's or forward's place in its conversation (RFC 5322 3.6.4)
            msg.set_raw(name, _one_line(value))
    if draft.thread_topic:  # Outlook's conversation headers (MS-OXCMAIL: PidTagConversationTopic / Index)
        _set_text(msg, "Thread-Topic", draft.thread_topic)
    if draft.thread_index:
        msg["Thread-Index"] = base64.b64encode(draft.thread_index).decode("ascii")
    if draft.importance in PRIORITY:
        msg["Importance"] = draft.importance.value.lower()
        msg["X-Priority"] = PRIORITY[draft.importance]
    if draft.sensitivity in SENSITIVITY_HEADER:
        msg["Sensitivity"] = SENSITIVITY_HEADER[draft.sensitivity]
    if draft.categories:  # Outlook's categories: a Keywords header (RFC 5322 3.6.5), comma-separated
        msg.set_raw("Keywords", ",\r\n ".join(_phrase(c) for c in draft.categories))
    if sender is not None and sender.email:
        if draft.read_receipt:
            _put(msg, "Disposition-Notification-To", str(_address(sender)), utf8)
        if draft.delivery_receipt:
            _put(msg, "Return-Receipt-To", str(_address(sender)), utf8)
    for name, value in draft.headers:  # custom X- headers as themselves (the follow-up flag is no header)
        if header_name_problem(name) is None:
            _set_text(msg, name, value)
    msg["MIME-Version"] = "1.0"
    _adopt(msg, body_tree(draft))
    return b"".join(utf8) + msg.as_bytes()


def _originators(draft: Draft, account: Recipient | None) -> list[tuple[str, Recipient]]:
    """The From (and Sender) headers: the principal the draft is from, else the account (RFC 5322 3.6.2:
    Sender names the mailbox that sent it when that is not the author's, as Exchange writes on behalf)."""
    own = account if account is not None and account.email else None
    p = draft.principal
    if p is None:
        return [("From", own)] if own is not None else []
    out = [("From", Recipient(email=p.email, name=p.name))]
    if p.right == SendRight.ON_BEHALF and own is not None and own.email.lower() != p.email.lower():
        out.append(("Sender", own))
    return out


def _put(msg: EmailMessage, name: str, value: list[Address] | str, utf8: list[bytes]) -> None:
    """A header of addresses (a list; the receipt headers, which the stdlib does not parse, as text). One
    naming an address outside ASCII (an internationalised one, RFC 6531: "jörg@bücher.de") is written in
    UTF-8 (RFC 6532) into ``utf8``: an encoded-word is not allowed in an address, and the message's own
    policy would write one; the rest of the message stays ASCII."""
    if value.isascii() if isinstance(value, str) else all(a.addr_spec.isascii() for a in value):
        msg[name] = value
    else:
        utf8.append(UTF8_POLICY.fold_binary(name, UTF8_POLICY.header_factory(name, value)))


def body_tree(draft: Draft) -> MIMEPart:
    """The MIME tree of the body and attachments (see the module's docstring)."""
    html = draft.body_format == BodyFormat.HTML
    if html:
        body = _multipart("alternative", [_text(html_to_text(draft.body), "plain"), _text(draft.body, "html")])
    else:
        body = _text(draft.body, "plain")
    inline = [a for a in draft.attachments if a.is_inline and a.content_id] if html else []
    others = [a for a in draft.attachments if not any(a is i for i in inline)]
    if inline:
        body = _multipart("related", [body, *(_file(a, "inline") for a in inline)],
                          params={"type": "multipart/alternative"})
    if others:
        body = _multipart("mixed", [body, *(_file(a, "inline" if a.is_inline else "attachment") for a in others)])
    return body


def _adopt(msg: EmailMessage, part: MIMEPart) -> None:
    """Make ``msg`` (its headers set) carry ``part``'s content: its Content-* headers and payload."""
    for name, value in part.items():
        msg[name] = value
    msg.set_payload(part.get_payload())


def _multipart(subtype: str, parts: list[MIMEPart], params: dict | None = None) -> MIMEPart:
    m = MIMEPart(policy=POLICY)
    m["Content-Type"] = f"multipart/{subtype}"
    for k, v in (params or {}).items():
        m.set_param(k, v)
    m.set_payload(parts)
    return m


def _text(text: str, subtype: str) -> MIMEPart:
    p = MIMEPart(policy=POLICY)
    text = (text or "") + "\n"  # a MIME text part ends with a line break; the reader takes it off again
    cte = "7bit" if text.isascii() and max((len(line) for line in text.split("\n")), default=0) <= 998 \
        else "quoted-printable"
    p.set_content(text, subtype=subtype, charset="utf-8", cte=cte)
    return p


def _file(att: Attachment, disposition: str) -> MIMEPart:
    p = MIMEPart(policy=POLICY)
    maintype, _, subtype = (att.content_type or "").partition("/")
    if not maintype or not subtype or not _TOKEN.fullmatch(maintype) or not _TOKEN.fullmatch(subtype.split(";")[0]):
        maintype, subtype = "application", "octet-stream"
    subtype = subtype.split(";")[0].strip()
    cid = f"<{att.content_id.strip().strip('<>')}>" if att.content_id else None
    p.set_content(att.content or b"", maintype=maintype.lower(), subtype=subtype.lower(),
                  disposition=disposition, filename=_one_line(att.name) or "attachment", cid=cid)
    return p


_TOKEN = re.compile(r"[A-Za-z0-9!#$&^_.+-]{1,64}")


def _address(r: Recipient) -> Address:
    """A recipient as an address header entry. A draft may hold an unfinished address ("bob@"): it is
    written as typed, not refused."""
    local, at, domain = (r.email or "").strip().rpartition("@")
    if not at or not local or not domain:
        local, domain = (r.email or "").strip(), ""  # "bob@" stays "bob@" (quoted), not "bob"
    name = _one_line(r.name)
    try:
        return Address(display_name=name, username=_one_line(local), domain=_one_line(domain))
    except (ValueError, IndexError):
        return Address(display_name=name or r.email, username="invalid", domain="")


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _phrase(text: str) -> str:
    """One keyword: as it is in ASCII, else one RFC 2047 encoded-word (so the commas between them stay
    the only separators a reader sees)."""
    text = _one_line(text).replace(",", " ")
    return text if text.isascii() else Header(text, "utf-8", maxlinelen=998).encode()


def _set_text(msg: EmailMessage, name: str, value: str) -> None:
    """A free-text header (Subject): non-ASCII text RFC 2047-encoded by ``email.header.Header`` (the
    policy's own folder in Python 3.11 drops a space between two encoded-words: "a 📊 ✅" came back as
    "a 📊✅"; the sandbox's MIME does the same, app/sandbox/core/mime.py)."""
    value = _one_line(value) if "\n" in value or "\r" in value else value
    if value.isascii():
        msg[name] = value
    else:
        msg.set_raw(name, Header(value, "utf-8", maxlinelen=76, header_name=name).encode(linesep="\r\n"))


class _Text(HTMLParser):
    """HTML to readable plain text for the text/plain alternative: block ends become line breaks,
    list items get a bullet, style/script/head contents are left out, entities are decoded."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
              "ul", "ol", "hr"}
    HIDDEN = {"style", "script", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "li":
            self.out.append("\n• ")
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS and tag != "br":
            self.out.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    p = _Text()
    p.feed(html or "")
    p.close()
    text = "".join(p.out)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
