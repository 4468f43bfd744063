"""The account's server's sending limits, and what a batch (a merge, Send selected) would meet. No Qt.

Exchange Online limits each mailbox ("Exchange Online limits", "Sending limits",
learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits):
10,000 recipients a day (a rolling 24 hours; beyond it messages are refused with an NDR, 5.1.90), 500
recipients a message, 30 messages a minute (beyond it, messages sent from the mailbox wait in its Outbox and
go out over time). A batch is planned against them BEFORE anything is sent (:func:`plan_batch`): the
messages with more recipients than one may have are not sent; of the rest, what fits in what is left of
today's recipients goes now, and what does not is kept in the Outbox, held with a send-later time
(:mod:`app.core.outbox.holds`, ``"later"``) for when the rolling day has room again; a batch paced by the message
rate says when its last message should go out.

Which limits (:func:`limits_for`): the account's own ``extra["send_limits"]`` when set ("exchange-online",
"none", or numbers: ``{"recipients_per_day": ..., "recipients_per_message": ..., "messages_per_minute": ...}``,
over Exchange Online's with ``"profile": "exchange-online"``); else Exchange Online's for a Microsoft 365
account (Graph, not the sandbox); else none known (an Exchange Server sets its own: configure them). The
sandbox with ``--limits exchange-online`` is configured the same way (``"send_limits": "exchange-online"``).

Today's count (:class:`RecipientLedger`): what this account sent in the last 24 hours, kept on disk by
:mod:`app.storage.sent_ledger` so a restart still knows it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, field, replace

from app.core.outbox.submission import SubState
from app.core.common.word_lists import counted, sentences
from app.domain.words import Number, Words, translate

log = logging.getLogger(__name__)

DAY = 24 * 3600.0
MINUTE = 60.0


@dataclass(frozen=True)
class ServerLimits:
    """None: no limit of that kind known."""
    name: str = translate("SendingLimits", "the server")
    recipients_per_day: int | None = None
    recipients_per_message: int | None = None
    messages_per_minute: int | None = None


EXCHANGE_ONLINE = ServerLimits("Exchange Online", recipients_per_day=10_000, recipients_per_message=500,
                               messages_per_minute=30)
_NUMBERS = ("recipients_per_day", "recipients_per_message", "messages_per_minute")


def limits_for(account) -> ServerLimits | None:
    """The limits the account's server applies (None: none known). ``account``: an AccountConfig."""
    spec = (account.extra or {}).get("send_limits")
    if spec is None:
        microsoft_365 = getattr(account.backend, "value", account.backend) == "graph" and not account.sandbox
        return EXCHANGE_ONLINE if microsoft_365 else None
    return parse(spec)


def parse(spec) -> ServerLimits | None:
    """"exchange-online", "none"/None, or a dict of numbers (with an optional "profile" and "name")."""
    if spec in (None, "none"):
        return None
    if spec == "exchange-online":
        return EXCHANGE_ONLINE
    if isinstance(spec, dict):
        base = EXCHANGE_ONLINE if spec.get("profile") == "exchange-online" else ServerLimits()
        values = {k: int(spec[k]) for k in _NUMBERS if spec.get(k) is not None}
        if any(v < 1 for v in values.values()):
            raise ValueError("sending limits must be at least 1")
        return replace(base, name=str(spec.get("name") or base.name), **values)
    raise ValueError(f"unknown sending limits {spec!r}")


@dataclass
class RecipientLedger:
    """What one account sent: (epoch seconds, recipients) per message, the last 24 hours of it."""
    entries: list[tuple[float, int]] = field(default_factory=list)

    def add(self, at: float, recipients: int) -> None:
        self.entries.append((float(at), int(recipients)))

    def used(self, now: float) -> int:
        """Recipients sent to in the 24 hours before ``now``."""
        return sum(n for at, n in self.entries if now - DAY < at <= now)

    def prune(self, now: float) -> None:
        self.entries = [(at, n) for at, n in self.entries if at > now - DAY]

    def to_json(self) -> list:
        return [[at, n] for at, n in self.entries]

    @classmethod
    def from_json(cls, data) -> "RecipientLedger":
        return cls([(float(at), int(n)) for at, n in (data or [])])


@dataclass(frozen=True)
class Plan:
    """What a batch of messages meets (indices into the batch, in its order)."""
    limits: ServerLimits
    send_now: list[int]
    later: list[tuple[int, float]]  # (index, epoch when it may go): kept in the Outbox, held until then
    too_many: list[int]  # more recipients than one message may have: not sent
    total_recipients: int
    refused_today: int  # the recipients that would be refused today if all were sent now
    last_goes_at: float | None  # the message rate: when the last message sent now should go out
    recipients: tuple[int, ...] = ()  # each message's recipients, as planned (the sent count records them)

    @property
    def blind_ok(self) -> bool:
        """Nothing in the batch meets a limit: it may go as it is, without asking."""
        return not self.later and not self.too_many

    def warning(self) -> Words | str:
        """What to say before anything is sent ("" when nothing meets a limit)."""
        lim, parts = self.limits, []
        if self.refused_today:
            refused = counted(translate("SendingLimits", "{refused} of these {total} recipients would be refused "
                                                         "today by {name}'s {limit}-a-day limit.", None, 1),
                              self.refused_today)
            parts.append(refused.format(refused=Number(self.refused_today), total=Number(self.total_recipients),
                                        name=lim.name, limit=Number(lim.recipients_per_day)))
        if self.too_many:
            n = len(self.too_many)
            if n == 1:
                too_many = translate("SendingLimits", "1 message has more than {limit} recipients, which {name} "
                                                      "refuses: it is not sent.")
            else:
                too_many = counted(translate("SendingLimits", "{count} messages have more than {limit} recipients, "
                                                              "which {name} refuses: they are not sent.", None, 1), n)
            parts.append(too_many.format(count=Number(n), limit=Number(lim.recipients_per_message), name=lim.name))
        return sentences(parts) if parts else ""


def plan_batch(recipients: list[int], ledger: RecipientLedger, limits: ServerLimits | None,
               now: float) -> Plan:
    """Plan a batch of messages with ``recipients[i]`` recipients each, in order: once one does not fit in
    what is left of today, it and all after it wait (a merge keeps its order), each for the day that has
    room for it."""
    limits = limits or ServerLimits()
    per_msg, per_day = limits.recipients_per_message, limits.recipients_per_day
    send_now, later, too_many = [], [], []
    live = deque(sorted((at, n) for at, n in ledger.entries if now - DAY < at <= now))  # oldest first
    used, at, waiting = sum(n for _, n in live), now, False
    for i, n in enumerate(recipients):
        if per_msg is not None and n > per_msg:
            too_many.append(i)
            continue
        if not waiting and (per_day is None or used + n <= per_day):
            live.append((now, n))
            used += n
            send_now.append(i)
            continue
        waiting = True
        while used + n > per_day and live:  # wait until the oldest sends leave the rolling day
            t0, n0 = live.popleft()
            used -= n0
            at = max(at, t0 + DAY)
        live.append((at, n))
        used += n
        later.append((i, at))
    total = sum(recipients)
    refused = sum(recipients[i] for i, _ in later)
    return Plan(limits, send_now, later, too_many, total, refused, _last_goes_at(limits, len(send_now), now),
                tuple(recipients))


def _last_goes_at(limits: ServerLimits, messages: int, now: float) -> float | None:
    """The message rate: the first ``rate`` go at once, each next ``rate`` a minute later (Exchange Online
    sends what waits in the Outbox over time). None when the batch is within one minute's rate."""
    rate = limits.messages_per_minute
    if rate is None or messages <= rate:
        return None
    return now + ((messages - 1) // rate) * MINUTE


class SentCounter:
    """Today's recipients of one account, kept on disk (``store``: :class:`app.storage.sent_ledger.SentLedgerStore`):
    :meth:`record` is told of every finished submission (the Outbox's :class:`~app.domain.events.SubmissionFinished`) and counts a sent one
    with its distinct recipients (:meth:`Submission.recipient_count`: the count the batch was planned with
    for a draft sent as it is on the server, whose recipients the queue does not hold). The file
    is written once per turn of the event loop however many sends finish in it (a 5,000-row merge: not 5,000
    writes on the UI thread)."""

    def __init__(self, store, account: str, wall=time.time):
        self.store, self.account, self.wall = store, account, wall
        self._ledger: RecipientLedger | None = None
        self._due = False

    def ledger(self) -> RecipientLedger:
        """The count as it is now (read from disk the first time)."""
        if self._ledger is None:
            self._ledger = RecipientLedger.from_json(self.store.load(self.account))
        return RecipientLedger(list(self._ledger.entries))

    def record(self, sub) -> None:
        if sub.state != SubState.SENT:
            return
        self.ledger()
        self._ledger.add(self.wall(), sub.recipient_count())
        if self._due:
            return
        self._due = True
        try:
            asyncio.get_running_loop().call_soon(self.flush)
        except RuntimeError:  # no loop running: written now
            self.flush()

    def flush(self) -> None:
        self._due = False
        if self._ledger is None:
            return
        self._ledger.prune(self.wall())
        try:
            self.store.save(self.account, self._ledger.to_json())
        except OSError as exc:  # the count is advice: a failed write must not stop the queue
            log.warning("could not keep the count of sent recipients: %s", type(exc).__name__)
