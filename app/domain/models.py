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

from app.domain.extras import NO_FLAG, FollowUpFlag
from app.domain.senders import Principal
from app.domain.words import translate


class Importance(str, enum.Enum):
    LOW = "Low"
    NORMAL = "Normal"
    HIGH = "High"


class Sensitivity(str, enum.Enum):
    """Exchange's Sensitivity (EWS SensitivityChoicesType; MAPI PidTagSensitivity 0-3, in this order)."""

    NORMAL = "Normal"
    PERSONAL = "Personal"
    PRIVATE = "Private"
    CONFIDENTIAL = "Confidential"


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
class Origin:
    """Who a message read from the server is from, as the server says: its From and its Sender (MS-OXWSMSG
    ``t:From`` / ``t:Sender``; Graph ``from`` / ``sender``). Send as: both are the principal; on behalf: From is
    the principal and Sender the one who sent it; the account's own: both are the account."""

    frm: Recipient | None = None
    sender: Recipient | None = None

    def words(self) -> str:
        """As Outlook names it: "Bob <bob@x> on behalf of Shared Desk <desk@x>" when Sender is another mailbox
        than From; else From alone ("" when the server named neither)."""
        frm, snd = self.frm, self.sender
        if frm is None:
            return snd.display() if snd is not None else ""
        if snd is None or snd.email.strip().lower() == frm.email.strip().lower():
            return frm.display()
        return translate("Senders", "{sender} on behalf of {principal}").format(sender=snd.display(),
                                                                                 principal=frm.display())


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
    ``content_id`` / ``is_inline``: an image the HTML body shows (from an .eml file, app/domain/eml.py).
    """

    name: str
    content: bytes = b""
    content_type: str = "application/octet-stream"
    source_path: str = ""
    attachment_id: str = ""
    size: int = -1
    # shown inside an HTML body (``<img src="cid:...">``) rather than listed: its Content-ID, without <>
    content_id: str = ""
    is_inline: bool = False

    @property
    def byte_size(self) -> int:
        return self.size if self.size >= 0 else len(self.content)


def new_local_id() -> str:
    return uuid.uuid4().hex


def new_message_id(domain: str = "dispatch") -> str:
    """The ONE Internet Message-ID generator: every message gets one before its first save, so a send
    whose outcome is unknown can be looked up in Sent Items instead of being sent again."""
    return f"<{uuid.uuid4().hex}@{domain}>"


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
    # the rest of the message: where replies go, how private it is, the sender's own labels
    reply_to: list[Recipient] = field(default_factory=list)
    sensitivity: Sensitivity = Sensitivity.NORMAL
    categories: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # custom Internet headers, (name, value) with X- names; checks and limits in app/domain/extras.py
    headers: list[tuple[str, str]] = field(default_factory=list)
    # the follow-up flag (the sender's own: not delivered, not in an .eml)
    flag: FollowUpFlag = NO_FLAG
    # the mailbox it is sent from when not the account's own (send as / on behalf: app/domain/senders.py)
    principal: Principal | None = None
    ref: ItemRef | None = None
    internet_message_id: str = ""
    local_id: str = field(default_factory=new_local_id)
    modified: datetime | None = None
    # where it sits in a conversation (a reply all / forward from Sent): the Message-ID it answers
    # and the chain before it (RFC 5322 3.6.4), "" for a new conversation. Set once, at the first save.
    in_reply_to: str = ""
    references: str = ""
    # its PidTagConversationIndex and PidTagConversationTopic (MS-OXOMSG 2.2.1.3, 2.2.1.5; an .eml's Thread-Index
    # and Thread-Topic): a message read from the server carries its own; a reply all / forward the original's
    # plus one child block, computed on the client as Outlook does (app/domain/threads.py); b"" / "": none
    thread_index: bytes = b""
    thread_topic: str = ""
    # a message read from the server: its From and Sender as the server says (the Sent preview's From); None
    # for one written here (not saved in the journal: the server's word, read again with the message)
    origin: Origin | None = None
    # when the server is to send it (Send later kept on the server: PidTagDeferredSendTime, 0x3FEF), aware UTC;
    # None: sent at once when sent. A save writes it on the server's copy; a save without it leaves the copy as it is
    send_at: datetime | None = None

    def all_recipients(self) -> list[Recipient]:
        return [*self.to, *self.cc, *self.bcc]

    def copy(self, **changes) -> "Draft":
        lists = {k: list(changes.pop(k, getattr(self, k))) for k in ("to", "cc", "bcc", "reply_to", "categories",
                                                                  "attachments", "headers")}
        return replace(self, **lists, **changes)

    def is_empty(self) -> bool:
        return not (self.to or self.cc or self.bcc or self.subject.strip() or self.body.strip() or self.attachments)

    def total_size(self) -> int:
        """An estimate of the message's size on the wire (base64 inflates attachments by 4/3)."""
        body = utf8_length(self.body)
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
    flag: FollowUpFlag = NO_FLAG


@dataclass(frozen=True)
class Page:
    """A page of a folder listing (newest first)."""

    items: list[MessageSummary]
    offset: int
    total: int
    includes_last: bool
    # the items' display rows (``app.domain.list_rows.ListRow``), prepared where the page was fetched
    rows: tuple = ()


class ErrorKind(str, enum.Enum):
    """What a failure means for the caller, whatever the backend (EWS ResponseCode, Graph error code, a
    socket error). Backends set it; core and UI branch on it and never on a server's code string, which
    stays for display. ``app.mail.errors`` re-exports it for backends."""

    UNREACHABLE = "unreachable"  # the request never reached the server: nothing happened; retry
    TRANSIENT = "transient"  # the server answered "not now" and did nothing: retry
    THROTTLED = "throttled"  # the server is busy: wait what it asked (retry_after), then retry
    OUTCOME_UNKNOWN = "outcome_unknown"  # may or may not have been done: look it up before repeating
    AUTH = "auth"  # the credentials were refused: the user signs in again
    TLS = "tls"  # the server's certificate is not trusted: the user decides
    NOT_FOUND = "not_found"  # the item is not (or no longer) on the server
    STALE = "stale"  # the item changed elsewhere: fetch the current version
    INVALID_INPUT = "invalid_input"  # something in the message is wrong (recipients, a field)
    TOO_LARGE = "too_large"  # over a size limit
    PERMANENT = "permanent"  # refused for another reason: repeating will not help
    LOCAL = "local"  # our own files (the data folder) cannot be used: not the server's doing; the user fixes it


class OutcomeStatus(str, enum.Enum):
    SENT = "sent"
    SAVED = "saved"
    DELETED = "deleted"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the request went out but no answer came back: never blindly resend
    QUEUED = "queued"  # waiting in the Outbox (offline, busy, sign-in): goes out by itself later


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
    # the :class:`ErrorKind` of a failed or unknown outcome (None when ok)
    kind: ErrorKind | None = None

    @property
    def ok(self) -> bool:
        return self.status in (OutcomeStatus.SENT, OutcomeStatus.SAVED, OutcomeStatus.DELETED)


def utf8_length(text: str, piece: int = 256 * 1024) -> int:
    """``len(text.encode("utf-8"))`` without a whole copy of a long text (an ASCII one costs nothing)."""
    if text.isascii():
        return len(text)
    return sum(len(text[k:k + piece].encode("utf-8", "surrogatepass")) for k in range(0, len(text), piece))
