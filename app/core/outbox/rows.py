"""What the views show of queued work, in words and fields: the views read these, never a submission's
:class:`~app.core.outbox.submission.SubState` (a rule in tests/test_rules.py: no ``SubState`` in app/ui). No Qt.

Two kinds of work wait in the queue: submissions (sends, :mod:`app.core.outbox.submission`) and saves that
could not reach the server yet (:class:`~app.core.outbox.saves.SaveJob`). :func:`row_for` turns either into an
:class:`OutboxRow` the Outbox view displays: its words, which actions it has, whether it is waiting, not sent,
sent, being checked. :func:`send_view` says the same of one send to a view that follows it (Compose's undo
countdown, a batch's, the status bar's words, the announcements): held, sent, refused, taken back...
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.outbox.holds import row_text
from app.core.outbox.saves import SaveJob, SaveStatus
from app.core.outbox.submission import CANCELLABLE, SubState, Submission
from app.domain.models import Draft, ErrorKind
from app.domain.words import Words, translate


@dataclass(frozen=True)
class OutboxRow:
    """One line of the Outbox view."""

    local_id: str
    op: str  # "send" | "save"
    subject: str
    recipients: str
    state: str  # a SubState or SaveStatus value (data for a script's listing; a view reads the fields below)
    text: str  # the state in words
    can_cancel: bool  # it can be taken back or deleted now
    can_retry: bool  # Retry does something for it
    waiting: bool = False  # still on its way: not sent, saved, refused or taken back (counted as "waiting")
    not_done: bool = False  # not sent (or not saved) for good: the user decides (marked, counted as "not sent")
    sent: bool = False  # a send the server has (its row offers Open in Sent and Remove from this list)
    checking: bool = False  # a send whose outcome is being looked up: it may already have gone out
    message_id: str = ""  # a send's Message-ID (what the reports in the Inbox name it by)
    addresses: tuple[str, ...] = ()  # a send's recipients' addresses (To, Cc, Bcc)
    delivery: str = ""  # a sent row's delivery news in words ("1 failed", "all delivered"; "": none)
    bounced: bool = False  # a report says it did not reach someone
    kept: bool = False  # a send later the server keeps until its time (app.core.scheduled): acted on there
    later: bool = False  # a send with a time the server keeps it until (its row gives way to the server's copy)


class SendView:
    """What one send says, in fields, for a view that follows it: each read says what it says now."""

    __slots__ = ("_sub",)

    def __init__(self, sub: Submission):
        self._sub = sub

    @property
    def held(self) -> bool:
        """In its undo window or waiting for its send-later time: nothing has gone out."""
        return self._sub.state == SubState.HELD

    @property
    def queued(self) -> bool:
        """Waiting its turn or its next try."""
        return self._sub.state == SubState.QUEUED

    @property
    def sent(self) -> bool:
        """The server has it."""
        return self._sub.state == SubState.SENT

    @property
    def not_sent(self) -> bool:
        """Not sent for good: the user decides (refused, or it could not be told whether it went out)."""
        return self._sub.state == SubState.FAILED

    @property
    def refused(self) -> bool:
        """Not sent, and the server said why (not: whether it went out could not be told)."""
        return self.not_sent and self._sub.kind != ErrorKind.OUTCOME_UNKNOWN

    @property
    def taken_back(self) -> bool:
        """The user took it back: it is theirs again."""
        return self._sub.state == SubState.CANCELLED

    @property
    def final(self) -> bool:
        """It will not change by itself any more."""
        return self._sub.final


def send_view(sub: Submission) -> SendView:
    """What ``sub`` says (:class:`SendView`)."""
    return SendView(sub)


def _wait_words(seconds: float) -> Words:
    n = max(0, int(round(seconds)))
    if n < 120:
        return translate("OutboxRow", "{n} s").format(n=n)
    return translate("OutboxRow", "{n} min").format(n=n // 60)


#: the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)
NOT_DELETED = translate("OutboxRow", "Not deleted: this computer could not record it. It will not be sent now; "
                                     "press Delete again")


def submission_text(sub: Submission, now: float, parked: bool = False, not_deleted: bool = False) -> str:
    """"Waiting", "Sending…", "Server unreachable — retrying in 4 s", "Checking whether it was sent…".
    ``parked``: it waits for a sign-in (:meth:`app.core.outbox.faces.QueueView.parked`); ``not_deleted``: the
    journal could not record its delete (:meth:`app.core.outbox.owner.Outbox._delete`)."""
    st = sub.state
    if st == SubState.DELETING:  # thrown away; its delete being written, or not recorded
        return NOT_DELETED if not_deleted else translate("OutboxRow", "Deleting…")
    if st == SubState.HELD:
        return row_text(sub, now)
    if st == SubState.SAVING:
        if sub.kind == ErrorKind.UNREACHABLE:  # its last try did not reach the server: say why it still waits
            return UNREACHABLE_NOW
        return translate("OutboxRow", "Saving before sending…")
    if st == SubState.SUBMITTING:
        return translate("OutboxRow", "Sending…")
    if st == SubState.UNKNOWN:
        return translate("OutboxRow", "Checking whether it was sent…")
    if st == SubState.SENT:
        return sub.reason or translate("OutboxRow", "Sent")
    if st == SubState.FAILED:
        if sub.reason:
            return translate("OutboxRow", "Not sent: {reason}").format(reason=sub.reason)
        return translate("OutboxRow", "Not sent")
    if st == SubState.CANCELLED:
        return translate("OutboxRow", "Cancelled")
    if parked:
        if sub.kind == ErrorKind.TLS:
            return translate("OutboxRow", "Waiting: the server's certificate is not trusted")
        if sub.kind == ErrorKind.LOCAL:
            return translate("OutboxRow", "Waiting: Dispatch cannot use its data folder")
        return translate("OutboxRow", "Waiting for sign-in")
    wait = sub.retry_at - now
    if wait > 0.5:
        if sub.kind == ErrorKind.UNREACHABLE:
            return translate("OutboxRow", "Server unreachable — retrying in {wait}").format(wait=_wait_words(wait))
        if sub.kind == ErrorKind.THROTTLED:
            return translate("OutboxRow", "Server busy — waiting {wait}").format(wait=_wait_words(wait))
        if sub.reason:
            return translate("OutboxRow", "Retrying in {wait} — {reason}").format(wait=_wait_words(wait),
                                                                               reason=sub.reason)
        return translate("OutboxRow", "Retrying in {wait}").format(wait=_wait_words(wait))
    if sub.kind == ErrorKind.UNREACHABLE:
        return UNREACHABLE_NOW
    return translate("OutboxRow", "Waiting to send")


#: a send whose last try did not reach the server, tried again now (its save under way, or due this moment)
UNREACHABLE_NOW = translate("OutboxRow", "Server unreachable — trying again now")


def can_retry(sub: Submission, now: float, parked: bool = False) -> bool:
    """Retry does something for it: a failed send is sent again, one waiting for its next try tries now
    (:meth:`app.core.outbox.takeback.TakeBack.resubmit`)."""
    return sub.state == SubState.FAILED or (sub.state == SubState.QUEUED and not parked and sub.retry_at - now > 0.5)


def save_text(job: SaveJob, now: float) -> str:
    st = job.status
    if st == SaveStatus.WORKING:
        return translate("OutboxRow", "Saving…")
    if st == SaveStatus.DONE:
        return translate("OutboxRow", "Saved")
    if st == SaveStatus.FAILED:
        if job.reason:
            return translate("OutboxRow", "Not saved: {reason}").format(reason=job.reason)
        return translate("OutboxRow", "Not saved")
    if st == SaveStatus.AUTH:
        return translate("OutboxRow", "Waiting for sign-in — not on server yet")
    wait = job.retry_at - now
    if st == SaveStatus.RETRYING and wait > 0.5:
        if job.reason:
            return translate("OutboxRow", "Retrying in {wait} — not on server yet ({reason})").format(
                wait=_wait_words(wait), reason=job.reason)
        return translate("OutboxRow", "Retrying in {wait} — not on server yet").format(wait=_wait_words(wait))
    return translate("OutboxRow", "Waiting — not on server yet")


def display_to(d: Draft) -> str:
    """The To line as Drafts and Sent show it (Exchange's DisplayTo: each name, or the address when there is
    none, "; " between them), so a message reads the same in the three lists."""
    return "; ".join(r.name or r.email for r in d.to) or translate("OutboxRow", "(no recipients)")


def row_for(item: Submission | SaveJob, now: float, *, parked: bool = False, not_deleted: bool = False) -> OutboxRow:
    d = item.draft
    subject = d.subject or translate("OutboxRow", "(no subject)")
    if isinstance(item, Submission):
        recipients = item.display_to or display_to(d)
        st = item.state
        return OutboxRow(item.local_id, "send", subject, recipients, st.value,
                         submission_text(item, now, parked, not_deleted), st in CANCELLABLE,
                         can_retry(item, now, parked), waiting=st not in _NOT_WAITING, not_done=st == SubState.FAILED,
                         sent=st == SubState.SENT, checking=st == SubState.UNKNOWN,
                         message_id=d.internet_message_id,
                         addresses=tuple(r.email for r in (*d.to, *d.cc, *d.bcc)), later=d.send_at is not None)
    st = item.status
    return OutboxRow(item.local_id, "save", subject, display_to(d), st.value,
                     save_text(item, now), st in (SaveStatus.WAITING, SaveStatus.RETRYING,
                                                  SaveStatus.FAILED, SaveStatus.AUTH),
                     st == SaveStatus.FAILED, waiting=st not in _SAVE_NOT_WAITING, not_done=st == SaveStatus.FAILED)


# what no longer counts as waiting in the Outbox's count (a send or a save finished, either way)
_NOT_WAITING = frozenset({SubState.SENT, SubState.FAILED, SubState.CANCELLED})
_SAVE_NOT_WAITING = frozenset({SaveStatus.DONE, SaveStatus.FAILED})
