"""Following up a sent message: Reply all, Forward and Edit as new, as new drafts. No Qt.

- **Reply all** goes to the original's To (its Cc stays Cc), less the account and the mailboxes it sends from
  (from Sent the sender is oneself: a plain Reply would go to oneself, so Sent offers Reply all only, which is
  what Outlook's Reply from Sent does: it goes to the original recipients). ``RE:`` once (in the window's
  language: French "RE :", German "AW:"; any language's reply prefix it already had makes way for it), the original
  quoted below with the header block Outlook writes (From, Sent, To, Cc, Subject: in the window's language,
  :class:`Header`, given by the window, which translates it); pictures the quoted body
  shows stay inline, files are not carried.
- **Forward**: no recipients, ``FW:`` once (French "TR :", German "WG:"), the same quote, and the original's
  attachments.
- **Edit as new**: a copy of the original (recipients, subject, body, attachments, Reply-To, sensitivity,
  categories, headers, the mailbox it is from) as a new unsaved message: no server id, a new Message-ID
  when it is first saved.

Reply all and Forward carry the thread in the draft itself: ``in_reply_to`` (the original's Message-ID) and
``references`` (its chain and it, RFC 5322 3.6.4). The backends write them at the first save (EWS
``t:InReplyTo``/``t:References``; Graph PidTagInReplyToId/PidTagInternetReferences) and Exchange threads the
message from them (its ConversationIndex and ConversationId). A crash before that save loses nothing: the
journal keeps the draft with both fields (app/storage/draft_codec.py).

They also carry the conversation as Outlook writes it: ``thread_index`` is the original's
PidTagConversationIndex plus one child block computed here (app/domain/threads.py, [MS-OXOMSG] 2.2.1.3), and
``thread_topic`` its PidTagConversationTopic. The backends write both at the first save (EWS extended
properties, Graph singleValueExtendedProperties ``Binary 0x0071`` / ``String 0x0070``), so the sender's Sent
copy and every recipient's copy are in the original's conversation (its id comes from the index's GUID) however
the server threads In-Reply-To.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain import inline_images as inline
from app.domain import threads
from app.domain.models import Attachment, BodyFormat, Draft, Recipient, new_local_id
from app.domain.words import QT_TRANSLATE_NOOP

# Outlook's line between the new text and the quoted message (plain text)
SEPARATOR = "_" * 32
# the prefixes that already make a subject a reply or a forward, whoever wrote them: Outlook's in English, French
# and German ("RE:", "AW:"; "FW:", "TR :", "WG:"), Thunderbird's "Fwd:", the Nordic "SV:", the Dutch "Antw:";
# any case, any space before the colon (French puts a no-break one there). One run of them is replaced by the
# window's own, so that "AW: RE: …" never grows.
_RE = re.compile(r"^\s*(re|aw|sv|antw)\s*:\s*", re.IGNORECASE)
_FW = re.compile(r"^\s*(fw|fwd|wg|tr)\s*:\s*", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)


def english_date(when: _dt.datetime) -> str:
    """The sent date as Outlook writes it in English: "Tuesday, November 24, 2026 9:05"."""
    return when.strftime("%A, %B %d, %Y %H:%M").replace(" 0", " ")


@dataclass(frozen=True)
class Header:
    """How the quoted header block is written: its labels with their colon, as Outlook writes them in the
    window's language ("From:"; "De :"; "Von:"), and the sent date's text (the language's long date). The
    window translates them (this module has no Qt: the English words are marked for the catalogue here, under
    "Quote"); English when none is given."""

    sender: str = QT_TRANSLATE_NOOP("Quote", "From:")
    sent: str = QT_TRANSLATE_NOOP("Quote", "Sent:")
    to: str = QT_TRANSLATE_NOOP("Quote", "To:")
    cc: str = QT_TRANSLATE_NOOP("Quote", "Cc:")
    subject: str = QT_TRANSLATE_NOOP("Quote", "Subject:")
    date: Callable[[_dt.datetime], str] = english_date
    #: the subject's prefix of a reply and of a forward, as Outlook writes it in the window's language ("RE :"
    #: and "TR :" in French, "AW:" and "WG:" in German; PidTagSubjectPrefix, MS-OXOMSG 2.2.1.60)
    reply: str = QT_TRANSLATE_NOOP("Quote", "RE:")
    forward: str = QT_TRANSLATE_NOOP("Quote", "FW:")


def reply_all(orig: Draft, *, own: Iterable[str], sender: Recipient | None, sent: _dt.datetime | None,
              now: _dt.datetime | None = None, header: Header = Header()) -> Draft:
    """The reply to everyone the sent message ``orig`` went to. ``own``: the account's addresses (its own and
    those of the mailboxes it sends from), never replied to; ``sender``/``sent``: for the quote's header,
    written with ``header``'s words; ``now``: when it is written (its conversation index's child block; the
    clock when None)."""
    mine = {a.strip().lower() for a in own if a}
    if orig.principal is not None:
        mine.add(orig.principal.email.lower())
    to = _others(orig.to, mine, set())
    cc = _others(orig.cc, mine, {r.email.lower() for r in to})
    body, fmt = quoted(orig, sender, sent, header)
    return Draft(to=to, cc=cc, subject=prefixed(header.reply, orig.subject, _RE), body=body, body_format=fmt,
                 attachments=_shown_pictures(orig, body if fmt == BodyFormat.HTML else None),
                 principal=orig.principal, **_thread(orig, now))


def forward(orig: Draft, *, sender: Recipient | None, sent: _dt.datetime | None,
            now: _dt.datetime | None = None, header: Header = Header()) -> Draft:
    """The sent message ``orig`` forwarded: no recipients yet, its attachments and its pictures kept."""
    body, fmt = quoted(orig, sender, sent, header)
    files = [_fresh(a) for a in orig.attachments if not inline.is_inline_image(a)]
    pictures = _shown_pictures(orig, body if fmt == BodyFormat.HTML else None)
    return Draft(subject=prefixed(header.forward, orig.subject, _FW), body=body, body_format=fmt,
                 attachments=files + pictures, principal=orig.principal, **_thread(orig, now))


def edit_as_new(orig: Draft) -> Draft:
    """A copy of ``orig`` as a new message: everything the user wrote, nothing of the sent one's identity (nor the
    time the server kept it for: a sent copy keeps its PidTagDeferredSendTime)."""
    return orig.copy(ref=None, internet_message_id="", origin=None, local_id=new_local_id(), modified=None,
                     thread_index=b"", thread_topic="", attachments=[_fresh(a) for a in orig.attachments],
                     send_at=None)


def resend_to(orig: Draft, addresses: list[str]) -> Draft:
    """:func:`edit_as_new` going only to ``addresses`` (the recipients a report says it did not reach), each named
    as ``orig`` named it; no Cc or Bcc."""
    named = {r.email.strip().lower(): r for r in (*orig.to, *orig.cc, *orig.bcc)}
    wanted = [named.get(a.strip().lower()) or Recipient(a.strip()) for a in dict.fromkeys(a.strip().lower()
                                                                                         for a in addresses)]
    return edit_as_new(orig).copy(to=wanted, cc=[], bcc=[])


def prefixed(prefix: str, subject: str, already: re.Pattern) -> str:
    """``subject`` with ``prefix`` (its colon included) once: the prefixes of that kind it starts with, in any of
    the languages, make way for it ("AW: RE: Hello" replied to in English: "RE: Hello", never "RE: AW: RE: Hello");
    those of the other kind stay ("FW: RE: Hello")."""
    subject = subject or ""
    while (m := already.match(subject)):
        subject = subject[m.end():]
    return f"{prefix} {subject}"


def header_block(orig: Draft, sender: Recipient | None, sent: _dt.datetime | None,
                 header: Header = Header()) -> list[tuple[str, str]]:
    """The quoted message's header lines (label with its colon, value), as Outlook writes them (the empty
    ones left out but Subject)."""
    frm = _sender(orig, sender)
    rows = [(header.sender, frm.display() if frm else ""), (header.sent, _when(sent, header.date)),
            (header.to, "; ".join(r.display() for r in orig.to)),
            (header.cc, "; ".join(r.display() for r in orig.cc))]
    return [(k, v) for k, v in rows if v] + [(header.subject, orig.subject or "")]


def _sender(orig: Draft, sender: Recipient | None) -> Recipient | None:
    """Whom the quote says it is from, by display name and address when known: the From the server read (its
    name too), else the mailbox it was sent from, else ``sender`` (the account)."""
    frm = orig.origin.frm if orig.origin is not None else None
    if frm is not None and frm.email:
        return frm
    if orig.principal is not None and orig.principal.email:
        return Recipient(orig.principal.email, orig.principal.name)
    return sender


def quoted(orig: Draft, sender: Recipient | None, sent: _dt.datetime | None,
           header: Header = Header()) -> tuple[str, BodyFormat]:
    """Room for the new text, then the original below its header block, in the original's format. A rich
    body is quoted as it is: Compose shows it in a document that loads nothing remote (SafeDocument)."""
    rows = header_block(orig, sender, sent, header)
    if orig.body_format != BodyFormat.HTML:
        head = "\n".join(f"{k} {v}" for k, v in rows)
        return f"\n\n{SEPARATOR}\n{head}\n\n{orig.body}", BodyFormat.TEXT
    head = "<br>".join(f"<b>{_html.escape(k)}</b> {_html.escape(v)}" for k, v in rows)
    return (f"<div><br></div><hr><div>{head}</div><br>{_inner(orig.body)}", BodyFormat.HTML)


# a header line of the quote: a label of a few words and its colon ("From:", "De :", "Von:"), then its value
_HEADER_LINE = re.compile(r"[^\W\d_][\w .'-]{0,30}?\s?:(\s|$)")


def quote_start(lines: list[str]) -> int:
    """The index of the line where the quoted original starts (``len(lines)`` when there is none), read by the
    structure :func:`quoted` writes in every language: the separator line (a rich body's rule, once put in
    text, is that line too), then the header block's first line, a label and its colon. The words are not
    read, so "From:", "De :" and "Von:" are the same to it."""
    for i, line in enumerate(lines):
        if line.strip() == SEPARATOR and begins_quote(next((ln for ln in lines[i + 1:] if ln.strip()), "")):
            return i
    return len(lines)


def begins_quote(following: str) -> bool:
    """Whether ``following``, the first line with words after a separator line (or a rich body's rule), is the
    first line of the header block :func:`quoted` writes: then the quote starts at that separator. The one rule
    for the attachment check (:func:`quote_start`) and the spell check (app.ui.compose.spell_highlighter)."""
    return bool(_HEADER_LINE.match(following.strip()))


def _inner(body: str) -> str:
    """An HTML document's body content (its head, styles and title are not quoted)."""
    m = _BODY.search(body)
    return m.group(1) if m else _HEAD.sub("", body)


def _when(sent: _dt.datetime | None, written: Callable[[_dt.datetime], str]) -> str:
    if sent is None:
        return ""
    return written(sent.astimezone() if sent.tzinfo else sent)


def _others(people: list[Recipient], mine: set[str], taken: set[str]) -> list[Recipient]:
    """``people`` less the account's own addresses and those already listed, once each."""
    out, seen = [], set(taken) | mine
    for r in people:
        key = r.email.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _shown_pictures(orig: Draft, body: str | None) -> list[Attachment]:
    """The original's inline pictures the quoted body shows (kept inline: they stay in place)."""
    if body is None:
        return []
    _files, pictures = inline.split(orig.attachments)
    return [_fresh(a) for a in inline.referenced(body, pictures)]


def _fresh(att: Attachment) -> Attachment:
    """An attachment of the new message: the same file, not yet on the server."""
    return Attachment(name=att.name, content=att.content, content_type=att.content_type,
                      source_path=att.source_path, size=att.size, content_id=att.content_id,
                      is_inline=att.is_inline)


def _thread(orig: Draft, now: _dt.datetime | None) -> dict:
    """The new message's place in the original's conversation: In-Reply-To and References (nothing when the
    original has no Message-ID), and, as Outlook computes it on the client, the original's conversation index
    plus one child block and its topic (nothing when the original has no index: Exchange threads it then)."""
    out = {}
    mid = orig.internet_message_id.strip()
    if mid:
        chain = " ".join([*orig.references.split(), mid][-20:])  # the newest, as RFC 5322 allows trimming
        out.update(in_reply_to=mid, references=chain)
    if threads.is_index(orig.thread_index):
        when = now or _dt.datetime.now(_dt.timezone.utc)
        out.update(thread_index=threads.child_index(orig.thread_index, when, secrets.randbits(8)),
                   thread_topic=orig.thread_topic or _topic(orig.subject))
    return out


def _topic(subject: str) -> str:
    """A conversation's topic: the subject without its RE:/FW: prefixes (PidTagConversationTopic is the
    normalized subject, MS-OXOMSG 2.2.1.5)."""
    subject = subject or ""
    while (m := _RE.match(subject) or _FW.match(subject)):
        subject = subject[m.end():]
    return subject.strip()
