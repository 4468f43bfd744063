"""Futures waiting for queued work: for its end, or for its current attempt to end. No Qt."""

from __future__ import annotations

import asyncio
import logging
from contextlib import contextmanager

log = logging.getLogger(__name__)


class Waiters:
    """``add(local_id, final)`` returns a future; :meth:`resolve` completes the ones an item satisfies:
    every waiter once the item is final, the ``final=False`` ones as soon as it rests (its attempt
    ended and it now waits for something: a retry later, a sign-in)."""

    def __init__(self):
        self._w: dict[str, list[tuple[asyncio.Future, bool]]] = {}
        self._writing: dict[str, int] = {}  # local_id -> state changes of it being written to the journal
        self._calls: dict[str, list] = {}  # local_id -> callables called with the item once it is final
        self._held: dict[str, list[asyncio.Future]] = {}  # local_id -> futures done once it is no longer held

    def writing(self, local_id: str) -> bool:
        """A state change of this item is set in memory but not yet on disk: a waiter must not return on
        that state yet (a caller that stops the queue and reads the journal would find the old one)."""
        return local_id in self._writing

    def written_ids(self):
        """The local ids :meth:`writing` (a live view: one look-up each, for the worker's pass over 5,000)."""
        return self._writing.keys()

    def begin_write(self, local_id: str) -> None:
        self._writing[local_id] = self._writing.get(local_id, 0) + 1

    def end_write(self, local_id: str) -> None:
        left = self._writing.pop(local_id) - 1
        if left:
            self._writing[local_id] = left

    @contextmanager
    def persisting(self, item, resolve):
        """Around "change the state, then write it": :meth:`writing` holds meanwhile. If the write fails,
        ``resolve(item)`` still runs, so no waiter is left waiting on a state the item already has."""
        self.begin_write(item.local_id)
        try:
            yield
        except BaseException:
            self.end_write(item.local_id)
            resolve(item)
            raise
        self.end_write(item.local_id)

    def add(self, local_id: str, final: bool) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self._w.setdefault(local_id, []).append((fut, final))
        return fut

    def released(self, local_id: str) -> asyncio.Future:
        """A future done once the item is no longer HELD (released into the queue, taken back, or gone)."""
        fut = asyncio.get_running_loop().create_future()
        self._held.setdefault(local_id, []).append(fut)
        return fut

    def _not_held(self, item) -> None:
        for fut in self._held.pop(item.local_id, []):
            if not fut.done():
                fut.set_result(item)

    def on_final(self, local_id: str, fn) -> None:
        """``fn(item)`` once the item is final, from :meth:`resolve` (no future, no task: a mail merge
        follows thousands of sends this way, and each task's objects cost the cyclic GC's full collections)."""
        self._calls.setdefault(local_id, []).append(fn)

    def forget(self, local_id: str, fn) -> None:
        """``fn`` is not called for this item (its follower stopped)."""
        calls = self._calls.get(local_id)
        if calls is not None and fn in calls:
            calls.remove(fn)
            if not calls:
                del self._calls[local_id]

    def gone(self, item) -> None:
        """The item left the queue without finishing (the user took it back or deleted it): every waiter
        returns with it as it is and the :meth:`on_final` callables are called with it, so no follower
        waits for it for ever."""
        self._call_back(item)
        self._not_held(item)
        for fut, _only_final in self._w.pop(item.local_id, []):
            if not fut.done():
                fut.set_result(item)

    def _call_back(self, item) -> None:
        for fn in self._calls.pop(item.local_id, ()):
            try:
                fn(item)
            except Exception:  # noqa: BLE001 - one follower must not keep the others from their item
                log.exception("a follower of queued work failed")

    def resolve(self, item, resting: bool) -> None:
        if item.final:
            self._call_back(item)
        if getattr(item, "state", None) != "held":  # SubState.HELD (a str enum; no import of the table here)
            self._not_held(item)
        keep = []
        for fut, only_final in self._w.pop(item.local_id, []):
            if fut.done():
                continue
            if item.final or (resting and not only_final):
                fut.set_result(item)
            else:
                keep.append((fut, only_final))
        if keep:
            self._w[item.local_id] = keep
