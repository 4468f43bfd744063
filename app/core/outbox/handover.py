"""Hand-over: an account's unfinished work goes on through another account of the same mailbox.

When Exchange Online blocks EWS for an address (``EwsBlocked``, kind AUTH) the submission core parks that
account's sends, and the user is offered to sign in with Microsoft 365 for the same address: a second
account (backend Graph, another :attr:`AccountConfig.key`). :func:`hand_over` moves every unfinished
journal entry of the old account (sends in every non-final state, saves waiting, messages being written)
to the new one, in ONE journal transaction, so that the new account's Outbox resumes each of them when it
next loads from the journal (:func:`app.core.outbox.restore.restore_work`, :mod:`app.core.compose.recovery`).

Item ids differ between the backends (a Graph id is not an EWS ItemId) but the Internet Message-ID of a
message is the same through both, so the rule is the one the core already has for "what the server holds
is not known": the old ref (id, change key, attachment ids) is dropped, the Message-ID kept, and each entry
resumes in the state :data:`app.core.outbox.submission.RESTART` gives the state it is treated as having died in:

==========================  ======================  ===============================================
stored (send, compose)      treated as died in      resumes (RESTART, ``Submission.restarted``)
==========================  ======================  ===============================================
queued, send_saving         send_saving             queued + adopt: found by Message-ID in Drafts
                                                    (that draft is updated, then sent once) or in
                                                    Sent Items (already sent: not sent again);
                                                    written to Drafts only when in neither
submitting, unknown         (as stored)             unknown: settled by Message-ID (Sent Items:
                                                    sent; Drafts: sent once from there; neither:
                                                    the user decides), never sent blindly
a state that waits and      (as stored)             as stored, + adopt: once it reaches the queue
resumes as itself, leading                          its save finds the draft by Message-ID
only into the queue
failed                      -                       final: left under the old account
==========================  ======================  ===============================================

(A state that waits: RESTART keeps it and TRANSITIONS lead from it only to ``queued`` or ``cancelled`` —
e.g. a send held for its undo window or for "send later"; its hold, time and kind in the meta, are kept.)

A send of a draft that lives only on the server (``source="server"``, Send selected in Drafts) cannot be
written again (its content is not in the journal), so where a compose send is treated as died in
``send_saving`` it is treated as died in ``submitting``: it is found by Message-ID and sent from Drafts, or
found sent, and never sent with no item. Without a Message-ID such a send cannot be found through the other
backend at all, and in a state that waits it has no safe way on: it stays (``left``, with why).

A save waiting (op ``save``) becomes ``saving`` — the journal state :func:`restore_work` resumes as a
save that adopts the draft by Message-ID; a message being written (op ``""``) keeps its state, and
:func:`app.core.compose.recovery.resume` adopts its draft by Message-ID (its ref is None now).

Call it with the old account's Outbox closed, and before the new account's Outbox restores (a live Outbox
does not read the journal again). No Qt, no network.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from app.core.outbox import sources
from app.core.outbox.submission import FINAL, RESTART, TAKEN_OUT, TRANSITIONS, SubState, Submission
from app.domain.models import Draft
from app.storage.journal import Entry, Journal, State
from app.storage.journal_accounts import Rekey, rekey_entries, unfinished_sends

log = logging.getLogger(__name__)

# The state a send whose content is ours is treated as having died in when its restart would resume it
# QUEUED: "the save may have happened" (RESTART: send_saving -> queued, and ``restarted`` sets ``adopt``).
AS_IF_SAVE_UNKNOWN = SubState.SAVING
# The state a send is treated as having died in when it may have gone out, or when it can only be found,
# not written again: "the send may have happened" (RESTART: submitting -> unknown, settled by Message-ID).
AS_IF_SEND_UNKNOWN = SubState.SUBMITTING

LEFT_FINAL = "final"
LEFT_UNFINDABLE = "no Message-ID: cannot be found through the other backend"
LEFT_UNSUPPORTED = "no safe way on for its state through the other backend"


@dataclass(frozen=True)
class Moved:
    """One entry that went to the new account: ``op`` "send" | "save" | "edit"; ``was`` its stored
    state; ``resumes`` the state it was given (for a send, the submission state the new Outbox resumes)."""

    local_id: str
    op: str
    was: str
    resumes: str
    adopt: bool
    message_id: str


@dataclass(frozen=True)
class HandOverReport:
    """What :func:`hand_over` moved (and what it left under the old account, with why)."""

    from_account: str
    to_account: str
    moved: tuple[Moved, ...] = ()
    left: tuple[tuple[str, str], ...] = ()  # (local_id, why) of the old account's entries that stayed

    @property
    def sends(self) -> int:
        """Messages that will go out through the new account ("3 messages waiting ... will go out")."""
        return sum(1 for m in self.moved if m.op == "send")

    @property
    def saves(self) -> int:
        return sum(1 for m in self.moved if m.op == "save")

    @property
    def edits(self) -> int:
        return sum(1 for m in self.moved if m.op == "edit")

    @property
    def sends_by_state(self) -> dict[str, int]:
        """Moved sends counted by the state they were stored in (``{"queued": 2, "unknown": 1}``)."""
        return dict(Counter(m.was for m in self.moved if m.op == "send"))

    @property
    def resumes_by_state(self) -> dict[str, int]:
        """Moved sends counted by the state they resume in under the new account."""
        return dict(Counter(m.resumes for m in self.moved if m.op == "send"))

    @property
    def without_message_id(self) -> int:
        """Moved saves and edits that have no Message-ID: written to Drafts anew through the new backend
        (the old backend's copy, if any, stays in Drafts beside it; nothing is lost or sent)."""
        return sum(1 for m in self.moved if m.op != "send" and not m.message_id)


def send_resumes(state: SubState | str, source: str = sources.COMPOSE.name) -> Submission | None:
    """The submission a send stored in ``state`` becomes after the hand-over (its state and ``adopt``), or
    None when it is final (it stays). Derived from RESTART (and, for a state that waits, from TRANSITIONS):
    see the module's table. ValueError: no safe way on for it through another backend (it stays).
    ``source``: the stored name of where its content comes from (:mod:`app.core.outbox.sources`)."""
    state, way = SubState(state), sources.named(source)
    if state in FINAL:
        return None
    resumes = RESTART[state]  # KeyError: a state the core does not store
    if resumes == SubState.UNKNOWN:  # it may have gone out: only a look-up can tell
        as_if = state
    elif resumes == SubState.QUEUED:  # not sent yet; its draft may be on the server under an id we drop
        # its content in the journal (Compose's, or an .eml file's bytes): looked up by Message-ID, then sent
        as_if = AS_IF_SAVE_UNKNOWN if way.journaled else AS_IF_SEND_UNKNOWN
    elif resumes == state and _waits_for_the_queue(state) and way.saved_first:
        # it resumes as itself and goes on only into the queue, nothing of it sent before (held --release-->
        # queued): kept as it is, and once queued its save adopts the draft by Message-ID
        return Submission(Draft(), "", state, source=source).restarted(adopt=True)
    else:
        raise ValueError(f"no hand-over for a {source} send stored in {state.value}")
    return Submission(Draft(), "", as_if, source=source).restarted()


def _waits_for_the_queue(state: SubState) -> bool:
    """Whether every way on from ``state`` (but the user's hand: cancelled, deleted) leads back into the queue."""
    onward = {to for (frm, _event), to in TRANSITIONS.items() if frm == state} - TAKEN_OUT
    return onward == {SubState.QUEUED}


def _decide(entry: Entry, left: list[tuple[str, str]], moved: list[Moved]) -> Rekey | None:
    state = str(getattr(entry.state, "value", entry.state))
    mid = entry.draft.internet_message_id or ""
    if entry.op == "send":
        meta = dict(entry.meta or {})
        source = meta.get("source", sources.COMPOSE.name)
        try:
            sub = send_resumes(state, source)
        except (ValueError, KeyError):
            left.append((entry.local_id, LEFT_UNSUPPORTED))
            return None
        if sub is None:
            left.append((entry.local_id, LEFT_FINAL))
            return None
        if not sources.named(source).saved_first and not mid:
            left.append((entry.local_id, LEFT_UNFINDABLE))
            return None
        meta.pop("kind", None)  # the old backend's failure (the block): not this account's
        meta["adopt"] = sub.adopt
        moved.append(Moved(entry.local_id, "send", state, sub.state.value, sub.adopt, mid))
        return Rekey(sub.state.value, meta)
    if entry.op == "save":  # restore_work resumes a "saving" save by adopting its draft by Message-ID
        moved.append(Moved(entry.local_id, "save", state, State.SAVING.value, True, mid))
        return Rekey(State.SAVING.value)
    # being written: recovery adopts its draft by Message-ID (its ref is dropped), whatever its state
    moved.append(Moved(entry.local_id, "edit", state, state, bool(mid), mid))
    return Rekey(state)


def hand_over(journal: Journal, from_account_key: str, to_account_key: str) -> HandOverReport:
    """Move the unfinished work of ``from_account_key`` to ``to_account_key`` (one transaction: all or
    nothing; an exception leaves every entry under the old account). See the module's docstring."""
    left: list[tuple[str, str]] = []
    moved: list[Moved] = []

    def decide(entry: Entry) -> Rekey | None:
        return _decide(entry, left, moved)

    rekey_entries(journal, from_account_key, to_account_key, decide)
    report = HandOverReport(from_account_key, to_account_key, tuple(moved), tuple(left))
    log.info("hand-over: %d send(s) %s, %d save(s), %d edit(s) moved; %d left", report.sends,
             report.sends_by_state, report.saves, report.edits, len(report.left))
    return report


def waiting_for(journal: Journal, account_key: str) -> int:
    """How many sends wait under ``account_key`` to go out (not failed; read only)."""
    return unfinished_sends(journal, account_key, {s.value for s in FINAL})


def ews_keys_for(journal: Journal, account) -> list[str]:
    """The account keys under which the journal holds work of ``account``'s address through EWS (an
    Exchange account with any EWS URL; for the sandbox mailbox through Graph, the sandbox through EWS)."""
    email = account.email.strip().lower()
    if account.sandbox:
        wanted = lambda key: key == f"sandbox:{email}"  # noqa: E731
    else:
        wanted = lambda key: key.startswith(f"ews:{email}|")  # noqa: E731
    return sorted({e.account for e in journal.entries() if e.account and wanted(e.account)})


def hand_over_to_graph(journal: Journal, account) -> list[HandOverReport]:
    """``account`` is a Microsoft 365 (Graph) account now in use: the work still waiting under the same
    address's EWS account (typically parked by Exchange Online's EWS block) moves to it. Call it before the
    Graph account's Outbox restores, with the EWS account's Outbox closed."""
    if getattr(getattr(account, "backend", None), "value", "") != "graph":
        return []
    return [hand_over(journal, key, account.key) for key in ews_keys_for(journal, account)]
