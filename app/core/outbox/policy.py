"""The ONE retry policy and the ONE error classification of the submission core. No Qt, no I/O.

Every decision about a failed save, send or look-up is taken here, from the error's backend-neutral
:class:`~app.domain.models.ErrorKind` (never from a server's code string):

=================  ==============================================================================
kind               what the core does
=================  ==============================================================================
unreachable        nothing reached the server: try again later; does not count as an attempt
transient          the server said "not now" and did nothing: try again (counts)
throttled          wait what the server asked (Retry-After / BackOffMilliseconds), then again
stale              fetch the item's current version (drop the change key), then again
outcome_unknown    may have happened: look the Message-ID up before anything is repeated
not_found          the item is gone: look in Sent Items first ("Already sent"), then decide
auth / tls         park the work until the user signs in again / decides on the certificate
invalid_input,     permanent for this message: show the reason; never retried
too_large,
permanent
=================  ==============================================================================
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass

from app.domain.models import ErrorKind


class Action(str, enum.Enum):
    RETRY_FREE = "retry_free"  # try again; not counted (offline for an hour must not fail the queue)
    RETRY = "retry"  # try again after a backoff; counted
    REFRESH = "refresh"  # try again with the item's current version; counted
    SETTLE = "settle"  # the outcome is unknown: look it up by Message-ID
    LOOK_IN_SENT = "look_in_sent"  # not found: maybe it went out already
    PARK = "park"  # the user must act (sign in, trust a certificate)
    FAIL = "fail"  # permanent: show the reason


_ACTIONS: dict[ErrorKind, Action] = {
    ErrorKind.UNREACHABLE: Action.RETRY_FREE,
    ErrorKind.TRANSIENT: Action.RETRY,
    ErrorKind.THROTTLED: Action.RETRY,
    ErrorKind.STALE: Action.REFRESH,
    ErrorKind.OUTCOME_UNKNOWN: Action.SETTLE,
    ErrorKind.NOT_FOUND: Action.LOOK_IN_SENT,
    ErrorKind.AUTH: Action.PARK,
    ErrorKind.TLS: Action.PARK,
    ErrorKind.LOCAL: Action.PARK,
    ErrorKind.INVALID_INPUT: Action.FAIL,
    ErrorKind.TOO_LARGE: Action.FAIL,
    ErrorKind.PERMANENT: Action.FAIL,
}


def action_for(kind: ErrorKind | str | None) -> Action:
    """What to do after a failure of this kind. An unclassified failure (a bug, an unexpected library
    error) is treated as outcome unknown: it may have gone out, so it is looked up, never repeated."""
    try:
        return _ACTIONS[ErrorKind(kind)]
    except (ValueError, KeyError):
        return Action.SETTLE


def kind_of(exc: BaseException) -> ErrorKind:
    """The kind of anything raised by a backend call (MailError carries one; anything else: unknown)."""
    kind = getattr(exc, "kind", None)
    try:
        return ErrorKind(kind)
    except ValueError:
        return ErrorKind.OUTCOME_UNKNOWN


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff.

    ``max_attempts`` counts failed attempts that reached (or may have reached) the server; "could not
    connect" is retried every ``base * factor**n`` seconds up to ``cap`` without counting. A server-given
    wait is honoured up to ``max_server_wait``. ``settle_delay``: after an unknown outcome, wait this long
    before looking the message up (Exchange submits asynchronously: right after a lost reply the message
    may still be moving from Drafts to Sent Items, and a request that timed out on our side may still be
    committing). ``settle_lookups``: how often a message found nowhere is looked up again (with growing
    pauses) before the user is asked; it is never sent again by itself.
    """

    max_attempts: int = 6
    base: float = 2.0
    factor: float = 2.0
    cap: float = 120.0
    max_server_wait: float = 600.0
    jitter: float = 0.1
    settle_delay: float = 5.0
    settle_lookups: int = 3

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds before attempt ``attempt + 1``."""
        if retry_after is not None and retry_after >= 0:
            return min(float(retry_after), self.max_server_wait)
        d = min(self.cap, self.base * (self.factor ** max(0, attempt - 1)))
        return d * (1 + random.uniform(-self.jitter, self.jitter)) if self.jitter else d

    def settle_after(self, lookup: int) -> float:
        """Seconds before look-up number ``lookup`` (1-based) of a message whose send is unknown."""
        return self.settle_delay * (2 ** max(0, lookup - 1))


def reconnects(kind: ErrorKind | str | None) -> bool:
    """True when a connect that failed this way may succeed later by itself (the network, a busy server, a
    reply that could not be read): the window tries again. The others wait for the user: sign in, decide on
    a certificate, fix a setting or the data folder."""
    return action_for(kind) in (Action.RETRY_FREE, Action.RETRY, Action.SETTLE)
