"""Futures waiting for queued work: for its end, or for its current attempt to end. No Qt."""

from __future__ import annotations

import asyncio


class Waiters:
    """``add(local_id, final)`` returns a future; :meth:`resolve` completes the ones an item satisfies:
    every waiter once the item is final, the ``final=False`` ones as soon as it rests (its attempt
    ended and it now waits for something: a retry later, a sign-in)."""

    def __init__(self):
        self._w: dict[str, list[tuple[asyncio.Future, bool]]] = {}

    def add(self, local_id: str, final: bool) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self._w.setdefault(local_id, []).append((fut, final))
        return fut

    def resolve(self, item, resting: bool) -> None:
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
