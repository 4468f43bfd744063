"""The mail-service interface. Blocking by design: backends run in worker threads.

The async side (``app.core``) calls these from a thread pool and never from the UI thread. A backend
must be safe to call from several worker threads at once.

Implementations: ``app.mail.ews.EwsMailService`` (exchangelib) and ``app.mail.graph.GraphMailService``
(Microsoft Graph over httpx: ``/me/messages`` to save, ``/me/messages/{id}/send`` to send, JSON batching for
many; ``ItemRef.change_key`` is Graph's ``changeKey``, which its ``@odata.etag`` carries).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, Page, Recipient
from app.domain.validation import DEFAULT_MAX_SEND_BYTES


@dataclass(frozen=True)
class ServerInfo:
    """What a connect learned. ``build`` is cached by the caller to skip the version probe next time."""

    build: str
    version_name: str
    max_send_bytes: int
    # the sign-in method that worked ("kerberos", "ntlm", "basic"; "" not said) and the name it signed in as
    auth_used: str = ""
    signed_in_as: str = ""


@dataclass(frozen=True)
class MessageLimits:
    """What the server takes in one message, as a client answers it (``client.message_limits``): every client a
    send goes through has it (:class:`app.core.accounts.session.Session`, from what its connect learnt;
    :class:`app.core.accounts.mailclient.MailClient`), and each check before a send (Compose's, Send selected's, the
    Outbox's, a script's) reads it there instead of guessing with a default."""

    max_send_bytes: int = DEFAULT_MAX_SEND_BYTES  # the largest message, in bytes (attachments as sent)

    def __post_init__(self):
        if self.max_send_bytes <= 0:
            raise ValueError(f"a message size limit must be positive, not {self.max_send_bytes}")


# the most of a report's MIME :meth:`MailService.report_mime` hands back. A report (RFC 3464 section 2,
# ``multipart/report``) holds the words for people first, then the ``message/delivery-status``, then "the original
# message or a portion thereof": what is read of it comes before the original's body, which may be big; a report
# beyond this is cut here, never held whole
MAX_REPORT_BYTES = 512 * 1024
# the entries a page of the address book holds (:meth:`MailService.search_directory`, :meth:`~MailService.group_members`)
DIRECTORY_PAGE_SIZE = 50
# the reports one request of :meth:`MailService.find_reports` asks the server for (the server pages; the backend
# follows its pages up to the ``limit``)
REPORT_PAGE_SIZE = 100


@dataclass(frozen=True)
class ReportItem:
    """A report in the Inbox, as a search finds it (not read yet): its server id, its item class
    (``REPORT.IPM.Note.NDR``...: :func:`app.domain.delivery.report_kind` names its kind) and when it arrived (aware,
    UTC)."""

    ref: ItemRef
    item_class: str
    received: datetime

    def __post_init__(self):  # whatever the backend's library gave (exchangelib's EWSDateTime...): a plain UTC one
        object.__setattr__(self, "received", as_utc(self.received))


@dataclass(frozen=True)
class Scheduled:
    """A message waiting in the account's own Outbox on the server (Send later kept on the server): its server id,
    Message-ID, subject, To, and when Exchange is to send it (PidTagDeferredSendTime, aware UTC; None: no deferral,
    a message Exchange is sending now)."""

    ref: ItemRef
    internet_message_id: str
    subject: str
    to: tuple[Recipient, ...]
    send_at: datetime | None

    def __post_init__(self):  # whatever the backend's library gave: a plain UTC one, and a tuple
        object.__setattr__(self, "to", tuple(self.to))
        if self.send_at is not None:
            object.__setattr__(self, "send_at", as_utc(self.send_at))


def scheduled_order(items) -> list[Scheduled]:
    """``items`` in :meth:`MailService.list_scheduled`'s order: those with no send time first (being sent now), then
    by send time, the latest last."""
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(items, key=lambda s: (s.send_at is not None, s.send_at or oldest))


def as_utc(when: datetime) -> datetime:
    """``when`` as a plain aware UTC datetime, to the microsecond (a naive one is taken as UTC)."""
    plain = datetime(when.year, when.month, when.day, when.hour, when.minute, when.second, when.microsecond)
    return (plain - (when.utcoffset() or timedelta(0))).replace(tzinfo=timezone.utc)


class AwaitedCalls(abc.ABC):
    """A backend whose calls the asyncio loop awaits directly, with no worker thread in between that would only
    wait (:class:`app.mail.engine.RemoteService`: the engine's process does the work). ``method`` is a
    :class:`MailService` method's name; the answer and errors are that method's."""

    @abc.abstractmethod
    async def acall(self, method: str, *args, **kwargs):
        """What ``getattr(self, method)(*args, **kwargs)`` returns, awaited on the running loop."""


def list_order(folder: Folder) -> tuple[str, ...]:
    """What a folder's list is sorted by, newest first: Sent by when each message was sent (a message
    drafted earlier but sent later is above the one sent before it), then by when it was made (the same
    second: the same order on every refresh); the other folders by when each item was made."""
    return ("sent", "created") if Folder(folder) == Folder.SENT else ("created",)


class MailService(abc.ABC):
    """One mailbox on one server."""

    # the account's own address
    email: str
    # Seconds the core waits at least, after a send whose answer was lost, before it looks the message up
    # by Message-ID (find_by_message_ids). 0: the core's own settle delay is enough (EWS moves a sent
    # draft to Sent Items as part of SendItem). Graph accepts a send (202) before the message has left
    # Drafts, so a look-up right after would find it in neither folder.
    send_settle_seconds: float = 0.0

    @abc.abstractmethod
    def connect(self) -> ServerInfo:
        """Check credentials and reachability (one cheap request). Raises MailError subclasses."""

    @abc.abstractmethod
    def save_draft(self, draft: Draft) -> Draft:
        """Create the draft in Drafts (no ``draft.ref``) or update it in place (with ``draft.ref``).

        Every field, recipients included, reaches the server; attachments added or removed since the
        last save are reconciled. Returns a copy with ``ref`` (new change key) and attachment ids set.
        """

    @abc.abstractmethod
    def send_drafts(self, refs: list[ItemRef], *, save_copy: bool = True) -> list[ItemOutcome]:
        """Send saved drafts in ONE request where the backend allows (EWS SendItem with many ItemIds).

        Returns exactly one outcome per ref, in order, whatever the server or library did. Raises
        only when nothing can be said about any item (transport errors: ConnectionFailed,
        OutcomeUnknown, AuthFailed, ServerBusy...).
        """

    @abc.abstractmethod
    def send_mime(self, mime: bytes) -> None:
        """Send a whole message as its MIME bytes hold it (an ``.eml`` file sent as it is), keeping a copy
        in Sent Items: Graph ``POST /me/sendMail`` with the base64 MIME as ``text/plain``, EWS ``CreateItem``
        ``SendAndSaveCopy`` with ``MimeContent``. The server reads recipients, Bcc included, from the bytes;
        the Message-ID in them names the copy in Sent Items (the core settles a lost answer by it). Raises
        the backend's MailError (OutcomeUnknown when the message may have gone out)."""

    @abc.abstractmethod
    def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        """A page of a folder, newest first."""

    @abc.abstractmethod
    def get_message(self, ref: ItemRef) -> Draft:
        """The whole message with body and attachments (content included)."""

    @abc.abstractmethod
    def delete_items(self, refs: list[ItemRef], *, to_trash: bool = True) -> list[ItemOutcome]:
        """Delete (move to Deleted Items by default). One outcome per ref, in order."""

    @abc.abstractmethod
    def resolve_names(self, text: str) -> list[Recipient]:
        """Directory matches for a name or address prefix; [] when nothing matches."""

    def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """The organisation's address book and the user's own contacts matching ``text`` (a name's or an address's
        beginning), by the server's own search, at most ``limit`` a page; ``page``: a former page's ``more``.
        EWS: ResolveNames with contact data; Graph: ``/me/people`` first (relevance), then ``/users`` and ``/groups``
        with ``$search`` (``ConsistencyLevel: eventual``). An organisation that has not granted the directory
        raises :class:`app.mail.errors.DirectoryNotGranted` (over Graph, one that withholds only the groups'
        permission gets the people and users found, the permission named in ``not_granted``). A ``page`` this
        backend did not write raises ValueError before anything is sent."""
        raise NotImplementedError

    def group_members(self, group: DirectoryEntry, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """A group's direct members (a nested group is one entry of kind GROUP, expanded by calling this again), at
        most ``limit`` a page; ``page``: a former page's ``more``. EWS: ExpandDL; Graph: ``/groups/{id}/members``
        followed page by page. :class:`app.mail.errors.DirectoryNotGranted` as :meth:`search_directory`."""
        raise NotImplementedError

    @abc.abstractmethod
    def find_by_message_ids(self, internet_message_ids: list[str]) -> dict[str, dict[Folder, list[ItemRef]]]:
        """Where the messages with these Internet Message-IDs are, in Drafts, Sent Items and the account's own
        Outbox (a message Exchange keeps to send later, or is sending): ``{mid: {Folder.DRAFTS: [...], Folder.SENT:
        [...], Folder.OUTBOX: [...]}}`` with an entry for every mid asked for.

        The core settles a send whose outcome is unknown with this, instead of blindly resending it.
        A backend answers in as few requests as it can (EWS: one FindItem per folder).
        """

    @abc.abstractmethod
    def find_reports(self, since: datetime, *, limit: int = 200, page_size: int = REPORT_PAGE_SIZE) -> list[ReportItem]:
        """The reports in the Inbox (the item classes :data:`app.domain.delivery.REPORT_CLASSES`) received at
        ``since`` or later, newest first, at most ``limit``: found by the server's own filter (EWS FindItem with a
        restriction; Graph ``$filter`` on the item class, extended property 0x001A), never by reading every
        message; ``page_size`` items a request, the server's pages followed up to ``limit``."""

    @abc.abstractmethod
    def list_scheduled(self, limit: int = 200) -> list[Scheduled]:
        """The messages in the account's own Outbox on the server, at most ``limit``: those sent with a later
        PidTagDeferredSendTime (Send later kept by Exchange) and any Exchange is sending now (no such time);
        in :func:`scheduled_order` (the latest send time last). EWS: FindItem on the distinguished ``outbox``;
        Graph: ``/me/mailFolders/outbox/messages``, its pages followed up to ``limit``."""

    @abc.abstractmethod
    def take_back(self, ref: ItemRef) -> ItemRef:
        """Take a message out of the server's Outbox before Exchange sends it: moved to Drafts, its deferral
        removed so that a later plain send goes at once. Returns its ref in Drafts. A message no longer there
        (delivered meanwhile, or taken by another computer) raises the backend's MailError of kind
        ``ErrorKind.NOT_FOUND``: the caller looks it up by Message-ID to say where it went."""

    @abc.abstractmethod
    def report_mime(self, ref: ItemRef) -> bytes:
        """A report's MIME (the ``multipart/report`` Exchange stored), at most :data:`MAX_REPORT_BYTES` of it: a
        bigger one is cut there (Graph stops reading the stream; EWS holds no more than the server sent for the
        one item)."""

    def find_by_message_id(self, internet_message_id: str) -> dict[Folder, list[ItemRef]]:
        """:meth:`find_by_message_ids` for one Message-ID."""
        return self.find_by_message_ids([internet_message_id])[internet_message_id]

    def account_changed(self, account) -> None:
        """The account's settings changed (its list of mailboxes it sends from, ``AccountConfig.principals``,
        with where each one's sent copy goes): every call made after this one uses ``account``."""

    def close(self) -> None:  # pragma: no cover - default no-op
        """Release connections."""
