"""What the Outbox view shows for each piece of queued work, in words. No Qt.

Two kinds of work wait in the queue: submissions (sends, :mod:`app.core.submission`) and saves that
could not reach the server yet (:class:`~app.core.outbox.saves.SaveJob`). :func:`row_for` turns either into an
:class:`OutboxRow` the view displays.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.outbox.holds import row_text
from app.core.outbox.saves import SaveJob, SaveStatus
from app.core.submission import CANCELLABLE, SubState, Submission
from app.domain.models import Draft, ErrorKind


@dataclass(frozen=True)
class OutboxRow:
    """One line of the Outbox view."""

    local_id: str
    op: str  # "send" | "save"
    subject: str
    recipients: str
    state: str  # a SubState or SaveStatus value
    text: str  # the state in words
    can_cancel: bool
    can_retry: bool


def _wait_words(seconds: float) -> str:
    n = max(0, int(round(seconds)))
    return f"{n} s" if n < 120 else f"{n // 60} min"


#: the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)
NOT_DELETED = "Not deleted: this computer could not record it. It will not be sent now; press Delete again"


def submission_text(sub: Submission, now: float, parked: bool = False, not_deleted: bool = False) -> str:
    """"Waiting", "Sending…", "Server unreachable — retrying in 4 s", "Checking whether it was sent…".
    ``parked``: it waits for a sign-in (:meth:`app.core.outbox.owner.Outbox.parked`); ``not_deleted``: the
    journal could not record its delete (:meth:`app.core.outbox.owner.Outbox.delete`)."""
    st = sub.state
    if st == SubState.DELETING:  # thrown away; its delete being written, or not recorded
        return NOT_DELETED if not_deleted else "Deleting…"
    if st == SubState.HELD:
        return row_text(sub, now)
    if st == SubState.SAVING:
        return "Saving before sending…"
    if st == SubState.SUBMITTING:
        return "Sending…"
    if st == SubState.UNKNOWN:
        return "Checking whether it was sent…"
    if st == SubState.SENT:
        return sub.reason or "Sent"
    if st == SubState.FAILED:
        return f"Not sent: {sub.reason}" if sub.reason else "Not sent"
    if st == SubState.CANCELLED:
        return "Cancelled"
    if parked:
        if sub.kind == ErrorKind.TLS:
            return "Waiting: the server's certificate is not trusted"
        if sub.kind == ErrorKind.LOCAL:
            return "Waiting: Dispatch cannot use its data folder"
        return "Waiting for sign-in"
    wait = sub.retry_at - now
    if wait > 0.5:
        if sub.kind == ErrorKind.UNREACHABLE:
            return f"Server unreachable — retrying in {_wait_words(wait)}"
        if sub.kind == ErrorKind.THROTTLED:
            return f"Server busy — waiting {_wait_words(wait)}"
        return f"Retrying in {_wait_words(wait)}" + (f" — {sub.reason}" if sub.reason else "")
    return "Waiting to send"


def save_text(job: SaveJob, now: float) -> str:
    st = job.status
    if st == SaveStatus.WORKING:
        return "Saving…"
    if st == SaveStatus.DONE:
        return "Saved"
    if st == SaveStatus.FAILED:
        return f"Not saved: {job.reason}" if job.reason else "Not saved"
    if st == SaveStatus.AUTH:
        return "Waiting for sign-in — not on server yet"
    wait = job.retry_at - now
    if st == SaveStatus.RETRYING and wait > 0.5:
        return f"Retrying in {_wait_words(wait)} — not on server yet" + (f" ({job.reason})" if job.reason else "")
    return "Waiting — not on server yet"


def display_to(d: Draft) -> str:
    """The To line as Drafts and Sent show it (Exchange's DisplayTo: each name, or the address when there is
    none, "; " between them), so a message reads the same in the three lists."""
    return "; ".join(r.name or r.email for r in d.to) or "(no recipients)"


def row_for(item: Submission | SaveJob, now: float, *, parked: bool = False, not_deleted: bool = False) -> OutboxRow:
    d = item.draft
    subject = d.subject or "(no subject)"
    if isinstance(item, Submission):
        recipients = item.display_to or display_to(d)
        return OutboxRow(item.local_id, "send", subject, recipients, item.state.value,
                         submission_text(item, now, parked, not_deleted), item.state in CANCELLABLE,
                         item.state == SubState.FAILED)
    return OutboxRow(item.local_id, "save", subject, display_to(d), item.status.value,
                     save_text(item, now), item.status in (SaveStatus.WAITING, SaveStatus.RETRYING,
                                                           SaveStatus.FAILED, SaveStatus.AUTH),
                     item.status == SaveStatus.FAILED)
