"""What the quit question says about each message still in the Outbox. No Qt.

Each waiting message is said as what will really happen to it once Dispatch is closed — they differ:

- in its undo countdown (HELD "undo"): never sent; it comes back to Compose, unsent, at the next start
  (:func:`app.core.outbox.holds.undo_to_editing`) — or, a draft of Send selected or a mail merge, stays in Drafts;
- waiting here for a time (HELD "later": a sending limit's wait): goes out at its time while Dispatch runs, or at
  the next start after it;
- the user's Send later not yet handed to Exchange (its ``send_at``, still queued, saving, waiting for a sign-in):
  goes to Exchange the next time Dispatch runs on this account, and Exchange keeps it until its time;
- waiting (queued, saving, waiting for a sign-in): goes out the next time Dispatch runs on this account;
- possibly on the wire (submitting, unknown): looked up at the next start, never sent twice;
- refused (failed): stays in the Outbox until the user sends it again or deletes it.

A Send later Exchange already keeps (SENT with its ``send_at``: in the mailbox's Outbox folder) is not waiting on
this computer: it goes out at its time with Dispatch closed, so the question does not name it (:func:`waiting`).
"""

from __future__ import annotations

from typing import Iterable

from app.core.outbox import holds, sources
from app.core.outbox.submission import SubState, Submission
from app.core.common.word_lists import counted, lines
from app.domain.words import Words, translate

# messages named one by one; the rest are counted
MAX_LINES = 8

#: said as the window closes with unsent words in Compose (the journal has them; the next start reopens them there,
#: saying "Reopened the message you were writing")
KEPT_IN_COMPOSE = translate("QuitQuestion", "The message in Compose is kept on this computer: it reopens there the "
                                            "next time Dispatch starts.")


def waiting(subs: Iterable[Submission]) -> list[Submission]:
    """The submissions the quit question is about (not sent, not taken back): a Send later Exchange keeps was sent to
    it (SENT), so it is not one of them."""
    return [s for s in subs if s.state not in (SubState.SENT, SubState.CANCELLED)]


def fate(sub: Submission, who: str, wall: float | None = None) -> Words:
    """What happens to ``sub`` when Dispatch quits now, in words, with its subject."""
    name = sub.draft.subject.strip() or translate("QuitQuestion", "(no subject)")
    st = sub.state
    if st == SubState.HELD and sub.hold_kind == holds.UNDO and sources.of(sub).in_drafts:
        return translate("QuitQuestion", "“{name}” is not sent: it was in its undo countdown and stays in Drafts, "
                                         "unsent.").format(name=name)
    if st == SubState.HELD and sub.hold_kind == holds.UNDO:
        return translate("QuitQuestion", "“{name}” is not sent: it was in its undo countdown and comes back to "
                                         "Compose, unsent, the next time Dispatch runs.").format(name=name)
    if st == SubState.HELD:
        return translate("QuitQuestion", "“{name}” is scheduled for {time}: it goes out then if Dispatch is "
                                         "running, otherwise the next time Dispatch runs signed in as {who}.").format(
            name=name, time=holds.clock_text(sub.release_at, wall), who=who)
    if st in (SubState.SUBMITTING, SubState.UNKNOWN):
        return translate("QuitQuestion", "“{name}” may already have gone out: Dispatch checks the next time it "
                                         "runs signed in as {who} (it is never sent twice).").format(name=name, who=who)
    if st == SubState.FAILED and sub.reason:
        return translate("QuitQuestion", "“{name}” was not sent ({reason}): it stays in the Outbox until you send "
                                         "it again or delete it.").format(name=name, reason=sub.reason)
    if st == SubState.FAILED:
        return translate("QuitQuestion", "“{name}” was not sent: it stays in the Outbox until you send it again or "
                                         "delete it.").format(name=name)
    if sub.draft.send_at is not None:  # the user's Send later, not yet with Exchange
        return translate("QuitQuestion", "“{name}” goes to Exchange the next time Dispatch runs signed in as {who}; "
                                         "Exchange keeps it until {time}, then sends it.").format(
            name=name, who=who, time=holds.clock_text(sub.draft.send_at.timestamp(), wall))
    return translate("QuitQuestion", "“{name}” goes out the next time Dispatch runs signed in as {who}.").format(
        name=name, who=who)


def quit_text(subs: Iterable[Submission], who: str, wall: float | None = None, kept: bool = False) -> Words:
    """The quit question for the Outbox's waiting messages: one line per message, then "Quit anyway?"; ``kept``:
    Compose holds unsent words, kept on this computer (said too, before the question)."""
    left = waiting(subs)
    n = len(left)
    if n == 1:
        head = translate("QuitQuestion", "1 message is waiting in the Outbox, on this computer:")
    else:
        head = counted(translate("QuitQuestion", "%Ln messages are waiting in the Outbox, on this computer:", None, 1), n)
    bullets = [translate("QuitQuestion", "• {line}").format(line=fate(s, who, wall)) for s in left[:MAX_LINES]]
    if n > MAX_LINES:
        bullets.append(counted(translate("QuitQuestion", "• …and %Ln more (see the Outbox, Ctrl+4).", None, 1), n - MAX_LINES))
    kept_line = [KEPT_IN_COMPOSE, ""] if kept else []
    return lines([head, *bullets, "", *kept_line, translate("QuitQuestion", "Quit anyway?")])
