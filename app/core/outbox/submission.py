"""A submission: one message the user sent, on its way to the server. One state machine, one table.

Every send (Ctrl+Return in Compose, Send selected in Drafts, a send while offline, a send resumed after
a restart) is one :class:`Submission`, journaled from the moment the user's Send is accepted until the
server confirmed it (or the user took it back). Its state is persisted before every server call, so a
crash at any moment leaves a state that says what may have happened::

    queued ──start──▶ saving ──saved──▶ submitting ──accepted──▶ SENT
      ▲  ▲              │ retry/lost       │ rejected ──▶ FAILED ──resubmit──▶ queued
      │  └──────────────┘                  │ retry ──▶ queued     (nothing was sent)
      │                                    │ lost ──▶ unknown      (may have been sent)
      │         unknown ──found_sent──▶ SENT
      └──found_draft── unknown ──found_nowhere──▶ FAILED  (never resent by itself: the user decides)
    queued / failed ──cancel──▶ CANCELLED (the message goes back to Compose or stays in Drafts)
    queued ──hold──▶ HELD           (a new send, before it is journaled: undo window or "send later")
    HELD ──release──▶ queued        (its time came: undo window over, or the "send later" time)
    HELD ──cancel──▶ CANCELLED      (Undo, or Enter on its Outbox row: back to Compose)
    queued / failed / HELD / deleting ──delete──▶ DELETING  (thrown away: never sent; leaves the list
                                      once its journal entry is gone; "delete" again after a failed write)

``held``: the user's Send is accepted and journaled, but nothing goes to the server before its release
time (``release_at``, wall-clock epoch seconds, in the journal meta with its ``hold`` kind: ``"undo"`` —
the undo-send window — or ``"later"`` — send later). See :mod:`app.core.outbox.holds`.

``deleting``: the user threw the message away in the Outbox; its journal entry is being removed. Its
persisted form is that removal (as ``sent`` and ``cancelled`` are persisted as the entry leaving the
journal): it is never written as a state of its own, so it is not in :data:`STORED` or :data:`RESTART`,
and a journal of an older version reads exactly as before. Should the removal fail, the submission stays
DELETING (never sent) and says so; the journal still holds its previous state, as the truth is.

Who moves a submission: only the Outbox (:mod:`app.core.outbox`, the queue's one owner):
:meth:`~app.core.outbox.owner.Outbox._transition` applies the event here and queues its journal write, in
order, on the journal's thread; :meth:`~app.core.outbox.owner.Outbox._move` does the same, awaited, before the
caller goes on. The fields that decide what happens next (:data:`FACTS`: ``retry_at``, ``kind``, ``attempts``,
``adopt``, ``draft``, the hold's times...) travel with their event (``apply(event, **facts)``) and are
journaled with it. An attempt at the server (:mod:`app.core.outbox.attempts`) returns ``(event, facts)``; the
holds and the user's hand are the Outbox's own methods. ``tests/core/test_one_state_table.py`` fails on any
other write. Two exceptions, both before or after a run: the Outbox moves a new one ``queued --hold--> held``
before its first record (that record persists it), and :meth:`Submission.restarted` applies :data:`RESTART`
to one read from the journal.

What is not a state, and why (each decided once, here):

- *listed, its record not on disk yet*: a derived view — a journal write of it is
  pending (:meth:`app.core.outbox.waiters.Waiters.writing`), the same fact :meth:`Outbox.wait` already honours.
  The worker never acts on a submission whose state is not on disk yet.
- *thrown away, its delete not on disk yet*: the real state DELETING.
- *waiting for a sign-in*: a derived view (:meth:`app.core.outbox.faces.QueueView.parked`) — the
  queue is parked (:attr:`QueueWorker.needs_sign_in`) and this one's last failure is of a kind that parks
  (:class:`app.core.outbox.policy.Action.PARK`). A sign-in un-parks the queue, and so every one of them.
- *a server call about it is in flight*: a derived view
  (:meth:`app.core.outbox.faces.QueueView.in_flight`) — its state is ``saving`` or ``submitting`` (a send),
  ``working`` (a save job). Between the worker picking a batch and each one's ``start`` nothing awaits
  un-checked: a send taken back meanwhile is skipped, never started.
- ``adopt``: not a state but a fact about the draft's copy on the server (the last save's answer was lost:
  the server may hold a copy under an id we do not know, so the next save looks it up by Message-ID
  first). It is orthogonal to where the send is in its lifecycle and is journaled in the entry's meta.

``saving`` writes the message to the server's Drafts (nothing is sent yet, so a crash there is safe:
the draft is found by its Message-ID and reused). ``submitting`` is the point of no return: the send
request may be on the wire. After a restart, :data:`RESTART` maps every state to where it resumes; a
submission found in ``submitting`` or ``unknown`` is settled by its Internet Message-ID, with or without
a server id. This module is pure: no I/O, no asyncio, no Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.domain.explain import explain
from app.domain.models import Draft, ErrorKind, ItemOutcome, OutcomeStatus


class SubState(str, enum.Enum):
    QUEUED = "queued"  # waiting for its turn (or for the server, the network, a sign-in)
    SAVING = "send_saving"  # the message is being written to the server's Drafts; nothing sent yet
    SUBMITTING = "submitting"  # the send request may be on the wire
    UNKNOWN = "unknown"  # the send may or may not have happened: to be looked up by Message-ID
    SENT = "sent"  # the server took it (or it was found in Sent Items)
    FAILED = "failed"  # refused, or could not be confirmed: the user decides
    CANCELLED = "cancelled"  # taken back by the user
    HELD = "held"  # accepted, but held until its release time (undo window, send later): nothing sent
    DELETING = "deleting"  # thrown away by the user: its journal entry is being removed; never sent


# states a submission is stored in (SENT and CANCELLED leave the queue)
STORED = frozenset({SubState.QUEUED, SubState.SAVING, SubState.SUBMITTING, SubState.UNKNOWN, SubState.FAILED,
                    SubState.HELD})
# states in which the user can take it back: nothing of it can be on the wire
CANCELLABLE = frozenset({SubState.QUEUED, SubState.FAILED, SubState.HELD})
# states the user can throw it away from (nothing of it on the wire; DELETING: its delete again)
DELETABLE = frozenset({SubState.QUEUED, SubState.FAILED, SubState.HELD, SubState.DELETING})
FINAL = frozenset({SubState.SENT, SubState.FAILED, SubState.CANCELLED})
# where only the user's hand takes it (taken back, thrown away): never sent, whatever state it was in
TAKEN_OUT = frozenset({SubState.CANCELLED, SubState.DELETING})


class Event(str, enum.Enum):
    START = "start"  # the worker picks it up
    SAVED = "saved"  # the draft is on the server; the send request goes out next
    ACCEPTED = "accepted"  # the server said it is sent
    REJECTED = "rejected"  # the server said no, for good
    RETRY = "retry"  # nothing was sent; try again later
    LOST = "lost"  # the answer to a request was lost
    FOUND_SENT = "found_sent"  # its Message-ID is in Sent Items
    FOUND_DRAFT = "found_draft"  # its Message-ID is still (only) in Drafts: it did not go out
    FOUND_NOWHERE = "found_nowhere"  # in neither folder after every look-up
    CANCEL = "cancel"  # the user took it back
    RESUBMIT = "resubmit"  # the user sends a failed one again
    RELEASE = "release"  # a held submission's time came: it joins the queue
    HOLD = "hold"  # a new send is held until its release time (before its first record)
    DELETE = "delete"  # the user threw it away in the Outbox
    WAKE = "wake"  # the connection is back (or the user pressed Retry): a queued one is due now


S, E = SubState, Event

# THE transitions. Anything not listed is a bug and raises :class:`IllegalTransition`.
TRANSITIONS: dict[tuple[SubState, Event], SubState] = {
    (S.QUEUED, E.START): S.SAVING,
    (S.QUEUED, E.CANCEL): S.CANCELLED,
    (S.SAVING, E.SAVED): S.SUBMITTING,
    (S.SAVING, E.RETRY): S.QUEUED,
    (S.SAVING, E.LOST): S.QUEUED,  # a lost save: the next attempt adopts the draft by Message-ID
    (S.SAVING, E.REJECTED): S.FAILED,
    (S.SAVING, E.FOUND_SENT): S.SENT,  # the draft was gone, and it is in Sent Items: already sent
    (S.SUBMITTING, E.ACCEPTED): S.SENT,
    (S.SUBMITTING, E.REJECTED): S.FAILED,
    (S.SUBMITTING, E.RETRY): S.QUEUED,  # refused before anything was sent (busy, unreachable, 401)
    (S.SUBMITTING, E.LOST): S.UNKNOWN,
    (S.SUBMITTING, E.FOUND_SENT): S.SENT,  # "not found" on send, and it is in Sent Items
    (S.UNKNOWN, E.FOUND_SENT): S.SENT,
    (S.UNKNOWN, E.FOUND_DRAFT): S.QUEUED,
    (S.UNKNOWN, E.FOUND_NOWHERE): S.FAILED,
    (S.UNKNOWN, E.REJECTED): S.FAILED,  # still in Drafts, but out of attempts: not sent, the user decides
    (S.UNKNOWN, E.RETRY): S.UNKNOWN,  # the look-up itself failed: look again later
    (S.FAILED, E.RESUBMIT): S.QUEUED,
    (S.FAILED, E.CANCEL): S.CANCELLED,
    (S.HELD, E.RELEASE): S.QUEUED,
    (S.HELD, E.CANCEL): S.CANCELLED,
    (S.QUEUED, E.HOLD): S.HELD,
    (S.QUEUED, E.DELETE): S.DELETING,
    (S.FAILED, E.DELETE): S.DELETING,
    (S.HELD, E.DELETE): S.DELETING,
    (S.DELETING, E.DELETE): S.DELETING,  # Delete again: its first delete could not be recorded
    (S.QUEUED, E.WAKE): S.QUEUED,  # due now: only its next try's time changes (not journaled)
}

# where a submission found in the journal at start-up resumes (the app died in that state)
RESTART: dict[SubState, SubState] = {
    S.QUEUED: S.QUEUED,
    S.SAVING: S.QUEUED,  # the save may have happened: adopt the draft by Message-ID (``adopt``)
    S.SUBMITTING: S.UNKNOWN,  # the send may have happened: settle by Message-ID
    S.UNKNOWN: S.UNKNOWN,
    S.FAILED: S.FAILED,
    # "later" stays held with its time; "undo" never resumes sending: restore_work turns it back into a
    # message being written (app.core.outbox.holds.undo_to_editing), which recovery reopens in Compose with a note
    S.HELD: S.HELD,
}

del S, E


class IllegalTransition(RuntimeError):
    pass


def next_state(state: SubState, event: Event) -> SubState:
    try:
        return TRANSITIONS[(SubState(state), Event(event))]
    except KeyError:
        raise IllegalTransition(f"{event.value} is not allowed in state {SubState(state).value}") from None


# the fields of a submission an event may set: each decides what happens next (and the journaled ones are
# written with the event's state: :meth:`app.core.outbox.owner.Outbox._transition`)
FACTS = frozenset({"retry_at", "kind", "code", "adopt", "attempts", "lookups", "draft", "hold_kind", "release_at",
                   "reason"})


def distinct_recipients(recipients) -> int:
    """The number of distinct addresses among ``recipients`` (To+Cc+Bcc; the same address twice is one)."""
    return len({r.email.strip().lower() for r in recipients if r.email.strip()})


@dataclass
class Submission:
    """One message on its way out. ``draft`` holds its content (and server identity once known).

    ``source``: the name of where its content comes from, as the journal keeps it: ``"compose"`` — the
    content is ours (journaled) and is written to the server before the send; ``"server"`` — a draft that is
    already on the server (Send selected in Drafts): sent as it is there, never overwritten; ``"mime"`` — an
    ``.eml`` file's bytes, sent as they are. The queue asks its strategy (:func:`app.core.outbox.sources.of`),
    never the name. ``adopt``: the last save's outcome is unknown, so the next attempt first
    looks for the draft by Message-ID instead of creating a second one.
    """

    draft: Draft
    account: str
    state: SubState = SubState.QUEUED
    source: str = "compose"
    display_to: str = ""
    attempts: int = 0
    lookups: int = 0
    reason: str = ""
    kind: ErrorKind | None = None
    code: str = ""  # the server's code for the last failure (for display)
    adopt: bool = False
    retry_at: float = 0.0  # monotonic clock time of the next attempt or look-up (HELD: of its release)
    hold_kind: str = ""  # HELD: "undo" (the undo-send window) or "later" (send later)
    release_at: float = 0.0  # HELD: wall-clock epoch seconds it is released at (journaled)
    # its distinct recipients when the draft here does not hold them (a draft sent as it is on the server:
    # Send selected, a merge); 0: count the draft's own. The sending limits count them (journaled)
    recipients: int = 0
    # each move as "state event new;" — one string, not a list of tuples of enum members: the cyclic GC
    # scans every list and tuple still alive at each full collection (~25,000 for a 5,000-row merge)
    moves: str = field(default="", repr=False)

    @property
    def local_id(self) -> str:
        return self.draft.local_id

    @property
    def final(self) -> bool:
        return self.state in FINAL

    def recipient_count(self) -> int:
        """How many recipients it goes to: the distinct addresses (as a server counts them), at least 1."""
        if self.recipients:
            return self.recipients
        return max(1, distinct_recipients(self.draft.all_recipients()))

    def apply(self, event: Event, **facts) -> SubState:
        """Move along the table (raises :class:`IllegalTransition` for a move it does not have), setting the
        facts that travel with the event: the fields that decide what happens next (only :data:`FACTS`)."""
        new = next_state(self.state, event)
        _check_facts(facts)
        self.moves += f"{SubState(self.state).value} {Event(event).value} {new.value};"
        self.state = new
        for name, value in facts.items():
            setattr(self, name, value)
        return new

    @property
    def history(self) -> list[tuple[SubState, Event, SubState]]:
        """Every move so far: (from, event, to)."""
        out = []
        for move in self.moves.split(";")[:-1]:
            was, event, new = move.split(" ")
            out.append((SubState(was), Event(event), SubState(new)))
        return out

    def outcome(self) -> ItemOutcome:
        """Where it stands, as the item outcome the UI shows in a row."""
        status = {SubState.SENT: OutcomeStatus.SENT, SubState.FAILED: OutcomeStatus.FAILED,
                  SubState.UNKNOWN: OutcomeStatus.UNKNOWN}.get(self.state, OutcomeStatus.QUEUED)
        if self.state == SubState.CANCELLED:
            status = OutcomeStatus.FAILED
        code = "NoError" if status == OutcomeStatus.SENT else (self.code or "ErrorQueued")
        return ItemOutcome(self.draft.ref, status, code, self.reason, self.reason or explain(code),
                           self.local_id, None if status == OutcomeStatus.SENT else self.kind)

    def restarted(self, **facts) -> "Submission":
        """This submission as it resumes after the app died (``state`` per :data:`RESTART`), with the facts
        its restart decides (a held one's release time on this run's clock...)."""
        _check_facts(facts)
        was = SubState(self.state)
        self.state = RESTART[was]
        if was == SubState.SAVING:
            self.adopt = True
        if self.state == SubState.UNKNOWN:
            self.lookups = 0
        for name, value in facts.items():
            setattr(self, name, value)
        return self


def _check_facts(facts: dict) -> None:
    unknown = set(facts) - FACTS
    if unknown:
        raise TypeError(f"not a fact of a submission: {sorted(unknown)}")
