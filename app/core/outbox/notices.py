"""What the desktop is told of a send the user is not watching: which sends make a notification, and in which
words. No Qt, no D-Bus (the window's side, app/ui/notify, shows what :meth:`NoticeBook.finished` decides).

A notification is made when the window is NOT the active one (when it is, its status bar and a screen reader
already said it), notifications are on, and a submission became final as one of:

- ``LATER_SENT``: a message held on this computer for a time went (the book saw it held for later: a release
  clears its hold's kind): a sending limit's wait (a mail merge's or Send selected's rest, sent once the rolling
  day has room). The user's own Send later is not held here any more: it is handed to Exchange at once with its
  time (:mod:`app.core.scheduled`), and Exchange sends it then, maybe with Dispatch closed, so nothing here sees
  it go and no notification says it went;
- ``FAILED``: a send failed for good (refused, or not known to have gone): the user decides what next. Whatever
  its face (Compose, Drafts, a merge, a command): the window is not active, so nobody is watching it fail;
- ``COMMAND_SENT``: a message a ``dispatch-mail`` command handed to this window's door went
  (:class:`app.domain.events.CommandHandedOver`);
- ``BOUNCED``: a non-delivery report came for a message this window sent in the last 7 days (:func:`bounces`
  says which of the reports the account's delivery watch just read; :meth:`NoticeBook.bounced`), with the same
  privacy rules; its action opens the message's Sent row. Never for a delivery or read receipt, nor for a report
  about a message the window does not know (one sent from another program).

A plain Send that went makes none (the user just pressed it), nor one taken back or thrown away, nor one handed to
Exchange to keep until its time (SENT with its ``send_at``: not sent yet, whoever asked for it, a command too).

Many of a kind while the user is away (a mail merge sent later, a server refusing every send) make one
notification that counts them ("3 scheduled messages were sent."): each replaces the one before (``replaces``),
until the user is back in the window (:meth:`NoticeBook.attended`).

What a notification says: the kind's title, and either the neutral words ("A message was sent") or, when the
user chose so, the subject and the recipient. Never anything of the message's body: the notification server
keeps what it is sent (a history, a lock screen), which is why the neutral words are the default.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Callable, Iterable

from app.core.outbox import holds
from app.core.outbox.rows import display_to
from app.core.outbox.submission import SubState, Submission
from app.domain.delivery import TOLD_DAYS, Fate
from app.domain.words import Words, translate


class Show(str, enum.Enum):
    """What the user chose notifications to say (the settings' ``notifications``)."""

    OFF = "off"  # none at all
    NEUTRAL = "neutral"  # "A message was sent": nothing of the message
    DETAILS = "details"  # its subject and its recipient


# the neutral words: a notification server keeps what it is shown, where others may read it
DEFAULT = Show.NEUTRAL


def show_of(stored) -> Show:
    """The stored choice as a :class:`Show` (anything unknown: :data:`DEFAULT`)."""
    try:
        return Show(stored)
    except ValueError:
        return DEFAULT


class Kind(str, enum.Enum):
    LATER_SENT = "later_sent"
    FAILED = "failed"
    COMMAND_SENT = "command_sent"
    BOUNCED = "bounced"  # a sent message came back undelivered: :func:`bounces`


_TITLES = {
    Kind.LATER_SENT: translate("Notices", "Scheduled message sent"),
    Kind.FAILED: translate("Notices", "Message not sent"),
    Kind.COMMAND_SENT: translate("Notices", "Message from dispatch-mail sent"),
    Kind.BOUNCED: translate("Notices", "Message not delivered"),
}
_NEUTRAL = {
    Kind.LATER_SENT: translate("Notices", "A message was sent."),
    Kind.FAILED: translate("Notices", "A message could not be sent. It waits in the Outbox."),
    Kind.COMMAND_SENT: translate("Notices", "A message was sent."),
    Kind.BOUNCED: translate("Notices", "A message you sent did not arrive."),
}
# the count of a kind since the user was last in the window (more than one: no subject or recipient)
_MANY = {
    Kind.LATER_SENT: lambda n: translate("Notices", "%n scheduled message(s) were sent.", None, n),
    Kind.FAILED: lambda n: translate("Notices", "%n message(s) could not be sent. They wait in the Outbox.", None, n),
    Kind.COMMAND_SENT: lambda n: translate("Notices", "%n message(s) from dispatch-mail were sent.", None, n),
    Kind.BOUNCED: lambda n: translate("Notices", "%n message(s) you sent did not arrive.", None, n),
}
_DETAILS = translate("Notices", "“{subject}” to {recipient}")
_NO_SUBJECT = translate("Notices", "(no subject)")


@dataclass(frozen=True)
class Notice:
    """One notification: its ``title`` and ``text`` (words) and the Outbox row it opens (``local_id``), or, for a
    bounce, the Sent row of the message whose Message-ID is ``message_id``; ``replaces``: it counts this kind's
    notices since the user was last in the window, and takes the place of the one shown before."""

    kind: Kind
    title: Words
    text: Words
    local_id: str
    replaces: bool = False
    message_id: str = ""


def words_for(kind: Kind, show: Show, subject: str, recipient: str, local_id: str, count: int = 1) -> Notice:
    """The notice of ``kind`` in the words ``show`` allows (subject and recipient, or the neutral words);
    ``count`` of them since the user was last in the window: more than one, they are counted, nothing named."""
    if count > 1:
        return Notice(kind, _TITLES[kind], _MANY[kind](count), local_id, replaces=True)
    if show == Show.DETAILS:
        text = _DETAILS.format(subject=_one_line(subject) or _NO_SUBJECT, recipient=_line(recipient))
    else:
        text = _NEUTRAL[kind]
    return Notice(kind, _TITLES[kind], text, local_id)


class NoticeBook:
    """What a notice needs beyond the submission itself, as this window saw it: which messages were held for
    later (:meth:`seen`), which came from a command (:meth:`handed_over`)."""

    def __init__(self) -> None:
        self._later: set[str] = set()
        self._commands: set[str] = set()
        self._counts: dict[Kind, int] = {}  # notices of each kind since the user was last in the window

    def attended(self) -> None:
        """The user is in the window: what happened meanwhile is seen; the next notice starts a count of its own."""
        self._counts.clear()

    def seen(self, subs: Iterable[Submission]) -> None:
        """The queue as it is now: the messages held for later are remembered until they are final."""
        for sub in subs:
            if sub.state == SubState.HELD and sub.hold_kind == holds.LATER:
                self._later.add(sub.local_id)

    def handed_over(self, local_id: str) -> None:
        """A command's message came through the door into the queue."""
        self._commands.add(local_id)

    def finished(self, sub: Submission, *, show: Show, active: bool) -> Notice | None:
        """``sub`` is final: the notice to show (None: none), ``active`` whether the window is the active one."""
        lid = sub.local_id
        later, command = lid in self._later, lid in self._commands
        if sub.state != SubState.FAILED:  # a failed one may be sent again: still the same message, remembered
            self._later.discard(lid)
            self._commands.discard(lid)
        kind = None if _kept_by_exchange(sub) else _kind(sub.state, later=later, command=command)
        if active:
            self.attended()
        if kind is None or show == Show.OFF or active:
            return None
        return self._counted(kind, show, sub.draft.subject, _recipient(sub), lid)

    def bounced(self, subject: str, recipient: str, message_id: str, *, show: Show, active: bool) -> Notice | None:
        """A sent message (``message_id``) came back undelivered to ``recipient``: the notice (None: none)."""
        if active:
            self.attended()
        if show == Show.OFF or active:
            return None
        return replace(self._counted(Kind.BOUNCED, show, subject, recipient, ""), message_id=message_id)

    def _counted(self, kind: Kind, show: Show, subject: str, recipient, local_id: str) -> Notice:
        self._counts[kind] = count = self._counts.get(kind, 0) + 1
        return words_for(kind, show, subject, recipient, local_id, count)


def bounces(reports: Iterable, known: Callable[[str], tuple[str, datetime] | None],
            now: datetime) -> list[tuple[str, str, str]]:
    """Of the reports just read (:class:`app.domain.delivery.Report`), each message a report says did not reach
    someone, as ``(message id, subject, the failed addresses)``: once each, in the reports' order. Only a message
    the window knows (``known(message_id)``: its subject and when it was sent; None: not one of its sent messages,
    said nothing of) sent in the last TOLD_DAYS; never for a delivery or read receipt."""
    lost: dict[str, list[str]] = {}
    for report in reports:
        for news in report.news:
            if news.fate is Fate.FAILED:
                who = lost.setdefault(report.original_id, [])
                if news.address not in who:
                    who.append(news.address)
    out = []
    for mid, who in lost.items():
        seen = known(mid)
        if seen is not None and seen[1] >= now - timedelta(days=TOLD_DAYS):
            out.append((mid, seen[0], ", ".join(who)))
    return out


def _kind(state: SubState, *, later: bool, command: bool) -> Kind | None:
    if state == SubState.FAILED:
        return Kind.FAILED
    if state != SubState.SENT:
        return None
    if later:
        return Kind.LATER_SENT
    return Kind.COMMAND_SENT if command else None


def _kept_by_exchange(sub: Submission) -> bool:
    """Handed to Exchange with a time to send it (PidTagDeferredSendTime): the server keeps it until then, so it has
    not gone out; nothing is told of it now."""
    return sub.state == SubState.SENT and sub.draft.send_at is not None


def _recipient(sub: Submission) -> str:
    """Who it went to, as its Outbox row names them."""
    return sub.display_to or display_to(sub.draft)


def _line(text):
    """``text`` on one line, at most 120 characters (a subject may hold line breaks or be very long); words kept
    as words (the "(no recipients)" of a row, translated where shown)."""
    if isinstance(text, Words):
        return text
    return _one_line(text)


def _one_line(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= 120 else line[:119] + "…"
