"""A mail merge's rows: what a row holds, and what it shows, DERIVED from its submission.

A row stores only what the row alone knows:

- its ``values`` and ``line``; ``invalid``: why the template filled with its values cannot be sent ("":
  it can); ``fixed``: the user edited it since it was last taken into a send;
- ``sub_id``: the local id of its Outbox submission, once it was handed over; ``ref``: its draft on the
  server, once created;
- ``not_sent``: before any submission of it exists, why it is not sent (its draft could not be created,
  its submission is gone and its draft was found in Drafts, a look-up failed). Resend sends it;
- ``end``: its submission's last facts (state, reason, kind, code), kept because a SENT submission leaves
  the Outbox's journal. While the Outbox lists the submission, the Outbox's own copy is read instead.

What a row shows (:class:`RowState`, its words, whether Resend sends it as it is) is computed from these
by ONE function (:func:`row_view`; its submission's part by :func:`row_verdict`): never stored, so it can
never disagree with its submission. ``row.state = …`` does not exist (a property without a setter), and
``tests/core/test_one_state_table.py`` fails on any assignment of a RowState in app/. No Qt, no I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

from app.core.outbox.submission import FINAL, SubState
from app.domain import merge as dm
from app.domain.explain import describe
from app.domain.models import ErrorKind, ItemRef
from app.domain.words import Words, from_data, to_data, translate
from app.storage.merges import ref_from_list

SENT = translate("MergeRow", "Sent")
ALREADY_SENT = translate("MergeRow", "Sent (found in Sent Items)")
IN_DRAFTS = translate("MergeRow", "Not sent: it is in Drafts. Resend (Ctrl+R) sends it.")
DELETED = translate("MergeRow", "Deleted from the Outbox: not sent")
NOT_CREATED = translate("MergeRow", "Deleted from the Outbox: its draft was not created")
NOT_CHECKED = translate("MergeRow", "Could not check with the server")
TAKEN_BACK = translate("MergeRow", "Taken back (Undo, or from the Outbox): not sent")
# failures that a Resend of the same message would meet again: the row must be fixed first
NEEDS_FIX = (ErrorKind.INVALID_INPUT, ErrorKind.TOO_LARGE, ErrorKind.PERMANENT)


class RowState(str, enum.Enum):
    """What a row SHOWS (the results table, the counts): computed by :func:`row_view`, never stored."""
    INVALID = "invalid"  # cannot be sent as it is: nothing was created for it
    READY = "ready"  # goes with the next Create and send / Resend
    SAVING = "saving"  # its draft is being written to Drafts (this run, now)
    SENDING = "sending"  # handed to the Outbox, not ended
    SENT = "sent"
    FAILED = "failed"  # refused by the server, or not sent for another reason (``retry``: Resend sends it)


class Ending(NamedTuple):
    """A submission's facts as it ended (what :func:`row_verdict` reads of a submission)."""
    state: SubState
    reason: str = ""
    kind: ErrorKind | None = None
    code: str = ""

    @classmethod
    def of(cls, sub) -> "Ending":
        return cls(sub.state, sub.reason or "", sub.kind, sub.code or "")


FOUND_SENT = Ending(SubState.SENT, ALREADY_SENT)  # its Message-ID is in Sent Items: it went out


@dataclass(eq=False)
class MergeRow:
    number: int  # 1-based data row
    line: int  # the table's line it came from
    values: tuple[str, ...]  # replaced whole by an edit, never in place (a tuple of str: the GC skips it)
    invalid: str = ""
    ref: ItemRef | None = None
    sub_id: str = ""
    end: Ending | None = None
    not_sent: str = ""
    fixed: bool = False
    # the Outbox's submissions (its ``subs``, shared, never copied): where a listed submission is read
    listing: dict = field(default_factory=dict, repr=False)
    sub: object = field(default=None, repr=False)  # its submission, once seen in the Outbox (not stored)
    creating: bool = field(default=False, repr=False)  # its draft is being created by this run (not stored)
    # its message as last built and checked (from its values now), kept for the send; never stored
    built: dm.RowMessage | None = field(default=None, repr=False)

    # what it shows: derived, never set
    @property
    def state(self) -> RowState:
        return row_view(self)[0]

    @property
    def error(self) -> str:
        return row_view(self)[1]

    @property
    def retry(self) -> bool:
        return row_view(self)[2]

    def live(self):
        """Its submission while the Outbox lists it. Once the Outbox lets it go (sent, taken back, thrown
        away) it can change no more: its end is kept (``end``) and read from there on."""
        sub = self.sub
        if sub is None:
            if self.sub_id:
                sub = self.sub = self.listing.get(self.sub_id)
            return sub
        if self.listing.get(self.sub_id) is not sub:
            self.end, self.sub = Ending.of(sub), None
            return None
        return sub

    def ending(self) -> Ending | None:
        """Its submission's end, for the record: the Outbox's copy once it ended, else what was kept."""
        sub = self.live()
        return Ending.of(sub) if sub is not None and sub.state in FINAL else self.end


View = tuple  # (RowState, words, retry)
_SENDING: View = (RowState.SENDING, "", False)
_SAVING: View = (RowState.SAVING, "", False)
_READY: View = (RowState.READY, "", False)
_TAKEN_BACK: View = (RowState.FAILED, TAKEN_BACK, True)
_SENT: View = (RowState.SENT, SENT, False)
_FOUND_SENT: View = (RowState.SENT, ALREADY_SENT, False)
_DELETED: View = (RowState.FAILED, DELETED, True)
_S_SENT, _S_FAILED, _S_CANCELLED = SubState.SENT, SubState.FAILED, SubState.CANCELLED
_R_SENT, _R_FAILED, _R_INVALID = RowState.SENT, RowState.FAILED, RowState.INVALID


def row_view(row: MergeRow) -> View:
    """THE row's state, words and ``retry`` (Resend sends it as it is), from its submission first. (Run for
    every row at each summary of a 5,000-row merge: one call each, no more.)"""
    verdict = None
    if row.sub_id:
        sub = row.live()
        if sub is not None:  # listed in the Outbox: the Outbox's copy says
            verdict = row_verdict(sub, listed=True)
            if verdict is None:
                return _SENDING
        elif row.end is None:
            return _SENDING  # its submission is gone and its end unknown here: resume() looks it up
    if row.end is not None and verdict is None:
        verdict = row_verdict(row.end, listed=False)
    return _before_or_after(row, verdict) if verdict is None or verdict[0] is not _R_SENT else verdict


def _before_or_after(row: MergeRow, verdict: View | None) -> View:
    """A row whose submission is not under way and not sent: being created; invalid; fixed; how its
    send ended; why it was not sent; or ready."""
    if row.creating:
        return _SAVING
    if row.invalid:
        return _R_INVALID, row.invalid, False
    if row.fixed:
        return _READY
    if verdict is not None:
        return verdict
    if row.not_sent:
        return _R_FAILED, row.not_sent, True
    return _READY


def row_verdict(sub, *, listed: bool) -> View | None:
    """What a row handed to the Outbox shows once its submission ended: ``(state, words, retry)``, derived
    from the submission's state alone (the one table, :mod:`app.core.outbox.submission`): a row keeps no lifecycle
    of its own past SENDING. None: it has not ended (``listed``: still in the Outbox). ``retry``: Resend
    sends it as it is (not the message's fault; a refusal of the message itself must be fixed first).
    ``sub`` is a :class:`~app.core.outbox.submission.Submission` or an :class:`Ending` kept of one."""
    state = sub.state
    if state == _S_SENT:
        return _FOUND_SENT if sub.reason == ALREADY_SENT else _SENT
    if state == _S_FAILED:
        return _R_FAILED, sub.reason or describe(sub.code or "ErrorNotSent"), sub.kind not in NEEDS_FIX
    if state == _S_CANCELLED:
        return _TAKEN_BACK
    if not listed:  # thrown away in the Outbox (DELETING, its delete on disk): not sent
        return _DELETED
    return None


def row_from_record(r: dict, listing: dict) -> MergeRow:
    """A row read back from its record; a record of an older version (a stored ``state``) mapped once. Its
    reasons come back as the words they were (shown in the window's language) where the record kept them."""
    end, kept = r.get("end"), r.get("words")
    row = MergeRow(int(r["n"]), int(r.get("line", 0)), tuple(r["values"]),
                   _kept(kept, "invalid", r.get("invalid", "")), ref_from_list(r.get("ref")), r.get("sub", ""),
                   _ending(end, kept) if end else None, _kept(kept, "not_sent", r.get("not_sent", "")),
                   bool(r.get("fixed")), listing)
    if "state" in r:
        _from_old_state(row, RowState(r["state"]), r.get("error", ""), bool(r.get("retry")))
    return row


def _ending(v: list, kept=None) -> Ending:
    state, reason, kind, code = v
    return Ending(SubState(state), _kept(kept, "reason", reason), ErrorKind(kind) if kind else None, code)


def ending_record(end: Ending | None) -> list | None:
    return [end.state.value, end.reason, end.kind.value if end.kind else "", end.code] if end else None


def words_record(invalid: str, not_sent: str, end: Ending | None) -> dict:
    """A row's reasons that are :class:`~app.domain.words.Words`, as data (``to_data``): read back at the next
    start, they are shown in the window's language, not as the English text stored beside them (which a
    record without them keeps showing)."""
    reasons = (("invalid", invalid), ("not_sent", not_sent), ("reason", end.reason if end else ""))
    return {key: to_data(text) for key, text in reasons if isinstance(text, Words)}


def _kept(kept, key: str, stored: str):
    """``stored``'s words as the record kept them, when they still read as ``stored``; else ``stored``."""
    if not isinstance(kept, dict) or key not in kept:
        return stored
    try:
        words = from_data(kept[key])
    except ValueError:
        return stored
    return words if isinstance(words, Words) and str(words) == stored else stored


def _from_old_state(row: MergeRow, state: RowState, error: str, retry: bool) -> None:
    """A row saved by an older Dispatch stores its own state: what it said becomes what the row now holds. SAVING
    held no submission yet (Resend's look-up finds its draft); SENDING keeps its ``sub_id`` (resume)."""
    if state == RowState.INVALID:
        row.invalid = error or translate("MergeRow", "Cannot be sent as it is")
    elif state == RowState.SENT:
        row.end = FOUND_SENT if error == ALREADY_SENT else Ending(SubState.SENT)
    elif state == RowState.FAILED and row.sub_id:
        row.end = Ending(SubState.FAILED, error, None if retry else ErrorKind.PERMANENT)
    elif state == RowState.FAILED:
        row.not_sent = error or NOT_CHECKED
