"""Sending on the user's terms: a submission HELD until its release time. No Qt, no network.

Two kinds of hold, one state (:attr:`app.core.outbox.submission.SubState.HELD`), one send path:

- ``"undo"`` — the undo-send window: Send is accepted and journaled, and the server call waits a few
  seconds (the ``undo_send_seconds`` setting) during which Undo takes the message back into Compose
  (``Outbox.hand.cancel``: HELD --cancel--> cancelled, the journal entry is the user's message again).
- ``"later"`` — send later: the message waits in the Outbox until a time the user picked.

The release time is journaled as wall-clock epoch seconds (``meta["release_at"]``, with ``meta["hold"]``
the kind): a restart knows it. In memory it is also kept on the Outbox's monotonic clock
(``Submission.retry_at``: the worker sleeps until it); the worker releases a hold when EITHER clock says the
time came, and never sleeps longer than :data:`WALL_CHECK` while something is held, so a machine that was
suspended (the monotonic clock stops) sends a "later" message within that much of its wall-clock time.

Restart rules (:func:`restored_facts`): a "later" hold stays held with its time (a time that passed while
Dispatch was closed: released at once — the user asked for it to go then; it goes as soon as Dispatch runs).
An "undo" hold NEVER resumes sending: :func:`undo_to_editing` turns its journal entry back into a message
being written, marked ``unsent``, which recovery reopens in Compose with :data:`UNDO_NOTE`.

Held locally, not deferred on the server: the message is not on the server before its release (nothing of
it is, so Undo and edits never need a server round trip), and it goes out only while Dispatch runs.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from app.core.outbox.send_times import MONTHS, WEEKDAYS
from app.core.outbox.submission import SubState, Submission
from app.domain.words import Words, translate

log = logging.getLogger(__name__)

UNDO = "undo"
LATER = "later"
KINDS = (UNDO, LATER)
# while something is held, the worker looks at the wall clock at least this often (seconds)
WALL_CHECK = 30.0
# the journal meta of a message that was in its undo window when Dispatch closed (recovery shows the note)
UNSENT_MARK = "unsent"
UNDO_NOTE = translate("Outbox", "“{subject}” was not sent: it was waiting to be sent when Dispatch closed. "
                              "Send it again or keep editing.")


@dataclass(frozen=True)
class Hold:
    kind: str  # UNDO or LATER
    release_at: float  # wall-clock epoch seconds
    reason: str = ""  # why it waits, for its Outbox row ("" : the user's own send later); journaled with it

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown hold kind {self.kind!r}")


def undo_hold(seconds: float, wall: float) -> Hold | None:
    """The undo-send hold for a Send pressed at ``wall`` (None: undo send is off)."""
    return Hold(UNDO, wall + seconds) if seconds and seconds > 0 else None


def release_facts(hold: Hold, now: float, wall: float) -> dict:
    """What a new HELD submission's ``hold`` event carries: its release time on both clocks (and why it waits)."""
    release_at = float(hold.release_at)
    facts = {"hold_kind": hold.kind, "release_at": release_at, "retry_at": now + max(0.0, release_at - wall)}
    if hold.reason:
        facts["reason"] = hold.reason
    return facts


def on_server(hold: Hold | None) -> datetime | None:
    """The time the server is to keep the message for (PidTagDeferredSendTime, UTC) when ``hold`` is the user's own
    send later: such a message is not held here but sent at once with that time, and Exchange keeps it in the
    mailbox's Outbox folder until then (:mod:`app.core.scheduled`). None for every other hold: the undo window
    (seconds, here) and a sending limit's wait (``reason``: the limits are counted here)."""
    if hold is None or hold.kind != LATER or hold.reason:
        return None
    return datetime.fromtimestamp(int(hold.release_at), timezone.utc)  # whole seconds, as the server keeps it


def held_here_by_older(sub: Submission) -> datetime | None:
    """The time of a send later an older version held on this computer (the user's own, not a limit's wait),
    which now goes to the server (:func:`on_server`); None for any other submission."""
    if sub.state != SubState.HELD or sub.hold_kind != LATER or sub.reason:
        return None
    return on_server(Hold(LATER, sub.release_at))


# what a held submission's ``release`` carries: due now, no hold any more
RELEASED = {"retry_at": 0.0, "hold_kind": "", "release_at": 0.0}


def add_meta(sub: Submission, meta: dict) -> dict:
    """The journal bookkeeping of a held submission (nothing once it is released)."""
    if sub.state == SubState.HELD:
        meta["hold"], meta["release_at"] = sub.hold_kind, sub.release_at
        if sub.reason and sub.hold_kind == LATER:  # why it waits (a sending limit): a restart still says it
            meta["hold_reason"] = sub.reason
    return meta


def restored_facts(meta: dict, now: float, wall: float) -> dict:
    """A "later" submission read back from the journal: held again, its wake-up on this run's clock."""
    try:
        release_at = float(meta.get("release_at") or 0.0)
    except (TypeError, ValueError):
        release_at = 0.0  # no readable time: due now (it was the user's Send)
    facts = {"hold_kind": str(meta.get("hold") or LATER), "release_at": release_at,
             "retry_at": now + max(0.0, release_at - wall)}
    if meta.get("hold_reason"):
        facts["reason"] = str(meta["hold_reason"])
    return facts


def is_undo(state, meta: dict | None) -> bool:
    return str(getattr(state, "value", state)) == SubState.HELD.value and (meta or {}).get("hold") == UNDO


def undo_to_editing(journal, local_id: str) -> None:
    """A send that was in its undo window when the app died: the user's message again, not a send."""
    from app.storage.journal import State

    journal.set_state(local_id, State.EDITING, op="", error="", attempts=0, meta={UNSENT_MARK: UNDO})


def reopen_note(entry) -> str:
    """What Compose says when it reopens ``entry`` ("" for an ordinary unsaved message)."""
    if (entry.meta or {}).get(UNSENT_MARK) != UNDO:
        return ""
    return UNDO_NOTE.format(subject=entry.draft.subject.strip() or translate("Outbox", "(no subject)"))


def due(subs, now: float, wall: float) -> list[Submission]:
    """The held submissions of ``subs`` whose time came, on EITHER clock (the Outbox releases them)."""
    held = SubState.HELD  # looked up once: the worker asks at each step, over every submission (5,000 in a merge)
    return [s for s in subs if s.state == held and (s.retry_at <= now or s.release_at <= wall)]


def next_check(subs, now: float) -> float | None:
    """When the worker must look again for held work: its release, or WALL_CHECK from now at the latest."""
    held = SubState.HELD
    times = [s.retry_at for s in subs if s.state == held]
    return min(min(times), now + WALL_CHECK) if times else None


def clock_text(release_at: float, wall: float | None = None) -> Words:
    """"Tue 08:00" within the coming week, else "Tue 3 Dec 08:00" (local time)."""
    when = datetime.fromtimestamp(release_at)
    wall = time.time() if wall is None else wall
    day, hours = WEEKDAYS[when.weekday()], when.strftime("%H:%M")
    if 0 <= release_at - wall < 6 * 86400:
        return translate("Clock", "{day} {time}").format(day=day, time=hours)
    month = MONTHS[when.month - 1]
    if when.year == datetime.fromtimestamp(wall).year:
        return translate("Clock", "{day} {date} {month} {time}").format(day=day, date=when.day, month=month, time=hours)
    return translate("Clock", "{day} {date} {month} {time} {year}").format(day=day, date=when.day, month=month,
                                                                          time=hours, year=when.year)


def row_text(sub: Submission, now: float) -> str:
    """The Outbox row of a held submission: "Sending in 7 s — Undo", "Sends at Tue 08:00", or with why it waits
    when a sending limit holds it ("Sends at Tue 08:00 — Waiting for Exchange Online's …-a-day limit")."""
    if sub.hold_kind == UNDO:
        return translate("OutboxRow", "Sending in {seconds} s — Enter takes it back").format(
            seconds=max(0, int(sub.retry_at - now + 0.999)))
    if sub.reason:
        return translate("OutboxRow", "Sends at {time} — {reason}").format(time=clock_text(sub.release_at),
                                                                        reason=sub.reason)
    return translate("OutboxRow", "Sends at {time}").format(time=clock_text(sub.release_at))
