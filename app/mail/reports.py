"""A report's MIME (a non-delivery report, a delivery receipt, a read or not-read notification) read into a
:class:`app.domain.delivery.Report`: which message it is about, and what it says of each recipient.

Backend-neutral: EWS (``MimeContent``) and Graph (``/$value``) both hand over the report's bytes. A report is
data from anywhere (any server may send a sender a "bounce"), so :func:`read_report` never raises and is
bounded:

- at most :data:`MAX_REPORT_BYTES` of it are read, and at most :data:`MAX_LINES` lines of those. RFC 3464 §2
  puts the ``message/delivery-status`` part second in the ``multipart/report``, before the returned original,
  so a report that carries a 10 MB original is read right from its first bytes, and a cut tail is only a cut
  original;
- the stdlib's parser (``email.feedparser``, the ``compat32`` policy: headers are kept as text and parsed only
  when looked up, never by the header registry) stops at :data:`MAX_PARTS` parts (a ``message/delivery-status``
  part is parsed into one part a recipient block) or :data:`MAX_DEPTH` levels, and what it built so far is read;
- a header is cut to :data:`MAX_HEADER_CHARS` (a ``Content-*`` one to :data:`MAX_CONTENT_HEADER_CHARS`: the
  stdlib reads a multipart's boundary parameter by parameter, copying the rest of the header for each);
- at most :data:`MAX_NEWS` recipients are read from one report.

Standard reports are read with the ``email`` package: RFC 3464's ``message/delivery-status`` (its recipient
blocks) and RFC 8098's ``message/disposition-notification``. A non-delivery report that is not a standard DSN
(Exchange's older formats, other servers' own) is read with Mailman's ``flufl.bounce``, whose detectors know
those formats: its addresses are failures with no status code.
"""

from __future__ import annotations

import email.policy
import itertools
import re
from datetime import datetime
from email.feedparser import BytesFeedParser
from email.header import Header, decode_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses

from app.domain.dates import read_mail_date
from app.domain.delivery import (DELIVERED, MAX_DIAGNOSTIC, NDR, NOT_READ, READ, Fate, RecipientNews, Report,
                                 report_kind)
from app.domain.explain import server_reason

MAX_REPORT_BYTES = 512 * 1024
# a report of 512 KiB cut into lines of one byte would hold 500,000 strings; an NDR's status part takes a few
# dozen lines, and 20,000 hold 1.5 MB of a base64 original (78 bytes a line)
MAX_LINES = 20_000
MAX_NEWS = 1_000
# the report, its text, its status part, the original and its parts: a few dozen besides the recipient blocks
MAX_PARTS = MAX_NEWS + 64
# multipart/report > message/rfc822 > multipart/mixed > multipart/alternative > ...: every line of the report is
# looked at for the boundary of every multipart it is in, so depth costs once a line
MAX_DEPTH = 8
MAX_HEADER_CHARS = 4 * 1024
MAX_CONTENT_HEADER_CHARS = 1024
MAX_ADDRESS_CHARS = 254  # RFC 5321 §4.5.3.1.3: a path holds at most 256 octets with its angle brackets
MAX_ID_CHARS = 998  # RFC 5322 §2.1.1: a line holds at most 998 characters
_FEED_BYTES = 64 * 1024
_LINE_END = re.compile(rb"\r\n|\r|\n")
_STATUS = re.compile(r"\s*([245])\.(\d{1,3})\.(\d{1,3})(?!\d)")
_REPLY_STATUS = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
_MESSAGE_ID = re.compile(r"<([^<>\s]{1,996})>")
_ACTIONS = {
    # RFC 3464 §2.3.3: "expanded" is "successfully delivered to the recipient address as specified by the
    # sender" (a group) and then forwarded to its members; "relayed" went on to a place that sends no reports,
    # so nothing more will be known
    "failed": Fate.FAILED, "delayed": Fate.DELAYED, "delivered": Fate.DELIVERED, "expanded": Fate.DELIVERED,
    "relayed": Fate.NO_NEWS,
}
# RFC 8098 §3.2.6.2: "displayed" is shown to the user; "deleted" is deleted, "the recipient may or may not have
# seen the message" (Outlook's not-read notification: deleted unread); "dispatched" (printed, faxed, forwarded)
# and "processed" (by a rule) were handled "without necessarily having been previously displayed": the message
# reached the recipient's mail program, whether anyone read it is not known, so they say it was delivered
_DISPOSITIONS = {"displayed": Fate.READ, "deleted": Fate.NOT_READ, "dispatched": Fate.DELIVERED,
                 "processed": Fate.DELIVERED}
_KIND_FATES = {NDR: Fate.FAILED, DELIVERED: Fate.DELIVERED, READ: Fate.READ, NOT_READ: Fate.NOT_READ}


def read_report(mime: bytes, *, item_class: str, report_id: str, received: datetime) -> Report | None:
    """The report ``mime`` says (an item of class ``item_class``, its server id ``report_id``, received
    ``received``), or None: for an item that is no report, or one that names no original Message-ID (a report is
    matched by that id alone, never by a guess). A report whose recipients cannot be read has no news."""
    kind = report_kind(item_class or "")
    if not kind:
        return None
    try:
        msg = _parse(_bounded(mime))
        if msg is None:
            return None
        original = _original_id(msg)
        if not original:
            return None
        news = _news(msg, kind, received)
    except Exception:  # noqa: BLE001 - hostile input: whatever the parser or a bounce detector fails on is no report
        return None
    return Report(original_id=original, report_id=report_id, received=received, news=tuple(news[:MAX_NEWS]))


# ---- the bounded parse


def _bounded(mime: bytes) -> bytes:
    """The first :data:`MAX_REPORT_BYTES` of ``mime``, cut after its :data:`MAX_LINES`-th line."""
    raw = bytes(mime[:MAX_REPORT_BYTES])
    if raw.count(b"\n") + raw.count(b"\r") <= MAX_LINES:
        return raw
    end = next(itertools.islice(_LINE_END.finditer(raw), MAX_LINES - 1, None), None)
    return raw if end is None else raw[:end.end()]


class _Enough(Exception):
    """The parse reached :data:`MAX_PARTS` or :data:`MAX_DEPTH`: what it built so far is read."""


class _Part(Message):
    """A part the parser makes, which knows how deep it is (the parser attaches each part to its parent as the
    part begins, before it reads the part's lines)."""

    depth = 0

    def attach(self, payload):
        if isinstance(payload, _Part):
            payload.depth = self.depth + 1
            if payload.depth > MAX_DEPTH:
                raise _Enough
        super().attach(payload)


class _CutHeaders(email.policy.Compat32):
    """The ``compat32`` policy whose headers are cut as the parser reads them (its documented hook)."""

    def header_source_parse(self, sourcelines):
        name, value = super().header_source_parse(sourcelines)
        limit = MAX_CONTENT_HEADER_CHARS if name.lower().startswith("content-") else MAX_HEADER_CHARS
        return name, value[:limit]


_POLICY = _CutHeaders()


class _Reading:
    """One parse's parts, counted; the first is the report itself."""

    def __init__(self):
        self.restart()

    def restart(self) -> None:
        self.root: _Part | None = None
        self.count = 0

    def new_part(self, policy=None) -> _Part:
        if self.count >= MAX_PARTS:
            raise _Enough
        part = _Part(policy=policy or _POLICY)
        self.count += 1
        if self.root is None:
            self.root = part
        return part


def _parse(raw: bytes) -> Message | None:
    reading = _Reading()
    parser = BytesFeedParser(reading.new_part, policy=_POLICY)
    reading.restart()  # the parser made one to try its factory
    try:
        for start in range(0, len(raw), _FEED_BYTES):
            parser.feed(raw[start:start + _FEED_BYTES])
        return parser.close()
    except _Enough:
        return reading.root


# ---- what the report is about


def _original_id(msg: Message) -> str:
    """The original's Message-ID: its returned headers' (``text/rfc822-headers`` or ``message/rfc822``), else
    the read notification's ``Original-Message-ID``, else the report's own ``In-Reply-To``, else the first of
    its ``References``; "" when none names one."""
    for part in _report_parts(msg):
        kind = part.get_content_type()
        if kind == "text/rfc822-headers":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                found = _message_id(BytesHeaderParser(policy=_POLICY).parsebytes(payload).get("Message-ID"))
                if found:
                    return found
        elif kind in ("message/rfc822", "message/global"):
            inner = _inner(part)
            if inner is not None and (found := _message_id(inner.get("Message-ID"))):
                return found
    for part in _report_parts(msg):
        if part.get_content_type() == "message/disposition-notification":
            inner = _inner(part)
            if inner is not None and (found := _message_id(inner.get("Original-Message-ID"))):
                return found
    return _message_id(msg.get("In-Reply-To")) or _message_id(msg.get("References"))


def _message_id(value) -> str:
    """The first ``<id>`` in a header's value, with its angle brackets ("" for none or a damaged one)."""
    text = _text(value)
    found = _MESSAGE_ID.search(text)
    if found is None:
        bare = text.split()
        if not bare or "@" not in bare[0] or any(c in bare[0] for c in "<>"):
            return ""
        found_id = bare[0]
    else:
        found_id = found[1]
    if len(found_id) > MAX_ID_CHARS - 2 or not found_id.isprintable():
        return ""
    return f"<{found_id}>"


def _report_parts(msg: Message):
    """The report's own parts, depth first: not those inside a returned message (``message/*``), which are the
    original's and may be another report."""
    yield msg
    payload = msg.get_payload()
    if msg.is_multipart() and isinstance(payload, list):
        for part in payload:
            if isinstance(part, Message) and part.get_content_maintype() != "message":
                yield from _report_parts(part)
            elif isinstance(part, Message):
                yield part


def _inner(part: Message) -> Message | None:
    """The message a ``message/*`` part holds (the parser makes it one part), or None."""
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return payload[0]
    return None


# ---- what it says of each recipient


def _news(msg: Message, kind: str, received: datetime) -> list[RecipientNews]:
    parts = list(_report_parts(msg))
    status = next((p for p in parts if p.get_content_type() == "message/delivery-status"), None)
    notice = next((p for p in parts if p.get_content_type() == "message/disposition-notification"), None)
    if status is not None and (news := _delivery_status(status, kind, received)):
        return news
    if notice is not None and (news := _disposition(notice, msg, kind, received)):
        return news
    if kind == NDR:
        return _bounces(msg, received)
    if kind in (READ, NOT_READ):
        # a read notification with no notification part (Exchange's own, converted): the reader sent it
        return _from_sender(msg, kind, received)
    return []


def _delivery_status(part: Message, kind: str, received: datetime) -> list[RecipientNews]:
    """RFC 3464 §2.1: the status part is a per-message block, then one block a recipient (the parser makes each
    block a part whose headers are its fields)."""
    blocks = [b for b in part.get_payload() if isinstance(b, Message)] if isinstance(part.get_payload(), list) else []
    arrival = next((read_mail_date(_text(b.get("Arrival-Date"))) for b in blocks if b.get("Arrival-Date")), None)
    news = []
    for block in blocks:
        address = _recipient(block)
        if not address:
            continue
        status = _status(block.get("Status"), block.get("Diagnostic-Code"))
        fate = _ACTIONS.get(_text(block.get("Action")).strip().lower())
        if fate is None:  # no Action, or one RFC 3464 does not name: the status's class, else the item's kind
            fate = {"5": Fate.FAILED, "4": Fate.DELAYED, "2": Fate.DELIVERED}.get(status[:1], _KIND_FATES[kind])
        when = read_mail_date(_text(block.get("Last-Attempt-Date"))) or arrival or received
        news.append(RecipientNews(address=address, fate=fate, when=when, status=status,
                                  diagnostic=_diagnostic(block.get("Diagnostic-Code"))))
        if len(news) >= MAX_NEWS:
            break
    return news


def _disposition(part: Message, msg: Message, kind: str, received: datetime) -> list[RecipientNews]:
    """RFC 8098 §3.1: one notification, one recipient; the disposition type after the ``;`` of ``Disposition``
    (its modifiers after a ``/``)."""
    fields = _inner(part)
    if fields is None:
        return []
    address = _recipient(fields)
    if not address:
        return []
    disposition = _text(fields.get("Disposition")).partition(";")[2].strip().lower()
    fate = _DISPOSITIONS.get(disposition.partition("/")[0].strip(), _KIND_FATES[kind])
    when = read_mail_date(_text(msg.get("Date"))) or received
    return [RecipientNews(address=address, fate=fate, when=when)]


def _bounces(msg: Message, received: datetime) -> list[RecipientNews]:
    """A non-delivery report that is no standard DSN, read by ``flufl.bounce``'s detectors: its permanent
    failures failed, its temporary ones are delayed (no status code: the detectors find addresses only). A report
    with no sender's address is not given to them: a server's report always has one (its postmaster), and a
    detector fails on a report without (it takes the first of the From's addresses)."""
    if not _sender(msg):
        return []
    from flufl.bounce import all_failures  # its ~40 detectors take ~40 ms to import: only for such a report

    try:
        temporary, permanent = all_failures(msg)
    except Exception:  # noqa: BLE001 - a detector failing on a hostile report: it names no one
        return []
    news = []
    for fate, found in ((Fate.FAILED, permanent), (Fate.DELAYED, temporary - permanent)):
        for raw in sorted(found):
            address = _address(raw.decode("ascii", "replace") if isinstance(raw, bytes) else str(raw))
            if address:
                news.append(RecipientNews(address=address, fate=fate, when=received))
    return news[:MAX_NEWS]


def _sender(msg: Message) -> str:
    """The address of the report's From ("" for none)."""
    people = getaddresses([_text(msg.get("From"))])
    return _address(people[0][1]) if people else ""


def _from_sender(msg: Message, kind: str, received: datetime) -> list[RecipientNews]:
    address = _sender(msg)
    when = read_mail_date(_text(msg.get("Date"))) or received
    return [RecipientNews(address=address, fate=_KIND_FATES[kind], when=when)] if address else []


def _recipient(block: Message) -> str:
    """The recipient a block names: its ``Original-Recipient`` (the address the sender gave, RFC 3464 §2.3.1,
    as the sent message lists it) when it is an Internet one, else its ``Final-Recipient`` (where it ended up,
    after the server's aliases)."""
    for name in ("Original-Recipient", "Final-Recipient"):
        kind, _, value = _text(block.get(name)).partition(";")
        if value and kind.strip().lower() in ("rfc822", "utf-8") and (address := _address(value)):
            return address
    return ""


def _address(value: str) -> str:
    """A mailbox address as a report writes it (``carol@contoso.com``, ``<carol@contoso.com>``), lower case; ""
    for what is none."""
    text = value.strip().strip("<>").strip()
    if not text or len(text) > MAX_ADDRESS_CHARS or "@" not in text[1:-1]:
        return ""
    if any(c.isspace() or not c.isprintable() or c in "<>,;\"" for c in text):
        return ""
    return text.lower()


def _status(value, diagnostic=None) -> str:
    """The enhanced status code of a ``Status`` field; when it is only its class's "other" (``5.0.0``, ``4.0.0``,
    as some servers write it), the more precise code of the same class the server's reply in ``Diagnostic-Code``
    gives ("smtp; 550 5.1.1 User unknown"), which is what Microsoft's NDR pages name."""
    found = _STATUS.match(_text(value))
    status = ".".join(found.groups()) if found else ""
    if status.endswith(".0.0") and (reply := _REPLY_STATUS.search(_text(diagnostic)[:MAX_DIAGNOSTIC])):
        if reply[1] == status[0]:
            return ".".join(reply.groups())
    return status


def _diagnostic(value) -> str:
    """The server's own words (RFC 3464 §2.3.6 ``diagnostic-type; text``: the text), made safe to show."""
    text = _text(value)
    kind, sep, rest = text.partition(";")
    if sep and kind.strip().isalpha():
        text = rest
    return server_reason(text, MAX_DIAGNOSTIC)


def _text(value) -> str:
    """A header's value as text: ``compat32`` hands a value with 8-bit bytes as a ``Header`` of those bytes
    (``unknown-8bit``), read as UTF-8 where they are and U+FFFD elsewhere."""
    if value is None:
        return ""
    if isinstance(value, Header):
        return "".join(chunk.decode("utf-8", "replace") if isinstance(chunk, bytes) else chunk
                       for chunk, _charset in decode_header(value))
    return str(value)
