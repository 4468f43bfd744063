"""A save to the server's Drafts waiting in the Outbox (offline Ctrl+S, a draft recovered after a restart):
a :class:`SaveJob`, with a state table of its own, as a send has (:mod:`app.core.outbox.submission`). No I/O, no Qt.

::

    waiting/retrying ──start──▶ working ──saved──▶ DONE
                                   │ again ──▶ waiting      (typed again while it saved: save the newer text)
                                   │ retry ──▶ retrying     (nothing saved; try again at ``retry_at``)
                                   │ park ──▶ auth ──signed_in──▶ waiting
                                   │ fail ──▶ FAILED ──resubmit──▶ waiting
    waiting/retrying ──fail──▶ FAILED  (what no server can store: refused before the network)
    waiting/retrying/auth ──resave──▶ waiting (the user saved it again); working ──resave──▶ working (``again``)
    waiting/retrying ──gone──▶ DONE    (its journal entry went meanwhile: thrown away or taken back)
    waiting/retrying ──wake──▶ itself, due now (the connection is back, or the user pressed Retry)

Who moves a save: only the Outbox (through :meth:`SaveJob.apply`, in its own modules), and the fields that
decide what happens next (``retry_at``, ``attempts``, ``adopt``, ``draft``, ...) travel with the event
(:meth:`SaveJob.apply`); ``tests/core/test_one_state_table.py`` fails on any other write of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.outbox.submission import IllegalTransition
from app.domain.models import Draft


class SaveStatus(str, enum.Enum):
    WAITING = "waiting"
    WORKING = "working"
    RETRYING = "retrying"
    AUTH = "auth"
    FAILED = "failed"
    DONE = "done"


class SaveEvent(str, enum.Enum):
    START = "start"  # the worker picks it up: in flight until its outcome
    SAVED = "saved"  # the server holds it
    AGAIN = "again"  # saved, but typed again meanwhile: save the newer text too
    RETRY = "retry"  # nothing saved: try again later
    PARK = "park"  # a sign-in (or a certificate decision) first
    FAIL = "fail"  # for good: the user decides
    SIGNED_IN = "signed_in"  # the user signed in again
    RESUBMIT = "resubmit"  # the user's Retry of a failed save
    RESAVE = "resave"  # the user saved it again while it waited (or while it was saving)
    GONE = "gone"  # its journal entry left meanwhile (deleted or taken back): nothing to save
    WAKE = "wake"  # the connection is back (or the user pressed Retry): due now


S, E = SaveStatus, SaveEvent

# THE transitions of a save. Anything not listed is a bug and raises :class:`IllegalTransition`.
SAVE_TRANSITIONS: dict[tuple[SaveStatus, SaveEvent], SaveStatus] = {
    (S.WAITING, E.START): S.WORKING,
    (S.RETRYING, E.START): S.WORKING,
    (S.WORKING, E.SAVED): S.DONE,
    (S.WORKING, E.AGAIN): S.WAITING,
    (S.WORKING, E.RETRY): S.RETRYING,
    (S.WORKING, E.PARK): S.AUTH,
    (S.WORKING, E.FAIL): S.FAILED,
    (S.WAITING, E.FAIL): S.FAILED,
    (S.RETRYING, E.FAIL): S.FAILED,
    (S.AUTH, E.SIGNED_IN): S.WAITING,
    (S.FAILED, E.RESUBMIT): S.WAITING,
    (S.WAITING, E.RESAVE): S.WAITING,
    (S.RETRYING, E.RESAVE): S.WAITING,
    (S.AUTH, E.RESAVE): S.WAITING,
    (S.WORKING, E.RESAVE): S.WORKING,
    (S.WAITING, E.GONE): S.DONE,
    (S.RETRYING, E.GONE): S.DONE,
    (S.WAITING, E.WAKE): S.WAITING,
    (S.RETRYING, E.WAKE): S.RETRYING,
}

del S, E

# the fields of a save an event may set (each decides what happens next)
SAVE_FACTS = frozenset({"draft", "version", "again", "retry_at", "attempts", "reason", "adopt", "saved"})


def next_save_status(status: SaveStatus, event: SaveEvent) -> SaveStatus:
    try:
        return SAVE_TRANSITIONS[(SaveStatus(status), SaveEvent(event))]
    except KeyError:
        raise IllegalTransition(f"save: {event.value} is not allowed in state {SaveStatus(status).value}") from None


@dataclass
class SaveJob:
    """A save to the server's Drafts that has not been confirmed (offline, busy...)."""

    draft: Draft
    account: str
    status: SaveStatus = SaveStatus.WAITING
    attempts: int = 0
    retry_at: float = 0.0
    reason: str = ""
    adopt: bool = False  # the last save's outcome is unknown: look the draft up before creating one
    again: bool = False  # saved again while an attempt was in flight: save once more after it
    saved: Draft | None = None  # the saved draft (with its server ref) once done
    version: int = 0  # the journal entry's version when ``draft`` was recorded (0: not recorded by this job)

    @property
    def local_id(self) -> str:
        return self.draft.local_id

    @property
    def final(self) -> bool:
        return self.status in (SaveStatus.DONE, SaveStatus.FAILED)

    def apply(self, event: SaveEvent, **facts) -> SaveStatus:
        """Move along :data:`SAVE_TRANSITIONS` (raises :class:`IllegalTransition` for a move it does not
        have), setting the facts that travel with the event (only :data:`SAVE_FACTS`)."""
        new = next_save_status(self.status, event)
        unknown = set(facts) - SAVE_FACTS
        if unknown:
            raise TypeError(f"not a fact of a save: {sorted(unknown)}")
        self.status = new
        for name, value in facts.items():
            setattr(self, name, value)
        return new
