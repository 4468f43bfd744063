"""Sending an ``.eml`` file as it is: its raw MIME bytes, unchanged, through the one submission path.

A message opened from a file can be sent without being rebuilt from Compose's fields: the server gets the
file's bytes (Graph ``sendMail`` with the MIME body, EWS ``CreateItem`` with ``MimeContent``). The
submission is a ``source="mime"`` :class:`~app.core.outbox.submission.Submission` like any other: journaled before
anything goes on the wire, moved only through the transition table, settled by Message-ID after a lost
answer, never sent twice.

What is journaled (:func:`stand_in`): a :class:`Draft` holding what the Outbox shows (recipients, subject,
read from the file) and the Message-ID that names the send, with the raw bytes as its ONE attachment
(:data:`MIME_NAME`, ``message/rfc822``): the journal keeps attachment bytes content-addressed in its own
file, so the message survives a crash byte for byte. :func:`mime_of` gives the bytes back.

The Message-ID: the file's own, when it has one (a copy of it already in Sent Items is that message: settling
cannot tell two sends of the same Message-ID apart). A file without one gets one, written as the first
header line: the only change ever made to the bytes (:func:`with_message_id`; the UI says so before Send).
No Qt, no I/O.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass

from app.domain.models import Attachment, Draft, new_message_id

MIME_NAME = "message.eml"
MIME_TYPE = "message/rfc822"
SOURCE = "mime"
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MID = re.compile(r"^<[^<>\s]+@[^<>\s]+>$")


@dataclass(frozen=True)
class MimeToSend:
    raw: bytes  # what goes on the wire: the file's bytes (with a Message-ID line added when it had none)
    message_id: str
    added_id: bool  # True when the file had no usable Message-ID and :func:`with_message_id` added one


def header_block(raw: bytes) -> bytes:
    """The message's top-level header lines (up to the first empty line)."""
    m = _HEADER_END.search(raw)
    return raw[: m.start()] if m else raw


def message_id_of(raw: bytes) -> str:
    """The file's Message-ID (``<...@...>``), or "" when it has none or one that cannot name it."""
    headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(header_block(raw) + b"\r\n\r\n")
    value = str(headers.get("Message-ID") or "").strip()
    return value if _MID.match(value) else ""


def with_message_id(raw: bytes, *, make_id=new_message_id) -> MimeToSend:
    """The bytes to send and the Message-ID that names them: the file's, or a new one as its first line."""
    mid = message_id_of(raw)
    if mid:
        return MimeToSend(raw, mid, False)
    newline = b"\r\n" if b"\r\n" in header_block(raw)[:2000] or not raw else b"\n"
    mid = make_id()
    return MimeToSend(b"Message-ID: " + mid.encode("ascii") + newline + raw, mid, True)


def stand_in(parsed: Draft, mime: MimeToSend) -> Draft:
    """The draft a MIME send is journaled and listed as: the file's recipients and subject (what the Outbox
    shows), its Message-ID, and the raw bytes as its one attachment. Never saved to the server as a draft."""
    return Draft(to=list(parsed.to), cc=list(parsed.cc), bcc=list(parsed.bcc), subject=parsed.subject,
                 attachments=[Attachment(MIME_NAME, mime.raw, MIME_TYPE, size=len(mime.raw))],
                 internet_message_id=mime.message_id)


def mime_of(draft: Draft) -> bytes:
    """The raw bytes a MIME send's stand-in holds (ValueError when it holds none: a journal damaged)."""
    atts = draft.attachments
    if len(atts) != 1 or atts[0].name != MIME_NAME or not atts[0].content:
        raise ValueError("the message's MIME bytes are missing")
    return atts[0].content
