"""What happened in the core, as typed events, and the one way they are told: a :class:`Hub`.

Core objects (the Outbox, the session, a mail merge, the account's queue keeper, autosave, the settings file) each own a
:class:`Hub` declaring the events they publish. A listener subscribes to an event CLASS and gets back the call
that unsubscribes it; nobody reassigns another object's callback attribute, and there are no string topics. A
listener that raises is logged and the others are still told: a view must not break the queue.

No Qt, no I/O: the window turns these events into Qt signals in one place (``app.ui.common.core_events``).
The module lives in ``app.domain``, the lowest layer, because ``app.storage`` (the settings file) publishes
too and sits below ``app.core``; the events are plain frozen data. Fields naming a core object (a submission,
a connection state, an Outbox) are typed ``Any`` here: the domain imports no other layer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CoreEvent:
    """Something that happened in the core (a base class: subscribe to its subclasses)."""


# ---- the Outbox (app.core.outbox.owner) ----
@dataclass(frozen=True)
class OutboxChanged(CoreEvent):
    """Something in the Outbox changed (a submission's state, a save, a hold): its rows may read otherwise."""


@dataclass(frozen=True)
class DraftSaved(CoreEvent):
    """A draft reached the server (a save job's, or the save before a send): ``draft`` with its server identity."""

    draft: Any  # app.domain.models.Draft


@dataclass(frozen=True)
class SubmissionFinished(CoreEvent):
    """A submission's state is final (sent, or not sent for good)."""

    submission: Any  # app.core.outbox.submission.Submission


# ---- the session (app.core.accounts.session) ----
@dataclass(frozen=True)
class SessionStateChanged(CoreEvent):
    """The connection state of a session changed (``error``: why, for offline and a refused sign-in)."""

    state: Any  # app.core.accounts.session.ConnectionState
    error: Any = None  # app.mail.errors.MailError | None


# ---- a mail merge (app.core.merge.run) ----
@dataclass(frozen=True)
class MergeProgress(CoreEvent):
    """A merge run moved on: a row changed, a send started or ended."""


@dataclass(frozen=True)
class MergeHeld(CoreEvent):
    """A merge's sends were handed to the Outbox HELD in the undo-send window (one release time for all)."""

    submissions: tuple  # the held app.core.outbox.submission.Submission objects


# ---- the account's queue (app.core.account_queue) ----
@dataclass(frozen=True)
class QueueHeldElsewhere(CoreEvent):
    """Who sends for this account instead of this process, in words ("": this process does now)."""

    words: Any  # app.domain.words.Words | str


@dataclass(frozen=True)
class QueueStarted(CoreEvent):
    """The queue this process waited for (another process held the account's lock) runs here now."""

    outbox: Any  # app.core.outbox.Outbox


@dataclass(frozen=True)
class CommandHandedOver(CoreEvent):
    """A ``dispatch-mail`` command's message came through this process's door into its Outbox (its local id)."""

    local_id: str


# ---- autosave (app.core.compose.autosave) ----
@dataclass(frozen=True)
class DraftKept(CoreEvent):
    """A write of the draft ``local_id`` is on disk in the local journal (told on the event loop)."""

    local_id: str


@dataclass(frozen=True)
class AutosaveFailed(CoreEvent):
    """What was typed could not be written to the local journal (``error``: why); it stays pending."""

    error: Exception


# ---- the settings file (app.storage.settings) ----
@dataclass(frozen=True)
class SettingsProblem(CoreEvent):
    """The settings file could not be read (it was set aside) or written: ``text`` says so in words."""

    text: Any  # app.domain.words.Words | str


# ---- did it arrive (app.core.delivery.watch) ----
@dataclass(frozen=True)
class ReportsRead(CoreEvent):
    """Reports newly read from the Inbox (``reports``: :class:`app.domain.delivery.Report`): the Sent rows they
    are about read otherwise."""

    reports: tuple


# ---- send later, kept by the server (app.core.scheduled.held) ----
@dataclass(frozen=True)
class ScheduledListed(CoreEvent):
    """The server's Outbox was read again, or a message left it by the user's hand: its rows may read otherwise."""


E = TypeVar("E", bound=CoreEvent)


class Hub:
    """The events one core object publishes (``Hub(OutboxChanged, DraftSaved)``), and who is told of each.

    Listeners of an event class are told in the order they subscribed, on the publisher's thread (the event
    loop's: under qasync, the UI thread). An event class the hub does not publish is a programming error:
    subscribing to it, or publishing it, raises ``KeyError``."""

    def __init__(self, *kinds: type[CoreEvent]):
        self._by_kind: dict[type[CoreEvent], list[Callable[[Any], None]]] = {k: [] for k in kinds}

    @property
    def kinds(self) -> tuple[type[CoreEvent], ...]:
        """The event classes this hub publishes."""
        return tuple(self._by_kind)

    def subscribe(self, kind: type[E], fn: Callable[[E], None]) -> Callable[[], None]:
        """Call ``fn(event)`` on each ``kind`` event, until the returned call is made."""
        fns = self._by_kind[kind]  # an event this hub does not publish: KeyError
        fns.append(fn)

        def unsubscribe() -> None:
            if fn in fns:
                fns.remove(fn)
        return unsubscribe

    def publish(self, event: CoreEvent) -> None:
        """Tell every listener of ``event``'s class; one that raises is logged and the others are still told."""
        for fn in list(self._by_kind[type(event)]):
            try:
                fn(event)
            except Exception:  # noqa: BLE001 - a listener must not break the publisher
                log.exception("%s listener failed", type(event).__name__)

    def clear(self) -> None:
        """Nobody is told anything more."""
        for fns in self._by_kind.values():
            fns.clear()
