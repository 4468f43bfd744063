"""Debounced autosave into the local journal. No Qt: timers come from the asyncio loop (qasync's loop
is Qt's, so ``call_later`` is a Qt timer in the app).

Policy: a change is written to the journal ``idle`` seconds after the last keystroke, and never later
than ``max_delay`` seconds after the first unsaved change (so steady typing is still recorded: nothing
typed more than 2 s ago is ever lost to a crash; ``max_delay`` is 1 s, leaving the other second to the write on
the journal's thread: with 1.5 s, a machine running three test workers and a compile lost the last 39 characters
typed 2 s before a kill -9). A draft costly to take (a long rich
body: Qt's ``toHtml()`` of the whole on the UI thread) waits for a pause of ``idle`` seconds instead, and
``pause_max_delay`` at most (``touch(pause_only=True)``): 2 s, the journal's promise ("nothing typed is
lost: it is journalled within two seconds") — steady typing into a 1 MB rich body then pays one export
(~110 ms) every 2 s; a longer ceiling would trade words for frames. ``flush()`` writes everything pending
at once: call it on every view switch, before Save/Send, and on close.

UI wiring (Compose exposes ``draft()`` and a ``changed`` signal)::

    autosave = Autosave(journal)
    compose.changed.connect(lambda: autosave.touch(compose.snapshot))   # a callable: read lazily
    # autosave.news tells DraftKept (on disk) and AutosaveFailed (app.domain.events), on the loop
    # view switch / close / before save or send:
    autosave.flush()

``touch`` takes a :class:`Draft` or a zero-argument callable returning one. A callable is only
evaluated when the record is due (on the loop's thread), so typing costs nothing but a timer reset.
The callable may return a :class:`Deferred` instead: the draft with its body as a tuple of immutable
pieces (cheap to take on the UI thread however long the body), written by the journal thread.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Callable, Union

from app.core.compose import text_mirror
from app.domain.events import AutosaveFailed, DraftKept, Hub
from app.domain.models import Draft
from app.storage.journal import Journal, State

log = logging.getLogger(__name__)


class Deferred:
    """A draft taken on the UI thread with its body as immutable pieces (Compose's mirror of the body:
    a tuple of references, however long the body). The journal thread streams the pieces into the
    journal (``Journal.record(body_pieces=)``); ``build()`` joins them into a Draft where one is needed."""

    __slots__ = ("draft", "pieces")

    def __init__(self, draft: Draft, pieces: tuple[str, ...]):
        self.draft = draft  # everything but the body
        self.pieces = pieces

    @property
    def local_id(self) -> str:
        return self.draft.local_id

    def build(self) -> Draft:
        return self.draft.copy(body=text_mirror.join(self.pieces))


DraftSource = Union[Draft, Callable[[], Union[Draft, Deferred]]]


class Autosave:
    def __init__(
        self,
        journal: Journal,
        *,
        idle: float = 0.5,
        max_delay: float = 1.0,  # half of the 2 s promise: the rest is the write's (a loaded machine's) margin
        pause_max_delay: float = 2.0,
        call_later: Callable[[float, Callable[[], None]], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
        writer=None,
    ):
        """``writer`` (a :class:`app.core.common.journal_writer.JournalWriter`): the draft is read here, on the
        UI thread, and written on the journal thread, so typing never waits on the disk; without one,
        writes happen at once (tests of the timing rules). Its :attr:`news` tells
        :class:`~app.domain.events.DraftKept` once a write of a draft is on disk (on the loop: the window then says
        the words are kept on this computer) and :class:`~app.domain.events.AutosaveFailed` when one failed."""
        self.journal = journal
        self._writer = writer
        self.news = Hub(DraftKept, AutosaveFailed)
        self._inflight: set = set()
        self.idle = idle
        self.max_delay = max_delay
        self.pause_max_delay = pause_max_delay
        if call_later is None:
            try:  # built inside the app's loop (qasync: Qt's): Qt slots later run outside "running"
                call_later = asyncio.get_running_loop().call_later
            except RuntimeError:
                pass
        self._call_later = call_later
        try:  # where a failure of a background write is reported (the UI's loop)
            self._loop_for_errors = asyncio.get_running_loop()
        except RuntimeError:
            self._loop_for_errors = None
        self._clock = clock
        # local_id -> (source, first unsaved change, last change, written only after a pause)
        self._pending: dict[str, tuple[DraftSource, float, float, bool]] = {}
        self._timer = None
        self._timer_due = float("inf")
        # the signed-in account's key: new journal entries belong to it (set when the session changes,
        # after a flush, so nothing typed under one account is recorded under another)
        self.account = ""
        self.records = 0  # how many journal writes (for tests and the bench)
        self.versions: dict[str, int] = {}  # local_id -> last journal version written

    # ---- the API the UI calls ----
    def touch(self, source: DraftSource, local_id: str | None = None, *, pause_only: bool = False) -> None:
        """Something changed in a draft. ``local_id`` is read from the draft when not given. ``pause_only``:
        taking the draft costs the UI thread more than a frame (a long rich body's HTML), so it is written
        ``idle`` seconds after the last change, not ``max_delay`` after the first while typing goes on: at the
        latest ``pause_max_delay`` after the first (``flush()`` still writes it at once)."""
        if local_id is None:
            local_id = (source() if callable(source) else source).local_id
        now = self._clock()
        first = self._pending[local_id][1] if local_id in self._pending else now
        self._pending[local_id] = (source, first, now, pause_only)
        self._schedule()

    def flush(self, local_id: str | None = None) -> dict[str, int]:
        """Write pending changes now (all, or one draft). Returns {local_id: journal version}."""
        ids = [local_id] if local_id is not None else list(self._pending)
        out = {}
        for lid in ids:
            item = self._pending.pop(lid, None)
            if item is None:
                continue
            try:
                out[lid] = self._record(item[0])
            except Exception as exc:  # disk full, read-only... keep it pending, tell the UI
                self._pending.setdefault(lid, item)
                log.warning("autosave failed: %s", type(exc).__name__)
                self.news.publish(AutosaveFailed(exc))
        self._schedule()
        return out

    def record_now(self, draft: Draft, state: State = State.EDITING) -> int:
        """Write one draft immediately (bypasses the timer; drops anything pending for it)."""
        self._pending.pop(draft.local_id, None)
        return self._record(draft, state)

    def forget(self, local_id: str) -> None:
        """The draft was discarded/closed without changes to keep: drop any pending write."""
        self._pending.pop(local_id, None)
        self._schedule()

    def waits_for_pause(self, local_id: str) -> bool:
        """Is the change pending for ``local_id`` written only once typing pauses (``touch(pause_only=)``)?"""
        item = self._pending.get(local_id)
        return item is not None and item[3]

    @property
    def pending(self) -> list[str]:
        return list(self._pending)

    def close(self) -> None:
        """Flush, wait for the writes, and stop the timer (call on window close)."""
        self.flush()
        self.drain()
        self._cancel_timer()

    # ---- the loop side ----
    def poll(self) -> None:
        """Write whatever is due now (the timer calls this; tests without a loop may call it)."""
        now = self._clock()
        due = [lid for lid, item in self._pending.items() if self._due(*item[1:]) <= now + 1e-3]
        for lid in due:
            self.flush(lid)
        self._schedule()

    def _due(self, first: float, last: float, pause_only: bool = False) -> float:
        return min(last + self.idle, first + (self.pause_max_delay if pause_only else self.max_delay))

    def _record(self, source: DraftSource, state: State = State.EDITING) -> int | None:
        draft = source() if callable(source) else source
        self.records += 1
        if self._writer is None:
            if isinstance(draft, Deferred):
                draft = draft.build()
            version = self.journal.record(draft, state, account=self.account)
            self.versions[draft.local_id] = version
            self.news.publish(DraftKept(draft.local_id))
            return version
        if isinstance(draft, Deferred):  # the body's pieces are never joined on this (the UI) thread
            fut = self._writer.submit(self.journal.record, draft.draft, state, account=self.account,
                                      body_pieces=draft.pieces)
        else:
            fut = self._writer.submit(self.journal.record, draft, state, account=self.account)
        self._inflight.add(fut)
        fut.add_done_callback(lambda f, lid=draft.local_id: self._written(f, lid))
        return None

    def _written(self, fut, local_id: str) -> None:
        """On the journal thread: a background write finished (a failure is reported on the loop)."""
        self._inflight.discard(fut)
        exc = fut.exception()
        if exc is None:
            self.versions[local_id] = fut.result()
            self._call_on_loop(self.news.publish, DraftKept(local_id))
            return
        log.warning("autosave failed: %s", type(exc).__name__)
        self._call_on_loop(self.news.publish, AutosaveFailed(exc))

    def _call_on_loop(self, fn, arg) -> None:
        """``fn(arg)`` on the UI's loop (from the journal thread): its events are told there."""
        try:
            loop = self._loop_for_errors or asyncio.get_event_loop_policy().get_event_loop()
            loop.call_soon_threadsafe(fn, arg)
        except RuntimeError:
            pass

    def drain(self, timeout: float = 10.0) -> None:
        """Wait until every background write reached the journal (on close, and in tests)."""
        import concurrent.futures

        pending = list(self._inflight)
        if pending:
            concurrent.futures.wait(pending, timeout)

    def _schedule(self) -> None:
        if not self._pending:
            self._cancel_timer()
            return
        due = min(self._due(*item[1:]) for item in self._pending.values())
        if self._timer is not None and abs(due - self._timer_due) < 0.01:
            return
        self._cancel_timer()
        call_later = self._call_later
        if call_later is None:
            try:
                call_later = asyncio.get_running_loop().call_later
            except RuntimeError:
                try:
                    call_later = asyncio.get_event_loop().call_later
                except RuntimeError:
                    return  # no loop at all: the caller polls or flushes
        self._timer_due = due
        self._timer = call_later(max(0.0, due - self._clock()), self._fire)

    def _fire(self) -> None:
        self._timer = None
        self._timer_due = float("inf")
        self.poll()

    def _cancel_timer(self) -> None:
        if self._timer is not None and hasattr(self._timer, "cancel"):
            self._timer.cancel()
        self._timer = None
        self._timer_due = float("inf")
