"""Drafts the backend tests save and send: ``simple_draft`` (one recipient, plain text) and ``full_draft``
(every field the contract carries)."""

from __future__ import annotations

from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient
from tests.helpers.backends import BOB


def full_draft(subject="Quarterly numbers ✓", **kw) -> Draft:
    d = Draft(
        to=[Recipient(BOB, "Bob Builder"), Recipient("carol@example.com")],
        cc=[Recipient("dave@example.com", "Dave")],
        bcc=[Recipient("erin@example.com")],
        subject=subject,
        body="<p>Hello <b>Bob</b> — ünïcode</p>",
        body_format=BodyFormat.HTML,
        importance=Importance.HIGH,
        read_receipt=True,
        delivery_receipt=True,
        attachments=[
            Attachment("report.pdf", bytes(range(256)) * 4, "application/pdf"),
            Attachment("notes.txt", "zwei Zeilen\nüber Umlaute\n".encode(), "text/plain"),
        ],
        internet_message_id="<full-draft-1@dispatch>",
    )
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def simple_draft(subject: str, to=BOB, **kw) -> Draft:
    return Draft(to=[Recipient(to)] if to else [], subject=subject, body=f"body of {subject}", **kw)
