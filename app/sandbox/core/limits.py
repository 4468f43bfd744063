"""Sending limits: the sandbox's optional "exchange-online" profile.

By default the sandbox limits nothing but the message size (``Sandbox(max_send_bytes=...)``), as before.
With ``Sandbox(limits="exchange-online")`` (``--limits exchange-online``), or a user's own ``"limits"`` in its
data (the profile's name, or a dict of the numbers below, which override the profile's), each mailbox
sends as Exchange Online lets it. The numbers and behaviours are Microsoft's, from "Exchange Online limits",
"Sending limits" (learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/
exchange-online-limits#sending-limits-1):

- ``recipient_rate``: 10,000 recipients a day, counted over a rolling 24 hours ("After the recipient rate
  limit is reached, messages can't be sent from the mailbox until the number of recipients that were sent
  messages in the past 24 hours drops below the limit"). A message that would take the count beyond it is
  not delivered: the sender gets a non-delivery report, 550 5.1.90 "Your message can't be sent because
  you've reached your daily limit for message recipients" (learn.microsoft.com/exchange/mail-flow-best-
  practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online, code 5.1.90).
- ``recipients_per_message``: 500 (To, Cc and Bcc together; an admin may set 1 to 1,000). The docs describe
  the NDR Outlook's user gets; EWS and Graph have a code of their own for it at submission,
  ``ErrorExceededMaxRecipientLimit`` (EWS ResponseCodeType, messages.xsd), which the sandbox answers at once
  over both protocols (the docs do not say which of the two a client of EWS or Graph sees: a sandbox choice,
  listed in docs/sandbox.md).
- ``message_rate``: 30 messages a minute. The page's footnote: beyond it, messages submitted by SMTP client
  submission are refused, while messages submitted by Outlook (and so EWS and Graph, which submit from the
  mailbox) wait in the Outbox and go out over time. Here a message beyond the rate waits in the sender's
  Outbox until the minute has room (core/outbox.py), on the sandbox's clock (``Sandbox(clock=...)``).
- ``max_send_bytes``: the message size limit. Exchange Online's default MaxSendSize is 35 MB (an admin may
  raise it to 150 MB); over it, ErrorMessageSizeExceeded as today.

What was sent when is kept in the store (the ``sendlog`` table), so the counts survive a restart of a
sandbox with a data directory.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

from .clock import fmt_dt
from .errors import MailboxError

#: EWS ResponseCodeType (messages.xsd); Graph answers the same code with 400.
TOO_MANY_RECIPIENTS = "ErrorExceededMaxRecipientLimit"
TOO_MANY_RECIPIENTS_TEXT = "The recipient count of this message exceeds the maximum allowed."
#: The NDR's enhanced status and text (NDR reference above, code 5.1.90).
RATE_NDR_STATUS = "550 5.1.90"
RATE_NDR_TEXT = "Your message can't be sent because you've reached your daily limit for message recipients."

DAY = _dt.timedelta(hours=24)
MINUTE = _dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Limits:
    """None: no limit of that kind."""
    message_rate: int | None = None  # messages a minute (beyond: they wait in the Outbox)
    recipient_rate: int | None = None  # recipients in 24 hours (beyond: NDR 5.1.90)
    recipients_per_message: int | None = None  # beyond: ErrorExceededMaxRecipientLimit
    max_send_bytes: int | None = None  # beyond: ErrorMessageSizeExceeded (None: the sandbox's max_send_bytes)

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.message_rate, self.recipient_rate, self.recipients_per_message,
                                            self.max_send_bytes))


NONE = Limits()
EXCHANGE_ONLINE = Limits(message_rate=30, recipient_rate=10_000, recipients_per_message=500,
                         max_send_bytes=35 * 1024 * 1024)
PROFILES = {"none": NONE, "exchange-online": EXCHANGE_ONLINE}
_FIELDS = ("message_rate", "recipient_rate", "recipients_per_message", "max_send_bytes")


def parse(spec) -> Limits:
    """A profile's name, a dict of numbers (with an optional "profile" they override), or None (no limits).
    ValueError for anything else."""
    if spec is None:
        return NONE
    if isinstance(spec, Limits):
        return spec
    if isinstance(spec, str):
        if spec not in PROFILES:
            raise ValueError(f"unknown limits profile {spec!r} (known: {', '.join(sorted(PROFILES))})")
        return PROFILES[spec]
    if isinstance(spec, dict):
        base = parse(spec.get("profile"))
        unknown = set(spec) - set(_FIELDS) - {"profile"}
        if unknown:
            raise ValueError(f"unknown limits {sorted(unknown)}")
        values = {k: (None if spec[k] is None else int(spec[k])) for k in _FIELDS if k in spec}
        if any(v is not None and v < 1 for v in values.values()):
            raise ValueError("limits must be at least 1")
        return replace(base, **values)
    raise ValueError(f"limits: a profile name or an object, not {type(spec).__name__}")


def limits_of(sandbox, user: dict) -> Limits:
    """The mailbox's own limits when its data names some, else the sandbox's."""
    own = user.get("limits")
    return parse(own) if own is not None else sandbox.limits


def check_message(limits: Limits, n_recipients: int) -> None:
    """ErrorExceededMaxRecipientLimit for a message with more recipients than one message may have."""
    if limits.recipients_per_message is not None and n_recipients > limits.recipients_per_message:
        raise MailboxError(TOO_MANY_RECIPIENTS, TOO_MANY_RECIPIENTS_TEXT)


def over_recipient_rate(store, mailbox: str, limits: Limits, now: _dt.datetime, n_recipients: int) -> bool:
    """Whether sending to ``n_recipients`` more now takes the mailbox beyond its recipients in 24 hours
    (what it sent, or has waiting in its Outbox, since 24 hours ago counts)."""
    if limits.recipient_rate is None:
        return False
    used = store.sent_recipients_since(mailbox, fmt_dt(now - DAY))
    return used + n_recipients > limits.recipient_rate


def release_time(store, mailbox: str, limits: Limits, now: _dt.datetime) -> _dt.datetime:
    """When a message submitted now may go out: now while the last minute holds fewer than ``message_rate``
    messages, else a minute after the message ``message_rate`` places back (so that no minute ever holds
    more: the first 30 at once, the next 30 a minute later, ...)."""
    rate = limits.message_rate
    if rate is None:
        return now
    times = store.send_times_since(mailbox, fmt_dt(now - MINUTE))  # sorted; may include future ones
    if len(times) < rate:
        return now
    earliest = _dt.datetime.strptime(times[-rate], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=_dt.timezone.utc)
    return max(now, earliest + MINUTE)


def record(store, mailbox: str, at: _dt.datetime, n_recipients: int) -> None:
    """Count a message to ``n_recipients`` going out at ``at`` (now, or its release time)."""
    store.log_send(mailbox, fmt_dt(at), n_recipients)
