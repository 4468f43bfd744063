"""The composer's nouns as plain dataclasses.

These are the only types that cross the boundaries between the UI, the core (async orchestration),
the journal and a mail backend (EWS today, Microsoft Graph later). They carry no behaviour that needs
a network, a database or Qt.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime


class Importance(str, enum.Enum):
    LOW = "Low"
    NORMAL = "Normal"
    HIGH = "High"


class BodyFormat(str, enum.Enum):
    TEXT = "Text"
    HTML = "HTML"


class Folder(str, enum.Enum):
    """Distinguished folders the composer works with (EWS names; Graph maps them too)."""

    DRAFTS = "drafts"
    SENT = "sentitems"
    INBOX = "inbox"
    OUTBOX = "outbox"
    DELETED = "deleteditems"


@dataclass(frozen=True)
class Recipient:
    """One mailbox: an SMTP address and an optional display name."""

    email: str
    name: str = ""

    def display(self) -> str:
        if self.name:
            needs_quotes = any(c in self.name for c in ',;<>@"()[]:\\')
            name = '"' + self.name.replace("\\", "\\\\").replace('"', '\\"') + '"' if needs_quotes else self.name
            return f"{name} <{self.email}>"
        return self.email


@dataclass(frozen=True)
class ItemRef:
    """A server item's identity. ``change_key`` changes on every modification (EWS); may be empty."""

    id: str
    change_key: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file attachment.

    ``content`` holds the bytes once read; ``source_path`` is where the user picked it from (kept so a
    journal can re-read it if the bytes are not stored). ``attachment_id`` is the server's id once saved.
    """

    name: str
    content: bytes = b""
    content_type: str = "application/octet-stream"
    source_path: str = ""
    attachment_id: str = ""
    size: int = -1

    @property
    def byte_size(self) -> int:
        return self.size if self.size >= 0 else len(self.content)


def new_local_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Draft:
    """A message being written, saved as a draft, or about to be sent.

    ``local_id`` identifies it in this app (journal, outbox, UI) before and after it has a server id.
    ``ref`` is the server identity once saved. ``internet_message_id`` is set before sending so that a
    send whose outcome is unknown can be looked up instead of blindly resent.
    """

    to: list[Recipient] = field(default_factory=list)
    cc: list[Recipient] = field(default_factory=list)
    bcc: list[Recipient] = field(default_factory=list)
    subject: str = ""
    body: str = ""
    body_format: BodyFormat = BodyFormat.TEXT
    importance: Importance = Importance.NORMAL
    read_receipt: bool = False
    delivery_receipt: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    ref: ItemRef | None = None
    internet_message_id: str = ""
    local_id: str = field(default_factory=new_local_id)
    modified: datetime | None = None

    def all_recipients(self) -> list[Recipient]:
        return [*self.to, *self.cc, *self.bcc]

    def copy(self, **changes) -> "Draft":
        lists = {k: list(changes.pop(k, getattr(self, k))) for k in ("to", "cc", "bcc", "attachments")}
        return replace(self, **lists, **changes)

    def is_empty(self) -> bool:
        return not (self.to or self.cc or self.bcc or self.subject.strip() or self.body.strip() or self.attachments)

    def total_size(self) -> int:
        """An estimate of the message's size on the wire (base64 inflates attachments by 4/3)."""
        body = len(self.body.encode("utf-8"))
        atts = sum(a.byte_size for a in self.attachments)
        return body + (atts * 4) // 3 + 1024


@dataclass(frozen=True)
class MessageSummary:
    """One row of a Drafts or Sent list."""

    ref: ItemRef
    subject: str
    display_to: str
    modified: datetime | None
    has_attachments: bool
    importance: Importance = Importance.NORMAL
    sent: datetime | None = None
    internet_message_id: str = ""


@dataclass(frozen=True)
class Page:
    """A page of a folder listing (newest first)."""

    items: list[MessageSummary]
    offset: int
    total: int
    includes_last: bool


class OutcomeStatus(str, enum.Enum):
    SENT = "sent"
    SAVED = "saved"
    DELETED = "deleted"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the request went out but no answer came back: never blindly resend


@dataclass(frozen=True)
class ItemOutcome:
    """The result for one item of a (possibly batched) operation.

    ``code`` is the server's response code (EWS ``ResponseCode``, e.g. ``ErrorMessageSizeExceeded``;
    ``NoError`` on success); ``message`` is the server's ``MessageText``; ``explanation`` is the same in
    words a user understands (see :func:`app.domain.explain.explain`).
    """

    ref: ItemRef | None
    status: OutcomeStatus
    code: str = "NoError"
    message: str = ""
    explanation: str = ""
    local_id: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (OutcomeStatus.SENT, OutcomeStatus.SAVED, OutcomeStatus.DELETED)
