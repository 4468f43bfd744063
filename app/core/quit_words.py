"""What the quit question says about each message still in the Outbox. No Qt.

Each waiting message is said as what will really happen to it once Dispatch is closed — they differ:

- in its undo countdown (HELD "undo"): never sent; it comes back to Compose, unsent, at the next start
  (:func:`app.core.outbox.holds.undo_to_editing`) — or, a draft of Send selected or a mail merge, stays in Drafts;
- scheduled (HELD "later"): goes out at its time while Dispatch runs, or at the next start after it;
- waiting (queued, saving, waiting for a sign-in): goes out the next time Dispatch runs on this account;
- possibly on the wire (submitting, unknown): looked up at the next start, never sent twice;
- refused (failed): stays in the Outbox until the user sends it again or deletes it.
"""

from __future__ import annotations

from typing import Iterable

from app.core.outbox import holds
from app.core.submission import SubState, Submission

#: messages named one by one; the rest are counted
MAX_LINES = 8


def waiting(subs: Iterable[Submission]) -> list[Submission]:
    """The submissions the quit question is about (not sent, not taken back)."""
    return [s for s in subs if s.state not in (SubState.SENT, SubState.CANCELLED)]


def fate(sub: Submission, who: str, wall: float | None = None) -> str:
    """What happens to ``sub`` when Dispatch quits now, in words, with its subject."""
    name = f"“{sub.draft.subject.strip() or '(no subject)'}”"
    st = sub.state
    if st == SubState.HELD and sub.hold_kind == holds.UNDO and sub.source == "server":
        return f"{name} is not sent: it was in its undo countdown and stays in Drafts, unsent."
    if st == SubState.HELD and sub.hold_kind == holds.UNDO:
        return f"{name} is not sent: it was in its undo countdown and comes back to Compose, unsent, " \
               "the next time Dispatch runs."
    if st == SubState.HELD:
        return f"{name} is scheduled for {holds.clock_text(sub.release_at, wall)}: it goes out then if " \
               f"Dispatch is running, otherwise the next time Dispatch runs signed in as {who}."
    if st in (SubState.SUBMITTING, SubState.UNKNOWN):
        return f"{name} may already have gone out: Dispatch checks the next time it runs signed in as " \
               f"{who} (it is never sent twice)."
    if st == SubState.FAILED:
        why = f" ({sub.reason})" if sub.reason else ""
        return f"{name} was not sent{why}: it stays in the Outbox until you send it again or delete it."
    return f"{name} goes out the next time Dispatch runs signed in as {who}."


def quit_text(subs: Iterable[Submission], who: str, wall: float | None = None) -> str:
    """The quit question for the Outbox's waiting messages: one line per message, then "Quit anyway?"."""
    left = waiting(subs)
    n = len(left)
    head = f"{n} message{' is' if n == 1 else 's are'} waiting in the Outbox, on this computer:"
    lines = [f"• {fate(s, who, wall)}" for s in left[:MAX_LINES]]
    if n > MAX_LINES:
        lines.append(f"• …and {n - MAX_LINES} more (see the Outbox, Ctrl+4).")
    return "\n".join([head, *lines, "", "Quit anyway?"])
